"""The one judgement of a stored application: what stops submission, what a caseworker would notice, what the
arenas cover. Asked by «Se over», the PDF and `services.mangler_refresh` (the admin and the ALIS view read what
that stored)."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import translation

from drift.minne import MINNE
from laeringsmal.lmtekst import Dekning, Katalog
from laeringsmal.tolking import dekning_for

from .. import completeness, seksjoner
from . import mangler
from .grunnlag import soknad_data
from .regel import Mangel

if TYPE_CHECKING:
    from django.db import models

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


def vurder_husket(*, soknad: "Soknad", arenaer: Iterable["Laeringsarena"], katalog: Katalog) -> Vurdering:
    """The same judgement for a page that only shows it («Se over», the status page), kept in this process under a
    key of everything it reads: every stored field of the application, its organisation and each arena (in order),
    the catalogue's content and the language. A change to any of them is a new key, so a kept judgement is never
    stale; an unchanged application viewed again is not judged again. The result is shared: read it, never change
    it (a service that stores findings calls `vurder`)."""
    arenaer = list(arenaer)
    vurdering: Vurdering = MINNE.hent_lokalt(
        _nokkel(soknad, arenaer, katalog),
        lambda: vurder(soknad=soknad, arenaer=arenaer, katalog=katalog),
        storrelse=lambda v: 2_000 + 500 * len(arenaer) + 300 * len(v.mangler),
    )
    return vurdering


def _nokkel(soknad: "Soknad", arenaer: list["Laeringsarena"], katalog: Katalog) -> str:
    def felt(obj: "models.Model") -> list[object]:
        return [getattr(obj, f.attname) for f in obj._meta.concrete_fields]

    innhold = repr(
        (felt(soknad), felt(soknad.virksomhet), [felt(a) for a in arenaer], katalog.avtrykk, translation.get_language())
    )
    return "vurdering:" + hashlib.blake2b(innhold.encode(), digest_size=20).hexdigest()
