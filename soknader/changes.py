"""What an application looked like when submitted, and what changed between two submissions."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from laeringsarenaer.models import Laeringsarena

from .models import Soknad
from .sections import ARENA_FIELDS, SECTION_FIELDS

SOKNAD_FIELDS = tuple(name for fields in SECTION_FIELDS.values() for name in fields)


def snapshot(soknad: Soknad, arenaer: list[Laeringsarena]) -> dict[str, Any]:
    """A JSON-able picture of the søker's answers (fields and arenas, arenas keyed by id)."""
    return {
        "felt": {name: getattr(soknad, name) for name in SOKNAD_FIELDS},
        "arenaer": [{"id": a.pk, "navn": str(a), **{name: getattr(a, name) for name in ARENA_FIELDS}} for a in arenaer],
    }


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: Any
    after: Any
    before_text: str = ""
    after_text: str = ""


@dataclass(frozen=True)
class Changes:
    felt: list[FieldChange]
    arenaer_lagt_til: list[str]
    arenaer_fjernet: list[str]
    arenaer_endret: list[tuple[str, list[FieldChange]]]

    def __bool__(self) -> bool:
        return bool(self.felt or self.arenaer_lagt_til or self.arenaer_fjernet or self.arenaer_endret)


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def _text(model, name: str, value: Any) -> str:
    """A value as a person reads it: Ja/Nei, choice labels, lists joined, (tomt) for nothing."""
    if value is None or value == "" or value == []:
        return "(tomt)"
    if isinstance(value, bool):
        return "Ja" if value else "Nei"
    labels = dict(model._meta.get_field(name).flatchoices)
    if isinstance(value, list):
        return ", ".join(str(labels.get(v, v)) for v in value)
    return str(labels.get(value, value))


def _field_changes(model, before: Mapping, after: Mapping, names) -> list[FieldChange]:
    return [
        FieldChange(_label(model, name), before.get(name), after.get(name),
                    _text(model, name, before.get(name)), _text(model, name, after.get(name)))
        for name in names
        if before.get(name) != after.get(name)
    ]


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> Changes:
    """Fields, and arenas added, removed or changed, from one snapshot to the next."""
    old_arenas = {a["id"]: a for a in before.get("arenaer", [])}
    new_arenas = {a["id"]: a for a in after.get("arenaer", [])}
    return Changes(
        felt=_field_changes(Soknad, before.get("felt", {}), after.get("felt", {}), SOKNAD_FIELDS),
        arenaer_lagt_til=[a["navn"] for key, a in new_arenas.items() if key not in old_arenas],
        arenaer_fjernet=[a["navn"] for key, a in old_arenas.items() if key not in new_arenas],
        arenaer_endret=[
            (a["navn"], changes)
            for key, a in new_arenas.items()
            if key in old_arenas
            and (changes := _field_changes(Laeringsarena, old_arenas[key], a, ARENA_FIELDS))
        ],
    )
