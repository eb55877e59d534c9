"""A signed key that lets a page's live lookups be answered without reading the session.

A page that asks the server while the user types (the live reading of an arena's learning objectives) is drawn for
a logged-in user who may see what it is about. The page carries a key, signed with SECRET_KEY, that says who asked
and what for (the application and what the reading needs of it); the lookups send it back in the `X-Oppslag` header.
A view that takes keys (`tar_nokkel`) answers a valid one without the session, the user or the object: no query, so
the lookups that come with every pause in the typing cost the database nothing. Without a key, or with one that is
expired, altered or made for another object, the view answers as before: from the session, with its checks.

What a key allows is only what the view that takes it answers: for the live reading, the reading of a text the
caller sends, against the public catalogue. It is valid for OPPSLAG_NOKKEL_SEKUNDER (an hour) from the page, also
after a logout; a page open longer falls back to the session without the user noticing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import Resolver404, get_urlconf, resolve

HEADER = "HTTP_X_OPPSLAG"  # `X-Oppslag` as Django's request.META names it
SALT = "drift.oppslag"
_IKKE_LEST = object()


@lru_cache(maxsize=4096)
def _hva_og_pk(sti: str, urlconf: str) -> tuple[str | None, str | None]:
    """The kind of lookup the view at this address takes a key for (None: takes none), and the `pk` in the address.
    An address under one URLconf always leads to the same view, so each is resolved once (the lookups of one page
    all go to one address)."""
    try:
        treff = resolve(sti, urlconf)
    except Resolver404:
        return None, None
    hva = getattr(treff.func, "oppslag_hva", None)
    return hva, str(treff.kwargs.get("pk")) if hva else None


def lag(*, bruker: int, hva: str, pk: int, **data: Any) -> str:
    """A key for `bruker` (a user's pk) to the lookups `hva` about the object `pk`, with what they need (`data`)."""
    return signing.dumps({"b": bruker, "h": hva, "pk": pk, **data}, salt=SALT)


def tar_nokkel(hva: str) -> Callable:
    """Mark a view (with a `pk` in its address) that answers the lookups `hva` from a valid key, as `csrf_exempt`
    marks a view. The middleware that reads the session asks `gyldig` first and leaves such a request alone."""

    def merk(view: Callable) -> Callable:
        view.oppslag_hva = hva  # type: ignore[attr-defined]
        return view

    return merk


def gyldig(request) -> dict | None:
    """The key's content when the request carries a valid key for the view its address leads to (the view marked for
    that kind of lookup, the signature good, not older than OPPSLAG_NOKKEL_SEKUNDER, made for the object in the
    address); else None. A request without the header costs nothing; decided once per request."""
    funnet = getattr(request, "oppslag", _IKKE_LEST)
    if funnet is _IKKE_LEST:
        funnet = request.oppslag = _les(request) if request.META.get(HEADER) else None
    return funnet if isinstance(funnet, dict) else None


def _les(request) -> dict | None:
    hva, pk = _hva_og_pk(request.path_info, get_urlconf() or settings.ROOT_URLCONF)
    if hva is None:
        return None
    try:
        innhold = signing.loads(request.META[HEADER], salt=SALT, max_age=settings.OPPSLAG_NOKKEL_SEKUNDER)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(innhold, dict) or innhold.get("h") != hva or str(innhold.get("pk")) != pk:
        return None
    return innhold
