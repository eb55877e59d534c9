"""The dialogue about a case: the caseworker's anmodning, the applicant's answer, the reminder before the deadline."""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext

from .. import grenser, notifications, pdfsjekk
from ..choices import Status
from ..models import (
    Melding,
    Soknad,
    Vedlegg,
)
from ..regler import gyldig
from ..regler import status as statusregler
from ..regler.status import (
    SAKSBEHANDLER_OVERGANGER,
)
from .errors import NotEditable, TransitionRefused
from .transitions import require_saksbehandler, status_change, transition
from .utkast import sprak_gyldig


def anmodning_frist_standard() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=settings.ANMODNING_FRIST_DAGER)


def soknad_request_information(
    *, soknad: Soknad, bruker: User, melding: str, frist: dt.date | None = None, expected_status: str | None = None
) -> Soknad:
    """Ask the applicant for more information by a deadline; they may then answer, edit and submit again."""
    require_saksbehandler(bruker)
    if not melding.strip():
        raise TransitionRefused(gettext("Skriv hva søkeren må gjøre eller svare på."))
    frist = frist or anmodning_frist_standard()
    if frist <= timezone.localdate():
        raise TransitionRefused(gettext("Svarfristen må være etter dagens dato."))
    with transaction.atomic():
        result = transition(
            soknad=soknad,
            til=Status.ANMODNING_SENDT,
            bruker=bruker,
            expected_status=expected_status,
            melding=melding.strip(),
            allowed=SAKSBEHANDLER_OVERGANGER,
            anmodning=melding.strip(),
        )
        Melding.objects.create(
            soknad=result, fra=Melding.Fra.SAKSBEHANDLER, forfatter=bruker, tekst=melding.strip(), frist=frist
        )
        notifications.anmodning(result, melding.strip(), frist)
    return result


def soknad_answer(
    *, soknad: Soknad, bruker: User, tekst: str, vedlegg: Iterable[UploadedFile] = (), sprak: str | None = None
) -> Melding:
    """The applicant answers an anmodning in words, with PDF attachments if asked. Raises ValidationError keyed by
    the answer form's fields (`tekst`, `vedlegg`). The answer is kept in the thread; the applicant then resubmits.
    `sprak`: the language the søker answers in becomes the application's language for mail and letters."""
    tekst = tekst.strip()
    vedlegg = list(vedlegg)
    filer = []
    tidligere = Vedlegg.objects.filter(melding__soknad=soknad).aggregate(antall=Count("pk"), bytes=Sum("storrelse"))
    feil = grenser.vedlegg_for_mange(
        filer=[(fil.name or "", fil.size or 0) for fil in vedlegg],
        har_antall=tidligere["antall"],
        har_bytes=tidligere["bytes"] or 0,
    )
    if feil:  # by the sizes the upload declared, before any file is read
        raise ValidationError({"vedlegg": feil})
    for fil in vedlegg:
        navn = fil.name or ""
        innhold = fil.read(settings.VEDLEGG_MAKS_BYTES + 1)  # never more than the limit and a byte
        if feil := gyldig.vedlegg_feil(navn, len(innhold), innhold) or pdfsjekk.pdf_problem(innhold, navn):
            raise ValidationError({"vedlegg": feil})
        filer.append((pdfsjekk.trygt_filnavn(navn), innhold))
    if not tekst and not filer:
        raise ValidationError({"tekst": gettext("Skriv et svar til Helsedirektoratet, eller legg ved en fil.")})
    with transaction.atomic():
        locked = Soknad.objects.select_for_update().get(pk=soknad.pk)
        if not statusregler.kan_svare(locked.status):
            raise NotEditable()
        sprak = sprak_gyldig(sprak)
        if sprak and sprak != locked.sprak:
            locked.sprak = sprak
            locked.save(update_fields=["sprak"])
        if filer:  # again under the lock: two answers sent at once count together
            tidligere = Vedlegg.objects.filter(melding__soknad=locked).aggregate(
                antall=Count("pk"), bytes=Sum("storrelse")
            )
            if feil := grenser.vedlegg_for_mange(
                filer=[(navn, len(innhold)) for navn, innhold in filer],
                har_antall=tidligere["antall"],
                har_bytes=tidligere["bytes"] or 0,
            ):
                raise ValidationError({"vedlegg": feil})
        melding = Melding.objects.create(soknad=locked, fra=Melding.Fra.SOKER, forfatter=bruker, tekst=tekst)
        if locked.status == Status.ANMODNING_SENDT:  # answered: now the caseworker's move (a history row says so)
            status_change(soknad=locked, til=Status.SVAR_MOTTATT, bruker=bruker, melding="Svar fra søkeren")
        else:  # a further answer: the queue shows it as the applicant's latest move
            locked.soker_aktiv = locked.venter_siden = timezone.now()
            locked.save(update_fields=["soker_aktiv", "venter_siden"])
        Vedlegg.objects.bulk_create(
            Vedlegg(melding=melding, filnavn=navn, storrelse=len(innhold), innhold=innhold) for navn, innhold in filer
        )
    return melding


def paminnelser_send() -> int:
    """Remind the applicant once, ANMODNING_PAMINNELSE_DAGER before the deadline, of an anmodning not yet answered
    by a new submission (run daily: `manage.py send_paminnelser`). Returns how many reminders were queued."""
    today = timezone.localdate()
    due = Melding.objects.filter(
        fra=Melding.Fra.SAKSBEHANDLER,
        soknad__status=Status.ANMODNING_SENDT,
        paminnet__isnull=True,
        frist__gte=today,
        frist__lte=today + dt.timedelta(days=settings.ANMODNING_PAMINNELSE_DAGER),
    )
    sent = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            melding = Melding.objects.select_for_update().select_related("soknad__virksomhet").get(pk=pk)
            soknad = melding.soknad
            if melding.paminnet is not None or soknad.siste_anmodning != melding:
                continue  # reminded by another run, or no longer the open anmodning
            melding.paminnet = timezone.now()
            melding.save(update_fields=["paminnet"])
            notifications.paminnelse(soknad, melding)
            sent += 1
    return sent
