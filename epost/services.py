"""Writing to the outbox and sending what is due.

`epost_queue` runs inside the caller's transaction: the mail exists exactly when the change it tells about does.
`epost_send_due` claims due rows (skipping rows another sender holds, on PostgreSQL), sends them outside any
transaction, and records the result: sent, or the reason and the time of the next attempt (exponential backoff),
or failed for good after EPOST_MAX_FORSOK attempts or a permanent refusal (5xx) from the mail server.
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from .models import Epost, EpostStatus, EpostVedlegg
from .signals import eposter_endret, for_runde

logger = logging.getLogger("asa.epost")

# A claimed row is not picked again by another sender until this has passed (a sender that died mid-batch).
CLAIM = timedelta(minutes=10)


def epost_queue(*, mottaker: str, emne: str, tekst: str, soknad=None, avsender: str | None = None, vedlegg=()) -> Epost:
    """`vedlegg`: (filename, bytes, mimetype) for each file to send with the message."""
    epost = Epost.objects.create(
        soknad=soknad,
        mottaker=mottaker,
        emne=emne,
        tekst=tekst,
        avsender=avsender or settings.DEFAULT_FROM_EMAIL,
    )
    EpostVedlegg.objects.bulk_create(
        EpostVedlegg(epost=epost, filnavn=navn, innhold=innhold, mimetype=mimetype)
        for navn, innhold, mimetype in vedlegg
    )
    transaction.on_commit(
        lambda: logger.info(
            "epost_lagt_i_ko", extra={"epost_id": epost.pk, "soknad_id": getattr(soknad, "pk", None), "emne": emne}
        )
    )
    return epost


def backoff(forsok: int) -> timedelta:
    """Wait before attempt number `forsok` + 1: EPOST_BACKOFF seconds, doubled for each attempt, at most 6 hours."""
    return timedelta(seconds=min(settings.EPOST_BACKOFF * 2 ** max(forsok - 1, 0), 6 * 3600))


@dataclass
class Resultat:
    sendt: int = 0
    utsatt: int = 0
    feilet: int = 0


def _claim(now, limit: int) -> list[Epost]:
    with transaction.atomic():
        rows = list(
            Epost.objects.select_for_update(skip_locked=True)
            .filter(status=EpostStatus.VENTER, neste_forsok__lte=now)
            .order_by("neste_forsok", "pk")[:limit]
        )
        Epost.objects.filter(pk__in=[r.pk for r in rows]).update(neste_forsok=now + CLAIM)
        _endret(rows)
    return rows


def _endret(rows: list[Epost]) -> None:
    """Say which applications' mails a QuerySet.update changed (`eposter_endret`)."""
    if soknad_ids := {r.soknad_id for r in rows if r.soknad_id}:
        eposter_endret.send(sender=Epost, soknad_ids=soknad_ids)


def _permanent(error: BaseException) -> bool:
    """The server refused this message for good (unknown recipient, message rejected with 5xx): trying it again
    will not help. A refused login or sender is our configuration, not the message: those are tried again."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPDataError) and 500 <= error.smtp_code < 600


def _server_unreachable(error: BaseException) -> bool:
    """The mail server, not this message, is the problem: the other messages of the round would fail the same way.
    (smtplib's errors are OSErrors too; only the ones about the connection or our login count here.)"""
    if isinstance(
        error,
        (
            smtplib.SMTPConnectError,
            smtplib.SMTPServerDisconnected,
            smtplib.SMTPHeloError,
            smtplib.SMTPAuthenticationError,
        ),
    ):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def _reason(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return f"E-postserveren avviste mottakeren: {', '.join(error.recipients)}"
    if isinstance(error, (smtplib.SMTPResponseException)) and not isinstance(error, smtplib.SMTPConnectError):
        text = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else error.smtp_error
        return f"E-postserveren svarte {error.smtp_code}: {text}"[:1000]
    if _server_unreachable(error):
        return f"Fikk ikke kontakt med e-postserveren ({type(error).__name__}: {error})"[:1000]
    return f"{type(error).__name__}: {error}"[:1000]


def _failed(epost: Epost, reason: str, *, permanent: bool, resultat: Resultat) -> None:
    """Record a failed attempt (already counted in `forsok`): a new try after the backoff, or "Feilet"."""
    epost.siste_feil = reason
    if permanent or epost.forsok >= settings.EPOST_MAX_FORSOK:
        epost.status = EpostStatus.FEILET
        resultat.feilet += 1
    else:
        epost.neste_forsok = timezone.now() + backoff(epost.forsok)
        resultat.utsatt += 1
    logger.warning(
        "epost_feilet",
        extra={
            "epost_id": epost.pk,
            "soknad_id": epost.soknad_id,
            "forsok": epost.forsok,
            "status": epost.status,
            "feil": epost.siste_feil,
            "neste_forsok": epost.neste_forsok.isoformat() if epost.status == EpostStatus.VENTER else None,
        },
    )
    epost.save(update_fields=["status", "forsok", "neste_forsok", "siste_feil", "sendt"])


def _release(rows: list[Epost], when) -> None:
    """Give back claimed messages that were not tried this round, to be tried at `when` (no attempt counted)."""
    Epost.objects.filter(pk__in=[r.pk for r in rows], status=EpostStatus.VENTER).update(neste_forsok=when)
    _endret(rows)


def epost_send_due(*, limit: int = 100) -> Resultat:
    """Send every due message once, then do the work other apps leave to the sender process (`for_runde`: the PDF
    of a large submission, whose receipt is then sent next round). Never raises for a mail error: each one is
    recorded on its row; a failure of the other work is logged and does not keep mail from being sent."""
    resultat = _send_due(limit=limit)
    for receiver, svar in for_runde.send_robust(sender=epost_send_due):
        if isinstance(svar, Exception):
            navn = getattr(receiver, "__name__", "")
            logger.error("epost_sender_arbeid_feilet", extra={"mottaker": navn, "feil": str(svar)[:300]})
    return resultat


def _send_due(*, limit: int) -> Resultat:
    """Send every due message once. Never raises for a mail error: each one is recorded on its row.

    When the server cannot be reached, the round stops after the first message: the rest are not sent to it, but
    each counts the attempt (same reason, own backoff, "Feilet" after the last), so no message waits uncounted while
    the server is down. A round never runs past half the claim, so no other sender takes its messages."""
    now = timezone.now()
    resultat = Resultat()
    rows = _claim(now, limit)
    if not rows:
        return resultat
    connection = get_connection(fail_silently=False)
    try:
        for index, epost in enumerate(rows):
            if timezone.now() - now > CLAIM / 2:
                _release(rows[index:], timezone.now())
                break
            message = EmailMessage(epost.emne, epost.tekst, epost.avsender, [epost.mottaker], connection=connection)
            for vedlegg in epost.vedlegg.all():
                message.attach(vedlegg.filnavn, bytes(vedlegg.innhold), vedlegg.mimetype)
            epost.forsok += 1
            try:
                message.send()
            except Exception as error:  # noqa: BLE001 - one bad message must not stop the others; it is recorded
                connection.close()  # a broken connection is opened anew for the next message
                _failed(epost, _reason(error), permanent=_permanent(error), resultat=resultat)
                if _server_unreachable(error):
                    # the others are not sent to a server that is down, but each counts the attempt all the same:
                    # the same reason, its own backoff, and "Feilet" after its last attempt
                    for other in rows[index + 1 :]:
                        other.forsok += 1
                        _failed(other, epost.siste_feil, permanent=False, resultat=resultat)
                    break
                continue
            epost.status = EpostStatus.SENDT
            epost.sendt = timezone.now()
            epost.siste_feil = ""
            resultat.sendt += 1
            logger.info(
                "epost_sendt", extra={"epost_id": epost.pk, "soknad_id": epost.soknad_id, "forsok": epost.forsok}
            )
            epost.save(update_fields=["status", "forsok", "neste_forsok", "siste_feil", "sendt"])
    finally:
        connection.close()
    return resultat


def epost_retry(*, epost: Epost) -> None:
    """A caseworker asks for a failed message to be tried again now."""
    Epost.objects.filter(pk=epost.pk, status=EpostStatus.FEILET).update(
        status=EpostStatus.VENTER, neste_forsok=timezone.now(), forsok=0
    )
    _endret([epost])
