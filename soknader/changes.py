"""What an application looked like when submitted, and what changed between two submissions; the fingerprint that
tells a save whether the stored data changed since the form was shown."""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from . import skjema
from .models import Laeringsarena, Soknad


def fingerprint(values: Mapping[str, Any]) -> str:
    """A short hash of what was stored when a form was shown; a different hash on save means a conflict."""
    data = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()[:20]


def snapshot(soknad: Soknad, arenaer: list[Laeringsarena]) -> dict[str, Any]:
    """A JSON-able picture of the søker's answers (fields and arenas, arenas keyed by id)."""
    return {
        "felt": {name: getattr(soknad, name) for name in skjema.SOKNAD_FELT},
        "arenaer": [
            {"id": a.pk, "navn": str(a), **{name: getattr(a, name) for name in skjema.ARENA_FELT}} for a in arenaer
        ],
    }


@dataclass(frozen=True)
class FieldChange:
    label: "str | Promise"
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


def _field_changes(before: Mapping, after: Mapping, names) -> list[FieldChange]:
    return [
        FieldChange(
            skjema.etikett(name),
            before.get(name),
            after.get(name),
            skjema.vis_verdi(name, before.get(name)),
            skjema.vis_verdi(name, after.get(name)),
        )
        for name in names
        if before.get(name) != after.get(name)
    ]


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> Changes:
    """Fields, and arenas added, removed or changed, from one snapshot to the next."""
    old_arenas = {a["id"]: a for a in before.get("arenaer", [])}
    new_arenas = {a["id"]: a for a in after.get("arenaer", [])}
    return Changes(
        felt=_field_changes(before.get("felt", {}), after.get("felt", {}), skjema.SOKNAD_FELT),
        arenaer_lagt_til=[a["navn"] for key, a in new_arenas.items() if key not in old_arenas],
        arenaer_fjernet=[a["navn"] for key, a in old_arenas.items() if key not in new_arenas],
        arenaer_endret=[
            (a["navn"], changes)
            for key, a in new_arenas.items()
            if key in old_arenas and (changes := _field_changes(old_arenas[key], a, skjema.ARENA_FELT))
        ],
    )
