"""A caseworker's finding as a declared rule, and the finding it gives (`Mangel`: code + params, worded when read).

A rule says which `Mangelkode` it gives, how serious it is, which part of the application it concerns, what it
reads, and the sentence of the guide, the guidance or the regulation it rests on (`Kilde`). `finn(data)` gives its
findings for an `SoknadData`; `tekst(params)` words one of them in the active language. A finding keeps only
its code and params, so it is stored once and read in whichever language the reader uses.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..choices import Alvorlighet, Mangelkode, Seksjon
from .grunnlag import ArenaData, SoknadData
from .kilder import Kilde

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class Mangel:
    """One finding: which rule (`kode`), how serious, where, and the values its text is worded from."""

    kode: str
    alvorlighet: str
    seksjon: str
    params: Mapping[str, Any] = field(default_factory=dict)
    arena_nummer: int | None = None
    # what the finding is about, as a digest of its code, params and the values its rule read (`mangler.finn`):
    # a caseworker's assessment of it holds while this stays the same
    fingeravtrykk: str = field(default="", compare=False)

    @property
    def label(self) -> "StrPromise":
        return Mangelkode(self.kode).label

    @property
    def tekst(self) -> str:
        """The finding in words, in the active language."""
        from .mangler import tekst

        return tekst(self.kode, self.params)


class Regel:
    """One finding a caseworker would make. Subclasses declare the attributes and `finn`/`tekst`."""

    kode: Mangelkode
    alvorlighet: ClassVar[str] = Alvorlighet.MANGEL
    seksjon: ClassVar[str]
    leser: tuple[str, ...]  # the SoknadData it reads (`felt.x`: a field; `arenaer.x`: each arena's x)
    kilde: ClassVar[Kilde]

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        raise NotImplementedError

    def tekst(self, params: Mapping[str, Any]) -> str:
        raise NotImplementedError

    def mangel(self, *, arena: int | None = None, alvorlighet: str | None = None, **params: Any) -> Mangel:
        return Mangel(self.kode, alvorlighet or self.alvorlighet, self.seksjon, params, arena)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.kode}>"


class ArenaRegel(Regel):
    """A rule about each arena on its own: its findings name the arena (`nr`, as the user numbers them)."""

    seksjon = Seksjon.LAERINGSARENAER

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        for arena in data.arenaer:
            params = self.hit(arena)
            if params is not None:
                yield self.mangel(arena=arena.nummer, nr=arena.nummer, **params)

    def hit(self, arena: ArenaData) -> dict[str, Any] | None:
        """The params of this arena's finding, or None when the arena gives none."""
        raise NotImplementedError


class DekningsRegel(Regel):
    """A rule about what the arenas cover together: silent when there is no arena (INGEN_ARENA says it)."""

    seksjon = Seksjon.LAERINGSARENAER

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        if data.arenaer:
            yield from self.finn_dekning(data, data.dekket)

    def finn_dekning(self, data: SoknadData, dekket: frozenset[str]) -> Iterator[Mangel]:
        raise NotImplementedError
