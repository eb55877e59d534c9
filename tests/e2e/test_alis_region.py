"""The ALIS-kontor's region page in a real browser on a phone: filtered by status and finding with the plain GET
form, each application a stacked card with its status and contact person in view (no sideways scroll), axe-clean;
the tab of kommuner that have not applied, and the menu without «Mine søknader»."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from brreg.models import Helseregion, Kommune
from soknader.models import Regiontilgang
from soknader.services import refresh
from tests.e2e.conftest import PASSWORD, log_in, screenshot
from tests.e2e.skjerm import assert_page_ok
from tests.soknader.factories import KommuneVirksomhetFactory, KomplettSoknadFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submitted(kommunenummer, status, **kwargs):
    soknad = KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer=kommunenummer),
        status=status,
        soknadsdato="2026-10-01",
        **kwargs,
    )
    refresh.mangler_refresh(soknad=soknad)
    return soknad


@pytest.mark.parametrize("width", [320, 390])
def test_the_region_page_filtered_on_a_phone(live_server, browser, width):
    _submitted("5501", "innsendt", kontaktperson_epost="postmottak.helse-og-omsorg@tromso.kommune.no")
    _submitted("1804", "registrert")
    _submitted("1806", "under_behandling", spesialitet="SAM")
    alis = UserFactory(username="anders", password=PASSWORD)
    Regiontilgang.objects.create(bruker=alis, helseregion=Helseregion.objects.get(kode="nord"))
    context = browser.new_context(locale="nb-NO", viewport={"width": width, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, live_server.url + "/oversikt/region/", "anders")
    expect(page.get_by_role("heading", level=1)).to_have_text("Søknader i helseregion Nord")
    expect(page.locator("#soknadsliste tbody tr")).to_have_count(3)

    # The menu has the region, not «Mine søknader»
    page.get_by_role("button", name="Meny").click()
    menu = page.locator("#hovedmeny")
    expect(menu.get_by_role("link", name="Helseregion Nord")).to_be_visible()
    expect(menu.get_by_role("link", name="Mine søknader")).to_have_count(0)
    page.get_by_role("button", name="Meny").click()

    # Filter: status and finding, a plain GET form
    page.get_by_label("Status", exact=True).select_option(label="Under behandling")
    page.get_by_label("Mangel eller advarsel").select_option(label="Ingen læringsarena")
    page.get_by_role("button", name="Vis søknadene").click()
    expect(page).to_have_url(re.compile(r"status=under_behandling.*mangel=INGEN_ARENA"))
    rows = page.locator("#soknadsliste tbody tr")
    expect(rows).to_have_count(2)  # Tromsø (sent, ALM) and Narvik (under review, SAM); Bodø is registered
    expect(page.locator("#soknadsliste")).not_to_contain_text("Bodø")
    expect(page.get_by_label("Status", exact=True)).to_have_value("under_behandling")
    expect(page.get_by_label("Mangel eller advarsel")).to_have_value("INGEN_ARENA")
    expect(page.locator("#antall-soknader")).to_contain_text("Viser 2 søknader.")
    assert_page_ok(page)  # axe-core clean, nothing scrolls sideways (also the long e-mail address)
    for felt in ("status", "kontaktperson"):
        cell = rows.first.locator(f'td[data-felt="{felt}"]')
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (felt, box)
    expect(rows.first.locator('td[data-felt="kontaktperson"]')).to_contain_text("Kari Nordmann")
    screenshot(page, f"alis-region-{width}-filter")

    # The export keeps the filter
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert content.startswith('"Virksomhet";') and "Tromsø" in content and "Bodø" not in content

    # The kommuner that have not applied
    page.get_by_role("link", name=re.compile("Kommuner som ikke har søkt")).click()
    nord = Kommune.objects.filter(fylke__helseregion__kode="nord").count()
    expect(page.locator("#antall-ikke-sokt")).to_have_text(f"{nord - 2} kommuner har ikke søkt om allmennmedisin")
    expect(page.locator("#ikke-sokt tbody tr")).to_have_count(nord - 2)
    assert_page_ok(page)
    screenshot(page, f"alis-region-{width}-ikke-sokt")
    context.close()
