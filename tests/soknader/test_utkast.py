"""The anmodning drafted from the findings (issue 21): one click fills the form with a letter in the applicant's
language naming each missing point; the texts per finding are data the caseworkers edit in the admin."""

import pytest
from django.urls import reverse

from soknader.models import Mangeltekst, Soknad
from soknader.services import innsending
from soknader.services.anmodningsbrev import anmodning_utkast
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sb_client(client):
    user = saksbehandler_bruker("sb")
    client.force_login(user)
    return client


def _uten_hf_avtale(**kwargs) -> Soknad:
    soknad = KomplettSoknadFactory(hf_avtale_inngatt=False, hf_avtale_navn="", **kwargs)
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    return innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet))


def test_every_finding_has_its_text_in_both_languages():
    from soknader.choices import Mangelkode

    assert set(Mangeltekst.objects.values_list("kode", flat=True)) == set(Mangelkode.values)
    assert not Mangeltekst.objects.filter(bokmal="").exists() and not Mangeltekst.objects.filter(nynorsk="").exists()


def test_the_draft_names_each_missing_point_in_the_applicants_language():
    soknad = _uten_hf_avtale()
    tekst = anmodning_utkast(soknad)
    assert tekst.startswith("Takk for søknaden.")
    assert "1. Vi finner ikke avtale med helseforetak" in tekst
    assert "send den inn på nytt" in tekst
    Soknad.objects.filter(pk=soknad.pk).update(sprak="nn")
    tekst = anmodning_utkast(Soknad.objects.get(pk=soknad.pk))
    assert tekst.startswith("Takk for søknaden. For å kunne behandle han vidare")
    assert "1. Vi finn ikkje avtale med helseføretak" in tekst
    # the caseworkers' own wording is what the draft uses
    tekst = Mangeltekst.objects.get(kode="HF_AVTALE_MANGLER")  # edited as the admin saves it
    tekst.nynorsk = "Send oss avtalen med helseføretaket."
    tekst.save()
    assert "1. Send oss avtalen med helseføretaket." in anmodning_utkast(Soknad.objects.get(pk=soknad.pk))


def test_one_click_fills_the_anmodning_to_edit_before_sending(sb_client):
    soknad = _uten_hf_avtale()
    page = sb_client.get(f"/admin/soknader/soknad/{soknad.pk}/change/").content.decode()
    assert "Fyll inn utkast fra manglene" in page
    # the form opens drafted; the button drafts again (after an edit, or after the findings changed)
    assert "Vi finner ikke avtale med helseforetak" in page.split('id="anmodning-melding"')[1].split("</textarea>")[0]
    page = sb_client.post(
        reverse("admin:soknader_soknad_handling", args=[soknad.pk, "anmodning_sendt"]),
        {"status": "innsendt", "melding": "", "frist": "", "utkast": "1"},
    ).content.decode()
    assert 'id="sb-valg-anmodning" open>' in page
    assert "Vi finner ikke avtale med helseforetak" in page.split('id="anmodning-melding"')[1].split("</textarea>")[0]
    assert Soknad.objects.get(pk=soknad.pk).status == "innsendt"  # nothing sent yet


def test_the_texts_are_edited_in_the_admin_with_a_preview(sb_client):
    tekst = Mangeltekst.objects.get(kode="HF_AVTALE_MANGLER")
    page = sb_client.get(reverse("admin:soknader_mangeltekst_change", args=[tekst.pk])).content.decode()
    assert "slik står det i anmodningen" in page.lower() and "1. Vi finn ikkje avtale" in page
