"""The caseworker's actions on many cases at once (issue 21): each case gets what it would get alone (its letter,
history row and mail through the outbox), and all of them in one transaction: one refusal and nothing is done."""

import datetime as dt
from collections.abc import Iterable, Sequence

from django.contrib.auth.models import User
from django.db import transaction

from ..choices import Status
from ..models import Soknad
from ..regler.status import SAKSBEHANDLER_OVERGANGER, VENTENDE_STATUSER
from . import dialog, saksbehandling
from .mangelvurdering import apne_mangler


def rene(soknader: Iterable[Soknad]) -> tuple[list[Soknad], list[Soknad]]:
    """(those that may be registered now: waiting, no open finding; the others) of `soknader`, in their order. A
    finding a caseworker has assessed as in order ("vurdert") is not open."""
    soknader = list(soknader)
    med_mangler = set(apne_mangler().filter(soknad__in=soknader).values_list("soknad", flat=True))
    ok = [s for s in soknader if s.pk not in med_mangler and s.status in VENTENDE_STATUSER]
    return ok, [s for s in soknader if s not in ok]


def kan_starte(soknader: Iterable[Soknad]) -> tuple[list[Soknad], list[Soknad]]:
    ok = [s for s in soknader if s.status in SAKSBEHANDLER_OVERGANGER[Status.UNDER_BEHANDLING]]
    return ok, [s for s in soknader if s not in ok]


def kan_anmodes(soknader: Iterable[Soknad]) -> tuple[list[Soknad], list[Soknad]]:
    ok = [s for s in soknader if s.status in SAKSBEHANDLER_OVERGANGER[Status.ANMODNING_SENDT]]
    return ok, [s for s in soknader if s not in ok]


def soknader_start_review(*, soknader: Sequence[Soknad], bruker: User) -> int:
    with transaction.atomic():
        for soknad in soknader:
            saksbehandling.soknad_start_review(soknad=soknad, bruker=bruker, expected_status=soknad.status)
    return len(soknader)


def soknader_request_information(
    *, soknader: Sequence[Soknad], bruker: User, melding: str, frist: dt.date | None = None
) -> int:
    """The same anmodning to each: each its own message, history row and mail."""
    with transaction.atomic():
        for soknad in soknader:
            dialog.soknad_request_information(
                soknad=soknad, bruker=bruker, melding=melding, frist=frist, expected_status=soknad.status
            )
    return len(soknader)


def soknader_register(*, soknader: Sequence[Soknad], bruker: User, vedtaksdato: dt.date | None = None) -> int:
    """Register each (with its decision letter and mail); the caller has checked that nothing is missing (`rene`)."""
    with transaction.atomic():
        for soknad in soknader:
            saksbehandling.soknad_register(
                soknad=soknad, bruker=bruker, vedtaksdato=vedtaksdato, expected_status=soknad.status
            )
    return len(soknader)
