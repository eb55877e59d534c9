"""The JSON endpoints used by the form, and what the applicant sees of the reading and the coverage."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from laeringsmal.lmtekst import kort_tittel
from laeringsmal.models import Laeringsmal
from laeringsmal.selectors import katalog_for
from soknader.choices import Status
from soknader.models import Laeringsarena
from tests.soknader.factories import (
    AnnenVirksomhetSoknadFactory,
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    SoknadFactory,
    soker_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def utkast():
    return SoknadFactory(spesialitet="ALM")


@pytest.fixture
def logged_in(client, utkast):
    client.force_login(soker_for(utkast.virksomhet))
    return client


def _tolk(utkast):
    return reverse("soknader:tolk_laeringsmal", args=[utkast.pk])


def test_tolk_returns_sorted_codes_and_quoted_errors(logged_in, utkast):
    response = logged_in.get(_tolk(utkast), {"tekst": "FKM 2, ALM 6-5; ALM 9999, alm 55"})
    body = response.json()
    assert response.status_code == 200
    assert body["koder"] == ["ALM-055", "FKM-002"]
    quoted = [f["tekst"] for f in body["feil"]]
    assert any("6-5" in q for q in quoted) and any("9999" in q for q in quoted)
    assert all(f["tekst"] in f["melding"] for f in body["feil"])


def test_tolk_alle_bortsett_fra(logged_in, utkast):
    body = logged_in.get(_tolk(utkast), {"tekst": "Alle bortsett fra ALM 055 og 085"}).json()
    alm = katalog_for().gruppe("ALM")
    assert body["koder"] == [k for k in alm if k not in ("ALM-055", "ALM-085")] and body["feil"] == []


def test_tolk_needs_login_and_access_to_the_application_and_reads_for_its_specialty(client, logged_in, utkast):
    """The live reading is the application's: its specialty (the form sends none) and its catalogue."""
    sam = SoknadFactory(virksomhet=utkast.virksomhet, spesialitet="SAM")
    assert logged_in.get(_tolk(sam), {"tekst": "SAM 3; ALM 3"}).json()["koder"] == ["SAM-003"]
    assert logged_in.get(_tolk(utkast), {"tekst": "x" * 5001}).status_code == 400  # the rule table's limit
    other = AnnenVirksomhetSoknadFactory()  # another organisation, which the søker does not act for
    assert logged_in.get(_tolk(other), {"tekst": "Alle"}).status_code == 404
    client.logout()
    assert client.get(_tolk(utkast), {"tekst": "Alle"}).status_code == 302


def test_catalogue_json_lists_the_specialty_and_fkm_in_force(client):
    body = client.get(reverse("laeringsmal:katalog"), {"spesialitet": "ARB"}).json()
    codes = [row["kode"] for row in body]
    assert codes[:2] == ["ARB-001", "ARB-002"] and len([c for c in codes if c.startswith("ARB")]) == 120
    assert [c for c in codes if c.startswith("FKM")] == [f"FKM-{i:03d}" for i in range(1, 15)]
    assert set(body[0]) == {"kode", "tittel", "seksjon"}
    assert body[0]["seksjon"] == "23.1 Generell kunnskap, arbeidsmiljøopplæring"
    assert client.get(reverse("laeringsmal:katalog"), {"spesialitet": "nei"}).status_code == 400


def _arena_post(**kwargs):
    return {"type": "fastlege", "plassering": "egen", "ny_veileder": "False", "supervisjon": ["til_stede"], **kwargs}


def test_live_reading_and_stored_result_agree_for_an_application_read_against_an_older_catalogue(client):
    """Sent in 2025 (the old common objectives, LM-04 … LM-75) and opened again by an anmodning after the revision of
    1 March 2026: what the søker sees while typing is what saving stores, both read against the application's
    catalogue."""
    soknad = KomplettSoknadFactory(
        status=Status.ANMODNING_SENDT, soknadsdato=dt.date(2025, 6, 1), referanse="ASA-2025-00001"
    )
    arena = LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; alle felles")
    client.force_login(soker_for(soknad.virksomhet))
    tekst = "Alle bortsett fra ALM 55; LM 19-23, 99"
    assert timezone.localdate() >= dt.date(2026, 3, 1)  # today's common objectives are FKM-001 … FKM-014
    assert "LM-20" not in katalog_for() and "LM-20" in katalog_for(soknad.soknadsdato)

    forhandsvisning = client.get(reverse("soknader:tolk_laeringsmal", args=[soknad.pk]), {"tekst": tekst}).json()
    response = client.post(
        reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk]), _arena_post(laeringsmal=tekst)
    )
    assert response.status_code == 302
    arena.refresh_from_db()
    assert "LM-20" in forhandsvisning["koder"] and "ALM-055" not in forhandsvisning["koder"]
    assert arena.laeringsmal_koder == forhandsvisning["koder"]
    assert [f["tekst"] for f in arena.laeringsmal_feil] == [f["tekst"] for f in forhandsvisning["feil"]] == ["99"]


def test_saved_arena_keeps_the_text_and_the_codes_and_names_a_typo(client):
    soknad = SoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    client.post(reverse("soknader:ny_laeringsarena", args=[soknad.pk]), _arena_post(laeringsmal="ALM 55, 85; ALM 9999"))
    arena = Laeringsarena.objects.get()
    assert arena.laeringsmal == "ALM 55, 85; ALM 9999"
    assert arena.laeringsmal_koder == ["ALM-055", "ALM-085"]
    assert "ALM 9999" in arena.laeringsmal_feil[0]["tekst"]
    page = client.get(reverse("soknader:laeringsarenaer", args=[soknad.pk])).content.decode()
    assert "Det vi kunne lese, gir foreløpig 2 læringsmål" in page and "ALM 9999" in page
    page = client.get(reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk])).content.decode()
    assert "Det vi kunne lese, gir foreløpig 2 læringsmål" in page and "ALM 55, 85; ALM 9999</textarea>" in page


def test_a_text_partly_unread_says_so_first_and_claims_no_confident_count(client):
    """ "Alle bortset fra ..." (a typo) must not stand as a bold "Forstått som 97 læringsmål"."""
    soknad = SoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    post = _arena_post(laeringsmal="Alle bortset fra ALM 055 og 085")
    client.post(reverse("soknader:ny_laeringsarena", args=[soknad.pk]), post)
    arena = Laeringsarena.objects.get()
    assert arena.laeringsmal_feil, "the typo is reported"
    page = client.get(reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk])).content.decode()
    box = page[page.index('id="lm-tolkning"') :]
    box = box[: box.index("</div>")]
    assert "Forstått som" not in box
    assert box.index("Vi kunne ikke lese hele teksten") < box.index("gir foreløpig")
    assert 'fw-bold text-danger">Vi kunne ikke lese hele teksten' in box
    # the long hint stands above the field, the reading right after it
    assert page.index("id_laeringsmal_helptext") < page.index('id="id_laeringsmal"') < page.index('id="lm-tolkning"')


def test_check_answers_shows_full_coverage_for_the_done_when_example(client):
    soknad = KomplettSoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:ny_laeringsarena", args=[soknad.pk])
    client.post(url, _arena_post(laeringsmal="Alle bortsett fra ALM 055 og 085; Alle FKM"))
    client.post(
        url,
        _arena_post(
            type="sykehus", plassering="annen", annen_virksomhet="Nordlandssykehuset HF", laeringsmal="ALM 55, 85"
        ),
    )
    page = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    total = len(katalog_for().gruppe("ALM")) + len(katalog_for().gruppe("FKM"))
    assert f"Alle {total} læringsmål (spesialitetens og FKM) dekkes" in page


def test_check_answers_lists_what_no_arena_covers(client):
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(
        soknad=soknad,
        laeringsmal="Alle bortsett fra ALM 055 og 085",
        laeringsmal_koder=[k for k in katalog_for().gruppe("ALM") if k not in ("ALM-055", "ALM-085")],
    )
    client.force_login(soker_for(soknad.virksomhet))
    page = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    total = len(katalog_for().gruppe("ALM")) + len(katalog_for().gruppe("FKM"))
    assert f"{2 + 14} av {total} læringsmål dekkes ikke av noen læringsarena" in page
    assert "ALM 55, 85; FKM 1-14" in page


def test_submission_rereads_every_arena_against_the_catalogue_of_the_day(client):
    soknad = KomplettSoknadFactory()
    arena = LaeringsarenaFactory(soknad=soknad, laeringsmal="ALM 1-3", laeringsmal_koder=[])
    client.force_login(soker_for(soknad.virksomhet))
    client.post(reverse("soknader:se_over", args=[soknad.pk]))
    arena.refresh_from_db()
    assert arena.laeringsmal_koder == ["ALM-001", "ALM-002", "ALM-003"]


def test_the_done_when_example_of_issue_11_has_no_coverage_finding_in_2026(client):
    """Issue 11: a kommune that writes "Alle bortsett fra ALM 055 og 085; FKM 1-14" on its own arena and "ALM 55, 85"
    on a hospital arena gets no finding about FKM or LM coverage on a 2026 application."""
    import datetime as dt

    soknad = KomplettSoknadFactory(soknadsdato=dt.date(2026, 3, 1))
    client.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:ny_laeringsarena", args=[soknad.pk])
    client.post(url, _arena_post(laeringsmal="Alle bortsett fra ALM 055 og 085; FKM 1-14"))
    client.post(
        url,
        _arena_post(
            type="sykehus",
            plassering="annen",
            annen_virksomhet="Nordlandssykehuset HF",
            avtale_veiledning_supervisjon="True",
            laeringsmal="ALM 55, 85",
        ),
    )
    assert all(not a.laeringsmal_feil for a in soknad.laeringsarenaer.all())
    koder = set(soknad.mangler.values_list("kode", flat=True))
    dekning = {"FKM_UDEKKET", "LM_UDEKKET", "DEKNING_USIKKER", "LM_UGYLDIG", "ALM055_MANGLER", "ALM085_MANGLER"}
    assert not koder & dekning
    page = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    assert "felles kompetansemål: 14 mål (FKM-001–FKM-014)" in page
    assert "allmennmedisin: 88 mål (ALM-001–ALM-088)" in page


def test_the_coverage_matrix_names_its_arenas_and_the_objectives_titles(client):
    soknad = KomplettSoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:ny_laeringsarena", args=[soknad.pk])
    client.post(url, _arena_post(laeringsmal="FKM 1-3"))
    client.post(
        url,
        _arena_post(type="sykehus", plassering="annen", annen_virksomhet="Nordlandssykehuset HF", laeringsmal="FKM 2"),
    )
    page = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    thead = page[page.index("<thead", page.index('id="dekning-tittel"')) :]
    thead = thead[: thead.index("</thead>")]
    assert "1. Fastlegekontor" in thead and "2. Sykehusavdeling (helseforetak) – Nordlandssykehuset HF" in thead
    fkm1 = Laeringsmal.objects.filter(kode="FKM-001").exclude(tittel="").first()
    assert fkm1, "the catalogue has FKM titles"
    # published in bokmål only, and marked so (a screen reader on a nynorsk page reads it as bokmål); a long title
    # shortened in the cell, whole in its tooltip (issue 20)
    assert f'<span class="dekning-tittel" lang="nb" title="{escape(fkm1.tittel)}">' in page
    assert f"{escape(kort_tittel(fkm1.tittel, 110))}</span>" in page
    # grouped by the regulation's sections
    assert 'colspan="3" class="text-start" lang="nb">21.1 Allmennmedisinsk profesjonalitet</th>' in page
