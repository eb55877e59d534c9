"""Read-only HTML kept in the shared cache under a key of everything it shows.

Some parts of a page are read far more often than what they show changes (an application's arenas read back, its
coverage table): drawing them was most of the time of those pages (docs/ytelse.md). The caller names everything the
HTML shows and depends on; the key is a hash of that, the language, the template's own source and the release
(`drift.utgave`: the code that words labels and findings), so a change is a new key and nothing is ever served
stale. One entry per part of a page: one read, and one write after a change; a process keeps what it read
(`drift.minne`), so a part shown again costs no query. A form in a part gets each view's own CSRF token.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.template import Engine
from django.utils import translation
from django.utils.safestring import SafeString

from . import utgave
from .minne import MINNE

LEVETID = 7 * 24 * 3600  # seconds; an unused entry is culled by the cache


@cache
def malens_avtrykk(navn: str) -> str:
    """A template's own source, so a new release never serves HTML drawn by the old one."""
    return hashlib.sha256(Engine.get_default().get_template(navn).source.encode()).hexdigest()[:12]


@cache
def csrf_plass() -> str:
    """What a kept part holds where a form's CSRF token goes (each view puts its own token there): letters and
    digits only, so the tag writes it as it is, and derived from the secret key, so no text a user typed is it."""
    return "csrf" + hashlib.sha256(f"htmlcache-csrf:{settings.SECRET_KEY}".encode()).hexdigest()[:32]


def med_csrf(html: str, token) -> SafeString:
    """A kept part with this view's CSRF token in its forms (read only when it has a form: reading it sets the
    cookie)."""
    plass = csrf_plass()
    return SafeString(html.replace(plass, str(token)) if plass in html else html)


def hent(navn: str, innhold: list, lag: Callable[[], str]) -> SafeString:
    """The HTML `lag()` draws, from the cache when the same was drawn before; `innhold` is everything it shows and
    depends on."""
    innhold = [translation.get_language(), utgave.avtrykk(), *innhold]
    nokkel = f"{navn}:" + hashlib.sha256(json.dumps(innhold, default=str).encode()).hexdigest()[:40]
    return SafeString(MINNE.hent(nokkel, lambda: str(lag()), levetid=LEVETID))
