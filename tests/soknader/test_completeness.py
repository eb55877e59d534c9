"""Every rule of every section, on plain data (no database, no request)."""

import pytest

from soknader import completeness
from soknader.completeness import Context
from soknader.models import ANSVAR_FIELDS

KOMMUNE_ALM = Context(spesialitet="ALM", virksomhetstype="kommune", er_kommune=True)
BHT_ARB = Context(spesialitet="ARB", virksomhetstype="bht", er_kommune=False)
PRIVAT_SAM = Context(spesialitet="SAM", virksomhetstype="privat", er_kommune=False)

KONTAKT = {
    "virksomhetstype": "kommune",
    "kontaktperson_navn": "Kari",
    "kontaktperson_epost": "kari@example.no",
    "kontaktperson_telefon": "75555000",
    "dba_kontakt_navn": "Ola",
    "dba_kontakt_epost": "ola@example.no",
    "dba_kontakt_telefon": "75555001",
}
ANSVAR = {name: True for name in ANSVAR_FIELDS[:-1]}
FORHOLD = {"organisering": "Slik", "veiledere_ansatt": "egen_virksomhet", "veilederkompetanse": "ja",
           "kjent_med_oppgaver": "ja"}
ARENA = {"type": "legevakt", "plassering": "egen", "ny_veileder": False, "laeringsmal": "Alle",
         "supervisjon": ["vakt"]}


def test_complete_sections_have_no_problems():
    assert completeness.virksomhet(KONTAKT, KOMMUNE_ALM) == {}
    assert completeness.ansvar(ANSVAR, KOMMUNE_ALM) == {}
    assert completeness.forhold(FORHOLD, KOMMUNE_ALM) == {}
    assert completeness.laeringsarena(ARENA) == {}
    assert completeness.laeringsarenaer([ARENA]) == {}


@pytest.mark.parametrize("field", list(KONTAKT))
def test_every_contact_field_is_required(field):
    problems = completeness.virksomhet({**KONTAKT, field: "  "}, KOMMUNE_ALM)
    assert list(problems) == [field]
    assert problems[field].startswith(("Skriv", "Velg"))


def test_only_a_kommune_may_say_it_is_a_kommune():
    problems = completeness.virksomhet({**KONTAKT, "virksomhetstype": "kommune"}, PRIVAT_SAM)
    assert "ikke en kommune" in problems["virksomhetstype"]
    problems = completeness.virksomhet({**KONTAKT, "virksomhetstype": "privat"}, KOMMUNE_ALM)
    assert "er en kommune" in problems["virksomhetstype"]


def test_alm_only_for_kommuner():
    ctx = Context(spesialitet="ALM", virksomhetstype="privat", er_kommune=False)
    problems = completeness.virksomhet({**KONTAKT, "virksomhetstype": "privat"}, ctx)
    assert problems["virksomhetstype"] == "Allmennmedisin kan bare søkes av en kommune."


@pytest.mark.parametrize("field", ANSVAR_FIELDS[:-1])
def test_every_confirmation_but_the_last_is_required(field):
    problems = completeness.ansvar({**ANSVAR, field: False}, KOMMUNE_ALM)
    assert problems == {field: completeness.BEKREFT}


def test_open_unselected_practice_is_optional_for_kommuner_and_refused_for_others():
    assert completeness.ansvar({**ANSVAR, "ansvar_apen_uselektert_praksis": False}, KOMMUNE_ALM) == {}
    assert completeness.ansvar({**ANSVAR, "ansvar_apen_uselektert_praksis": True}, KOMMUNE_ALM) == {}
    problems = completeness.ansvar({**ANSVAR, "ansvar_apen_uselektert_praksis": True}, PRIVAT_SAM)
    assert problems == {"ansvar_apen_uselektert_praksis": "Bare kommuner kan bekrefte åpen uselektert praksis."}


def test_hf_agreement_needs_the_counterpart_only_when_confirmed():
    assert completeness.ansvar({**ANSVAR, "hf_avtale_inngatt": False}, KOMMUNE_ALM) == {}
    problems = completeness.ansvar({**ANSVAR, "hf_avtale_inngatt": True, "hf_avtale_navn": ""}, KOMMUNE_ALM)
    assert list(problems) == ["hf_avtale_navn"]
    assert completeness.ansvar({**ANSVAR, "hf_avtale_inngatt": True, "hf_avtale_navn": "UNN HF"}, KOMMUNE_ALM) == {}


def test_bht_for_arbeidsmedisin_must_answer_arbeidstilsynet():
    problems = completeness.ansvar({**ANSVAR, "bht_godkjent_arbeidstilsynet": None}, BHT_ARB)
    assert list(problems) == ["bht_godkjent_arbeidstilsynet"]
    assert completeness.ansvar({**ANSVAR, "bht_godkjent_arbeidstilsynet": False}, BHT_ARB) == {}
    assert completeness.ansvar({**ANSVAR, "bht_godkjent_arbeidstilsynet": None}, PRIVAT_SAM) == {}


@pytest.mark.parametrize("field", ["organisering", "veiledere_ansatt", "veilederkompetanse", "kjent_med_oppgaver"])
def test_forhold_required_fields(field):
    assert list(completeness.forhold({**FORHOLD, field: ""}, KOMMUNE_ALM)) == [field]


@pytest.mark.parametrize(
    ("trigger", "dependent", "text_field"),
    [
        ({"samarbeid_inngatt": True}, "samarbeid_beskrivelse", "samarbeid_beskrivelse"),
        ({"veiledere_ansatt": "annen"}, "veiledere_ansatt_beskrivelse", "veiledere_ansatt_beskrivelse"),
        ({"veilederkompetanse": "delvis"}, "veilederkompetanse_plan", "veilederkompetanse_plan"),
        ({"veilederkompetanse": "nei"}, "veilederkompetanse_plan", "veilederkompetanse_plan"),
    ],
)
def test_forhold_conditional_texts_required_exactly_when_triggered(trigger, dependent, text_field):
    assert list(completeness.forhold({**FORHOLD, **trigger}, KOMMUNE_ALM)) == [dependent]
    assert completeness.forhold({**FORHOLD, **trigger, text_field: "Slik gjør vi det"}, KOMMUNE_ALM) == {}
    assert completeness.forhold(FORHOLD, KOMMUNE_ALM) == {}


@pytest.mark.parametrize("answer", ["delvis", "nei"])
def test_kjent_med_oppgaver_needs_measures_and_annet_needs_text(answer):
    data = {**FORHOLD, "kjent_med_oppgaver": answer}
    assert list(completeness.forhold(data, KOMMUNE_ALM)) == ["kjent_tiltak"]
    assert completeness.forhold({**data, "kjent_tiltak": ["kurs"]}, KOMMUNE_ALM) == {}
    assert list(completeness.forhold({**data, "kjent_tiltak": ["kurs", "annet"]}, KOMMUNE_ALM)) == ["kjent_annet"]
    assert completeness.forhold({**data, "kjent_tiltak": ["annet"], "kjent_annet": "Mentor"}, KOMMUNE_ALM) == {}


def test_measures_not_required_when_veiledere_know_their_tasks():
    assert completeness.forhold({**FORHOLD, "kjent_med_oppgaver": "ja", "kjent_tiltak": []}, KOMMUNE_ALM) == {}


@pytest.mark.parametrize("field", ["type", "plassering", "ny_veileder", "laeringsmal", "supervisjon"])
def test_arena_required_fields(field):
    empty = [] if field == "supervisjon" else None if field == "ny_veileder" else ""
    assert list(completeness.laeringsarena({**ARENA, field: empty})) == [field]


def test_arena_new_veileder_answered_no_counts_as_answered():
    assert completeness.laeringsarena({**ARENA, "ny_veileder": False}) == {}


def test_arena_in_another_organisation_needs_its_name():
    assert list(completeness.laeringsarena({**ARENA, "plassering": "annen"})) == ["annen_virksomhet"]
    assert completeness.laeringsarena({**ARENA, "plassering": "annen", "annen_virksomhet": "UNN HF"}) == {}


def test_arena_supervision_annet_needs_text():
    assert list(completeness.laeringsarena({**ARENA, "supervisjon": ["annet"]})) == ["supervisjon_annet"]
    assert completeness.laeringsarena({**ARENA, "supervisjon": ["annet"], "supervisjon_annet": "Gruppe"}) == {}


def test_section_four_needs_an_arena_and_names_the_incomplete_ones():
    assert completeness.laeringsarenaer([]) == {"__all__": "Legg til minst én læringsarena."}
    problems = completeness.laeringsarenaer([ARENA, {**ARENA, "type": ""}, ARENA, {**ARENA, "laeringsmal": ""}])
    assert problems == {"__all__": "Læringsarena 2, 4 mangler opplysninger."}
