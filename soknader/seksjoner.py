"""The four sections of a stored application: what each still lacks, and how far the user has come.

The fields of each section and their rules are declared in `skjema/`; this module only reads stored
objects into the plain functions of `completeness.py`.
"""

from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise

from . import completeness, skjema
from .choices import Seksjon, Seksjonsstatus
from .models import Laeringsarena, Soknad
from .regler import hvem


def context(soknad: Soknad) -> skjema.Kontekst:
    return skjema.Kontekst(
        spesialitet=soknad.spesialitet,
        virksomhetstype=soknad.virksomhetstype,
        er_kommune=soknad.virksomhet.er_kommune,
        registeret_sier_bht=hvem.registeret_sier_bht(soknad.virksomhet.brreg_data),
    )


def values(obj: Any, felt: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in felt}


def problemer_i_seksjon(soknad: Soknad, seksjon: str) -> completeness.Problems:
    del_ = skjema.SEKSJONER[seksjon]
    return completeness.problems(del_, values(soknad, del_.feltnavn), context(soknad))


def arena_problems(arena: Laeringsarena) -> completeness.Problems:
    return completeness.laeringsarena(values(arena, skjema.ARENA_FELT))


def problems(soknad: Soknad, arenaer: list[Laeringsarena]) -> dict[str, completeness.Problems]:
    """What each section still lacks before the application can be submitted, keyed by section."""
    result = {seksjon: problemer_i_seksjon(soknad, seksjon) for seksjon in skjema.SEKSJONER}
    result[Seksjon.LAERINGSARENAER] = completeness.laeringsarenaer([values(a, skjema.ARENA_FELT) for a in arenaer])
    return result


def statuses(soknad: Soknad, arenaer: list[Laeringsarena]) -> dict[str, Seksjonsstatus]:
    """Ikke påbegynt / Påbegynt / Fullført for each section, from the data alone; "Må sjekkes" for a complete
    section 4 where some learning-objective text could not be read (issue 20: never "Fullført" on a guess)."""
    problemer = problems(soknad, arenaer)
    kontekst = context(soknad)
    result = {}
    for seksjon in Seksjon.values:
        if seksjon == Seksjon.LAERINGSARENAER:
            startet = bool(arenaer)
        else:
            del_ = skjema.SEKSJONER[seksjon]
            startet = completeness.pabegynt(del_, values(soknad, del_.feltnavn), kontekst)
        if not problemer[seksjon] and seksjon == Seksjon.LAERINGSARENAER and any(a.laeringsmal_feil for a in arenaer):
            result[seksjon] = Seksjonsstatus.MA_SJEKKES
        elif not problemer[seksjon]:
            result[seksjon] = Seksjonsstatus.FULLFORT
        elif startet:
            result[seksjon] = Seksjonsstatus.PABEGYNT
        else:
            result[seksjon] = Seksjonsstatus.IKKE_PABEGYNT
    return result


def answers(obj: Any, del_: skjema.Del, kontekst: skjema.Kontekst | None) -> list[tuple[str | Promise, str]]:
    """The stored answers as (label, text) for reading back; fields not shown in this case are left out."""
    data = values(obj, del_.feltnavn)
    return [(felt.etikett, felt.vis(data[felt.navn])) for felt in del_.felt if completeness.vises(felt, data, kontekst)]
