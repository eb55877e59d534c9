"""Pages that list things cost the same number of queries with 1 and with 30 arenas."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from laeringsmal.selectors import katalog_for, katalog_lastet
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, SoknadFactory, soker_for

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["soknader:oppgaver", "soknader:se_over", "soknader:laeringsarenaer"])
def test_query_count_does_not_grow_with_arenas(client, page):
    """The first view and the next: «Se over» keeps its arenas' blocks in the shared cache (one read; after a change
    one write), so the first view after a change costs a few queries more, and never one per arena."""
    katalog_for(), katalog_lastet()  # today's catalogue is read once per process, by the first page that reads it
    counts, next_view = {}, {}
    for n, kommunenummer in ((1, "1804"), (30, "1806")):
        soknad = KomplettSoknadFactory(virksomhet__kommunenummer=kommunenummer)
        LaeringsarenaFactory.create_batch(n, soknad=soknad)
        client.force_login(soker_for(soknad.virksomhet))
        counts[n] = _queries(client, reverse(page, args=[soknad.pk]))
        next_view[n] = _queries(client, reverse(page, args=[soknad.pk]))
    assert counts[1] == counts[30], counts
    assert next_view[1] == next_view[30], next_view
    print(page, counts, next_view)
    assert next_view[30] <= 8, next_view
    assert counts[30] <= 23, counts  # three parts written after a change (the answers, the arenas, the coverage)


def test_my_applications_does_not_grow_with_applications(client):
    soknad = SoknadFactory()
    user = soker_for(soknad.virksomhet)
    client.force_login(user)
    one = _queries(client, reverse("soknader:mine"))
    for spesialitet in ("SAM", "ARB"):
        LaeringsarenaFactory.create_batch(
            3, soknad=SoknadFactory(virksomhet=soknad.virksomhet, spesialitet=spesialitet)
        )
    assert _queries(client, reverse("soknader:mine")) == one


def test_se_over_shows_a_changed_arena_at_once(client):
    """The blocks come from the cache only while nothing they show has changed."""
    soknad = KomplettSoknadFactory()
    arena = LaeringsarenaFactory(soknad=soknad, laeringsmal="ALM-001 til ALM-010")
    client.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:se_over", args=[soknad.pk])
    assert "ALM-001 til ALM-010" in client.get(url).content.decode()
    arena.laeringsmal = "ALM-001 til ALM-020"
    arena.save()
    page = client.get(url).content.decode()
    assert "ALM-001 til ALM-020" in page and "ALM-001 til ALM-010" not in page
