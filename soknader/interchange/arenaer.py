"""An application's arenas as a file of their own: the interchange format's `laeringsarenaer`, nothing else.

Cooperating kommuner prepare common content but apply one by one: one exports its arenas, another imports them into
its own draft (after a preview). The keys and their checks are the format's (fields.ARENA, reading.Reader).
"""

import json
from typing import Any

from django.utils.translation import gettext

from ..models import Laeringsarena
from .fields import ARENA, Field, record
from .reading import Reader

KEY = "laeringsarenaer"
FIELD = Field(KEY, "list", KEY, fields=ARENA)
MAKS_BYTES = 1024 * 1024


def dump(arenaer: list[Laeringsarena]) -> str:
    return json.dumps({KEY: [record(ARENA, a) for a in arenaer]}, ensure_ascii=False, indent=2)


def read(data: bytes) -> tuple[list[dict[str, Any]], list[str]]:
    """The arenas of a file (model attribute -> value per arena), and what is wrong with it, in Norwegian."""
    if len(data) > MAKS_BYTES:
        return [], [gettext("Filen er for stor (høyst %(kb)d kB).") % {"kb": MAKS_BYTES // 1024}]
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return [], [gettext("Filen er ikke en JSON-fil med læringsarenaer (lagret fra «Last ned læringsarenaene»).")]
    if not isinstance(parsed, dict) or not isinstance(parsed.get(KEY), list):
        return [], [gettext("Filen mangler listen «%(nokkel)s».") % {"nokkel": KEY}]
    errors: list[str] = []
    rows = Reader(1, errors).read_list(parsed[KEY], KEY, FIELD)
    errors = [e.removeprefix("Post 1, ") for e in errors]
    if not rows and not errors:
        errors.append(gettext("Filen har ingen læringsarenaer."))
    return rows, errors
