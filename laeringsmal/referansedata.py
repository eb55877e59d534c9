"""The LM catalogue as reference data, loaded by `manage.py last_referansedata` (see brreg/referansedata.py)."""

import datetime as dt

from brreg.referansedata import Datasett

from .katalog import KATALOG_CSV, load_catalogue
from .models import Laeringsmal

DATASETT = [
    Datasett(
        navn="laeringsmal",
        # The date of this compilation: the official FKM-001…014 (FOR-2025-01-24-114) and the old FKM cut to
        # the 24 del 2–3 objectives (data/README.md). Its sources are older; a newer date makes every database
        # load it once.
        versjon=dt.date(2026, 11, 23),
        fil=KATALOG_CSV,
        sjekksum="b0ef834503edcd9d9f50230f0fbb77a9b1d740680408a27cc821e1280bba8215",
        last=lambda: load_catalogue(Laeringsmal),
    ),
]
