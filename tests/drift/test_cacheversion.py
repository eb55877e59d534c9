"""Versions of kept values (drift.cacheversion): in a request every version is read once, all in one query, and a
write in the request is seen by its own later reads."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from drift import cacheversion
from drift.cacheversion import CacheVersion

pytestmark = pytest.mark.django_db

FORSTE, ANDRE = CacheVersion("test-forste"), CacheVersion("test-andre")


def test_in_a_request_every_version_is_read_once_in_one_query():
    forste, andre = FORSTE.current(), ANDRE.current()  # made outside a request
    cacheversion.foresporsel_startet()
    try:
        with CaptureQueriesContext(connection) as ctx:
            assert (FORSTE.current(), ANDRE.current(), FORSTE.current()) == (forste, andre, forste)
        assert len(ctx.captured_queries) == 1
        FORSTE.bump()
        assert FORSTE.current() != forste and ANDRE.current() == andre  # its own write, without a read
    finally:
        cacheversion.foresporsel_ferdig()
    with CaptureQueriesContext(connection) as ctx:
        FORSTE.current(), FORSTE.current()
    assert len(ctx.captured_queries) == 2  # outside a request: read when asked for


def test_a_page_reads_its_versions_in_one_query(client, django_user_model):
    """The caseworkers' list reads the queue's counts' and its rows' versions: one query for both."""
    from django.contrib.auth.models import Group

    from soknader.roles import SAKSBEHANDLERE

    bruker = django_user_model.objects.create_user("siri", is_staff=True)
    bruker.groups.add(Group.objects.get(name=SAKSBEHANDLERE))
    client.force_login(bruker)
    client.get("/admin/soknader/soknad/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/admin/soknader/soknad/")
    assert sum("asa_cache" in q["sql"] and ":versjon" in q["sql"] for q in ctx.captured_queries) == 1


def test_current_innen_reads_at_most_once_in_its_window_and_sees_its_own_process_at_once():
    versjon = FORSTE.current_innen(60)
    with CaptureQueriesContext(connection) as ctx:
        assert FORSTE.current_innen(60) == versjon
    assert len(ctx.captured_queries) == 0  # within the window: what this process read
    cache.set(FORSTE.key, "fra-en-annen-prosess", timeout=None)  # another process's write, no bump here
    assert FORSTE.current_innen(60) == versjon  # may be seen that late
    assert FORSTE.current_innen(0) == "fra-en-annen-prosess"  # the window passed: read again
    FORSTE.bump()  # this process's own write is seen at once
    assert FORSTE.current_innen(60) not in (versjon, "fra-en-annen-prosess")
