"""Issue 22: section 2 with nothing ticked gives one error naming the missing points, in the summary and at the
fieldset; the HF agreement is a Ja/Nei question whose «Nei» is an answer."""

import re

import pytest
from django.urls import reverse

from tests.soknader.factories import SoknadFactory, soker_for

pytestmark = pytest.mark.django_db


def test_nothing_ticked_gives_one_summary_item_naming_the_missing_points(client):
    soknad = SoknadFactory(spesialitet="SAM")
    client.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:seksjon", args=[soknad.pk, "ansvar"])
    page = client.post(url, {"fortsett": "1"}).content.decode()
    summary = page.split('id="feiloppsummering"')[1].split("</ul>")[0]
    items = re.findall(r"<li>(.*?)</li>", summary, flags=re.S)
    assert len(items) == 1
    assert ">Virksomhetens ansvar</a>: Bekreft alle punktene – 8 mangler: «Spesialistforskriften»" in items[0]
    assert "«Bekreftelse på praktisk tjeneste»" in items[0]
    assert page.count("Du må bekrefte dette punktet") == 0


def test_the_hf_agreement_is_a_yes_no_question_and_no_is_an_answer(client):
    soknad = SoknadFactory()  # a kommune's ALM
    client.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:seksjon", args=[soknad.pk, "ansvar"])
    page = client.get(url).content.decode()
    assert re.search(r'<input type="radio"[^>]*name="hf_avtale_inngatt" value="True"', page)
    assert 'data-vis-felt="hf_avtale_inngatt" data-vis-verdier="True"' in page
    client.post(url, {"hf_avtale_inngatt": "False", "utkast": "1"})
    soknad.refresh_from_db()
    assert soknad.hf_avtale_inngatt is False
