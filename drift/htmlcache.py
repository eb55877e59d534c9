"""Read-only HTML kept in the shared cache under a key of everything it shows.

Some parts of a page are read far more often than what they show changes (an application's arenas read back, its
coverage table): drawing them was most of the time of those pages (docs/ytelse.md). The caller names everything the
HTML shows and depends on; the key is a hash of that, the language and the template's own source, so a change is a
new key and nothing is ever served stale. One entry per part of a page: one read, and one write after a change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache

from django.core.cache import cache as delt_cache
from django.template import Engine
from django.utils import translation
from django.utils.safestring import SafeString

LEVETID = 7 * 24 * 3600  # seconds; an unused entry is culled by the cache


@cache
def malens_avtrykk(navn: str) -> str:
    """A template's own source, so a new release never serves HTML drawn by the old one."""
    return hashlib.sha256(Engine.get_default().get_template(navn).source.encode()).hexdigest()[:12]


def hent(navn: str, innhold: list, lag: Callable[[], str]) -> SafeString:
    """The HTML `lag()` draws, from the cache when the same was drawn before; `innhold` is everything it shows and
    depends on."""
    innhold = [translation.get_language(), *innhold]
    nokkel = f"{navn}:" + hashlib.sha256(json.dumps(innhold, default=str).encode()).hexdigest()[:40]
    html = delt_cache.get(nokkel)
    if html is None:
        html = str(lag())
        delt_cache.set(nokkel, html, timeout=LEVETID)
    return SafeString(html)
