"""A version token in the shared cache for values that are the same for many requests until some write changes
them (the public overview's figures, the work queue's counts). Values are cached under the current version; a write
replaces the version once it is committed, so a value computed from older data is stored under the old version and
never served again.

The version is a random token, not a counter: a lost version (the cache table culled or emptied) only means the
values are computed again.

Within a request every version is read once, all of them in one read, at the first that is asked for (a page that
shows the queue's counts and its rows, or a case with the catalogue and the caseworkers, pays one query for them).
"""

from __future__ import annotations

import logging
import threading
import time
from uuid import uuid4

from django.core.cache import cache
from django.db import OperationalError, ProgrammingError, transaction

logger = logging.getLogger(__name__)

ALLE: dict[str, CacheVersion] = {}  # every version, by key
_foresporsel = threading.local()  # `.lest`: the versions this request has read (None outside a request)


def foresporsel_startet(**_kwargs) -> None:
    """Receiver of request_started (drift/apps.py): nothing read yet."""
    _foresporsel.lest = {}


def foresporsel_ferdig(**_kwargs) -> None:
    """Receiver of request_finished: outside a request each version is read when asked for."""
    _foresporsel.lest = None


class CacheVersion:
    def __init__(self, name: str) -> None:
        self.key = f"{name}:versjon"
        self._sist: tuple[str, float] | None = None  # (version, monotonic time) as `current_innen` last read it
        ALLE[self.key] = self

    def current(self) -> str:
        """The current version: in a request, every version in one read the first time one is asked for; a second
        read and a write the first time a version is made."""
        lest = getattr(_foresporsel, "lest", None)
        if lest is None:
            verdi = cache.get(self.key)
        else:
            if self.key not in lest:
                funnet = cache.get_many(list(ALLE))
                lest.update({nokkel: funnet.get(nokkel) for nokkel in ALLE})
            verdi = lest[self.key]
        if verdi is None:
            cache.add(self.key, uuid4().hex, timeout=None)  # several workers at once: one of them wins
            verdi = cache.get(self.key)
            if lest is not None:
                lest[self.key] = verdi
        return verdi

    def current_innen(self, sekunder: float) -> str:
        """The version as this process read it less than `sekunder` ago, else `current()`: for a caller that may
        see a change that late and must not pay a query each time (a page's live lookups, drift/oppslag.py). A
        change made in this process is seen at once."""
        sist = self._sist
        if sist is not None and time.monotonic() - sist[1] < sekunder:
            return sist[0]
        verdi = self.current()
        self._sist = (verdi, time.monotonic())
        return verdi

    def bump(self) -> None:
        """A new version now. Before the cache's table exists (`migrate` creates groups and permissions, whose
        signals land here, before `createcachetable` runs) nothing is kept, so nothing can be stale."""
        ny = uuid4().hex
        self._sist = None
        try:
            with transaction.atomic():  # a savepoint: on PostgreSQL a failed statement would end the outer transaction
                cache.set(self.key, ny, timeout=None)
        except (OperationalError, ProgrammingError) as feil:  # no such table (SQLite), relation does not exist (PG)
            logger.warning("cacheversjon_ikke_byttet", extra={"versjon": self.key, "feil": str(feil)[:200]})
            return
        lest = getattr(_foresporsel, "lest", None)
        if lest is not None and self.key in lest:  # this request's later reads see its own write
            lest[self.key] = ny

    def bump_on_commit(self) -> None:
        """A new version from the commit of the current transaction on (at once outside a transaction); a transaction
        rolled back changes nothing."""
        transaction.on_commit(self.bump)
