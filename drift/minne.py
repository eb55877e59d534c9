"""A small memory in each process in front of the shared cache, for entries that never change under their key.

The shared cache is a table in the database (`DatabaseCache`): every read is a query, and a page that shows three
cached parts pays three round trips before it draws anything. Some keys name everything their value is made of (a
hash of what an HTML part shows, a version token that a write replaces): the value under such a key is the same for
as long as the key exists, so a process may keep it without ever serving something stale. Only such keys may be
read through here; a key whose value can change (a version token itself) must be read from the shared cache.

The memory is bounded by the total length of what it holds; the least recently used entries go first.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.core.cache import cache as delt_cache

GRENSE = 16 * 1024 * 1024  # bytes of values per process (about; strings and the pickled size of the rest)


class Minne:
    def __init__(self, grense: int = GRENSE) -> None:
        self.grense = grense
        self._verdier: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self._storrelse = 0
        self._las = threading.Lock()

    def hent(self, nokkel: str, lag: Callable[[], Any], *, levetid: int) -> Any:
        """The value under `nokkel`: from this process, else from the shared cache, else `lag()` stored in both."""
        with self._las:
            funnet = self._verdier.get(nokkel)
            if funnet is not None:
                self._verdier.move_to_end(nokkel)
                return funnet[0]
        verdi = delt_cache.get(nokkel)
        if verdi is None:
            verdi = lag()
            delt_cache.set(nokkel, verdi, timeout=levetid)
        self._husk(nokkel, verdi)
        return verdi

    def hent_lokalt(self, nokkel: str, lag: Callable[[], Any], *, storrelse: Callable[[Any], int]) -> Any:
        """The value under `nokkel` from this process, else `lag()` kept here only (an object cheaper to build
        again than to unpickle from the shared cache); `storrelse(verdi)` estimates its bytes."""
        with self._las:
            funnet = self._verdier.get(nokkel)
            if funnet is not None:
                self._verdier.move_to_end(nokkel)
                return funnet[0]
        verdi = lag()
        self._husk(nokkel, verdi, storrelse(verdi))
        return verdi

    def _husk(self, nokkel: str, verdi: Any, storrelse: int | None = None) -> None:
        if storrelse is None:
            storrelse = len(verdi) if isinstance(verdi, str) else sys.getsizeof(verdi)
        if storrelse > self.grense // 4:
            return  # one huge value would push out everything else
        with self._las:
            if nokkel in self._verdier:
                return
            self._verdier[nokkel] = (verdi, storrelse)
            self._storrelse += storrelse
            while self._storrelse > self.grense:
                _, (_, gammel) = self._verdier.popitem(last=False)
                self._storrelse -= gammel

    def glem(self) -> None:
        """Forget everything (tests that empty the shared cache empty this too)."""
        with self._las:
            self._verdier.clear()
            self._storrelse = 0


MINNE = Minne()
