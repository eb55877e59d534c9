"""Step 1 of reading: the text as tokens, by one compiled regular expression, each with its position."""

from __future__ import annotations

import re
from typing import NamedTuple

from .koder import _MAKS_NUMMER

# ---------------------------------------------------------------------------
# Tokenizer
# ---------------------------------------------------------------------------

# Letters-or-digits boundaries (Unicode aware, underscore excluded).
_V = r"(?<![^\W_])"  # not preceded by a letter or digit
_H = r"(?![^\W_])"  # not followed by a letter or digit
_H_ELLER_PUNKTUM = r"(?:(?<=\.)|(?![^\W_]))"  # as _H, or the word ended with "."
_STREK = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens, dashes, minus sign
_NYLINJE = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

# Order matters: at each position the first alternative that matches wins.
_TOKENMONSTRE: tuple[tuple[str, str], ...] = (
    ("MELLOMROM", r"\s+"),
    (
        "UNNTATT",
        # bokmål and nynorsk: "bortsett frå", "unnateke", "utanom", "men ikkje"
        _V + r"(?:bortsett\s+fr[aå]|bortsatt\s+fr[aå]|med\s+unntak\s+av|unntak\s+av|unntatt|untatt|unnateke|"
        r"utenom|utanom|men\s+ikke|men\s+ikkje|unntak|ekskl(?:usive|usiv)?\.?)" + _H_ELLER_PUNKTUM,
    ),
    ("ALLE", _V + r"(?:alle|alt)" + _H),
    ("FKMORD", _V + r"felles\s+kompetansem(?:å|aa|a)l(?:ene)?" + _H),
    (
        "KODE",
        _V + r"(?P<kprefiks>alm|sam|arb|fkm|lm)\s*[" + _STREK + r"]?\s*(?P<knummer>[0-9]+)" + _H,
    ),
    ("PREFIKS", _V + r"(?:alm|sam|arb|fkm)" + _H),
    # the specialty by name: "alle allmennmedisinske læringsmål" is "alle ALM"
    ("SPESORD", _V + r"(?:allmennmedisin|samfunnsmedisin|arbeidsmedisin)[^\W\d_]*"),
    # partial objectives, which the guide allows: "ALM 055 (delvis)", "Deler av ALM 055", nynorsk "delar av"
    ("DELVIS", _V + r"(?:(?:deler|delar|del)\s+av|delvis|delvist|i\s+noen\s+grad|i\s+nokon\s+grad)" + _H),
    ("TIL", _V + r"(?:til\s+og\s+med|t\.\s?o\.\s?m\.?|til)" + _H_ELLER_PUNKTUM),
    ("SKILLEORD", _V + r"(?:og|samt|and)" + _H),
    (
        "STOY",
        _V + r"(?:fr[aå]\s+og\s+med|f\.\s?o\.\s?m\.?|fr[aå]|l(?:æ|ae)ringsm(?:å|aa|a)l(?:ene|et|a)?|"
        r"lm-?ene|lm|målene|måla|mål|nr\.?|nummer|"
        # words around a section ("alle innen kommunikasjon og samhandling", "alle læringsmål kan oppnås her")
        r"innen|innan|innenfor|innanfor|seksjon(?:en)?|kapittel|kap\.?|punkt(?:et)?|området|"
        r"kan|oppnås|oppnåast|nås|nåast|dekkes|dekkast|her)" + _H_ELLER_PUNKTUM,
    ),
    ("NUMMER", _V + r"[0-9]+" + _H),
    ("STREK", "[" + _STREK + "]"),
    ("SKILLE", r"[,;&+/]"),
    ("PUNKTUM", r"\.+(?=\s|$)"),
    ("IGNORER", r"[:()\[\]{}«»\"'“”„‘’‚•·*…]"),
    ("ORD", r"[^\W_]+"),
    ("ANNET", r"."),
)
_TOKEN_RE = re.compile(
    "|".join(f"(?P<{navn}>{monster})" for navn, monster in _TOKENMONSTRE),
    re.IGNORECASE | re.DOTALL,
)


# the kinds of token that are words or characters we do not read
_UKJENTE_ARTER = frozenset({"ORD", "ANNET", "TIL"})
_SPESORD = {"allm": "ALM", "samf": "SAM", "arbe": "ARB"}


class _Token(NamedTuple):
    art: str  # token kind: a name above (FKMORD becomes PREFIKS), or "NYLINJE"
    start: int
    slutt: int
    gruppe: str | None = None  # for KODE and PREFIKS
    nummer: int | None = None  # for KODE and NUMMER


def _tall(siffer: str) -> int:
    """Convert a digit string to int, clamping absurdly long ones."""
    siffer = siffer.lstrip("0") or "0"
    if len(siffer) > 12:
        return _MAKS_NUMMER
    return int(siffer)


def _tokeniser(tekst: str) -> list[_Token]:
    """Split ``tekst`` into tokens.

    Plain whitespace, noise words ("LM", "læringsmål", "nr.") and quotes or
    brackets are dropped; line breaks are kept as NYLINJE tokens.
    """
    tokener: list[_Token] = []
    legg_til = tokener.append
    nylinje = _NYLINJE.isdisjoint
    for m in _TOKEN_RE.finditer(tekst):
        art = m.lastgroup
        start, slutt = m.span()
        if art == "MELLOMROM":
            if not nylinje(m.group()):
                legg_til(_Token("NYLINJE", start, slutt))
        elif art == "STOY" or art == "IGNORER":
            continue  # noise words and quotes/brackets carry no meaning
        elif art == "KODE":
            legg_til(_Token(art, start, slutt, m["kprefiks"].upper(), _tall(m["knummer"])))
        elif art == "NUMMER":
            legg_til(_Token(art, start, slutt, None, _tall(m.group())))
        elif art == "PREFIKS":
            legg_til(_Token(art, start, slutt, m.group().upper()))
        elif art == "FKMORD":
            legg_til(_Token("PREFIKS", start, slutt, "FKM"))
        elif art == "SPESORD":
            legg_til(_Token("PREFIKS", start, slutt, _SPESORD[m.group()[:4].lower()]))
        else:
            legg_til(_Token(art or "ANNET", start, slutt))
    return tokener
