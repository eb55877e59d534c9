"""Issue 22 at 390 px: every søker page in its error and waiting states passes axe-core (no serious or critical
violation) without sideways scroll: section 2 with nothing ticked (one summary item naming the missing points), the
live LM reading's error, the anmodning on the task list and «Mine søknader», the answer page with an empty answer
and with work left, the status pages, the «cannot apply yet» page; and the demo BHT is offered only ARB and SAM."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from soknader.management.commands.demodata import PASSORD
from soknader.models import Soknad
from soknader.services import dialog, innsending, saksbehandling
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.e2e.conftest import PASSWORD, log_in, screenshot
from tests.e2e.skjerm import assert_page_ok
from tests.soknader.factories import (
    AnnenVirksomhetSoknadFactory,
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    SoknadFactory,
    UserFactory,
    gi_tilgang,
    saksbehandler_bruker,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTH = 390


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nb-NO", viewport={"width": WIDTH, "height": 844})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _saksbehandler():
    user = saksbehandler_bruker(username="siri")
    return user


def _ok(page, shot: str) -> None:
    assert_page_ok(page)
    screenshot(page, f"tilstand-{WIDTH}-{shot}")


def test_soker_error_and_waiting_states_at_390(live_server, phone):
    url = live_server.url
    bodo = KommuneVirksomhetFactory(kommunenummer="1804")
    kari = UserFactory(username="kari", password=PASSWORD)
    gi_tilgang(kari, bodo)
    utkast = SoknadFactory(virksomhet=bodo, spesialitet="SAM", kontaktperson_navn="Kari Nordmann")
    sendt = KomplettSoknadFactory(virksomhet=bodo)
    LaeringsarenaFactory(soknad=sendt, laeringsmal="Alle; Alle FKM")
    innsending.soknad_submit(soknad=sendt, bruker=kari)
    frist = timezone.localdate() + dt.timedelta(days=14)
    dialog.soknad_request_information(
        soknad=Soknad.objects.get(pk=sendt.pk), bruker=_saksbehandler(), melding="Send avtalen.", frist=frist
    )
    log_in(phone, url + "/soknader/", "kari")

    # «Mine søknader»: the deadline and the action, from the applicant's side
    expect(phone.locator(".svar-oppgave")).to_contain_text("Du må svare innen")
    _ok(phone, "mine-soknader-anmodning")

    # Section 2 with nothing ticked: one summary item naming the missing points
    phone.goto(url + f"/soknader/{utkast.pk}/del/ansvar/")
    phone.get_by_role("button", name="Lagre og fortsett").click()
    expect(phone).to_have_title(re.compile(r"^Feil: "))
    items = phone.locator("#feiloppsummering li")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("Bekreft alle punktene – 8 mangler: «Spesialistforskriften»")
    _ok(phone, "ansvar-feil")

    # The live LM reading in its error state
    phone.goto(url + f"/soknader/{utkast.pk}/laeringsarenaer/ny/")
    phone.get_by_label("Læringsmål som kan oppnås her").fill("SAM 1-3 og tull")
    expect(phone.locator("#lm-tolkning .text-danger").first).to_be_visible()
    _ok(phone, "lm-tolkning-feil")

    # The anmodning on the task list, the answer page, the empty answer, the answer kept with work left
    phone.goto(url + f"/soknader/{sendt.pk}/")
    expect(phone.locator("#anmodning")).to_contain_text("Du må svare innen")
    _ok(phone, "oppgaver-anmodning")
    phone.locator("#anmodning").get_by_role("link", name="Svar Helsedirektoratet").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Svar Helsedirektoratet")
    _ok(phone, "svar")
    phone.get_by_role("button", name="Send svar og oppdatert søknad").click()
    summary = phone.locator("#feiloppsummering")
    expect(summary).to_contain_text("Skriv et svar til Helsedirektoratet")
    _ok(phone, "svar-tomt")
    Soknad.objects.filter(pk=sendt.pk).update(kontaktperson_navn="")
    phone.get_by_label("Svar til Helsedirektoratet").fill("Avtalen kommer.")
    phone.get_by_role("button", name="Send svar og oppdatert søknad").click()
    expect(phone.locator("#gjenstar")).to_contain_text("Skriv navnet på kontaktpersonen.")
    expect(phone.get_by_role("button", name="Send svar og oppdatert søknad")).to_be_visible()
    _ok(phone, "svar-gjenstar")


def test_status_pages_and_cannot_apply_yet_at_390(live_server, phone):
    url = live_server.url
    bodo = KommuneVirksomhetFactory(kommunenummer="1804")
    kari = UserFactory(username="kari", password=PASSWORD)
    gi_tilgang(kari, bodo)
    sendt = KomplettSoknadFactory(virksomhet=bodo)
    LaeringsarenaFactory(soknad=sendt, laeringsmal="Alle; Alle FKM")
    innsending.soknad_submit(soknad=sendt, bruker=kari)
    log_in(phone, url + f"/soknader/{sendt.pk}/kvittering/", "kari")
    expect(phone.locator("#kvittering-epost")).to_be_visible()
    _ok(phone, "kvittering")
    phone.goto(url + f"/soknader/{sendt.pk}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt inn")
    _ok(phone, "status-sendt")
    saksbehandling.soknad_register(soknad=Soknad.objects.get(pk=sendt.pk), bruker=_saksbehandler())
    phone.reload()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Virksomheten er registrert")
    expect(phone.locator("#vedtak")).to_contain_text("Les vedtaksbrevet")
    _ok(phone, "status-registrert")

    bht = AnnenVirksomhetSoknadFactory(bht_godkjent_arbeidstilsynet=False)
    gi_tilgang(kari, bht.virksomhet)
    phone.goto(url + f"/soknader/{bht.pk}/kan-ikke-soke/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Dere kan ikke søke ennå")
    _ok(phone, "kan-ikke-soke")


def test_the_demo_bht_is_offered_arb_and_sam_with_the_reason_for_alm(live_server, phone):
    call_command("demodata", stdout=StringIO())
    log_in(phone, live_server.url + "/soknader/ny/", "bht", PASSORD)
    expect(phone.get_by_label("Arbeidsmedisin")).to_be_visible()
    expect(phone.get_by_label("Samfunnsmedisin")).to_be_visible()
    expect(phone.get_by_label("Allmennmedisin")).to_have_count(0)
    expect(phone.locator("main")).to_contain_text("Allmennmedisin kan bare søkes av en kommune")
    _ok(phone, "ny-demo-bht")
