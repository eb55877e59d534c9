"""Per-user limits that hold across workers and instances: a counter per (name, user, time window) in the database,
from which each process takes its uses in portions.

    if hit("brreg-oppslag", hvem=user.pk, grense=30, vindu=60): ...   # True: over the limit, refuse

The database row counts the uses handed out in the window. A process takes a portion of them at a time with one
conditional UPDATE (`antall + n <= grense`, so parallel processes can never take more than the limit between them)
and spends the portion from memory: one write per portion, not per use. A portion is at most GRENSE_PORSJON uses
and at most 1/GRENSE_DELING of what is left in the window, so the closer a user comes to the limit, the smaller the
portions; within the last GRENSE_DELING × 2 uses each use is taken by itself, exactly as when every use was a row
update. A small limit (the login limits, 5 starts, 10 or 30 lookups per minute) is therefore counted use by use.
Once the row says the window is used up, the process refuses the rest of the window from memory without asking.

Never more than `grense` uses get through in a window, whichever process or instance answers. The price of portions:
a portion a process took but did not spend before the window ended is lost, so with large limits a user may be
refused somewhat before reaching the limit (at most the unspent portions of the other processes; none when the
limit is at most 2 × GRENSE_DELING). Held in process memory alone, 4 workers let 114 of 130 lookups through
before the first refusal (tests/drift/test_drift.py has the test across gunicorn workers and instances).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import Counter

PORSJON = 20  # default of GRENSE_PORSJON: the most uses one process takes at a time
DELING = 10  # default of GRENSE_DELING: a portion is at most this share (1/DELING) of what is left


@dataclass
class _Kvote:
    utloper: datetime  # when the row may be deleted (two windows on)
    igjen: int = 0  # uses taken from the row and not yet spent
    brukt_opp: bool = False  # the row's window is used up: refuse without asking
    sett: int = 0  # the row's count when this process last took from it (at least what it took itself)


_lokalt: dict[str, _Kvote] = {}
_lås = threading.Lock()


def hit(navn: str, *, hvem, grense: int, vindu: int = 60) -> bool:
    """Count one use of `navn` by `hvem`; True when this use is over `grense` within the `vindu` seconds window."""
    now = timezone.now()
    start = int(now.timestamp() // vindu)
    nokkel = f"{navn}:{hvem}:{start}"
    with _lås:
        kvote = _lokalt.get(nokkel)
        if kvote is None:
            _glem_utlopte(now)
            kvote = _lokalt[nokkel] = _Kvote(utloper=now + timedelta(seconds=2 * vindu))
        if kvote.igjen == 0 and not kvote.brukt_opp:
            _ta_porsjon(nokkel, kvote, grense, now)
        if kvote.igjen > 0:
            kvote.igjen -= 1
            return False
        return True


def glem() -> None:
    """Forget what this process holds (tests: a rolled-back database must not leave portions behind)."""
    with _lås:
        _lokalt.clear()


def _deling() -> int:
    return max(1, int(getattr(settings, "GRENSE_DELING", DELING)))


def _porsjon(grense: int, sett: int) -> int:
    storst = max(1, int(getattr(settings, "GRENSE_PORSJON", PORSJON)))
    return max(1, min(storst, (grense - sett) // (2 * _deling())))


def _ta_porsjon(nokkel: str, kvote: _Kvote, grense: int, now: datetime) -> None:
    """Take a portion from the window's row: one write (the first use in a window creates the row)."""
    if grense <= 0 or kvote.sett >= grense:  # all of it handed out (the last of it to this process)
        kvote.brukt_opp = True
        return
    onsket = _porsjon(grense, kvote.sett)
    if kvote.sett == 0 and _opprett(nokkel, kvote, onsket, now):
        return
    if any(_ta(nokkel, kvote, grense, antall) for antall in dict.fromkeys((onsket, 1))):
        return  # (a smaller portion may fit where the wished one does not)
    if Counter.objects.filter(nokkel=nokkel).exists():
        kvote.brukt_opp = True
    elif not _opprett(nokkel, kvote, 1, now):  # gone (a caller's rolled-back transaction made it), made again
        kvote.brukt_opp = not _ta(nokkel, kvote, grense, 1)


def _ta(nokkel: str, kvote: _Kvote, grense: int, antall: int) -> bool:
    """Take `antall` uses from the row if that many are left (one conditional UPDATE: never past the limit)."""
    if not Counter.objects.filter(nokkel=nokkel, antall__lte=grense - antall).update(antall=F("antall") + antall):
        return False
    kvote.igjen = antall
    kvote.sett += antall
    if grense > 2 * _deling():  # the portions' size depends on what the others took: read it
        kvote.sett = Counter.objects.filter(nokkel=nokkel).values_list("antall", flat=True).first() or grense
    return True


def _opprett(nokkel: str, kvote: _Kvote, antall: int, now: datetime) -> bool:
    """Create the window's row with `antall` uses taken; False when another process created it first."""
    try:
        with transaction.atomic():
            Counter.objects.create(nokkel=nokkel, antall=antall, utloper=kvote.utloper)
    except IntegrityError:
        kvote.sett = max(kvote.sett, 1)  # not new: take from it as from any row
        return False
    kvote.igjen, kvote.sett = antall, antall
    Counter.objects.filter(utloper__lt=now).delete()  # a new window: forget the windows that are over
    return True


def _glem_utlopte(now: datetime) -> None:
    for nokkel in [n for n, k in _lokalt.items() if k.utloper < now]:
        del _lokalt[nokkel]
