"""The søker journey through the Django test client: what a user sees after each step."""

import re

import pytest
from django.urls import reverse

from brreg.models import Virksomhet
from brreg.services import virksomhet_get_or_create
from soknader.models import Laeringsarena, Soknad, Statusendring
from tests.brreg.factories import KommuneVirksomhetFactory, VirksomhetFactory
from tests.soknader.factories import (
    AnnenVirksomhetSoknadFactory,
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    SoknadFactory,
    UserFactory,
    gi_tilgang,
    soker_for,
)

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def bruker(client):
    user = UserFactory()
    client.force_login(user)
    return user


# ---- starting an application ------------------------------------------------------------------


def _tilgang(bruker, orgnr, navn=""):
    return gi_tilgang(bruker, virksomhet_get_or_create(organisasjonsnummer=orgnr, navn=navn))


def test_a_kommune_starts_an_alm_application_for_the_organisation_altinn_lists(client, bruker):
    _tilgang(bruker, "972418013")
    page = text(client.get(reverse("soknader:ny")))
    assert "Bodø (org.nr. 972 418 013)" in page and 'value="972418013"' in page and "checked" in page
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "ALM"})
    soknad = Soknad.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("soknader:oppgaver", args=[soknad.pk])
    assert soknad.virksomhet.navn == "Bodø"
    assert soknad.virksomhet.er_kommune and soknad.virksomhet.kommune.fylke.helseregion.navn == "Nord"
    assert soknad.virksomhetstype == "kommune"


def test_an_organisation_the_registry_has_not_confirmed_is_offered_every_specialty_until_it_has(client, bruker):
    _tilgang(bruker, "999888771", navn="Bedrift AS")  # Altinn's name only: kommune or not is not known yet
    response = client.get(reverse("soknader:ny"))
    assert [v for v, _ in response.context["form"].fields["spesialitet"].choices] == ["ALM", "SAM", "ARB"]


def test_a_person_with_several_organisations_picks_one(client, bruker):
    _tilgang(bruker, "972418013")
    _tilgang(bruker, "999888771", navn="Bedrift AS")
    page = text(client.get(reverse("soknader:ny")))
    assert page.count('name="organisasjonsnummer"') == 2 and "Bedrift AS" in page and "Bodø" in page
    response = client.post(reverse("soknader:ny"), {"spesialitet": "ARB"})
    assert "Velg virksomheten du søker for." in text(response)
    assert (
        client.post(reverse("soknader:ny"), {"organisasjonsnummer": "999888771", "spesialitet": "ARB"}).status_code
        == 302
    )
    assert Soknad.objects.get().virksomhet.organisasjonsnummer == "999888771"


@pytest.mark.parametrize("orgnr", ["940643112", "972 418 013", "12345", ""])
def test_an_organisation_altinn_does_not_list_is_refused_with_a_clear_message(client, bruker, orgnr):
    _tilgang(bruker, "972418013")
    virksomhet_get_or_create(organisasjonsnummer="940643112")  # another kommune, which nobody here acts for
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": orgnr, "spesialitet": "SAM"})
    assert response.status_code == 200
    assert ("gitt deg tilgang til tjenesten i Altinn" in text(response)) or (
        not orgnr and "Velg virksomheten du søker for." in text(response)
    )
    assert not Soknad.objects.exists()


def test_a_person_without_organisations_is_told_how_to_get_access(client, bruker):
    page = text(client.get(reverse("soknader:ny")))
    assert "Du har ikke tilgang til å søke for noen virksomhet ennå" in page and "Altinn" in page
    assert 'name="organisasjonsnummer"' not in page
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "ALM"})
    assert response.status_code == 200 and not Soknad.objects.exists() and not Virksomhet.objects.exists()


def test_alm_is_refused_for_a_non_kommune_with_the_choice_kept(client, bruker):
    _tilgang(bruker, "999888771", navn="Bedrift AS")
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "999888771", "spesialitet": "ALM"})
    assert "Allmennmedisin kan bare søkes av en kommune" in text(response)
    assert re.search(r'<input[^>]*value="999888771"[^>]*checked', text(response))
    assert not Soknad.objects.exists()


def test_a_non_kommune_is_offered_only_what_it_may_apply_for_with_the_reason(client, bruker):
    gi_tilgang(
        bruker,
        VirksomhetFactory(organisasjonsnummer="999888771", navn="Bedrift AS", navnekilde=Virksomhet.Navnekilde.BRREG),
    )  # Enhetsregisteret said so
    response = client.get(reverse("soknader:ny"))
    choices = [value for value, _ in response.context["form"].fields["spesialitet"].choices]
    assert choices == ["SAM", "ARB"]
    assert "Allmennmedisin kan bare søkes av en kommune, og Bedrift AS er ikke en kommune." in text(response)
    # sent anyway (an old page, no JavaScript): refused next to the field with the reason, nothing created
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "999888771", "spesialitet": "ALM"})
    assert "Allmennmedisin kan bare søkes av en kommune, og Bedrift AS er ikke en kommune." in text(response)
    assert "Velg en av spesialitetene" not in text(response)
    assert not Soknad.objects.exists()


@pytest.mark.parametrize("status", ["avslatt", "trukket"])
def test_a_kommune_may_apply_again_after_avslag_or_trekk_and_the_old_application_is_kept(client, bruker, status):
    old = KomplettSoknadFactory(status=status, referanse="ASA-2020-00001")
    gi_tilgang(bruker, old.virksomhet)
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "ALM"})
    assert response.status_code == 302
    new = Soknad.objects.exclude(pk=old.pk).get()
    assert (new.virksomhet, new.spesialitet, new.status) == (old.virksomhet, "ALM", "utkast")
    assert Soknad.objects.get(pk=old.pk).status == status
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "ALM"})
    assert "Bodø har allerede en søknad om allmennmedisin" in text(response)  # but only one open at a time


def test_arb_from_a_hospital_is_told_about_godkjenning_without_being_blocked(client, bruker):
    _tilgang(bruker, "999888771", navn="Nordlandssykehuset HF")
    page = text(client.get(reverse("soknader:ny")))
    assert "kan søke om godkjenning som utdanningsvirksomhet i arbeidsmedisin i stedet" in page  # on the start page
    response = client.post(
        reverse("soknader:ny"), {"organisasjonsnummer": "999888771", "spesialitet": "ARB"}, follow=True
    )
    assert Soknad.objects.get().spesialitet == "ARB"
    assert "kan søke om godkjenning som utdanningsvirksomhet i arbeidsmedisin i stedet" in text(response)


def test_with_the_registry_down_the_name_from_altinn_is_used(client, bruker):
    _tilgang(bruker, "999888771", navn="Bedrift AS")
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "999888771", "spesialitet": "ARB"})
    assert response.status_code == 302
    virksomhet = Virksomhet.objects.get(organisasjonsnummer="999888771")
    assert virksomhet.navn == "Bedrift AS" and not virksomhet.navn_verifisert and not virksomhet.er_kommune


def test_a_second_application_for_the_same_specialty_links_to_the_first(client, bruker):
    soknad = SoknadFactory()
    gi_tilgang(bruker, soknad.virksomhet)
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "ALM"})
    assert "har allerede en søknad om allmennmedisin" in text(response)
    assert reverse("soknader:oppgaver", args=[soknad.pk]) in text(response)
    assert Soknad.objects.count() == 1


def test_nobody_can_claim_an_organisation_others_act_for(client, bruker):
    soknad = SoknadFactory()
    soker_for(soknad.virksomhet)
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "SAM"})
    assert "Du har ikke tilgang til å søke for noen virksomhet ennå" in text(response)
    gi_tilgang(bruker, KommuneVirksomhetFactory(kommunenummer="5501"))
    response = client.post(reverse("soknader:ny"), {"organisasjonsnummer": "972418013", "spesialitet": "SAM"})
    assert "gitt deg tilgang til tjenesten i Altinn" in text(response)
    assert Soknad.objects.count() == 1
    assert list(bruker.virksomhetstilganger.values_list("virksomhet__organisasjonsnummer", flat=True)) != ["972418013"]


# ---- the task list and the sections ------------------------------------------------------------


def _soknad_for(user, factory=SoknadFactory, **kwargs):
    soknad = factory(**kwargs)
    gi_tilgang(user, soknad.virksomhet)
    return soknad


def test_task_list_shows_each_section_state(client, bruker):
    soknad = _soknad_for(bruker, kontaktperson_navn="Kari")
    page = text(client.get(reverse("soknader:oppgaver", args=[soknad.pk])))
    assert page.count("Ikke påbegynt") == 3 and page.count("Påbegynt") == 1  # "Ikke påbegynt" contains "påbegynt"
    soknad = _soknad_for(
        bruker, factory=KomplettSoknadFactory, virksomhet=KommuneVirksomhetFactory(kommunenummer="1806")
    )
    LaeringsarenaFactory(soknad=soknad)
    page = text(client.get(reverse("soknader:oppgaver", args=[soknad.pk])))
    assert page.count("Fullført") == 4 and "Du har fullført 4 av 4 deler" in page


def test_draft_is_saved_even_when_incomplete(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    response = client.post(url, {"kontaktperson_navn": "Kari", "utkast": "1"})
    assert response.status_code == 302
    soknad.refresh_from_db()
    assert soknad.kontaktperson_navn == "Kari"


def test_continue_on_an_incomplete_section_saves_and_lists_what_is_missing(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    response = client.post(url, {"kontaktperson_navn": "Kari", "fortsett": "1"})
    page = text(response)
    assert response.status_code == 200
    assert "Skriv e-postadressen til kontaktpersonen." in page
    assert 'id="feiloppsummering"' in page and 'href="#id_kontaktperson_epost"' in page
    assert 'value="Kari"' in page
    soknad.refresh_from_db()
    assert soknad.kontaktperson_navn == "Kari"


def test_bad_email_is_named_and_kept_while_the_rest_is_saved(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    response = client.post(url, {"kontaktperson_navn": "Kari", "kontaktperson_epost": "kari@", "utkast": "1"})
    page = text(response)
    assert response.status_code == 200
    assert "gyldig e-postadresse" in page and 'value="kari@"' in page
    soknad.refresh_from_db()
    assert soknad.kontaktperson_navn == "Kari" and soknad.kontaktperson_epost == ""


def test_bad_phone_number_gets_a_message(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    page = text(client.post(url, {"kontaktperson_telefon": "ring meg", "utkast": "1"}))
    assert "Skriv et gyldig telefonnummer" in page and 'value="ring meg"' in page


def test_complete_section_continues_to_the_next(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    data = {
        "virksomhetstype": "kommune",
        "kontaktperson_navn": "Kari",
        "kontaktperson_epost": "kari@bodo.kommune.no",
        "kontaktperson_telefon": "75 55 50 00",
        "dba_kontakt_navn": "Ola",
        "dba_kontakt_epost": "ola@bodo.kommune.no",
        "dba_kontakt_telefon": "+47 75555001",
        "fortsett": "1",
    }
    response = client.post(url, data)
    assert response["Location"] == reverse("soknader:seksjon", args=[soknad.pk, "ansvar"])


def test_kommune_sees_open_practice_and_hf_agreement_others_do_not(client, bruker):
    soknad = _soknad_for(bruker)
    page = text(client.get(reverse("soknader:seksjon", args=[soknad.pk, "ansvar"])))
    assert "åpen uselektert praksis" in page and "ALM-055 og ALM-085" in page
    assert "Arbeidstilsynet" not in page
    annen = _soknad_for(bruker, factory=AnnenVirksomhetSoknadFactory)
    page = text(client.get(reverse("soknader:seksjon", args=[annen.pk, "ansvar"])))
    assert "id_ansvar_apen_uselektert_praksis" not in page and "ALM-055 og ALM-085" not in page
    assert "godkjent av Arbeidstilsynet" in page


def test_non_kommune_cannot_confirm_open_practice_by_posting_it(client, bruker):
    annen = _soknad_for(bruker, factory=AnnenVirksomhetSoknadFactory)
    client.post(
        reverse("soknader:seksjon", args=[annen.pk, "ansvar"]), {"ansvar_apen_uselektert_praksis": "on", "utkast": "1"}
    )
    annen.refresh_from_db()
    assert annen.ansvar_apen_uselektert_praksis is False


def test_conditional_field_required_when_triggered_and_hinted_for_no_javascript(client, bruker):
    soknad = _soknad_for(bruker, factory=KomplettSoknadFactory)
    url = reverse("soknader:seksjon", args=[soknad.pk, "forhold"])
    page = text(client.get(url))
    assert 'data-vis-felt="veilederkompetanse"' in page and "Fylles ut hvis du svarte «Delvis» eller «Nei»" in page
    data = {
        "organisering": "Slik",
        "veiledere_ansatt": "annen",
        "veilederkompetanse": "delvis",
        "kjent_med_oppgaver": "nei",
        "kjent_tiltak": ["annet"],
        "fortsett": "1",
    }
    page = text(client.post(url, data))
    for message in (
        "Beskriv hvordan veiledere skaffes utenfor egen virksomhet.",
        "Beskriv hvordan veilederne skal få nødvendig veilederkompetanse.",
        "Beskriv den andre måten veilederne skal bli kjent med oppgavene på.",
    ):
        assert message in page
    data.update(veiledere_ansatt_beskrivelse="Pool", veilederkompetanse_plan="Kurs", kjent_annet="Mentor")
    assert client.post(url, data).status_code == 302


def test_two_people_editing_the_same_section_the_second_is_told_and_keeps_the_input(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    form = client.get(url).context["form"]
    shown = form["fingerprint"].value()
    # Someone else saves the same section meanwhile.
    other = soker_for(soknad.virksomhet)
    from django.test import Client

    other_client = Client()
    other_client.force_login(other)
    assert other_client.post(url, {"kontaktperson_navn": "Per", "fingerprint": shown, "utkast": "1"}).status_code == 302
    response = client.post(url, {"kontaktperson_navn": "Kari", "fingerprint": shown, "utkast": "1"})
    page = text(response)
    assert response.status_code == 200
    assert "Noen andre har lagret endringer" in page and "Noen andre har nettopp lagret «Per»" in page
    assert 'value="Kari"' in page
    soknad.refresh_from_db()
    assert soknad.kontaktperson_navn == "Per"
    # Saving again (now knowing what the other wrote) goes through.
    new_fingerprint = response.context["form"].data["fingerprint"]
    client.post(url, {"kontaktperson_navn": "Kari", "fingerprint": new_fingerprint, "utkast": "1"})
    soknad.refresh_from_db()
    assert soknad.kontaktperson_navn == "Kari"


def test_saving_a_different_section_meanwhile_is_no_conflict(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    shown = client.get(url).context["form"]["fingerprint"].value()
    Soknad.objects.filter(pk=soknad.pk).update(organisering="Endret av en annen")
    assert client.post(url, {"kontaktperson_navn": "Kari", "fingerprint": shown, "utkast": "1"}).status_code == 302


# ---- arenas ----------------------------------------------------------------------------------------

ARENA_POST = {
    "type": "sykehus",
    "plassering": "annen",
    "annen_virksomhet": "Nordlandssykehuset HF",
    "ny_veileder": "True",
    "avtale_veiledning_supervisjon": "True",
    "laeringsmal": "ALM 055, 085; FKM 1-5",
    "supervisjon": ["til_stede", "vakt"],
}


def test_add_edit_and_remove_an_arena(client, bruker):
    soknad = _soknad_for(bruker)
    response = client.post(reverse("soknader:ny_laeringsarena", args=[soknad.pk]), ARENA_POST)
    assert response["Location"] == reverse("soknader:laeringsarenaer", args=[soknad.pk])
    arena = Laeringsarena.objects.get()
    assert arena.laeringsmal == "ALM 055, 085; FKM 1-5" and arena.ny_veileder is True
    assert arena.avtale_veiledning_supervisjon is True
    assert arena.supervisjon == ["til_stede", "vakt"]
    page = text(client.get(reverse("soknader:laeringsarenaer", args=[soknad.pk])))
    assert "Sykehusavdeling (helseforetak) – Nordlandssykehuset HF" in page

    url = reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk])
    shown = client.get(url).context["form"]["fingerprint"].value()
    client.post(url, {**ARENA_POST, "ny_veileder": "False", "fingerprint": shown})
    arena.refresh_from_db()
    assert arena.ny_veileder is False

    client.post(reverse("soknader:slett_laeringsarena", args=[soknad.pk, arena.pk]))
    assert not Laeringsarena.objects.exists()


def test_incomplete_arena_is_kept_and_its_gaps_are_named(client, bruker):
    soknad = _soknad_for(bruker)
    post = {**ARENA_POST, "annen_virksomhet": "", "supervisjon": ["annet"]}
    response = client.post(reverse("soknader:ny_laeringsarena", args=[soknad.pk]), post, follow=True)
    page = text(response)
    assert "Skriv navnet på den andre virksomheten" in page
    assert "Beskriv hvordan supervisjonen ellers skal foregå." in page
    arena = Laeringsarena.objects.get()
    assert arena.laeringsmal == "ALM 055, 085; FKM 1-5"
    # from now on the arena's own page: the next save changes this arena instead of adding a second one
    assert response.redirect_chain[0][0].startswith(reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk]))
    assert "Endre læringsarena" in page
    shown = response.context["form"]["fingerprint"].value()
    client.post(
        response.redirect_chain[0][0], {**post, "annen_virksomhet": "Nordlandssykehuset HF", "fingerprint": shown}
    )
    assert Laeringsarena.objects.get().annen_virksomhet == "Nordlandssykehuset HF"


def test_an_empty_arena_form_saves_nothing_and_says_so(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:ny_laeringsarena", args=[soknad.pk])
    response = client.post(url, {"fingerprint": ""})
    assert response.status_code == 200 and "Legg til læringsarena" in text(response)
    assert "Du har ikke fylt ut noe ennå" in text(response)
    assert not Laeringsarena.objects.exists()


def test_a_new_arena_with_a_bad_value_creates_nothing_and_keeps_every_input(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:ny_laeringsarena", args=[soknad.pk])
    response = client.post(url, {"type": "ikke-en-type", "laeringsmal": "ALM 1-6", "annen_virksomhet": "UNN HF"})
    assert response.status_code == 200 and response.request["PATH_INFO"] == url  # still /ny/, nothing to save twice
    page = text(response)
    assert "Ingenting er lagret ennå" in page and "ALM 1-6" in page and "UNN HF" in page
    assert not Laeringsarena.objects.exists()


# ---- check answers and submit ---------------------------------------------------------------------


def test_check_answers_lists_what_is_missing_and_refuses_to_submit(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:se_over", args=[soknad.pk])
    page = text(client.get(url))
    assert "Dette mangler før du kan sende inn" in page and "Legg til minst én læringsarena." in page
    page = text(client.post(url, follow=True))
    assert "kan ikke sendes inn før alle delene er fullført" in page
    soknad.refresh_from_db()
    assert soknad.status == "utkast" and soknad.referanse is None


def test_submit_sets_date_reference_history_and_makes_it_read_only(client, bruker):
    soknad = _soknad_for(bruker, factory=KomplettSoknadFactory)
    LaeringsarenaFactory(soknad=soknad)
    response = client.post(reverse("soknader:se_over", args=[soknad.pk]), follow=True)
    soknad.refresh_from_db()
    assert soknad.status == "innsendt" and soknad.soknadsdato is not None
    assert soknad.referanse == f"ASA-{soknad.soknadsdato.year}-{soknad.pk:05d}"
    page = text(response)
    assert "Søknaden er sendt inn" in page and soknad.referanse in page
    history = Statusendring.objects.get()
    assert (history.fra_status, history.til_status, history.utfort_av) == ("utkast", "innsendt", bruker)
    # read-only now
    response = client.post(
        reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"]), {"kontaktperson_navn": "Endret", "utkast": "1"}
    )
    assert response.status_code == 302
    soknad.refresh_from_db()
    assert soknad.kontaktperson_navn == "Kari Nordmann"
    arena = soknad.laeringsarenaer.get()
    client.post(reverse("soknader:slett_laeringsarena", args=[soknad.pk, arena.pk]))
    assert soknad.laeringsarenaer.exists()
    mine = text(client.get(reverse("soknader:mine")))
    assert "Sendt inn" in mine and soknad.referanse in mine


def test_delete_a_draft(client, bruker):
    soknad = _soknad_for(bruker)
    client.post(reverse("soknader:slett_utkast", args=[soknad.pk]))
    assert not Soknad.objects.exists()


def test_brreg_lookup_finds_a_kommune_without_network(client, bruker):
    response = client.get(reverse("brreg:enhet", args=["972418013"]))
    assert response.json()["navn"] == "Bodø" and response.json()["kilde"] == "kommuneregister"
    assert client.get(reverse("brreg:enhet", args=["972418014"])).status_code == 400
    assert client.get(reverse("brreg:enhet", args=["999888771"])).status_code == 503  # registry down


# ---- "Endre" from "Se over" returns there -------------------------------------------------------


def _shown(response) -> dict:
    """What the page's form would post as it stands."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return data


def test_endre_from_check_answers_returns_there_after_saving(client, bruker):
    soknad = _soknad_for(bruker, factory=KomplettSoknadFactory)
    arena = LaeringsarenaFactory(soknad=soknad)
    se_over = reverse("soknader:se_over", args=[soknad.pk])
    page = text(client.get(se_over))
    seksjon_url = f"{reverse('soknader:seksjon', args=[soknad.pk, 'virksomhet'])}?neste={se_over}"
    arena_url = f"{reverse('soknader:laeringsarena', args=[soknad.pk, arena.pk])}?neste={se_over}"
    assert f'href="{seksjon_url}"' in page.replace("%2F", "/")
    assert f'href="{arena_url}"' in page.replace("%2F", "/")  # an "Endre" per arena

    response = client.get(seksjon_url)
    assert f'name="neste" value="{se_over}"' in text(response)
    response = client.post(seksjon_url, {**_shown(response), "fortsett": "1"})
    assert response["Location"] == se_over

    response = client.get(arena_url)
    response = client.post(arena_url, _shown(response))
    assert response["Location"] == se_over


@pytest.mark.parametrize("neste", ["https://evil.example/", "//evil.example/", "/admin/", "/\\evil.example"])
def test_a_foreign_next_address_is_ignored(client, bruker, neste):
    soknad = _soknad_for(bruker, factory=KomplettSoknadFactory)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    response = client.get(url, {"neste": neste})
    assert 'name="neste"' not in text(response)
    response = client.post(url, {**_shown(response), "fortsett": "1", "neste": neste})
    assert response["Location"] == reverse("soknader:seksjon", args=[soknad.pk, "ansvar"])


# ---- one list of what stops submission; the directorate's findings as advice ---------------------


def test_send_is_offered_only_when_it_can_succeed_and_findings_read_as_advice(client, bruker):
    soknad = _soknad_for(bruker)
    url = reverse("soknader:se_over", args=[soknad.pk])
    page = text(client.get(url))
    assert "Dette mangler før du kan sende inn" in page
    assert "Send inn søknaden</button>" not in page and "Du kan sende inn når alt under" in page
    assert ">Mangel<" not in page and "Dette er råd, ikke krav for å sende inn" in page

    komplett = _soknad_for(bruker, factory=KomplettSoknadFactory, spesialitet="SAM")
    LaeringsarenaFactory(soknad=komplett)
    page = text(client.get(reverse("soknader:se_over", args=[komplett.pk])))
    assert "Send inn søknaden</button>" in page and "Dette mangler før du kan sende inn" not in page


def test_the_task_list_leads_to_the_next_part_until_all_four_are_done(client, bruker):
    soknad = _soknad_for(bruker)
    page = text(client.get(reverse("soknader:oppgaver", args=[soknad.pk])))
    assert "Du har fullført 0 av 4" in page
    primary = re.search(r'<a class="btn btn-primary" href="([^"]+)">([^<]+)</a>', page)
    assert primary.group(2) == "Fortsett med «Virksomhet og spesialitet»"
    assert primary.group(1) == reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])

    komplett = _soknad_for(bruker, factory=KomplettSoknadFactory, spesialitet="SAM")
    LaeringsarenaFactory(soknad=komplett)
    page = text(client.get(reverse("soknader:oppgaver", args=[komplett.pk])))
    assert re.search(r'<a class="btn btn-primary" href="[^"]+">Se over og send inn</a>', page)


# ---- the contact person suggested from the logged-in user -------------------------------------------


def test_section_one_suggests_the_logged_in_user_as_contact_person(client):
    user = UserFactory(first_name="Kari", last_name="Nordmann", email="kari@bodo.kommune.no")
    client.force_login(user)
    soknad = _soknad_for(user)
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    page = text(client.get(url))
    assert 'value="Kari Nordmann"' in page and 'value="kari@bodo.kommune.no"' in page
    soknad.refresh_from_db()
    assert soknad.kontaktperson_navn == ""  # a suggestion until the user saves
    page = text(client.get(reverse("soknader:oppgaver", args=[soknad.pk])))
    assert 'id="status-virksomhet" class="badge rounded-pill text-bg-light border">Ikke påbegynt' in page

    soknad.kontaktperson_navn = "Ola Hansen"
    soknad.save()
    page = text(client.get(url))
    assert 'value="Ola Hansen"' in page and 'value="Kari Nordmann"' not in page


def test_the_way_back_to_check_answers_survives_a_save_with_errors(client, bruker):
    soknad = _soknad_for(bruker, factory=KomplettSoknadFactory)
    se_over = reverse("soknader:se_over", args=[soknad.pk])
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    shown = _shown(client.get(url, {"neste": se_over}))
    response = client.post(url, {**shown, "kontaktperson_epost": "kari@", "fortsett": "1", "neste": se_over})
    assert response.status_code == 200 and f'name="neste" value="{se_over}"' in text(response)
    response = client.post(url, {**shown, "fortsett": "1", "neste": se_over})
    assert response["Location"] == se_over
