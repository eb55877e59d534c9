"""Issues 20 and 22: only what may be applied for is offered. A bedriftshelsetjeneste (by its own answer or by
Enhetsregisteret's næringskode) is asked about Arbeidstilsynet, and «Nei» gets the «cannot apply yet» page."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from brreg.models import Virksomhet
from soknader.models import Laeringsarena, Soknad
from soknader.regler import hvem
from soknader.services import errors, innsending
from tests.brreg.factories import VirksomhetFactory
from tests.soknader.factories import AnnenVirksomhetSoknadFactory, LaeringsarenaFactory, soker_for

pytestmark = pytest.mark.django_db
RESPONSES = Path(__file__).resolve().parents[1] / "brreg" / "responses"
BHT_I_REGISTERET = {"naeringskode1": {"kode": "86.909", "beskrivelse": "Bedriftshelsetjeneste"}}


def test_the_registry_is_read_by_its_description_not_by_name_or_code_number():
    assert hvem.registeret_sier_bht(BHT_I_REGISTERET)
    assert hvem.registeret_sier_bht({"naeringskode2": {"beskrivelse": "Bedriftshelsetjeneste og annet"}})
    # the stored fixture of a BHT with «BEDRIFTSHELSETJENESTE» in its name is registered as «Andre helsetjenester»
    fixture = json.loads((RESPONSES / "bedriftshelsetjeneste_as.json").read_text())
    assert not hvem.registeret_sier_bht(fixture)
    assert not hvem.registeret_sier_bht(None) and not hvem.registeret_sier_bht({"naeringskode1": "x"})


@pytest.fixture
def privat_arb(client):
    """A private ARB applicant that chose type «privat», while the registry says bedriftshelsetjeneste."""
    virksomhet = VirksomhetFactory(navnekilde=Virksomhet.Navnekilde.BRREG, brreg_data=BHT_I_REGISTERET)
    soknad = AnnenVirksomhetSoknadFactory(
        virksomhet=virksomhet, virksomhetstype="privat", bht_godkjent_arbeidstilsynet=None
    )
    client.force_login(soker_for(virksomhet))
    return soknad


def test_the_arbeidstilsynet_question_is_asked_when_the_registry_says_bht(privat_arb, client):
    page = client.get(reverse("soknader:seksjon", args=[privat_arb.pk, "ansvar"])).content.decode()
    assert "Er bedriftshelsetjenesten godkjent av Arbeidstilsynet?" in page
    Virksomhet.objects.filter(pk=privat_arb.virksomhet_id).update(brreg_data={"naeringskode1": {"beskrivelse": "X"}})
    page = client.get(reverse("soknader:seksjon", args=[privat_arb.pk, "ansvar"])).content.decode()
    assert "Er bedriftshelsetjenesten godkjent av Arbeidstilsynet?" not in page


def test_a_bht_not_approved_by_arbeidstilsynet_gets_the_cannot_apply_yet_page(privat_arb, client):
    LaeringsarenaFactory(soknad=privat_arb, laeringsmal="Alle; Alle FKM")
    url = reverse("soknader:seksjon", args=[privat_arb.pk, "ansvar"])
    data = dict.fromkeys(("ansvar_rammer", "ansvar_veiledning", "ansvar_supervisjon"), "on")
    response = client.post(url, {**data, "bht_godkjent_arbeidstilsynet": "False", "fortsett": "1"})
    assert response["Location"] == reverse("soknader:kan_ikke_soke", args=[privat_arb.pk])
    page = client.get(response["Location"]).content.decode()
    assert "<h1>Dere kan ikke søke ennå</h1>" in page and "godkjent av Arbeidstilsynet" in page
    assert "lovdata.no" in page and "Endre svaret om godkjenning" in page
    with pytest.raises(errors.SubmitRefused):
        innsending.soknad_submit(soknad=Soknad.objects.get(pk=privat_arb.pk), bruker=privat_arb.opprettet_av)


def test_the_demo_bht_is_offered_only_arb_and_sam_with_the_reason_for_alm(client):
    call_command("demodata", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="bht"))
    response = client.get(reverse("soknader:ny"))
    choices = [value for value, _ in response.context["form"].fields["spesialitet"].choices]
    assert choices == ["SAM", "ARB"]
    assert "Allmennmedisin kan bare søkes av en kommune" in response.content.decode()


def test_the_start_page_links_to_where_hospitals_and_stami_apply(client):
    call_command("demodata", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="bht"))
    page = client.get(reverse("soknader:ny")).content.decode()
    assert f'href="{hvem.GODKJENNING_URL}"' in page and "STAMI" in page


def test_arena_types_follow_the_specialty_and_the_organisation(client):
    bht = AnnenVirksomhetSoknadFactory()
    client.force_login(soker_for(bht.virksomhet))
    page = client.get(reverse("soknader:ny_laeringsarena", args=[bht.pk])).content.decode()
    assert 'value="bht"' in page and 'value="stami"' in page
    assert 'value="helsestasjon"' not in page and 'value="fengselshelsetjeneste"' not in page
    # an arena stored earlier with another type keeps it in the list
    arena = LaeringsarenaFactory(soknad=bht, type="helsestasjon")
    page = client.get(reverse("soknader:laeringsarena", args=[bht.pk, arena.pk])).content.decode()
    assert 'value="helsestasjon"' in page
    # a post of a type not offered is refused
    response = client.post(reverse("soknader:ny_laeringsarena", args=[bht.pk]), {"type": "sykehjem"})
    assert response.status_code == 200 and not Laeringsarena.objects.filter(type="sykehjem").exists()


def test_a_sam_arena_form_gives_sam_examples():
    from soknader.forms import LaeringsarenaForm
    from soknader.skjema import Kontekst

    sam = LaeringsarenaForm(soknad_kontekst=Kontekst(spesialitet="SAM", virksomhetstype="kommune", er_kommune=True))
    assert "«SAM 1-6»" in sam.fields["laeringsmal"].help_text and "ALM" not in sam.fields["laeringsmal"].help_text
