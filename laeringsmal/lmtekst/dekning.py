"""Coverage: which relevant objectives the arenas cover, and a matrix LM × arena."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from .koder import sorter

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
        hit = koder & relevant_mengde
        dekket_mengde |= hit
        for kode in hit:
            rader[kode][indeks] = True
    return Dekning(
        per_arena=per_arena,
        udekket=tuple(k for k in relevante_sortert if k not in dekket_mengde),
        dekket=tuple(k for k in relevante_sortert if k in dekket_mengde),
        matrise=[(kode, tuple(rader[kode])) for kode in relevante_sortert],
    )
