"""Reading the learning-objective catalogue as it stood on a given day."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from drift.cacheversion import CacheVersion
from drift.minne import MINNE

from . import katalog
from .lmtekst import Katalog
from .models import Laeringsmal


def laeringsmal_in_force(dato: dt.date | None = None, grupper=None) -> QuerySet[Laeringsmal]:
    return katalog.in_force(Laeringsmal, dato or timezone.localdate(), grupper).order_by("gruppe", "kode")


# The catalogue's version: every change to a læringsmål replaces it (connected in apps.py).
KATALOG = CacheVersion("laeringsmal")


def katalog_for(dato: dt.date | None = None, *, versjon: str | None = None) -> Katalog:
    """The catalogue in force on a day (today if none), with titles and sections. Each page that reads an
    application reads it (its ~400 objectives, and the lookup tables built from them): a process keeps each day's
    catalogue under the catalogue's version, so a page pays one small read for it (`versjon`: a version the caller
    read, see `katalog_for_oppslag`)."""
    dato = dato or timezone.localdate()
    return MINNE.hent_lokalt(
        f"laeringsmal:{versjon or KATALOG.current()}:{dato}",  # a date, or its ISO text (a factory's value)
        lambda: _katalog(dato),
        storrelse=lambda k: 300 * len(k),  # a code, its title and section, and its places in the lookup tables
    )


# How late a page's live reading may see a newly loaded catalogue (its version read at most this often per process).
# Saving reads the text again against the current catalogue, so what is stored never depends on this.
OPPSLAG_KATALOG_SEKUNDER = 30


def katalog_for_oppslag(dato: dt.date | None = None) -> Katalog:
    """`katalog_for` without a query for the live reading (drift/oppslag.py): the catalogue's version as this process
    read it within OPPSLAG_KATALOG_SEKUNDER."""
    return katalog_for(dato, versjon=KATALOG.current_innen(OPPSLAG_KATALOG_SEKUNDER))


def katalog_lastet() -> dt.date | None:
    """The version (date) of the official lists the catalogue was loaded from (`Referansedata`), kept per process
    under the catalogue's version (the loader's record is saved in the same transaction as the objectives)."""
    from brreg.models import Referansedata

    return MINNE.hent_lokalt(
        f"laeringsmal-lastet:{KATALOG.current()}",
        lambda: Referansedata.objects.filter(navn="laeringsmal").values_list("versjon", flat=True).first(),
        storrelse=lambda _v: 100,
    )


def katalog_endret(**_kwargs) -> None:
    """Receiver of post_save and post_delete of Laeringsmal and Referansedata: a new version now (the loading
    transaction's own reads see the change) and again at its commit (whatever others read before the commit is not
    used after it)."""
    KATALOG.bump()
    KATALOG.bump_on_commit()


def _katalog(dato: dt.date) -> Katalog:
    rows = list(laeringsmal_in_force(dato).values_list("kode", "tittel", "seksjon"))
    return Katalog(
        (kode for kode, _, _ in rows),
        titler={kode: tittel for kode, tittel, _ in rows},
        seksjoner={kode: seksjon for kode, _, seksjon in rows},
    )
