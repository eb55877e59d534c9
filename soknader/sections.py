"""The four sections of the form: which fields each holds, and how far the user has come."""

from collections.abc import Iterable, Mapping
from typing import Any

from laeringsarenaer.models import Laeringsarena

from . import completeness
from .choices import Seksjon, Seksjonsstatus
from .models import ANSVAR_FIELDS, Soknad

SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    Seksjon.VIRKSOMHET: (
        "virksomhetstype",
        "kontaktperson_navn",
        "kontaktperson_epost",
        "kontaktperson_telefon",
        "dba_kontakt_navn",
        "dba_kontakt_epost",
        "dba_kontakt_telefon",
    ),
    Seksjon.ANSVAR: ANSVAR_FIELDS + ("hf_avtale_inngatt", "hf_avtale_navn", "bht_godkjent_arbeidstilsynet"),
    Seksjon.FORHOLD: (
        "samarbeid_inngatt",
        "samarbeid_beskrivelse",
        "organisering",
        "veiledere_ansatt",
        "veiledere_ansatt_beskrivelse",
        "veilederkompetanse",
        "veilederkompetanse_plan",
        "kjent_med_oppgaver",
        "kjent_tiltak",
        "kjent_annet",
    ),
}

ARENA_FIELDS = (
    "type",
    "plassering",
    "annen_virksomhet",
    "ny_veileder",
    "laeringsmal",
    "supervisjon",
    "supervisjon_annet",
)

# Fields that are filled in for the user, and so do not mean the user has started a section.
_AUTOMATISKE = {"virksomhetstype"}


def context(soknad: Soknad) -> completeness.Context:
    return completeness.Context(
        spesialitet=soknad.spesialitet,
        virksomhetstype=soknad.virksomhetstype,
        er_kommune=soknad.virksomhet.er_kommune,
    )


def values(obj: Any, felt: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in felt}


def _pabegynt(data: Mapping[str, Any]) -> bool:
    return any(value not in (None, "", False, []) for name, value in data.items() if name not in _AUTOMATISKE)


def section_problems(soknad: Soknad, seksjon: str) -> completeness.Problems:
    rule = completeness.SECTION_RULES[seksjon]
    return rule(values(soknad, SECTION_FIELDS[seksjon]), context(soknad))


def arena_problems(arena: Laeringsarena) -> completeness.Problems:
    return completeness.laeringsarena(values(arena, ARENA_FIELDS))


def missing(soknad: Soknad, arenaer: list[Laeringsarena]) -> dict[str, completeness.Problems]:
    """What each section still lacks, keyed by section."""
    result = {seksjon: section_problems(soknad, seksjon) for seksjon in completeness.SECTION_RULES}
    result[Seksjon.LAERINGSARENAER] = completeness.laeringsarenaer([values(a, ARENA_FIELDS) for a in arenaer])
    return result


def statuses(soknad: Soknad, arenaer: list[Laeringsarena]) -> dict[str, str]:
    """Ikke påbegynt / Påbegynt / Fullført for each section, from the data alone."""
    problemer = missing(soknad, arenaer)
    result = {}
    for seksjon in Seksjon.values:
        if seksjon == Seksjon.LAERINGSARENAER:
            startet = bool(arenaer)
        else:
            startet = _pabegynt(values(soknad, SECTION_FIELDS[seksjon]))
        if not problemer[seksjon]:
            result[seksjon] = Seksjonsstatus.FULLFORT
        elif startet:
            result[seksjon] = Seksjonsstatus.PABEGYNT
        else:
            result[seksjon] = Seksjonsstatus.IKKE_PABEGYNT
    return result
