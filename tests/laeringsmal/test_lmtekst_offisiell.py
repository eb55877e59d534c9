"""Issue 20: reading what people write against the official catalogue in force on the application date.

Pure Python against the repo's catalogue file (the official lists); every example text of the issue, in bokmål and
nynorsk, and property tests that keep "no code from a clause that cannot be read".
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laeringsmal.katalog import read_catalogue_file
from laeringsmal.lmtekst import Katalog, Tolkning, formater, tolk
from laeringsmal.lmtekst.seksjoner import _finn_seksjoner, _seksjoner
from laeringsmal.lmtekst.tokeniser import _tokeniser

RADER = read_catalogue_file()


def _katalog(dato: dt.date) -> Katalog:
    rader = [r for r in RADER if r["gyldig_fra"] <= dato and (not r["gyldig_til"] or dato <= r["gyldig_til"])]
    return Katalog(
        [r["kode"] for r in rader],
        titler={r["kode"]: r["tittel"] for r in rader},
        seksjoner={r["kode"]: r["seksjon"] for r in rader},
    )


K2019 = _katalog(dt.date(2019, 5, 15))
K2025 = _katalog(dt.date(2025, 6, 1))
K2026 = _katalog(dt.date(2026, 6, 1))


@pytest.fixture(autouse=True)
def _fast_passwords():
    """Shadow the project-wide autouse fixture: these tests need no database."""
    yield


def les(tekst: str, spes: str = "ALM", katalog: Katalog = K2026) -> Tolkning:
    return tolk(tekst, spes, katalog)


def kort(tekst: str, spes: str = "ALM", katalog: Katalog = K2026) -> str:
    return formater(les(tekst, spes, katalog).koder)


def meldinger(tolkning: Tolkning) -> str:
    return " | ".join(f.melding for f in tolkning.feil)


def merknader(tolkning: Tolkning) -> str:
    return " | ".join(f.melding for f in tolkning.merknader)


# ---- the three misreadings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "koder"),
    [
        ("ALM 12 og alle kommunikasjonsmål", "ALM 12, 42-55"),
        ("ALM 12 og alle kommunikasjonsmåla", "ALM 12, 42-55"),  # nynorsk
        ("Alle læringsmål unntatt praksisdrift", "ALM 1-85"),
        ("Alle læringsmåla unnateke praksisdrift", "ALM 1-85"),
        ("Alle læringsmål unntatt praksisdrift og ledelse", "ALM 1-85"),
        ("Alle læringsmåla bortsett frå praksisdrift og leiing", "ALM 1-85"),
    ],
)
def test_the_misreadings_of_the_issue_are_read_by_section(tekst, koder):
    tolkning = les(tekst)
    assert formater(tolkning.koder) == koder and tolkning.feil == ()


@pytest.mark.parametrize("katalog", [K2019, K2026])
def test_the_long_misreading_gives_what_can_be_read_and_suggestions_for_the_rest(katalog):
    tolkning = les("ALM 12, 13, 14, ALM 2O, ALm 33-36, FKN 3 og alle KOMMUNIKASJON", katalog=katalog)
    assert formater(tolkning.koder) == "ALM 12-14, 33-36, 42-55"  # never all 88
    assert [f.tekst for f in tolkning.feil] == ["ALM 2O", "FKN 3"]
    assert "Mente du «ALM 20»?" in tolkning.feil[0].melding  # issue 22: « » as the service quotes
    assert "Mente du «FKM 3»?" in tolkning.feil[1].melding
    assert "21.4 Kommunikasjon og samhandling: ALM-042…055" in merknader(tolkning)


@pytest.mark.parametrize(
    ("tekst", "forslag"),
    [("Ale", "«Alle»"), ("ale bortsett fra ALM 55", "«alle»"), ("FKN 3", "«FKM 3»"), ("ALM 2O", "«ALM 20»")],
)
def test_near_misses_get_a_suggestion_and_no_codes(tekst, forslag):
    tolkning = les(tekst)
    assert tolkning.koder == ()
    assert f"Mente du {forslag}?" in meldinger(tolkning)


# ---- "alle" and exceptions that cannot be read give nothing ------------------------------------------------------


@pytest.mark.parametrize(
    "tekst",
    [
        "Alle kardiologiske",
        "Alle kardiologiske unntatt ALM 55",
        "Alle unntatt kardiologi",
        "Alle bortsett fra ALM 55 og kardiologi",
        "Alle bortsett fra",
        "Alle unnateke kardiologi",  # nynorsk
        "Alle utanom ALM 55 og kardiologi",
    ],
)
def test_an_alle_clause_that_cannot_be_read_gives_no_codes_only_an_error(tekst):
    tolkning = les(tekst)
    assert tolkning.koder == () and tolkning.feil
    assert "ingen" in meldinger(tolkning)


@pytest.mark.parametrize(
    ("tekst", "spes", "antall"),
    [("Alle allmennmedisinske læringsmål", "ALM", 88), ("alle samfunnsmedisinske mål", "SAM", 45)],
)
def test_the_specialty_by_name_after_alle(tekst, spes, antall):
    tolkning = les(tekst, spes)
    assert tolkning.feil == () and len(tolkning.koder) == antall
    assert les("Alle arbeidsmedisinske læringsmål", "ALM").koder == ()  # another specialty: an error, nothing


def test_what_stands_beside_an_unreadable_clause_still_counts():
    tolkning = les("ALM 1-3; Alle unntatt kardiologi\nFKM 1-14")
    assert formater(tolkning.koder) == "ALM 1-3; FKM 1-14"
    assert len(tolkning.feil) == 1


# ---- the old common objectives --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "koder"),
    [
        ("ALM 1-6, LM 13", "ALM 1-6; LM 13"),
        ("LM 4, LM 19-23", "LM 4, 19-23"),
        ("LM4, LM-13", "LM 4, 13"),
        ("LM-04", "LM 4"),
        ("felles kompetansemål", "LM 4, 13, 19-23, 32-34, 41-43, 46-47, 51, 55, 59-60, 70-74"),
        ("alle FKM", "LM 4, 13, 19-23, 32-34, 41-43, 46-47, 51, 55, 59-60, 70-74"),
        ("FKM", "LM 4, 13, 19-23, 32-34, 41-43, 46-47, 51, 55, 59-60, 70-74"),
        ("Alle bortsett fra ALM 55 og 85; alle felles kompetansemål", None),
    ],
)
def test_the_old_common_objectives_in_a_2019_application(tekst, koder):
    tolkning = les(tekst, katalog=K2019)
    assert tolkning.feil == ()
    if koder:
        assert formater(tolkning.koder) == koder
    else:
        assert len(tolkning.koder) == 86 + 24


def test_lm_75_counts_from_2024_09_01():
    assert kort("LM 4, LM 19-23, LM-75", katalog=K2025) == "LM 4, 19-23, 75"
    assert "LM-75" not in les("LM-75", katalog=K2019).koder


def test_numbers_after_a_wrong_common_group_are_not_taken_by_the_group_before():
    assert les("ALM 1, FKM 3, 4", katalog=K2019).koder == ("ALM-001",)
    assert les("Alle FKM unntatt FKM 3", katalog=K2019).koder == ()  # the exception cannot be read


@pytest.mark.parametrize(
    ("tekst", "koder"),
    [
        ("Medisinsk kompetanse: ALM 56-70", "ALM 56-70"),
        ("ALM 42-50 (kommunikasjon)", "ALM 42-50"),
        ("Kommunikasjon og samhandling:\nALM 42, 43", "ALM 42-43"),
    ],
)
def test_a_section_as_a_heading_or_label_adds_nothing(tekst, koder):
    tolkning = les(tekst)
    assert tolkning.feil == () and formater(tolkning.koder) == koder


def test_the_old_codes_after_2026_03_01_and_the_new_before_are_errors_with_a_way_out():
    etter = les("LM 4", katalog=K2026)
    assert etter.koder == () and "28. februar 2026" in meldinger(etter) and "FKM" in meldinger(etter)
    for_ = les("FKM 3", katalog=K2019)
    assert for_.koder == () and "LM-04 … LM-75" in meldinger(for_)
    assert kort("alle FKM", katalog=K2026) == "FKM 1-14"


# ---- sections ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "spes", "koder", "vist"),
    [
        ("alle innen kommunikasjon og samhandling", "ALM", "ALM 42-55", "21.4 Kommunikasjon og samhandling"),
        ("alle innanfor kommunikasjon og samhandling", "ALM", "ALM 42-55", "21.4 Kommunikasjon og samhandling"),
        ("kommunikasjonsmålene", "ALM", "ALM 42-55", "21.4 Kommunikasjon og samhandling"),
        ("21.4", "ALM", "ALM 42-55", "21.4 Kommunikasjon og samhandling"),
        ("praksisdrift og ledelse", "ALM", "ALM 86-88", "21.6 Praksisdrift og ledelse"),
        ("praksisdrift og leiing", "ALM", "ALM 86-88", "21.6 Praksisdrift og ledelse"),
        ("Medisinsk kompetanse", "ALM", "ALM 56-85", "21.5 Medisinsk kompetanse"),
        ("samfunnsoppdrag og førebyggjande helsearbeid", "ALM", "ALM 6-19", "21.2 Samfunnsoppdrag"),
        ("alle innen saksbehandling", "SAM", "SAM 1-4", "46.1 Saksbehandling"),
        ("46.8", "SAM", "SAM 32-40", "46.8 Helseberedskap"),
        ("råd og rettleiing", "SAM", "SAM 5-9", "46.2 Råd og veiledning"),
        ("46.10", "SAM", "SAM 44-45", "46.10 Læringsmål i klinisk spesialitet"),
        ("toksikologi", "ARB", "ARB 99-103", "23.15 Toksikologi"),
        ("23.9 og hudsjukdommar", "ARB", "ARB 61-78", "23.10 Arbeidsrelaterte hudsykdommer"),
    ],
)
def test_section_names_and_numbers_read_as_the_sections_codes(tekst, spes, koder, vist):
    tolkning = les(tekst, spes)
    assert tolkning.feil == (), tolkning.feil
    assert formater(tolkning.koder) == koder
    assert vist in merknader(tolkning)


def test_a_section_is_shown_back_with_its_number_name_and_codes():
    assert merknader(les("alle innen kommunikasjon og samhandling")) == (
        "«kommunikasjon og samhandling» er lest som 21.4 Kommunikasjon og samhandling: ALM-042…055."
    )


@pytest.mark.parametrize("tekst", ["Alle unntatt institusjonstjeneste", "Alle unnateke institusjonsteneste"])
def test_institusjonstjeneste_is_alm_055_and_085(tekst):
    assert kort(tekst) == "ALM 1-54, 56-84, 86-88"


def test_a_section_word_inside_a_sentence_is_not_a_section():
    tolkning = les("Alle bortsett fra ALM 55 som krever veiledning fra sykehus", "ALM")
    assert tolkning.koder == ()


# ---- numbers beyond the lists; the complete lists --------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "spes", "melding"),
    [
        ("ALM 98", "ALM", "Listen for allmennmedisin går fra ALM-001 til ALM-088"),
        ("SAM 46", "SAM", "Listen for samfunnsmedisin går fra SAM-001 til SAM-045"),
        ("ARB 121", "ARB", "Listen for arbeidsmedisin går fra ARB-001 til ARB-120"),
    ],
)
def test_a_number_beyond_a_list_says_how_far_it_goes(tekst, spes, melding):
    tolkning = les(tekst, spes)
    assert tolkning.koder == () and melding in meldinger(tolkning)


def test_the_official_counts_alle_bortsett_fra_and_a_range_to_97():
    assert len(les("Alle bortsett fra ALM 055 og 085").koder) == 86
    tolkning = les("ALM 1-97")
    assert len(tolkning.koder) == 88 and "ALM-089 til ALM-097 finnes ikke" in meldinger(tolkning)


def test_a_range_beyond_the_list_names_the_real_end():
    tolkning = les("ALM 1-30, 32-120")
    assert "ALM-089 til ALM-120 finnes ikke" in meldinger(tolkning)
    assert formater(tolkning.koder) == "ALM 1-30, 32-88"


@pytest.mark.parametrize(("tekst", "spes"), [("ALM 1-88", "ALM"), ("SAM 1-45; FKM 1-14", "SAM"), ("ARB 1-120", "ARB")])
def test_the_complete_lists_give_no_warning(tekst, spes):
    assert les(tekst, spes).feil == ()


def test_fkm_after_an_exception_list_is_read_when_set_apart_by_comma_og():
    for tekst in ("Alle bortsett fra ALM 055 og 085, og FKM 1-14", "Alle bortsett frå ALM 055 og 085, og FKM 1-14"):
        tolkning = les(tekst)
        assert tolkning.feil == () and formater(tolkning.koder) == "ALM 1-54, 56-84, 86-88; FKM 1-14"


# ---- partial objectives and comments --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tekst", ["ALM 055 (delvis)", "Deler av ALM 055", "Delar av ALM 055", "delvis ALM 55", "ALM 55 delvis"]
)
def test_partial_objectives_are_read_as_covered_in_part(tekst):
    tolkning = les(tekst)
    assert tolkning.feil == ()
    assert tolkning.koder == ("ALM-055",) and tolkning.delvis == ("ALM-055",)
    assert "delvis" in merknader(tolkning)


def test_partial_and_whole_objectives_together():
    tolkning = les("ALM 1-6, ALM 55 (delvis), ALM 85")
    assert formater(tolkning.koder) == "ALM 1-6, 55, 85" and tolkning.delvis == ("ALM-055",)


@pytest.mark.parametrize(
    "tekst", ["ALM 55, 85 (disse oppnås ved sykehuset)", "ALM 55, 85 (desse blir nådde ved sjukehuset)"]
)
def test_a_bracketed_comment_is_kept_as_a_comment(tekst):
    tolkning = les(tekst)
    assert tolkning.feil == () and formater(tolkning.koder) == "ALM 55, 85"
    assert "kommentar" in merknader(tolkning)


# ---- properties -------------------------------------------------------------------------------------------------

_UKJENT = st.text(alphabet="bcdfghjkpqrvwxzæøå", min_size=3, max_size=9).filter(
    # a word the reader does not know: a noise word it drops ("frå") gives no token at all
    lambda o: (
        bool(ord_ := _tokeniser(o))
        and all(t.art == "ORD" for t in ord_)
        and not _finn_seksjoner(o, _seksjoner(K2026, "ALM"))
    )
)
_GOD = st.sampled_from(["ALM 1-3", "FKM 1-14", "ALM 42", "ALM 60-62, 70", ""])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(god=_GOD, ord_=_UKJENT, form=st.sampled_from(["alle {o}", "Alle unntatt {o}", "Alle bortsett fra ALM 5 og {o}"]))
def test_no_code_from_an_unreadable_clause(god, ord_, form):
    tekst = f"{god}\n{form.format(o=ord_)}" if god else form.format(o=ord_)
    tolkning = les(tekst)
    assert set(tolkning.koder) == set(les(god).koder)
    assert tolkning.feil


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60), st.sampled_from([K2019, K2025, K2026]), st.sampled_from(["ALM", "SAM", "ARB"]))
def test_any_text_reads_without_exception_and_partial_codes_are_codes(tekst, katalog, spes):
    tolkning = tolk(tekst, spes, katalog)
    assert set(tolkning.delvis) <= set(tolkning.koder) <= set(katalog)
