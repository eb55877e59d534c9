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


def _nynorsk(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"


@pytest.mark.parametrize("sprak, tekst", [("nb", "Fant ikke siden"), ("nn", "Fann ikkje sida")])
def test_a_page_that_does_not_exist_is_told_in_norwegian(client, sprak, tekst):
    if sprak == "nn":
        _nynorsk(client)
    response = client.get("/finnes-ikke/")
    page = response.content.decode()
    assert response.status_code == 404 and tekst in page and f'<html lang="{sprak}">' in page
    assert "Not Found" not in page and "The requested resource" not in page


@pytest.mark.parametrize("sprak, tekst", [("nb", "Du har ikke tilgang"), ("nn", "Du har ikkje tilgang")])
def test_a_page_without_access_is_told_in_norwegian(client, sprak, tekst):
    if sprak == "nn":
        _nynorsk(client)
    client.force_login(UserFactory())  # not at an ALIS-kontor
    response = client.get(reverse("oversikt:region"))
    assert response.status_code == 403 and tekst in response.content.decode()


@pytest.mark.parametrize(
    "handler, status, nb, nn",
    [
        ("server_error", 500, "Noe gikk galt hos oss", "Noko gjekk gale hos oss"),
        ("bad_request", 400, "Forespørselen kunne ikke behandles", "Førespurnaden kunne ikkje behandlast"),
    ],
)
def test_the_error_pages_rendered_without_a_request_are_norwegian(rf, handler, status, nb, nn):
    """Django renders 500 and 400 without the request (no menu, no user): our own pages, in the reader's language."""
    from django.utils import translation
    from django.views import defaults

    view = getattr(defaults, handler)
    for sprak, tekst in (("nb", nb), ("nn", nn)):
        with translation.override(sprak):
            args = (rf.get("/"),) if handler == "server_error" else (rf.get("/"), Exception())
            response = view(*args)
        page = response.content.decode()
        assert response.status_code == status and tekst in page and f'<html lang="{sprak}">' in page
        assert "Server Error" not in page and "Bad Request" not in page
