"""Anmodning as a dialogue (deadline, answer with PDFs, thread, reminder, overdue filter), the decision letter
(preview, PDF, kept and downloadable), and a new application copied from another."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from epost.services import epost_send_due
from soknader.models import Melding, Soknad, Vedlegg, Vedtaksbrev
from soknader.services import dialog, errors, innsending, saksbehandling
from tests.soknader.factories import (
    AnnenVirksomhetSoknadFactory,
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)
from tests.soknader.pdfer import PDF

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pdf_text(data) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(data))).pages)
    return " ".join(text.split())  # lines as laid out on the page, read as one text


@pytest.fixture
def saksbehandler():
    user = saksbehandler_bruker(username="sb", first_name="Siri", last_name="Saksbehandler")
    return user


@pytest.fixture
def soker(innsendt):
    return innsendt.opprettet_av


@pytest.fixture
def innsendt(settings):
    settings.ASA_BASE_URL = "https://asa.example.no"
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    soker = soker_for(soknad.virksomhet, username="kari", first_name="Kari", last_name="Kommune")
    Soknad.objects.filter(pk=soknad.pk).update(opprettet_av=soker)
    return innsending.soknad_submit(soknad=Soknad.objects.get(pk=soknad.pk), bruker=soker)


def _anmodning(soknad, saksbehandler, frist=None, melding="Send avtalen med Nordlandssykehuset HF."):
    return dialog.soknad_request_information(soknad=soknad, bruker=saksbehandler, melding=melding, frist=frist)


def test_the_anmodning_mail_links_to_the_application_and_states_the_deadline(innsendt, saksbehandler):
    frist = timezone.localdate() + dt.timedelta(days=14)
    _anmodning(innsendt, saksbehandler, frist)
    epost_send_due()
    message = mail.outbox[-1]
    assert f"https://asa.example.no/soknader/{innsendt.pk}/se-over/" in message.body
    assert f"{frist:%d.%m.%Y}" in message.subject
    assert "Send avtalen med Nordlandssykehuset HF." in message.body
    with pytest.raises(errors.TransitionRefused, match="etter dagens dato"):
        _anmodning(Soknad.objects.get(pk=innsendt.pk), saksbehandler, timezone.localdate())


def test_the_default_deadline_is_four_weeks(innsendt, saksbehandler, client):
    client.force_login(saksbehandler)
    page = client.get(reverse("admin:soknader_soknad_change", args=[innsendt.pk])).content.decode()
    assert f'value="{timezone.localdate() + dt.timedelta(days=28):%Y-%m-%d}"' in page
    client.post(
        reverse("admin:soknader_soknad_handling", args=[innsendt.pk, "anmodning_sendt"]),
        {"status": "innsendt", "melding": "Send avtalen", "frist": ""},
    )
    assert Melding.objects.get(soknad=innsendt).frist == timezone.localdate() + dt.timedelta(days=28)


def test_the_applicant_answers_with_words_and_a_pdf_and_both_sides_see_the_thread(
    innsendt, saksbehandler, soker, client
):
    _anmodning(innsendt, saksbehandler)
    client.force_login(soker)
    page = client.get(reverse("soknader:se_over", args=[innsendt.pk])).content.decode()
    assert "Dialog med Helsedirektoratet" in page and "Svarfrist" in page
    response = client.post(
        reverse("soknader:svar", args=[innsendt.pk]),
        {"tekst": "Avtalen ligger ved.", "vedlegg": [SimpleUploadedFile("avtale.pdf", PDF, "application/pdf")]},
    )
    assert response.status_code == 302
    vedlegg = Vedlegg.objects.get()
    assert (vedlegg.filnavn, bytes(vedlegg.innhold)) == ("avtale.pdf", PDF)
    page = client.get(reverse("soknader:se_over", args=[innsendt.pk])).content.decode()
    assert page.index("Send avtalen med Nordlandssykehuset HF.") < page.index("Avtalen ligger ved.")
    download = client.get(reverse("soknader:vedlegg", args=[innsendt.pk, vedlegg.pk]))
    assert bytes(download.content) == PDF and "attachment" in download["Content-Disposition"]

    client.force_login(saksbehandler)
    page = client.get(reverse("admin:soknader_soknad_change", args=[innsendt.pk])).content.decode()
    assert "Dialog med søkeren" in page and "Avtalen ligger ved." in page and "Kari Kommune" in page
    url = reverse("admin:soknader_soknad_dokument", args=[innsendt.pk, "vedlegg", vedlegg.pk])
    assert url in page and bytes(client.get(url).content) == PDF

    # someone who may not see the application gets nothing, from either side
    other = soker_for(AnnenVirksomhetSoknadFactory().virksomhet)
    client.force_login(other)
    assert client.get(reverse("soknader:vedlegg", args=[innsendt.pk, vedlegg.pk])).status_code == 404
    assert client.get(url).status_code == 302  # the admin sends non-staff to its login


def test_an_attachment_is_checked_by_content_and_size(innsendt, saksbehandler, soker, client, settings):
    _anmodning(innsendt, saksbehandler)
    client.force_login(soker)
    url = reverse("soknader:svar", args=[innsendt.pk])
    renamed = SimpleUploadedFile("avtale.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(url, {"tekst": "Her er den", "vedlegg": [renamed]})
    assert response.status_code == 400
    page = response.content.decode()
    assert "«avtale.pdf» er ikke en PDF-fil" in page and "Her er den" in page  # the answer typed is kept
    settings.VEDLEGG_MAKS_BYTES = 10
    response = client.post(url, {"tekst": "x", "vedlegg": [SimpleUploadedFile("stor.pdf", PDF)]})
    assert "«stor.pdf» er for stor" in response.content.decode()
    response = client.post(url, {"tekst": ""})
    assert "Skriv et svar til Helsedirektoratet" in response.content.decode()
    assert not Melding.objects.filter(fra=Melding.Fra.SOKER).exists()


def test_one_reminder_before_the_deadline_and_overdue_ones_are_filtered(innsendt, saksbehandler, client):
    _anmodning(innsendt, saksbehandler, timezone.localdate() + dt.timedelta(days=20))
    other = AnnenVirksomhetSoknadFactory()
    LaeringsarenaFactory(soknad=other, laeringsmal="Alle; Alle FKM")
    other = innsending.soknad_submit(soknad=other, bruker=soker_for(other.virksomhet))
    _anmodning(other, saksbehandler, timezone.localdate() + dt.timedelta(days=5))
    epost_send_due()
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_paminnelser", stdout=out)
    call_command("send_paminnelser", stdout=out)
    epost_send_due()
    assert out.getvalue().splitlines() == ["1 påminnelser lagt i e-postkøen.", "0 påminnelser lagt i e-postkøen."]
    (reminder,) = mail.outbox
    assert reminder.subject.startswith("Påminnelse: søknad " + other.referanse)

    Melding.objects.filter(soknad=other).update(frist=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(saksbehandler)
    page = client.get("/admin/soknader/soknad/").content.decode()
    assert "Svarfrist passert (1)" in page and "Venter på svar (2)" in page
    page = client.get("/admin/soknader/soknad/?ko=frist").content.decode()  # issue 21: a tab of the work queue
    assert reverse("admin:soknader_soknad_change", args=[other.pk]) in page
    assert reverse("admin:soknader_soknad_change", args=[innsendt.pk]) not in page


def test_registering_previews_then_sends_the_decision_letter(innsendt, saksbehandler, soker, client):
    client.force_login(saksbehandler)
    url = reverse("admin:soknader_soknad_handling", args=[innsendt.pk, "registrert"])
    data = {"status": "innsendt", "vedtaksdato": f"{timezone.localdate():%Y-%m-%d}"}
    preview = client.post(url, {**data, "forhandsvis": "1"}).content.decode()
    assert "Forhåndsvis vedtaksbrevet" in preview and "Ingenting er sendt ennå" in preview
    assert "er registrert som utdanningsvirksomhet for allmennmedisin" in preview
    assert "Registrer og send vedtaksbrevet" in preview
    innsendt.refresh_from_db()
    assert innsendt.status == "innsendt" and not Vedtaksbrev.objects.exists()

    client.post(url, data)
    brev = Vedtaksbrev.objects.get(soknad=innsendt)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "vedtaksbrev.pdf").write_bytes(bytes(brev.pdf))
    text = pdf_text(brev.pdf)
    for expected in [
        innsendt.referanse,
        innsendt.virksomhet.navn,
        "Vedtak",
        "(spesialistforskriften) § 21",
        "tre uker",
        "Klagerett",
        "(Helseklage)",
    ]:
        assert expected in text, expected
    epost_send_due()
    message = mail.outbox[-1]
    assert message.subject.endswith("er registrert")
    assert [a[0] for a in message.attachments] == [f"{innsendt.referanse}-vedtaksbrev.pdf"]

    client.force_login(soker)
    download = client.get(reverse("soknader:vedtaksbrev", args=[innsendt.pk, brev.pk]))
    assert bytes(download.content) == bytes(brev.pdf)
    assert (
        reverse("soknader:vedtaksbrev", args=[innsendt.pk, brev.pk])
        in client.get(reverse("soknader:mine")).content.decode()
    )


def test_a_rejection_letter_gives_the_reasons(innsendt, saksbehandler):
    saksbehandling.soknad_reject(soknad=innsendt, bruker=saksbehandler, begrunnelse="Ingen avtale med helseforetak.")
    pdf = bytes(Vedtaksbrev.objects.get(soknad=innsendt).pdf)
    (ARTIFACTS / "avslag.pdf").write_bytes(pdf)
    text = pdf_text(pdf)
    assert "er avslått" in text and "Ingen avtale med helseforetak." in text and "tre uker" in text


def test_a_kommune_starts_sam_from_its_alm_application(client):
    alm = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=alm, laeringsmal="Alle bortsett fra ALM-055; Alle FKM")
    LaeringsarenaFactory(
        soknad=alm, type="sykehus", plassering="annen", annen_virksomhet="UNN HF", laeringsmal="FKM 1-3"
    )
    client.force_login(soker_for(alm.virksomhet))
    page = client.get(reverse("soknader:mine")).content.decode()
    url = reverse("soknader:kopier", args=[alm.pk])
    assert url in page
    form = client.get(url).content.decode()
    assert 'value="SAM"' in form and 'value="ALM"' not in form  # ALM is open already
    response = client.post(
        url,
        {
            "spesialitet": "SAM",
            "seksjoner": ["virksomhet", "ansvar", "forhold"],
            "arenaer": [str(a.pk) for a in alm.laeringsarenaer.all()],
        },
        follow=True,
    )
    sam = Soknad.objects.get(spesialitet="SAM")
    assert response.redirect_chain[-1][0] == reverse("soknader:oppgaver", args=[sam.pk])
    assert sam.kontaktperson_navn == alm.kontaktperson_navn and sam.organisering == alm.organisering
    first, second = sam.laeringsarenaer.order_by("pk")
    assert first.laeringsmal == "Alle bortsett fra ALM-055; Alle FKM"  # kept as written
    assert first.laeringsmal_feil and not any(k.startswith("ALM") for k in first.laeringsmal_koder)  # shown, not fitted
    assert second.laeringsmal_koder == ["FKM-001", "FKM-002", "FKM-003"] and not second.laeringsmal_feil
    assert "deler som ikke passer" in response.content.decode()
    assert Soknad.objects.get(pk=alm.pk).laeringsarenaer.count() == 2  # the original is untouched


def test_arenas_exported_as_a_file_and_imported_into_another_kommunes_draft_after_a_preview(client):
    alm = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=alm, laeringsmal="Alle bortsett fra ALM-055; Alle FKM")
    LaeringsarenaFactory(
        soknad=alm, type="sykehus", plassering="annen", annen_virksomhet="NLSH HF", laeringsmal="FKM 1-3"
    )
    client.force_login(soker_for(alm.virksomhet))
    assert (
        reverse("soknader:arenaer_fil", args=[alm.pk])
        in client.get(reverse("soknader:laeringsarenaer", args=[alm.pk])).content.decode()
    )
    fil = client.get(reverse("soknader:arenaer_fil", args=[alm.pk]))
    assert fil["Content-Type"] == "application/json" and "attachment" in fil["Content-Disposition"]
    data = json.loads(bytes(fil.content))
    assert [a["virksomhet"] for a in data["laeringsarenaer"]] == ["", "NLSH HF"]

    # a cooperating kommune's SAM draft
    sam = KomplettSoknadFactory(virksomhet__kommunenummer="1806", spesialitet="SAM")
    client.force_login(soker_for(sam.virksomhet))
    url = reverse("soknader:arenaer_importer", args=[sam.pk])
    wrong = client.post(url, {"fil": SimpleUploadedFile("x.json", b'{"laeringsarenaer": [{"typ": "fastlege"}]}')})
    assert "ukjent felt. Mente du «type»?" in wrong.content.decode()
    preview = client.post(url, {"fil": SimpleUploadedFile("arenaer.json", bytes(fil.content))}).content.decode()
    assert "Legg til 2 læringsarenaer" in preview and "NLSH HF" in preview
    assert "Vi kunne ikke lese hele teksten" in preview  # ALM codes do not fit SAM: shown, not dropped
    assert not sam.laeringsarenaer.exists()
    client.post(url, {"innhold": bytes(fil.content).decode(), "bekreft": "1"})
    first, second = sam.laeringsarenaer.order_by("pk")
    assert first.laeringsmal == "Alle bortsett fra ALM-055; Alle FKM" and first.laeringsmal_feil
    assert second.annen_virksomhet == "NLSH HF" and second.laeringsmal_koder == ["FKM-001", "FKM-002", "FKM-003"]
