"""The LM catalogue as reference data, loaded by `manage.py last_referansedata` (see brreg/referansedata.py)."""

import datetime as dt

from brreg.referansedata import Datasett

from .katalog import KATALOG_CSV, load_catalogue
from .models import Laeringsmal

DATASETT = [
    Datasett(
        navn="laeringsmal",
        versjon=dt.date(2025, 7, 17),  # the newest source the file rests on (data/README.md: the revised FKM)
        fil=KATALOG_CSV,
        sjekksum="374845462099fb38409051aaf5a9800e85e7d111eee4459857a5bab0c8f4437b",
        last=lambda: load_catalogue(Laeringsmal),
    ),
]
