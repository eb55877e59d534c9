"""Step 2 of reading: the sections named in the text, and the bracketed comments, found before it is read."""

from __future__ import annotations

import re
from typing import NamedTuple

from .katalog import Katalog
from .koder import gettext
from .tokeniser import _UKJENTE_ARTER, _Token, _tokeniser

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
    hit = _ved_nummer(tekst, seksjoner)
    ord_ = [(m.start(), m.end(), m.group().lower()) for m in _ORD_RE.finditer(tekst)]
    i = 0
    while i < len(ord_):
        kandidater = [s for s in seksjoner if _passer(ord_[i][2], s.triggere)]
        if len(kandidater) != 1:
            i += 1
            continue
        forste, siste = _utvid(tekst, ord_, i, kandidater[0])
        hit.append(_Treff(ord_[forste][0], ord_[siste][1], kandidater[0]))
        i = siste + 1
    hit.sort()
    resultat: list[_Treff] = []
    for t in hit:
        if not resultat or t.start >= resultat[-1].slutt:
            resultat.append(t)
    return resultat


def _ved_nummer(tekst: str, seksjoner: tuple[_Seksjon, ...]) -> list[_Treff]:
    """The sections named by their number ("21.4"), not as part of a longer number or a decimal."""
    hit: list[_Treff] = []
    for seksjon in seksjoner:
        if seksjon.nummer:
            monster = r"(?<![\d.,])" + re.escape(seksjon.nummer) + r"(?![\d]|[.,]\d)"
            hit += [_Treff(m.start(), m.end(), seksjon) for m in re.finditer(monster, tekst)]
    return hit


def _utvid(tekst: str, ord_: list[tuple[int, int, str]], i: int, seksjon: _Seksjon) -> tuple[int, int]:
    """The words around word `i` that belong to the section's name, joined by spaces, commas or dashes only;
    without a leading or trailing "og"/"i"."""
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
    return forste, siste


_KLAMME_RE = re.compile(r"\(([^()\n]*)\)|\[([^\[\]\n]*)\]")
_LESBARE_ARTER = frozenset({"KODE", "NUMMER", "ALLE", "UNNTATT", "PREFIKS", "DELVIS"})


def _forbered(tekst: str, seksjoner: tuple[_Seksjon, ...]) -> tuple[list[_Token], list[_Treff], list[tuple[int, int]]]:
    """Tokens with each section named in the text as one SEKSJON token (its index in the hits as ``nummer``), and
    the bracketed comments ("(disse oppnås ved sykehuset)") taken out: words in brackets with no code, number,
    "alle", exception or "delvis" among them."""
    tokener = _tokeniser(tekst)
    hit = _finn_seksjoner(tekst, seksjoner)
    if hit:
        nye: list[_Token] = []
        k = 0
        for t in tokener:
            while k < len(hit) and hit[k].slutt <= t.start:
                k += 1
            if k < len(hit) and hit[k].start <= t.start < hit[k].slutt:
                if not nye or nye[-1].art != "SEKSJON" or nye[-1].nummer != k:
                    nye.append(_Token("SEKSJON", hit[k].start, hit[k].slutt, None, k))
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
    return tokener, hit, kommentarer
