"""The catalogue: which codes exist on a date, with titles and sections."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Iterator, Mapping

from .koder import GRUPPER, _del_kode, kanonisk_kode

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

    __slots__ = ("_nummer", "_koder", "_alle", "_rang", "titler", "seksjoner", "_per_seksjon", "_avtrykk")

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
        self._avtrykk: str | None = None

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

    @property
    def avtrykk(self) -> str:
        """A hash of everything the catalogue holds (codes, titles, sections), computed once: two catalogues with
        the same content have the same one, so it can stand in a key for what was judged against it."""
        if self._avtrykk is None:
            innhold = repr((tuple(self), sorted(self.titler.items()), sorted(self.seksjoner.items())))
            self._avtrykk = hashlib.blake2b(innhold.encode(), digest_size=16).hexdigest()
        return self._avtrykk

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
