"""The LM catalogue as reference data, loaded by `manage.py last_referansedata` (see brreg/referansedata.py)."""

import datetime as dt
from io import StringIO

from django.core.management import call_command

from brreg.referansedata import Datasett

from .katalog import KATALOG_CSV, load_catalogue
from .models import Laeringsmal


def _last() -> int:
    """Load the catalogue, then read every stored arena again and recompute every finding against it (the codes a
    stored text stands for change with the catalogue: ALM-089…097 and the FKM placeholders of earlier versions)."""
    antall = load_catalogue(Laeringsmal)
    call_command("oppdater_mangler", stdout=StringIO())
    return antall


DATASETT = [
    Datasett(
        navn="laeringsmal",
        # The date of this compilation: every list official, from spesialistforskriften vedlegg 2 (data/offisielt/,
        # data/README.md). Its sources are older; a newer date makes every database load it once.
        versjon=dt.date(2026, 12, 4),
        fil=KATALOG_CSV,
        sjekksum="8a70dd09d1cdd7ed67e63c577134c5d04bec2bac5d3e9c0b1d0a25912eb1af22",
        last=lambda: _last(),
    ),
]
