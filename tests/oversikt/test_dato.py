"""The regional table as of a chosen date, rebuilt from the status history (issue 21): the guidance's Nord table
"per 20. januar 2021" reproduced from an imported history, the date field on /oversikt/ and `?dato=` on the
exports."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from brreg.models import Helseregion, Kommune
from oversikt import figurcache, selectors
from soknader.choices import Spesialitet, Status
from soknader.models import Soknad, Statusendring
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.oversikt.helpers import bulk_applications, csv_rows, kommune_rows, page_row, xlsx_rows
from tests.soknader.factories import KomplettSoknadFactory

pytestmark = pytest.mark.django_db

URL = reverse("oversikt:oversikt")
INN = Status.INNSENDT
UB = Status.UNDER_BEHANDLING
AS = Status.ANMODNING_SENDT
SM = Status.SVAR_MOTTATT
SP = Status.SENDT_INN_PA_NYTT
REG = Status.REGISTRERT
AVS = Status.AVSLATT
TR = Status.TRUKKET


def _tid(tekst: str) -> dt.datetime:
    """A moment in Norwegian time, "2021-01-20 23:30"."""
    return timezone.make_aware(dt.datetime.fromisoformat(tekst))


def _historikk(soknad: Soknad, *endringer: tuple[str, str]) -> None:
    """Dated status changes (moment, new status), from the draft on, as the service writes them when a søker sends
    in and a caseworker acts. `tidspunkt` is set on creation (auto_now_add), so the date is written after."""
    fra = Status.UTKAST
    for tidspunkt, til in endringer:
        endring = Statusendring.objects.create(soknad=soknad, fra_status=fra, til_status=til)
        Statusendring.objects.filter(pk=endring.pk).update(tidspunkt=_tid(tidspunkt))
        fra = til


def _nord() -> list[str]:
    return list(
        Kommune.objects.filter(fylke__helseregion__navn="Nord").order_by("nummer").values_list("nummer", flat=True)
    )


def _record(nummer: str, status: str, soknadsdato: str | None, vedtaksdato: str | None = None, **extra) -> dict:
    record = {"organisasjonsnummer": Kommune.objects.get(pk=nummer).organisasjonsnummer, "spesialitet": "ALM"}
    record.update(status=status, soknadsdato=soknadsdato, vedtaksdato=vedtaksdato, **extra)
    return record


# What each Nord kommune (by its place in the list of Nord's kommuner, sorted by number) went through: its
# søknadsdato, today's status and vedtaksdato (what the Altinn file says), and its dated status changes.
NORD_HISTORIKK = [
    # 26 asked for more information by 20 January 2021, answered or not
    (
        range(0, 6),
        "2019-05-20",
        SM,
        None,
        [("2019-05-20 10:00", INN), ("2019-09-02 09:00", UB), ("2020-03-10 12:00", AS), ("2020-06-15 14:00", SM)],
    ),
    (
        range(6, 10),
        "2019-05-20",
        SP,
        None,
        [("2019-05-20 10:00", INN), ("2019-09-02 09:00", UB), ("2020-03-10 12:00", AS), ("2020-11-01 08:00", SP)],
    ),
    # answered after the date and registered in March
    (
        range(10, 14),
        "2019-05-22",
        REG,
        "2021-03-15",
        [
            ("2019-05-22 10:00", INN),
            ("2019-09-02 09:00", UB),
            ("2020-03-10 12:00", AS),
            ("2021-02-03 13:00", SM),
            ("2021-03-15 10:00", REG),
        ],
    ),
    # the request went out late in the evening of the date itself: it counts
    (
        range(14, 16),
        "2019-05-24",
        AS,
        None,
        [("2019-05-24 10:00", INN), ("2020-01-15 09:00", UB), ("2021-01-20 23:30", AS)],
    ),
    (
        range(16, 26),
        "2019-05-31",
        AS,
        None,
        [("2019-05-31 10:00", INN), ("2020-01-15 09:00", UB), ("2020-03-10 12:00", AS)],
    ),
    # 18 sent in and not yet assessed
    (range(26, 30), "2020-12-01", UB, None, [("2020-12-01 10:00", INN), ("2021-01-21 00:00", UB)]),  # just after
    (range(30, 32), "2020-12-01", AS, None, [("2020-12-01 10:00", INN), ("2021-02-10 11:00", AS)]),
    (range(32, 36), "2020-12-02", INN, None, [("2020-12-02 10:00", INN)]),
    (
        range(36, 38),
        "2019-05-28",
        REG,
        "2021-02-01",
        [("2019-05-28 10:00", INN), ("2020-01-15 09:00", UB), ("2021-02-01 10:00", REG)],
    ),
    (
        range(38, 39),
        "2019-05-28",
        AVS,
        "2021-02-20",
        [("2019-05-28 10:00", INN), ("2020-01-15 09:00", UB), ("2021-02-20 10:00", AVS)],
    ),  # applies again in March
    (range(39, 44), "2019-05-28", UB, None, [("2019-05-28 10:00", INN), ("2020-01-15 09:00", UB)]),
    # 10 registered (one of them on the date itself)
    (
        range(44, 52),
        "2019-05-15",
        REG,
        "2020-10-01",
        [("2019-05-15 10:00", INN), ("2019-08-01 09:00", UB), ("2020-10-01 10:00", REG)],
    ),
    (
        range(52, 53),
        "2019-05-15",
        REG,
        "2021-01-20",
        [("2019-05-15 10:00", INN), ("2019-08-01 09:00", UB), ("2021-01-20 09:00", REG)],
    ),
    # only what Altinn's file says (sent in May 2019, registered 1 December 2020): no dated change of its own, only
    # the import's history row, dated the day of the import
    (range(53, 54), "2019-05-30", REG, "2020-12-01", []),
    # sent in after the date
    (range(54, 57), "2021-02-05", INN, None, [("2021-02-05 10:00", INN)]),
    (range(57, 59), None, Status.UTKAST, None, []),  # drafts never count
    (range(59, 60), "2021-02-15", TR, "2021-03-10", [("2021-02-15 10:00", INN), ("2021-03-10 10:00", TR)]),
]


@pytest.fixture
def nord_historikk(tmp_path):
    """Nord's ALM applications imported from an Altinn file through `manage.py importer_soknader` (søknadsdato,
    today's status, vedtaksdato), with their dated status changes.

    The interchange format's `historikk` is export-only (an import ignores it and writes one row «Importert fra
    Altinn» dated the day of the import, docs/soknad-format.md), so the dated changes before and after 20 January
    2021 are written as Statusendring rows here, as the service writes them.
    """
    nord = _nord()
    records = []
    for plasser, soknadsdato, status, vedtaksdato, _endringer in NORD_HISTORIKK:
        for i in plasser:
            records.append(_record(nord[i], status, soknadsdato, vedtaksdato))
    # noise that must not change Nord's ALM figures: SAM in Nord, and ALM elsewhere
    for nummer in nord[:3]:
        records.append({**_record(nummer, INN, "2020-05-05"), "spesialitet": "SAM"})
    vest = list(Kommune.objects.filter(fylke__helseregion__navn="Vest").values_list("nummer", flat=True)[:2])
    records += [_record(vest[0], REG, "2019-05-05", "2020-02-02"), _record(vest[1], INN, "2020-05-05")]
    fil = tmp_path / "altinn.json"
    fil.write_text(json.dumps(records), encoding="utf-8")
    ut = io.StringIO()
    call_command("importer_soknader", str(fil), stdout=ut)
    assert "Opprettet: 65, oppdatert: 0." in ut.getvalue()

    soknader = {
        s.virksomhet.kommune_id: s for s in Soknad.objects.filter(spesialitet="ALM").select_related("virksomhet")
    }
    assert len(soknader) == 62
    for plasser, _soknadsdato, _status, _vedtaksdato, endringer in NORD_HISTORIKK:
        for i in plasser:
            _historikk(soknader[nord[i]], *endringer)
    # nord[38], refused in February 2021, applies again on 1 March 2021 (a new application of the same kommune)
    igjen = KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer=nord[38]),
        status=INN,
        soknadsdato=dt.date(2021, 3, 1),
        referanse="ASA-2021-99999",
    )
    _historikk(igjen, ("2021-03-01 10:00", INN))
    return nord


def _kode(navn: str) -> str:
    return Helseregion.objects.get(navn=navn).kode


def test_nord_per_20_january_2021_is_the_guidance_table(client, nord_historikk):
    html = client.get(URL, {"dato": "2021-01-20"}).content.decode()
    # The guidance (shared/domain/003): per 20 January 2021, Nord, allmennmedisin: 54 applications, 26 with an
    # anmodning, 18 under behandling not yet assessed, 10 registered, 24 kommuner that had not applied. The
    # register here is today's (80 kommuner in Nord, 2024): 80 − 54 = 26 had not applied.
    assert page_row(html, f"region-{_kode('Nord')}") == {
        "soknader": 54,
        "under_behandling": 18,
        "anmodning_sendt": 26,
        "registrert": 10,
        "avslatt": 0,
        "trukket": 0,
        "ikke_sokt": 80 - 54,
        "kommuner": 80,
    }
    # Vest: one registered in 2020, one sent in 2020 (imported without dated changes: sent in, not assessed)
    assert page_row(html, f"region-{_kode('Vest')}")["soknader"] == 2
    assert page_row(html, f"region-{_kode('Vest')}")["registrert"] == 1
    assert "Allmennmedisin: søknader per helseregion per 20. januar 2021" in html
    assert "per 20. januar 2021" in html.split("<caption>")[1].split("</caption>")[0]


def test_nord_at_the_end_of_march_2021_hand_counted(client, nord_historikk):
    html = client.get(URL, {"dato": "2021-03-31"}).content.decode()
    # By NORD_HISTORIKK's places:
    #   anmodning: 0–5 answered (6) + 6–9 sent in again (4) + 14–15 (2) + 16–25 (10) + 30–31 asked 10 Feb (2) = 24
    #   under behandling: 26–29 (4) + 32–35 (4) + 39–43 (5) + 54–56 sent in 5 Feb (3)
    #                     + 38's new application of 1 March (its refusal of 20 Feb is replaced) (1)          = 17
    #   registrert: 10–13 on 15 March (4) + 36–37 on 1 Feb (2) + 44–53 (10)                                    = 16
    #   trukket: 59, sent in 15 Feb and withdrawn 10 March (1); avslått: 0 (38 applied again)
    #   søknader 24 + 17 + 16 + 1 = 58, from 58 kommuner (0–56 and 59); 80 − 58 = 22 have not applied
    expected = {
        "soknader": 58,
        "under_behandling": 17,
        "anmodning_sendt": 24,
        "registrert": 16,
        "avslatt": 0,
        "trukket": 1,
        "ikke_sokt": 22,
        "kommuner": 80,
    }
    assert page_row(html, f"region-{_kode('Nord')}") == expected
    # Nothing has happened since: the table of today (the live one, from the applications' statuses) is the same.
    assert page_row(client.get(URL).content.decode(), f"region-{_kode('Nord')}") == expected


def test_nord_on_the_day_before_and_in_june_2019(client, nord_historikk):
    # 19 January 2021: 14–15's anmodning (20 Jan, 23:30) and 52's registration (20 Jan) had not happened:
    # anmodning 26 − 2 = 24, under behandling 18 + 2 + 1 = 21, registrert 10 − 1 = 9
    row = page_row(client.get(URL, {"dato": "2021-01-19"}).content.decode(), f"region-{_kode('Nord')}")
    assert (row["soknader"], row["anmodning_sendt"], row["under_behandling"], row["registrert"]) == (54, 24, 21, 9)
    # 1 June 2019: the ones sent in May 2019 (0–25, 36–53) = 44, none assessed yet
    row = page_row(client.get(URL, {"dato": "2019-06-01"}).content.decode(), f"region-{_kode('Nord')}")
    assert (row["soknader"], row["under_behandling"], row["ikke_sokt"]) == (44, 44, 80 - 44)


def test_a_kept_dated_table_follows_a_change_to_the_history(client, nord_historikk, django_capture_on_commit_callbacks):
    """The table of a date is kept for the next visitor; a status change dated before it (as an import writes) is
    on the next view, never the table from before."""
    params = {"dato": "2021-03-31"}
    for_ = page_row(client.get(URL, params).content.decode(), f"region-{_kode('Nord')}")
    assert page_row(client.get(URL, params).content.decode(), f"region-{_kode('Nord')}") == for_
    soknad = Soknad.objects.filter(
        spesialitet=Spesialitet.ALM, virksomhet__kommune__fylke__helseregion__navn="Nord", status=Status.REGISTRERT
    ).first()
    with django_capture_on_commit_callbacks(execute=True):
        rad = Statusendring.objects.create(soknad=soknad, fra_status=Status.REGISTRERT, til_status=Status.AVSLATT)
        Statusendring.objects.filter(pk=rad.pk).update(tidspunkt=_tid("2021-03-30 12:00"))
    etter = page_row(client.get(URL, params).content.decode(), f"region-{_kode('Nord')}")
    assert (etter["registrert"], etter["avslatt"]) == (for_["registrert"] - 1, for_["avslatt"] + 1)


def test_today_rebuilt_from_the_history_is_the_live_table(nord_historikk):
    for spesialitet in Spesialitet:
        assert selectors.region_figures_on(spesialitet, timezone.localdate()) == selectors.region_figures(spesialitet)


def test_the_kommune_list_of_the_date(client, nord_historikk):
    nord = Kommune.objects.in_bulk(nord_historikk)
    html = client.get(URL, {"dato": "2021-01-20", "helseregion": _kode("Nord")}).content.decode()
    assert "Kommunene – allmennmedisin, per 20. januar 2021" in html
    status = {r["navn"]: r["status"] for r in kommune_rows(html)}
    assert len(status) == 80

    def av(i: int) -> str:
        return status[nord[nord_historikk[i]].navn]

    assert av(0) == "Svar mottatt"
    assert av(10) == av(14) == "Anmodning om mer informasjon sendt"  # 10 answered later, 14 asked at 23:30
    assert av(26) == "Sendt inn"  # under review from the next day
    assert av(38) == av(39) == "Under behandling"  # 38 refused in February
    assert av(52) == av(53) == "Registrert"
    assert av(54) == av(57) == av(59) == "Ikke søkt"  # sent in later, a draft, sent in later
    # the kommune list as CSV, of the same date and filter
    response = client.get(reverse("oversikt:kommuner_csv"), {"dato": "2021-01-20", "status": "anmodning_sendt"})
    assert response["Content-Disposition"] == 'attachment; filename="asa-kommuner-alm-2021-01-20.csv"'
    assert response.content.decode("utf-8-sig").count("\n") == 1 + 26


def test_today_rebuilt_from_the_history_is_the_live_kommune_list(nord_historikk):
    i_dag = timezone.localdate()
    assert selectors.kommune_statuses_on("ALM", i_dag) == selectors.kommune_statuses("ALM")


def test_the_exports_take_the_date(client, nord_historikk):
    nord = {"soknader": 54, "under_behandling": 18, "anmodning_sendt": 26, "registrert": 10, "ikke_sokt": 26}
    for url, read, suffix in (
        ("oversikt:regioner_csv", csv_rows, "csv"),
        ("oversikt:regioner_xlsx", xlsx_rows, "xlsx"),
    ):
        response = client.get(reverse(url), {"dato": "2021-01-20"})
        assert response.status_code == 200
        _header, rows = read(response.content)
        assert {k: rows["Nord"][k] for k in nord} == nord
        assert response["Content-Disposition"] == f'attachment; filename="asa-regioner-alm-2021-01-20.{suffix}"'
    data = client.get(reverse("oversikt:regioner_json"), {"dato": "2021-01-20"}).json()
    assert data["dato"] == "2021-01-20"
    rad = next(r for r in data["regioner"] if r["helseregion"] == "Nord")
    assert {k: rad[k] for k in nord} == nord
    # without a date: today's figures and today's date, as before
    data = client.get(reverse("oversikt:regioner_json")).json()
    assert data["dato"] == timezone.localdate().isoformat()
    assert next(r for r in data["regioner"] if r["helseregion"] == "Nord")["registrert"] == 16


@pytest.mark.parametrize("name", ["oversikt:regioner_csv", "oversikt:regioner_xlsx", "oversikt:regioner_json"])
def test_an_export_with_a_bad_date_says_so(client, name):
    response = client.get(reverse(name), {"dato": "20.01.2021"})
    assert response.status_code == 400
    assert "ÅÅÅÅ-MM-DD" in response.content.decode()


# ---- the form ---------------------------------------------------------------------------------------------------


def test_the_page_has_a_date_field_in_a_plain_get_form(client):
    html = client.get(URL).content.decode()
    form = html[html.index('<form method="get" action="" id="datoskjema"') :]
    form = form[: form.index("</form>")]
    assert '<label class="form-label" for="id_dato">Vis tallene per dato</label>' in form
    assert 'type="date" name="dato" id="id_dato" value=""' in form
    assert f'max="{timezone.localdate().isoformat()}"' in form
    assert 'name="spesialitet" value="ALM"' in form
    assert html.split('id="regioner-tittel">')[1].split("</h2>")[0] == "Allmennmedisin: søknader per helseregion"


@pytest.mark.parametrize(
    "verdi, melding",
    [
        ("20.01.2021", "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2021-01-20."),
        ("2021-02-30", "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2021-01-20."),
        ("i går", "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2021-01-20."),
        ("2099-01-01", "Datoen kan ikke være etter i dag."),
        ("1999-12-31", "Tallene går tilbake til 1. januar 2019."),
    ],
)
def test_a_bad_date_is_explained_next_to_the_field_and_today_is_shown(client, verdi, melding):
    KomplettSoknadFactory(status=Status.INNSENDT, soknadsdato=dt.date(2021, 1, 4))  # Bodø, sent in 2021
    response = client.get(URL, {"dato": verdi, "spesialitet": "ALM"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{verdi}"' in html  # the input is kept
    assert 'aria-invalid="true"' in html and 'aria-describedby="dato-feil"' in html
    assert f'<div class="invalid-feedback d-block" id="dato-feil">{melding}</div>' in html
    # today's table, without "per"
    assert page_row(html, f"region-{_kode('Nord')}")["soknader"] == 1
    assert html.split('id="regioner-tittel">')[1].split("</h2>")[0] == "Allmennmedisin: søknader per helseregion"


def test_a_date_is_kept_in_the_specialty_links_and_the_exports(client):
    html = client.get(URL, {"dato": "2021-01-20", "spesialitet": "SAM"}).content.decode()
    assert 'value="2021-01-20"' in html
    assert "?spesialitet=ALM&amp;dato=2021-01-20" in html
    assert f"{reverse('oversikt:regioner_csv')}?spesialitet=SAM&amp;dato=2021-01-20" in html
    assert "Samfunnsmedisin: søknader per helseregion per 20. januar 2021" in html


def test_a_date_in_nynorsk(client, nord_historikk):
    client.cookies["django_language"] = "nn"
    html = client.get(URL, {"dato": "2021-01-20"}).content.decode()
    assert "Vis tala per dato" in html
    assert page_row(html, f"region-{_kode('Nord')}")["anmodning_sendt"] == 26


def test_the_legend_says_what_each_column_counts(client):
    html = client.get(URL).content.decode()
    legend = html[html.index('id="forklaring"') :]
    legend = legend[: legend.index("</dl>")]
    for _felt, tittel in selectors.KOLONNER:
        assert f'<dt class="col-sm-3">{tittel}</dt>' in legend
    assert "svart eller ikke" in legend  # anmodning sendt: answered or not
    assert "ikke vurdert" in legend  # under behandling: not yet assessed


# ---- cost ---------------------------------------------------------------------------------------------------------


def _bulk_history(prefix: str) -> None:
    """A sent-in date and one dated change for every application made by bulk_applications (not yet given one)."""
    nye = Soknad.objects.filter(soknadsdato__isnull=True).exclude(status=Status.UTKAST)
    nye.update(soknadsdato=dt.date(2020, 6, 1))
    Statusendring.objects.bulk_create(
        Statusendring(soknad_id=pk, fra_status=Status.UTKAST, til_status=status)
        for pk, status in Soknad.objects.filter(historikk__isnull=True).values_list("pk", "status")
    )
    Statusendring.objects.filter(tidspunkt__gte=_tid("2026-01-01 00:00")).update(tidspunkt=_tid("2020-09-01 10:00"))
    figurcache.ny_versjon()  # bulk writes send no signals: say the figures changed, as a bulk write must


def _queries(client, url, params) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content


@pytest.mark.parametrize(
    "name",
    ["oversikt:oversikt", "oversikt:regioner_csv", "oversikt:regioner_xlsx", "oversikt:regioner_json"],
)
def test_a_dated_table_costs_the_same_queries_with_10_and_5000_applications(client, name):
    params = {"dato": "2021-01-20", "spesialitet": "SAM"}
    bulk_applications(10, prefix="7")
    _bulk_history("7")
    few, _ = _queries(client, reverse(name), params)
    bulk_applications(4_990, prefix="8")
    _bulk_history("8")
    many, content = _queries(client, reverse(name), params)
    assert few == many, (few, many)
    # the page: the version, two cache reads, the fylker, the kommuner per region, the applications' statuses then
    # grouped, the kommuner's own applications then, the kommuner, and the cache's write (its size, the key, the
    # row); an export: the kommuner per region and the grouped statuses
    assert many == (13 if name == "oversikt:oversikt" else 2), many
    if name == "oversikt:oversikt":  # kept: the next visitor's page costs the version and one read
        igjen, samme = _queries(client, reverse(name), params)
        assert igjen == 2
        assert page_row(samme.decode(), "region-hele-landet") == page_row(content.decode(), "region-hele-landet")
    if name == "oversikt:oversikt":
        sendt = Soknad.objects.filter(spesialitet="SAM").exclude(status=Status.UTKAST).count()
        assert page_row(content.decode(), "region-hele-landet")["soknader"] == sendt
