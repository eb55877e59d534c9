"""Issue 22: the applicant answers an anmodning and sends the updated application in one step; a sent application's
page says where the case stands (the decision and its letter first), never in fill-in words."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from soknader.choices import Status
from soknader.models import Melding, Soknad, Vedlegg
from soknader.services import dialog, innsending, saksbehandling
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)
from tests.soknader.pdfer import PDF

pytestmark = pytest.mark.django_db
FRIST = dt.date(2030, 1, 15)


@pytest.fixture
def saksbehandler():
    user = saksbehandler_bruker(username="sb")
    return user


@pytest.fixture
def soker():
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    user = soker_for(soknad.virksomhet, username="kari")
    innsending.soknad_submit(soknad=soknad, bruker=user)
    return user


@pytest.fixture
def anmodet(soker, saksbehandler):
    soknad = Soknad.objects.get()
    return dialog.soknad_request_information(
        soknad=soknad, bruker=saksbehandler, melding="Legg ved avtalen med helseforetaket.", frist=FRIST
    )


def test_the_answer_page_has_the_request_the_changes_and_one_button(anmodet, soker, client):
    client.force_login(soker)
    page = client.get(reverse("soknader:svar", args=[anmodet.pk])).content.decode()
    assert "Legg ved avtalen med helseforetaket." in page and "Du må svare innen 15. januar 2030." in page
    assert page.count("Send svar og oppdatert søknad") == 1
    assert reverse("soknader:seksjon", args=[anmodet.pk, "ansvar"]) + "?neste=" in page  # the changes asked for


def test_message_pdf_and_resubmission_in_one_step(anmodet, soker, client):
    client.force_login(soker)
    response = client.post(
        reverse("soknader:svar", args=[anmodet.pk]),
        {"tekst": "Avtalen ligger ved.", "vedlegg": [SimpleUploadedFile("avtale.pdf", PDF, "application/pdf")]},
    )
    assert response["Location"] == reverse("soknader:kvittering", args=[anmodet.pk])
    anmodet.refresh_from_db()
    assert anmodet.status == Status.SENDT_INN_PA_NYTT
    assert Melding.objects.get(fra=Melding.Fra.SOKER).tekst == "Avtalen ligger ved."
    assert Vedlegg.objects.get().filnavn == "avtale.pdf"
    page = client.get(reverse("soknader:oppgaver", args=[anmodet.pk])).content.decode()
    assert "<h1>Søknaden er sendt inn på nytt</h1>" in page and "Fyll ut søknaden" not in page


def test_an_incomplete_application_keeps_the_answer_and_says_what_remains_beside_the_button(anmodet, soker, client):
    Soknad.objects.filter(pk=anmodet.pk).update(kontaktperson_navn="")
    client.force_login(soker)
    url = reverse("soknader:svar", args=[anmodet.pk])
    response = client.post(url, {"tekst": "Her er svaret."})
    assert response["Location"] == url + "#gjenstar"
    anmodet.refresh_from_db()
    assert anmodet.status == Status.SVAR_MOTTATT and Melding.objects.filter(fra=Melding.Fra.SOKER).count() == 1
    page = client.get(url).content.decode()
    assert "Dette gjenstår før søknaden kan sendes inn på nytt" in page
    assert page.index('id="gjenstar"') < page.index(">Send svar og oppdatert søknad</button>")
    assert "Mer til Helsedirektoratet (valgfritt)" in page  # answered: more words are optional now
    # once complete, the same button sends it with nothing more to say
    Soknad.objects.filter(pk=anmodet.pk).update(kontaktperson_navn="Kari Nordmann")
    client.post(url, {"tekst": ""})
    anmodet.refresh_from_db()
    assert anmodet.status == Status.SENDT_INN_PA_NYTT
    assert Melding.objects.filter(fra=Melding.Fra.SOKER).count() == 1


def test_an_empty_answer_uses_the_error_summary_and_points_to_no_missing_button(anmodet, soker, client):
    client.force_login(soker)
    response = client.post(reverse("soknader:svar", args=[anmodet.pk]), {"tekst": "  "})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="feiloppsummering"' in page and 'href="#id_tekst"' in page
    assert "Skriv et svar til Helsedirektoratet" in page and "nederst på siden" not in page


def test_the_deadline_and_the_action_on_my_applications_and_the_task_list(anmodet, soker, client):
    client.force_login(soker)
    page = client.get(reverse("soknader:mine")).content.decode()
    assert "Du må svare innen 15. januar 2030." in page and "Venter på svar fra deg" in page
    assert reverse("soknader:svar", args=[anmodet.pk]) in page
    page = client.get(reverse("soknader:oppgaver", args=[anmodet.pk])).content.decode()
    assert "Du må svare innen 15. januar 2030." in page and "Svar under" not in page
    assert reverse("soknader:svar", args=[anmodet.pk]) in page


def test_the_decision_and_its_letter_come_first_after_registration(soker, saksbehandler, client):
    soknad = Soknad.objects.get()
    saksbehandling.soknad_register(soknad=soknad, bruker=saksbehandler, vedtaksdato=timezone.localdate())
    client.force_login(soker)
    for url in (reverse("soknader:oppgaver", args=[soknad.pk]), reverse("soknader:se_over", args=[soknad.pk])):
        page = client.get(url).content.decode()
        assert "<h1>Virksomheten er registrert</h1>" in page
        assert "Fyll ut søknaden" not in page and "Se over og send inn" not in page
        assert "Råd: Dette vil Helsedirektoratet se etter" not in page
        assert page.index('id="vedtak"') < page.index("Les vedtaksbrevet") < page.index("Svarene i søknaden")


def test_the_receipt_links_the_pdf_and_says_how_long_and_that_a_copy_was_mailed(soker, client, settings):
    settings.SOKNAD_BEHANDLINGSTID_UKER = 6
    soknad = Soknad.objects.get()
    client.force_login(soker)
    page = client.get(reverse("soknader:kvittering", args=[soknad.pk])).content.decode()
    assert reverse("soknader:innsending_pdf", args=[soknad.pk, 1]) in page
    assert "omtrent 6 uker" in page
    assert f"på e-post til {soknad.kontaktperson_epost}" in page


@pytest.mark.parametrize(
    ("status", "overskrift"),
    [
        (Status.INNSENDT, "Søknaden er sendt inn"),
        (Status.UNDER_BEHANDLING, "Søknaden er under behandling"),
        (Status.TRUKKET, "Søknaden er trukket"),
    ],
)
def test_a_status_page_per_state(soker, client, status, overskrift):
    soknad = Soknad.objects.get()
    Soknad.objects.filter(pk=soknad.pk).update(status=status)
    client.force_login(soker)
    page = client.get(reverse("soknader:oppgaver", args=[soknad.pk])).content.decode()
    assert f"<h1>{overskrift}</h1>" in page and "Fyll ut søknaden" not in page


def test_a_kommune_is_named_with_kommune_in_sentences_and_cards(soker, saksbehandler, client):
    soknad = Soknad.objects.get()
    saksbehandling.soknad_register(soknad=soknad, bruker=saksbehandler, vedtaksdato=timezone.localdate())
    client.force_login(soker)
    navn = soknad.virksomhet.navn
    page = client.get(reverse("soknader:oppgaver", args=[soknad.pk])).content.decode()
    assert f"{navn} kommune er registrert som utdanningsvirksomhet for allmennmedisin" in page
    assert f">{navn} kommune</a>" in client.get(reverse("soknader:mine")).content.decode()
