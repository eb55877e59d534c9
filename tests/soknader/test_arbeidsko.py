"""The caseworker's work queue (issue 21): tabs with counts, oldest waiting first, who has the case, the applicant's
last move, search, taking and giving a case, and "Neste sak" after a decision."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from soknader.choices import Status
from soknader.models import Melding, Soknad
from soknader.services import tildeling
from tests.soknader.factories import UserFactory, saksbehandler_bruker
from tests.soknader.test_handlingspanel import i_status

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/soknader/soknad/"


@pytest.fixture
def ola():
    return saksbehandler_bruker("ola", first_name="Ola", last_name="Saksbehandler")


def _venter(soknad, dager):
    Soknad.objects.filter(pk=soknad.pk).update(venter_siden=timezone.now() - dt.timedelta(days=dager))


def test_the_tabs_count_the_open_cases_by_whose_move_it_is(sb_client, siri):
    innsendt = i_status(Status.INNSENDT, siri)
    anmodning = i_status(Status.ANMODNING_SENDT, siri)
    svar = i_status(Status.SVAR_MOTTATT, siri)
    pa_nytt = i_status(Status.SENDT_INN_PA_NYTT, siri)
    Melding.objects.filter(soknad=anmodning).update(frist=timezone.localdate() - dt.timedelta(days=1))
    tildeling.soknad_assign(soknad=innsendt, bruker=siri, til=siri)
    page = sb_client.get(CHANGELIST).content.decode()
    for tab in (
        "Alle åpne (4)",
        "Mine saker (1)",
        "Ikke fordelt (3)",
        "Svar mottatt (1)",
        "Venter på svar (1)",
        "Sendt inn på nytt (1)",
        "Svarfrist passert (1)",
        "Klar for vedtak (ingen mangler) (3)",  # the caseworker's move and nothing missing: not the one waiting
    ):
        assert tab in page, tab
    for ko, hvem in (("mine", innsendt), ("svar", svar), ("pa_nytt", pa_nytt), ("frist", anmodning)):
        page = sb_client.get(f"{CHANGELIST}?ko={ko}").content.decode()
        assert f"/{hvem.pk}/change/" in page and page.count("/change/") == 1, ko
    page = sb_client.get(f"{CHANGELIST}?ko=pa_nytt").content.decode()
    assert "Sendt inn på nytt (v2)" in page
    assert "Sendt inn på nytt (v2)" in sb_client.get(f"{CHANGELIST}{pa_nytt.pk}/change/").content.decode()


def test_oldest_waiting_first_then_the_decided_with_days_assignee_and_applicants_last_move(sb_client, siri):
    ny, gammel, midt = (i_status(Status.INNSENDT, siri) for _ in range(3))
    _venter(gammel, 20)
    _venter(midt, 5)
    avgjort = i_status(Status.UNDER_BEHANDLING, siri)
    from soknader.services import saksbehandling

    saksbehandling.soknad_register(soknad=avgjort, bruker=siri)
    tildeling.soknad_assign(soknad=midt, bruker=siri, til=siri)
    page = sb_client.get(CHANGELIST).content.decode()
    rekkefolge = [page.index(f"/{s.pk}/change/") for s in (gammel, midt, ny, avgjort)]
    assert rekkefolge == sorted(rekkefolge)
    assert "Siri Saksbehandler" in page and f"{timezone.localdate():%d.%m.%Y}" in page
    assert Soknad.objects.get(pk=avgjort.pk).venter_siden is None
    assert Soknad.objects.get(pk=ny.pk).soker_aktiv is not None


def test_search_by_contact_person_and_fylke(sb_client, siri):
    soknad = i_status(Status.INNSENDT, siri)
    Soknad.objects.filter(pk=soknad.pk).update(kontaktperson_navn="Gunnhild Gran", kontaktperson_epost="gg@bodo.no")
    for q in ("Gunnhild", "gg@bodo.no", "Nordland", soknad.referanse):
        assert f"/{soknad.pk}/change/" in sb_client.get(CHANGELIST, {"q": q}).content.decode(), q
    assert f"/{soknad.pk}/change/" not in sb_client.get(CHANGELIST, {"q": "Agder"}).content.decode()


def test_take_give_and_release_a_case_each_with_its_history_row(sb_client, siri, ola):
    soknad = i_status(Status.INNSENDT, siri)
    url = reverse("admin:soknader_soknad_tildel", args=[soknad.pk])
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert "Saken er ikke fordelt." in page and "Ta saken" in page
    sb_client.post(url, {"gjor": "ta", "til": str(ola.pk)})
    assert Soknad.objects.get(pk=soknad.pk).saksbehandler == siri
    sb_client.post(url, {"gjor": "gi", "til": str(ola.pk)})
    assert Soknad.objects.get(pk=soknad.pk).saksbehandler == ola
    sb_client.post(url, {"gjor": "frigi"})
    assert Soknad.objects.get(pk=soknad.pk).saksbehandler is None
    meldinger = list(soknad.historikk.values_list("melding", flat=True))[-3:]
    assert meldinger == [
        "Siri Saksbehandler tok saken.",
        "Saken er gitt til Ola Saksbehandler.",
        "Saken er frigitt (var hos Ola Saksbehandler).",
    ]
    assert soknad.historikk.last().til_status == Status.INNSENDT  # the status stays
    # someone who is no caseworker cannot be given the case
    page = sb_client.post(url, {"gjor": "gi", "til": str(UserFactory().pk)}, follow=True).content.decode()
    assert "Velg en saksbehandler." in page


def test_bulk_take_and_release(sb_client, siri):
    a, b = i_status(Status.INNSENDT, siri), i_status(Status.INNSENDT, siri)
    sb_client.post(CHANGELIST, {"action": "ta_saker", "_selected_action": [a.pk, b.pk]})
    assert set(Soknad.objects.values_list("saksbehandler", flat=True)) == {siri.pk}
    sb_client.post(CHANGELIST, {"action": "frigi_saker", "_selected_action": [a.pk]})
    assert Soknad.objects.get(pk=a.pk).saksbehandler is None


def test_next_case_after_a_decision_is_the_oldest_waiting_mine_or_no_ones(sb_client, siri, ola):
    soknad, neste, olas = (i_status(Status.INNSENDT, siri) for _ in range(3))
    _venter(olas, 30)
    _venter(neste, 10)
    tildeling.soknad_assign(soknad=olas, bruker=ola, til=ola)
    response = sb_client.post(
        reverse("admin:soknader_soknad_handling", args=[soknad.pk, "registrert"]),
        {"status": "innsendt", "vedtaksdato": str(timezone.localdate())},
        follow=True,
    )
    assert "Neste sak" in response.content.decode()
    response = sb_client.get(reverse("admin:soknader_soknad_neste") + f"?fra={soknad.pk}")
    assert response["Location"].endswith(f"/{neste.pk}/change/")
    Soknad.objects.filter(pk=neste.pk).update(saksbehandler=ola)
    response = sb_client.get(reverse("admin:soknader_soknad_neste"), follow=True)
    assert "Ingen saker venter på deg." in response.content.decode()


def test_the_queue_costs_the_same_queries_for_1_and_12_cases(sb_client, siri, django_capture_on_commit_callbacks):
    """Drawn after a change (nothing kept: soknader.kotall, soknader.listecache), the tab reads the same for 1 case
    as for 12."""

    def etter(endring):
        with django_capture_on_commit_callbacks(execute=True):
            endring()
        with CaptureQueriesContext(connection) as ctx:
            page = sb_client.get(CHANGELIST, {"ko": "svar"}).content.decode()
        return page, ctx

    forste = i_status(Status.SVAR_MOTTATT, siri)
    sb_client.get(CHANGELIST, {"ko": "svar"})  # the versions of what is kept exist from the first view on
    page, one = etter(lambda: tildeling.soknad_assign(soknad=forste, bruker=siri, til=siri))
    assert page.count("/change/") == 1
    page, many = etter(
        lambda: [
            tildeling.soknad_assign(soknad=i_status(Status.SVAR_MOTTATT, siri), bruker=siri, til=siri)
            for _ in range(11)
        ]
    )
    assert page.count("/change/") == 12
    assert len(one.captured_queries) == len(many.captured_queries)


def test_the_admin_start_page_leads_to_the_queue(sb_client):
    page = sb_client.get("/admin/").content.decode()
    assert "Arbeidskø" in page and f"{CHANGELIST}?ko=mine" in page and reverse("admin:soknader_soknad_neste") in page


def test_the_case_page_collapses_the_confirmations_and_names_the_missing(sb_client, siri):
    soknad = i_status(Status.INNSENDT, siri)
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert re.search(r"(\d+) av \1 bekreftet", page)
    assert "Virksomheten følger spesialistforskriften" not in page  # no row "Ja" per confirmation
    Soknad.objects.filter(pk=soknad.pk).update(ansvar_supervisjon=False)
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    alle = int(re.search(r"\d+ av (\d+) bekreftet", page).group(1))
    assert f"{alle - 1} av {alle} bekreftet" in page and "Virksomheten sørger for at LIS får supervisjon" in page


def test_the_tab_counts_follow_every_change_to_a_case(sb_client, siri, django_capture_on_commit_callbacks):
    """The counts are cached between page views (soknader.kotall); taking a case, an answer and a decision are seen
    on the next view, never the counts from before."""
    forste, andre = i_status(Status.INNSENDT, siri), i_status(Status.INNSENDT, siri)
    assert "Mine saker (0)" in sb_client.get(CHANGELIST).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        tildeling.soknad_assign(soknad=forste, bruker=siri, til=siri)
    page = sb_client.get(CHANGELIST).content.decode()
    assert "Mine saker (1)" in page and "Ikke fordelt (1)" in page
    from soknader.services import saksbehandling

    with django_capture_on_commit_callbacks(execute=True):
        saksbehandling.soknad_register(soknad=andre, bruker=siri)
    page = sb_client.get(CHANGELIST).content.decode()
    assert "Alle åpne (1)" in page and "Ikke fordelt (0)" in page
    # Another caseworker's «Mine saker» is their own.
    ola = saksbehandler_bruker("ola")
    sb_client.force_login(ola)
    assert "Mine saker (0)" in sb_client.get(CHANGELIST).content.decode()
