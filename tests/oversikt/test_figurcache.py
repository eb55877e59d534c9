"""The public overview is computed once per change of the data and kept in the shared database cache: every visitor,
worker and instance sees the same figures, and a change to an application shows at once after its commit."""

import datetime as dt

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oversikt import figurcache
from soknader.choices import Status
from soknader.services import saksbehandling
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.oversikt.helpers import page_row
from tests.soknader.factories import KomplettSoknadFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("oversikt:oversikt")


def _figures(client, params=None) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params or {})
    assert response.status_code == 200
    return page_row(response.content.decode(), "region-hele-landet"), len(ctx.captured_queries)


@pytest.fixture
def innsendt():
    return KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer="1804"),
        status=Status.INNSENDT,
        referanse="ASA-1",
        soknadsdato=dt.date(2024, 3, 1),
    )


def test_the_cache_is_the_shared_database_table_not_process_memory():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert settings.CACHES["default"]["LOCATION"] == "asa_cache"


def test_second_visitor_is_served_from_the_cache_in_two_queries(client, innsendt):
    first, computed = _figures(client)
    second, cached = _figures(client)
    assert first == second
    assert first["soknader"] == 1
    assert cached == 2 < computed


def test_another_instance_sees_the_same_page(client, innsendt):
    """A second instance has its own process memory but the same table: it finds the version and the page."""
    client.get(URL)
    other = DatabaseCache("asa_cache", {})
    versjon = other.get(figurcache.VERSJON)
    assert versjon == cache.get(figurcache.VERSJON)
    assert "region-hele-landet" in other.get(figurcache.nokkel(versjon, "ALM", "", ""))


def test_a_submitted_application_shows_after_its_commit(client, innsendt, django_capture_on_commit_callbacks):
    before, _ = _figures(client)
    utkast = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="5501"))
    with django_capture_on_commit_callbacks(execute=True):
        utkast.status = Status.INNSENDT
        utkast.referanse = "ASA-2"
        utkast.save()
    after, _ = _figures(client)
    assert after["soknader"] == before["soknader"] + 1


def test_a_caseworkers_decision_shows_after_its_commit(client, innsendt, django_capture_on_commit_callbacks):
    before, _ = _figures(client)
    saksbehandler = UserFactory(is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        saksbehandling.soknad_register(soknad=innsendt, bruker=saksbehandler)
    after, _ = _figures(client)
    assert (before["registrert"], after["registrert"]) == (0, 1)


def test_the_version_changes_on_commit_not_before(innsendt, django_capture_on_commit_callbacks):
    versjon = figurcache.versjon()
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            innsendt.save()
        assert figurcache.versjon() == versjon
    assert callbacks
    for callback in callbacks:
        callback()
    assert figurcache.versjon() != versjon


def test_a_rolled_back_write_keeps_the_version(innsendt, django_capture_on_commit_callbacks):
    versjon = figurcache.versjon()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        innsendt.save()
        raise RuntimeError
    assert not callbacks
    assert figurcache.versjon() == versjon


def test_an_unknown_filter_is_served_from_the_page_it_shows(client, innsendt):
    """Made-up filter values show every kommune, from the cached page, and leave nothing new in the cache."""
    plain, _ = _figures(client)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM asa_cache")
        entries = cursor.fetchone()[0]
    junk, queries = _figures(client, {"helseregion": "x" * 500, "fylke": "\u00e6\u00f8\u00e5"})
    assert junk == plain
    assert queries <= 4
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM asa_cache")
        assert cursor.fetchone()[0] == entries


def test_saving_a_section_of_a_draft_leaves_the_figures(innsendt, django_capture_on_commit_callbacks):
    """A søker's section save names its fields, none of which the figures read: no new version, no recomputation
    (the caseworkers' list, which shows the organisation's name, gets one: soknader.listecache)."""
    versjon = figurcache.versjon()
    with django_capture_on_commit_callbacks(execute=True):
        innsendt.organisering = "Ny tekst"
        innsendt.save(update_fields=["organisering", "endret"])
        innsendt.virksomhet.navn = "Bodø kommune (nytt navn)"
        innsendt.virksomhet.save(update_fields=["navn"])
    assert figurcache.versjon() == versjon
    with django_capture_on_commit_callbacks(execute=True):
        innsendt.status = Status.UNDER_BEHANDLING
        innsendt.save(update_fields=["status", "endret"])
    assert figurcache.versjon() != versjon
