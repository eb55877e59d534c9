"""Saved filters in the work queue (issue 21): a caseworker saves the queue's filter and search under a name, finds
them as links at the top of the queue, deletes them; nobody else ever sees them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soknader.choices import Status
from soknader.models import LagretFilter
from soknader.services import errors, lagrede_filtre
from tests.soknader.factories import saksbehandler_bruker
from tests.soknader.test_handlingspanel import i_status

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/soknader/soknad/"


def _sb(username, fornavn):
    user = saksbehandler_bruker(username=username, first_name=fornavn, last_name="Saksbehandler")
    return user


def _filtre(page: str) -> str:
    start = page.index('id="sb-lagrede-filtre-tittel"')
    return page[start : page.index("</section>", start)]


def test_a_caseworker_saves_the_current_filter_finds_it_at_the_top_and_deletes_it(client):
    siri = _sb("siri", "Siri")
    nord = i_status(Status.SVAR_MOTTATT, siri, kommunenummer="1804")
    i_status(Status.INNSENDT, siri, kommunenummer="4601")
    client.force_login(siri)
    page = client.get(CHANGELIST, {"ko": "svar", "q": "Bodø"}).content.decode()
    assert "Du har ingen lagrede filtre ennå." in _filtre(page)
    assert 'name="sporring" value="ko=svar&amp;q=Bod%C3%B8"' in page  # the current view, carried to "Lagre"

    response = client.post(
        reverse("admin:soknader_soknad_lagre_filter"), {"navn": "Svar fra Bodø", "sporring": "ko=svar&q=Bod%C3%B8&p=2"}
    )
    assert response["Location"] == f"{CHANGELIST}?ko=svar&q=Bod%C3%B8"  # the page number is no part of a view
    page = client.get(CHANGELIST).content.decode()
    assert "Filteret «Svar fra Bodø» er lagret." in page
    assert '<a href="?ko=svar&amp;q=Bod%C3%B8">Svar fra Bodø</a>' in _filtre(page)
    assert _filtre(page).index("Svar fra Bodø") < page.index('id="result_list"')  # at the top of the queue
    listed = client.get(f"{CHANGELIST}?ko=svar&q=Bod%C3%B8").content.decode()
    assert f"/{nord.pk}/change/" in listed and listed.count("/change/") == 1

    # the same name again replaces it; an empty name is refused
    client.post(reverse("admin:soknader_soknad_lagre_filter"), {"navn": "Svar fra Bodø", "sporring": "ko=mine"})
    assert list(LagretFilter.objects.values_list("navn", "sporring")) == [("Svar fra Bodø", "ko=mine")]
    page = client.post(
        reverse("admin:soknader_soknad_lagre_filter"), {"navn": " ", "sporring": "ko=mine"}, follow=True
    ).content.decode()
    assert "Gi filteret et navn." in page and LagretFilter.objects.count() == 1

    lagret = LagretFilter.objects.get()
    page = client.post(
        reverse("admin:soknader_soknad_slett_filter", args=[lagret.pk]), {"neste": f"{CHANGELIST}?ko=alle"}, follow=True
    ).content.decode()
    assert "Filteret er slettet." in page and "Du har ingen lagrede filtre ennå." in _filtre(page)
    assert not LagretFilter.objects.exists()


def test_saved_filters_are_the_caseworkers_own(client):
    siri, ola = _sb("siri", "Siri"), _sb("ola", "Ola")
    i_status(Status.INNSENDT, siri)
    siris = lagrede_filtre.filter_save(bruker=siri, navn="Siris hemmelige utvalg", sporring="ko=mine")
    client.force_login(ola)
    page = client.get(CHANGELIST).content.decode()
    assert "Siris hemmelige utvalg" not in page and "Du har ingen lagrede filtre ennå." in _filtre(page)
    # nor can Ola delete it
    page = client.post(reverse("admin:soknader_soknad_slett_filter", args=[siris.pk]), follow=True).content.decode()
    assert "Fant ikke filteret." in page and LagretFilter.objects.filter(pk=siris.pk).exists()
    with pytest.raises(errors.TransitionRefused):
        lagrede_filtre.filter_delete(bruker=ola, filter_id=siris.pk)
    client.force_login(siri)
    assert "Siris hemmelige utvalg" in _filtre(client.get(CHANGELIST).content.decode())


def test_the_queue_costs_the_same_queries_with_one_and_many_saved_filters(client):
    siri = _sb("siri", "Siri")
    i_status(Status.INNSENDT, siri)
    client.force_login(siri)
    lagrede_filtre.filter_save(bruker=siri, navn="Et", sporring="ko=mine")
    client.get(CHANGELIST)  # the queue's counts are cached from the first view (soknader.kotall)
    with CaptureQueriesContext(connection) as one:
        client.get(CHANGELIST)
    for n in range(15):
        lagrede_filtre.filter_save(bruker=siri, navn=f"Filter {n}", sporring=f"ko=alle&q={n}")
    with CaptureQueriesContext(connection) as many:
        page = client.get(CHANGELIST).content.decode()
    assert _filtre(page).count("<li>") == 16
    assert len(one.captured_queries) == len(many.captured_queries)


def test_a_caseworker_keeps_at_most_30_saved_filters_and_may_still_replace_one():
    from soknader.services import errors, lagrede_filtre

    siri = _sb("siri", "Siri")
    for n in range(lagrede_filtre.MAKS_PER_SAKSBEHANDLER):
        lagrede_filtre.filter_save(bruker=siri, navn=f"Utvalg {n}", sporring="ko=svar")
    with pytest.raises(errors.TransitionRefused, match="30 lagrede filtre"):
        lagrede_filtre.filter_save(bruker=siri, navn="Ett til", sporring="ko=klar")
    lagrede_filtre.filter_save(bruker=siri, navn="Utvalg 3", sporring="ko=klar")  # a name in use is replaced
    assert lagrede_filtre.filtre_for(siri).get(navn="Utvalg 3").sporring == "ko=klar"
