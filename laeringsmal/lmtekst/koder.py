"""The code groups and canonical codes (ALM-055, LM-04), their order, and the message shims."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The three specialties an application can be for.
SPESIALITETER: tuple[str, ...] = ("ALM", "SAM", "ARB")
#: All code groups in canonical order: the specialties, then the common objectives: FKM-001 … FKM-014 from
#: 2026-03-01, and before that the old del 2–3 objectives, written LM-04 … LM-75 as the regulation did.
GRUPPER: tuple[str, ...] = (*SPESIALITETER, "FKM", "LM")
#: The common objectives' groups: a catalogue for one date holds one of them.
FELLES: tuple[str, ...] = ("FKM", "LM")


def gettext(tekst: str) -> str:
    """The message in the active language when Django is set up; the bokmål source text otherwise."""
    try:
        from django.conf import settings
    except ImportError:  # pragma: no cover - Django is always installed with the application
        return tekst
    if not settings.configured:
        return tekst
    from django.utils.translation import gettext as django_gettext

    return django_gettext(tekst)


def gettext_noop(tekst: str) -> str:
    """Marks a text for the catalogue; it is translated where it is used."""
    return tekst


class _Oversatt(dict):
    """A dict of texts that come out in the active language."""

    def __getitem__(self, key: str) -> str:
        return gettext(super().__getitem__(key))


#: Norwegian names of the groups, used in messages (in the active language when read).
GRUPPENAVN: dict[str, str] = _Oversatt(
    {
        "ALM": gettext_noop("allmennmedisin"),
        "SAM": gettext_noop("samfunnsmedisin"),
        "ARB": gettext_noop("arbeidsmedisin"),
        "FKM": gettext_noop("felles kompetansemål"),
        "LM": gettext_noop("felles kompetansemål (til 28.02.2026)"),
    }
)
_GRUPPERANG = {g: i for i, g in enumerate(GRUPPER)}

# Largest number we bother to convert exactly; longer digit strings (which can
# never be in a catalogue) are clamped so ``int()`` never meets Python's
# digit limit.
_MAKS_NUMMER = 10**12

_KODE_RE = re.compile(r"(ALM|SAM|ARB|FKM|LM)-([0-9]{1,12})")


def kanonisk_kode(gruppe: str, nummer: int) -> str:
    """Return the canonical code for a group and number: three digits (``ALM-055``, ``FKM-003``), two for the old
    common objectives (``LM-04``).

    Spesialistforskriften vedlegg 2 writes every code so (``FKM-001`` in FOR-2025-01-24-114, ``LM-04`` in the old
    chapter A); users write ``FKM 1``, ``FKM-01`` or ``FKM-001``, ``LM 4`` or ``LM4``, all read as the same code.
    """
    return f"{gruppe}-{nummer:02d}" if gruppe == "LM" else f"{gruppe}-{nummer:03d}"


def _del_kode(kode: str) -> tuple[str, int]:
    """Split a canonical code into (group, number); raise ValueError if malformed."""
    m = _KODE_RE.fullmatch(kode)
    if m is None:
        raise ValueError(f"Ugyldig læringsmålkode: {kode!r}")
    return m.group(1), int(m.group(2))


def _sorteringsnokkel(kode: str) -> tuple[int, int, str]:
    m = _KODE_RE.fullmatch(kode)
    if m is None:
        return (len(GRUPPER), 0, kode)
    return (_GRUPPERANG[m.group(1)], int(m.group(2)), kode)


def sorter(koder: Iterable[str]) -> list[str]:
    """Return the codes in canonical order: ALM, SAM, ARB, then FKM, each by number.

    Duplicates are kept; strings that are not canonical codes go last, sorted
    as strings.
    """
    return sorted(koder, key=_sorteringsnokkel)
