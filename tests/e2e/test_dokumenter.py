"""Documents and dialogue in two browsers: an anmodning with a deadline, answered from the e-mail's link with a
message and a PDF; the caseworker reads the answer and the diff, previews and sends the decision letter; the
applicant downloads both PDFs. Then a kommune starts its SAM application from its ALM application in two clicks."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from epost.services import epost_send_due
from soknader.models import Soknad, Vedtaksbrev
from soknader.services import innsending
from tests.e2e.conftest import PASSWORD, log_in, screenshot
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)
from tests.soknader.pdfer import pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AVTALE = pdf()  # a real PDF: attachments are read as PDFs


def _download(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return Path(info.value.path()).read_bytes()


def test_anmodning_answered_with_a_pdf_then_decision_letter(live_server, browser, page, settings):
    settings.ASA_BASE_URL = live_server.url
    saksbehandler_bruker(username="siri", password=PASSWORD, first_name="Siri")
    soknad = KomplettSoknadFactory(hf_avtale_inngatt=False, hf_avtale_navn="")
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    applicant = soker_for(soknad.virksomhet, username="kari", password=PASSWORD, first_name="Kari")
    innsending.soknad_submit(soknad=soknad, bruker=applicant)

    # The caseworker asks for the agreement, with a deadline
    log_in(page, live_server.url + f"/admin/soknader/soknad/{soknad.pk}/change/", "siri")
    page.locator("summary", has_text="Be om flere opplysninger").click()  # "Hva vil du gjøre?"
    page.get_by_label("Be om flere opplysninger").fill("Legg ved avtalen med Nordlandssykehuset HF.")
    page.get_by_label("Svarfrist").fill("2030-01-15")
    page.get_by_role("button", name="Send anmodning").click()
    expect(page.locator(".messagelist")).to_contain_text("Anmodning om mer informasjon sendt")

    # The e-mail links straight to the application and states the deadline
    epost_send_due()
    anmodning = next(m for m in mail.outbox if "ber om flere opplysninger" in m.subject)
    assert "15. januar 2030" in anmodning.body
    link = re.search(r"(http://\S+/se-over/)", anmodning.body).group(1)

    # The applicant opens the link, logs in, and answers in one flow: a change, a message, a PDF, one button
    applicant_context = browser.new_context(locale="nb-NO", accept_downloads=True)
    other = applicant_context.new_page()
    log_in(other, link, "kari")
    expect(other.locator("#anmodning")).to_contain_text("Du må svare innen 15. januar 2030.")
    other.locator("#anmodning").get_by_role("link", name="Svar Helsedirektoratet").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Svar Helsedirektoratet")
    other.get_by_role("link", name="Virksomhetens ansvar", exact=True).click()
    other.locator("#id_hf_avtale_inngatt_0").check()  # «Ja»
    other.get_by_label("Navn på helseforetaket eller virksomheten").fill("Nordlandssykehuset HF")
    other.get_by_role("button", name="Lagre og fortsett").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Svar Helsedirektoratet")  # back on the answer page
    other.get_by_label("Svar til Helsedirektoratet").fill("Avtalen er inngått. Den ligger ved.")
    other.get_by_label("Vedlegg (PDF)").set_input_files(
        files=[{"name": "avtale-nlsh.pdf", "mimeType": "application/pdf", "buffer": AVTALE}]
    )
    screenshot(other, "dokumenter-01-applicant-answer-page")
    other.get_by_role("button", name="Send svar og oppdatert søknad").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt inn")
    assert Soknad.objects.get(pk=soknad.pk).status == "sendt_inn_pa_nytt"
    other.goto(live_server.url + f"/soknader/{soknad.pk}/")
    expect(other.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt inn på nytt")
    expect(other.locator("#meldinger")).to_contain_text("Avtalen er inngått. Den ligger ved.")
    expect(other.locator("#meldinger")).to_contain_text("avtale-nlsh.pdf")
    expect(other.locator("#dokumenter")).to_contain_text("versjon 2")
    expect(other.locator("main")).not_to_contain_text("Fyll ut søknaden")
    other.emulate_media(media="print")  # the status page prints as the case and the answers only
    expect(other.locator("header")).to_be_hidden()
    expect(other.locator("#meldinger")).to_be_visible()
    screenshot(other, "dokumenter-01b-status-printed")
    other.emulate_media(media="screen")

    # The caseworker reads the answer beside the diff, previews the letter and sends it
    page.reload()
    expect(page.locator("#sb-dialog-liste")).to_contain_text("Avtalen er inngått. Den ligger ved.")
    expect(page.locator("#sb-endringer-liste")).to_contain_text("Nordlandssykehuset HF")
    assert _download(page, "avtale-nlsh.pdf") == AVTALE
    screenshot(page, "dokumenter-02-caseworker-answer-and-diff")
    expect(page.locator("#sb-valg-registrer")).to_have_attribute("open", "")  # a clean case: opens there
    page.get_by_role("button", name="Registrer: forhåndsvis vedtaksbrevet").click()
    expect(page.locator("#sb-brev")).to_contain_text("er registrert som utdanningsvirksomhet for allmennmedisin")
    expect(page.locator("#sb-brev")).to_contain_text("(spesialistforskriften) § 21")
    screenshot(page, "dokumenter-03-letter-preview")
    assert not Vedtaksbrev.objects.exists()
    page.get_by_role("button", name="Registrer og send vedtaksbrevet").click()
    expect(page.locator(".messagelist")).to_contain_text("Registrert")
    expect(page.locator("#sb-dokumenter")).to_contain_text("Vedtaksbrev (registrert)")

    # The applicant's page now starts with the decision and its letter
    other.goto(live_server.url + f"/soknader/{soknad.pk}/")
    expect(other.get_by_role("heading", level=1)).to_have_text("Virksomheten er registrert")
    expect(other.locator("main h1 ~ *").nth(1)).to_have_attribute("id", "vedtak")
    expect(other.locator("#vedtak")).to_contain_text("Les vedtaksbrevet")
    screenshot(other, "dokumenter-03b-applicant-decision-first")

    # The applicant downloads the application as sent (version 2) and the decision letter
    other.goto(live_server.url + "/soknader/")
    application = _download(other, "Søknaden (PDF, versjon 2)")
    letter = _download(other, "Vedtaksbrev (PDF)")
    assert application.startswith(b"%PDF-") and letter.startswith(b"%PDF-")
    assert letter == bytes(Vedtaksbrev.objects.get().pdf)
    screenshot(other, "dokumenter-04-mine-soknader")
    applicant_context.close()
    assert Soknad.objects.get(pk=soknad.pk).status == "registrert"


def test_a_kommune_starts_sam_from_alm_in_two_clicks(live_server, page):
    alm = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=alm, laeringsmal="Alle bortsett fra ALM-055; Alle FKM")
    soker_for(alm.virksomhet, username="kari", password=PASSWORD)
    log_in(page, live_server.url + "/soknader/", "kari")
    page.get_by_role("link", name="Ny søknad fra denne").click()  # 1
    expect(page.get_by_label("Samfunnsmedisin")).to_be_checked()
    page.get_by_role("button", name="Start den nye søknaden").click()  # 2
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{alm.virksomhet.navn} – samfunnsmedisin")
    expect(page.locator(".alert-warning")).to_contain_text("deler som ikke passer")
    screenshot(page, "dokumenter-05-sam-from-alm")
    sam = Soknad.objects.get(spesialitet="SAM")
    assert sam.laeringsarenaer.count() == 1 and sam.kontaktperson_navn == alm.kontaktperson_navn
