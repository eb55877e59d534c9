"""The public overview in a real browser: the chart is drawn, the kommune list filters by region, status and name,
and on a phone every kommune's status is seen without sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from brreg.models import Helseregion, Kommune
from soknader.choices import Status
from tests.e2e.conftest import screenshot
from tests.e2e.skjerm import assert_page_ok
from tests.soknader.factories import KommuneVirksomhetFactory, SoknadFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chart_and_filtering_by_region(live_server, page):
    nord = list(Kommune.objects.filter(fylke__helseregion__navn="Nord").order_by("nummer")[:6])
    for kommune, status in zip(
        nord,
        [
            Status.INNSENDT,
            Status.UNDER_BEHANDLING,
            Status.ANMODNING_SENDT,
            Status.REGISTRERT,
            Status.AVSLATT,
            Status.UTKAST,
        ],
        strict=False,
    ):
        SoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer=kommune.nummer), status=status)

    page.goto(live_server.url + "/oversikt/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Søknader om registrering som utdanningsvirksomhet")
    chart = page.get_by_role("group", name=re.compile("Allmennmedisin: søknader etter status"))
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    expect(page.locator("#diagram .stolpe")).to_have_count(4)
    expect(page.locator("#diagram")).to_contain_text("5 søknader")
    expect(page.locator("#kommuneliste tbody tr")).to_have_count(357)
    screenshot(page, "oversikt-01-alle")

    page.get_by_label("Helseregion", exact=True).select_option(label="Vest")
    page.get_by_role("button", name="Vis kommunene").click()
    vest_kode = Helseregion.objects.get(navn="Vest").kode
    vest = Kommune.objects.filter(fylke__helseregion__kode=vest_kode).count()
    expect(page.locator("#kommuneliste tbody tr")).to_have_count(vest)
    expect(page.locator("#antall-kommuner")).to_have_text(f"Viser {vest} av 357 kommuner.")
    regions = page.locator('#kommuneliste td[data-felt="helseregion"]').all_inner_texts()
    assert set(regions) == {"Vest"}
    assert f"helseregion={vest_kode}" in page.url
    expect(page.get_by_label("Helseregion", exact=True)).to_have_value(vest_kode)
    expect(page.locator("#diagram")).to_be_visible()  # the figures stay national

    # Switching specialty keeps the filter.
    page.get_by_role("link", name="Samfunnsmedisin").click()
    expect(page.locator("#kommuneliste tbody tr")).to_have_count(vest)
    expect(page.locator("#kommuneliste")).not_to_contain_text("Sendt inn")
    screenshot(page, "oversikt-02-vest-sam")


SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll('#diagram p, #diagram text, #regiontabell *')]
    .filter((el) => el.getClientRects().length).map((el) => parseFloat(getComputedStyle(el).fontSize)))"""


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_phone_every_status_is_seen_without_sideways_scrolling(live_server, page, width):
    bodo = Kommune.objects.get(navn="Bodø")
    SoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer=bodo.nummer), status=Status.REGISTRERT)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/oversikt/")
    assert_page_ok(page)  # axe-core clean, and the page does not scroll sideways
    status = page.locator("#kommuneliste tbody tr").first.locator('td[data-felt="status"]')
    status.scroll_into_view_if_needed()  # below the chart and the region table; vertical scrolling is fine
    expect(status).to_be_in_viewport()
    box = status.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate(SMALLEST_TEXT) >= 12  # the chart's and the table's words stay readable
    caption = page.locator("#regiontabell caption")
    assert caption.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "the caption is cut"

    # Search and status filter, without JavaScript's help: a plain GET form.
    page.get_by_label("Søk etter kommune").fill("bodø")
    page.get_by_label("Status", exact=True).select_option(label="Registrert")
    page.get_by_role("button", name="Vis kommunene").click()
    expect(page.locator("#kommuneliste tbody tr")).to_have_count(1)
    expect(page.locator('#kommuneliste td[data-felt="status"]')).to_contain_text("Registrert")
    assert "q=bod%C3%B8" in page.url and "status=registrert" in page.url
    assert_page_ok(page)
    screenshot(page, f"oversikt-03-mobil-{width}")


@pytest.mark.parametrize("width", [390])
def test_the_table_as_of_a_date_and_its_error_state_on_a_phone(live_server, page, width):
    """The date field: a past date gives the table «per …»; a date in the future a message next to the field, the
    input kept; axe finds nothing serious in either state."""
    page.set_viewport_size({"width": width, "height": 800})
    # the browser's own date check stops a future date in the field; a link or a typed address reaches the server
    page.goto(live_server.url + "/oversikt/?dato=2099-01-01")
    expect(page.get_by_label("Vis tallene per dato")).to_have_value("2099-01-01")
    expect(page.locator("#dato-feil")).to_be_visible()
    expect(page.locator("#id_dato")).to_have_attribute("aria-invalid", "true")
    assert_page_ok(page)
    screenshot(page, f"oversikt-04-dato-feil-{width}")
    page.get_by_label("Vis tallene per dato").fill("2021-01-20")
    page.get_by_label("Vis tallene per dato").press("Enter")
    expect(page.locator("#regiontabell caption")).to_contain_text("per 20. januar 2021")
    assert_page_ok(page)
