"""Anonymous requests to the login cannot write without limit: the provider's error answer reaches the audit log
only as a known OAuth error code, and login starts (a session each) and failed answers (an audit row each) are
limited per client address."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from tilgang.models import Hendelse

pytestmark = pytest.mark.django_db

SVAR = "/logg-inn/idporten/svar/"


def test_free_text_in_the_error_is_not_copied_into_the_audit_log(client, idporten):
    tekst = "Hei Viktig melding https://svindel.example"
    response = client.get(SVAR, {"error": tekst, "state": "x"})
    assert response.status_code == 400 and "Innloggingen mislyktes" in response.content.decode()
    rad = Hendelse.objects.get(hendelse="innlogging_feilet")
    assert rad.detalj == "avbrutt: ukjent"
    assert not Hendelse.objects.filter(detalj__contains="svindel").exists()


def test_a_known_error_code_is_kept(client, idporten):
    client.get(SVAR, {"error": "login_required", "state": "x"})
    assert Hendelse.objects.get(hendelse="innlogging_feilet").detalj == "avbrutt: login_required"


def test_an_error_answer_without_a_login_makes_no_session(idporten):
    Client().get(SVAR, {"error": "access_denied", "state": "x"})
    assert not Session.objects.exists()


def test_failed_answers_are_limited_per_address(idporten, settings):
    settings.INNLOGGING_FEIL_RATE_LIMIT = 5
    svar = [Client(REMOTE_ADDR="203.0.113.9").get(SVAR, {"error": "x" * 40, "state": "x"}) for _ in range(12)]
    assert [r.status_code for r in svar] == [400] * 5 + [429] * 7
    assert "For mange innloggingsforsøk" in svar[-1].content.decode()
    assert Hendelse.objects.count() == 5
    # someone at another address is not stopped by it
    assert Client(REMOTE_ADDR="198.51.100.1").get(SVAR, {"error": "access_denied"}).status_code == 200
    assert Hendelse.objects.count() == 6


def test_login_starts_are_limited_per_address_and_make_no_session_over_the_limit(idporten, settings):
    settings.INNLOGGING_START_RATE_LIMIT = 5
    svar = [Client(REMOTE_ADDR="203.0.113.9").get("/logg-inn/idporten/") for _ in range(12)]
    assert [r.status_code for r in svar] == [302] * 5 + [429] * 7
    assert Session.objects.count() == 5
    assert Client(REMOTE_ADDR="198.51.100.1").get("/logg-inn/idporten/").status_code == 302


def test_a_logged_in_caseworkers_roles_check_is_not_counted(client, ansatt_login, settings):
    from tests.soknader.factories import UserFactory

    settings.INNLOGGING_START_RATE_LIMIT = 2
    client.force_login(UserFactory(is_staff=True))
    assert [client.get("/logg-inn/ansatt/").status_code for _ in range(5)] == [302] * 5
