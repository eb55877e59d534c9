"""The time limits the law sets (forvaltningsloven § 11a, issue 21): a case that cannot be answered within a month
of its receipt gets a foreløpig svar saying why and when to expect an answer. The caseworker is warned a week before
the month has passed (`forelopig_svar_skyldes`, run daily by `manage.py varsle_forelopig_svar`), and sends the
foreløpig svar from the case (same machinery as the anmodning: a message, a history row, a mail)."""

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from .. import notifications
from ..models import Melding, Soknad
from ..regler.status import SAKSBEHANDLERS_TUR, VENTENDE_STATUSER
from .errors import TransitionRefused
from .transitions import require_saksbehandler, status_change

EN_MANED = dt.timedelta(days=30)
VARSEL_FOR = dt.timedelta(days=7)


def svarfrist_11a(soknad: Soknad) -> dt.date | None:
    """The day a month after the application was received: by then an answer, or a foreløpig svar."""
    return soknad.soknadsdato + EN_MANED if soknad.soknadsdato else None


def forelopig_svar_skyldes(idag: dt.date | None = None) -> QuerySet[Soknad]:
    """Open cases on the caseworker's move, received over three weeks ago, that have had no foreløpig svar."""
    idag = idag or timezone.localdate()
    return Soknad.objects.filter(
        status__in=SAKSBEHANDLERS_TUR,
        soknadsdato__lte=idag - EN_MANED + VARSEL_FOR,
        forelopig_svar__isnull=True,
    ).order_by("soknadsdato", "pk")


def soknad_forelopig_svar(
    *, soknad: Soknad, bruker: User, melding: str, forventet: dt.date, expected_status: str | None = None
) -> Soknad:
    """Tell the applicant why the case takes time and when to expect an answer; the status stays."""
    require_saksbehandler(bruker)
    melding = melding.strip()
    if not melding:
        raise TransitionRefused(gettext("Skriv hvorfor saken tar tid."))
    if forventet <= timezone.localdate():
        raise TransitionRefused(gettext("Datoen for svar må være etter dagens dato."))
    with transaction.atomic():
        locked = Soknad.objects.select_for_update().select_related("virksomhet").get(pk=soknad.pk)
        if (expected_status and locked.status != expected_status) or locked.status not in VENTENDE_STATUSER:
            raise TransitionRefused(
                gettext("Det kan ikke gjøres når søknaden har status «%(status)s».")
                % {"status": locked.get_status_display()}
            )
        tekst = gettext("Foreløpig svar: %(melding)s Forventet svar innen %(dato)s.") % {
            "melding": melding,
            "dato": f"{forventet:%d.%m.%Y}",
        }
        Melding.objects.create(soknad=locked, fra=Melding.Fra.SAKSBEHANDLER, forfatter=bruker, tekst=tekst)
        status_change(
            soknad=locked, til=locked.status, bruker=bruker, melding=tekst, forelopig_svar=timezone.localdate()
        )
        notifications.forelopig_svar(locked, melding, forventet)
    return locked
