"""Moving an application from one status to another, under a lock, with a history row (the rules: regler.status)."""

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import Status
from ..models import (
    Soknad,
    Statusendring,
)
from ..regler.status import SOKER_OVERGANGER, VENTENDE_STATUSER
from ..roles import BEHANDLE_SOKNAD
from .errors import TransitionRefused


def status_change(*, soknad: Soknad, til: str, bruker: User | None, melding: str = "", **updates: Any) -> Soknad:
    """Give a (locked) application a new status and the given values, and record the change in its history.

    The workflow's rules (who may move it where) are the caller's: the workflow below, or an import. Every move
    restarts the case's waiting time (none once it is closed); the applicant's moves are their last activity.
    """
    fra = soknad.status
    soknad.status = til
    updates.setdefault("venter_siden", timezone.now() if til in VENTENDE_STATUSER else None)
    if til in SOKER_OVERGANGER:
        updates.setdefault("soker_aktiv", updates["venter_siden"] or timezone.now())
    for name, value in updates.items():
        setattr(soknad, name, value)
    soknad.save(update_fields=["status", *updates, "endret"])
    Statusendring.objects.create(soknad=soknad, fra_status=fra, til_status=til, utfort_av=bruker, melding=melding)
    return soknad


def er_saksbehandler(bruker: User | AnonymousUser | None) -> bool:
    """May this user act on applications (the permission `behandle_soknad`, usually through the group)?"""
    return bool(bruker and bruker.has_perm(BEHANDLE_SOKNAD))


def transition(
    *,
    soknad: Soknad,
    til: str,
    bruker: User,
    expected_status: str | None,
    melding: str = "",
    allowed: Mapping[str, AbstractSet[str]],
    **updates: Any,
) -> Soknad:
    with transaction.atomic():
        locked = Soknad.objects.select_for_update().select_related("virksomhet").get(pk=soknad.pk)
        if expected_status is not None and locked.status != expected_status:
            raise TransitionRefused(
                gettext(
                    "Søknaden ble endret av en annen mens du så på den: status er nå «%(status)s». "
                    "Se over søknaden på nytt."
                )
                % {"status": locked.get_status_display()}
            )
        if locked.status not in allowed.get(til, frozenset()):
            raise TransitionRefused(
                gettext("En søknad med status «%(fra)s» kan ikke få status «%(til)s».")
                % {"fra": locked.get_status_display(), "til": Status(til).label}
            )
        return status_change(soknad=locked, til=til, bruker=bruker, melding=melding, **updates)


IKKE_SAKSBEHANDLER = _("Bare saksbehandlere i Helsedirektoratet kan behandle søknader.")


def require_saksbehandler(bruker: User | AnonymousUser | None) -> None:
    if not er_saksbehandler(bruker):
        raise TransitionRefused(IKKE_SAKSBEHANDLER)
