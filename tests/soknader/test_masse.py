"""Bulk actions (issue 21): one confirmation page listing the cases, then each case its own letter, history row and
mail, all in one transaction: one refusal in the middle and nothing is done."""

import pytest

from epost.models import Epost
from soknader.choices import Status
from soknader.models import Soknad, Statusendring, Vedtaksbrev
from soknader.services import errors, masse
from tests.soknader.factories import saksbehandler_bruker
from tests.soknader.test_handlingspanel import i_status

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/soknader/soknad/"


@pytest.fixture
def siri():
    return saksbehandler_bruker("siri")


@pytest.fixture
def sb_client(client, siri):
    client.force_login(siri)
    return client


def _med_mangel(siri) -> Soknad:
    soknad = i_status(Status.INNSENDT, siri)
    soknad.mangler.create(
        kode="HF_AVTALE_MANGLER", alvorlighet="mangel", melding="Avtale med HF mangler", seksjon="ansvar"
    )
    return soknad


def test_register_the_clean_ones_after_one_confirmation_page(sb_client, siri):
    rene = [i_status(Status.INNSENDT, siri), i_status(Status.SENDT_INN_PA_NYTT, siri)]
    mangel = _med_mangel(siri)
    valgt = {"action": "masse_registrer", "_selected_action": [s.pk for s in [*rene, mangel]]}
    page = sb_client.post(CHANGELIST, valgt).content.decode()
    ok, utenfor = page.split('id="sb-masse-ok"')[1], page.split('id="sb-masse-utenfor"')[1]
    assert all(s.referanse in ok.split("</ul>")[0] for s in rene) and mangel.referanse in utenfor.split("</ul>")[0]
    assert not Vedtaksbrev.objects.exists()  # nothing before the confirmation
    eposter = Epost.objects.count()
    sb_client.post(CHANGELIST, {**valgt, "bekreft": "1", "index": "0"})
    assert {s.status for s in Soknad.objects.filter(pk__in=[s.pk for s in rene])} == {Status.REGISTRERT}
    assert Soknad.objects.get(pk=mangel.pk).status == Status.INNSENDT
    assert Vedtaksbrev.objects.count() == 2 and Epost.objects.count() == eposter + 2
    assert Statusendring.objects.filter(til_status=Status.REGISTRERT).count() == 2


def test_the_same_anmodning_to_each_with_its_own_letter(sb_client, siri):
    soknader = [i_status(Status.INNSENDT, siri) for _ in range(3)]
    valgt = {"action": "masse_anmodning", "_selected_action": [s.pk for s in soknader], "bekreft": "1"}
    page = sb_client.post(CHANGELIST, {**valgt, "melding": ""}).content.decode()
    assert "Skriv hva søkeren må gjøre eller svare på." in page  # refused: the page again, nothing sent
    sb_client.post(CHANGELIST, {**valgt, "melding": "Send avtalen med HF.", "frist": ""})
    for soknad in soknader:
        soknad.refresh_from_db()
        assert soknad.status == Status.ANMODNING_SENDT and soknad.meldinger.get().tekst == "Send avtalen med HF."
        assert soknad.eposter.filter(emne__contains="ber om flere opplysninger").count() == 1


def test_bulk_start_review(sb_client, siri):
    soknader = [i_status(Status.INNSENDT, siri) for _ in range(2)]
    sb_client.post(CHANGELIST, {"action": "masse_start", "_selected_action": [s.pk for s in soknader], "bekreft": "1"})
    assert set(Soknad.objects.values_list("status", flat=True)) == {Status.UNDER_BEHANDLING}


def test_a_failure_in_the_middle_leaves_nothing_half_done(siri):
    soknader = [i_status(Status.INNSENDT, siri) for _ in range(3)]
    historikk, eposter = Statusendring.objects.count(), Epost.objects.count()
    # the middle one is decided by someone else after the caseworker confirmed
    Soknad.objects.filter(pk=soknader[1].pk).update(status=Status.AVSLATT)
    with pytest.raises(errors.TransitionRefused):
        masse.soknader_register(soknader=soknader, bruker=siri)
    assert set(Soknad.objects.exclude(pk=soknader[1].pk).values_list("status", flat=True)) == {Status.INNSENDT}
    assert not Vedtaksbrev.objects.exists()
    assert (Statusendring.objects.count(), Epost.objects.count()) == (historikk, eposter)
