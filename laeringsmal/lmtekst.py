"""Reading, formatting and coverage of learning-objective (LM) texts.

Applicants describe, per learning arena, which learning objectives can be
reached there as free text: ``"Alle"``, ``"Alle bortsett fra ALM-055 og
ALM-085"``, ``"ALM 1-6, 8; FKM 1-3"`` and so on.  This module turns such text
into a set of canonical codes (``ALM-055``, ``FKM-003``) with a list of
problems written in Norwegian for the user, formats code sets back into a
compact text, and computes which relevant objectives the arenas cover.

Pure Python, standard library only; the messages are translated with Django's
gettext when Django is set up (the application), and stay in bokmål otherwise.

Reading is done in three small steps:

1. :func:`_tokeniser` splits the text into tokens with one compiled regular
   expression (``alle``, ``unntatt``, a code such as ``ALM 055`` or ``LM 4``,
   a bare number, a dash, a separator, ``delvis``, a noise word, an unknown
   word ...).  Every token keeps its position, so every error can quote the
   user's own text.
2. :func:`_forbered` finds what depends on the catalogue: the sections of the
   specialty named by number or by a word of their name ("21.4",
   "kommunikasjonsmålene", "praksisdrift og leiing") become one token each,
   and words in brackets with nothing readable among them are a comment.
3. :class:`_Leser` walks the tokens and builds *clauses*: an ``alle`` clause,
   a section or an explicit code/range, each possibly followed by exceptions
   (``unntatt``/``bortsett fra``/``utenom``).  The result is the union of all
   clauses that could be read, each being its base set minus its exceptions.

Semantics in short:

* bare ``alle`` means every objective of the application's own specialty in
  the catalogue; the common objectives count only where named (``alle FKM``,
  ``FKM 1-5``, ``felles kompetansemål``); before 2026-03-01 they are the old
  del 2–3 list, written ``LM-04`` … ``LM-75``, and "FKM" means that list;
* never confidently wrong: an ``alle`` whose scope, or an exception list
  whose items, cannot be read gives no codes at all, only an error (with a
  suggestion for a near miss: "FKN 3" → "FKM 3", "2O" → "20", "Ale" →
  "Alle"); a number beyond a list says how far the list goes;
* "ALM 55 (delvis)", "Deler av ALM 55": covered in part, counted, reported in
  ``Tolkning.delvis``; sections read and comments kept are said back in
  ``Tolkning.merknader``;
* a group prefix carries over to following bare numbers (``ALM 055, 085``);
* an exception list after ``alle``/a range/a section takes every following
  code of the same group; it ends at a new ``alle`` or at a code of another
  group that is preceded by a strong separator (``;``, a full stop or a new
  line) or by ``, og``/``samt``.  A code of another group after only
  ``,``/``og`` is ambiguous and reported.
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
#: All code groups in canonical order: the specialties, then the common objectives: FKM-001 … FKM-014 from
#: 2026-03-01, and before that the old del 2–3 objectives, written LM-04 … LM-75 as the regulation did.
GRUPPER: tuple[str, ...] = (*SPESIALITETER, "FKM", "LM")
#: The common objectives' groups: a catalogue for one date holds one of them.
FELLES: tuple[str, ...] = ("FKM", "LM")


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
        "LM": gettext_noop("felles kompetansemål (til 28.02.2026)"),
    }
)
_GRUPPERANG = {g: i for i, g in enumerate(GRUPPER)}

# Largest number we bother to convert exactly; longer digit strings (which can
# never be in a catalogue) are clamped so ``int()`` never meets Python's
# digit limit.
_MAKS_NUMMER = 10**12

_KODE_RE = re.compile(r"(ALM|SAM|ARB|FKM|LM)-([0-9]{1,12})")


def kanonisk_kode(gruppe: str, nummer: int) -> str:
    """Return the canonical code for a group and number: three digits (``ALM-055``, ``FKM-003``), two for the old
    common objectives (``LM-04``).

    Spesialistforskriften vedlegg 2 writes every code so (``FKM-001`` in FOR-2025-01-24-114, ``LM-04`` in the old
    chapter A); users write ``FKM 1``, ``FKM-01`` or ``FKM-001``, ``LM 4`` or ``LM4``, all read as the same code.
    """
    return f"{gruppe}-{nummer:02d}" if gruppe == "LM" else f"{gruppe}-{nummer:03d}"


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
    """The set of learning-objective codes that exist (for one point in time), with their titles and sections.

    Built from canonical codes (``Katalog(["ALM-001", ..., "FKM-001"])``).
    Versioning (the old LM and the 2026 FKM) is the caller's business: pass
    the codes valid on the relevant date.  ``titler`` and ``seksjoner`` map
    a code to its official title and its section ("21.4 Kommunikasjon og
    samhandling"); the sections are also read in texts ("alle innen
    kommunikasjon og samhandling").

    Raises ValueError for a string that is not a canonical code.
    """

    __slots__ = ("_nummer", "_koder", "_alle", "_rang", "titler", "seksjoner", "_per_seksjon")

    def __init__(
        self,
        koder: Iterable[str],
        titler: Mapping[str, str] | None = None,
        seksjoner: Mapping[str, str] | None = None,
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
        # code → title where the official list gives one (for showing, never for reading a text)
        self.titler: dict[str, str] = {k: t for k, t in (titler or {}).items() if t and k in self._rang}
        # code → its section ("21.4 Kommunikasjon og samhandling"), for showing and for reading section names
        self.seksjoner: dict[str, str] = {k: s for k, s in (seksjoner or {}).items() if s and k in self._rang}
        self._per_seksjon: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for g in GRUPPER:
            rekke: dict[str, list[str]] = {}
            for kode in self._koder[g]:
                if kode in self.seksjoner:
                    rekke.setdefault(self.seksjoner[kode], []).append(kode)
            self._per_seksjon[g] = [(navn, tuple(k)) for navn, k in rekke.items()]

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

    def seksjonsliste(self, gruppe: str) -> list[tuple[str, tuple[str, ...]]]:
        """The sections of a group in the regulation's order: [("21.1 Allmennmedisinsk profesjonalitet", codes)]."""
        return self._per_seksjon.get(gruppe, [])

    def felles(self) -> str:
        """The group of common objectives this catalogue holds: FKM from 2026-03-01, LM before (FKM if neither)."""
        return "LM" if self._koder["LM"] and not self._koder["FKM"] else "FKM"

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
    """The outcome of :func:`tolk`: codes in canonical order and the problems found.

    ``delvis`` are the codes the text says can be reached only in part ("ALM 55 (delvis)"); they are in ``koder``
    too (the guide accepts them for coverage). ``merknader`` say what was read that is not a plain code: a section
    ("21.4 Kommunikasjon og samhandling: ALM-042…055"), a partial objective, a comment kept as such.
    """

    koder: tuple[str, ...]
    feil: tuple[Feil, ...]
    delvis: tuple[str, ...] = ()
    merknader: tuple[Feil, ...] = ()


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


# ---------------------------------------------------------------------------
# Sections and comments: found in the text before it is read
# ---------------------------------------------------------------------------

# Words of the sections' names that say nothing by themselves ("Medisinsk kompetanse", "Akademisk kompetanse"):
# they extend a section's name but never start it.
_GENERELLE_ORD = frozenset(
    {"og", "i", "kompetanse", "kunnskap", "generell", "grunnleggende", "læringsmål", "arbeid", "arbeidsrelaterte"}
)
# Nynorsk forms of the sections' bokmål words (the regulation is bokmål; applicants write both).
_NYNORSK: dict[str, tuple[str, ...]] = {
    "ledelse": ("leiing",),
    "forebyggende": ("førebyggjande", "førebyggande"),
    "veiledning": ("rettleiing",),
    "rådgivnings": ("rådgjevings", "rådgivings"),
    "holdninger": ("haldningar",),
    "virksomhetsrettet": ("verksemdsretta", "verksemdretta"),
    "arbeidsmiljøkartlegginger": ("arbeidsmiljøkartleggingar",),
    "luftveissykdommer": ("luftvegssjukdommar", "luftvegssjukdomar"),
    "hudsykdommer": ("hudsjukdommar", "hudsjukdomar"),
    "kreftsykdom": ("kreftsjukdom",),
    "miljørettet": ("miljøretta",),
    "eksponeringsfaktorer": ("eksponeringsfaktorar",),
    "lidelser": ("lidingar",),
    "organisasjon": ("organisasjon",),
}
# The two objectives reached in institusjonstjeneste (data/offisielt/README.md), read as a section of ALM.
_INSTITUSJON = ("ALM", ("ALM-055", "ALM-085"), ("institusjonstjeneste", "institusjonsteneste", "institusjon"))
_ORD_RE = re.compile(r"[^\W\d_]+")
_MELLOM_ORD_RE = re.compile(r"[\s,\-\u2010-\u2015]*")


def _stamme(ord_: str) -> str:
    """The part of a word a written form must start with: "kommunikasjon" matches "kommunikasjonsmålene"."""
    return ord_[: max(5, len(ord_) - 2)] if len(ord_) > 5 else ord_


class _Seksjon(NamedTuple):
    navn: str  # as shown: "21.4 Kommunikasjon og samhandling"
    nummer: str  # "21.4", or "" for a name only
    koder: tuple[str, ...]
    ord: frozenset[str]  # stems of every word of its name
    triggere: frozenset[str]  # stems that name it alone


class _Treff(NamedTuple):
    start: int
    slutt: int
    seksjon: _Seksjon


def _seksjoner(katalog: Katalog, spesialitet: str) -> tuple[_Seksjon, ...]:
    """The sections of a specialty with the words that name them, built once per catalogue and specialty."""
    nokkel = (id(katalog), spesialitet)
    lagret = _SEKSJONSBUFFER.get(nokkel)
    if lagret is not None and lagret[0] is katalog:
        return lagret[1]
    raa: list[tuple[str, str, tuple[str, ...], list[str]]] = []
    for navn, koder in katalog.seksjonsliste(spesialitet):
        nummer, _, tittel = navn.partition(" ")
        ord_ = [o.lower() for o in _ORD_RE.findall(tittel)]
        ord_ += [nn for o in ord_ for nn in _NYNORSK.get(o, ())]
        raa.append((navn, nummer if nummer[:1].isdigit() else "", koder, ord_))
    gruppe, koder, navn_ = _INSTITUSJON
    if gruppe == spesialitet and all(k in katalog for k in koder):
        raa.append((gettext("institusjonstjeneste"), "", koder, list(navn_)))
    teller: dict[str, int] = {}
    for *_, ord_ in raa:
        for stamme in {_stamme(o) for o in ord_ if o not in _GENERELLE_ORD and len(o) >= 5}:
            teller[stamme] = teller.get(stamme, 0) + 1
    seksjoner = tuple(
        _Seksjon(
            navn,
            nummer,
            koder,
            frozenset(_stamme(o) for o in ord_),
            frozenset(st for o in ord_ if o not in _GENERELLE_ORD and len(o) >= 5 and teller[(st := _stamme(o))] == 1),
        )
        for navn, nummer, koder, ord_ in raa
    )
    if len(_SEKSJONSBUFFER) > 32:
        _SEKSJONSBUFFER.clear()
    _SEKSJONSBUFFER[nokkel] = (katalog, seksjoner)
    return seksjoner


_SEKSJONSBUFFER: dict[tuple[int, str], tuple[Katalog, tuple[_Seksjon, ...]]] = {}


def _passer(ord_: str, stammer: frozenset[str]) -> bool:
    return any(ord_.startswith(st) for st in stammer)


def _finn_seksjoner(tekst: str, seksjoner: tuple[_Seksjon, ...]) -> list[_Treff]:
    """Where the text names a section: by number ("21.4") or by a word of its name that names no other section of
    the specialty ("kommunikasjonsmålene", "praksisdrift og ledelse"), widened over the name's other words."""
    if not seksjoner:
        return []
    treff: list[_Treff] = []
    for seksjon in seksjoner:
        if seksjon.nummer:
            monster = r"(?<![\d.,])" + re.escape(seksjon.nummer) + r"(?![\d]|[.,]\d)"
            treff += [_Treff(m.start(), m.end(), seksjon) for m in re.finditer(monster, tekst)]
    ord_ = [(m.start(), m.end(), m.group().lower()) for m in _ORD_RE.finditer(tekst)]
    i = 0
    while i < len(ord_):
        kandidater = [s for s in seksjoner if _passer(ord_[i][2], s.triggere)]
        if len(kandidater) != 1:
            i += 1
            continue
        seksjon = kandidater[0]
        forste = siste = i
        while (
            forste > 0
            and _passer(ord_[forste - 1][2], seksjon.ord)
            and _MELLOM_ORD_RE.fullmatch(tekst[ord_[forste - 1][1] : ord_[forste][0]])
        ):
            forste -= 1
        while (
            siste + 1 < len(ord_)
            and _passer(ord_[siste + 1][2], seksjon.ord)
            and _MELLOM_ORD_RE.fullmatch(tekst[ord_[siste][1] : ord_[siste + 1][0]])
        ):
            siste += 1
        while siste > forste and ord_[siste][2] in ("og", "i"):
            siste -= 1
        while forste < siste and ord_[forste][2] in ("og", "i"):
            forste += 1
        treff.append(_Treff(ord_[forste][0], ord_[siste][1], seksjon))
        i = siste + 1
    treff.sort()
    resultat: list[_Treff] = []
    for t in treff:
        if not resultat or t.start >= resultat[-1].slutt:
            resultat.append(t)
    return resultat


_KLAMME_RE = re.compile(r"\(([^()\n]*)\)|\[([^\[\]\n]*)\]")
_LESBARE_ARTER = frozenset({"KODE", "NUMMER", "ALLE", "UNNTATT", "PREFIKS", "DELVIS"})


def _forbered(tekst: str, seksjoner: tuple[_Seksjon, ...]) -> tuple[list[_Token], list[_Treff], list[tuple[int, int]]]:
    """Tokens with each section named in the text as one SEKSJON token (its index in the hits as ``nummer``), and
    the bracketed comments ("(disse oppnås ved sykehuset)") taken out: words in brackets with no code, number,
    "alle", exception or "delvis" among them."""
    tokener = _tokeniser(tekst)
    treff = _finn_seksjoner(tekst, seksjoner)
    if treff:
        nye: list[_Token] = []
        k = 0
        for t in tokener:
            while k < len(treff) and treff[k].slutt <= t.start:
                k += 1
            if k < len(treff) and treff[k].start <= t.start < treff[k].slutt:
                if not nye or nye[-1].art != "SEKSJON" or nye[-1].nummer != k:
                    nye.append(_Token("SEKSJON", treff[k].start, treff[k].slutt, None, k))
            else:
                nye.append(t)
        tokener = nye
    kommentarer: list[tuple[int, int]] = []
    for m in _KLAMME_RE.finditer(tekst):
        inni = [t for t in tokener if m.start() < t.start and t.slutt < m.end()]
        arter = {t.art for t in inni}
        # words, or only a section's name as a label ("ALM 42-50 (kommunikasjon)"), with nothing readable
        if (arter & _UKJENTE_ARTER or arter == {"SEKSJON"}) and not arter & _LESBARE_ARTER:
            kommentarer.append(m.span())
    if kommentarer:
        tokener = [t for t in tokener if not any(a < t.start and t.slutt < b for a, b in kommentarer)]
    return tokener, treff, kommentarer


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
    koder: frozenset[str] | None = None  # a section's codes, given rather than computed from fra/til


class _Leser:
    """Walks the tokens of one text and collects clauses and errors."""

    def __init__(self, tekst: str, spesialitet: str, katalog: Katalog) -> None:
        self.tekst = tekst
        self.spes = spesialitet
        self.katalog = katalog
        self.felles = katalog.felles()  # "FKM" from 2026-03-01, "LM" before: what "alle FKM" means
        self.tok, self.treff, kommentarer = _forbered(tekst, _seksjoner(katalog, spesialitet))
        self.feil: list[Feil] = []
        self.merknader: list[Feil] = []
        self.delvis: set[str] = set()
        self.delvis_neste: _Token | None = None  # "Deler av" before the item it qualifies
        self.element_slutt = -1  # the index after the last explicit item, to see "ALM 55 (delvis)"
        self.siste_var_unntak = False
        self.komma = False  # "," since the last item
        self.middels_skille = False  # ", og" or "samt" since the last item: ends a list of another group
        for a, b in kommentarer:
            self._merknad(a, b, lambda s: gettext("%(tekst)s er lest som en kommentar.") % {"tekst": s})
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

    def _merknad(self, start: int, slutt: int, melding: Callable[[str], str]) -> None:
        bit = self.tekst[start:slutt]
        self.merknader.append(Feil(bit, melding(f'"{bit}"')))

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
                # weak separators, list bullets, stray dashes; ", og" and "samt" end another group's list
                if art == "SKILLEORD" and (self.komma or self.tekst[t.start : t.slutt].lower() == "samt"):
                    self.middels_skille = True
                self.komma = art == "SKILLE" and self.tekst[t.start] == ","
                i += 1
            elif art == "SEKSJON":
                if self._art(i - 1) in _UKJENTE_ARTER or self._art(i + 1) in _UKJENTE_ARTER:
                    i = self._ukjent(i)  # a word of a section's name inside a sentence: not a section
                elif self.tekst[t.slutt :].lstrip(" \t").startswith(":"):
                    # "Medisinsk kompetanse: ALM 56-70": a heading over the codes, not all of the section
                    self._merknad(
                        t.start, t.slutt, lambda s: gettext("%(tekst)s er lest som en overskrift.") % {"tekst": s}
                    )
                    self.kontekst = self.spes
                    i += 1
                else:
                    i = self._seksjon(i)
            elif art == "DELVIS":
                i = self._delvis(i)
            elif art == "ALLE":
                i = self._alle(i)
            elif art == "UNNTATT":
                self._unntatt(t)
                i += 1
            elif art in ("KODE", "NUMMER"):
                i = self._element(i)
                self.element_slutt = i
            elif art == "PREFIKS":
                i = self._prefiks(i)
            else:  # unknown words and characters, a stray "til"
                i = self._ukjent(i)
        self._avslutt_unntak()
        if self.delvis_neste is not None:
            self._delvis_uten_mal(self.delvis_neste)
        koder: set[str] = set()
        for ledd in self.ledd:
            if ledd.gyldig:  # a clause whose scope or exceptions could not be read gives nothing
                koder |= ledd.grunnlag - ledd.unntak if ledd.unntak else ledd.grunnlag
        return Tolkning(
            self.katalog.sorter(koder),
            tuple(self.feil),
            self.katalog.sorter(self.delvis & koder),
            tuple(self.merknader),
        )

    # -- sections and partial objectives ---------------------------------------

    def _seksjon(self, i: int) -> int:
        t = self.tok[i]
        seksjon = self.treff[t.nummer or 0].seksjon
        koder = seksjon.koder
        kort = f"{koder[0]}…{koder[-1].split('-')[1]}" if len(koder) > 2 else ", ".join(koder)
        self._merknad(
            t.start,
            t.slutt,
            lambda s: (
                gettext("%(tekst)s er lest som %(seksjon)s: %(koder)s.")
                % {"tekst": s, "seksjon": seksjon.navn, "koder": kort}
            ),
        )
        self._plasser(_Element(self.spes, 0, 0, t.start, t.slutt, True, frozenset(koder)), True)
        self.element_slutt = i + 1
        return i + 1

    def _delvis(self, i: int) -> int:
        t = self.tok[i]
        if self.element_slutt == i and self.ledd and not self.siste_var_unntak:
            ledd = self.ledd[-1]  # "ALM 055 (delvis)"
            if ledd.gyldig:
                self._merk_delvis(ledd, ledd.start, t.slutt + (self.tekst[t.slutt : t.slutt + 1] in ")]"))
            return i + 1
        if self.element_slutt == i and self.siste_var_unntak:
            self._feil(
                t.start,
                t.slutt,
                lambda s: (
                    gettext(
                        "%(tekst)s står etter et unntak: skriv læringsmål som delvis kan oppnås for seg, for eksempel "
                        '"ALM 55 (delvis)".'
                    )
                    % {"tekst": s}
                ),
            )
            return i + 1
        if self._art(i + 1) in ("KODE", "NUMMER", "SEKSJON"):
            self.delvis_neste = t  # "Deler av ALM 055"
            return i + 1
        self._delvis_uten_mal(t)
        return i + 1

    def _delvis_uten_mal(self, t: _Token) -> None:
        self.delvis_neste = None
        spes = self.spes
        self._feil(
            t.start,
            t.slutt,
            lambda s: (
                gettext('Det står ikke hvilke læringsmål %(tekst)s gjelder. Skriv for eksempel "%(spes)s 55 (delvis)".')
                % {"tekst": s, "spes": spes}
            ),
        )

    def _merk_delvis(self, ledd: _Ledd, start: int, slutt: int) -> None:
        self.delvis |= ledd.grunnlag
        kort = formater(ledd.grunnlag)
        self._merknad(
            start,
            slutt,
            lambda s: (
                gettext("%(tekst)s: %(koder)s kan bare delvis oppnås her, og telles med.") % {"tekst": s, "koder": kort}
            ),
        )

    # -- "alle" and exceptions ------------------------------------------------

    def _alle(self, i: int) -> int:
        self._avslutt_unntak()
        t = self.tok[i]
        j = i + 1
        neste = self._art(j)
        if neste in ("KODE", "NUMMER", "SEKSJON"):
            return j  # "alle ALM-055 og ALM-085", "alle innen kommunikasjon": "alle" only qualifies the items
        if neste == "PREFIKS":
            if self._art(self._hopp_over(j + 1, _STREKER)) == "NUMMER":
                return j  # "alle ALM: 1-6"
            gruppe = self.tok[j].gruppe or self.spes
            gruppe = self.felles if gruppe == "FKM" else gruppe
            slutt = self.tok[j].slutt
            j += 1
        elif neste in _UKJENTE_ARTER:
            return self._alle_uleselig(i)
        else:
            gruppe = self.spes
            slutt = t.slutt
        self.kontekst = gruppe
        self.sterkt_skille = False
        if gruppe in (self.spes, *FELLES):
            self.ledd.append(_Ledd(gruppe, set(self.katalog.alle(gruppe)), t.start, slutt, True))
        else:
            self._feil(t.start, slutt, self._annen_spesialitet(gruppe))
            self.ledd.append(_Ledd(gruppe, set(), t.start, slutt, True, gyldig=False))
        return j

    def _alle_uleselig(self, i: int) -> int:
        """ "alle kommunikasjonsmål" where the word after "alle" cannot be read: no codes from the clause (it is not
        "all"), an error with a suggestion, and the exceptions that follow swallowed with it."""
        t = self.tok[i]
        j = i + 1
        while self._art(j) in _UKJENTE_ARTER or (self._art(j) == "STREK" and self._art(j + 1) in _UKJENTE_ARTER):
            j += 1
        slutt = self.tok[j - 1].slutt
        forslag = _forslag(self._bit(self.tok[i + 1].start, self.tok[i + 1].slutt), False)
        spes, eksempel = self.spes, self._seksjonseksempel()
        self._feil(
            t.start,
            slutt,
            lambda s: (
                (
                    gettext(
                        "Forstod ikke hvilke læringsmål %(tekst)s gjelder, så ingen er telt med herfra. Skriv for "
                        'eksempel "Alle", "Alle innen %(seksjon)s" eller "%(spes)s 1-6".'
                    )
                    % {"tekst": s, "seksjon": eksempel, "spes": spes}
                )
                + self._mente_du(forslag)
            ),
        )
        self.kontekst = self.spes
        self.sterkt_skille = False
        self.ledd.append(_Ledd(self.spes, set(), t.start, slutt, True, gyldig=False))
        return j

    def _seksjonseksempel(self) -> str:
        liste = self.katalog.seksjonsliste(self.spes)
        return liste[min(3, len(liste) - 1)][0] if liste else "21.4 Kommunikasjon og samhandling"

    @staticmethod
    def _mente_du(forslag: str | None) -> str:
        return (" " + gettext('Mente du "%(forslag)s"?') % {"forslag": forslag}) if forslag else ""

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
                lambda s: (
                    gettext(
                        "Etter %(tekst)s står det ikke hvilke læringsmål som er unntatt, så ingen er telt med herfra."
                    )
                    % {"tekst": s}
                ),
            )
            if self.unntaksledd is not None:
                self.unntaksledd.gyldig = False
        self.unntaksledd = None
        self.unntaksord = None

    # -- prefixes and unknown text ---------------------------------------------

    def _prefiks(self, i: int) -> int:
        t = self.tok[i]
        gruppe = t.gruppe or self.spes
        self.kontekst = gruppe
        neste = self._art(self._hopp_over(i + 1, _STREKER_OG_NYLINJER))
        if gruppe == "FKM" and neste != "NUMMER" and self.unntaksledd is None:
            # "FKM", "felles kompetansemål" alone: all of them (before 2026-03-01 the old list LM-04 … LM-75)
            self._avslutt_unntak()
            self.sterkt_skille = False
            self.ledd.append(_Ledd(self.felles, set(self.katalog.alle(self.felles)), t.start, t.slutt, True))
            return i + 1
        if self._art(i + 1) == "ORD":
            forslag = _forslag(self._bit(self.tok[i + 1].start, self.tok[i + 1].slutt), False)
            if forslag and forslag.isdigit():  # "ALM 2O"
                slutt = self.tok[i + 1].slutt
                self._feil(
                    t.start,
                    slutt,
                    lambda s: gettext("Forstod ikke %(tekst)s.") % {"tekst": s} + self._mente_du(f"{gruppe} {forslag}"),
                )
                return i + 2
        if neste != "NUMMER":
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
        forste = self.tok[i]
        start = forste.start
        slutt = forste.slutt
        i0 = i
        i += 1
        # One error for a run of unknown words on a line (dashes in between allowed).
        while i < len(self.tok):
            art = self.tok[i].art
            if art in _UKJENTE_ARTER or art == "SEKSJON":
                slutt = self.tok[i].slutt
                i += 1
            elif art == "STREK" and self._art(i + 1) in _UKJENTE_ARTER:
                i += 1
            else:
                break
        enkelt_ord = i == i0 + 1
        foran_tall = enkelt_ord and self._art(i) == "NUMMER"
        forslag = _forslag(self._bit(forste.start, forste.slutt), foran_tall) if enkelt_ord else None
        if foran_tall:
            # "FKN 3": the number belongs to the word, not to the group before it; take a range with it
            tall_start = self.tok[i].start
            i += 1
            if self._art(i) in ("STREK", "TIL") and self._art(i + 1) == "NUMMER":
                i += 2
            slutt = self.tok[i - 1].slutt
            if forslag and forslag.isupper():
                forslag = f"{forslag} {self._bit(tall_start, slutt)}"
            self.kontekst = None
        ledd = self.unntaksledd
        if ledd is not None and not self.sterkt_skille:
            # an exception that cannot be read: the clause it belongs to gives nothing
            ledd.gyldig = False
            self.antall_unntak += 1
            grunnlag = f'"{self._bit(ledd.start, ledd.slutt)}"'
            self._feil(
                start,
                slutt,
                lambda s: (
                    (
                        gettext("Forstod ikke unntaket %(tekst)s, så ingen læringsmål er telt med fra %(grunnlag)s.")
                        % {"tekst": s, "grunnlag": grunnlag}
                    )
                    + self._mente_du(forslag)
                ),
            )
            return i
        spes = self.spes
        self._feil(
            start,
            slutt,
            lambda s: (
                (
                    gettext(
                        'Forstod ikke %(tekst)s. Skriv for eksempel "Alle", "Alle bortsett fra %(spes)s 1" eller '
                        '"%(spes)s 1-6, 8".'
                    )
                    % {"tekst": s, "spes": spes}
                )
                + self._mente_du(forslag)
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
        middels, self.middels_skille, self.komma = self.middels_skille, False, False
        if e.gruppe in FELLES and e.gruppe != self.felles and self.katalog.gruppe(self.felles):
            # FKM 3 before 2026-03-01, LM 4 after: an error (from _koder_for); as an exception it takes the clause
            self._koder_for(e)
            if ledd is not None and not self.sterkt_skille:
                ledd.gyldig = False
                self.antall_unntak += 1
            self.kontekst = e.gruppe  # "FKM 3, 4": the 4 is FKM's too, not the group before
            self.sterkt_skille = False
            return
        if ledd is not None and e.gruppe is not None and e.gruppe != ledd.gruppe:
            if self.sterkt_skille or middels:
                self._avslutt_unntak()
                ledd = None
            elif gyldig and e.gruppe in (self.spes, *FELLES):
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
        self.siste_var_unntak = ledd is not None
        if ledd is not None and self.delvis_neste is not None:
            self._delvis_uten_mal(self.delvis_neste)
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
            if self.delvis_neste is not None:
                self._merk_delvis(self.ledd[-1], self.delvis_neste.start, e.slutt)
                self.delvis_neste = None

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
        if e.koder is not None:
            return set(e.koder)
        if gruppe not in (self.spes, *FELLES):
            self._feil(e.start, e.slutt, self._annen_spesialitet(gruppe))
            return set()
        if gruppe in FELLES and gruppe != self.felles and self.katalog.gruppe(self.felles):
            nummer = self._bit(e.start, e.slutt).split(None, 1)[-1].lstrip("LMlmFKfk -")
            if gruppe == "FKM":  # FKM 3 before 2026-03-01
                self._feil(
                    e.start,
                    e.slutt,
                    lambda s: (
                        gettext(
                            "%(tekst)s: før 1. mars 2026 er de felles kompetansemålene LM-04 … LM-75 (del 2–3 i "
                            'forskriftens tidligere kapittel A). Skriv for eksempel "LM 4" eller "alle FKM".'
                        )
                        % {"tekst": s}
                    ),
                )
            else:  # LM 4 from 2026-03-01
                spes = self.spes
                self._feil(
                    e.start,
                    e.slutt,
                    lambda s: (
                        gettext(
                            "%(tekst)s er et av de felles kompetansemålene som gjaldt til 28. februar 2026. Fra 1. "
                            'mars 2026 gjelder FKM 1-14. Mente du "%(spes)s %(nummer)s" eller "FKM %(nummer)s"?'
                        )
                        % {"tekst": s, "spes": spes, "nummer": nummer}
                    ),
                )
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
        alle_tall = self.katalog.nummer(gruppe)
        if alle_tall and e.til > alle_tall[-1] and gruppe != "LM":
            # "ALM 98", "ALM 1-120": say how far the list goes
            forste, siste = kanonisk_kode(gruppe, alle_tall[0]), kanonisk_kode(gruppe, alle_tall[-1])
            utenfor = _beskriv_intervaller(gruppe, [(max(e.fra, alle_tall[-1] + 1), e.til)])
            self._feil(
                e.start,
                e.slutt,
                lambda s: (
                    gettext(
                        "%(tekst)s: %(utenfor)s finnes ikke. Listen for %(gruppe)s går fra %(forste)s til %(siste)s."
                    )
                    % {"tekst": s, "utenfor": utenfor, "gruppe": navn, "forste": forste, "siste": siste}
                ),
            )
            return set(koder)
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
        if len(tall) != e.til - e.fra + 1 and gruppe != "LM":  # the old list is sparse: LM-04, LM-13, LM-19 …
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
