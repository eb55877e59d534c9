"""Every søker URL: a user of another organisation gets 404, an anonymous user is sent to log in."""

import pytest
from django.urls import reverse

from tests.soknader.factories import LaeringsarenaFactory, SoknadFactory, UserFactory, soker_for

pytestmark = pytest.mark.django_db

OBJECT_URLS = [
    ("soknader:oppgaver", False),
    ("soknader:seksjon:virksomhet", False),
    ("soknader:seksjon:ansvar", False),
    ("soknader:seksjon:forhold", False),
    ("soknader:laeringsarenaer", False),
    ("soknader:ny_laeringsarena", False),
    ("soknader:laeringsarena", True),
    ("soknader:slett_laeringsarena", True),
    ("soknader:se_over", False),
    ("soknader:kvittering", False),
    ("soknader:slett_utkast", False),
    ("soknader:trekk", False),
]


def _url(name, soknad, arena):
    if name.startswith("soknader:seksjon:"):
        return reverse("soknader:seksjon", args=[soknad.pk, name.rsplit(":", 1)[1]])
    args = [soknad.pk, arena.pk] if name in ("soknader:laeringsarena", "soknader:slett_laeringsarena") else [soknad.pk]
    return reverse(name, args=args)


@pytest.fixture
def soknad_and_arena():
    arena = LaeringsarenaFactory()
    soker_for(arena.soknad.virksomhet)
    return arena.soknad, arena


@pytest.mark.parametrize(("name", "_"), OBJECT_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_organisation_gets_404_and_changes_nothing(client, soknad_and_arena, name, _, method):
    soknad, arena = soknad_and_arena
    stranger = soker_for(SoknadFactory(virksomhet__kommunenummer="5501").virksomhet)
    client.force_login(stranger)
    response = getattr(client, method)(_url(name, soknad, arena), {"kontaktperson_navn": "Inntrenger", "utkast": "1"})
    assert response.status_code == 404
    soknad.refresh_from_db()
    assert soknad.kontaktperson_navn == "" and soknad.status == "utkast"
    assert soknad.laeringsarenaer.count() == 1


@pytest.mark.parametrize(("name", "_"), OBJECT_URLS)
def test_the_organisations_own_user_gets_the_page(client, soknad_and_arena, name, _):
    soknad, arena = soknad_and_arena
    client.force_login(soknad.virksomhet.tilganger.get().bruker)
    response = client.get(_url(name, soknad, arena))
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(("name", "_"), OBJECT_URLS)
def test_anonymous_is_sent_to_log_in(client, soknad_and_arena, name, _):
    soknad, arena = soknad_and_arena
    url = _url(name, soknad, arena)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_an_arena_of_another_application_is_404_even_under_ones_own(client, soknad_and_arena):
    soknad, _ = soknad_and_arena
    foreign_arena = LaeringsarenaFactory(soknad=SoknadFactory(virksomhet__kommunenummer="5501"))
    client.force_login(soknad.virksomhet.tilganger.get().bruker)
    assert client.get(reverse("soknader:laeringsarena", args=[soknad.pk, foreign_arena.pk])).status_code == 404
    assert client.post(reverse("soknader:slett_laeringsarena", args=[soknad.pk, foreign_arena.pk])).status_code == 404
    assert foreign_arena.__class__.objects.filter(pk=foreign_arena.pk).exists()


def test_lists_show_only_ones_own_organisations(client, soknad_and_arena):
    soknad, _ = soknad_and_arena
    other = SoknadFactory(virksomhet__kommunenummer="5501")
    client.force_login(soknad.virksomhet.tilganger.get().bruker)
    page = client.get(reverse("soknader:mine")).content.decode()
    assert "Bodø" in page and other.virksomhet.navn not in page


@pytest.mark.parametrize("url", ["/soknader/", "/soknader/ny/", "/brreg/enhet/972418013/"])
def test_anonymous_gets_no_lists_or_lookups(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_user_without_organisations_sees_an_empty_list(client):
    client.force_login(UserFactory())
    page = client.get(reverse("soknader:mine")).content.decode()
    assert "Du har ingen søknader ennå" in page
