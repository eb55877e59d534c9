"""Step 3 of reading: the clauses built from the tokens, and `tolk`, the one entry point."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from .formatering import formater
from .forslag import _forslag
from .katalog import Katalog
from .koder import FELLES, GRUPPENAVN, SPESIALITETER, gettext, kanonisk_kode
from .resultat import Feil, Tolkning
from .seksjoner import _forbered, _seksjoner
from .tokeniser import _UKJENTE_ARTER, _Token

# ---------------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------------

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
        self.tok, self.hit, kommentarer = _forbered(tekst, _seksjoner(katalog, spesialitet))
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
        self.feil.append(Feil(bit, melding(f"«{bit}»")))

    def _merknad(self, start: int, slutt: int, melding: Callable[[str], str]) -> None:
        bit = self.tekst[start:slutt]
        self.merknader.append(Feil(bit, melding(f"«{bit}»")))

    def _art(self, i: int) -> str | None:
        return self.tok[i].art if i < len(self.tok) else None

    def _hopp_over(self, i: int, arter: frozenset[str]) -> int:
        while i < len(self.tok) and self.tok[i].art in arter:
            i += 1
        return i

    # -- main loop -------------------------------------------------------

    def les(self) -> Tolkning:
        i = 0
        while i < len(self.tok):
            i = self._steg(i)
        return self._resultat()

    # token kind -> the method that reads from a token of that kind on; it returns the next token's index
    _LESERE: ClassVar[Mapping[str, str]] = {
        "SEKSJON": "_seksjon_eller_ord",
        "DELVIS": "_delvis",
        "ALLE": "_alle",
        "UNNTATT": "_unntatt_fra",
        "KODE": "_element_fra",
        "NUMMER": "_element_fra",
        "PREFIKS": "_prefiks",
    }

    def _steg(self, i: int) -> int:
        t = self.tok[i]
        art = t.art
        if art in ("NYLINJE", "PUNKTUM") or (art == "SKILLE" and self.tekst[t.start] == ";"):
            self.sterkt_skille = True
            return i + 1
        if art in ("SKILLE", "SKILLEORD", "STREK"):
            # weak separators, list bullets, stray dashes; ", og" and "samt" end another group's list
            if art == "SKILLEORD" and (self.komma or self.tekst[t.start : t.slutt].lower() == "samt"):
                self.middels_skille = True
            self.komma = art == "SKILLE" and self.tekst[t.start] == ","
            return i + 1
        leser = self._LESERE.get(art or "")
        les_fra: Callable[[int], int] = getattr(self, leser) if leser else self._ukjent  # unknown words, "til"
        return les_fra(i)

    def _seksjon_eller_ord(self, i: int) -> int:
        t = self.tok[i]
        if self._art(i - 1) in _UKJENTE_ARTER or self._art(i + 1) in _UKJENTE_ARTER:
            return self._ukjent(i)  # a word of a section's name inside a sentence: not a section
        if self.tekst[t.slutt :].lstrip(" \t").startswith(":"):
            # "Medisinsk kompetanse: ALM 56-70": a heading over the codes, not all of the section
            self._merknad(t.start, t.slutt, lambda s: gettext("%(tekst)s er lest som en overskrift.") % {"tekst": s})
            self.kontekst = self.spes
            return i + 1
        return self._seksjon(i)

    def _unntatt_fra(self, i: int) -> int:
        self._unntatt(self.tok[i])
        return i + 1

    def _element_fra(self, i: int) -> int:
        i = self._element(i)
        self.element_slutt = i
        return i

    def _resultat(self) -> Tolkning:
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
        seksjon = self.hit[t.nummer or 0].seksjon
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
                        "«ALM 55 (delvis)»."
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
                gettext("Det står ikke hvilke læringsmål %(tekst)s gjelder. Skriv for eksempel «%(spes)s 55 (delvis)».")
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
                        "eksempel «Alle», «Alle innen %(seksjon)s» eller «%(spes)s 1-6»."
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
        return (" " + gettext("Mente du «%(forslag)s»?") % {"forslag": forslag}) if forslag else ""

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
                        "%(tekst)s kan bare brukes etter «alle» eller et intervall, for eksempel «Alle bortsett fra "
                        "%(spes)s 1»."
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
                    gettext("%(tekst)s mangler nummer. Skriv for eksempel «alle %(gruppe)s» eller «%(gruppe)s 1-6».")
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
            grunnlag = f"«{self._bit(ledd.start, ledd.slutt)}»"
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
                        "Forstod ikke %(tekst)s. Skriv for eksempel «Alle», «Alle bortsett fra %(spes)s 1» eller "
                        "«%(spes)s 1-6, 8»."
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
            forslag = f"«{self.spes} {self._bit(element.start, element.slutt)}»"
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
                self._uklart_unntak(e, ledd)
                return
        self.sterkt_skille = False
        if e.gruppe is not None:
            self.kontekst = e.gruppe
        self.siste_var_unntak = ledd is not None
        if ledd is not None:
            self._som_unntak(e, ledd, gyldig)
        elif gyldig and e.gruppe is not None:
            self._som_ledd(e, e.gruppe)

    def _uklart_unntak(self, e: _Element, ledd: _Ledd) -> None:
        """A code of another group after only "," or "og" in an exception list: an exception, or to be added?"""
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
                    "egen linje, for eksempel «Alle bortsett fra %(g)s 1; %(gruppe)s 1-3»."
                )
                % {"tekst": s, "navn": navn, "g": g, "gruppe": e.gruppe}
            ),
        )

    def _som_unntak(self, e: _Element, ledd: _Ledd, gyldig: bool) -> None:
        if self.delvis_neste is not None:
            self._delvis_uten_mal(self.delvis_neste)
        self.antall_unntak += 1
        if not gyldig or not ledd.gyldig:
            return
        koder = self._koder_for(e)
        assert ledd.unntak is not None
        ledd.unntak |= koder
        if not koder <= ledd.grunnlag:
            grunnlag = f"«{self._bit(ledd.start, ledd.slutt)}»"
            self._feil(
                e.start,
                e.slutt,
                lambda s: (
                    gettext("%(tekst)s er ikke med i %(grunnlag)s, så unntaket har ingen virkning.")
                    % {"tekst": s, "grunnlag": grunnlag}
                ),
            )

    def _som_ledd(self, e: _Element, gruppe: str) -> None:
        koder = self._koder_for(e)
        self.ledd.append(_Ledd(gruppe, koder, e.start, e.slutt, e.er_intervall))
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
                            "forskriftens tidligere kapittel A). Skriv for eksempel «LM 4» eller «alle FKM»."
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
                            "mars 2026 gjelder FKM 1-14. Mente du «%(spes)s %(nummer)s» eller «FKM %(nummer)s»?"
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
