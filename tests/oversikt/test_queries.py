"""The overview costs the same number of queries with 10 and with 5,000 applications; while no application changes,
the public overview is served from the shared cache in two queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soknader.models import Soknad
from tests.oversikt.helpers import bulk_applications, page_row

pytestmark = pytest.mark.django_db


def _queries(client, url, params=None) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content


@pytest.mark.parametrize(
    "name, params",
    [
        ("oversikt:oversikt", {}),
        ("oversikt:oversikt", {"spesialitet": "SAM", "helseregion": "nord"}),
        ("oversikt:regioner_csv", {"spesialitet": "ARB"}),
        ("oversikt:regioner_xlsx", {}),
        ("oversikt:regioner_json", {"spesialitet": "SAM"}),
    ],
)
def test_query_count_does_not_grow_with_applications(client, name, params):
    url = reverse(name)
    assert bulk_applications(10, prefix="7") == 10
    few, _ = _queries(client, url, params)
    assert bulk_applications(4_990, prefix="8") == 4_990
    assert Soknad.objects.count() == 5_000
    many, content = _queries(client, url, params)
    assert few == many, (few, many)
    if name == "oversikt:oversikt":
        # computed and stored once per version of the data (the cache's own queries included) ...
        assert many <= 17, many
        # ... then the same for every visitor until an application changes: the version and the page
        cached, cached_content = _queries(client, url, params)
        assert cached == 2, cached
        assert page_row(cached_content.decode(), "region-hele-landet") == page_row(
            content.decode(), "region-hele-landet"
        )
    else:
        assert many <= 4, many
    if name == "oversikt:oversikt" and not params:
        # The figures are really there: 5,000 applications, a seventh of them drafts, a third of the rest ALM.
        assert (
            page_row(content.decode(), "region-hele-landet")["soknader"]
            == Soknad.objects.filter(spesialitet="ALM").exclude(status="utkast").count()
        )
