"""Computed data kept up to date: each arena's LM text read against the catalogue, and the stored mangler.

Nothing here is typed by anyone; it is recomputed after every write that changes what it is made from."""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation

from brreg.models import Virksomhet
from laeringsmal.katalog import Katalog
from laeringsmal.tolking import katalog_for_soknad, tolk_laeringsmal

from .. import kotall, listecache
from ..choices import Status
from ..models import (
    Laeringsarena,
    Mangel,
    Soknad,
)
from ..regler import mangler as mangelregler
from ..regler.vurdering import vurder


def arenaer_tolk(arenaer: list[Laeringsarena], spesialitet: str, katalog: Katalog) -> dict[int, dict[str, list[Any]]]:
    """Each arena's LM text read against the catalogue: arena pk -> the fields stored next to the text."""
    return {
        arena.pk: tolk_laeringsmal(tekst=arena.laeringsmal, spesialitet=spesialitet, katalog=katalog).felter
        for arena in arenaer
    }


def laeringsmal_store(arenaer: list[Laeringsarena], tolket: Mapping[int, Mapping[str, Any]]) -> None:
    for arena in arenaer:
        for name, value in tolket[arena.pk].items():
            setattr(arena, name, value)
    Laeringsarena.objects.bulk_update(arenaer, ["laeringsmal_koder", "laeringsmal_feil", "laeringsmal_delvis"])


def laeringsmal_reread(*, soknad: Soknad, arenaer: list[Laeringsarena]) -> None:
    """Read every arena's text again against the catalogue valid on the søknadsdato (today for a draft): after a
    new catalogue is loaded (`oppdater_mangler`)."""
    laeringsmal_store(arenaer, arenaer_tolk(arenaer, soknad.spesialitet, katalog_for_soknad(soknad.soknadsdato)))


def mangler_refresh(
    *, soknad: Soknad, arenaer: list[Laeringsarena] | None = None, mangler: list[mangelregler.Mangel] | None = None
) -> list[mangelregler.Mangel]:
    """Store the findings of an application (they are computed, never typed): `mangler` when the caller has just
    judged it, otherwise judged now (`regler.vurdering.vurder`). Each is kept as its rule's code and params, worded
    in the reader's language when shown; its bokmål wording is kept beside it as the directorate's record (the
    export) and for code that reads only that."""
    if mangler is None:
        if arenaer is None:
            arenaer = list(Laeringsarena.objects.filter(soknad=soknad).order_by("pk"))
        katalog = katalog_for_soknad(soknad.soknadsdato)
        mangler = vurder(soknad=soknad, arenaer=arenaer, katalog=katalog).mangler
    with translation.override(settings.LANGUAGE_CODE):
        rader = [
            Mangel(
                soknad=soknad,
                kode=m.kode,
                alvorlighet=m.alvorlighet,
                params=dict(m.params),
                melding=m.tekst,
                seksjon=m.seksjon,
                arena_nummer=m.arena_nummer,
                fingeravtrykk=m.fingeravtrykk,
            )
            for m in mangler
        ]
    with transaction.atomic():
        Mangel.objects.filter(soknad=soknad).delete()
        Mangel.objects.bulk_create(rader)
    listecache.endret()  # the list shows each case's findings (drafts are in it too)
    if soknad.status != Status.UTKAST:  # the queue's tab «Klar for vedtak» counts cases without findings
        kotall.endret()
    return mangler


def mangler_refresh_for_virksomhet(virksomhet: Virksomhet) -> None:
    for soknad in Soknad.objects.filter(virksomhet=virksomhet).select_related("virksomhet"):
        mangler_refresh(soknad=soknad)
