"""The caseworker's moves while an anmodning is open: a follow-up message, a reminder, a later deadline, taking the
request back. Each under the application's lock, with a row in its history and a mail through the outbox."""

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .. import notifications
from ..choices import Status
from ..models import Melding, Soknad
from ..regler.status import ANMODNING_TRUKKET, SAKSBEHANDLER_HANDLINGER
from .errors import TransitionRefused
from .transitions import require_saksbehandler, status_change, transition


def _locked(soknad: Soknad, handling: str, expected_status: str | None) -> Soknad:
    """The application under lock, if `handling` is open in its status (and it is the status the caseworker saw)."""
    locked = Soknad.objects.select_for_update().select_related("virksomhet").get(pk=soknad.pk)
    if expected_status is not None and locked.status != expected_status:
        raise TransitionRefused(
            gettext(
                "Søknaden ble endret av en annen mens du så på den: status er nå «%(status)s». "
                "Se over søknaden på nytt."
            )
            % {"status": locked.get_status_display()}
        )
    if locked.status not in SAKSBEHANDLER_HANDLINGER[handling]:
        raise TransitionRefused(
            gettext("Det kan ikke gjøres når søknaden har status «%(status)s».")
            % {"status": locked.get_status_display()}
        )
    return locked


def _anmodningen(soknad: Soknad) -> Melding:
    melding = soknad.meldinger.filter(fra=Melding.Fra.SAKSBEHANDLER).order_by("-tidspunkt", "-pk").first()
    if melding is None:
        raise TransitionRefused(gettext("Søknaden har ingen anmodning å følge opp."))
    return melding


def _frist_etter_i_dag(frist: dt.date) -> None:
    if frist <= timezone.localdate():
        raise TransitionRefused(gettext("Svarfristen må være etter dagens dato."))


def soknad_follow_up(
    *, soknad: Soknad, bruker: User, melding: str, frist: dt.date, expected_status: str | None = None
) -> Soknad:
    """A further message on the open anmodning (no answer yet), with a deadline; the application stays waiting."""
    require_saksbehandler(bruker)
    melding = melding.strip()
    if not melding:
        raise TransitionRefused(gettext("Skriv hva søkeren må gjøre eller svare på."))
    _frist_etter_i_dag(frist)
    with transaction.atomic():
        locked = _locked(soknad, "oppfolging", expected_status)
        Melding.objects.create(
            soknad=locked, fra=Melding.Fra.SAKSBEHANDLER, forfatter=bruker, tekst=melding, frist=frist
        )
        status_change(soknad=locked, til=locked.status, bruker=bruker, melding=melding, anmodning=melding)
        notifications.anmodning(locked, melding, frist)
    return locked


def soknad_extend_deadline(
    *, soknad: Soknad, bruker: User, frist: dt.date, expected_status: str | None = None
) -> Soknad:
    """A later deadline for the open anmodning; the applicant is told by mail and reminded again before it."""
    require_saksbehandler(bruker)
    _frist_etter_i_dag(frist)
    with transaction.atomic():
        locked = _locked(soknad, "forleng_frist", expected_status)
        anmodning = _anmodningen(locked)
        if anmodning.frist and frist <= anmodning.frist:
            raise TransitionRefused(
                gettext("Den nye svarfristen må være etter den gjeldende (%(frist)s).")
                % {"frist": f"{anmodning.frist:%d.%m.%Y}"}
            )
        anmodning.frist, anmodning.paminnet = frist, None
        anmodning.save(update_fields=["frist", "paminnet"])
        tekst = gettext("Svarfristen er forlenget til %(frist)s.") % {"frist": f"{frist:%d.%m.%Y}"}
        status_change(soknad=locked, til=locked.status, bruker=bruker, melding=tekst)
        notifications.frist_forlenget(locked, anmodning)
    return locked


def soknad_remind(*, soknad: Soknad, bruker: User, expected_status: str | None = None) -> Soknad:
    """Remind the applicant now of the anmodning they have not answered (the daily reminder does it once by itself)."""
    require_saksbehandler(bruker)
    with transaction.atomic():
        locked = _locked(soknad, "paminn", expected_status)
        anmodning = _anmodningen(locked)
        anmodning.paminnet = timezone.now()
        anmodning.save(update_fields=["paminnet"])
        status_change(soknad=locked, til=locked.status, bruker=bruker, melding=gettext("Påminnelse sendt."))
        notifications.paminnelse(locked, anmodning)
    return locked


def soknad_withdraw_request(
    *, soknad: Soknad, bruker: User, melding: str = "", expected_status: str | None = None
) -> Soknad:
    """Take the anmodning back: the applicant need not answer, and the case is under review again."""
    require_saksbehandler(bruker)
    melding = melding.strip()
    with transaction.atomic():
        _locked(soknad, "trekk_anmodning", expected_status)
        result = transition(
            soknad=soknad,
            til=Status.UNDER_BEHANDLING,
            bruker=bruker,
            expected_status=expected_status,
            melding=melding or gettext("Anmodningen er trukket tilbake."),
            allowed=ANMODNING_TRUKKET,
            anmodning="",
        )
        notifications.anmodning_trukket(result, melding)
    return result
