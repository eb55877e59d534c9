"""`{% arenablokker arenaer soknad %}`: each arena of an application read back («Se over», the status page, the
answer page): its heading, what it lacks, its answers and what its LM text was read as.

With 30 arenas this was half the time of «Se over» (docs/ytelse.md), and an arena is read back far more often than
it changes. So each block is kept in the shared cache under a key made of everything it shows: the arena's answers
and what its text was read as, its number and place, whether it can be changed (its links), the page it links back
to, the language and the template itself. A changed answer is a new key, so nothing is ever served stale; the blocks
of one page are kept together (one read; one write after a change).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from django import template
from django.core.cache import cache as delt_cache
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString

from .. import seksjoner, skjema

register = template.Library()

MAL = "soknader/_arena_svar.html"
LEVETID = 7 * 24 * 3600  # seconds; an unused block is culled by the cache


@cache
def _malens_avtrykk() -> str:
    """The template's own source, so a new release never serves blocks drawn by the old one."""
    return hashlib.sha256(get_template(MAL).template.source.encode()).hexdigest()[:12]


def _nokkel(arena, nr: int, redigerbar: bool, sti: str) -> str:
    """Everything one block shows, as a string (the page's key is a hash of its blocks' strings)."""
    innhold = [
        _malens_avtrykk(),
        translation.get_language(),
        sti,
        redigerbar,
        arena.soknad_id,
        arena.pk,
        nr,
        str(arena),
        [getattr(arena, navn) for navn in skjema.ARENA_FELT],
        arena.laeringsmal_koder,
        arena.laeringsmal_delvis,
        arena.laeringsmal_feil,
    ]
    return json.dumps(innhold, default=str)


@register.simple_tag(takes_context=True)
def arenablokker(context, arenaer, soknad) -> SafeString:
    request = context.get("request")
    sti = request.path if request is not None else ""
    redigerbar = soknad.er_redigerbar
    # One entry for the page's blocks: one read, and one write when something changed (a write per block would make
    # the number of queries grow with the number of arenas)
    nokkel = (
        "arenasvar:"
        + hashlib.sha256(
            "".join(_nokkel(arena, nr, redigerbar, sti) for nr, arena in enumerate(arenaer, start=1)).encode()
        ).hexdigest()[:40]
    )
    html = delt_cache.get(nokkel)
    if html is None:
        mal = get_template(MAL)
        html = "".join(
            mal.render(
                {
                    "arena": arena,
                    "nr": nr,
                    "soknad_pk": soknad.pk,
                    "redigerbar": redigerbar,
                    "sti": sti,
                    "svar_": seksjoner.answers(arena, skjema.LAERINGSARENA, None),
                    "problemer": seksjoner.arena_problems(arena),
                    "tolkning": arena.tolkning,
                }
            )
            for nr, arena in enumerate(arenaer, start=1)
        )
        delt_cache.set(nokkel, html, timeout=LEVETID)
    return SafeString(html)
