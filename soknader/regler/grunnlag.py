"""What the rules read: an application's data as plain values (no ORM, no request), built once per judgement.

`SoknadData` holds the application's own fields, its arenas (as `ArenaData`, numbered as the user sees them)
and the catalogue's codes in force; `soknad_data()` builds it from stored objects.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import skjema
from .hvem import registeret_sier_bht

if TYPE_CHECKING:
    from laeringsmal.lmtekst import Katalog

    from ..models import Laeringsarena, Soknad


@dataclass(frozen=True)
class ArenaData:
    nummer: int  # 1-based, as the user sees it
    type: str
    plassering: str
    annen_virksomhet: str
    koder: frozenset[str]
    feil: tuple[Mapping[str, Any], ...] = ()
    avtale_veiledning_supervisjon: bool | None = None  # for an arena in another organisation
    # a kommunal institution's answers to what the guidance recommends for ALM-055/085 (skjema.INSTITUSJONSSPORSMAL)
    institusjon: tuple[tuple[str, bool | None], ...] = ()


@dataclass(frozen=True)
class SoknadData:
    spesialitet: str
    virksomhetstype: str
    er_kommune: bool
    felt: Mapping[str, Any]  # the application's own fields (sections 1–3)
    arenaer: tuple[ArenaData, ...]
    spesialitet_koder: tuple[str, ...]  # the specialty's objectives in force
    fkm_koder: tuple[str, ...]  # the common objectives in force (FKM from 2026-03-01, the old LM-04 … LM-75 before)
    titler: Mapping[str, str] = field(default_factory=dict)  # code → official title, for naming a few codes
    virksomhet_slettet: bool = False
    virksomhet_konkurs: bool = False
    virksomhet_under_avvikling: bool = False
    registeret_sier_bht: bool = False  # Enhetsregisteret's næringskode says bedriftshelsetjeneste

    @property
    def kontekst(self) -> skjema.Kontekst:
        return skjema.Kontekst(self.spesialitet, self.virksomhetstype, self.er_kommune, self.registeret_sier_bht)

    @property
    def dekket(self) -> frozenset[str]:
        """Every code some arena covers."""
        return frozenset().union(*(a.koder for a in self.arenaer))


def soknad_data(soknad: "Soknad", arenaer: Iterable["Laeringsarena"], katalog: "Katalog") -> SoknadData:
    """The rules' input for a stored application (`Soknad`), its arenas (in order) and the catalogue in force."""
    virksomhet = soknad.virksomhet
    return SoknadData(
        spesialitet=soknad.spesialitet,
        virksomhetstype=soknad.virksomhetstype,
        er_kommune=virksomhet.er_kommune,
        felt={name: getattr(soknad, name) for name in skjema.SOKNAD_FELT},
        arenaer=tuple(
            ArenaData(
                nummer=nummer,
                type=a.type,
                plassering=a.plassering,
                annen_virksomhet=a.annen_virksomhet,
                koder=frozenset(a.laeringsmal_koder or ()),
                feil=tuple(a.laeringsmal_feil or ()),
                avtale_veiledning_supervisjon=a.avtale_veiledning_supervisjon,
                institusjon=tuple((navn, getattr(a, navn)) for navn in skjema.INSTITUSJONSSPORSMAL),
            )
            for nummer, a in enumerate(arenaer, start=1)
        ),
        spesialitet_koder=tuple(katalog.gruppe(soknad.spesialitet)),
        fkm_koder=tuple(katalog.gruppe(katalog.felles())),
        titler=katalog.titler,
        virksomhet_slettet=virksomhet.slettet,
        virksomhet_konkurs=virksomhet.konkurs,
        virksomhet_under_avvikling=virksomhet.under_avvikling,
        registeret_sier_bht=registeret_sier_bht(virksomhet.brreg_data),
    )
