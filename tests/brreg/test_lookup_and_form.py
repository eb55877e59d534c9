"""Organisations in the form: the kommune register first, then Enhetsregisteret (a fake one on 127.0.0.1),
what is stored and when, and that no fault of the registry gives a 500 or loses what was typed."""

import datetime as dt
import re
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from brreg import services
from brreg.models import Virksomhet
from soknader.models import Soknad
from tests.brreg import fake_brreg as fb
from tests.soknader.factories import AnnenVirksomhetSoknadFactory, UserFactory, gi_tilgang

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client):
    client.force_login(UserFactory())
    return client


def enhet(client, orgnr):
    return client.get(reverse("brreg:enhet", args=[orgnr]))


# ---- the JSON endpoint ------------------------------------------------------------------------


def test_a_kommune_comes_from_the_register_with_no_network(logged_in, fake_brreg):
    body = enhet(logged_in, fb.KOMMUNE_BODO).json()
    assert body["navn"] == "Bodø" and body["er_kommune"] and body["kilde"] == "kommuneregister"
    assert body["kommunenummer"] == "1804" and body["hentet"] is None
    assert fake_brreg.count() == 0


def test_every_kommune_answers_with_the_registry_down(logged_in):
    from brreg.models import Kommune

    for kommune in Kommune.objects.exclude(organisasjonsnummer=None)[:25]:
        assert enhet(logged_in, kommune.organisasjonsnummer).json()["navn"] == kommune.navn


def test_a_company_comes_from_the_registry_and_is_cached(logged_in, fake_brreg):
    body = enhet(logged_in, fb.BEDRIFTSHELSETJENESTE).json()
    assert body["navn"] == "NORDLYS BEDRIFTSHELSETJENESTE AS" and body["kilde"] == "brreg"
    assert not body["er_kommune"] and body["kommunenummer"] == "5501" and body["hentet"]
    stored = Virksomhet.objects.get(organisasjonsnummer=fb.BEDRIFTSHELSETJENESTE)
    assert stored.navn_verifisert and stored.brreg_data["navn"] == body["navn"]
    assert stored.kommune.fylke.helseregion.navn == "Nord"
    # within the TTL: no network call
    body = enhet(logged_in, fb.BEDRIFTSHELSETJENESTE).json()
    assert body["kilde"] == "lager" and fake_brreg.count(f"/enheter/{fb.BEDRIFTSHELSETJENESTE}") == 1


def test_after_the_ttl_the_registry_is_asked_again_and_when_down_the_stored_answer_is_shown_with_its_date(
    logged_in, fake_brreg
):
    enhet(logged_in, fb.BEDRIFTSHELSETJENESTE)
    old = timezone.now() - dt.timedelta(days=3)
    Virksomhet.objects.filter(organisasjonsnummer=fb.BEDRIFTSHELSETJENESTE).update(brreg_hentet=old)
    assert enhet(logged_in, fb.BEDRIFTSHELSETJENESTE).json()["kilde"] == "brreg"
    Virksomhet.objects.filter(organisasjonsnummer=fb.BEDRIFTSHELSETJENESTE).update(brreg_hentet=old)
    fake_brreg.stop()
    body = enhet(logged_in, fb.BEDRIFTSHELSETJENESTE).json()
    assert body["kilde"] == "lager" and body["utdatert"] and body["hentet"].startswith(old.date().isoformat())


@pytest.mark.parametrize(
    ("orgnr", "status", "text"),
    [
        ("972418014", 400, "kontrollsifferet"),
        ("12345", 400, "ni siffer"),
        (fb.IKKE_FUNNET, 404, "finnes ikke i Enhetsregisteret"),
        (fb.FJERNET, 410, "er fjernet fra Enhetsregisteret"),
        (fb.ALWAYS_500, 503, "Vi får ikke kontakt med Enhetsregisteret nå"),
        (fb.MALFORMED_JSON, 503, "Vi får ikke kontakt med Enhetsregisteret nå"),
        (fb.WRONG_SHAPE, 503, "Vi får ikke kontakt med Enhetsregisteret nå"),
        (fb.DROPPED, 503, "Vi får ikke kontakt med Enhetsregisteret nå"),
        (fb.SLOW, 503, "Vi får ikke kontakt med Enhetsregisteret nå"),
    ],
)
def test_every_kind_of_answer_gets_its_status_and_a_norwegian_message(logged_in, fake_brreg, orgnr, status, text):
    response = enhet(logged_in, orgnr)
    assert response.status_code == status and text in response.json()["melding"]


def test_deleted_bankrupt_and_dissolving_units_are_flagged(logged_in, fake_brreg):
    assert enhet(logged_in, fb.SLETTET).json()["slettet"] is True
    assert enhet(logged_in, fb.KONKURS).json()["konkurs"] is True
    assert enhet(logged_in, fb.UNDER_AVVIKLING).json()["under_avvikling"] is True
    assert enhet(logged_in, fb.UNDERENHET).json()["kilde"] == "brreg"


def test_lookups_need_login_and_are_rate_limited(client, logged_in, fake_brreg, settings):
    settings.BRREG_RATE_LIMIT = 3
    from django.core.cache import cache

    cache.clear()
    import time

    if time.time() % 60 > 45:  # the limit counts per minute: do not let the window turn between the five lookups
        time.sleep(60.5 - time.time() % 60)
    statuses = [enhet(logged_in, fb.KOMMUNE_BODO).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    client.logout()
    assert enhet(client, fb.KOMMUNE_BODO).status_code == 302


# ---- starting an application (the server looks the number up on save, without JavaScript) --------


def start(client, orgnr, spesialitet="ARB", navn=""):
    """Start an application for an organisation the user may act for (Altinn's name for it: `navn`)."""
    user = client.session["_auth_user_id"]
    from django.contrib.auth import get_user_model

    gi_tilgang(
        get_user_model().objects.get(pk=user),
        services.virksomhet_get_or_create(organisasjonsnummer=orgnr, navn=navn or f"Virksomhet {orgnr}"),
    )
    return client.post(reverse("soknader:ny"), {"organisasjonsnummer": orgnr, "spesialitet": spesialitet})


def test_a_company_gets_its_name_from_the_registry_on_save(logged_in, fake_brreg):
    response = start(logged_in, fb.BEDRIFTSHELSETJENESTE, navn="")
    assert response.status_code == 302
    soknad = Soknad.objects.get()
    assert soknad.virksomhet.navn == "NORDLYS BEDRIFTSHELSETJENESTE AS" and soknad.virksomhet.navn_verifisert


@pytest.mark.parametrize(
    ("orgnr", "text"),
    [
        (fb.IKKE_FUNNET, "finnes ikke i Enhetsregisteret"),
        (fb.FJERNET, "er fjernet fra Enhetsregisteret"),
        (fb.SLETTET, "er slettet i Enhetsregisteret"),
    ],
)
def test_units_that_cannot_apply_are_told_why_and_the_input_is_kept(logged_in, fake_brreg, orgnr, text):
    response = start(logged_in, orgnr, navn="Mitt navn")
    page = response.content.decode()
    assert response.status_code == 200 and text in page
    assert f'value="{orgnr}"' in page and "checked" in page
    assert not Soknad.objects.exists()


def test_a_bankrupt_company_may_apply_but_is_warned(logged_in, fake_brreg):
    response = start(
        logged_in,
        fb.KONKURS,
        navn="",
    )
    assert response.status_code == 302
    page = logged_in.get(response["Location"]).content.decode()
    assert "er konkurs" in page


@pytest.mark.parametrize("orgnr", [fb.ALWAYS_500, fb.SLOW, fb.DROPPED, fb.MALFORMED_JSON])
def test_registry_faults_never_block_the_applicant(logged_in, fake_brreg, orgnr):
    response = start(logged_in, orgnr, navn="Vår BHT AS")
    assert response.status_code == 302
    virksomhet = Soknad.objects.get().virksomhet
    assert virksomhet.navn == "Vår BHT AS" and not virksomhet.navn_verifisert
    page = logged_in.get(response["Location"]).content.decode()
    assert "Vi fikk ikke bekreftet navnet i Enhetsregisteret nå" in page
    assert "alert-danger" not in page and "is-invalid" not in page  # not the user's fault: no red error


def test_a_hanging_registry_holds_the_start_only_for_brreg_start_timeout(logged_in, fake_brreg, settings):
    """The registry hangs (answers after 30 s): the start waits BRREG_START_TIMEOUT, not BRREG_TOTAL_TIMEOUT, keeps
    Altinn's name as not verified, the next starts do not wait for it (BRREG_PAUSE), and `oppdater_virksomheter`
    confirms the name once the registry answers again."""
    settings.BRREG_TOTAL_TIMEOUT = 5.0
    settings.BRREG_READ_TIMEOUT = 3.0
    settings.BRREG_START_TIMEOUT = 0.4
    started = time.monotonic()
    response = start(logged_in, fb.SLOW, navn="Vår BHT AS")
    waited = time.monotonic() - started
    assert response.status_code == 302 and waited < 1.0, waited
    virksomhet = Soknad.objects.get().virksomhet
    assert virksomhet.navn == "Vår BHT AS" and not virksomhet.navn_verifisert
    assert fake_brreg.count(f"/enheter/{fb.SLOW}") == 1

    # the registry used up its second: the next starts (any user, any worker) do not wait for it at all
    started = time.monotonic()
    assert start(logged_in, fb.SLOW, spesialitet="SAM", navn="Vår BHT AS").status_code == 302
    assert time.monotonic() - started < 0.3 and fake_brreg.count(f"/enheter/{fb.SLOW}") == 1

    fake_brreg.set_response(
        f"/enheter/{fb.SLOW}", 200, fb.load("bedriftshelsetjeneste_as.json") | {"organisasjonsnummer": fb.SLOW}
    )
    call_command("oppdater_virksomheter", stdout=StringIO())
    virksomhet.refresh_from_db()
    assert virksomhet.navn_verifisert and virksomhet.navn == "NORDLYS BEDRIFTSHELSETJENESTE AS"


def test_starts_are_limited_per_user_and_the_choice_is_kept(logged_in, fake_brreg, settings):
    settings.SOKNAD_START_RATE_LIMIT = 2
    assert start(logged_in, fb.BEDRIFTSHELSETJENESTE).status_code == 302
    assert start(logged_in, fb.BEDRIFTSHELSETJENESTE).status_code == 200  # already started: told so
    fake_brreg.reset()
    response = start(logged_in, fb.BEDRIFTSHELSETJENESTE, spesialitet="ARB")
    page = response.content.decode()
    assert response.status_code == 429 and "Du har startet mange søknader på kort tid" in page
    checked = [tag for tag in re.findall(r"<input[^>]*>", page) if " checked" in tag]
    assert len(checked) == 2 and f'value="{fb.BEDRIFTSHELSETJENESTE}"' in checked[0] and 'value="ARB"' in checked[1]
    assert fake_brreg.count() == 0 and Soknad.objects.count() == 1  # refused before the registry is asked
    other = UserFactory()  # the limit is per user
    logged_in.force_login(other)
    assert start(logged_in, fb.BEDRIFTSHELSETJENESTE, spesialitet="ARB").status_code == 200


def test_a_registry_kommune_missing_from_the_register_may_apply_for_alm(logged_in, fake_brreg):
    fake_brreg.set_response(
        "/enheter/912345009",
        200,
        {
            **fb.load("kommune_bodo.json"),
            "organisasjonsnummer": "912345009",
            "navn": "HARAM KOMMUNE",
            "forretningsadresse": {"kommunenummer": "1580", "kommune": "HARAM"},
        },
    )
    assert start(logged_in, "912345009", spesialitet="ALM").status_code == 302
    virksomhet = Soknad.objects.get().virksomhet
    assert virksomhet.er_kommune and virksomhet.kommune.nummer == "1580"


# ---- refreshing stored organisations ----------------------------------------------------------


def test_oppdater_virksomheter_confirms_typed_names_and_reports_deleted_and_bankrupt(fake_brreg):
    soknad = AnnenVirksomhetSoknadFactory(
        virksomhet__organisasjonsnummer=fb.BEDRIFTSHELSETJENESTE, virksomhet__navn="Skrevet for hånd"
    )
    for orgnr in (fb.SLETTET, fb.KONKURS, fb.UNDER_AVVIKLING, fb.ALWAYS_500):
        Virksomhet.objects.create(organisasjonsnummer=orgnr, navn=f"Virksomhet {orgnr}")
    out = StringIO()
    call_command("oppdater_virksomheter", stdout=out)
    report = out.getvalue()
    assert "Oppdatert fra Enhetsregisteret: 4. Ikke oppdatert: 1." in report
    assert "SLETTET" in report and "KONKURS" in report and "UNDER AVVIKLING" in report
    soknad.virksomhet.refresh_from_db()
    assert soknad.virksomhet.navn == "NORDLYS BEDRIFTSHELSETJENESTE AS" and soknad.virksomhet.navn_verifisert
    assert Virksomhet.objects.get(organisasjonsnummer=fb.SLETTET).navn == f"Virksomhet {fb.SLETTET}"


def test_registry_news_reach_the_findings(fake_brreg):
    soknad = AnnenVirksomhetSoknadFactory(virksomhet__organisasjonsnummer=fb.KONKURS)
    from brreg.client import get_enhet

    services.virksomhet_store_enhet(get_enhet(fb.KONKURS))
    finding = soknad.mangler.get(kode="VIRKSOMHET_SLETTET")
    assert finding.alvorlighet == "advarsel" and "konkurs" in finding.melding


def test_no_500_for_any_registry_fault_on_any_page(logged_in, fake_brreg, settings):
    settings.SOKNAD_START_RATE_LIMIT = 100  # six starts in a row: not what this test is about
    for orgnr in (fb.ALWAYS_500, fb.DROPPED, fb.MALFORMED_JSON, fb.WRONG_SHAPE, fb.FJERNET, fb.IKKE_FUNNET):
        assert enhet(logged_in, orgnr).status_code < 500 or enhet(logged_in, orgnr).status_code == 503
        assert start(logged_in, orgnr).status_code in (200, 302)
        Soknad.objects.all().delete()
