"""Read-back HTML kept in the shared cache under a key of everything it shows («Se over»'s arena blocks, the case
page's arena tables). An arena is read back far more often than it changes; with 30 arenas drawing them was half the
time of those pages (docs/ytelse.md). The key is a hash of the arenas' answers and what their text was read as, the
language, and whatever else the caller's HTML depends on (its template, the page it links back to), so a change is a
new key and nothing is ever served stale. One entry per page: one read, and one write after a change (a write per
arena would make the number of queries grow with the number of arenas).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import SafeString

from . import skjema

LEVETID = 7 * 24 * 3600  # seconds; an unused entry is culled by the cache


def arena_avtrykk(arena) -> list:
    """Everything an arena's read-back shows."""
    return [
        arena.soknad_id,
        arena.pk,
        str(arena),
        [getattr(arena, navn) for navn in skjema.ARENA_FELT],
        arena.laeringsmal_koder,
        arena.laeringsmal_delvis,
        arena.laeringsmal_feil,
    ]


def soknad_avtrykk(soknad) -> list:
    """Everything the application's own answers show (every stored field, and the organisation as named)."""
    return [str(soknad.virksomhet), *(getattr(soknad, f.attname) for f in soknad._meta.concrete_fields)]


def hent(navn: str, innhold: list, lag: Callable[[], str]) -> SafeString:
    """The HTML `lag()` draws, from the cache when the same was drawn before; `innhold` is everything it shows
    and depends on (e.g. `arena_avtrykk` of each arena, the template's version, the page it links back to)."""
    innhold = [translation.get_language(), *innhold]
    nokkel = f"{navn}:" + hashlib.sha256(json.dumps(innhold, default=str).encode()).hexdigest()[:40]
    html = cache.get(nokkel)
    if html is None:
        html = str(lag())
        cache.set(nokkel, html, timeout=LEVETID)
    return SafeString(html)
