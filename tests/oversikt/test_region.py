"""The ALIS-kontor view: one's own region only; status, findings and the contact persons of each application (the
office helps the kommune: docs/personvern.md), the kommuner that have not applied, filters and the list as a file."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from brreg.models import Helseregion, Kommune
from soknader.models import Regiontilgang
from soknader.services import refresh
from tests.brreg.factories import KommuneVirksomhetFactory, VirksomhetFactory
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    SoknadFactory,
    UserFactory,
    gi_tilgang,
)

pytestmark = pytest.mark.django_db

LIST = "oversikt:region"
IKKE_SOKT = "oversikt:region_ikke_sokt"
CSV = "oversikt:region_csv"
XLSX = "oversikt:region_xlsx"


def alis_user(kode="nord"):
    user = UserFactory()
    Regiontilgang.objects.create(bruker=user, helseregion=Helseregion.objects.get(kode=kode))
    return user


@pytest.fixture
def alis_nord(client):
    user = alis_user()
    client.force_login(user)
    return user


def _submitted(kommunenummer, *, status="innsendt", **kwargs):
    soknad = KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer=kommunenummer),
        status=status,
        soknadsdato="2026-10-01",
        **kwargs,
    )
    refresh.mangler_refresh(soknad=soknad)
    return soknad


def _main(client, url):
    return client.get(url).content.decode().split("<main", 1)[1]


def _csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b'\xef\xbb\xbf"')
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_region_list_shows_status_findings_and_the_contact_person(client, alis_nord):
    tromso = _submitted("5501")
    bergen = _submitted("4601", kontaktperson_navn="Berit Bergen")
    SoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="1804"))  # a draft: not shown
    page = _main(client, reverse(LIST))
    assert tromso.virksomhet.navn in page and "Ingen læringsarena" in page and "Sendt inn" in page
    assert bergen.virksomhet.navn not in page and "Berit Bergen" not in page and "Bodø" not in page
    # the contact person as the form stores it, e-mail and phone as links
    assert "Kari Nordmann" in page
    assert '<a href="mailto:kari@bodo.kommune.no">kari@bodo.kommune.no</a>' in page
    assert '<a href="tel:75555000">75 55 50 00</a>' in page
    assert "Viser 1 søknad." in page


def test_the_application_page_shows_both_contact_persons(client, alis_nord):
    tromso = _submitted("5501")
    detail = _main(client, reverse("oversikt:region_soknad", args=[tromso.pk]))
    assert "Ingen læringsarena" in detail and "Søknaden har ingen læringsarenaer." in detail
    assert "INGEN_ARENA" not in detail  # the label, not the internal code
    assert "Kari Nordmann" in detail and "75 55 50 00" in detail and "kari@bodo.kommune.no" in detail
    assert "Ola Nordmann" in detail and "+47 755 55 001" in detail and "ola@bodo.kommune.no" in detail


def test_an_application_without_a_contact_person_says_so(client, alis_nord):
    soknad = _submitted("5501", kontaktperson_navn="", kontaktperson_epost="", kontaktperson_telefon="")
    assert "Ikke oppgitt" in _main(client, reverse(LIST))
    assert "Ikke oppgitt" in _main(client, reverse("oversikt:region_soknad", args=[soknad.pk]))


def test_another_regions_application_answers_404(client, alis_nord):
    bergen = _submitted("4601")
    draft_in_nord = SoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="1804"))
    assert client.get(reverse("oversikt:region_soknad", args=[bergen.pk])).status_code == 404
    assert client.get(reverse("oversikt:region_soknad", args=[draft_in_nord.pk])).status_code == 404


def _every_url(soknad):
    return [
        reverse(LIST),
        reverse(LIST) + "?status=registrert",
        reverse(IKKE_SOKT),
        reverse("oversikt:region_ikke_sokt_csv"),
        reverse(CSV),
        reverse(XLSX),
        reverse("oversikt:region_soknad", args=[soknad.pk]),
    ]


def test_anonymous_must_log_in_and_a_soker_without_a_region_is_refused_on_every_url(client):
    soknad = _submitted("5501")
    for url in _every_url(soknad):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    soker = gi_tilgang(UserFactory(), soknad.virksomhet)  # even the applicant of this very application
    client.force_login(soker)
    for url in _every_url(soknad):
        assert client.get(url).status_code == 403, url


def test_another_region_never_sees_nord_in_list_export_or_kommuner(client):
    tromso = _submitted("5501", kontaktperson_navn="Tove Tromsø")
    client.force_login(alis_user("vest"))
    assert client.get(reverse("oversikt:region_soknad", args=[tromso.pk])).status_code == 404
    for query in ("", "?spesialitet=ALM", "?status=under_behandling", "?mangel=INGEN_ARENA"):
        page = _main(client, reverse(LIST) + query)
        assert "Tove Tromsø" not in page and tromso.virksomhet.navn not in page
        assert "Viser 0 søknader." in page
        rows = _csv(client.get(reverse(CSV) + query).content)
        assert len(rows) == 1 and "Tove Tromsø" not in str(rows)
        sheet = load_workbook(io.BytesIO(client.get(reverse(XLSX) + query).content)).active
        assert sheet.max_row == 1
    ikke_sokt = _main(client, reverse(IKKE_SOKT))
    assert "Tromsø" not in ikke_sokt and "Bodø" not in ikke_sokt and "Bergen" in ikke_sokt
    kommuner = [r[1] for r in _csv(client.get(reverse("oversikt:region_ikke_sokt_csv")).content)[1:]]
    assert "Bergen" in kommuner and "Tromsø" not in kommuner and "Bodø" not in kommuner


def test_kommuner_that_have_not_applied_per_specialty(client, alis_nord):
    nord = Kommune.objects.filter(fylke__helseregion__kode="nord").count()
    _submitted("5501")  # Tromsø, ALM
    _submitted("1804", spesialitet="SAM")  # Bodø, SAM only
    SoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="1806"))  # Narvik: a draft is not applied
    # an organisation in Bindal, not the kommune itself: Bindal has not applied
    KomplettSoknadFactory(virksomhet=VirksomhetFactory(kommune=Kommune.objects.get(nummer="1811")), status="innsendt")
    page = _main(client, reverse(IKKE_SOKT))
    assert f"{nord - 1} kommuner har ikke søkt om allmennmedisin" in page
    assert "Tromsø" not in page and "Bodø" in page and "Narvik" in page and "Bindal" in page
    assert "Bergen" not in page  # another region's kommune
    assert f'Kommuner som ikke har søkt <span class="badge text-bg-secondary">{nord - 1}</span>' in page
    sam = _main(client, reverse(IKKE_SOKT) + "?spesialitet=SAM")
    assert f"{nord - 1} kommuner har ikke søkt om samfunnsmedisin" in sam
    assert "Bodø" not in sam and "Tromsø" in sam
    assert '<option value="SAM" selected>' in sam
    header, *rows = _csv(client.get(reverse("oversikt:region_ikke_sokt_csv") + "?spesialitet=SAM").content)
    assert header == ["Kommunenummer", "Kommune", "Fylke", "Organisasjonsnummer"] and len(rows) == nord - 1
    assert rows[[r[1] for r in rows].index("Tromsø")][:3] == ["5501", "Tromsø", "Troms"]
    assert "Bodø" not in [r[1] for r in rows]
    # an unknown specialty: allmennmedisin, no error
    ukjent = _main(client, reverse(IKKE_SOKT) + "?spesialitet=X")
    assert f"{nord - 1} kommuner har ikke søkt om allmennmedisin" in ukjent
    # the count also on the list's tab, for the specialty of the list's filter
    assert f'Kommuner som ikke har søkt <span class="badge text-bg-secondary">{nord - 1}</span>' in _main(
        client, reverse(LIST) + "?spesialitet=SAM"
    )


def test_filter_by_status_finding_and_specialty_keeps_the_input(client, alis_nord):
    uten_arena = _submitted("5501")  # Tromsø: no arena, sent
    registrert = _submitted("1804", status="registrert")  # Bodø: registered, no arena either
    med_arena = KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer="1806"), status="under_behandling", hf_avtale_inngatt=False
    )
    LaeringsarenaFactory(soknad=med_arena)
    refresh.mangler_refresh(soknad=med_arena)
    assert not med_arena.mangler.filter(kode="INGEN_ARENA").exists()
    assert med_arena.mangler.filter(kode="HF_AVTALE_MANGLER").exists()

    page = _main(client, reverse(LIST) + "?status=under_behandling")
    assert "Tromsø" in page and "Narvik" in page and "Bodø" not in page
    assert '<option value="under_behandling" selected>' in page
    page = _main(client, reverse(LIST) + "?status=registrert")
    assert registrert.virksomhet.navn in page and uten_arena.virksomhet.navn not in page

    page = _main(client, reverse(LIST) + "?mangel=HF_AVTALE_MANGLER")
    assert "Narvik" in page and "Tromsø" not in page and "Bodø" not in page
    assert '<option value="HF_AVTALE_MANGLER" selected>' in page and "Viser 1 søknad." in page
    page = _main(client, reverse(LIST) + "?mangel=INGEN_ARENA&status=under_behandling&spesialitet=ALM")
    assert "Tromsø" in page and "Narvik" not in page and "Bodø" not in page
    for selected in ('value="INGEN_ARENA" selected', 'value="under_behandling" selected', 'value="ALM" selected'):
        assert selected in page
    # the exports and the tab carry the filter
    assert "soknader.csv?spesialitet=ALM&amp;status=under_behandling&amp;mangel=INGEN_ARENA" in page
    assert 'href="/oversikt/region/ikke-sokt/?spesialitet=ALM"' in page

    assert "Ingen innsendte søknader i regionen passer filteret." in _main(client, reverse(LIST) + "?spesialitet=SAM")


def test_unknown_filter_values_are_ignored(client, alis_nord):
    _submitted("5501")
    response = client.get(reverse(LIST) + "?status=tull&mangel=%3Cscript%3E&spesialitet=XYZ")
    assert response.status_code == 200
    page = response.content.decode().split("<main", 1)[1]
    assert "Tromsø" in page and "Viser 1 søknad." in page and "<script>" not in page
    assert "Fjern filteret" not in page  # nothing was applied
    # one unknown value does not drop the known ones
    page = _main(client, reverse(LIST) + "?status=tull&spesialitet=SAM")
    assert "Tromsø" not in page and '<option value="SAM" selected>' in page
    assert len(_csv(client.get(reverse(CSV) + "?status=tull").content)) == 2


def test_the_export_has_norwegian_headers_contact_person_status_and_findings(client, alis_nord):
    _submitted("5501", referanse="ASA-2026-0001")
    _submitted("1804", status="registrert", spesialitet="SAM", kontaktperson_navn="=HYPERLINK(1)")
    _submitted("4601")  # Vest: never in Nord's file
    header, *rows = _csv(client.get(reverse(CSV) + "?spesialitet=ALM").content)
    assert header[:8] == [
        "Virksomhet",
        "Organisasjonsnummer",
        "Kommune",
        "Fylke",
        "Spesialitet",
        "Status",
        "Søknadsdato",
        "Referanse",
    ]
    assert "Kontaktpersonens navn" in header and "Kontaktpersonens e-post" in header and "Mangler" in header
    assert len(rows) == 1
    rad = dict(zip(header, rows[0], strict=True))
    assert rad["Virksomhet"] == "Tromsø" and rad["Status"] == "Sendt inn" and rad["Spesialitet"] == "Allmennmedisin"
    assert rad["Kontaktpersonens navn"] == "Kari Nordmann" and rad["Kontaktpersonens telefon"] == "75 55 50 00"
    assert rad["Telefon til kontaktperson for databehandleravtale"] == "+47 755 55 001"
    assert rad["Søknadsdato"] == "01.10.2026" and "Ingen læringsarena" in rad["Mangler"]
    response = client.get(reverse(CSV) + "?status=registrert")
    assert 'filename="soknader-nord-' in response["Content-Disposition"]
    header, *rows = _csv(response.content)
    assert [r[0] for r in rows] == ["Bodø"]
    assert dict(zip(header, rows[0], strict=True))["Kontaktpersonens navn"] == "'=HYPERLINK(1)"  # never a formula

    sheet = load_workbook(io.BytesIO(client.get(reverse(XLSX)).content)).active
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header[0] == "Virksomhet" and "Mangler" in header
    assert sorted(r[0] for r in rows) == ["Bodø", "Tromsø"]


def test_region_list_and_export_query_counts_are_flat(client, alis_nord):
    _submitted("5501")
    urls = [reverse(LIST), reverse(LIST) + "?mangel=INGEN_ARENA&status=under_behandling", reverse(CSV), reverse(XLSX)]
    urls += [reverse(IKKE_SOKT), reverse("oversikt:region_ikke_sokt_csv")]
    one = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        one[url] = len(queries.captured_queries)
    for nummer in ("1806", "1811", "1812", "1813", "1815", "5601", "5603"):
        _submitted(nummer)
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert len(queries.captured_queries) == one[url], url
    assert _main(client, reverse(LIST)).count("Ingen læringsarena") == 8 + 1  # 8 rows + the filter's option
    assert len(_csv(client.get(reverse(CSV)).content)) == 9
    assert response.status_code == 200


def test_the_menu_shows_the_region_to_alis_staff_and_mine_soknader_to_a_soker(client, alis_nord):
    page = client.get(reverse(LIST)).content.decode()
    menu = page.split('id="hovedmeny"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{reverse(LIST)}">Helseregion Nord</a>' in menu
    assert "Mine søknader" not in menu and reverse("soknader:mine") not in menu
    client.logout()
    soknad = SoknadFactory()
    client.force_login(gi_tilgang(UserFactory(), soknad.virksomhet))
    page = client.get(reverse("soknader:mine")).content.decode()
    menu = page.split('id="hovedmeny"', 1)[1].split("</nav>", 1)[0]
    assert "Mine søknader" in menu and reverse(LIST) not in menu


def test_filter_by_specialty(client, alis_nord):
    _submitted("5501")
    page = client.get(reverse(LIST) + "?spesialitet=SAM").content.decode()
    assert "Ingen innsendte søknader i regionen passer filteret." in page


def test_a_kommune_that_applied_by_1_june_2019_is_shown_as_temporarily_registered_from_1_march(client, alis_nord):
    # The guidance: "alle kommuner som søkte innen 1. juni 2019, har en midlertidig registrering fra 1. mars 2019"
    soknad = KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer="5501"), status="innsendt", soknadsdato="2019-06-01"
    )
    assert "Midlertidig registrert fra 1. mars 2019" in client.get(reverse(LIST)).content.decode()
    detail = client.get(reverse("oversikt:region_soknad", args=[soknad.pk])).content.decode()
    assert "Midlertidig registrert fra 1. mars 2019" in detail
