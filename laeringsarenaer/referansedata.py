"""The LM catalogue as reference data, loaded by `manage.py last_referansedata` (see brreg/referansedata.py)."""

import datetime as dt

from brreg.referansedata import Datasett

from .katalog import KATALOG_CSV, load_catalogue
from .models import Laeringsmal

DATASETT = [
    Datasett(
        navn="laeringsmal",
        # The date of this compilation: every list official, from spesialistforskriften vedlegg 2 (data/offisielt/,
        # data/README.md). Its sources are older; a newer date makes every database load it once.
        versjon=dt.date(2026, 12, 4),
        fil=KATALOG_CSV,
        sjekksum="8a70dd09d1cdd7ed67e63c577134c5d04bec2bac5d3e9c0b1d0a25912eb1af22",
        last=lambda: load_catalogue(Laeringsmal),
    ),
]
