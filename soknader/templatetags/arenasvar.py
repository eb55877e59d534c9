"""`{% arenablokker arenaer soknad %}`: each arena of an application read back («Se over», the status page): its
heading, what it lacks, its answers and what its LM text was read as; kept in the shared cache while nothing it
shows changes (`soknader.blokkcache`)."""

from __future__ import annotations

import hashlib
from functools import cache

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString

from .. import blokkcache, seksjoner, skjema

register = template.Library()

MAL = "soknader/_arena_svar.html"


@cache
def _malens_avtrykk() -> str:
    """The template's own source, so a new release never serves blocks drawn by the old one."""
    return hashlib.sha256(get_template(MAL).template.source.encode()).hexdigest()[:12]


@register.simple_tag(takes_context=True)
def arenablokker(context, arenaer, soknad) -> SafeString:
    request = context.get("request")
    sti = request.path if request is not None else ""
    redigerbar = soknad.er_redigerbar

    def lag() -> str:
        mal = get_template(MAL)
        return "".join(
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

    innhold = [_malens_avtrykk(), sti, redigerbar, *(blokkcache.arena_avtrykk(a) for a in arenaer)]
    return blokkcache.hent("arenasvar", innhold, lag)
