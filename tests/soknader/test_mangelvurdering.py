"""Findings assessed as in order (issue 21): «Vurdert – i orden» with a note, greyed on the case page and marked in the
export, not open for the queue's «Klar for vedtak» and the bulk register; undone by a caseworker; open again when a
resubmission changes what the finding is about."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from soknader.choices import Status
from soknader.models import Mangel, Mangelvurdering, Soknad, Statusendring
from soknader.services import anmodningsbrev, dialog, errors, innsending, mangelvurdering, saksbehandling
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)
from tilgang.models import Hendelse

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/soknader/soknad/"
NOTAT = "Avtalen med Nordlandssykehuset ligger i sak 26/123."


@pytest.fixture
def siri():
    return saksbehandler_bruker("siri", first_name="Siri", last_name="Saksbehandler")


@pytest.fixture
def sb_client(client, siri):
    client.force_login(siri)
    return client


def _uten_hf_avtale(siri, kommunenummer="1804") -> Soknad:
    """Under review, with one finding that stops a decision: no agreement with a helseforetak ticked."""
    soknad = KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer=kommunenummer), hf_avtale_inngatt=False, hf_avtale_navn=""
    )
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    soknad = innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet))
    return saksbehandling.soknad_start_review(soknad=soknad, bruker=siri)


def _hf_mangel(soknad) -> Mangel:
    return Mangel.objects.get(soknad=soknad, kode="HF_AVTALE_MANGLER")


def _vurder(client, soknad, notat=NOTAT):
    url = reverse("admin:soknader_soknad_vurder", args=[soknad.pk, _hf_mangel(soknad).pk])
    return client.post(url, {"notat": notat}, follow=True).content.decode()


def _side(client, soknad) -> str:
    return client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()


def _resubmit(soknad, siri, **endringer) -> Soknad:
    """The directorate asks, the applicant answers, changes `endringer` and sends the application in again."""
    soknad = dialog.soknad_request_information(
        soknad=Soknad.objects.get(pk=soknad.pk), bruker=siri, melding="Send avtalen."
    )
    soker = soker_for(soknad.virksomhet)
    dialog.soknad_answer(soknad=soknad, bruker=soker, tekst="Her er svaret.")
    Soknad.objects.filter(pk=soknad.pk).update(**endringer)
    return innsending.soknad_submit(soknad=Soknad.objects.get(pk=soknad.pk), bruker=soker)


def test_a_caseworker_marks_a_finding_assessed_and_sees_it_greyed_with_note_name_and_date(
    sb_client, siri, django_capture_on_commit_callbacks
):
    soknad = _uten_hf_avtale(siri)
    assert "Klar for vedtak (ingen mangler) (0)" in sb_client.get(CHANGELIST).content.decode()
    page = _side(sb_client, soknad)
    assert "Vurder – i orden" in page and "Hvorfor er dette i orden?" in page
    hendelser = Hendelse.objects.count()

    page = _vurder(sb_client, soknad, notat="   ")  # the note is required
    assert "Skriv kort hvorfor mangelen er i orden." in page and not Mangelvurdering.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):  # the queue's cached counts follow (soknader.kotall)
        page = _vurder(sb_client, soknad)
    assert "Mangelen er vurdert – i orden." in page
    idag = timezone.localdate()
    assert f"Vurdert – i orden: {NOTAT} (Siri Saksbehandler, {idag.day}.{idag.month}.{idag.year})" in page
    mangel = _hf_mangel(soknad)
    assert f'class="sb-mangel sb-vurdert" id="sb-mangel-{mangel.pk}"' in page
    assert "Mangler og advarsler (2) – 1 vurdert – i orden" in page  # still shown: two findings, one assessed
    assert "Avtale med HF mangler" in page
    # a row of the case's history (timeline) and of the audit log, as other case actions
    rad = Statusendring.objects.filter(soknad=soknad).last()
    assert rad.utfort_av == siri and "Mangel vurdert – i orden" in rad.melding and NOTAT in rad.melding
    assert Hendelse.objects.count() == hendelser + 1
    assert "Mangel vurdert – i orden" in page[page.index('id="sb-historikk"') :]
    # greyed in the queue too, said so in its tooltip; now ready for a decision
    queue = sb_client.get(CHANGELIST).content.decode()
    assert "Klar for vedtak (ingen mangler) (1)" in queue
    assert '<span class="mangel-merke mangel-vurdert" title="Vurdert – i orden: Det er ikke krysset av' in queue
    # the same finding cannot be assessed twice
    with pytest.raises(errors.TransitionRefused):
        mangelvurdering.mangel_assess(soknad=soknad, bruker=siri, mangel_id=mangel.pk, notat="igjen")


def test_an_assessed_finding_is_not_open_for_the_queue_the_bulk_register_and_the_drafted_anmodning(sb_client, siri):
    soknad = _uten_hf_avtale(siri)
    annen = _uten_hf_avtale(siri, kommunenummer="1806")  # not assessed: stays out
    assert "avtale med helseforetak" in anmodningsbrev.anmodning_utkast(soknad)
    _vurder(sb_client, soknad)
    queue = sb_client.get(CHANGELIST, {"ko": "klar"}).content.decode()
    assert "Klar for vedtak (ingen mangler) (1)" in queue
    assert f"/{soknad.pk}/change/" in queue and f"/{annen.pk}/change/" not in queue
    assert anmodningsbrev.anmodning_utkast(soknad) == ""  # nothing open to ask for
    # the case page opens at "Registrere": ready for a decision
    assert 'id="sb-valg-registrer" open' in _side(sb_client, soknad)

    velg = {"action": "masse_registrer", "_selected_action": [soknad.pk, annen.pk]}
    bekreft = sb_client.post(CHANGELIST, velg).content.decode()
    assert bekreft.index(soknad.referanse) < bekreft.index(annen.referanse)  # the clean one listed first, as ok
    sb_client.post(CHANGELIST, {**velg, "bekreft": "1"})
    assert Soknad.objects.get(pk=soknad.pk).status == Status.REGISTRERT
    assert Soknad.objects.get(pk=annen.pk).status == Status.UNDER_BEHANDLING


def test_the_export_marks_the_assessed_finding(sb_client, siri):
    soknad = _uten_hf_avtale(siri)
    _vurder(sb_client, soknad)
    response = sb_client.post(CHANGELIST, {"action": "eksporter_csv", "_selected_action": [soknad.pk]})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert "HF_AVTALE_MANGLER" in rows[0]["mangler"]
    assert (
        rows[0]["mangler_vurdert_i_orden"] == f"HF_AVTALE_MANGLER: {NOTAT} (Siri Saksbehandler, {timezone.localdate()})"
    )
    response = sb_client.post(CHANGELIST, {"action": "eksporter_xlsx", "_selected_action": [soknad.pk]})
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert sheet[2][header.index("mangler_vurdert_i_orden")].value.startswith(f"HF_AVTALE_MANGLER: {NOTAT}")


def test_a_caseworker_undoes_an_assessment_and_the_finding_is_open_again(
    sb_client, siri, django_capture_on_commit_callbacks
):
    soknad = _uten_hf_avtale(siri)
    _vurder(sb_client, soknad)
    vurdering = Mangelvurdering.objects.get()
    assert "Klar for vedtak (ingen mangler) (1)" in sb_client.get(CHANGELIST).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page = sb_client.post(
            reverse("admin:soknader_soknad_angre_vurdering", args=[soknad.pk, vurdering.pk]), follow=True
        ).content.decode()
    assert "Vurderingen er angret. Mangelen er åpen igjen." in page
    assert "sb-vurdert" not in page and "Vurder – i orden" in page
    assert "Klar for vedtak (ingen mangler) (0)" in sb_client.get(CHANGELIST).content.decode()
    vurdering.refresh_from_db()
    assert vurdering.angret and vurdering.angret_av == siri  # kept in the record
    assert "er angret" in Statusendring.objects.filter(soknad=soknad).last().melding


def test_the_assessment_holds_through_an_unrelated_resubmission_and_lapses_when_the_finding_changes(
    sb_client, siri, django_capture_on_commit_callbacks
):
    soknad = _uten_hf_avtale(siri)
    _vurder(sb_client, soknad)
    # the applicant changes something the finding is not about: the assessment holds
    soknad = _resubmit(soknad, siri, kontaktperson_telefon="+47 99 99 99 99")
    assert soknad.status == Status.SENDT_INN_PA_NYTT
    page = _side(sb_client, soknad)
    assert f"Vurdert – i orden: {NOTAT}" in page
    assert "Klar for vedtak (ingen mangler) (1)" in sb_client.get(CHANGELIST).content.decode()

    # now a hospital arena elsewhere: the finding is still there, but about something else (it names the arena)
    LaeringsarenaFactory(
        soknad=soknad, type="sykehus", plassering="annen", annen_virksomhet="Haukeland", laeringsmal="ALM 55, 85"
    )
    with django_capture_on_commit_callbacks(execute=True):
        soknad = _resubmit(soknad, siri)
    page = _side(sb_client, soknad)
    assert "Avtale med HF mangler" in page and "sb-vurdert" not in page  # open again
    assert "Vurderinger som ikke gjelder lenger fordi søknaden er endret:" in page
    bortfalt = page[page.index('id="sb-vurderinger-bortfalt"') :]
    assert NOTAT in bortfalt[: bortfalt.index("</ul>")]
    assert "Klar for vedtak (ingen mangler) (0)" in sb_client.get(CHANGELIST).content.decode()
    assert Mangelvurdering.objects.get().angret is None  # the record stays as it was


def test_only_caseworkers_assess_and_only_open_cases(client, siri):
    soknad = _uten_hf_avtale(siri)
    mangel = _hf_mangel(soknad)
    soker = soker_for(soknad.virksomhet)
    with pytest.raises(errors.TransitionRefused):
        mangelvurdering.mangel_assess(soknad=soknad, bruker=soker, mangel_id=mangel.pk, notat="ok")
    client.force_login(soker)
    response = client.post(reverse("admin:soknader_soknad_vurder", args=[soknad.pk, mangel.pk]), {"notat": "ok"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Mangelvurdering.objects.exists()
    saksbehandling.soknad_reject(
        soknad=soknad, bruker=siri, begrunnelse="Mangler avtale.", vedtaksdato=timezone.localdate()
    )
    with pytest.raises(errors.TransitionRefused, match="Avslått"):
        mangelvurdering.mangel_assess(soknad=soknad, bruker=siri, mangel_id=mangel.pk, notat="ok")


def test_a_finding_stored_before_fingerprints_gets_one_when_assessed(siri):
    soknad = _uten_hf_avtale(siri)
    Mangel.objects.filter(soknad=soknad).update(fingeravtrykk="")
    gammel = _hf_mangel(soknad)
    vurdering = mangelvurdering.mangel_assess(soknad=soknad, bruker=siri, mangel_id=gammel.pk, notat="Sjekket.")
    ny = _hf_mangel(soknad)
    assert vurdering.fingeravtrykk and vurdering.fingeravtrykk == ny.fingeravtrykk
    assert [m.pk for m in mangelvurdering.apne_mangler().filter(soknad=soknad)] == []
