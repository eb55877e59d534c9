"""A new kommune goes from first visit to a submitted application, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from brreg.services import virksomhet_get_or_create
from laeringsmal.selectors import katalog_for
from soknader.models import Soknad
from tests.e2e.conftest import log_in, screenshot
from tests.soknader.factories import UserFactory, gi_tilgang

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_kommune_submits_a_complete_alm_application(live_server, page):
    user = UserFactory(username="ny.kommune", password="hemmelig-passord-1")
    gi_tilgang(user, virksomhet_get_or_create(organisasjonsnummer="972418013"))

    # Log in
    log_in(page, live_server.url + "/soknader/", "ny.kommune")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine søknader")

    # Start: the one organisation the user may act for is already chosen
    page.get_by_role("link", name="Start en ny søknad").click()
    expect(page.get_by_label("Bodø (org.nr. 972 418 013)")).to_be_checked()
    page.get_by_label("Allmennmedisin").check()
    page.get_by_role("button", name="Start søknaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bodø – allmennmedisin")
    expect(page.locator("#status-virksomhet")).to_have_text("Ikke påbegynt")

    # Section 1, with a validation error that the user corrects
    page.get_by_role("link", name="Fortsett med «Virksomhet og spesialitet»").click()
    page.get_by_label("Kontaktpersonens navn").fill("Kari Nordmann")
    page.locator("#id_kontaktperson_epost").fill("kari@")
    page.locator("#id_kontaktperson_telefon").fill("75 55 50 00")
    page.locator("#id_dba_kontakt_navn").fill("Ola Nordmann")
    page.locator("#id_dba_kontakt_epost").fill("ola@bodo.kommune.no")
    page.locator("#id_dba_kontakt_telefon").fill("+47 755 55 001")
    page.get_by_role("button", name="Lagre og fortsett").click()
    summary = page.locator("#feiloppsummering")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("gyldig e-postadresse")
    expect(page.locator("#id_kontaktperson_epost")).to_have_value("kari@")
    expect(page.locator("#id_kontaktperson_navn")).to_have_value("Kari Nordmann")
    screenshot(page, "journey-01-validation-error")
    summary.get_by_role("link").first.click()
    page.locator("#id_kontaktperson_epost").fill("kari.nordmann@bodo.kommune.no")
    page.get_by_role("button", name="Lagre og fortsett").click()

    # Section 2: the HF agreement's name appears only when the agreement is answered «Ja» (issue 22: a question)
    expect(page.get_by_role("heading", level=1)).to_have_text("Virksomhetens ansvar")
    expect(page.locator("#div_id_hf_avtale_navn")).to_be_hidden()
    for checkbox in page.locator("input[type=checkbox]").all():
        checkbox.check()
    page.locator("#id_hf_avtale_inngatt_1").check()  # «Nei»
    expect(page.locator("#div_id_hf_avtale_navn")).to_be_hidden()
    page.locator("#id_hf_avtale_inngatt_0").check()  # «Ja»
    expect(page.locator("#div_id_hf_avtale_navn")).to_be_visible()
    page.get_by_label("Navn på helseforetaket eller virksomheten").fill("Nordlandssykehuset HF")
    page.get_by_role("button", name="Lagre og fortsett").click()

    # Section 3: a plan is asked for when competence is only partly documented
    expect(page.get_by_role("heading", level=1)).to_have_text("Forhold ved egen virksomhet")
    page.get_by_label("Beskriv kort hvordan arbeidet").fill("Kommuneoverlegen har ansvaret for godkjenning.")
    page.get_by_label("I egen virksomhet").check()
    expect(page.locator("#div_id_veilederkompetanse_plan")).to_be_hidden()
    page.locator("#div_id_veilederkompetanse").get_by_label("Delvis").check()
    expect(page.locator("#div_id_veilederkompetanse_plan")).to_be_visible()
    page.get_by_label("Hvordan skal veilederne få nødvendig veilederkompetanse?").fill("Veilederkurs høsten 2027.")
    page.locator("#div_id_kjent_med_oppgaver").get_by_label("Ja").check()
    page.get_by_role("button", name="Lagre og fortsett").click()

    # Section 4: two arenas
    expect(page.get_by_role("heading", level=1)).to_have_text("Læringsarenaer")
    page.get_by_role("link", name="Legg til læringsarena").click()
    page.get_by_label("Type læringsarena").select_option(label="Fastlegekontor")
    page.get_by_label("Innen egen virksomhet").check()
    page.locator("#div_id_ny_veileder").get_by_label("Nei").check()
    lm = page.get_by_label("Læringsmål som kan oppnås her")
    # the live reading sends the page's key, so it is answered without the session (drift/oppslag.py)
    with page.expect_request(lambda r: "/laeringsmal/tolk/" in r.url) as lesing:
        lm.press_sequentially("Alle bortsett fra ALM 055 og 085")
    assert lesing.value.headers.get("x-oppslag")
    alm_count = len(katalog_for().gruppe("ALM"))
    expect(page.locator("#lm-tolkning")).to_contain_text(f"Forstått som {alm_count - 2} læringsmål")
    lm.press_sequentially("; FKM 1-14; ALM 9999")
    tolkning = page.locator("#lm-tolkning")
    expect(tolkning).to_contain_text(f"Det vi kunne lese, gir foreløpig {alm_count - 2 + 14} læringsmål")
    expect(tolkning.locator("p").first).to_have_text(re.compile("^Vi kunne ikke lese hele teksten"))
    expect(tolkning).not_to_contain_text("Forstått som")
    expect(page.locator("#lm-tolkning")).to_contain_text("ALM 9999")
    screenshot(page, "journey-02a-lm-while-typing")
    # issue 20: a section by name is said back as such, and the codes can be shown with their titles by section
    lm.fill("alle innen kommunikasjon og samhandling, ALM 1 (delvis)")
    expect(tolkning).to_contain_text("21.4 Kommunikasjon og samhandling: ALM-042…055")
    tolkning.get_by_text("Vis læringsmålene med titler").click()
    expect(tolkning).to_contain_text("ALM-001 Selvstendig kunne sikre faglig forsvarlighet av egen, klinisk praksis.")
    expect(tolkning).to_contain_text("ALM-042")
    expect(tolkning.locator("li", has_text="ALM-001")).to_contain_text("(delvis)")
    lm.fill("Alle bortsett fra ALM 055 og 085; FKM 1-14")
    page.get_by_label("Supervisør til stede").check()
    page.get_by_role("button", name="Lagre læringsarenaen").click()
    expect(page.get_by_role("heading", level=2, name="1. Fastlegekontor")).to_be_visible()

    page.get_by_role("link", name="Legg til læringsarena").click()
    page.get_by_label("Type læringsarena").select_option(label="Sykehusavdeling (helseforetak)")
    expect(page.locator("#div_id_annen_virksomhet")).to_be_hidden()
    expect(page.locator("#div_id_avtale_veiledning_supervisjon")).to_be_hidden()
    page.get_by_label("Innen annen virksomhet").check()
    page.get_by_label("Navn på annen virksomhet").fill("Nordlandssykehuset HF")
    page.locator("#div_id_avtale_veiledning_supervisjon").get_by_label("Ja").check()
    page.locator("#div_id_ny_veileder").get_by_label("Ja").check()
    page.get_by_label("Læringsmål som kan oppnås her").fill("ALM 55, 85")
    expect(page.locator("#lm-tolkning")).to_contain_text("Forstått som 2 læringsmål: ALM 55, 85")
    page.get_by_label("Supervisjon på vakt").check()
    page.get_by_label("Annet, spesifiser").check()
    page.get_by_label("Beskriv annen supervisjon").fill("Fast supervisør på avdelingen")
    page.get_by_role("button", name="Lagre læringsarenaen").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("2. Sykehusavdeling"))).to_be_visible()

    # Check answers and submit
    page.get_by_role("link", name="Fortsett til «Se over og send inn»").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se over og send inn")
    expect(page.get_by_text("Alle delene er fullført")).to_be_visible()
    expect(page.locator("#udekket")).to_contain_text(f"Alle {alm_count + 14} læringsmål (spesialitetens og FKM) dekkes")
    expect(page.get_by_text("Nordlandssykehuset HF").first).to_be_visible()
    screenshot(page, "journey-02-check-answers")
    page.get_by_role("button", name="Send inn søknaden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt inn")
    soknad = Soknad.objects.get()
    expect(page.locator("#referanse")).to_have_text(soknad.referanse)
    assert re.fullmatch(r"ASA-\d{4}-\d{5}", soknad.referanse)
    assert soknad.status == "innsendt" and soknad.laeringsarenaer.count() == 2
    screenshot(page, "journey-03-receipt")

    page.get_by_role("link", name="Til mine søknader").click()
    row = page.get_by_role("row", name=re.compile("Bodø"))
    expect(row).to_contain_text("Sendt inn")
    expect(row).to_contain_text(soknad.referanse)
