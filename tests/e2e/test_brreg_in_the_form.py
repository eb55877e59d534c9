"""The org-number field in a real browser: the name appears as the user leaves the field; with the
registry down the user is told, types the name and goes on."""

import pytest
from playwright.sync_api import expect

from soknader.models import Soknad
from tests.e2e.conftest import log_in, screenshot
from tests.soknader.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server):
    UserFactory(username="bht.bruker", password="hemmelig-passord-1")
    log_in(page, live_server.url + "/soknader/ny/", "bht.bruker")
    expect(page.get_by_role("heading", level=1)).to_have_text("Start en ny søknad")


def test_the_name_appears_when_the_number_is_typed(live_server, page, fake_brreg):
    _log_in(page, live_server)
    page.get_by_label("Organisasjonsnummer").fill("912 345 009")
    page.get_by_label("Organisasjonsnummer").blur()
    expect(page.locator("#orgnr-oppslag")).to_contain_text("Virksomhet: NORDLYS BEDRIFTSHELSETJENESTE AS")
    expect(page.get_by_label("Navn på virksomheten")).to_have_value("NORDLYS BEDRIFTSHELSETJENESTE AS")
    # not a kommune: allmennmedisin cannot be chosen, and the lookup says why
    expect(page.get_by_label("Allmennmedisin")).to_be_disabled()
    expect(page.locator("#orgnr-oppslag")).to_contain_text("Allmennmedisin kan bare søkes av en kommune")
    page.get_by_label("Arbeidsmedisin").check()
    page.get_by_role("button", name="Start søknaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("NORDLYS BEDRIFTSHELSETJENESTE AS – arbeidsmedisin")


def test_with_the_registry_down_a_message_appears_and_the_user_can_still_save(live_server, page, fake_brreg):
    fake_brreg.stop()
    _log_in(page, live_server)
    page.get_by_label("Organisasjonsnummer").fill("912345009")
    page.get_by_label("Organisasjonsnummer").blur()
    expect(page.locator("#orgnr-oppslag")).to_contain_text("Vi får ikke kontakt med Enhetsregisteret nå")
    page.get_by_label("Navn på virksomheten").fill("Nordlys BHT")
    page.get_by_label("Arbeidsmedisin").check()
    screenshot(page, "brreg-down")
    page.get_by_role("button", name="Start søknaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nordlys BHT – arbeidsmedisin")
    expect(page.get_by_text("Vi fikk ikke bekreftet navnet i Enhetsregisteret nå")).to_be_visible()
    virksomhet = Soknad.objects.get().virksomhet
    assert virksomhet.navn == "Nordlys BHT" and not virksomhet.navn_verifisert
