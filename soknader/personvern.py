"""Drafts are not kept for ever (docs/personvern.md): a daily job of the sender process (soknader.jobs).

A draft never submitted and untouched for PERSONVERN_UTKAST_VARSEL_DAGER gets one warning mail (to the contact
person, or else to whoever started it); PERSONVERN_UTKAST_SLETT_DAGER after the warning it is deleted with
everything that hangs on it (arenas, messages and their attachments, findings, history, its mail in the outbox),
unless someone saved it after the warning (then the count starts again).
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from epost.models import Epost
from epost.services import epost_queue

from .choices import Status
from .models import Laeringsarena, Soknad
from .notifications import lenke

logger = logging.getLogger("asa.personvern")


@dataclass
class Result:
    varslet: int = 0
    slettet: int = 0


def _utkast():
    """Drafts never submitted."""
    return Soknad.objects.filter(status=Status.UTKAST, soknadsdato__isnull=True).select_related("virksomhet")


def _touched_since(when) -> Q:
    """The application or one of its arenas saved after `when`: a time, or the name of the application's field."""
    mine, outer = (F(when), OuterRef(when)) if isinstance(when, str) else (when, when)
    arena_saved = Laeringsarena.objects.filter(soknad=OuterRef("pk"), endret__gt=outer)
    return Q(endret__gt=mine) | Q(Exists(arena_saved))


def _recipient(soknad: Soknad) -> str:
    return soknad.kontaktperson_epost or getattr(soknad.opprettet_av, "email", "") or ""


def _warn(soknad: Soknad, now: dt.datetime) -> None:
    slettes = now + dt.timedelta(days=settings.PERSONVERN_UTKAST_SLETT_DAGER)
    mottaker = _recipient(soknad)
    with transaction.atomic():
        Soknad.objects.filter(pk=soknad.pk).update(slettevarsel=now)  # update(): `endret` stays as it was
        if mottaker:
            with translation.override(soknad.sprak):
                emne = gettext("Utkastet til søknad blir slettet %(dato)s") % {"dato": f"{slettes:%d.%m.%Y}"}
                context = {"soknad": soknad, "slettes": slettes, "lenke": lenke(soknad)}
                tekst = render_to_string("soknader/epost/utkast_slettes.txt", context)
            epost_queue(soknad=soknad, mottaker=mottaker, emne=emne, tekst=tekst)


def _delete(soknad: Soknad) -> None:
    with transaction.atomic():
        Epost.objects.filter(soknad=soknad).delete()  # the mail about it names its contact person
        soknad.delete()  # arenas, messages and attachments, findings, history: on_delete=CASCADE
    logger.info("utkast_slettet", extra={"soknad_id": soknad.pk, "virksomhet_id": soknad.virksomhet_id})


def utkast_expire(*, now: dt.datetime | None = None) -> Result:
    """Warn about the drafts untouched past the limit, delete the ones warned long enough ago."""
    now = now or timezone.now()
    result = Result()
    warned_before = now - dt.timedelta(days=settings.PERSONVERN_UTKAST_SLETT_DAGER)
    for soknad in _utkast().filter(slettevarsel__lte=warned_before).exclude(_touched_since("slettevarsel")):
        _delete(soknad)
        result.slettet += 1
    untouched = now - dt.timedelta(days=settings.PERSONVERN_UTKAST_VARSEL_DAGER)
    not_warned = Q(slettevarsel__isnull=True) | Q(_touched_since("slettevarsel"))
    for soknad in _utkast().filter(not_warned).exclude(_touched_since(untouched)).select_related("opprettet_av"):
        _warn(soknad, now)
        result.varslet += 1
    return result
