"""Mail and letters in the language the søker used (Soknad.sprak), whoever triggers them."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from brreg.services import virksomhet_get_or_create
from epost.services import epost_send_due
from soknader.models import Soknad
from soknader.services import dialog, utkast
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    UserFactory,
    gi_tilgang,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def saksbehandler():
    user = saksbehandler_bruker(username="sb")
    sb_client = Client()
    sb_client.force_login(user)
    sb_client.cookies["django_language"] = "nb"  # the caseworker works in bokmål
    return sb_client


def _sok(client, sprak) -> Soknad:
    soknad = KomplettSoknadFactory(kontaktperson_epost="kari@bodo.kommune.no")
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    client.force_login(soker_for(soknad.virksomhet))
    client.cookies["django_language"] = sprak
    assert client.post(reverse("soknader:se_over", args=[soknad.pk])).status_code == 302
    return Soknad.objects.get(pk=soknad.pk)


def _anmodning(saksbehandler, soknad, frist):
    url = reverse("admin:soknader_soknad_handling", args=[soknad.pk, "anmodning_sendt"])
    response = saksbehandler.post(url, {"status": soknad.status, "melding": "Send avtalen.", "frist": f"{frist}"})
    assert response.status_code == 302
    epost_send_due()
    return mail.outbox[-1]


@pytest.mark.parametrize(
    ("sprak", "kvittering", "anmodning"),
    [
        ("nn", "er motteken", "Helsedirektoratet ber om fleire opplysningar innan"),
        ("nb", "er mottatt", "Helsedirektoratet ber om flere opplysninger innen"),
    ],
)
def test_receipt_and_anmodning_are_in_the_language_the_soker_used(client, saksbehandler, sprak, kvittering, anmodning):
    soknad = _sok(client, sprak)
    assert soknad.sprak == sprak
    epost_send_due()
    assert mail.outbox[-1].subject == f"Kvittering: søknad {soknad.referanse} {kvittering}"
    frist = timezone.localdate() + dt.timedelta(days=14)
    melding = _anmodning(saksbehandler, soknad, frist)  # triggered by a caseworker working in bokmål
    assert melding.subject == f"Søknad {soknad.referanse}: {anmodning} {frist:%d.%m.%Y}"


def test_a_reminder_from_the_daily_command_is_in_the_sokers_language(client, saksbehandler):
    soknad = _sok(client, "nn")
    frist = timezone.localdate() + dt.timedelta(days=2)
    _anmodning(saksbehandler, soknad, frist)
    assert dialog.paminnelser_send() == 1
    epost_send_due()
    assert mail.outbox[-1].subject == f"Påminning: søknad {soknad.referanse}, svarfrist {frist:%d.%m.%Y}"


def test_the_language_follows_the_soker_when_they_answer_and_the_decision_is_in_it(client, saksbehandler):
    soknad = _sok(client, "nb")
    _anmodning(saksbehandler, soknad, timezone.localdate() + dt.timedelta(days=14))
    client.cookies["django_language"] = "nn"
    response = client.post(reverse("soknader:svar", args=[soknad.pk]), {"tekst": "Avtalen kjem."})
    assert response.status_code == 302
    assert Soknad.objects.get(pk=soknad.pk).sprak == "nn"
    # issue 22: the answer sends the updated application in again in the same step
    assert Soknad.objects.get(pk=soknad.pk).status == "sendt_inn_pa_nytt"
    url = reverse("admin:soknader_soknad_handling", args=[soknad.pk, "registrert"])
    saksbehandler.post(url, {"status": "sendt_inn_pa_nytt", "vedtaksdato": f"{timezone.localdate()}"})
    epost_send_due()
    assert mail.outbox[-1].subject == f"Søknad {soknad.referanse} er registrert"  # the same words in nynorsk
    assert Soknad.objects.get(pk=soknad.pk).status == "registrert"
    page = saksbehandler.get(reverse("admin:soknader_soknad_change", args=[soknad.pk])).content.decode()
    assert "Språk for brev og e-post" in page and "Nynorsk" in page


def test_an_application_started_in_nynorsk_is_kept_in_nynorsk_and_one_in_bokmal_in_bokmal(client):
    bruker = UserFactory()
    gi_tilgang(bruker, virksomhet_get_or_create(organisasjonsnummer="972418013"))
    client.force_login(bruker)
    client.cookies["django_language"] = "nn"
    client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "ALM"})
    client.cookies["django_language"] = "nb"
    client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "SAM"})
    assert dict(Soknad.objects.values_list("spesialitet", "sprak")) == {"ALM": "nn", "SAM": "nb"}
    assert utkast.sprak_gyldig("nn-NO") == "nn" and utkast.sprak_gyldig("en") is None


def test_the_sokers_messages_and_errors_are_in_nynorsk(client):
    soknad = KomplettSoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    client.cookies["django_language"] = "nn"
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    page = client.post(url, {"kontaktperson_navn": "Kari", "utkast": "1"}, follow=True).content.decode()
    assert "Utkastet er lagra." in page
    page = client.post(reverse("soknader:se_over", args=[soknad.pk]), follow=True).content.decode()
    assert "Søknaden kan ikkje sendast inn før alle delane er fullførte." in page
    response = client.post(reverse("soknader:svar", args=[soknad.pk]), {"tekst": "Her"}, follow=True)
    assert "Søknaden ventar ikkje på svar frå deg no." in response.content.decode()


def test_the_overview_is_kept_once_per_language(client):
    client.cookies["django_language"] = "nn"
    assert "Heile landet" in client.get(reverse("oversikt:oversikt")).content.decode()
    client.cookies["django_language"] = "nb"
    assert "Hele landet" in client.get(reverse("oversikt:oversikt")).content.decode()


def test_the_bad_input_page_is_in_the_language_of_the_cookie(client):
    client.cookies["django_language"] = "nn"
    response = client.get("/soknader/?q=%00")
    assert response.status_code == 400 and "ikkje kan brukast" in response.content.decode()
    client.cookies["django_language"] = "nb"
    assert "ikke kan brukes" in client.get("/soknader/?q=%00").content.decode()
