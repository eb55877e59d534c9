"""The caseworker's day (issue 21), counted: queue → take a case → anmodning drafted from its findings (the form
opens drafted) → the applicant answers (message + PDF) and resubmits → "Sendt inn på nytt (v2)" at the top of its
tab with the diff → register with the letter → "Neste sak". The caseworker's clicks and page loads are counted and
printed (the figures in docs/saksbehandling.md); the pages are axe-clean."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import expect

from soknader.models import Soknad
from soknader.services import innsending
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.e2e.conftest import PASSWORD, log_in, screenshot
from tests.e2e.skjerm import axe_violations, describe
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)
from tests.soknader.pdfer import pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Teller:
    """Clicks made and pages loaded by one person's browser page."""

    def __init__(self, page):
        self.page, self.klikk, self.lastet = page, 0, 0
        page.on("load", lambda _: self._lastet())

    def _lastet(self):
        self.lastet += 1

    def __call__(self, locator):
        self.klikk += 1
        locator.click()


def _axe(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_the_caseworkers_day(live_server, browser, page, settings):
    settings.ASA_BASE_URL = live_server.url
    # the anmodning's standard texts (a data migration's rows; a transactional test starts without them)
    import_module("soknader.migrations.0025_mangeltekster_standard").legg_inn(apps, None)
    saksbehandler_bruker(username="siri", password=PASSWORD, first_name="Siri", last_name="Sb")
    # another clean case waiting: "Neste sak" leads there
    neste = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="1806"))
    LaeringsarenaFactory(soknad=neste, laeringsmal="Alle; Alle FKM")
    soknad = KomplettSoknadFactory(hf_avtale_inngatt=False, hf_avtale_navn="")
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    kari = soker_for(soknad.virksomhet, username="kari", password=PASSWORD)
    innsending.soknad_submit(soknad=soknad, bruker=kari)
    innsending.soknad_submit(soknad=neste, bruker=soker_for(neste.virksomhet))
    Soknad.objects.filter(pk=neste.pk).update(venter_siden=Soknad.objects.get(pk=soknad.pk).venter_siden)

    log_in(page, live_server.url + "/admin/", "siri")
    page.wait_for_load_state("load")
    teller = Teller(page)
    # the start page: the queue; the case with findings is not yet anyone's
    teller(page.get_by_role("link", name="Ikke fordelt"))
    rad = page.locator("#result_list tbody tr", has_text="Avtale med HF mangler")
    _axe(page)
    teller(rad.get_by_role("link").first)
    teller(page.get_by_role("button", name="Ta saken"))
    expect(page.locator("#sb-hos")).to_contain_text("Saken er hos Siri Sb.")
    teller(page.locator("summary", has_text="Be om flere opplysninger"))
    melding = page.get_by_label("Be om flere opplysninger")
    expect(melding).to_have_value(re.compile("Vi finner ikke avtale med helseforetak"))
    _axe(page)
    screenshot(page, "arbeidsdag-01-utkast")
    teller(page.get_by_role("button", name="Send anmodning"))
    expect(page.locator(".messagelist")).to_contain_text("Anmodning om mer informasjon sendt")
    page.wait_for_load_state("load")
    for_svar = (teller.klikk, teller.lastet)

    # the applicant answers with a message and a PDF, corrects and resubmits
    context = browser.new_context(locale="nb-NO")
    other = context.new_page()
    log_in(other, live_server.url + f"/soknader/{soknad.pk}/se-over/", "kari")
    # the one answer flow (issue 22): the change, the message and the PDF, one button
    other.locator("#anmodning").get_by_role("link", name="Svar Helsedirektoratet").click()
    other.get_by_role("link", name="Virksomhetens ansvar", exact=True).click()
    other.locator("#id_hf_avtale_inngatt_0").check()  # «Ja»
    other.get_by_label("Navn på helseforetaket eller virksomheten").fill("Nordlandssykehuset HF")
    other.get_by_role("button", name="Lagre og fortsett").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Svar Helsedirektoratet")
    other.get_by_label("Svar til Helsedirektoratet").fill("Avtalen er inngått. Den ligger ved.")
    other.get_by_label("Vedlegg (PDF)").set_input_files(
        files=[{"name": "avtale.pdf", "mimeType": "application/pdf", "buffer": pdf()}]
    )
    other.get_by_role("button", name="Send svar og oppdatert søknad").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt inn")
    context.close()

    # back in the queue: the resubmitted case on top of its tab, with its version; the diff on the case
    teller(page.locator(".breadcrumbs").get_by_role("link", name="Hjem"))  # the start page: the queue
    teller(page.get_by_role("link", name="Sendt inn på nytt"))
    forste = page.locator("#result_list tbody tr").first
    expect(forste).to_contain_text("Sendt inn på nytt (v2)")
    teller(forste.get_by_role("link").first)
    expect(page.locator("#sb-endringer-liste")).to_contain_text("Nordlandssykehuset HF")
    expect(page.locator("#sb-dialog-liste")).to_contain_text("avtale.pdf")
    expect(page.locator("#sb-valg-registrer")).to_have_attribute("open", "")  # clean now: opens at "Registrere"
    teller(page.get_by_role("button", name="Registrer: forhåndsvis vedtaksbrevet"))
    expect(page.locator("#sb-brev")).to_contain_text("er registrert som utdanningsvirksomhet")
    teller(page.get_by_role("button", name="Registrer og send vedtaksbrevet"))
    expect(page.locator(".messagelist")).to_contain_text("Registrert")
    teller(page.get_by_role("link", name="Neste sak →").first)
    expect(page).to_have_url(re.compile(f"/admin/soknader/soknad/{neste.pk}/change/"))
    screenshot(page, "arbeidsdag-02-neste-sak")
    assert Soknad.objects.get(pk=soknad.pk).status == "registrert"
    page.wait_for_load_state("load")
    print(
        f"\nsaksbehandleren: {teller.klikk} klikk og {teller.lastet} sidelastinger "
        f"(før svaret: {for_svar[0]} klikk, {for_svar[1]} sidelastinger)"
    )
    # main before issue 21, the same journey: 12 clicks, 12 page loads (docs/saksbehandling.md)
    assert (teller.klikk, teller.lastet) == (11, 10)
