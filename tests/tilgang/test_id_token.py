"""What the ID token must hold, checked against a real OpenID Connect provider on 127.0.0.1: the level of
assurance we asked for (a token without `acr` is refused), and one audience, or several only with `azp` = us
(OIDC Core 3.1.3.7)."""

import uuid

import pytest
from django.urls import reverse

from tests.tilgang.oidc_provider import login
from tilgang.models import Hendelse, Person

pytestmark = pytest.mark.django_db

PID = "24079410876"
ACR = "idporten-loa-substantial"


def person(provider, **claims):
    sub = f"person-{uuid.uuid4().hex[:8]}"
    provider.set_user(sub, {"pid": PID, "name": "Kari Nordmann", **claims})
    return sub


def logged_in(client) -> bool:
    return client.get(reverse("soknader:mine")).status_code == 200


def refused(client, response) -> bool:
    return response.status_code in (400, 403) and "Innloggingen ble avvist" in response.content.decode()


def test_a_token_without_acr_is_refused_when_we_asked_for_a_level(client, idporten):
    response = login(client, person(idporten))
    assert refused(client, response) and not logged_in(client) and not Person.objects.exists()
    assert Hendelse.objects.filter(hendelse="innlogging_feilet").exists()


def test_the_level_asked_for_or_a_higher_one_is_accepted(client, idporten, fake_altinn):
    assert login(client, person(idporten, acr=ACR)).status_code == 302 and logged_in(client)
    client.post(reverse("logout"))
    assert login(client, person(idporten, acr="idporten-loa-high")).status_code == 302 and logged_in(client)


def test_several_audiences_without_azp_are_refused(client, idporten):
    response = login(client, person(idporten, acr=ACR, aud=["asa-idporten", "en-annen-klient"]))
    assert refused(client, response) and not logged_in(client) and not Person.objects.exists()
    assert "azp" in Hendelse.objects.get(hendelse="innlogging_feilet").detalj


def test_several_audiences_with_another_client_as_azp_are_refused(client, idporten):
    claims = {"acr": ACR, "aud": ["asa-idporten", "en-annen-klient"], "azp": "en-annen-klient"}
    response = login(client, person(idporten, **claims))
    assert refused(client, response) and not logged_in(client)


def test_several_audiences_with_us_as_azp_are_accepted(client, idporten, fake_altinn):
    claims = {"acr": ACR, "aud": ["asa-idporten", "en-annen-klient"], "azp": "asa-idporten"}
    assert login(client, person(idporten, **claims)).status_code == 302 and logged_in(client)


def test_a_token_for_another_client_only_is_refused(client, idporten):
    response = login(client, person(idporten, acr=ACR, aud=["en-annen-klient"]))
    assert refused(client, response) and not logged_in(client)


@pytest.mark.parametrize("provider_name", ["idporten", "ansatt"])
def test_control_characters_in_the_names_are_taken_out_not_a_500(client, idporten, ansatt_login, provider_name):
    """A NUL cannot be stored in PostgreSQL (it was a 500 there); a right-to-left override would turn the name."""
    from django.contrib.auth import get_user_model

    sub = f"person-{uuid.uuid4().hex[:8]}"
    claims = {"given_name": "Ka\x00ri", "family_name": "Nord\u202emann\n", "email": "kari\x00@helsedir.example"}
    if provider_name == "idporten":
        claims |= {"pid": PID, "acr": ACR}
    else:
        claims |= {"groups": ["asa-saksbehandlere"]}
    idporten.set_user(sub, claims)
    response = login(client, sub, provider=provider_name)
    assert response.status_code == 302, response.content.decode()[:500]
    user = get_user_model().objects.get(person__isnull=False)
    for value in (user.first_name, user.last_name, user.email):
        assert not any(c in value for c in "\x00\u202e\n")


def test_an_idporten_code_sent_to_the_staff_callback_is_refused_as_such(client, idporten, ansatt_login):
    """The provider answers (it refuses the code: another client's), so the audit row must not say it is down."""
    from urllib.parse import parse_qs, urlsplit

    from tests.tilgang.oidc_provider import provider_step

    redirect = client.get("/logg-inn/idporten/")
    back = urlsplit(provider_step(redirect["Location"], person(idporten, acr=ACR)))
    response = client.get("/logg-inn/ansatt/svar/", parse_qs(back.query))
    assert refused(client, response) and "svarer ikke" not in response.content.decode()
    detalj = Hendelse.objects.get(hendelse="innlogging_feilet").detalj
    assert detalj == "innloggingstjenesten avviste koden: invalid_grant (HTTP 400)"
    assert not logged_in(client)
