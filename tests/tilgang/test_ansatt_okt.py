"""Staff sessions: the roles from the directorate's login are checked again during the session, not only at
login (a real OpenID Connect provider on 127.0.0.1 and the real clock, with the intervals made short); an idle
staff session and one past its longest length end; every role given or taken away is in the audit log."""

import time
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.soknader.factories import KomplettSoknadFactory, UserFactory
from tests.tilgang.oidc_provider import login, provider_step
from tilgang.models import Hendelse

pytestmark = pytest.mark.django_db


def staff(provider, groups):
    sub = f"ansatt-{uuid.uuid4().hex[:6]}"
    provider.set_user(sub, {"name": "Siri Saksbehandler", "groups": groups})
    return sub


def follow_relogin(client, response, sub):
    """What the browser does with our redirect to the directorate's login: the provider (its single sign-on: no
    typing) and back to our callback, in the same session."""
    assert response.status_code == 302 and response["Location"].startswith("/logg-inn/ansatt/?next="), response
    to_provider = client.get(response["Location"])
    back = urlsplit(provider_step(to_provider["Location"], sub))
    return client.get(back.path, parse_qs(back.query))


def roller(hendelse):
    return list(Hendelse.objects.filter(hendelse=hendelse).order_by("pk").values_list("detalj", flat=True))


def test_a_caseworker_whose_group_is_removed_loses_access_within_the_interval(client, ansatt_login, settings):
    settings.ANSATT_ROLLER_MINUTTER = 0.02  # 1.2 s (10 minutes in production)
    sub = staff(ansatt_login, ["asa-saksbehandlere"])
    assert login(client, sub, provider="ansatt").status_code == 302
    case = f"/admin/soknader/soknad/{KomplettSoknadFactory().pk}/change/"
    assert client.get(case).status_code == 200
    assert roller("rolle_gitt") == ["saksbehandler"]

    ansatt_login.set_user(sub, {"name": "Siri Saksbehandler", "groups": []})  # the group is removed at the provider
    assert client.get(case).status_code == 200  # until the roles are due to be checked
    time.sleep(1.5)
    back = follow_relogin(client, client.get(case), sub)
    assert back["Location"] == case  # back to the page asked for ...
    response = client.get(case)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")  # ... without access
    assert client.get("/admin/soknader/soknad/").status_code == 302
    assert roller("rolle_fjernet") == ["saksbehandler"]


def test_a_caseworker_who_keeps_the_group_comes_back_to_the_same_page(client, ansatt_login, settings):
    settings.ANSATT_ROLLER_MINUTTER = 0.02
    sub = staff(ansatt_login, ["asa-saksbehandlere"])
    login(client, sub, provider="ansatt")
    time.sleep(1.5)
    back = follow_relogin(client, client.get("/admin/soknader/soknad/?status=sendt"), sub)
    assert back["Location"] == "/admin/soknader/soknad/?status=sendt"
    assert client.get(back["Location"]).status_code == 200
    assert roller("rolle_gitt") == ["saksbehandler"] and roller("rolle_fjernet") == []  # no change, no row


def test_an_alis_user_whose_group_is_removed_loses_the_region(client, ansatt_login, settings):
    settings.ANSATT_ROLLER_MINUTTER = 0.02
    sub = staff(ansatt_login, ["alis-nord"])
    login(client, sub, provider="ansatt")
    assert client.get(reverse("oversikt:region")).status_code == 200
    ansatt_login.set_user(sub, {"name": "Anders ALIS", "groups": []})
    time.sleep(1.5)
    follow_relogin(client, client.get(reverse("oversikt:region")), sub)
    assert client.get(reverse("oversikt:region")).status_code in (302, 403)
    assert roller("rolle_fjernet") == ["alis:nord"]


def test_a_form_is_accepted_while_the_check_is_due_but_not_after_the_deadline(client, ansatt_login, settings):
    settings.ANSATT_ROLLER_MINUTTER = 0.01  # due after 0.6 s ...
    settings.ANSATT_ROLLER_FRIST_MINUTTER = 0.04  # ... a form is accepted until 2.4 s
    sub = staff(ansatt_login, ["asa-saksbehandlere"])
    login(client, sub, provider="ansatt")
    changelist = "/admin/soknader/soknad/"
    time.sleep(1)
    assert not client.post(changelist, {}).get("Location", "").startswith("/logg-inn/")
    time.sleep(2)
    response = client.post(changelist, {})
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert client.get(changelist).status_code == 302  # logged out
    assert Hendelse.objects.filter(hendelse="okt_utlopt", detalj="rollene ikke bekreftet").exists()


def test_an_idle_staff_session_ends(client, settings):
    settings.ANSATT_INAKTIV_MINUTTER = 0.02
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/").status_code == 200
    time.sleep(1.5)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == reverse("login") + "?next=%2Fadmin%2F"
    assert "Du ble logget ut fordi du ikke hadde gjort noe" in client.get(response["Location"]).content.decode()
    assert client.get("/admin/").status_code == 302
    assert Hendelse.objects.filter(hendelse="okt_utlopt", detalj="inaktiv").exists()


def test_a_staff_session_ends_after_its_longest_length_even_when_active(client, settings):
    settings.ANSATT_OKT_MAKS_TIMER = 1.5 / 3600
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for _ in range(3):
        assert client.get("/admin/").status_code == 200
        time.sleep(0.3)
    time.sleep(1)
    assert client.get("/admin/").status_code == 302
    assert Hendelse.objects.filter(hendelse="okt_utlopt", detalj="maksimal lengde").exists()


def test_a_soker_session_has_none_of_these_limits(client, settings):
    settings.ANSATT_INAKTIV_MINUTTER = 0.01
    client.force_login(UserFactory())
    time.sleep(1)
    assert client.get(reverse("soknader:mine")).status_code == 200
