"""A søker on a phone switches to nynorsk in the header and goes from login to a submitted application in it.

Buttons and links are found by their nynorsk names from the catalogue (so the test follows the wording, not a
copy of it); every page on the way is checked for words only bokmål writes, for axe-core and for sideways scroll.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from brreg.services import virksomhet_get_or_create
from epost.models import Epost
from soknader.models import Soknad
from tests.e2e.conftest import PASSWORD, screenshot
from tests.e2e.skjerm import assert_page_ok
from tests.soknader.factories import UserFactory, gi_tilgang
from tests.test_sprak import bokmal_words

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def nn(text: str) -> str:
    with translation.override("nn"):
        return translation.gettext(text)


def in_nynorsk(page) -> None:
    assert page.locator("html").get_attribute("lang") == "nn", page.url
    assert bokmal_words(page.content()) == {}, page.url
    assert_page_ok(page)


def test_a_soker_on_a_phone_does_the_whole_journey_in_nynorsk(live_server, browser):
    user = UserFactory(username="ny.kommune", password=PASSWORD)
    gi_tilgang(user, virksomhet_get_or_create(organisasjonsnummer="972418013"))
    context = browser.new_context(locale="nb-NO", viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    page = context.new_page()

    # The login page is in bokmål; the language switch sits in the collapsed menu
    page.goto(live_server.url + "/soknader/")
    assert page.locator("html").get_attribute("lang") == "nb"
    page.get_by_role("button", name="Meny").click()
    page.get_by_role("button", name="Nynorsk").click()
    in_nynorsk(page)
    page.locator("#id_username").fill("ny.kommune")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=nn("Logg inn")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nn("Mine søknader"))
    in_nynorsk(page)

    # Start
    page.get_by_role("link", name=nn("Start en ny søknad")).click()
    in_nynorsk(page)
    page.locator("input[name=spesialitet][value=ALM]").check()
    page.get_by_role("button", name=nn("Start søknaden")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Bodø"))
    in_nynorsk(page)
    screenshot(page, "nynorsk-01-oppgaver-390")

    # Section 1, with an error the user corrects: the message is nynorsk and the input kept
    page.locator("a[href$='/virksomhet/']").first.click()
    page.locator("#id_kontaktperson_navn").fill("Kari Nordmann")
    page.locator("#id_kontaktperson_epost").fill("kari@")
    page.locator("#id_kontaktperson_telefon").fill("75 55 50 00")
    page.locator("#id_dba_kontakt_navn").fill("Ola Nordmann")
    page.locator("#id_dba_kontakt_epost").fill("ola@bodo.kommune.no")
    page.locator("#id_dba_kontakt_telefon").fill("+47 755 55 001")
    page.get_by_role("button", name=nn("Lagre og fortsett")).click()
    expect(page.locator("#feiloppsummering")).to_be_visible()
    assert page.title().startswith(nn("Feil:"))
    expect(page.locator("#id_kontaktperson_epost")).to_have_value("kari@")
    in_nynorsk(page)
    page.locator("#id_kontaktperson_epost").fill("kari.nordmann@bodo.kommune.no")
    page.get_by_role("button", name=nn("Lagre og fortsett")).click()

    # Section 2
    in_nynorsk(page)
    for checkbox in page.locator("input[type=checkbox]").all():
        checkbox.check()
    page.locator("#id_hf_avtale_navn").fill("Nordlandssykehuset HF")
    page.get_by_role("button", name=nn("Lagre og fortsett")).click()

    # Section 3
    in_nynorsk(page)
    page.locator("#id_organisering").fill("Kommuneoverlegen har ansvaret for godkjenninga.")
    page.locator("input[name=veiledere_ansatt][value=egen_virksomhet]").check()
    page.locator("input[name=veilederkompetanse][value=ja]").check()
    page.locator("input[name=kjent_med_oppgaver][value=ja]").check()
    page.get_by_role("button", name=nn("Lagre og fortsett")).click()

    # Section 4: one arena; the live reading of the LM text speaks nynorsk too
    in_nynorsk(page)
    page.get_by_role("link", name=nn("Legg til læringsarena")).click()
    page.locator("#id_type").select_option("fastlege")
    page.locator("input[name=plassering][value=egen]").check()
    page.locator("input[name=ny_veileder][value=False]").check()
    page.locator("#id_laeringsmal").fill("Alle; FKM 1-14")
    expect(page.locator("#lm-tolkning")).not_to_be_empty()
    in_nynorsk(page)
    page.locator("input[name=supervisjon][value=til_stede]").check()
    page.get_by_role("button", name=nn("Lagre læringsarenaen")).click()
    in_nynorsk(page)
    screenshot(page, "nynorsk-02-laeringsarenaer-390")

    # Check answers and submit
    page.get_by_role("link", name=re.compile(re.escape(nn("Se over og send inn")))).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nn("Se over og send inn"))
    in_nynorsk(page)
    screenshot(page, "nynorsk-03-se-over-390")
    page.get_by_role("button", name=nn("Send inn søknaden")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(nn("Søknaden er sendt inn"))
    in_nynorsk(page)
    soknad = Soknad.objects.get()
    assert soknad.status == "innsendt" and soknad.laeringsarenaer.count() == 1
    # the receipt is written in the language the søker used
    assert soknad.sprak == "nn"
    kvittering = Epost.objects.get(soknad=soknad)
    with translation.override("nn"):
        assert bokmal_words(f"<p>{kvittering.emne}</p><pre>{kvittering.tekst}</pre>") == {}
    context.close()
