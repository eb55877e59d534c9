"""A søker logs in through the provider's own login page (a real OpenID Connect provider on 127.0.0.1 in
ID-porten's place), sees the organisations the fake Altinn lists, picks one, starts and submits."""

import uuid

import pytest
from playwright.sync_api import expect

from soknader.models import Soknad
from tests.conftest import _provider_settings
from tests.e2e.conftest import screenshot
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory
from tests.tilgang.fake_altinn import party
from tilgang.models import Hendelse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PID = "24079410876"
ACR = "idporten-loa-substantial"  # what ID-porten sends for the level we ask for


def test_a_sokere_logs_in_with_idporten_sees_altinns_organisations_and_submits(
    live_server, page, settings, oidc_provider, fake_altinn
):
    _provider_settings(settings, "idporten", oidc_provider.url)
    settings.PASSWORD_LOGIN_FOR_APPLICANTS = False
    sub = f"kari-{uuid.uuid4().hex[:6]}"
    oidc_provider.set_user(sub, {"pid": PID, "given_name": "Kari", "family_name": "Nordmann", "acr": ACR})
    fake_altinn.set_parties(
        PID,
        [
            party("972418013", "BODØ KOMMUNE"),
            party(
                "912345009",
                "NORDLYS BEDRIFTSHELSETJENESTE AS",
                subunits=[party("912345041", "NORDLYS AVD BODØ", resources=[])],
            ),
            party("912345017", "EN ANNEN AS", resources=["en-annen-tjeneste"]),
        ],
    )

    # First visit: the start page says what the service is, then the login page says how to log in
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Søk om å bli registrert som utdanningsvirksomhet")
    page.get_by_role("main").get_by_role("link", name="Logg inn", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logg inn")
    screenshot(page, "idporten-01-login-page")
    page.get_by_role("link", name="Logg inn med ID-porten").click()

    # The provider's own login page
    expect(page).to_have_url(f"{oidc_provider.url}/oauth2/authorize?" + page.url.split("?", 1)[1])
    page.get_by_placeholder("sub").fill(sub)
    page.get_by_role("button", name="Authorize").click()

    # Back with us: the organisations from Altinn (the sub-unit through its main unit), not the one without rights
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine søknader")
    expect(page.get_by_text("Kari Nordmann")).to_be_visible()
    intro = page.get_by_text("Du kan søke for")
    expect(intro).to_contain_text("Bodø")
    expect(intro).to_contain_text("NORDLYS AVD BODØ")
    expect(intro).not_to_contain_text("EN ANNEN AS")
    page.get_by_role("link", name="Start en ny søknad").click()
    radios = page.locator("input[name=organisasjonsnummer]")
    expect(radios).to_have_count(3)
    screenshot(page, "idporten-02-picker")
    page.get_by_label("Bodø (org.nr. 972 418 013)").check()
    page.get_by_label("Allmennmedisin").check()
    page.get_by_role("button", name="Start søknaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bodø – allmennmedisin")

    # The sections are filled in elsewhere (test_soker_journey); here they are completed directly, then submitted
    soknad = Soknad.objects.get()
    complete = KomplettSoknadFactory.build()
    for field in (
        "kontaktperson_navn",
        "kontaktperson_epost",
        "kontaktperson_telefon",
        "dba_kontakt_navn",
        "dba_kontakt_epost",
        "dba_kontakt_telefon",
        "organisering",
        "veiledere_ansatt",
        "veilederkompetanse",
        "kjent_med_oppgaver",
        "hf_avtale_inngatt",
        "hf_avtale_navn",
    ):
        setattr(soknad, field, getattr(complete, field))
    for field in [f.name for f in Soknad._meta.fields if f.name.startswith("ansvar_")]:
        setattr(soknad, field, True)
    soknad.save()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle")
    page.goto(f"{live_server.url}/soknader/{soknad.pk}/se-over/")
    page.get_by_role("button", name="Send inn søknaden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt inn")
    screenshot(page, "idporten-03-submitted")

    # Logout here and at the provider, back to our login page
    page.get_by_role("button", name="Logg ut").click()
    page.get_by_role("button", name="End session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logg inn")

    journey = list(Hendelse.objects.order_by("pk").values_list("hendelse", "kilde", "organisasjonsnummer"))
    assert journey == [
        ("innlogging", "idporten", ""),
        ("tilgang_gitt", "altinn", "972418013"),
        ("tilgang_gitt", "altinn", "912345041"),  # in name order: NORDLYS AVD BODØ, then its main unit
        ("tilgang_gitt", "altinn", "912345009"),
        ("statusendring", "soknad", "972418013"),
        ("utlogging", "idporten", ""),
    ]
