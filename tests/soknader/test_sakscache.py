"""The case page keeps its history drawn (soknader.sakscache): a view of an unchanged case reads none of the history's
rows, and every new row (a status change, a message with its attachment, a note, a mail, the outbox trying a mail
again) is on the next view, never the page from before."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from epost import services as epost_services
from epost.models import Epost, EpostStatus
from epost.signals import eposter_endret
from soknader.choices import Status
from soknader.models import Soknad
from soknader.services import dialog, notater, saksbehandling
from tests.soknader.factories import soker_for
from tests.soknader.pdfer import PDF
from tests.soknader.test_handlingspanel import i_status

pytestmark = pytest.mark.django_db

HISTORIKKEN = (
    "soknader_statusendring",
    "soknader_melding",
    "soknader_vedtaksbrev",
    "soknader_notat",
    "epost_epost",
    '"soknader_innsending"."pdf_storrelse"',
)


def _side(client, soknad) -> str:
    return client.get(reverse("admin:soknader_soknad_change", args=[soknad.pk])).content.decode()


def test_an_unchanged_case_is_shown_again_without_reading_its_history(sb_client, siri):
    soknad = i_status(Status.ANMODNING_SENDT, siri)
    forste = _side(sb_client, soknad)
    with CaptureQueriesContext(connection) as ctx:
        igjen = _side(sb_client, soknad)
    assert igjen.count("<tr") == forste.count("<tr") and "Send avtalen." in igjen
    lest = " ".join(q["sql"] for q in ctx.captured_queries)
    assert not [tabell for tabell in HISTORIKKEN if tabell in lest]


def test_every_new_row_of_the_history_is_on_the_next_view(sb_client, siri, django_capture_on_commit_callbacks):
    soknad = i_status(Status.ANMODNING_SENDT, siri)
    soker = soker_for(soknad.virksomhet)

    def etter(endring) -> str:
        _side(sb_client, soknad)  # the history is kept
        with django_capture_on_commit_callbacks(execute=True):
            endring()
        return _side(sb_client, soknad)

    side = etter(
        lambda: dialog.soknad_answer(
            soknad=Soknad.objects.get(pk=soknad.pk),
            bruker=soker,
            tekst="Avtalen ligger ved.",
            vedlegg=[SimpleUploadedFile("avtale-med-hf.pdf", PDF, content_type="application/pdf")],
        )
    )
    assert "Avtalen ligger ved." in side and "avtale-med-hf.pdf" in side
    side = etter(lambda: notater.soknad_note(soknad=soknad, bruker=siri, tekst="Ring kommuneoverlegen."))
    assert "Ring kommuneoverlegen." in side
    for_ = side.count("sb-epost-")
    side = etter(lambda: saksbehandling.soknad_register(soknad=Soknad.objects.get(pk=soknad.pk), bruker=siri))
    historikk = side[side.index('id="sb-historikk"') :]
    assert "Registrert" in historikk[: historikk.index("</table>")]
    assert "/dokument/vedtaksbrev/" in side and side.count("sb-epost-") == for_ + 1  # the letter, and its mail
    # a mail the outbox failed, then tried again by a caseworker: QuerySet.update, no save (epost.signals)
    epost = Epost.objects.filter(soknad=soknad).order_by("pk").first()

    def feilet():  # as the sender marks a mail failed for good, saying which case's mails changed
        Epost.objects.filter(pk=epost.pk).update(status=EpostStatus.FEILET)
        eposter_endret.send(sender=Epost, soknad_ids={soknad.pk})

    assert "sb-epost-feilet" in etter(feilet)
    side = etter(lambda: epost_services.epost_retry(epost=Epost.objects.get(pk=epost.pk)))
    assert "sb-epost-feilet" not in side
