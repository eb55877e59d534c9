"""Pages that list things cost the same number of queries with 1 and with 30 arenas."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, SoknadFactory, soker_for

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["soknader:oppgaver", "soknader:se_over", "soknader:laeringsarenaer"])
def test_query_count_does_not_grow_with_arenas(client, page):
    counts = {}
    for n, kommunenummer in ((1, "1804"), (30, "1806")):
        soknad = KomplettSoknadFactory(virksomhet__kommunenummer=kommunenummer)
        LaeringsarenaFactory.create_batch(n, soknad=soknad)
        client.force_login(soker_for(soknad.virksomhet))
        counts[n] = _queries(client, reverse(page, args=[soknad.pk]))
    assert counts[1] == counts[30], counts
    print(page, counts)
    assert counts[30] <= 6, counts


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
