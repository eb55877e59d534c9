"""Near misses: a suggestion for a word or code that is almost one we read ("FKN 3" → "FKM 3")."""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# Near misses
# ---------------------------------------------------------------------------


def _avstand(a: str, b: str, grense: int = 2) -> int:
    """Edit distance with transpositions (optimal string alignment), or grense + 1 once it is larger."""
    if abs(len(a) - len(b)) > grense:
        return grense + 1
    forrige2: list[int] = []
    forrige = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        rad = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            rad[j] = min(forrige[j] + 1, rad[j - 1] + 1, forrige[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                rad[j] = min(rad[j], forrige2[j - 2] + 1)
        forrige2, forrige = forrige, rad
    return forrige[-1]


_NESTEN_ORD = ("alle", "unntatt", "bortsett", "utenom", "utanom", "delvis")


def _forslag(ord_: str, foran_tall: bool) -> str | None:
    """What a word that could not be read was probably meant to be: "2O" → "20", "FKN" before a number → "FKM",
    "Ale" → "Alle"; None when nothing is close."""
    lav = ord_.lower()
    if any(c.isdigit() for c in lav) and re.fullmatch(r"[0-9oli]+", lav):
        return lav.replace("o", "0").replace("l", "1").replace("i", "1")
    if not lav.isalpha():
        return None
    if foran_tall and 2 <= len(lav) <= 4:
        for prefiks in ("alm", "sam", "arb", "fkm", "lm"):
            if _avstand(lav, prefiks, 1) == 1:
                return prefiks.upper()
    for kandidat in _NESTEN_ORD:
        if lav != kandidat and _avstand(lav, kandidat) <= (1 if len(kandidat) <= 5 else 2):
            return kandidat.capitalize() if ord_[:1].isupper() else kandidat
    return None
