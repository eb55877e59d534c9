"""Reading, formatting and coverage of learning-objective (LM) texts.

Applicants describe, per learning arena, which learning objectives can be
reached there as free text: ``"Alle"``, ``"Alle bortsett fra ALM-055 og
ALM-085"``, ``"ALM 1-6, 8; FKM 1-3"`` and so on.  This module turns such text
into a set of canonical codes (``ALM-055``, ``FKM-003``) with a list of
problems written in Norwegian for the user, formats code sets back into a
compact text, and computes which relevant objectives the arenas cover.

Pure Python, standard library only; the messages are translated with Django's
gettext when Django is set up (the application), and stay in bokmål otherwise.

Reading is done in two small steps:

1. :func:`_tokeniser` splits the text into tokens with one compiled regular
   expression (``alle``, ``unntatt``, a code such as ``ALM 055``, a bare
   number, a dash, a separator, a noise word, an unknown word ...).  Every
   token keeps its position, so every error can quote the user's own text.
2. :class:`_Leser` walks the tokens and builds *clauses*: an ``alle`` clause
   or an explicit code/range, each possibly followed by exceptions
   (``unntatt``/``bortsett fra``/``utenom``).  The result is the union of all
   clauses, each clause being its base set minus its own exceptions.

Semantics in short:

* bare ``alle`` means every objective of the application's own specialty in
  the catalogue; FKM objectives count only where named (``alle FKM``,
  ``FKM 1-5``);
* a group prefix carries over to following bare numbers (``ALM 055, 085``);
* an exception list after ``alle``/a range takes every following code of the
  same group; it ends at a new ``alle`` or at a code of another group that is
  preceded by a strong separator (``;``, a full stop or a new line).  A code
  of another group after only ``,``/``og`` is ambiguous and reported.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

__all__ = [
    "GRUPPER",
    "SPESIALITETER",
    "GRUPPENAVN",
    "Katalog",
    "Feil",
    "Tolkning",
    "Dekning",
    "tolk",
    "formater",
    "sorter",
    "dekning",
    "kanonisk_kode",
]

#: The three specialties an application can be for.
SPESIALITETER: tuple[str, ...] = ("ALM", "SAM", "ARB")
#: All code groups in canonical order: the specialties, then the common objectives.
GRUPPER: tuple[str, ...] = (*SPESIALITETER, "FKM")


def gettext(tekst: str) -> str:
    """The message in the active language when Django is set up; the bokmål source text otherwise."""
    try:
        from django.conf import settings
    except ImportError:  # pragma: no cover - Django is always installed with the application
        return tekst
    if not settings.configured:
        return tekst
    from django.utils.translation import gettext as django_gettext

    return django_gettext(tekst)


def gettext_noop(tekst: str) -> str:
    """Marks a text for the catalogue; it is translated where it is used."""
    return tekst


class _Oversatt(dict):
    """A dict of texts that come out in the active language."""

    def __getitem__(self, key: str) -> str:
        return gettext(super().__getitem__(key))


#: Norwegian names of the groups, used in messages (in the active language when read).
GRUPPENAVN: dict[str, str] = _Oversatt(
    {
        "ALM": gettext_noop("allmennmedisin"),
        "SAM": gettext_noop("samfunnsmedisin"),
        "ARB": gettext_noop("arbeidsmedisin"),
        "FKM": gettext_noop("felles kompetansemål"),
    }
)
_GRUPPERANG = {g: i for i, g in enumerate(GRUPPER)}

# Largest number we bother to convert exactly; longer digit strings (which can
# never be in a catalogue) are clamped so ``int()`` never meets Python's
# digit limit.
_MAKS_NUMMER = 10**12

_KODE_RE = re.compile(r"(ALM|SAM|ARB|FKM)-([0-9]{1,12})")


def kanonisk_kode(gruppe: str, nummer: int) -> str:
    """Return the canonical code for a group and number: three digits (``ALM-055``, ``FKM-003``).

    Spesialistforskriften vedlegg 2 writes every code so, the felles kompetansemål too (``FKM-001`` in
    FOR-2025-01-24-114); users write ``FKM 1``, ``FKM-01`` or ``FKM-001``, all read as the same code.
    """
    return f"{gruppe}-{nummer:03d}"


def _del_kode(kode: str) -> tuple[str, int]:
    """Split a canonical code into (group, number); raise ValueError if malformed."""
    m = _KODE_RE.fullmatch(kode)
    if m is None:
        raise ValueError(f"Ugyldig læringsmålkode: {kode!r}")
    return m.group(1), int(m.group(2))


def _sorteringsnokkel(kode: str) -> tuple[int, int, str]:
    m = _KODE_RE.fullmatch(kode)
    if m is None:
        return (len(GRUPPER), 0, kode)
    return (_GRUPPERANG[m.group(1)], int(m.group(2)), kode)


def sorter(koder: Iterable[str]) -> list[str]:
    """Return the codes in canonical order: ALM, SAM, ARB, then FKM, each by number.

    Duplicates are kept; strings that are not canonical codes go last, sorted
    as strings.
    """
    return sorted(koder, key=_sorteringsnokkel)


# ---------------------------------------------------------------------------
# Catalogue
# ---------------------------------------------------------------------------


class Katalog:
    """The set of learning-objective codes that exist (for one point in time).

    Built from canonical codes (``Katalog(["ALM-001", ..., "FKM-001"])``).
    Versioning (e.g. the old and the 2026 FKM) is the caller's business: pass
    the codes valid on the relevant date.  ``forelopige`` names the codes whose
    existence is assumed, not confirmed by an official list (a provisional
    count): coverage may name them only as uncertain.

    Raises ValueError for a string that is not a canonical code.
    """

    __slots__ = ("_nummer", "_koder", "_alle", "_rang", "forelopige", "titler")

    def __init__(
        self, koder: Iterable[str], forelopige: Iterable[str] = (), titler: Mapping[str, str] | None = None
    ) -> None:
        per_gruppe: dict[str, set[int]] = {g: set() for g in GRUPPER}
        for kode in koder:
            gruppe, nummer = _del_kode(kode)
            per_gruppe[gruppe].add(nummer)
        self._nummer: dict[str, tuple[int, ...]] = {g: tuple(sorted(n)) for g, n in per_gruppe.items()}
        self._koder: dict[str, tuple[str, ...]] = {
            g: tuple(kanonisk_kode(g, n) for n in tall) for g, tall in self._nummer.items()
        }
        self._alle: dict[str, frozenset[str]] = {g: frozenset(k) for g, k in self._koder.items()}
        self._rang: dict[str, int] = {kode: i for i, kode in enumerate(k for g in GRUPPER for k in self._koder[g])}
        self.forelopige: frozenset[str] = frozenset(k for k in forelopige if k in self._rang)
        # code → title where the official list gives one (for showing, never for reading a text)
        self.titler: dict[str, str] = {k: t for k, t in (titler or {}).items() if t and k in self._rang}

    def __contains__(self, kode: object) -> bool:
        return kode in self._rang

    def __len__(self) -> int:
        return len(self._rang)

    def __iter__(self) -> Iterator[str]:
        """Iterate over all codes in canonical order."""
        for g in GRUPPER:
            yield from self._koder[g]

    def __repr__(self) -> str:
        antall = ", ".join(f"{g}={len(self._koder[g])}" for g in GRUPPER)
        return f"Katalog({antall})"

    def gruppe(self, gruppe: str) -> list[str]:
        """Return the codes of one group (ALM/SAM/ARB/FKM) in canonical order."""
        return list(self._koder.get(gruppe, ()))

    def alle(self, gruppe: str) -> frozenset[str]:
        """Return the codes of one group as a frozenset."""
        return self._alle.get(gruppe, frozenset())

    def nummer(self, gruppe: str) -> tuple[int, ...]:
        """Return the sorted numbers of one group."""
        return self._nummer.get(gruppe, ())

    def i_intervall(self, gruppe: str, fra: int, til: int) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """Return the numbers and codes of ``gruppe`` in the catalogue with ``fra <= n <= til``."""
        tall = self._nummer.get(gruppe, ())
        a, b = bisect.bisect_left(tall, fra), bisect.bisect_right(tall, til)
        return tall[a:b], self._koder.get(gruppe, ())[a:b]

    def sorter(self, koder: Iterable[str]) -> tuple[str, ...]:
        """Sort catalogue codes in canonical order (fast path for catalogue members)."""
        rang = self._rang
        return tuple(sorted(koder, key=rang.__getitem__))


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Feil:
    """A problem found while reading an LM text.

    ``tekst`` is the exact piece of the user's text concerned (a substring of
    the input); ``melding`` is a Norwegian message that quotes it.
    """

    tekst: str
    melding: str


@dataclass(frozen=True)
class Tolkning:
    """The outcome of :func:`tolk`: codes in canonical order and the problems found."""

    koder: tuple[str, ...]
    feil: tuple[Feil, ...]


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
        _V + r"(?P<kprefiks>alm|sam|arb|fkm)\s*[" + _STREK + r"]?\s*(?P<knummer>[0-9]+)" + _H,
    ),
    ("PREFIKS", _V + r"(?:alm|sam|arb|fkm)" + _H),
    ("TIL", _V + r"(?:til\s+og\s+med|t\.\s?o\.\s?m\.?|til)" + _H_ELLER_PUNKTUM),
    ("SKILLEORD", _V + r"(?:og|samt|and)" + _H),
    (
        "STOY",
        _V + r"(?:fr[aå]\s+og\s+med|f\.\s?o\.\s?m\.?|fr[aå]|l(?:æ|ae)ringsm(?:å|aa|a)l(?:ene|et|a)?|"
        r"lm-?ene|lm|målene|måla|mål|nr\.?|nummer)" + _H_ELLER_PUNKTUM,
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
        else:
            legg_til(_Token(art or "ANNET", start, slutt))
    return tokener


# ---------------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------------

_UKJENTE_ARTER = frozenset({"ORD", "ANNET", "TIL"})
_STREKER = frozenset({"STREK"})
_STREKER_OG_NYLINJER = frozenset({"STREK", "NYLINJE"})
_INTERVALLSLUTT = frozenset({"SKILLE", "SKILLEORD", "NYLINJE", "PUNKTUM", "ALLE", "UNNTATT", None})


@dataclass(slots=True)
class _Ledd:
    """A clause: a base set of codes (``alle`` or an explicit item) and its exceptions."""

    gruppe: str
    grunnlag: set[str]
    start: int
    slutt: int
    kan_unntas: bool  # "alle" and ranges may take an exception list
    gyldig: bool = True  # False if the base itself was reported as an error
    unntak: set[str] | None = None


@dataclass(slots=True)
class _Element:
    """One explicit code or range as written."""

    gruppe: str | None
    fra: int
    til: int
    start: int
    slutt: int
    er_intervall: bool


class _Leser:
    """Walks the tokens of one text and collects clauses and errors."""

    def __init__(self, tekst: str, spesialitet: str, katalog: Katalog) -> None:
        self.tekst = tekst
        self.spes = spesialitet
        self.katalog = katalog
        self.tok = _tokeniser(tekst)
        self.feil: list[Feil] = []
        self.ledd: list[_Ledd] = []
        self.kontekst: str | None = None  # the group bare numbers belong to
        self.unntaksledd: _Ledd | None = None  # the clause taking exceptions now
        self.unntaksord: _Token | None = None
        self.antall_unntak = 0
        self.meld_tom_liste = True
        self.sterkt_skille = False  # ";", "." or a line break since the last item

    # -- helpers ---------------------------------------------------------

    def _bit(self, start: int, slutt: int) -> str:
        return self.tekst[start:slutt]

    def _feil(self, start: int, slutt: int, melding: Callable[[str], str]) -> None:
        """Record an error for text[start:slutt]; ``melding`` gets the quoted piece."""
        bit = self.tekst[start:slutt]
        self.feil.append(Feil(bit, melding(f'"{bit}"')))

    def _art(self, i: int) -> str | None:
        return self.tok[i].art if i < len(self.tok) else None

    def _hopp_over(self, i: int, arter: frozenset[str]) -> int:
        while i < len(self.tok) and self.tok[i].art in arter:
            i += 1
        return i

    # -- main loop -------------------------------------------------------

    def les(self) -> Tolkning:
        i = 0
        n = len(self.tok)
        while i < n:
            t = self.tok[i]
            art = t.art
            if art in ("NYLINJE", "PUNKTUM") or (art == "SKILLE" and self.tekst[t.start] == ";"):
                self.sterkt_skille = True
                i += 1
            elif art in ("SKILLE", "SKILLEORD", "STREK"):
                i += 1  # weak separators, list bullets, stray dashes
            elif art == "ALLE":
                i = self._alle(i)
            elif art == "UNNTATT":
                self._unntatt(t)
                i += 1
            elif art in ("KODE", "NUMMER"):
                i = self._element(i)
            elif art == "PREFIKS":
                i = self._prefiks(i)
            else:  # unknown words and characters, a stray "til"
                i = self._ukjent(i)
        self._avslutt_unntak()
        koder: set[str] = set()
        for ledd in self.ledd:
            koder |= ledd.grunnlag - ledd.unntak if ledd.unntak else ledd.grunnlag
        return Tolkning(self.katalog.sorter(koder), tuple(self.feil))

    # -- "alle" and exceptions ------------------------------------------------

    def _alle(self, i: int) -> int:
        self._avslutt_unntak()
        t = self.tok[i]
        j = i + 1
        neste = self._art(j)
        if neste in ("KODE", "NUMMER"):
            return j  # "alle ALM-055 og ALM-085": "alle" only qualifies the items
        if neste == "PREFIKS":
            if self._art(self._hopp_over(j + 1, _STREKER)) == "NUMMER":
                return j  # "alle ALM: 1-6"
            gruppe = self.tok[j].gruppe or self.spes
            slutt = self.tok[j].slutt
            j += 1
        else:
            gruppe = self.spes
            slutt = t.slutt
        self.kontekst = gruppe
        self.sterkt_skille = False
        if gruppe in (self.spes, "FKM"):
            self.ledd.append(_Ledd(gruppe, set(self.katalog.alle(gruppe)), t.start, slutt, True))
        else:
            self._feil(t.start, slutt, self._annen_spesialitet(gruppe))
            self.ledd.append(_Ledd(gruppe, set(), t.start, slutt, True, gyldig=False))
        return j

    def _unntatt(self, t: _Token) -> None:
        self.sterkt_skille = False
        if self.unntaksledd is not None:
            return  # "alle unntatt 55, unntatt 85": still the same list
        siste = self.ledd[-1] if self.ledd else None
        self.antall_unntak = 0
        self.meld_tom_liste = True
        if siste is None or not siste.kan_unntas:
            spes = self.spes
            self._feil(
                t.start,
                t.slutt,
                lambda s: (
                    gettext(
                        '%(tekst)s kan bare brukes etter "alle" eller et intervall, for eksempel "Alle bortsett fra '
                        '%(spes)s 1".'
                    )
                    % {"tekst": s, "spes": spes}
                ),
            )
            # Swallow the exceptions that follow so they are not counted as included.
            self.kontekst = self.kontekst or self.spes
            siste = _Ledd(self.kontekst, set(), t.start, t.slutt, True, gyldig=False)
            self.ledd.append(siste)
            self.meld_tom_liste = False
        siste.unntak = set()
        self.unntaksledd = siste
        self.unntaksord = t

    def _avslutt_unntak(self) -> None:
        ord_ = self.unntaksord
        if ord_ is not None and self.antall_unntak == 0 and self.meld_tom_liste:
            self._feil(
                ord_.start,
                ord_.slutt,
                lambda s: gettext("Etter %(tekst)s står det ikke hvilke læringsmål som er unntatt.") % {"tekst": s},
            )
        self.unntaksledd = None
        self.unntaksord = None

    # -- prefixes and unknown text ---------------------------------------------

    def _prefiks(self, i: int) -> int:
        t = self.tok[i]
        gruppe = t.gruppe or self.spes
        self.kontekst = gruppe
        if self._art(self._hopp_over(i + 1, _STREKER_OG_NYLINJER)) != "NUMMER":
            self._feil(
                t.start,
                t.slutt,
                lambda s: (
                    gettext('%(tekst)s mangler nummer. Skriv for eksempel "alle %(gruppe)s" eller "%(gruppe)s 1-6".')
                    % {"tekst": s, "gruppe": gruppe}
                ),
            )
        return i + 1

    def _ukjent(self, i: int) -> int:
        start = self.tok[i].start
        slutt = self.tok[i].slutt
        i += 1
        # One error for a run of unknown words on a line (dashes in between allowed).
        while i < len(self.tok):
            art = self.tok[i].art
            if art in _UKJENTE_ARTER:
                slutt = self.tok[i].slutt
                i += 1
            elif art == "STREK" and self._art(i + 1) in _UKJENTE_ARTER:
                i += 1
            else:
                break
        spes = self.spes
        self._feil(
            start,
            slutt,
            lambda s: (
                gettext(
                    'Forstod ikke %(tekst)s. Skriv for eksempel "Alle", "Alle bortsett fra %(spes)s 1" eller '
                    '"%(spes)s 1-6, 8".'
                )
                % {"tekst": s, "spes": spes}
            ),
        )
        return i

    # -- explicit items ----------------------------------------------------------

    def _element(self, i: int) -> int:
        """Read a code or range starting at token i; return the next index."""
        forste = self.tok[i]
        gruppe = forste.gruppe if forste.art == "KODE" else self.kontekst
        fra = til = forste.nummer or 0
        slutt = forste.slutt
        er_intervall = False
        j = i + 1
        if self._art(j) in ("STREK", "TIL"):
            k = self._hopp_over(j, frozenset({"STREK"})) if self._art(j) == "STREK" else j + 1
            etter = self._art(k)
            if etter in ("KODE", "NUMMER"):
                andre = self.tok[k]
                slutt = andre.slutt
                til = andre.nummer or 0
                er_intervall = True
                j = k + 1
                if andre.art == "KODE":
                    if gruppe is None:
                        gruppe = andre.gruppe
                    elif andre.gruppe != gruppe:
                        self._feil(
                            forste.start,
                            slutt,
                            lambda s: (
                                gettext("%(tekst)s er et intervall på tvers av grupper; skriv gruppene hver for seg.")
                                % {"tekst": s}
                            ),
                        )
                        self._plasser(_Element(gruppe, fra, til, forste.start, slutt, True), False)
                        return j
            elif etter in _INTERVALLSLUTT:
                slutt = self.tok[k - 1].slutt
                self._feil(
                    forste.start, slutt, lambda s: gettext("%(tekst)s er et ufullstendig intervall.") % {"tekst": s}
                )
                self._plasser(_Element(gruppe, fra, til, forste.start, slutt, True), False)
                return k
            # otherwise the dash is stray punctuation before something else
        element = _Element(gruppe, fra, til, forste.start, slutt, er_intervall)
        if gruppe is None:
            forslag = f'"{self.spes} {self._bit(element.start, element.slutt)}"'
            self._feil(
                element.start,
                element.slutt,
                lambda s: (
                    gettext("%(tekst)s mangler gruppe. Skriv for eksempel %(forslag)s.")
                    % {"tekst": s, "forslag": forslag}
                ),
            )
            self._plasser(element, False)
        else:
            self._plasser(element, True)
        return j

    def _plasser(self, e: _Element, gyldig: bool) -> None:
        """Place an explicit item: as an exception of the open list, or as a clause."""
        ledd = self.unntaksledd
        if ledd is not None and e.gruppe is not None and e.gruppe != ledd.gruppe:
            if self.sterkt_skille:
                self._avslutt_unntak()
                ledd = None
            elif gyldig and e.gruppe in (self.spes, "FKM"):
                self.kontekst = e.gruppe
                self.antall_unntak += 1
                navn, g = GRUPPENAVN[ledd.gruppe], ledd.gruppe
                self._feil(
                    e.start,
                    e.slutt,
                    lambda s: (
                        gettext(
                            "Uklart om %(tekst)s er et unntak eller skal være med: unntakslisten "
                            "gjelder %(navn)s. Skal %(tekst)s være med, skriv det etter semikolon eller på "
                            'egen linje, for eksempel "Alle bortsett fra %(g)s 1; %(gruppe)s 1-3".'
                        )
                        % {"tekst": s, "navn": navn, "g": g, "gruppe": e.gruppe}
                    ),
                )
                return
        self.sterkt_skille = False
        if e.gruppe is not None:
            self.kontekst = e.gruppe
        if ledd is not None:
            self.antall_unntak += 1
            if not gyldig or not ledd.gyldig:
                return
            koder = self._koder_for(e)
            assert ledd.unntak is not None
            ledd.unntak |= koder
            if not koder <= ledd.grunnlag:
                grunnlag = f'"{self._bit(ledd.start, ledd.slutt)}"'
                self._feil(
                    e.start,
                    e.slutt,
                    lambda s: (
                        gettext("%(tekst)s er ikke med i %(grunnlag)s, så unntaket har ingen virkning.")
                        % {"tekst": s, "grunnlag": grunnlag}
                    ),
                )
            return
        if gyldig and e.gruppe is not None:
            koder = self._koder_for(e)
            self.ledd.append(_Ledd(e.gruppe, koder, e.start, e.slutt, e.er_intervall))

    def _annen_spesialitet(self, gruppe: str) -> Callable[[str], str]:
        egen, annen = GRUPPENAVN[self.spes], GRUPPENAVN[gruppe]
        return lambda s: (
            gettext("%(tekst)s hører til %(annen)s, ikke %(egen)s som denne søknaden gjelder.")
            % {
                "tekst": s,
                "annen": annen,
                "egen": egen,
            }
        )

    def _koder_for(self, e: _Element) -> set[str]:
        """Return the catalogue codes an item stands for, reporting what is wrong with it."""
        gruppe = e.gruppe
        assert gruppe is not None
        if gruppe not in (self.spes, "FKM"):
            self._feil(e.start, e.slutt, self._annen_spesialitet(gruppe))
            return set()
        if e.fra > e.til:
            self._feil(
                e.start,
                e.slutt,
                lambda s: (
                    gettext("%(tekst)s er et baklengs intervall: det første nummeret må være lavest.") % {"tekst": s}
                ),
            )
            return set()
        tall, koder = self.katalog.i_intervall(gruppe, e.fra, e.til)
        navn = GRUPPENAVN[gruppe]
        if not tall:
            self._feil(
                e.start,
                e.slutt,
                lambda s: (
                    gettext("%(tekst)s finnes ikke i læringsmålkatalogen for %(gruppe)s.")
                    % {"tekst": s, "gruppe": navn}
                ),
            )
            return set()
        if len(tall) != e.til - e.fra + 1:
            mangler = _beskriv_intervaller(gruppe, _hull(tall, e.fra, e.til))
            self._feil(
                e.start,
                e.slutt,
                lambda s: (
                    gettext("%(tekst)s: %(mangler)s finnes ikke i læringsmålkatalogen for %(gruppe)s.")
                    % {"tekst": s, "mangler": mangler, "gruppe": navn}
                ),
            )
        return set(koder)


def _hull(tall: tuple[int, ...], fra: int, til: int) -> list[tuple[int, int]]:
    """Return the sub-ranges of [fra, til] not covered by the sorted ``tall``."""
    hull: list[tuple[int, int]] = []
    forventet = fra
    for n in tall:
        if n > forventet:
            hull.append((forventet, n - 1))
        forventet = n + 1
    if forventet <= til:
        hull.append((forventet, til))
    return hull


def _beskriv_intervaller(gruppe: str, intervaller: list[tuple[int, int]]) -> str:
    deler = [
        kanonisk_kode(gruppe, a)
        if a == b
        else gettext("%(fra)s til %(til)s") % {"fra": kanonisk_kode(gruppe, a), "til": kanonisk_kode(gruppe, b)}
        for a, b in intervaller
    ]
    if len(deler) == 1:
        return deler[0]
    return gettext("%(liste)s og %(siste)s") % {"liste": ", ".join(deler[:-1]), "siste": deler[-1]}


def tolk(tekst: str, spesialitet: str, katalog: Katalog) -> Tolkning:
    """Read a free-text description of which learning objectives an arena offers.

    ``spesialitet`` is the application's specialty ("ALM", "SAM" or "ARB");
    bare "alle" means all of its objectives in ``katalog``.  Returns the codes
    (canonical order) and the problems found, each quoting the piece of
    ``tekst`` concerned.  Valid pieces yield their codes even when other
    pieces are wrong; an empty text gives no codes and no errors.

    Raises ValueError if ``spesialitet`` is not one of "ALM", "SAM", "ARB";
    this is the only exception it raises, whatever ``tekst`` contains.
    """
    if spesialitet not in SPESIALITETER:
        raise ValueError(f"Ukjent spesialitet: {spesialitet!r} (må være ALM, SAM eller ARB)")
    return _Leser(tekst, spesialitet, katalog).les()


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


# ---------------------------------------------------------------------------
# Coverage
# ---------------------------------------------------------------------------

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Dekning(Generic[K]):
    """Which relevant learning objectives the arenas of an application cover.

    ``per_arena`` holds each arena's codes as given; ``dekket``/``udekket``
    split the relevant codes (canonical order) into covered and not covered;
    ``matrise`` has one row per relevant code (canonical order) with one bool
    per arena, in the order of the ``arenaer`` mapping.
    """

    per_arena: dict[K, frozenset[str]]
    udekket: tuple[str, ...]
    dekket: tuple[str, ...]
    matrise: list[tuple[str, tuple[bool, ...]]]


def dekning(arenaer: Mapping[K, Iterable[str]], relevante: Iterable[str]) -> Dekning[K]:
    """Compute the coverage of ``relevante`` codes by the arenas' code sets.

    Linear in the total size of the input plus the size of the matrix.
    """
    per_arena = {nokkel: frozenset(koder) for nokkel, koder in arenaer.items()}
    relevante_sortert = sorter(set(relevante))
    relevant_mengde = frozenset(relevante_sortert)
    rader: dict[str, list[bool]] = {kode: [False] * len(per_arena) for kode in relevante_sortert}
    dekket_mengde: set[str] = set()
    for indeks, koder in enumerate(per_arena.values()):
        treff = koder & relevant_mengde
        dekket_mengde |= treff
        for kode in treff:
            rader[kode][indeks] = True
    return Dekning(
        per_arena=per_arena,
        udekket=tuple(k for k in relevante_sortert if k not in dekket_mengde),
        dekket=tuple(k for k in relevante_sortert if k in dekket_mengde),
        matrise=[(kode, tuple(rader[kode])) for kode in relevante_sortert],
    )
