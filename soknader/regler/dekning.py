"""Findings about what the arenas cover together: ALM-055/085 and where, the specialty's objectives, the FKM.

Only a code the catalogue confirms is named as missing; codes of a provisional catalogue (a count assumed, not read
from the official list) are named in a warning that says so (`DekningUsikker`).
"""

from collections.abc import Iterator, Mapping
from typing import Any

from django.utils.translation import gettext, ngettext

from laeringsmal.lmtekst import GRUPPENAVN, formater

from ..choices import Alvorlighet, Arenatype, Mangelkode, Spesialitet
from .grunnlag import ApplicationData
from .kilder import BRUKERVEILEDNING, LAERINGSMALLISTENE, VEILEDNING_KOMMUNER, Kilde
from .regel import DekningsRegel, Mangel

INSTITUSJONER = frozenset({Arenatype.SYKEHUS, Arenatype.PSYKISK_HELSEVERN, Arenatype.KAD, Arenatype.SYKEHJEM})
INSTITUSJONSMAL = ("ALM-055", "ALM-085")

_INSTITUSJONSTJENESTE = Kilde(
    VEILEDNING_KOMMUNER,
    "Det skal føres inn hvilke læringsmål som kan oppnås ved den enkelte læringsarena. Dette er spesielt viktig for "
    "de læringsmålene som gjennomføres på legevakt og ved et helseforetak, KAD eller andre institusjoner (ALM 055 og "
    "ALM 085).",
)


def og(deler: list[str]) -> str:
    """«ALM-055» or «ALM-055 og ALM-085»."""
    if len(deler) < 2:
        return "".join(deler)
    return gettext("%(liste)s og %(siste)s") % {"liste": ", ".join(deler[:-1]), "siste": deler[-1]}


class InstitusjonsmalMangler(DekningsRegel):
    """ALM-055 or ALM-085 (one rule each) on no arena."""

    leser = ("spesialitet", "arenaer.koder")
    kilde = _INSTITUSJONSTJENESTE

    def __init__(self, kode: Mangelkode, laeringsmal: str):
        self.kode = kode
        self.laeringsmal = laeringsmal

    def finn_dekning(self, data: ApplicationData, dekket: frozenset[str]) -> Iterator[Mangel]:
        if data.spesialitet == Spesialitet.ALM and self.laeringsmal not in dekket:
            yield self.mangel(kode=self.laeringsmal)

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext("Ingen læringsarena dekker %(kode)s.") % {"kode": params["kode"]}


class InstitusjonsmalUtenInstitusjon(DekningsRegel):
    kode = Mangelkode.ALM055_085_UTEN_INSTITUSJON
    alvorlighet = Alvorlighet.ADVARSEL
    leser = ("spesialitet", "arenaer.koder", "arenaer.type")
    kilde = Kilde(
        VEILEDNING_KOMMUNER,
        "For å oppnå disse to læringsmålene er det anbefalt at ALIS har tjeneste ved godkjent utdanningsvirksomhet "
        "innen kliniske spesialiteter, og/eller i kommunale helseinstitusjoner som har overlege i full stilling, kan "
        "tilby individuell veiledning og supervisjon og har organisert internundervisning.",
        lesning="Recommended, not required: covered only at arenas that are no hospital, psychiatric unit, KAD or "
        "nursing home is worth a look (an advarsel).",
    )

    def finn_dekning(self, data: ApplicationData, dekket: frozenset[str]) -> Iterator[Mangel]:
        if data.spesialitet != Spesialitet.ALM:
            return
        uten = [
            kode
            for kode in INSTITUSJONSMAL
            if kode in dekket and not any(kode in a.koder and a.type in INSTITUSJONER for a in data.arenaer)
        ]
        if uten:
            yield self.mangel(koder=uten)

    def tekst(self, params: Mapping[str, Any]) -> str:
        koder = params["koder"]
        return ngettext(
            "%(koder)s dekkes bare ved arenaer som ikke er sykehus, psykisk helsevern, KAD eller sykehjem.",
            "%(koder)s dekkes bare ved arenaer som ikke er sykehus, psykisk helsevern, KAD eller sykehjem.",
            len(koder),
        ) % {"koder": og(koder)}


def _sikre_udekket(koder, dekket: frozenset[str], forelopige: frozenset[str]) -> list[str]:
    return [k for k in koder if k not in dekket and k not in forelopige]


class LmUdekket(DekningsRegel):
    kode = Mangelkode.LM_UDEKKET
    leser = ("spesialitet_koder", "forelopige", "arenaer.koder")
    kilde = Kilde(
        BRUKERVEILEDNING,
        "Virksomheten må ikke selv dekke alle læringsmål, men må ev. gjennom avtaler med andre sørge for at LIS kan "
        "oppnå alle læringsmål i sitt spesialistløp. Dette er en forutsetning for å bli registrert som "
        "utdanningsvirksomhet.",
    )

    def finn_dekning(self, data: ApplicationData, dekket: frozenset[str]) -> Iterator[Mangel]:
        sikre = _sikre_udekket(data.spesialitet_koder, dekket, data.forelopige)
        if sikre:
            yield self.mangel(koder=sikre)

    def tekst(self, params: Mapping[str, Any]) -> str:
        koder = params["koder"]
        return ngettext(
            "%(antall)d læringsmål dekkes ikke av noen arena: %(koder)s.",
            "%(antall)d læringsmål dekkes ikke av noen arena: %(koder)s.",
            len(koder),
        ) % {"antall": len(koder), "koder": formater(koder)}


class FkmUdekket(DekningsRegel):
    kode = Mangelkode.FKM_UDEKKET
    leser = ("fkm_koder", "forelopige", "arenaer.koder")
    kilde = Kilde(
        VEILEDNING_KOMMUNER,
        "Også felles kompetansemål (FKM) skal føres inn på den arenaene de vil bli gjennomført ved.",
    )

    def finn_dekning(self, data: ApplicationData, dekket: frozenset[str]) -> Iterator[Mangel]:
        sikre = _sikre_udekket(data.fkm_koder, dekket, data.forelopige)
        if sikre:
            yield self.mangel(koder=sikre)

    def tekst(self, params: Mapping[str, Any]) -> str:
        koder = params["koder"]
        return ngettext(
            "%(antall)d felles kompetansemål er ikke plassert på noen arena: %(koder)s.",
            "%(antall)d felles kompetansemål er ikke plassert på noen arena: %(koder)s.",
            len(koder),
        ) % {"antall": len(koder), "koder": formater(koder)}


class DekningUsikker(DekningsRegel):
    """The uncovered codes of one group (the specialty's, or the FKM) that the catalogue only assumes: declared once
    per group, so each warning follows the group's own finding."""

    kode = Mangelkode.DEKNING_USIKKER
    alvorlighet = Alvorlighet.ADVARSEL
    kilde = Kilde(
        LAERINGSMALLISTENE,
        "All from spesialistforskriften (FOR-2016-12-08-1482) vedlegg 2, as published in Lovdata's public data under "
        "NLOD 2.0 [...]. Every code and title below was checked against that text.",
        lesning="A catalogue whose codes were not checked so (marked provisional: a count assumed) cannot say that a "
        "code exists; a gap among such codes is worth a look, with the reason, not a mangel.",
    )

    def __init__(self, gruppe: str):
        self.gruppe = gruppe  # "FKM", or "" for the application's specialty
        self.leser = ("fkm_koder" if gruppe else "spesialitet_koder", "forelopige", "arenaer.koder")

    def finn_dekning(self, data: ApplicationData, dekket: frozenset[str]) -> Iterator[Mangel]:
        gruppe, koder = (self.gruppe, data.fkm_koder) if self.gruppe else (data.spesialitet, data.spesialitet_koder)
        usikre = [k for k in koder if k not in dekket and k in data.forelopige]
        if usikre:
            yield self.mangel(gruppe=gruppe, koder=usikre)

    def tekst(self, params: Mapping[str, Any]) -> str:
        koder = params["koder"]
        return ngettext(
            "Listen over læringsmål for %(gruppe)s er foreløpig: at %(koder)s finnes, er ikke bekreftet av den "
            "offisielle listen. Ingen arena dekker det; sjekk mot spesialistforskriften vedlegg 2 før du ber "
            "søkeren om mer.",
            "Listen over læringsmål for %(gruppe)s er foreløpig: at %(koder)s finnes, er ikke bekreftet av den "
            "offisielle listen. Ingen arena dekker dem; sjekk mot spesialistforskriften vedlegg 2 før du ber "
            "søkeren om mer.",
            len(koder),
        ) % {"gruppe": GRUPPENAVN[params["gruppe"]], "koder": formater(koder)}
