"""The start form in a real browser: the organisation comes from the person's list (Altinn); its name is
confirmed in Enhetsregisteret on save, and with the registry down the user goes on with Altinn's name."""

import pytest
from playwright.sync_api import expect

from brreg.services import virksomhet_get_or_create
from soknader.models import Soknad
from tests.e2e.conftest import log_in, screenshot
from tests.soknader.factories import UserFactory, gi_tilgang

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server):
    user = UserFactory(username="bht.bruker", password="hemmelig-passord-1")
    gi_tilgang(user, virksomhet_get_or_create(organisasjonsnummer="912345009", navn="Nordlys BHT"))
    log_in(page, live_server.url + "/soknader/ny/", "bht.bruker")
    expect(page.get_by_role("heading", level=1)).to_have_text("Start en ny søknad")


def test_the_name_is_confirmed_in_the_registry_on_save(live_server, page, fake_brreg):
    _log_in(page, live_server)
    expect(page.get_by_label("Nordlys BHT (org.nr. 912 345 009)")).to_be_checked()
    page.get_by_label("Arbeidsmedisin").check()
    page.get_by_role("button", name="Start søknaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("NORDLYS BEDRIFTSHELSETJENESTE AS – arbeidsmedisin")


def test_with_the_registry_down_the_user_goes_on_with_altinns_name(live_server, page, fake_brreg):
    fake_brreg.stop()
    _log_in(page, live_server)
    page.get_by_label("Arbeidsmedisin").check()
    screenshot(page, "brreg-down")
    page.get_by_role("button", name="Start søknaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nordlys BHT – arbeidsmedisin")
    expect(page.get_by_text("Vi fikk ikke bekreftet navnet i Enhetsregisteret nå")).to_be_visible()
    virksomhet = Soknad.objects.get().virksomhet
    assert virksomhet.navn == "Nordlys BHT" and not virksomhet.navn_verifisert
