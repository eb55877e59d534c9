"""Codes back into a compact text ("ALM-001…006"), with titles and sections."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .katalog import Katalog
from .koder import GRUPPENAVN, GRUPPER, _del_kode, gettext, sorter

# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------


def formater(koder: Iterable[str]) -> str:
    """Return a compact canonical text for a set of codes, e.g. "ALM 1-6, 8, 55; FKM 1-3".

    Groups come in canonical order separated by "; ", runs of consecutive
    numbers become ranges.  :func:`tolk` reads the text back to the same set
    (for codes of one specialty plus FKM that are in the catalogue).  An empty
    input gives "".  Raises ValueError for a string that is not a canonical code.

    Kept per set of codes (a review page formats every arena's codes, and many arenas share a list).
    """
    return _formater(frozenset(koder))


@functools.lru_cache(maxsize=4096)
def _formater(koder: frozenset[str]) -> str:
    per_gruppe: dict[str, set[int]] = {}
    for kode in koder:
        gruppe, nummer = _del_kode(kode)
        per_gruppe.setdefault(gruppe, set()).add(nummer)
    deler: list[str] = []
    for gruppe in GRUPPER:
        if gruppe not in per_gruppe:
            continue
        tall = sorted(per_gruppe[gruppe])
        biter: list[str] = []
        start = forrige = tall[0]
        for n in tall[1:] + [None]:  # type: ignore[list-item]
            if n is not None and n == forrige + 1:
                forrige = n
                continue
            biter.append(str(start) if start == forrige else f"{start}-{forrige}")
            if n is not None:
                start = forrige = n
        deler.append(f"{gruppe} " + ", ".join(biter))
    return "; ".join(deler)


def kort_tittel(tittel: str, maks: int = 90) -> str:
    """A title cut at a word before ``maks`` characters, with "…" (the regulation's titles run to 500 characters)."""
    tittel = " ".join(tittel.split())
    if len(tittel) <= maks:
        return tittel
    kuttet = tittel[: maks - 1].rsplit(" ", 1)[0].rstrip(",;:.–- ")
    return f"{kuttet} …"


def med_tittel(kode: str, katalog: Katalog, maks: int = 90) -> str:
    """ "ALM-055 Samhandling med godkjente utdanningsinstitusjoner …": the code with its title, shortened."""
    tittel = katalog.titler.get(kode)
    return f"{kode} {kort_tittel(tittel, maks)}" if tittel else kode


def seksjonsnavn(kode: str, katalog: Katalog) -> str:
    """The heading a code is shown under: its section, or for the common objectives their group's name."""
    seksjon = katalog.seksjoner.get(kode)
    if seksjon:
        return seksjon
    gruppe = kode.split("-", 1)[0]
    return gettext("Felles kompetansemål (LM, til 28.02.2026)") if gruppe == "LM" else GRUPPENAVN[gruppe].capitalize()


def etter_seksjon(koder: Iterable[str], katalog: Katalog) -> list[tuple[str, list[str]]]:
    """Codes in canonical order grouped under their headings: [("21.4 Kommunikasjon og samhandling", [...])]."""
    grupper: list[tuple[str, list[str]]] = []
    for kode in sorter(set(koder)):
        navn = seksjonsnavn(kode, katalog)
        if not grupper or grupper[-1][0] != navn:
            grupper.append((navn, []))
        grupper[-1][1].append(kode)
    return grupper
