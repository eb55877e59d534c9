"""Drafts are not kept for ever (issue 23, docs/personvern.md): a draft never submitted and untouched for a year gets
a warning mail, and a month later it is deleted with its arenas and attachments, unless someone saved it."""

import datetime as dt

import pytest
from django.utils import timezone

from epost.models import Epost
from soknader import personvern
from soknader.models import Laeringsarena, Melding, Soknad, Vedlegg
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, UserFactory
from tilgang.jobs import audit_retention
from tilgang.models import Hendelse

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _age(soknad: Soknad, days: int) -> None:
    """The draft and its arenas last saved `days` ago (update(): auto_now is not touched)."""
    when = NOW - dt.timedelta(days=days)
    Soknad.objects.filter(pk=soknad.pk).update(endret=when)
    Laeringsarena.objects.filter(soknad=soknad).update(endret=when)


def _draft_with_files() -> Soknad:
    soknad = KomplettSoknadFactory(opprettet_av=UserFactory(email="starter@example.no"))
    LaeringsarenaFactory(soknad=soknad)
    melding = Melding.objects.create(soknad=soknad, fra=Melding.Fra.SOKER, tekst="Vedlegg til utkastet")
    Vedlegg.objects.create(melding=melding, filnavn="avtale.pdf", storrelse=5, innhold=b"%PDF-")
    return soknad


def test_an_untouched_draft_is_warned_then_deleted_with_its_arenas_and_attachments(settings):
    settings.PERSONVERN_UTKAST_VARSEL_DAGER = 365
    settings.PERSONVERN_UTKAST_SLETT_DAGER = 30
    old = _draft_with_files()
    recent = KomplettSoknadFactory(spesialitet="SAM")
    _age(old, 366)
    _age(recent, 200)
    submitted = KomplettSoknadFactory(spesialitet="ARB", status="innsendt", soknadsdato=dt.date(2025, 1, 2))
    _age(submitted, 800)

    result = personvern.utkast_expire(now=NOW)
    assert (result.varslet, result.slettet) == (1, 0)
    (mail,) = Epost.objects.all()
    assert mail.mottaker == "kari@bodo.kommune.no" and mail.soknad == old
    slettes = NOW + dt.timedelta(days=30)
    assert mail.emne == f"Utkastet til søknad blir slettet {slettes:%d.%m.%Y}"
    assert "aldri er sendt inn" in mail.tekst and f"/soknader/{old.pk}/" in mail.tekst
    assert personvern.utkast_expire(now=NOW + dt.timedelta(days=1)).varslet == 0  # warned once

    assert personvern.utkast_expire(now=NOW + dt.timedelta(days=29)).slettet == 0  # not yet
    result = personvern.utkast_expire(now=NOW + dt.timedelta(days=30, minutes=1))
    assert result.slettet == 1
    assert not Soknad.objects.filter(pk=old.pk).exists()
    assert not Laeringsarena.objects.filter(soknad_id=old.pk).exists()
    assert not Vedlegg.objects.exists() and not Melding.objects.exists()
    assert not Epost.objects.exists()  # the warning named the contact person: gone with the draft
    assert set(Soknad.objects.values_list("pk", flat=True)) == {recent.pk, submitted.pk}


def test_a_draft_saved_after_the_warning_is_kept_and_the_count_starts_again(settings):
    settings.PERSONVERN_UTKAST_VARSEL_DAGER = 365
    settings.PERSONVERN_UTKAST_SLETT_DAGER = 30
    soknad = _draft_with_files()
    soknad.kontaktperson_epost = ""
    soknad.save()
    _age(soknad, 400)
    assert personvern.utkast_expire(now=NOW).varslet == 1
    assert Epost.objects.get().mottaker == "starter@example.no"  # no contact person yet: whoever started it
    Laeringsarena.objects.filter(soknad=soknad).update(endret=NOW + dt.timedelta(days=3))  # an arena saved
    assert personvern.utkast_expire(now=NOW + dt.timedelta(days=31)).slettet == 0
    assert Soknad.objects.filter(pk=soknad.pk).exists()


def test_the_audit_log_is_kept_for_its_period_then_deleted(settings):
    settings.PERSONVERN_REVISJONSLOGG_DAGER = 100
    old = Hendelse.objects.create(hendelse="innlogging", kilde="passord", brukernavn="kari")
    new = Hendelse.objects.create(hendelse="innlogging", kilde="passord", brukernavn="kari")
    Hendelse.objects.filter(pk=old.pk).update(tidspunkt=NOW - dt.timedelta(days=101))
    Hendelse.objects.filter(pk=new.pk).update(tidspunkt=NOW - dt.timedelta(days=99))
    assert audit_retention().startswith("1 hendelser i revisjonsloggen eldre enn")
    assert list(Hendelse.objects.values_list("pk", flat=True)) == [new.pk]
