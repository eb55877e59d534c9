"""A søker on a phone switches to nynorsk in the header and goes from login to a submitted application in it.

Buttons and links are found by their nynorsk names from the catalogue (so the test follows the wording, not a
copy of it); every page on the way is checked for words only bokmål writes, for axe-core and for sideways scroll.
"""

import re

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect

from brreg.services import virksomhet_get_or_create
from epost.models import Epost
from soknader.models import Soknad
from tests.e2e.conftest import PASSWORD, screenshot
from tests.e2e.skjerm import assert_page_ok, blank_below_footer
from tests.e2e.test_skjerm import _applications
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


@pytest.mark.parametrize(
    "width", [390, 320]
)  # a phone, and the narrowest WCAG 1.4.10 asks for: nynorsk's words are longer
def test_a_soker_on_a_phone_does_the_whole_journey_in_nynorsk(live_server, browser, width):
    user = UserFactory(username="ny.kommune", password=PASSWORD)
    gi_tilgang(user, virksomhet_get_or_create(organisasjonsnummer="972418013"))
    context = browser.new_context(locale="nb-NO", viewport={"width": width, "height": 844})
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
    screenshot(page, f"nynorsk-01-oppgaver-{width}")

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
    page.locator("#id_hf_avtale_inngatt_0").check()  # «Ja» (issue 22: a yes/no question)
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
    screenshot(page, f"nynorsk-02-laeringsarenaer-{width}")

    # Check answers and submit
    page.get_by_role("link", name=re.compile(re.escape(nn("Se over og send inn")))).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nn("Se over og send inn"))
    in_nynorsk(page)
    screenshot(page, f"nynorsk-03-se-over-{width}")
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


def test_every_soker_page_in_nynorsk_at_320_px(live_server, browser):
    """Nynorsk's words are longer than bokmål's ("Tilgjengelegheitserklæring"): at the narrowest width WCAG 1.4.10
    asks for, every page a søker meets, logged out and in, is axe-clean, holds no bokmål and scrolls no sideways."""
    kari, sendt, utkast, arena = _applications()
    # what the søker typed is shown as typed: a nynorsk søker types nynorsk (the reader reads both the same)
    sendt.laeringsarenaer.filter(laeringsmal__contains="bortsett fra").update(
        laeringsmal="Alle bortsett frå ALM 55 og 85; Alle FKM"
    )
    context = browser.new_context(locale="nb-NO", viewport={"width": 320, "height": 800})
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "nn", "url": live_server.url}])
    page = context.new_page()
    for path in ("/", "/logg-inn/", "/oversikt/", "/tilgjengelighet/"):
        page.goto(live_server.url + path)
        in_nynorsk(page)
    page.goto(live_server.url + "/soknader/")
    page.locator("#id_username").fill("kari")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=nn("Logg inn")).click()
    in_nynorsk(page)
    for path in (
        "/soknader/ny/",
        f"/soknader/{utkast.pk}/",
        *(f"/soknader/{utkast.pk}/del/{seksjon}/" for seksjon in ("virksomhet", "ansvar", "forhold")),
        f"/soknader/{utkast.pk}/laeringsarenaer/",
        f"/soknader/{utkast.pk}/laeringsarenaer/ny/",
        f"/soknader/{utkast.pk}/laeringsarenaer/{arena.pk}/",
        f"/soknader/{utkast.pk}/laeringsarenaer/{arena.pk}/slett/",
        f"/soknader/{utkast.pk}/se-over/",
        f"/soknader/{utkast.pk}/slett/",
        f"/soknader/{sendt.pk}/se-over/",
        f"/soknader/{sendt.pk}/kvittering/",
        f"/soknader/{sendt.pk}/trekk/",
        f"/soknader/{sendt.pk}/kopier/",
        f"/soknader/{utkast.pk}/laeringsarenaer/importer/",
    ):
        page.goto(live_server.url + path)
        assert page.url.endswith(path), (path, page.url)
        in_nynorsk(page)
        assert blank_below_footer(page) <= 1, path
    context.close()
