"""The public overview: the regional figures (page, CSV, XLSX), the kommune list, and what it must not show."""

import re

import pytest
from django.urls import reverse

from brreg.models import Fylke, Helseregion, Kommune
from soknader.choices import Spesialitet, Status
from soknader.models import Soknad
from tests.brreg.factories import KommuneVirksomhetFactory, VirksomhetFactory
from tests.oversikt.helpers import EXPORT_COLUMNS, EXPORT_HEADERS, csv_rows, kommune_rows, page_row, xlsx_rows
from tests.soknader.factories import KomplettSoknadFactory

pytestmark = pytest.mark.django_db

URL = reverse("oversikt:oversikt")
CSV_URL = reverse("oversikt:regioner_csv")
XLSX_URL = reverse("oversikt:regioner_xlsx")


def _kommuner(region: str) -> list[str]:
    kommuner = Kommune.objects.filter(fylke__helseregion__navn=region).order_by("nummer")
    return list(kommuner.values_list("nummer", flat=True))


def _apply(kommunenummer: str, status: str, spesialitet: str = Spesialitet.ALM, **kwargs):
    return KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer=kommunenummer),
        spesialitet=spesialitet,
        status=status,
        kontaktperson_navn=f"Kontakt {kommunenummer}",
        kontaktperson_epost=f"kontakt{kommunenummer}@kommune.example.no",
        dba_kontakt_navn=f"Databehandler {kommunenummer}",
        dba_kontakt_epost=f"dba{kommunenummer}@kommune.example.no",
        referanse=f"ASA-2021-{int(kommunenummer):05d}{spesialitet}" if status != Status.UTKAST else None,
        **kwargs,
    )


@pytest.fixture
def nord_2021():
    """Nord-Norge as the ALIS-kontor reported it for ALM (54 applications: 26 + 18 + 10), plus noise that must
    not change Nord's ALM figures: drafts, SAM applications, and applications elsewhere in the country."""
    nord = _kommuner("Nord")
    statuses = [Status.ANMODNING_SENDT] * 26 + [Status.INNSENDT] * 10 + [Status.UNDER_BEHANDLING] * 8
    statuses += [Status.REGISTRERT] * 10
    for nummer, status in zip(nord, statuses, strict=False):
        _apply(nummer, status)
    for nummer in nord[54:59]:
        _apply(nummer, Status.UTKAST)
    for nummer in nord[:3]:
        _apply(nummer, Status.INNSENDT, spesialitet=Spesialitet.SAM)
    vest = _kommuner("Vest")
    for nummer in vest[:20]:
        _apply(nummer, Status.REGISTRERT)
    for nummer, status in zip(_kommuner("Sør-Øst")[:3], (Status.AVSLATT, Status.TRUKKET, Status.UTKAST), strict=False):
        _apply(nummer, status)
    return {"nord": nord, "vest": vest}


def _kode(navn: str) -> str:
    return Helseregion.objects.get(navn=navn).kode


def test_nord_example_on_the_page(client, nord_2021):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    nord_kommuner = len(nord_2021["nord"])
    expected_nord = {
        "soknader": 54,
        "under_behandling": 18,
        "anmodning_sendt": 26,
        "registrert": 10,
        "avslatt": 0,
        "trukket": 0,
        "ikke_sokt": nord_kommuner - 54,
        "kommuner": nord_kommuner,
    }
    assert page_row(html, f"region-{_kode('Nord')}") == expected_nord
    assert expected_nord["ikke_sokt"] == 26  # 80 kommuner in Nord (2024) − 54 that applied; drafts do not count
    hele_landet = page_row(html, "region-hele-landet")
    assert hele_landet["soknader"] == 54 + 20 + 2
    assert hele_landet["registrert"] == 10 + 20
    assert hele_landet["avslatt"] == 1 and hele_landet["trukket"] == 1
    assert hele_landet["kommuner"] == Kommune.objects.count() == 357
    assert hele_landet["ikke_sokt"] == 357 - 76
    assert page_row(html, f"region-{_kode('Vest')}")["ikke_sokt"] == len(nord_2021["vest"]) - 20
    # The chart says the same, in text a person can read.
    assert "54 søknader: 18 under behandling · 26 anmodning sendt · 10 registrert" in html
    assert f"26 av {nord_kommuner} kommuner har ikke søkt" in html
    assert 'id="uten-region"' not in html


@pytest.mark.parametrize("read", [csv_rows, xlsx_rows], ids=["csv", "xlsx"])
def test_nord_example_in_the_exports(client, nord_2021, read):
    url = CSV_URL if read is csv_rows else XLSX_URL
    response = client.get(url)
    assert response.status_code == 200
    header, rows = read(response.content)
    assert header == EXPORT_HEADERS  # words people read; programs use regioner.json
    assert list(rows) == [r.navn for r in _regions_in_page_order(client)] + ["Hele landet"]
    assert rows["Nord"] == {
        "helseregion": "Nord",
        "spesialitet": "ALM",
        "soknader": 54,
        "under_behandling": 18,
        "anmodning_sendt": 26,
        "registrert": 10,
        "avslatt": 0,
        "trukket": 0,
        "ikke_sokt": len(nord_2021["nord"]) - 54,
        "kommuner": len(nord_2021["nord"]),
    }
    assert rows["Hele landet"]["soknader"] == 76 and rows["Hele landet"]["kommuner"] == 357
    assert response["Content-Type"] == (
        "text/csv; charset=utf-8"
        if read is csv_rows
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    disposition = response["Content-Disposition"]
    suffix = "csv" if read is csv_rows else "xlsx"
    assert re.fullmatch(rf'attachment; filename="asa-regioner-alm-\d{{4}}-\d{{2}}-\d{{2}}\.{suffix}"', disposition)


def _regions_in_page_order(client) -> list[Helseregion]:
    html = client.get(URL).content.decode()
    koder = re.findall(r'<tr id="region-([\w-]+)"', html)
    by_kode = {r.kode: r for r in Helseregion.objects.all()}
    return [by_kode[k] for k in koder if k in by_kode]


def test_regions_come_from_the_data_in_a_fixed_order(client):
    regions = _regions_in_page_order(client)
    assert {r.pk for r in regions} == set(Helseregion.objects.values_list("pk", flat=True))
    # Ordered by each region's highest fylkesnummer, descending: north to south with the 2024 fylker.
    highest = [max(r.fylker.values_list("nummer", flat=True)) for r in regions]
    assert highest == sorted(highest, reverse=True)
    assert [r.navn for r in regions] == ["Nord", "Midt-Norge", "Vest", "Sør-Øst"]


def test_exports_follow_the_specialty(client, nord_2021):
    for url, read in ((CSV_URL, csv_rows), (XLSX_URL, xlsx_rows)):
        response = client.get(url, {"spesialitet": "SAM"})
        _, rows = read(response.content)
        assert rows["Nord"]["spesialitet"] == "SAM" and rows["Nord"]["soknader"] == 3
        assert "asa-regioner-sam-" in response["Content-Disposition"]


def test_sam_counts_other_organisations_as_applications_but_only_kommuner_as_not_applied(client):
    nord = _kommuner("Nord")
    for nummer in nord[:3]:
        _apply(nummer, Status.INNSENDT, spesialitet=Spesialitet.SAM)
    # Other organisations located in Nord kommuner (one in a kommune that has not applied itself) …
    for i, nummer in enumerate((nord[0], nord[10], nord[10], nord[11])):
        KomplettSoknadFactory(
            virksomhet=VirksomhetFactory(organisasjonsnummer=f"99000000{i}", kommune=Kommune.objects.get(pk=nummer)),
            spesialitet=Spesialitet.SAM,
            status=Status.UNDER_BEHANDLING,
        )
    # … and one with no kommune at all: only in "Hele landet".
    KomplettSoknadFactory(virksomhet=VirksomhetFactory(), spesialitet=Spesialitet.SAM, status=Status.REGISTRERT)

    html = client.get(URL, {"spesialitet": "SAM"}).content.decode()
    row = page_row(html, f"region-{_kode('Nord')}")
    assert row["soknader"] == 3 + 4
    assert row["ikke_sokt"] == len(nord) - 3  # the organisations in nord[10] and nord[11] are not the kommune
    hele_landet = page_row(html, "region-hele-landet")
    assert hele_landet["soknader"] == 8 and hele_landet["registrert"] == 1
    assert hele_landet["ikke_sokt"] == 357 - 3
    assert re.search(r'id="uten-region">\s*1 søknad er fra virksomheter', html)

    statuses = {r["navn"]: r["status"] for r in kommune_rows(html)}
    assert statuses[Kommune.objects.get(pk=nord[0]).navn] == "Sendt inn"
    assert statuses[Kommune.objects.get(pk=nord[10]).navn] == "Ikke søkt"
    # ALM is untouched by SAM.
    alm = page_row(client.get(URL).content.decode(), f"region-{_kode('Nord')}")
    assert alm["soknader"] == 0 and alm["ikke_sokt"] == len(nord)


def test_kommune_list_shows_every_kommune_with_its_status(client, nord_2021):
    rows = kommune_rows(client.get(URL).content.decode())
    assert len(rows) == 357
    by_name = {r["navn"]: r for r in rows}
    nord = Kommune.objects.in_bulk(nord_2021["nord"])
    assert by_name[nord[nord_2021["nord"][0]].navn]["status"] == Status.ANMODNING_SENDT.label
    assert by_name[nord[nord_2021["nord"][53]].navn]["status"] == Status.REGISTRERT.label
    assert by_name[nord[nord_2021["nord"][54]].navn]["status"] == "Ikke søkt"  # a draft is not an application
    assert sum(r["status"] == "Ikke søkt" for r in rows) == 357 - 76


def test_kommune_list_filters_by_helseregion_and_fylke(client, nord_2021):
    vest = Helseregion.objects.get(navn="Vest")
    html = client.get(URL, {"helseregion": vest.kode}).content.decode()
    rows = kommune_rows(html)
    assert len(rows) == Kommune.objects.filter(fylke__helseregion=vest).count() > 0
    assert {r["helseregion"] for r in rows} == {"Vest"}
    assert f'<option value="{vest.kode}" selected>' in html
    # The regional figures stay national whatever the kommune filter.
    assert page_row(html, "region-hele-landet")["kommuner"] == 357

    fylke = Fylke.objects.filter(helseregion__navn="Nord").order_by("nummer").first()
    rows = kommune_rows(client.get(URL, {"fylke": fylke.nummer}).content.decode())
    assert {r["navn"] for r in rows} == set(fylke.kommuner.values_list("navn", flat=True))

    both = client.get(URL, {"helseregion": fylke.helseregion.kode, "fylke": fylke.nummer}).content.decode()
    assert len(kommune_rows(both)) == fylke.kommuner.count()
    mismatch = client.get(URL, {"helseregion": vest.kode, "fylke": fylke.nummer}).content.decode()
    assert kommune_rows(mismatch) == [] and "Ingen kommuner passer til filteret" in mismatch

    # Unknown filter values (an old bookmark) show every kommune rather than an error.
    response = client.get(URL, {"helseregion": "atlantis", "fylke": "99"})
    assert response.status_code == 200 and len(kommune_rows(response.content.decode())) == 357


def test_filter_keeps_the_specialty_and_is_a_plain_get_form(client):
    html = client.get(URL, {"spesialitet": "ARB"}).content.decode()
    form = re.search(r'<form method="get"[^>]*id="kommunefilter".*?</form>', html, re.S).group(0)
    assert '<input type="hidden" name="spesialitet" value="ARB">' in form
    assert 'name="helseregion"' in form and 'name="fylke"' in form and 'type="submit"' in form
    assert '<label class="form-label" for="id_helseregion">' in form and 'for="id_fylke"' in form


def test_no_personal_data_or_application_contents(client, nord_2021):
    soknader = list(Soknad.objects.all())
    pages = [
        client.get(URL).content.decode(),
        client.get(URL, {"spesialitet": "SAM"}).content.decode(),
        client.get(CSV_URL).content.decode(),
    ]
    for html in pages:
        for soknad in soknader:
            for secret in (
                soknad.kontaktperson_navn,
                soknad.kontaktperson_epost,
                soknad.dba_kontakt_navn,
                soknad.dba_kontakt_epost,
                soknad.kontaktperson_telefon,
                soknad.hf_avtale_navn,
                soknad.organisering,
                soknad.referanse,
            ):
                if secret:
                    assert secret not in html, secret


def test_no_login_needed(client, nord_2021):
    for url in (URL, CSV_URL, XLSX_URL):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(URL).content.decode()
    assert 'type="password"' not in page  # no login wall ...
    assert f'href="{reverse("login")}">Logg inn</a>' in page  # ... but the way in for those who apply


@pytest.mark.parametrize("value", ["XYZ", "alm", "ALM'--", ""])
def test_unknown_specialty_is_not_a_server_error(client, value):
    for url in (URL, CSV_URL, XLSX_URL):
        response = client.get(url, {"spesialitet": value})
        if value:
            assert response.status_code == 404, (url, value)
        else:
            assert response.status_code == 200  # empty means the default, allmennmedisin


def test_page_has_one_h1_a_chart_with_a_description_and_the_table(client, nord_2021):
    html = client.get(URL).content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    # The chart's words are HTML text (the page's font size at every width); only the bars are SVG.
    chart = re.search(r'<div id="diagram" role="group" aria-labelledby="diagram-tittel".*?</figure>', html, re.S)
    chart = chart.group(0)
    assert re.search(r'<p id="diagram-tittel"[^>]*>Allmennmedisin', chart)
    assert re.search(r'<p class="fw-semibold mb-1">Nord</p>.*?<p class="small mb-0">54 søknader', chart, re.S)
    assert chart.count('class="stolpe ') == Helseregion.objects.count()
    assert "<text" not in re.sub(r'<text x="[\d.]+%"[^>]*font-size="14"', "", chart)  # numbers in bars at 14 px
    # Coordinates are plain numbers, never localised ("12,5" would break the SVG).
    assert not re.search(r'(x|width)="\d+,\d', chart)
    assert 'id="regiontabell"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_other_methods_are_refused(client):
    assert client.post(URL).status_code == 405


def test_every_submitted_status_falls_in_exactly_one_column():
    """A status added later must be given a column here, or the columns would no longer add up to «Søknader»."""
    from oversikt import selectors as overview

    kolonner = [
        set(overview.UNDER_BEHANDLING),
        set(overview.ANMODNING),
        {Status.REGISTRERT},
        {Status.AVSLATT},
        {Status.TRUKKET},
    ]
    assert sorted(s for kolonne in kolonner for s in kolonne) == sorted(overview.SOKT)


def test_an_organisation_that_applies_again_counts_once_with_its_latest_application(client):
    """Issue 11: a new application may be started after avslag or trekk; the overview counts each organisation's
    latest application."""
    import datetime as dt

    old = KomplettSoknadFactory(status=Status.AVSLATT, referanse="ASA-2019-1", soknadsdato=dt.date(2019, 5, 2))
    KomplettSoknadFactory(
        virksomhet=old.virksomhet, status=Status.INNSENDT, referanse="ASA-2024-1", soknadsdato=dt.date(2024, 2, 3)
    )
    html = client.get(URL).content.decode()
    landet = page_row(html, "region-hele-landet")
    assert (landet["soknader"], landet["under_behandling"], landet["avslatt"]) == (1, 1, 0)
    bodo = {r["navn"]: r for r in kommune_rows(html)}["Bodø"]
    assert bodo["status"] == Status.INNSENDT.label
    assert "Midlertidig registrert" not in html  # § 38: only applications made by 1 June 2019


def test_programs_read_the_same_figures_with_stable_keys_from_the_json(client, nord_2021):
    data = client.get(reverse("oversikt:regioner_json")).json()
    assert data["spesialitet"] == "ALM"
    nord = next(rad for rad in data["regioner"] if rad["helseregion"] == "Nord")
    assert (nord["soknader"], nord["under_behandling"], nord["anmodning_sendt"], nord["registrert"]) == (54, 18, 26, 10)
    assert list(nord) == EXPORT_COLUMNS


def test_kommune_list_search_by_name_and_filter_by_status(client, nord_2021):
    nord = Kommune.objects.in_bulk(nord_2021["nord"])
    first = nord[nord_2021["nord"][0]]  # anmodning sendt
    # Part of the name, in other case: found, whatever the database's own case rules for æ, ø, å.
    html = client.get(URL, {"q": first.navn[:4].swapcase()}).content.decode()
    rows = kommune_rows(html)
    assert first.navn in {r["navn"] for r in rows}
    assert all(first.navn[:4].casefold() in r["navn"].casefold() for r in rows)
    assert f'name="q" id="id_q" value="{first.navn[:4].swapcase()}"' in html
    assert kommune_rows(client.get(URL, {"q": "Bodø"}).content.decode())[0]["navn"] == "Bodø"
    assert [r["navn"] for r in kommune_rows(client.get(URL, {"q": "1804"}).content.decode())] == ["Bodø"]

    rows = kommune_rows(client.get(URL, {"status": "anmodning_sendt"}).content.decode())
    assert len(rows) == 26 and {r["status"] for r in rows} == {Status.ANMODNING_SENDT.label}
    rows = kommune_rows(client.get(URL, {"status": "under_behandling"}).content.decode())
    assert len(rows) == 18 and {r["status"] for r in rows} == {Status.INNSENDT.label, Status.UNDER_BEHANDLING.label}
    rows = kommune_rows(client.get(URL, {"status": "ikke_sokt", "helseregion": _kode("Nord")}).content.decode())
    assert len(rows) == len(nord_2021["nord"]) - 54 and {r["status"] for r in rows} == {"Ikke søkt"}

    both = client.get(URL, {"status": "registrert", "q": "zzz"}).content.decode()
    assert kommune_rows(both) == [] and "Ingen kommuner passer til søket eller filteret." in both
    # An unknown status shows every kommune.
    assert len(kommune_rows(client.get(URL, {"status": "nesten"}).content.decode())) == 357


def test_search_and_status_are_in_the_plain_get_form(client):
    html = client.get(URL, {"status": "registrert"}).content.decode()
    form = re.search(r'<form method="get"[^>]*id="kommunefilter".*?</form>', html, re.S).group(0)
    assert 'type="search" name="q"' in form and '<label class="form-label" for="id_q">Søk etter kommune' in form
    assert '<option value="registrert" selected>Registrert</option>' in form
    assert 'href="/oversikt/kommuner.csv?spesialitet=ALM&amp;status=registrert"' in html


def test_kommune_list_as_csv_with_the_page_filter(client, nord_2021):
    response = client.get(reverse("oversikt:kommuner_csv"), {"status": "anmodning_sendt"})
    assert response.status_code == 200
    assert re.fullmatch(r'attachment; filename="asa-kommuner-alm-[\d-]+\.csv"', response["Content-Disposition"])
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        '"Kommunenummer";"Kommune";"Fylke";"Helseregion";"Status";"Registrert fra";"Midlertidig registrert fra"'
    )
    assert len(lines) == 1 + 26 and all(f'"Nord";"{Status.ANMODNING_SENDT.label}"' in line for line in lines[1:])
