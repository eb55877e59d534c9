"""Every page at every screen size: the søker journey, the public overview, the ALIS pages and the caseworkers'
admin pages, each checked with axe-core (no serious or critical WCAG 2.1 violation) and, outside the Django
admin, for sideways scrolling (WCAG 1.4.10: nothing scrolls sideways at 320 px, which is 1280 px at 400 %)."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from brreg.models import Helseregion
from soknader.models import Regiontilgang
from soknader.services import innsending, refresh
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.e2e.conftest import PASSWORD, log_in, screenshot
from tests.e2e.skjerm import assert_page_ok, blank_below_footer, contrast
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    SoknadFactory,
    UserFactory,
    gi_tilgang,
    saksbehandler_bruker,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [1280, 640, 390, 320]  # 640 px is 1280 px at 200 % zoom, 320 px is 1280 px at 400 %


def _applications():
    """Kari may act for Bodø: one submitted application with findings, one draft with an arena."""
    bodo = KommuneVirksomhetFactory(kommunenummer="1804")
    kari = UserFactory(username="kari", password=PASSWORD, first_name="Kari", last_name="Kommunelege")
    gi_tilgang(kari, bodo)
    sendt = KomplettSoknadFactory(virksomhet=bodo, hf_avtale_inngatt=False, hf_avtale_navn="")
    LaeringsarenaFactory(soknad=sendt, laeringsmal="Alle bortsett fra ALM 55 og 85; Alle FKM")
    LaeringsarenaFactory(
        soknad=sendt, type="sykehus", plassering="annen", annen_virksomhet="Nordlandssykehuset HF", laeringsmal="ALM 55"
    )
    innsending.soknad_submit(soknad=sendt, bruker=kari)
    utkast = SoknadFactory(virksomhet=bodo, spesialitet="SAM", kontaktperson_navn="Kari Nordmann")
    arena = LaeringsarenaFactory(soknad=utkast, laeringsmal="SAM 1-3; FKM 1")
    return kari, sendt, utkast, arena


def _menu(page, name):
    """A link or button in the header menu, opening the collapsed menu first on a narrow screen."""
    toggler = page.get_by_role("button", name="Meny")
    if toggler.is_visible():
        expect(toggler).to_have_attribute("aria-expanded", "false")
        toggler.click()
        expect(toggler).to_have_attribute("aria-expanded", "true")
    header = page.locator("header")
    item = header.get_by_role("link", name=name, exact=True).or_(header.get_by_role("button", name=name, exact=True))
    expect(item).to_be_visible()
    box = item.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], f"{name} off-screen"
    return item


@pytest.mark.parametrize("width", WIDTHS)
def test_soker_pages_at_every_width(live_server, browser, width):
    kari, sendt, utkast, arena = _applications()
    context = browser.new_context(locale="nb-NO", viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    url = live_server.url

    def visit(path, heading=None, shot=None):
        page.goto(url + path)
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_page_ok(page)
        if shot:
            screenshot(page, f"skjerm-{width}-{shot}")

    # Logged out: the login page and the public pages
    visit("/", "Søk om å bli registrert som utdanningsvirksomhet", "forside")
    visit("/logg-inn/", "Logg inn", "logg-inn")
    visit("/oversikt/", shot="oversikt")
    visit("/tilgjengelighet/", "Tilgjengelighetserklæring", "tilgjengelighet")

    log_in(page, url + "/soknader/", "kari")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine søknader")
    assert_page_ok(page)
    screenshot(page, f"skjerm-{width}-mine-soknader")

    # Start: the error state too (the title says "Feil", the summary comes before the heading)
    visit("/soknader/ny/", "Start en ny søknad", "ny")
    page.get_by_role("button", name="Start søknaden").click()
    expect(page).to_have_title(re.compile(r"^Feil: "))
    assert_page_ok(page)
    screenshot(page, f"skjerm-{width}-ny-feil")

    # The draft: task list, each section (with an error), the arenas, the arena form, check answers
    visit(f"/soknader/{utkast.pk}/", heading=None, shot="oppgaver")
    for seksjon in ["forhold", "ansvar", "virksomhet"]:
        visit(f"/soknader/{utkast.pk}/del/{seksjon}/", shot=f"del-{seksjon}")
    # WCAG 1.4.11: the edges of checkboxes, radios and text fields are at least 3:1 against the page
    page.goto(url + f"/soknader/{utkast.pk}/del/ansvar/")
    assert contrast(page, "input[type=checkbox]") >= 3
    page.goto(url + f"/soknader/{utkast.pk}/del/forhold/")
    assert contrast(page, "input[type=radio]") >= 3
    assert contrast(page, "textarea") >= 3
    # WCAG 2.4.7: focus by keyboard shows a solid ring of at least 2 px, 3:1 against the page
    page.locator("textarea:visible").first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    style, width_px = page.evaluate(
        "() => [getComputedStyle(document.activeElement).outlineStyle,"
        " getComputedStyle(document.activeElement).outlineWidth]"
    )
    assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA"
    assert style == "solid" and float(width_px.removesuffix("px")) >= 2, (style, width_px)
    assert contrast(page, "textarea:focus", "outlineColor") >= 3

    page.goto(url + f"/soknader/{utkast.pk}/del/virksomhet/")
    page.locator("#id_kontaktperson_epost").fill("kari@")
    page.get_by_role("button", name="Lagre og fortsett").click()
    expect(page).to_have_title(re.compile(r"^Feil: "))
    summary = page.locator("#feiloppsummering")
    expect(summary).to_be_focused()
    assert_page_ok(page)
    screenshot(page, f"skjerm-{width}-del-virksomhet-feil")
    summary.get_by_role("link", name="Kontaktpersonens e-post").click()
    expect(page.locator("#id_kontaktperson_epost")).to_be_focused()
    label = page.locator("label[for=id_kontaktperson_epost]")
    expect(label).to_be_in_viewport()
    # the message sits between the label and the input
    label_bottom, error_top, error_bottom, input_top = page.evaluate(
        """() => [
            document.querySelector("label[for=id_kontaktperson_epost]").getBoundingClientRect().bottom,
            document.getElementById("id_kontaktperson_epost_error").getBoundingClientRect().top,
            document.getElementById("id_kontaktperson_epost_error").getBoundingClientRect().bottom,
            document.getElementById("id_kontaktperson_epost").getBoundingClientRect().top,
        ]"""
    )
    assert label_bottom <= error_top and error_bottom <= input_top

    visit(f"/soknader/{utkast.pk}/laeringsarenaer/", "Læringsarenaer", "arenaer")
    visit(f"/soknader/{utkast.pk}/laeringsarenaer/ny/", shot="arena-ny")
    visit(f"/soknader/{utkast.pk}/laeringsarenaer/{arena.pk}/", shot="arena-endre")
    visit(f"/soknader/{utkast.pk}/laeringsarenaer/{arena.pk}/slett/", shot="arena-slett")
    visit(f"/soknader/{utkast.pk}/se-over/", "Se over og send inn", "se-over-utkast")
    visit(f"/soknader/{utkast.pk}/slett/", shot="slett-utkast")

    # The submitted application: check answers, receipt, withdraw
    visit(f"/soknader/{sendt.pk}/se-over/", shot="se-over-sendt")
    assert blank_below_footer(page) <= 1, "the coverage matrix lengthens the page below the footer"
    visit(f"/soknader/{sendt.pk}/kvittering/", "Søknaden er sendt inn", "kvittering")
    visit(f"/soknader/{sendt.pk}/trekk/", shot="trekk")

    # The menu: every item can be reached, also "Logg ut" on a phone
    _menu(page, "Mine søknader")
    screenshot(page, f"skjerm-{width}-meny")
    page.reload()
    _menu(page, "Logg ut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logg inn")

    context.close()
    assert not csp_errors, csp_errors


@pytest.mark.parametrize("width", WIDTHS)
def test_alis_pages_at_every_width(live_server, browser, width):
    _, sendt, _, _ = _applications()
    refresh.mangler_refresh(soknad=sendt)
    alis = UserFactory(username="anders", password=PASSWORD)
    Regiontilgang.objects.create(bruker=alis, helseregion=Helseregion.objects.get(kode="nord"))
    context = browser.new_context(locale="nb-NO", viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url + "/oversikt/region/", "anders")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nord")
    assert_page_ok(page)
    screenshot(page, f"skjerm-{width}-alis-region")
    page.goto(live_server.url + f"/oversikt/region/{sendt.pk}/")
    assert_page_ok(page)
    screenshot(page, f"skjerm-{width}-alis-soknad")
    context.close()


def test_caseworker_admin_pages(live_server, page):
    """The Django admin is not made for phones, but at 1280 px it must be axe-clean and the "Mangler" column whole."""
    _, sendt, _, _ = _applications()
    call_command("demodata", stdout=StringIO())  # a list as full as the caseworkers' own
    saksbehandler_bruker(username="siri", password=PASSWORD)
    log_in(page, live_server.url + "/admin/soknader/soknad/", "siri")
    expect(page.locator("#result_list")).to_be_visible()
    assert_page_ok(page)
    # nothing of the list is cut off or hidden in a sideways-scrolling box, least of all the last column
    results = page.locator("#changelist .results")
    widths = results.evaluate(
        "el => [el.scrollWidth, el.clientWidth, [...el.querySelectorAll('thead th')].map(th => th.className + ':' + "
        "Math.round(th.getBoundingClientRect().width))]"
    )
    assert widths[0] <= widths[1] + 1, f"the list scrolls sideways: {widths}"
    right = results.evaluate("el => el.getBoundingClientRect().right")
    cells = page.locator("#result_list td.field-mangler_kort")
    assert cells.count() >= 2
    for cell in cells.all():
        box = cell.bounding_box()
        assert box["x"] + box["width"] <= right + 1, "the Mangler column is cut off"
    screenshot(page, "skjerm-1280-admin-liste")
    page.goto(live_server.url + f"/admin/soknader/soknad/{sendt.pk}/change/")
    assert_page_ok(page)
    assert blank_below_footer(page) <= 1, "the coverage matrix runs over the sections below it and the footer"
    screenshot(page, "skjerm-1280-admin-soknad")
