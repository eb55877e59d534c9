"""The documents: the application as sent (a PDF per innsending), read back as text; who may download it."""

import io
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from epost.services import epost_send_due
from soknader.models import Innsending
from soknader.services import innsending, saksbehandling
from tests.soknader.factories import (
    AnnenVirksomhetSoknadFactory,
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(data))).pages)


@pytest.fixture
def innsendt(django_capture_on_commit_callbacks, settings):
    settings.ASA_BASE_URL = "https://asa.example.no"
    soknad = KomplettSoknadFactory(
        organisering="Kommuneoverlegen har ansvaret; vurderingskollegium to ganger i året.\nÆrlig og åpen."
    )
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle bortsett fra ALM-055 og ALM-085; FKM 1-10")
    LaeringsarenaFactory(
        soknad=soknad,
        type="sykehus",
        plassering="annen",
        annen_virksomhet="Nordlandssykehuset HF",
        laeringsmal="ALM 55",
    )
    soker = soker_for(soknad.virksomhet, username="kari")
    with django_capture_on_commit_callbacks(execute=True):
        return innsending.soknad_submit(soknad=soknad, bruker=soker)


def test_each_submission_keeps_a_pdf_of_the_application_as_sent(innsendt):
    innsending = Innsending.objects.get(soknad=innsendt)
    assert innsending.versjon == 1
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "soknad.pdf").write_bytes(bytes(innsending.pdf))
    text = pdf_text(innsending.pdf)
    assert innsendt.referanse in text
    assert innsendt.virksomhet.navn in text and innsendt.virksomhet.organisasjonsnummer_formatert in text
    assert "Versjon 1" in text
    # every section, with the labels from the form, and the values as the reader understands them
    for heading in ["1. Virksomhet og spesialitet", "2. Virksomhetens ansvar", "3. ", "4. Læringsarenaer (2)"]:
        assert heading in text, heading
    assert "Ærlig og åpen." in text
    # every arena, with its objectives as written and as understood, and the codes in the appendix
    assert "Læringsarena 1:" in text and "Læringsarena 2: Sykehusavdeling" in text
    assert "Nordlandssykehuset HF" in text
    assert "Alle bortsett fra ALM-055 og ALM-085; FKM 1-10" in text
    assert "Forstått som" in text
    for code in ["ALM-001", "ALM-055", "FKM-001"]:
        assert code in text, code
    assert "Hvilke læringsmål dekkes?" in text and "Mangler og advarsler ved innsending" in text


def test_the_receipt_carries_the_pdf_and_a_link(innsendt):
    epost_send_due()
    (message,) = mail.outbox
    assert f"https://asa.example.no/soknader/{innsendt.pk}/se-over/" in message.body
    ((filename, content, mimetype),) = message.attachments
    assert filename == f"{innsendt.referanse}-versjon-1.pdf" and mimetype == "application/pdf"
    assert innsendt.referanse in pdf_text(content)


def test_only_those_who_may_see_the_application_download_its_pdf(innsendt, client):
    innsending = Innsending.objects.get(soknad=innsendt)
    url = reverse("soknader:innsending_pdf", args=[innsendt.pk, innsending.versjon])
    client.force_login(soker_for(AnnenVirksomhetSoknadFactory().virksomhet))
    assert client.get(url).status_code == 404
    client.force_login(innsendt.opprettet_av or soker_for(innsendt.virksomhet, username="kari"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and response["Cache-Control"].startswith("private")
    assert bytes(response.content).startswith(b"%PDF-")
    page = client.get(reverse("soknader:mine")).content.decode()
    assert url in page


@pytest.mark.django_db(transaction=True)
def test_no_pdf_is_made_while_the_write_lock_is_held(monkeypatch, django_capture_on_commit_callbacks):
    """Making a PDF takes about half a second: on SQLite the whole database waits for a write transaction, so
    submissions and decisions make their documents before it (tests/drift: concurrent submits give no 500)."""
    from django.db import connection

    from soknader import dokumenter

    calls = []
    real = dokumenter.pdf_from_html
    monkeypatch.setattr(
        dokumenter, "pdf_from_html", lambda html: calls.append(connection.in_atomic_block) or real(html)
    )
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    soknad = innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet))
    assert calls == [False]
    saksbehandling.soknad_register(soknad=soknad, bruker=_saksbehandler())
    assert calls == [False, False]
    assert pdf_text(soknad.vedtaksbrev.get().pdf).count(soknad.referanse) >= 1


def _saksbehandler():

    user = saksbehandler_bruker(username="sb")
    return user


def test_the_pdf_names_what_could_not_be_read_before_any_count(django_capture_on_commit_callbacks):
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle bortset fra ALM 055 og 085")
    with django_capture_on_commit_callbacks(execute=True):
        innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet, username="kari"))
    text = pdf_text(Innsending.objects.get(soknad=soknad).pdf)
    assert "Kunne ikke leses" in text and "Forstått som" not in text
    assert text.index("Kunne ikke leses") < text.index("Det som kunne leses")


def _archivable(data: bytes, *, tittel: str) -> None:
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(bytes(data)))
    with pdf.open_metadata() as xmp:
        assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("2", "U")
        assert tittel in str(xmp.get("dc:title"))
    assert "/StructTreeRoot" in pdf.Root and bool(pdf.Root.MarkInfo.Marked)
    assert str(pdf.Root.Lang) == "nb"
    assert "/OutputIntents" in pdf.Root


def test_the_application_pdf_and_the_decision_letter_can_be_archived_and_read_aloud(innsendt):
    _archivable(innsendt.innsendinger.get().pdf, tittel=innsendt.referanse)
    saksbehandling.soknad_register(soknad=innsendt, bruker=_saksbehandler())
    _archivable(innsendt.vedtaksbrev.get().pdf, tittel=innsendt.referanse)


def test_the_decision_letter_and_its_mail_name_the_kommune_as_a_kommune(django_capture_on_commit_callbacks):
    """The kommune register says «Bodø»; a letter to it says «Bodø kommune», in the address and in the sentences."""
    soknad = KomplettSoknadFactory()
    assert soknad.virksomhet.navn == "Bodø"
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    with django_capture_on_commit_callbacks(execute=True):
        soknad = innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet))
        saksbehandling.soknad_register(soknad=soknad, bruker=_saksbehandler())
    brev = " ".join(pdf_text(soknad.vedtaksbrev.get().pdf).split())
    assert brev.count("Bodø kommune") >= 3  # the address, «Vi viser til søknaden fra …», the decision itself
    assert "Bodø er registrert" not in brev and "Bodø kommune kommune" not in brev
    epost_send_due()
    assert any("Bodø kommune er registrert" in " ".join(m.body.split()) for m in mail.outbox)


def test_the_receipt_says_sent_again_only_after_a_second_submission(innsendt, client):
    """The case's history also records a caseworker taking it; the receipt counts submissions, not history rows."""
    from soknader.services import tildeling

    sb = _saksbehandler()
    tildeling.soknad_assign(soknad=innsendt, bruker=sb, til=sb)
    client.force_login(soker_for(innsendt.virksomhet, username="kari"))
    page = client.get(reverse("soknader:kvittering", args=[innsendt.pk])).content.decode()
    assert "Søknaden er sendt inn" in page and "sendt inn på nytt" not in page
