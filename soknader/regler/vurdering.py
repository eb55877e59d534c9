"""The one judgement of a stored application: what stops submission, what a caseworker would notice, what the
arenas cover. Asked by «Se over», the PDF and `services.mangler_refresh` (the admin and the ALIS view read what
that stored)."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from laeringsmal.lmtekst import Dekning, Katalog
from laeringsmal.tolking import dekning_for

from .. import completeness, seksjoner
from . import mangler
from .grunnlag import soknad_data
from .regel import Mangel

if TYPE_CHECKING:
    from ..models import Laeringsarena, Soknad


@dataclass(frozen=True)
class Vurdering:
    problemer: dict[str, completeness.Problems]  # per section: what it lacks before it can be submitted
    mangler: list[Mangel]  # what a caseworker would notice (both severities)
    dekning: Dekning[int]  # the specialty's objectives and the FKM × the arenas

    @property
    def kan_sendes(self) -> bool:
        return not any(self.problemer.values())


def vurder(*, soknad: "Soknad", arenaer: Iterable["Laeringsarena"], katalog: Katalog) -> Vurdering:
    """Judge an application (`Soknad`) with its arenas (in order) against the catalogue in force for it."""
    arenaer = list(arenaer)
    return Vurdering(
        problemer=seksjoner.problems(soknad, arenaer),
        mangler=mangler.finn(soknad_data(soknad, arenaer, katalog)),
        dekning=dekning_for(arenaer, soknad.spesialitet, katalog),
    )
