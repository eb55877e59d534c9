"""WCAG 2.1 AA in the markup, without a browser: errors are announced in the title and summarised before the
heading, each message stands above its input, and the accessibility statement is one click from every page.
(The browser tests in tests/e2e/test_skjerm.py check the same pages with axe-core and at every width.)"""

import re

import pytest
from django.urls import reverse

from tests.soknader.factories import SoknadFactory, soker_for

pytestmark = pytest.mark.django_db


def test_the_accessibility_statement_is_public_and_linked_from_the_footer(client):
    response = client.get(reverse("tilgjengelighet"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Tilgjengelighetserklæring</h1>" in html
    assert "WCAG 2.1" in html and "Kjente mangler" in html
    assert 'href="mailto:godkjenning@helsedir.no' in html
    assert "Uu-tilsynet" in html and "www.uutilsynet.no" in html
    footer = client.get(reverse("login")).content.decode().split("<footer", 1)[1]
    assert f'href="{reverse("tilgjengelighet")}"' in footer


def test_a_form_with_errors_says_so_in_the_title_summary_first_and_each_message_above_its_input(client):
    soknad = SoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    assert "<title>Virksomhet" in client.get(url).content.decode()

    html = client.post(url, {"kontaktperson_epost": "kari@", "fortsett": "1"}).content.decode()

    assert re.search(r"<title>Feil: Virksomhet og spesialitet", html)
    assert html.index('id="feiloppsummering"') < html.index("<h1")
    label = html.index('for="id_kontaktperson_epost"')
    message = html.index('id="id_kontaktperson_epost_error"')
    field = html.index('<input type="email"')
    assert label < message < field
    assert 'aria-describedby="id_kontaktperson_epost_error"' in html
    assert "Oppgi en gyldig e-postadresse" in html[message:field]


def test_the_error_for_a_group_of_radios_stands_between_the_legend_and_the_options(client):
    soknad = SoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    html = client.post(
        reverse("soknader:ny"), {"organisasjonsnummer": soknad.virksomhet.organisasjonsnummer}
    ).content.decode()
    assert "<title>Feil: " in html
    legend = html.index("<legend", html.index('id="div_id_spesialitet"'))
    message = html.index('id="id_spesialitet_error"')
    first_option = html.index('name="spesialitet"')
    assert legend < message < first_option


def test_the_menu_collapses_behind_a_button_on_small_screens(client):
    soknad = SoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    html = client.get(reverse("soknader:mine")).content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert 'data-bs-toggle="collapse"' in header and 'aria-controls="hovedmeny"' in header
    assert re.search(r'<div class="collapse navbar-collapse[^"]*" id="hovedmeny">', header)
    assert "Logg ut" in header.split('id="hovedmeny"', 1)[1]
