"""Login through a real OpenID Connect provider on 127.0.0.1 (oidc-provider-mock), the whole flow."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from soknader.models import Regiontilgang
from tests.tilgang.fake_altinn import party
from tests.tilgang.oidc_provider import OidcProvider, TamperingProxy, authorize_params, login, provider_step
from tilgang.models import Hendelse, Person

pytestmark = pytest.mark.django_db

User = get_user_model()
PID = "24079410876"


def new_person(provider, pid=PID, **claims):
    sub = f"person-{uuid.uuid4().hex[:8]}"
    provider.set_user(sub, {"pid": pid, "name": "Kari Nordmann", "acr": "idporten-loa-substantial", **claims})
    return sub


def page(response) -> str:
    return response.content.decode()


def logged_in(client) -> bool:
    return client.get(reverse("soknader:mine")).status_code == 200


def test_the_login_page_says_how_to_log_in(client, idporten, ansatt_login, settings):
    settings.PASSWORD_LOGIN_FOR_APPLICANTS = False
    text = page(client.get(reverse("login") + "?next=/soknader/"))
    assert "Logg inn med ID-porten" in text and "Logg inn med Helsedirektoratets innlogging" in text
    assert "/logg-inn/idporten/?next=%2Fsoknader%2F" in text
    assert "Nødtilgang for administratorer" in text


def test_the_request_to_the_provider_has_state_nonce_pkce_and_acr(client, idporten):
    params = authorize_params(client.get("/logg-inn/idporten/"))
    assert params["response_type"] == "code" and params["client_id"] == "asa-idporten"
    assert params["code_challenge_method"] == "S256" and len(params["code_challenge"]) >= 43
    assert len(params["state"]) >= 32 and len(params["nonce"]) >= 32
    assert params["acr_values"] == "idporten-loa-substantial"
    assert params["redirect_uri"] == "http://testserver/logg-inn/idporten/svar/"


def test_a_new_person_logs_in_and_is_recognised_the_next_time(client, idporten, fake_altinn):
    sub = new_person(idporten)
    fake_altinn.set_parties(PID, [party("972418013", "BODØ KOMMUNE")])
    response = login(client, sub, next_url="/soknader/ny/")
    assert response.status_code == 302 and response["Location"] == "/soknader/ny/"
    user = User.objects.get(person__isnull=False)
    assert (user.first_name, user.last_name) == ("", "")  # a søker's name is in the session only
    assert PID not in user.username and PID not in user.person.ident and len(user.person.ident) == 64
    assert "Bodø" in page(client.get(reverse("soknader:ny")))
    assert "Kari Nordmann" in page(client.get(reverse("soknader:mine")))
    # the fødselsnummer is nowhere in the database
    assert not Hendelse.objects.filter(detalj__contains=PID).exists()
    client.post(reverse("logout"))
    login(client, sub)
    assert User.objects.filter(person__isnull=False).count() == 1 and logged_in(client)
    assert list(Hendelse.objects.filter(hendelse="innlogging").values_list("kilde", flat=True)) == ["idporten"] * 2


def test_a_wrong_state_is_refused(client, idporten):
    sub = new_person(idporten)
    redirect = client.get("/logg-inn/idporten/")
    back = provider_step(redirect["Location"], sub)
    path, query = back.split("?", 1)
    from urllib.parse import parse_qs

    params = {k: v[0] for k, v in parse_qs(query).items()}
    response = client.get(path, {**params, "state": "x" * 32})
    assert response.status_code == 400 and "Innloggingen ble avvist" in page(response)
    assert not logged_in(client)
    assert Hendelse.objects.filter(hendelse="innlogging_feilet", detalj="ukjent state").exists()


def test_a_callback_cannot_be_replayed(client, idporten, fake_altinn):
    sub = new_person(idporten)
    redirect = client.get("/logg-inn/idporten/")
    back = provider_step(redirect["Location"], sub)
    assert client.get(back).status_code == 302
    client.post(reverse("logout"))
    response = client.get(back)
    assert response.status_code == 400 and not logged_in(client)


def test_an_id_token_with_a_broken_signature_is_refused(client, settings, oidc_provider):
    proxy = TamperingProxy(oidc_provider.url, "signature").start()
    try:
        from tests.conftest import _provider_settings

        _provider_settings(settings, "idporten", proxy.url)
        sub = new_person(oidc_provider)
        response = login(client, sub)
    finally:
        proxy.stop()
    assert response.status_code == 400 and "Innloggingen ble avvist" in page(response)
    assert not logged_in(client) and not Person.objects.exists()
    assert "InvalidSignatureError" in Hendelse.objects.get(hendelse="innlogging_feilet").detalj


def test_an_expired_id_token_is_refused(client, settings, oidc_provider):
    short_lived = OidcProvider("--token-max-age", "1").start()
    proxy = TamperingProxy(short_lived.url, "delay", delay=2.2).start()
    try:
        from tests.conftest import _provider_settings

        _provider_settings(settings, "idporten", proxy.url)
        settings.OIDC_LEEWAY = 0
        settings.OIDC_TIMEOUT = 5
        sub = new_person(short_lived)
        response = login(client, sub)
    finally:
        proxy.stop()
        short_lived.stop()
    assert response.status_code == 400 and not logged_in(client)
    assert "ExpiredSignatureError" in Hendelse.objects.get(hendelse="innlogging_feilet").detalj


def test_an_id_token_from_another_issuer_is_refused(client, settings, oidc_provider):
    """The provider answers as itself, but we were told to expect another issuer (e.g. test vs production)."""
    from tests.conftest import _provider_settings

    _provider_settings(settings, "idporten", oidc_provider.url)
    from tilgang import oidc

    config = oidc.provider_config("idporten")
    from django.core.cache import cache

    cache.set(f"oidc-discovery:{oidc_provider.url}", {**config, "issuer": "https://idporten.no"}, 60)
    response = login(client, new_person(oidc_provider))
    assert response.status_code == 400 and not logged_in(client)
    assert "InvalidIssuerError" in Hendelse.objects.get(hendelse="innlogging_feilet").detalj


def test_too_low_a_level_of_assurance_is_refused(client, idporten):
    response = login(client, new_person(idporten, acr="idporten-loa-low"))
    assert response.status_code in (400, 403) and not logged_in(client)


def test_the_provider_down_before_login_gives_a_norwegian_page(client, settings):
    from tests.conftest import _provider_settings
    from tests.tilgang.oidc_provider import free_port

    _provider_settings(settings, "idporten", f"http://127.0.0.1:{free_port()}")
    settings.OIDC_TIMEOUT = 0.5
    response = client.get("/logg-inn/idporten/?next=/soknader/ny/")
    text = page(response)
    assert response.status_code == 503 and "ID-porten svarer ikke" in text
    assert "Ingenting du har lagret er borte" in text
    assert "Prøv å logge inn igjen" in text
    assert Hendelse.objects.filter(hendelse="innlogging_feilet").exists()


def test_the_provider_down_during_login_gives_a_norwegian_page(client, settings):
    provider = OidcProvider().start()
    try:
        from tests.conftest import _provider_settings

        _provider_settings(settings, "idporten", provider.url)
        sub = new_person(provider)
        redirect = client.get("/logg-inn/idporten/")
        back = provider_step(redirect["Location"], sub)
    finally:
        provider.stop()
    response = client.get(back)
    assert response.status_code == 503 and "ID-porten ikke svarte" in page(response)
    assert not logged_in(client)


def test_a_user_who_cancels_at_the_provider_is_told_so(client, idporten):
    response = login(client, "", deny=True)
    assert response.status_code == 200 and "Innloggingen ble avbrutt" in page(response)
    assert "Du er ikke logget inn" in page(response) and not logged_in(client)
    assert Hendelse.objects.get(hendelse="innlogging_feilet").detalj == "avbrutt: access_denied"


def test_logout_ends_the_session_here_and_at_the_provider(client, idporten, fake_altinn):
    """The ID token goes back to the provider as id_token_hint in a posted form, never in an address (it holds the
    fødselsnummer: an address ends up in the browser's history and in proxy logs)."""
    import re

    import requests

    from tilgang import session

    login(client, new_person(idporten))
    request = type("R", (), {"session": client.session, "user": None})()
    id_token = session.id_token_read(request)
    assert id_token and id_token.count(".") == 2
    response = client.post(reverse("logout"))
    assert response.status_code == 200 and "Cache-Control" in response and "no-store" in response["Cache-Control"]
    text = page(response)
    assert f'action="{idporten.url}/oauth2/end_session"' in text and 'method="post"' in text
    params = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', text))
    assert params["id_token_hint"] == id_token and params["post_logout_redirect_uri"] == "http://testserver/logg-inn/"
    assert "Fortsett utloggingen hos ID-porten" in text and "js/utlogging.js" in text
    assert not logged_in(client)
    ended = requests.post(f"{idporten.url}/oauth2/end_session", data=params, allow_redirects=False, timeout=5)
    assert ended.status_code == 200  # the provider's own "end session" page accepts the posted form
    confirm = requests.post(
        f"{idporten.url}/oauth2/end_session/confirm",
        data={"redirect_uri": params["post_logout_redirect_uri"]},
        allow_redirects=False,
        timeout=5,
    )
    assert confirm.headers["Location"] == "http://testserver/logg-inn/"
    assert Hendelse.objects.filter(hendelse="utlogging", kilde="idporten").exists()


def test_staff_roles_come_from_the_group_claim(client, ansatt_login):
    sub = f"ansatt-{uuid.uuid4().hex[:6]}"
    ansatt_login.set_user(
        sub,
        {
            "name": "Siri Saksbehandler",
            "email": "siri@helsedir.example",
            "groups": ["asa-saksbehandlere", "alis-nord", "noe-annet"],
        },
    )
    assert login(client, sub, provider="ansatt").status_code == 302
    user = User.objects.get(person__kilde="ansatt")
    assert user.is_staff and user.groups.filter(name="Saksbehandlere").exists()
    assert Regiontilgang.objects.get(bruker=user).helseregion.kode == "nord"
    assert client.get("/admin/soknader/soknad/").status_code == 200
    client.post(reverse("logout"))
    ansatt_login.set_user(sub, {"name": "Siri Saksbehandler", "groups": []})
    login(client, sub, provider="ansatt")
    user.refresh_from_db()
    assert not user.is_staff and not user.groups.exists() and not Regiontilgang.objects.filter(bruker=user).exists()
    assert Group.objects.filter(name="Saksbehandlere").exists()


def test_password_login_is_off_for_sokere_when_the_setting_says_so(client, settings):
    from tests.soknader.factories import UserFactory

    settings.PASSWORD_LOGIN_FOR_APPLICANTS = False
    UserFactory(username="soker", password="passord-1")
    UserFactory(username="admin", password="passord-1", is_staff=True)
    response = client.post(reverse("login"), {"username": "soker", "password": "passord-1"})
    assert "Søkere logger inn med ID-porten" in page(response) and not logged_in(client)
    assert client.post(reverse("login"), {"username": "admin", "password": "passord-1"}).status_code == 302
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "admin", "password": "feil"})
    assert Hendelse.objects.filter(hendelse="innlogging_feilet", kilde="passord").exists()
    assert Hendelse.objects.filter(hendelse="innlogging", kilde="passord", brukernavn="admin").exists()


def test_the_fodselsnummer_is_not_in_the_session_table_in_clear(client, idporten, fake_altinn):
    from django.contrib.sessions.models import Session

    fake_altinn.set_parties(PID, [party("972418013")])
    login(client, new_person(idporten))
    assert all(PID not in s.get_decoded().__repr__() and PID not in s.session_data for s in Session.objects.all())
    assert fake_altinn.count(PID) == 1  # and yet Altinn was asked by it


def test_a_token_without_the_groups_entra_left_out_is_refused_and_the_roles_stay(client, ansatt_login):
    """Entra ID's "group overage": over 200 groups, and the token points to Graph instead of listing them."""
    sub = f"ansatt-{uuid.uuid4().hex[:6]}"
    ansatt_login.set_user(sub, {"name": "Siri Saksbehandler", "groups": ["asa-saksbehandlere"]})
    assert login(client, sub, provider="ansatt").status_code == 302
    user = User.objects.get(person__kilde="ansatt")
    client.post(reverse("logout"))
    overage = {
        "_claim_names": {"groups": "src1"},
        "_claim_sources": {"src1": {"endpoint": "https://graph.microsoft.com/v1.0/users/x/getMemberObjects"}},
    }
    ansatt_login.set_user(sub, {"name": "Siri Saksbehandler", **overage})
    response = login(client, sub, provider="ansatt")
    assert response.status_code == 403 and not logged_in(client)
    assert "sendte ikke med gruppene dine" in page(response)
    user.refresh_from_db()
    assert user.is_staff and user.groups.filter(name="Saksbehandlere").exists()  # neither kept in use nor taken away
    assert Hendelse.objects.filter(hendelse="innlogging_feilet", detalj__contains="utelatt").exists()
