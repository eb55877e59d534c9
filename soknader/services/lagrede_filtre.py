"""A caseworker's saved views of the work queue (issue 21): the changelist's query string under a name, theirs only."""

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext

from ..models import LagretFilter
from .errors import TransitionRefused
from .transitions import require_saksbehandler

# Every saved filter is drawn on each view of the queue: a bound on what one caseworker can make it cost
MAKS_PER_SAKSBEHANDLER = 30

# not part of a view: the page number, the admin's error flag, the popup and the action's own fields
UTELATT = frozenset({"p", "e", "_popup", "_to_field", "all"})


def filtre_for(bruker: User) -> QuerySet[LagretFilter]:
    """The user's own saved filters, by name (never another's)."""
    return LagretFilter.objects.filter(bruker_id=bruker.pk).order_by("navn", "pk")


def _renset(sporring: str) -> str:
    data = QueryDict(sporring.lstrip("?"), mutable=True)
    for navn in UTELATT:
        data.pop(navn, None)
    return data.urlencode()


def filter_save(*, bruker: User, navn: str, sporring: str) -> LagretFilter:
    """Save the queue's filter and search (`sporring`, the query string) as `navn`; a name in use is replaced."""
    require_saksbehandler(bruker)
    navn = " ".join(navn.split())
    if not navn:
        raise TransitionRefused(gettext("Gi filteret et navn."))
    with transaction.atomic():
        egne = filtre_for(bruker).select_for_update()
        if len(egne) >= MAKS_PER_SAKSBEHANDLER and not any(f.navn == navn[:60] for f in egne):
            raise TransitionRefused(
                gettext("Du har %(antall)d lagrede filtre, som er det meste. Slett et før du lagrer et nytt.")
                % {"antall": MAKS_PER_SAKSBEHANDLER}
            )
        lagret, _ny = LagretFilter.objects.update_or_create(
            bruker=bruker, navn=navn[:60], defaults={"sporring": _renset(sporring)[:1000]}
        )
    return lagret


def filter_delete(*, bruker: User, filter_id: int) -> None:
    """Delete one of the user's own saved filters (another's is not found)."""
    antall, _rader = filtre_for(bruker).filter(pk=filter_id).delete()
    if not antall:
        raise TransitionRefused(gettext("Fant ikke filteret."))
