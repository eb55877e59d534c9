"""`{% arenablokker arenaer soknad %}`: each arena of an application read back («Se over», the status page): its
heading, what it lacks, its answers and what its LM text was read as; kept in the shared cache while nothing it
shows changes (`drift.htmlcache`)."""

from __future__ import annotations

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString

from drift import htmlcache

from .. import avtrykk, seksjoner, skjema

register = template.Library()

MAL = "soknader/_arena_svar.html"


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

    innhold = [htmlcache.malens_avtrykk(MAL), sti, redigerbar, *(avtrykk.arena_avtrykk(a) for a in arenaer)]
    return htmlcache.hent("arenasvar", innhold, lag)
