"""Forvaltningsloven § 11a (issue 21): the case's age, a warning before a month has passed without an answer (a
service, a daily command, a tab of the queue, a line on the case), and the foreløpig svar as a letter."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from soknader.choices import Status
from soknader.models import Soknad
from soknader.services import frister
from tests.soknader.factories import saksbehandler_bruker
from tests.soknader.test_handlingspanel import i_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def siri():
    user = saksbehandler_bruker(username="siri")
    return user


def _mottatt(soknad, dager_siden):
    Soknad.objects.filter(pk=soknad.pk).update(soknadsdato=timezone.localdate() - dt.timedelta(days=dager_siden))
    return Soknad.objects.get(pk=soknad.pk)


def test_warned_a_week_before_a_month_until_a_foreløpig_svar_is_sent(client, siri):
    gammel = _mottatt(i_status(Status.INNSENDT, siri), 25)
    ny = _mottatt(i_status(Status.INNSENDT, siri), 10)
    venter_pa_soker = _mottatt(i_status(Status.ANMODNING_SENDT, siri), 40)
    assert list(frister.forelopig_svar_skyldes()) == [gammel]
    out = io.StringIO()
    call_command("varsle_forelopig_svar", stdout=out)
    assert gammel.referanse in out.getvalue() and "1 søknader trenger foreløpig svar" in out.getvalue()
    client.force_login(siri)
    assert "Foreløpig svar skyldes (fvl. § 11a) (1)" in client.get("/admin/soknader/soknad/").content.decode()
    page = client.get(f"/admin/soknader/soknad/{gammel.pk}/change/").content.decode()
    assert "Mottatt" in page and "(25 dager siden)" in page and "Fristen er nær eller passert." in page
    assert "Fristen er nær" not in client.get(f"/admin/soknader/soknad/{ny.pk}/change/").content.decode()
    assert venter_pa_soker.pk  # waiting on the applicant: no warning

    forventet = timezone.localdate() + dt.timedelta(days=45)
    client.post(
        reverse("admin:soknader_soknad_handling", args=[gammel.pk, "forelopig_svar"]),
        {"status": "innsendt", "melding": "Vi har fått svært mange søknader.", "forventet": str(forventet)},
    )
    gammel.refresh_from_db()
    assert gammel.forelopig_svar == timezone.localdate() and gammel.status == Status.INNSENDT
    epost = gammel.eposter.latest("pk")
    assert "foreløpig svar" in epost.emne and "svært mange søknader" in epost.tekst
    assert gammel.meldinger.last().tekst.startswith("Foreløpig svar: Vi har fått svært mange søknader.")
    assert gammel.historikk.last().melding.startswith("Foreløpig svar")
    assert list(frister.forelopig_svar_skyldes()) == []
