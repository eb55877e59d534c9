"""The front door: a visitor learns what the service is; each role lands on its own start page."""

import pytest
from django.urls import reverse

from brreg.models import Helseregion
from soknader.models import Regiontilgang
from tests.soknader.factories import SoknadFactory, UserFactory, gi_tilgang, saksbehandler_bruker

pytestmark = pytest.mark.django_db


def test_a_visitor_learns_what_the_service_is_before_logging_in(client):
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200 and 'type="password"' not in page
    for tekst in ("Hvem kan søke?", "ID-porten", "Altinn", "Regn med en til to timer", "Allmennmedisin kan bare"):
        assert tekst in page, tekst
    assert f'class="btn btn-primary btn-lg" href="{reverse("login")}">Logg inn</a>' in page


def test_a_soker_lands_on_mine_soknader(client):
    user = UserFactory()
    gi_tilgang(user, SoknadFactory().virksomhet)
    client.force_login(user)
    assert client.get("/")["Location"] == reverse("soknader:mine")


def test_an_alis_user_lands_on_the_region_and_has_it_in_the_menu(client):
    user = UserFactory()
    Regiontilgang.objects.create(bruker=user, helseregion=Helseregion.objects.get(kode="nord"))
    client.force_login(user)
    assert client.get("/")["Location"] == reverse("oversikt:region")
    page = client.get(reverse("oversikt:region")).content.decode()
    assert f'href="{reverse("oversikt:region")}">Helseregion Nord</a>' in page


def test_a_caseworker_lands_in_the_admin(client):
    user = saksbehandler_bruker()
    client.force_login(user)
    assert client.get("/")["Location"] == reverse("admin:index")


def test_after_login_an_alis_user_arrives_at_the_region(client):
    user = UserFactory(username="alis")
    Regiontilgang.objects.create(bruker=user, helseregion=Helseregion.objects.get(kode="nord"))
    response = client.post(reverse("login"), {"username": "alis", "password": "passord"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("oversikt:region")
