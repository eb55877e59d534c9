"""What an application's read-back shows, as the content of a key for `drift.htmlcache`: «Se over»'s arena blocks
and the case page's arena tables and answers are kept in the shared cache while these are the same."""

from __future__ import annotations

from . import skjema


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
