"""The error pages (404, 403, 400, 500) are our own, in bokmål and nynorsk, axe-clean and without sideways scroll at
the widest and the narrowest width."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults

from tests.e2e.conftest import PASSWORD, log_in
from tests.e2e.skjerm import assert_page_ok
from tests.soknader.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _language(page, live_server, sprak):
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": sprak, "url": live_server.url}])


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize(
    "sprak, ikke_funnet, ingen_tilgang",
    [("nb", "Fant ikke siden", "Du har ikke tilgang"), ("nn", "Fann ikkje sida", "Du har ikkje tilgang")],
)
def test_error_pages(live_server, page, width, sprak, ikke_funnet, ingen_tilgang):
    page.set_viewport_size({"width": width, "height": 800})
    _language(page, live_server, sprak)
    page.goto(f"{live_server.url}/finnes-ikke/")
    assert page.locator("h1").inner_text() == ikke_funnet and page.locator("html").get_attribute("lang") == sprak
    assert_page_ok(page)

    UserFactory(username="ikke-alis", password=PASSWORD)
    _language(page, live_server, "nb")  # the login form's labels, as log_in finds them
    log_in(page, f"{live_server.url}/oversikt/region/", "ikke-alis")
    _language(page, live_server, sprak)
    page.reload()
    assert page.locator("h1").inner_text() == ingen_tilgang
    assert_page_ok(page)

    # 500 and 400 are rendered without the request; shown here on our own origin, so their style sheets load
    for view, args in ((defaults.server_error, ()), (defaults.bad_request, (Exception(),))):
        with translation.override(sprak):
            html = view(RequestFactory().get("/"), *args).content.decode()
        page.set_content(html)
        page.wait_for_load_state("load")
        assert page.locator("html").get_attribute("lang") == sprak
        assert_page_ok(page)
