"""Reading the learning-objective catalogue as it stood on a given day."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from . import katalog
from .lmtekst import Katalog
from .models import Laeringsmal


def laeringsmal_in_force(dato: dt.date | None = None, grupper=None) -> QuerySet[Laeringsmal]:
    return katalog.in_force(Laeringsmal, dato or timezone.localdate(), grupper).order_by("gruppe", "kode")


def katalog_for(dato: dt.date | None = None) -> Katalog:
    """The catalogue in force on a day (today if none), with titles and sections: one query."""
    rows = list(laeringsmal_in_force(dato).values_list("kode", "tittel", "seksjon"))
    return Katalog(
        (kode for kode, _, _ in rows),
        titler={kode: tittel for kode, tittel, _ in rows},
        seksjoner={kode: seksjon for kode, _, seksjon in rows},
    )
