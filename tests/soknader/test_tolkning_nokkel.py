"""The arena page's live reading with the page's key (drift/oppslag.py): answered from the key alone, the same answer
as from the session, without a query; a key that is altered, expired, of another kind or made for another application
falls back to the session and its checks, and a key opens nothing else."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from drift import oppslag
from laeringsmal.models import Laeringsmal
from soknader.views.arenaer import TOLKNING, tolkning_nokkel
from tests.brreg.factories import VirksomhetFactory
from tests.soknader.factories import SoknadFactory, UserFactory, soker_for

pytestmark = pytest.mark.django_db

TEKST = "Alle bortsett fra ALM 055 og 085; ALM 9999"


@pytest.fixture
def utkast():
    return SoknadFactory(spesialitet="ALM")


@pytest.fixture
def soker(utkast):
    return soker_for(utkast.virksomhet)


def _nokkel_fra_siden(client, utkast) -> str:
    side = client.get(reverse("soknader:ny_laeringsarena", args=[utkast.pk])).content.decode()
    return re.search(r'data-tolk-nokkel="([^"]+)"', side).group(1)


def _les(client, soknad, nokkel: str | None = None, **ekstra):
    headers = {"X-Oppslag": nokkel} if nokkel else {}
    return client.get(
        reverse("soknader:tolk_laeringsmal", args=[soknad.pk]), {"tekst": TEKST}, headers=headers, **ekstra
    )


def test_the_page_s_key_gives_the_same_reading_without_the_session_and_without_a_query(client, utkast, soker):
    client.force_login(soker)
    nokkel = _nokkel_fra_siden(client, utkast)
    med_okt = _les(client, utkast).json()
    uten_okt = Client()  # no cookie at all: the key says who and what for
    _les(uten_okt, utkast, nokkel)  # the catalogue's version, read once per process and window
    with CaptureQueriesContext(connection) as ctx:
        svar = _les(uten_okt, utkast, nokkel)
    assert svar.status_code == 200 and svar.json() == med_okt
    assert med_okt["feil"][0]["tekst"] == "ALM 9999"
    assert len(ctx.captured_queries) == 0
    assert "no-store" in svar["Cache-Control"]  # like every answer to a logged-in user
    assert (
        uten_okt.post(reverse("soknader:tolk_laeringsmal", args=[utkast.pk]), headers={"X-Oppslag": nokkel}).status_code
        == 405
    )


def test_a_key_for_another_application_falls_back_to_the_session_and_its_404(client, utkast, soker):
    client.force_login(soker)
    nokkel = _nokkel_fra_siden(client, utkast)
    annen = SoknadFactory(virksomhet=VirksomhetFactory(), spesialitet="ARB")  # another organisation's
    assert _les(client, annen, nokkel).status_code == 404
    assert _les(Client(), annen, nokkel).status_code == 302  # no session: to the login


def test_an_altered_key_or_one_of_another_kind_is_no_key(utkast, soker):
    nokkel = tolkning_nokkel(_som(soker), utkast)
    endret = nokkel[:-2] + ("AA" if not nokkel.endswith("AA") else "BB")
    annet_slag = oppslag.lag(bruker=soker.pk, hva="noe-annet", pk=utkast.pk, spesialitet="ALM", dato=None)
    for feil in (endret, annet_slag):
        assert _les(Client(), utkast, feil).status_code == 302  # no key: the session decides, and there is none


def test_an_expired_key_falls_back_to_the_session(client, utkast, soker, settings):
    nokkel = tolkning_nokkel(_som(soker), utkast)
    settings.OPPSLAG_NOKKEL_SEKUNDER = -1  # every key older than that
    assert _les(Client(), utkast, nokkel).status_code == 302
    client.force_login(soker)
    assert _les(client, utkast, nokkel).status_code == 200  # the session still answers


def test_a_key_opens_no_other_page(utkast, soker):
    nokkel = tolkning_nokkel(_som(soker), utkast)
    for navn in ("soknader:ny_laeringsarena", "soknader:se_over", "soknader:laeringsarenaer"):
        svar = Client().get(reverse(navn, args=[utkast.pk]), headers={"X-Oppslag": nokkel})
        assert svar.status_code == 302 and "logg-inn" in svar["Location"]


def test_staff_and_anonymous_get_no_key(utkast):
    assert tolkning_nokkel(_som(UserFactory(is_staff=True)), utkast) == ""
    assert tolkning_nokkel(_som(AnonymousUser()), utkast) == ""
    innhold = signing.loads(tolkning_nokkel(_som(soker_for(utkast.virksomhet)), utkast), salt=oppslag.SALT)
    assert (innhold["h"], innhold["pk"], innhold["spesialitet"], innhold["dato"]) == (TOLKNING, utkast.pk, "ALM", None)


def _som(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_kept_reading_follows_the_catalogue_and_the_language(client, utkast, soker):
    client.force_login(soker)
    nokkel = _nokkel_fra_siden(client, utkast)
    adresse = reverse("soknader:tolk_laeringsmal", args=[utkast.pk])

    def les(med_nokkel: bool) -> dict:
        leser = Client(headers={"X-Oppslag": nokkel}) if med_nokkel else client
        return leser.get(adresse, {"tekst": "ALM 89"}).json()

    assert les(True)["koder"] == les(False)["koder"] == []  # ALM has 88 objectives
    Laeringsmal.objects.create(kode="ALM-089", gruppe="ALM", gyldig_fra=dt.date(2019, 3, 1))  # a new list loaded
    assert les(True)["koder"] == les(False)["koder"] == ["ALM-089"]
    bokmal = client.get(adresse, {"tekst": "ALM 9999"}).json()["feil"][0]["melding"]
    nynorsk = client.get(adresse, {"tekst": "ALM 9999"}, headers={"Accept-Language": "nn"}).json()["feil"][0]["melding"]
    assert bokmal != nynorsk
