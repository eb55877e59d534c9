"""The caseworkers' list keeps its drawn page between views (soknader.listecache): a view of an unchanged page reads
no application, and every change to what a row shows is on the next view, never the page from before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from brreg.models import Kommune
from soknader.choices import Status
from soknader.models import Mangel, Soknad
from soknader.services import dialog, mangelvurdering, refresh, saksbehandling, tildeling
from tests.soknader.factories import saksbehandler_bruker, soker_for
from tests.soknader.test_arbeidsko import CHANGELIST
from tests.soknader.test_handlingspanel import i_status

pytestmark = pytest.mark.django_db


def _side(client, **params) -> str:
    return client.get(CHANGELIST, params).content.decode()


def _rad(side: str, soknad: Soknad) -> str:
    """The row of `soknad` on the page."""
    start = side.index(f'value="{soknad.pk}" class="action-select"')
    return side[start : side.index("</tr>", start)]


def test_an_unchanged_page_is_shown_again_without_reading_an_application(sb_client, siri):
    for _ in range(3):
        i_status(Status.INNSENDT, siri)
    forste = _side(sb_client)
    with CaptureQueriesContext(connection) as ctx:
        igjen = _side(sb_client)
    assert igjen.count("/change/") == forste.count("/change/") == 3
    lest = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "soknader_soknad" not in lest and "soknader_mangel" not in lest
    # the session, the user and their permissions (2), saved filters, two versions, the sidebar's regions and fylker
    assert len(ctx.captured_queries) <= 9


def test_every_change_to_what_a_row_shows_is_on_the_next_view(sb_client, siri, django_capture_on_commit_callbacks):
    soknad = i_status(Status.INNSENDT, siri)
    annen = i_status(Status.INNSENDT, siri)

    def etter(endring) -> str:
        _side(sb_client)  # the page is kept
        with django_capture_on_commit_callbacks(execute=True):
            endring()
        return _rad(_side(sb_client), soknad)

    assert "–" in _rad(_side(sb_client), soknad)
    # the status, the assignee and the applicant's organisation and kommune
    assert "Under behandling" in etter(lambda: saksbehandling.soknad_start_review(soknad=soknad, bruker=siri))
    assert "siri" in etter(lambda: tildeling.soknad_assign(soknad=soknad, bruker=siri, til=siri))

    def nytt_navn():
        soknad.virksomhet.navn = "Nytt navn kommune"
        soknad.virksomhet.save(update_fields=["navn"])

    assert "Nytt navn kommune" in etter(nytt_navn)
    kommune = Kommune.objects.get(pk=soknad.virksomhet.kommune_id)

    def kommunenavn():
        kommune.navn = "Nykommune"
        kommune.save(update_fields=["navn"])

    assert "Nykommune" in etter(kommunenavn)
    # a finding stored by the refresh (bulk_create, no signal), then assessed as in order
    Soknad.objects.filter(pk=soknad.pk).update(hf_avtale_inngatt=False, hf_avtale_navn="")
    assert "Avtale med HF mangler" in etter(lambda: refresh.mangler_refresh(soknad=Soknad.objects.get(pk=soknad.pk)))
    mangel = Mangel.objects.get(soknad=soknad, kode="HF_AVTALE_MANGLER")
    assert "Vurdert – i orden" in etter(
        lambda: mangelvurdering.mangel_assess(soknad=soknad, bruker=siri, mangel_id=mangel.pk, notat="Avtalen finnes.")
    )
    # the applicant answers: the tab «Svar mottatt» shows the case
    etter(lambda: dialog.soknad_request_information(soknad=Soknad.objects.get(pk=soknad.pk), bruker=siri, melding="?"))
    assert f'value="{soknad.pk}"' not in _side(sb_client, ko="svar")
    with django_capture_on_commit_callbacks(execute=True):
        dialog.soknad_answer(soknad=Soknad.objects.get(pk=soknad.pk), bruker=soker_for(soknad.virksomhet), tekst="Ja.")
    assert f'value="{soknad.pk}"' in _side(sb_client, ko="svar")
    # the other case, untouched, is drawn as before
    assert f'value="{annen.pk}"' in _side(sb_client)


def test_each_caseworker_their_own_tab_and_each_language_its_own_page(sb_client, siri, client):
    soknad = i_status(Status.INNSENDT, siri)
    tildeling.soknad_assign(soknad=soknad, bruker=siri, til=siri)
    assert f'value="{soknad.pk}"' in _side(sb_client, ko="mine")
    ola = saksbehandler_bruker("ola", first_name="Ola", last_name="Saksbehandler")
    client.force_login(ola)
    assert f'value="{soknad.pk}"' not in _side(client, ko="mine")
    client.force_login(siri)
    client.cookies["django_language"] = "nn"
    nynorsk = _side(client)
    assert 'lang="nn"' in nynorsk
