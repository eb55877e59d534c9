"""An application's arenas as a file of their own: the interchange format's `laeringsarenaer`, nothing else.

Cooperating kommuner prepare common content but apply one by one: one exports its arenas, another imports them into
its own draft (after a preview). The keys and their checks are the format's (fields.ARENA, reading.Reader).
"""

import json
from typing import Any

from django.conf import settings
from django.utils.translation import gettext

from .. import grenser
from ..models import Laeringsarena
from .fields import ARENA, Field, record
from .reading import Reader

KEY = "laeringsarenaer"
FIELD = Field(KEY, "list", KEY, fields=ARENA)


def dump(arenaer: list[Laeringsarena]) -> str:
    return json.dumps({KEY: [record(ARENA, a) for a in arenaer]}, ensure_ascii=False, indent=2)


def for_stor() -> str:
    return gettext("Filen er for stor (høyst %(kb)d kB).") % {"kb": settings.ARENAFIL_MAKS_BYTES // 1024}


def read(data: bytes) -> tuple[list[dict[str, Any]], list[str]]:
    """The arenas of a file (model attribute -> value per arena), and what is wrong with it, in Norwegian."""
    if len(data) > settings.ARENAFIL_MAKS_BYTES:
        return [], [for_stor()]
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return [], [gettext("Filen er ikke en JSON-fil med læringsarenaer (lagret fra «Last ned læringsarenaene»).")]
    except RecursionError:  # Python's JSON reader gives up on lists and objects nested about a thousand deep
        return [], [
            gettext(
                "Filen har lister eller objekter inni hverandre i for mange nivåer til at den kan leses. En fil med "
                "læringsarenaer har høyst tre nivåer."
            )
        ]
    if not isinstance(parsed, dict) or not isinstance(parsed.get(KEY), list):
        return [], [gettext("Filen mangler listen «%(nokkel)s».") % {"nokkel": KEY}]
    if melding := grenser.arenaer_for_mange(nye=len(parsed[KEY]), fra_fil=True):  # before reading any of them
        return [], [melding]
    errors: list[str] = []
    rows = Reader(1, errors).read_list(parsed[KEY], KEY, FIELD)
    errors = [e.removeprefix("Post 1, ") for e in errors]
    if not rows and not errors:
        errors.append(gettext("Filen har ingen læringsarenaer."))
    return rows, errors
