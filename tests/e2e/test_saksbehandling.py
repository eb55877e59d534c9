"""A caseworker and an applicant, each in their own browser: anmodning, correction, resubmission, registration."""

import pytest
from playwright.sync_api import expect

from soknader.models import Soknad
from soknader.services import innsending
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.e2e.conftest import log_in, screenshot
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_anmodning_correction_resubmission_and_registration(live_server, browser, page):
    saksbehandler_bruker(username="siri", password="hemmelig-passord-1")
    # One complete application and one with findings (no agreement with a helseforetak)
    complete = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="1806"))
    LaeringsarenaFactory(soknad=complete, laeringsmal="Alle bortsett fra ALM 55 og 85; Alle FKM")
    LaeringsarenaFactory(
        soknad=complete, type="sykehus", plassering="annen", annen_virksomhet="UNN HF", laeringsmal="ALM 55, 85"
    )
    innsending.soknad_submit(soknad=complete, bruker=soker_for(complete.virksomhet))
    soknad = KomplettSoknadFactory(hf_avtale_inngatt=False, hf_avtale_navn="")
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    applicant = soker_for(soknad.virksomhet, username="kari", password="hemmelig-passord-1")
    innsending.soknad_submit(soknad=soknad, bruker=applicant)

    # The caseworker filters "har mangler" and opens the application
    log_in(page, live_server.url + "/admin/soknader/soknad/", "siri")
    filters = page.locator("#changelist-filter")
    filters.get_by_role("link", name="Ja", exact=True).click()
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Avtale med HF mangler")
    rows.first.get_by_role("link").first.click()
    expect(page.locator("#sb-mangler-liste")).to_contain_text("Avtale med HF mangler")
    page.locator("summary", has_text="Be om flere opplysninger").click()  # "Hva vil du gjøre?"
    page.get_by_label("Be om flere opplysninger").fill("Bekreft avtalen med Nordlandssykehuset HF.")
    page.get_by_role("button", name="Send anmodning").click()
    expect(page.locator(".messagelist")).to_contain_text("Anmodning om mer informasjon sendt")

    # The applicant sees it, edits and resubmits
    applicant_context = browser.new_context(locale="nb-NO")
    other = applicant_context.new_page()
    log_in(other, live_server.url + "/soknader/", "kari")
    other.get_by_role("link", name="Bodø").click()
    expect(other.locator("#anmodning")).to_contain_text("Bekreft avtalen med Nordlandssykehuset HF.")
    screenshot(other, "saksbehandling-01-applicant-sees-anmodning")
    other.goto(live_server.url + f"/soknader/{soknad.pk}/")
    other.get_by_role("link", name="Virksomhetens ansvar", exact=True).click()
    other.locator("#id_hf_avtale_inngatt_0").check()  # «Ja» (issue 22: a yes/no question)
    other.get_by_label("Navn på helseforetaket eller virksomheten").fill("Nordlandssykehuset HF")
    other.get_by_role("button", name="Lagre og fortsett").click()
    other.goto(live_server.url + f"/soknader/{soknad.pk}/svar/")  # issue 22: answer and resubmit in one step
    other.get_by_label("Svar til Helsedirektoratet").fill("Avtalen er bekreftet i søknaden.")
    other.get_by_role("button", name="Send svar og oppdatert søknad").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt inn")
    applicant_context.close()

    # The caseworker sees the diff and registers it
    page.reload()
    expect(page.locator("#sb-endringer-liste")).to_contain_text("Nordlandssykehuset HF")
    expect(page.locator("#sb-mangler-liste")).not_to_contain_text("Avtale med HF mangler")
    screenshot(page, "saksbehandling-02-diff")
    expect(page.locator("#sb-valg-registrer")).to_have_attribute("open", "")  # a clean case: opens there
    page.get_by_role("button", name="Registrer: forhåndsvis vedtaksbrevet").click()
    page.get_by_role("button", name="Registrer og send vedtaksbrevet").click()
    expect(page.locator(".messagelist")).to_contain_text("Registrert")
    soknad.refresh_from_db()
    assert soknad.status == "registrert" and soknad.registrert_fra == soknad.soknadsdato
    statuses = list(soknad.historikk.values_list("til_status", flat=True))
    assert statuses == ["innsendt", "anmodning_sendt", "svar_mottatt", "sendt_inn_pa_nytt", "registrert"]
    assert Soknad.objects.get(pk=complete.pk).status == "innsendt"
