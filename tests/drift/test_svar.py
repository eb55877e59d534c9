"""What every answer carries: no copy of a logged-in user's page is kept by a browser or proxy (Cache-Control:
no-store), and methods no page answers (TRACE) are refused at the edge."""

import pytest
from django.urls import reverse

from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, UserFactory, soker_for

pytestmark = pytest.mark.django_db


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_every_soker_page_with_personal_data_is_not_stored(client):
    soknad = KomplettSoknadFactory()
    arena = LaeringsarenaFactory(soknad=soknad)
    client.force_login(soker_for(soknad.virksomhet))
    for url in [
        reverse("soknader:mine"),
        reverse("soknader:ny"),
        reverse("soknader:oppgaver", args=[soknad.pk]),
        reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"]),
        reverse("soknader:laeringsarenaer", args=[soknad.pk]),
        reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk]),
        reverse("soknader:se_over", args=[soknad.pk]),
        reverse("forside"),
    ]:
        response = client.get(url)
        assert response.status_code in (200, 302) and _no_store(response), url
        assert "private" in response["Cache-Control"], url


def test_staff_pages_are_not_stored(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert _no_store(client.get("/admin/soknader/soknad/"))
    assert _no_store(client.get(reverse("oversikt:oversikt")))  # the same public page, seen while logged in


def test_public_pages_for_anonymous_visitors_may_be_cached(client):
    assert not _no_store(client.get(reverse("oversikt:oversikt")))


@pytest.mark.parametrize("method", ["TRACE", "CONNECT", "TRACK"])
def test_trace_and_other_unused_methods_are_refused(client, method):
    response = client.generic(method, "/")
    assert response.status_code == 405 and "TRACE" not in response["Allow"]
    assert b"Cookie" not in response.content
