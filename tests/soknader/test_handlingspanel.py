"""The caseworker's action panel (issue 21): in every open state a choice of actions, each with its form, and the
moves on an open anmodning (follow-up, reminder, later deadline, withdraw) with their history row and mail."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from soknader.admin.handlinger import HANDLINGER, apne_handlinger
from soknader.choices import Status
from soknader.models import Soknad
from soknader.regler.status import SAKSBEHANDLERS_TUR, VENTENDE_STATUSER
from soknader.services import dialog, innsending, saksbehandling
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/soknader/soknad/"


@pytest.fixture
def saksbehandler():
    user = saksbehandler_bruker(username="sb", first_name="Siri", last_name="Saksbehandler")
    return user


@pytest.fixture
def sb_client(client, saksbehandler):
    client.force_login(saksbehandler)
    return client


# Nordland's kommuner: one application each
KOMMUNER = ["1804", "1806", "1813", "1820", "1824", "1833", "1837", "1838", "1839", "1840", "1841", "1845", "1848"]


def i_status(status: str, saksbehandler, kommunenummer: str | None = None) -> Soknad:
    """An application brought to `status` the way it gets there: submitted, reviewed, asked, answered, resubmitted.
    Each in its own kommune, unless `kommunenummer` says which."""
    if kommunenummer is None:
        kommunenummer = KOMMUNER[Soknad.objects.count()]
    soknad = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer=kommunenummer))
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    soker = soker_for(soknad.virksomhet)
    soknad = innsending.soknad_submit(soknad=soknad, bruker=soker)
    steps = [Status.INNSENDT, Status.UNDER_BEHANDLING, Status.ANMODNING_SENDT, Status.SVAR_MOTTATT]
    if status in (Status.UNDER_BEHANDLING, *steps[2:], Status.SENDT_INN_PA_NYTT):
        soknad = saksbehandling.soknad_start_review(soknad=soknad, bruker=saksbehandler)
    if status in (*steps[2:], Status.SENDT_INN_PA_NYTT):
        soknad = dialog.soknad_request_information(soknad=soknad, bruker=saksbehandler, melding="Send avtalen.")
    if status in (Status.SVAR_MOTTATT, Status.SENDT_INN_PA_NYTT):
        dialog.soknad_answer(soknad=soknad, bruker=soker, tekst="Avtalen kommer.")
    if status == Status.SENDT_INN_PA_NYTT:
        innsending.soknad_submit(soknad=Soknad.objects.get(pk=soknad.pk), bruker=soker)
    soknad = Soknad.objects.get(pk=soknad.pk)
    assert soknad.status == status
    return soknad


# what a valid form for each action holds (besides the status the caseworker saw)
GYLDIG = {
    Status.REGISTRERT: lambda s: {"vedtaksdato": str(timezone.localdate())},
    Status.AVSLATT: lambda s: {"vedtaksdato": str(timezone.localdate()), "begrunnelse": "Mangler avtale."},
    Status.UNDER_BEHANDLING: lambda s: {},
    Status.ANMODNING_SENDT: lambda s: {"melding": "Send avtalen med sykehuset.", "frist": ""},
    "oppfolging": lambda s: {"melding": "Vi minner om avtalen.", "frist": str(timezone.localdate() + dt.timedelta(7))},
    "forleng_frist": lambda s: {"frist": str(timezone.localdate() + dt.timedelta(60))},
    "paminn": lambda s: {},
    "trekk_anmodning": lambda s: {"melding": "Vi fant avtalen selv."},
    "forelopig_svar": lambda s: {
        "melding": "Vi har mange søknader.",
        "forventet": str(timezone.localdate() + dt.timedelta(60)),
    },
}
ALLE = [(status, handling) for status in sorted(VENTENDE_STATUSER) for handling in apne_handlinger(status)]


def test_every_open_state_offers_a_decision_and_the_moves_on_an_open_anmodning():
    for status in VENTENDE_STATUSER:
        assert {Status.REGISTRERT, Status.AVSLATT} <= set(apne_handlinger(status)), status
        assert apne_handlinger(status)[0] == Status.REGISTRERT and apne_handlinger(status)[-1] == Status.AVSLATT
    assert set(apne_handlinger(Status.ANMODNING_SENDT)) == {
        Status.REGISTRERT,
        "oppfolging",
        "forleng_frist",
        "paminn",
        "trekk_anmodning",
        "forelopig_svar",
        Status.AVSLATT,
    }
    assert set(GYLDIG) == set(HANDLINGER)


@pytest.mark.parametrize("status", sorted(VENTENDE_STATUSER))
def test_the_case_page_has_one_panel_with_a_form_for_every_action_open_in_the_state(sb_client, saksbehandler, status):
    soknad = i_status(status, saksbehandler)
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert page.count("Hva vil du gjøre?") == 2  # the heading and the table of contents
    for handling in apne_handlinger(status):
        rad = HANDLINGER[handling]
        assert f'action="{reverse("admin:soknader_soknad_handling", args=[soknad.pk, handling])}"' in page
        assert str(rad.tittel) in page and str(rad.knapp) in page
    # closed until chosen, one at a time; a clean case on the caseworker's move opens at "Registrere"
    assert len(re.findall(r'<details name="sb-handling"', page)) == len(apne_handlinger(status))
    apne = re.findall(r'id="sb-valg-(\w+)" open>', page)
    assert apne == (["registrer"] if status in SAKSBEHANDLERS_TUR else [])


@pytest.mark.parametrize(("status", "handling"), ALLE)
def test_every_state_and_action_leads_to_a_form_that_does_it(sb_client, saksbehandler, status, handling):
    soknad = i_status(status, saksbehandler)
    historikk, eposter = soknad.historikk.count(), soknad.eposter.count()
    forhandsvis = {"forhandsvis": "1"} if HANDLINGER[handling].vedtak else {}
    response = sb_client.post(
        reverse("admin:soknader_soknad_handling", args=[soknad.pk, handling]),
        {"status": status, **GYLDIG[handling](soknad), **forhandsvis},
        follow=True,
    )
    page = response.content.decode()
    if HANDLINGER[handling].vedtak:  # a decision: its letter first, then "send"
        assert "Forhåndsvis vedtaksbrevet" in page and 'name="forhandsvis"' not in page
        assert Soknad.objects.get(pk=soknad.pk).status == status
        return
    assert str(HANDLINGER[handling].ferdig) in page, page[:3000]
    assert soknad.historikk.count() == historikk + 1
    if handling != Status.UNDER_BEHANDLING:  # every word to the applicant goes by mail
        assert soknad.eposter.count() == eposter + 1


def test_a_later_deadline_is_mailed_and_the_reminder_comes_again(sb_client, saksbehandler):
    soknad = i_status(Status.ANMODNING_SENDT, saksbehandler)
    anmodning = soknad.siste_anmodning
    anmodning.paminnet = timezone.now()
    anmodning.save()
    ny = timezone.localdate() + dt.timedelta(60)
    sb_client.post(
        reverse("admin:soknader_soknad_handling", args=[soknad.pk, "forleng_frist"]),
        {"status": "anmodning_sendt", "frist": f"{ny:%d.%m.%Y}"},
    )
    anmodning.refresh_from_db()
    assert anmodning.frist == ny and anmodning.paminnet is None
    epost = soknad.eposter.latest("pk")
    assert "ny svarfrist" in epost.emne and f"{ny:%-d}" in epost.tekst
    assert soknad.historikk.last().melding == f"Svarfristen er forlenget til {ny:%d.%m.%Y}."
    # not earlier than the deadline it replaces
    page = sb_client.post(
        reverse("admin:soknader_soknad_handling", args=[soknad.pk, "forleng_frist"]),
        {"status": "anmodning_sendt", "frist": str(ny - dt.timedelta(1))},
        follow=True,
    ).content.decode()
    assert "må være etter den gjeldende" in page


def test_withdrawing_the_request_puts_the_case_under_review_and_tells_the_applicant(sb_client, saksbehandler):
    soknad = i_status(Status.SVAR_MOTTATT, saksbehandler)
    sb_client.post(
        reverse("admin:soknader_soknad_handling", args=[soknad.pk, "trekk_anmodning"]),
        {"status": "svar_mottatt", "melding": ""},
    )
    soknad.refresh_from_db()
    assert soknad.status == Status.UNDER_BEHANDLING and soknad.anmodning == "" and not soknad.er_redigerbar
    assert "trenger ikke lenger" in soknad.eposter.latest("pk").emne
    assert soknad.historikk.last().melding == "Anmodningen er trukket tilbake."


def test_a_refused_form_opens_its_own_choice_with_the_error(sb_client, saksbehandler):
    soknad = i_status(Status.ANMODNING_SENDT, saksbehandler)
    page = sb_client.post(
        reverse("admin:soknader_soknad_handling", args=[soknad.pk, "oppfolging"]),
        {"status": "anmodning_sendt", "melding": "", "frist": ""},
    ).content.decode()
    assert re.search(r'id="sb-valg-oppfolging" open>', page)
    assert page.count(" open>") == 1 and "Skriv hva søkeren må gjøre eller svare på." in page


def test_the_history_button_leads_to_the_history_and_there_is_no_dead_view_on_site(sb_client, saksbehandler):
    soknad = i_status(Status.INNSENDT, saksbehandler)
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert "Vis på nettsted" not in page and "/r/" not in page
    response = sb_client.get(f"{CHANGELIST}{soknad.pk}/history/")
    assert response.status_code == 302 and response["Location"].endswith(f"/{soknad.pk}/change/#sb-historikk-tittel")
    assert sb_client.get(f"{CHANGELIST}999999/history/").status_code == 404
