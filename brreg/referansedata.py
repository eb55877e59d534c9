"""Reference data: data sets kept as files in the repository (the kommune register, the LM catalogue), loaded into
the database by `manage.py last_referansedata`, never by a migration.

A data migration runs once per database with whatever loader and file the repository holds that day: a database
migrated next year would get next year's file, and a change to the loader would break the old migration. Here each
data set carries its own version, the date of the data itself. The command loads a data set when the database does
not hold that version yet and records what it loaded (`Referansedata`), so running it again changes nothing.
`make run`, deployment and the test setup (tests/conftest.py) call it.

Each app declares its data sets as `DATASETT` in `<app>/referansedata.py`; the command finds them through the app
registry, as the admin finds admin.py, so brreg imports no other app of ours.

Changing a file: give its `Datasett` a new `versjon` (the data's own date) and the file's `sjekksum`
(`sha256sum FILE`). A test checks that the declared checksum is the file's, so a changed file cannot keep its old
version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from .kommuneregister import KOMMUNEREGISTER_CSV, load_kommuneregister
from .models import Fylke, Helseregion, Kommune, Referansedata


class ReferenceDataError(Exception):
    """The file and its declared version do not agree; the message (Norwegian) says what to do."""


@dataclass(frozen=True)
class Datasett:
    navn: str
    versjon: dt.date  # the data's own date
    fil: Path
    sjekksum: str  # SHA-256 of `fil` for this version
    last: Callable[[], int]  # loads the file with the current models, idempotent; returns the number of rows

    def filens_sjekksum(self) -> str:
        return hashlib.sha256(self.fil.read_bytes()).hexdigest()


def alle_datasett() -> list[Datasett]:
    """Every app's data sets, in the order of INSTALLED_APPS (so the kommune register comes before what uses it)."""
    datasett: list[Datasett] = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "referansedata"):
            datasett += getattr(import_module(f"{config.name}.referansedata"), "DATASETT", [])
    return datasett


def last(datasett: Datasett) -> str:
    """Load one data set unless the database holds this version already; says (in Norwegian) what happened."""
    sjekksum = datasett.filens_sjekksum()
    navn = f"{datasett.navn} {datasett.versjon:%Y-%m-%d}"
    if sjekksum != datasett.sjekksum:
        raise ReferenceDataError(
            f"{datasett.fil.name} er endret, men datasettet {navn} er ikke: sett ny versjon (dataenes dato) og "
            f"sjekksum {sjekksum}."
        )
    lastet = Referansedata.objects.filter(navn=datasett.navn).first()
    if lastet and lastet.versjon == datasett.versjon:
        if lastet.sjekksum != sjekksum:
            raise ReferenceDataError(f"Databasen har en annen fil med samme versjon som {navn}: gi dataene ny versjon.")
        return f"{navn}: uendret ({lastet.rader} rader, lastet {timezone.localtime(lastet.lastet):%Y-%m-%d})"
    if lastet and lastet.versjon > datasett.versjon:
        return f"{navn}: ikke lastet, databasen har en nyere versjon ({lastet.versjon:%Y-%m-%d})"
    with transaction.atomic():
        rader = datasett.last()
        Referansedata.objects.update_or_create(
            navn=datasett.navn, defaults={"versjon": datasett.versjon, "sjekksum": sjekksum, "rader": rader}
        )
    return f"{navn}: lastet {rader} rader" + (f" (erstatter {lastet.versjon:%Y-%m-%d})" if lastet else "")


DATASETT = [
    Datasett(
        navn="kommuneregister",
        versjon=dt.date(2024, 1, 1),  # SSB's kommune and fylke structure in force from 1 January 2024
        fil=KOMMUNEREGISTER_CSV,
        sjekksum="756f635fa40b7d81fc9b0203c46480f642d67e7e3ad809dfd36f2daa6e717434",
        last=lambda: load_kommuneregister(Helseregion, Fylke, Kommune),
    ),
]
