"""A caseworker's internal notes on a case (issue 21): in the case page's timeline with who wrote them, never shown
to the applicant (no page, letter, PDF or mail of theirs reads `Notat`)."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext

from ..models import Notat, Soknad
from .errors import TransitionRefused
from .transitions import require_saksbehandler

TEKST_MAKS = 5000


def soknad_note(*, soknad: Soknad, bruker: User, tekst: str) -> Notat:
    """Write an internal note on the case; the case itself is not changed (its waiting time runs on)."""
    require_saksbehandler(bruker)
    tekst = tekst.strip()
    if not tekst:
        raise TransitionRefused(gettext("Skriv notatet."))
    if len(tekst) > TEKST_MAKS:
        raise TransitionRefused(gettext("Notatet kan ha høyst %(maks)s tegn.") % {"maks": TEKST_MAKS})
    with transaction.atomic():
        return Notat.objects.create(soknad=soknad, forfatter=bruker, tekst=tekst)
