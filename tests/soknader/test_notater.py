"""Internal notes on a case (issue 21): written by a caseworker, in the case page's one timeline with status changes,
messages, mails and documents by time and with who; never shown to the applicant."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from epost.models import Epost
from soknader import dokumenter, exports
from soknader.choices import Status
from soknader.models import Notat, Soknad
from soknader.services import dialog, errors, notater, saksbehandling
from tests.soknader.factories import saksbehandler_bruker, soker_for
from tests.soknader.test_handlingspanel import i_status
from tests.soknader.test_mangelvurdering import _uten_hf_avtale, _vurder

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/soknader/soknad/"
HEMMELIG = "Internt: ring kommuneoverlegen før vedtak, hun var usikker på avtalen."


@pytest.fixture
def siri():
    user = saksbehandler_bruker(username="siri", first_name="Siri", last_name="Saksbehandler")
    return user


@pytest.fixture
def sb_client(client, siri):
    client.force_login(siri)
    return client


def _tidslinje(page: str) -> str:
    start = page.index('id="sb-historikk"')
    return page[start : page.index("</table>", start)]


def test_a_note_is_in_the_one_timeline_with_its_author_among_status_changes_messages_mails_and_documents(
    sb_client, siri
):
    soknad = i_status(Status.SVAR_MOTTATT, siri)
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert 'id="sb-notat-tekst"' in page and "Internt notat (vises aldri for søkeren)" in page
    page = sb_client.post(
        reverse("admin:soknader_soknad_notat", args=[soknad.pk]), {"tekst": HEMMELIG}, follow=True
    ).content.decode()
    assert "Notatet er lagret." in page
    tidslinje = _tidslinje(page)
    assert page.count('id="sb-historikk"') == 1  # one timeline
    rader = tidslinje.split("<tr")[2:]  # after the header
    # newest first: the note on top, by Siri; the first submission at the bottom
    assert "Internt notat" in rader[0] and HEMMELIG in rader[0] and "Siri Saksbehandler" in rader[0]
    assert "Sendt inn" in rader[-1] or "Dokument" in rader[-1]
    for art in ("Status", "Melding til søkeren", "Melding fra søkeren", "E-post", "Internt notat"):
        assert f"<td>{art}</td>" in tidslinje, art
    assert "Send avtalen." in tidslinje and "Avtalen kommer." in tidslinje  # the messages, both ways
    assert "Under behandling → Anmodning om mer informasjon sendt" in tidslinje

    # an empty note is refused, and only caseworkers write notes
    page = sb_client.post(
        reverse("admin:soknader_soknad_notat", args=[soknad.pk]), {"tekst": "  "}, follow=True
    ).content.decode()
    assert "Skriv notatet." in page and Notat.objects.count() == 1
    with pytest.raises(errors.TransitionRefused):
        notater.soknad_note(soknad=soknad, bruker=soker_for(soknad.virksomhet), tekst="hei")


def test_the_applicant_never_sees_an_internal_note(client, siri):
    soknad = _uten_hf_avtale(siri)
    notater.soknad_note(soknad=soknad, bruker=siri, tekst=HEMMELIG)
    soknad = dialog.soknad_request_information(soknad=soknad, bruker=siri, melding="Send avtalen.")
    soker = soker_for(soknad.virksomhet)
    client.force_login(soker)
    for name in ("soknader:oppgaver", "soknader:kvittering", "soknader:svar", "soknader:se_over"):
        response = client.get(reverse(name, args=[soknad.pk]), follow=True)
        assert response.status_code == 200, name
        assert "ring kommuneoverlegen" not in response.content.decode(), name
    assert "ring kommuneoverlegen" not in client.get(reverse("soknader:mine")).content.decode()
    dialog.soknad_answer(soknad=soknad, bruker=soker, tekst="Avtalen kommer.")
    notater.soknad_note(soknad=soknad, bruker=siri, tekst=HEMMELIG)
    soknad = saksbehandling.soknad_register(
        soknad=Soknad.objects.get(pk=soknad.pk), bruker=siri, vedtaksdato=timezone.localdate()
    )
    # the documents the applicant gets: the application as sent, the decision letter, the mails
    arenaer = list(soknad.laeringsarenaer.order_by("pk"))
    assert "ring kommuneoverlegen" not in dokumenter.soknad_html(soknad, arenaer, versjon=1, tidspunkt=None)
    assert "ring kommuneoverlegen" not in dokumenter.vedtaksbrev_html(soknad)
    eposter = Epost.objects.filter(soknad=soknad)
    assert eposter.exists() and not any("kommuneoverlegen" in e.tekst for e in eposter)
    # nor the directorate's exports of the application (they may be shared)
    assert "ring kommuneoverlegen" not in exports.json_response(Soknad.objects.all()).content.decode()
    assert "ring kommuneoverlegen" not in exports.csv_response(Soknad.objects.all()).content.decode()


def test_the_case_page_costs_the_same_queries_with_many_notes_findings_and_assessments(sb_client, siri):
    soknad = _uten_hf_avtale(siri)
    url = f"{CHANGELIST}{soknad.pk}/change/"
    with CaptureQueriesContext(connection) as one:
        assert sb_client.get(url).status_code == 200
    _vurder(sb_client, soknad)
    for n in range(12):
        notater.soknad_note(soknad=soknad, bruker=siri, tekst=f"Notat {n}")
    with CaptureQueriesContext(connection) as many:
        page = sb_client.get(url).content.decode()
    assert page.count("Notat 1") >= 3 and "Vurdert – i orden" in page  # Notat 1, 10, 11
    assert len(one.captured_queries) == len(many.captured_queries), (len(one), len(many))
