"""A version token in the shared cache for values that are the same for many requests until some write changes
them (the public overview's figures, the work queue's counts). Values are cached under the current version; a write
replaces the version once it is committed, so a value computed from older data is stored under the old version and
never served again.

The version is a random token, not a counter: a lost version (the cache table culled or emptied) only means the
values are computed again.
"""

from __future__ import annotations

import logging
from uuid import uuid4

from django.core.cache import cache
from django.db import OperationalError, ProgrammingError, transaction

logger = logging.getLogger(__name__)


class CacheVersion:
    def __init__(self, name: str) -> None:
        self.key = f"{name}:versjon"

    def current(self) -> str:
        """The current version (one cache read; a second and a write the first time)."""
        verdi = cache.get(self.key)
        if verdi is None:
            cache.add(self.key, uuid4().hex, timeout=None)  # several workers at once: one of them wins
            verdi = cache.get(self.key)
        return verdi

    def bump(self) -> None:
        """A new version now. Before the cache's table exists (`migrate` creates groups and permissions, whose
        signals land here, before `createcachetable` runs) nothing is kept, so nothing can be stale."""
        try:
            cache.set(self.key, uuid4().hex, timeout=None)
        except (OperationalError, ProgrammingError) as feil:  # no such table (SQLite), relation does not exist (PG)
            logger.warning("cacheversjon_ikke_byttet", extra={"versjon": self.key, "feil": str(feil)[:200]})

    def bump_on_commit(self) -> None:
        """A new version from the commit of the current transaction on (at once outside a transaction); a transaction
        rolled back changes nothing."""
        transaction.on_commit(self.bump)
