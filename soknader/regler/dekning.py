"""Findings about what the arenas cover together: ALM-055/085 and where, the specialty's objectives, the common ones
(FKM from 2026-03-01, the old LM-04 … LM-75 before: the group in force on the application's date).

Every list is official (spesialistforskriften vedlegg 2), so every gap is named as missing; a few codes are named
with their titles (kept in the finding's params: the regulation's titles are bokmål only). `DekningUsikker`, the
warning about a provisional list, is no longer found; it words the findings stored before.
"""

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.utils.translation import gettext, ngettext

from laeringsmal.lmtekst import GRUPPENAVN, formater, kort_tittel

from ..choices import Alvorlighet, Arenatype, Mangelkode, Spesialitet
from .grunnlag import SoknadData
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


# a finding names its codes with their titles when it names at most this many
MAKS_MED_TITTEL = 3
TITTEL_LENGDE = 70


def titler_for(koder: list[str], titler: Mapping[str, str]) -> dict[str, str]:
    """The shortened titles of a few codes, for a finding's params ({} for many codes, or none with a title)."""
    if len(koder) > MAKS_MED_TITTEL:
        return {}
    return {k: kort_tittel(titler[k], TITTEL_LENGDE) for k in koder if titler.get(k)}


def med_titler(koder: list[str], titler: Mapping[str, str]) -> str:
    """«ALM-055 Samhandling med godkjente …; ALM-085 …» for a few codes with titles, compact text otherwise."""
    if not titler:
        return formater(koder)
    return "; ".join(f"{k} {titler[k]}" if k in titler else k for k in koder)


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

    def finn_dekning(self, data: SoknadData, dekket: frozenset[str]) -> Iterator[Mangel]:
        if data.spesialitet == Spesialitet.ALM and self.laeringsmal not in dekket:
            yield self.mangel(kode=self.laeringsmal, **_tittel(titler_for([self.laeringsmal], data.titler)))

    def tekst(self, params: Mapping[str, Any]) -> str:
        kode = params["kode"]
        if params.get("tittel"):
            kode = f"{kode} {params['tittel']}"
        return gettext("Ingen læringsarena dekker %(kode)s.") % {"kode": kode}


def _tittel(titler: dict[str, str]) -> dict[str, Any]:  # Any: params of Regel.mangel
    return {"tittel": next(iter(titler.values()))} if titler else {}


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

    def finn_dekning(self, data: SoknadData, dekket: frozenset[str]) -> Iterator[Mangel]:
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


class LmUdekket(DekningsRegel):
    kode = Mangelkode.LM_UDEKKET
    leser = ("spesialitet_koder", "titler", "arenaer.koder")
    kilde = Kilde(
        BRUKERVEILEDNING,
        "Virksomheten må ikke selv dekke alle læringsmål, men må ev. gjennom avtaler med andre sørge for at LIS kan "
        "oppnå alle læringsmål i sitt spesialistløp. Dette er en forutsetning for å bli registrert som "
        "utdanningsvirksomhet.",
    )

    def finn_dekning(self, data: SoknadData, dekket: frozenset[str]) -> Iterator[Mangel]:
        yield from _udekket(self, data.spesialitet_koder, dekket, data.titler)

    def tekst(self, params: Mapping[str, Any]) -> str:
        koder = params["koder"]
        return ngettext(
            "%(antall)d læringsmål dekkes ikke av noen arena: %(koder)s.",
            "%(antall)d læringsmål dekkes ikke av noen arena: %(koder)s.",
            len(koder),
        ) % {"antall": len(koder), "koder": med_titler(koder, params.get("titler") or {})}


class FkmUdekket(DekningsRegel):
    """The common objectives in force on the application's date: FKM-001 … FKM-014 from 2026-03-01, the old
    LM-04 … LM-75 before (`fkm_koder`)."""

    kode = Mangelkode.FKM_UDEKKET
    leser = ("fkm_koder", "titler", "arenaer.koder")
    kilde = Kilde(
        VEILEDNING_KOMMUNER,
        "Også felles kompetansemål (FKM) skal føres inn på den arenaene de vil bli gjennomført ved.",
    )

    def finn_dekning(self, data: SoknadData, dekket: frozenset[str]) -> Iterator[Mangel]:
        yield from _udekket(self, data.fkm_koder, dekket, data.titler)

    def tekst(self, params: Mapping[str, Any]) -> str:
        koder = params["koder"]
        return ngettext(
            "%(antall)d felles kompetansemål er ikke plassert på noen arena: %(koder)s.",
            "%(antall)d felles kompetansemål er ikke plassert på noen arena: %(koder)s.",
            len(koder),
        ) % {"antall": len(koder), "koder": med_titler(koder, params.get("titler") or {})}


def _udekket(
    regel: DekningsRegel, koder: Iterable[str], dekket: frozenset[str], titler: Mapping[str, str]
) -> Iterator[Mangel]:
    """The codes no arena covers, with the titles of a few (params: koder, and titler when there are any)."""
    udekket = [k for k in koder if k not in dekket]
    if udekket:
        med = titler_for(udekket, titler)
        params: dict[str, Any] = {"titler": med} if med else {}
        yield regel.mangel(koder=udekket, **params)


class DekningUsikker(DekningsRegel):
    """Retired: a gap among the codes of a provisional catalogue (a count assumed) was a warning. Every list is
    official since the catalogue of 2026-12-04, so this is never found; it words the findings stored before (until
    `oppdater_mangler` judges their applications again). Not in `mangler.REGLER`, in `mangler.UTGATTE`."""

    kode = Mangelkode.DEKNING_USIKKER
    alvorlighet = Alvorlighet.ADVARSEL
    leser = ()
    kilde = Kilde(
        LAERINGSMALLISTENE,
        "All from spesialistforskriften (FOR-2016-12-08-1482) vedlegg 2, as published in Lovdata's public data under "
        "NLOD 2.0 [...]. Every code and title below was checked against that text.",
        lesning="Every list is official: a gap is a mangel (LM_UDEKKET, FKM_UDEKKET), never this warning.",
    )

    def finn_dekning(self, data: SoknadData, dekket: frozenset[str]) -> Iterator[Mangel]:
        return iter(())

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
