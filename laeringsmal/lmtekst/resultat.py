"""What a reading gives: the codes, the errors (with the user's own words) and the remarks."""

from __future__ import annotations

from dataclasses import dataclass

# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Feil:
    """A problem found while reading an LM text.

    ``tekst`` is the exact piece of the user's text concerned (a substring of
    the input); ``melding`` is a Norwegian message that quotes it.
    """

    tekst: str
    melding: str


@dataclass(frozen=True)
class Tolkning:
    """The outcome of :func:`tolk`: codes in canonical order and the problems found.

    ``delvis`` are the codes the text says can be reached only in part ("ALM 55 (delvis)"); they are in ``koder``
    too (the guide accepts them for coverage). ``merknader`` say what was read that is not a plain code: a section
    ("21.4 Kommunikasjon og samhandling: ALM-042…055"), a partial objective, a comment kept as such.
    """

    koder: tuple[str, ...]
    feil: tuple[Feil, ...]
    delvis: tuple[str, ...] = ()
    merknader: tuple[Feil, ...] = ()
