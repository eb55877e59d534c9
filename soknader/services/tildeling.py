"""Who has the case: a caseworker takes it, gives it to a colleague or releases it, each with a row in its history
(the status stays; the row says who moved it to whom). Assigning is no move towards the applicant: the case's
waiting time runs on."""

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext

from ..models import Soknad, Statusendring
from ..roles import visningsnavn
from .errors import TransitionRefused
from .transitions import er_saksbehandler, require_saksbehandler


def soknad_assign(*, soknad: Soknad, bruker: User, til: User | None = None) -> Soknad:
    """Give the case to `til` (a caseworker; `bruker` to take it), or release it (`til` None)."""
    require_saksbehandler(bruker)
    if til is not None and not er_saksbehandler(til):
        raise TransitionRefused(gettext("Saken kan bare gis til en saksbehandler."))
    with transaction.atomic():
        locked = Soknad.objects.select_for_update(of=("self",)).select_related("saksbehandler").get(pk=soknad.pk)
        if locked.saksbehandler_id == getattr(til, "pk", None):
            return locked
        if til is None:
            melding = gettext("Saken er frigitt (var hos %(navn)s).") % {"navn": visningsnavn(locked.saksbehandler)}
        elif til == bruker:
            melding = gettext("%(navn)s tok saken.") % {"navn": visningsnavn(til)}
        else:
            melding = gettext("Saken er gitt til %(navn)s.") % {"navn": visningsnavn(til)}
        locked.saksbehandler = til
        locked.save(update_fields=["saksbehandler"])
        Statusendring.objects.create(
            soknad=locked, fra_status=locked.status, til_status=locked.status, utfort_av=bruker, melding=melding
        )
    return locked


def soknader_assign(*, soknader: Sequence[Soknad], bruker: User, til: User | None = None) -> int:
    """Assign every one of `soknader` (a bulk action): all or none."""
    with transaction.atomic():
        for soknad in soknader:
            soknad_assign(soknad=soknad, bruker=bruker, til=til)
    return len(soknader)
