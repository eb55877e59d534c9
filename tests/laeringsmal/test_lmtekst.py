"""Tests for laeringsmal.lmtekst: reading, formatting and coverage of LM texts.

Plain pytest, no database and no Django: runs with ``-p no:django``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laeringsmal.lmtekst import (
    GRUPPER,
    SPESIALITETER,
    Dekning,
    Feil,
    Katalog,
    Tolkning,
    dekning,
    formater,
    sorter,
    tolk,
)

CSV = Path(__file__).resolve().parents[2] / "laeringsmal" / "data" / "laeringsmal.csv"


@pytest.fixture(autouse=True)
def _fast_passwords():
    """Shadow the project-wide autouse fixture, which needs pytest-django's ``settings``.

    These tests are pure Python and are also run with ``-p no:django``.
    """
    yield


def _koder(gruppe: str, tall: range | list[int]) -> list[str]:
    return [f"{gruppe}-{n:03d}" for n in tall]


# A fixed test catalogue, independent of the provisional counts in the CSV.
# ALM-050 is deliberately missing, to test gaps inside a range.
ALM = _koder("ALM", [n for n in range(1, 91) if n != 50])
SAM = _koder("SAM", range(1, 41))
ARB = _koder("ARB", range(1, 121))
FKM = _koder("FKM", range(1, 15))  # FKM-001 … FKM-014, del 2–3 from 2026-03-01
KATALOG = Katalog(ALM + SAM + ARB + FKM)
EGNE = {"ALM": ALM, "SAM": SAM, "ARB": ARB}


def les(tekst: str, spesialitet: str = "ALM") -> Tolkning:
    return tolk(tekst, spesialitet, KATALOG)


def koder(tekst: str, spesialitet: str = "ALM") -> set[str]:
    tolkning = les(tekst, spesialitet)
    assert tolkning.feil == (), tolkning.feil
    return set(tolkning.koder)


def eneste_feil(tekst: str, spesialitet: str = "ALM") -> Feil:
    tolkning = les(tekst, spesialitet)
    assert len(tolkning.feil) == 1, tolkning.feil
    feil = tolkning.feil[0]
    assert feil.tekst in tekst
    assert f"«{feil.tekst}»" in feil.melding
    return feil


ALLE_ALM = set(ALM)
UTEN_55_85 = ALLE_ALM - {"ALM-055", "ALM-085"}


# ---------------------------------------------------------------------------
# Katalog, sorter
# ---------------------------------------------------------------------------


def test_katalog_kjenner_gruppene():
    assert len(KATALOG) == len(ALM) + len(SAM) + len(ARB) + len(FKM)
    assert "ALM-055" in KATALOG
    assert "ALM-050" not in KATALOG
    assert "FKM-001" in KATALOG and "FKM-01" not in KATALOG and "FKM-1" not in KATALOG
    assert KATALOG.gruppe("FKM") == FKM
    assert KATALOG.gruppe("ALM")[:3] == ["ALM-001", "ALM-002", "ALM-003"]
    assert KATALOG.gruppe("XYZ") == []


def test_katalog_avviser_ugyldige_koder():
    with pytest.raises(ValueError):
        Katalog(["ALM 55"])


def test_sorter_i_kanonisk_rekkefolge():
    assert sorter(["FKM-002", "ARB-001", "ALM-100", "SAM-002", "ALM-009", "FKM-010"]) == [
        "ALM-009",
        "ALM-100",
        "SAM-002",
        "ARB-001",
        "FKM-002",
        "FKM-010",
    ]


# ---------------------------------------------------------------------------
# Forms tolk understands
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "forventet"),
    [
        ("", set()),
        ("   \n ", set()),
        ("Alle", ALLE_ALM),
        ("alle", ALLE_ALM),
        ("ALLE.", ALLE_ALM),
        ("alle ALM", ALLE_ALM),
        ("Alle ALM-læringsmål", ALLE_ALM),
        ("Alle læringsmål", ALLE_ALM),
        ("Alle FKM", set(FKM)),
        ("alle felles kompetansemål", set(FKM)),
        ("Alle ALM og alle FKM", ALLE_ALM | set(FKM)),
        ("Alle, alle FKM", ALLE_ALM | set(FKM)),
        ("Alle bortsett fra ALM-055 og ALM-085", UTEN_55_85),
        ("Alle bortsett fra ALM 055 og 085", UTEN_55_85),
        ("alle unntatt ALM 55, 85", UTEN_55_85),
        ("Alle utenom ALM055 og ALM085.", UTEN_55_85),
        ("Alle, unntatt 55 og 85", UTEN_55_85),
        ("Alle med unntak av ALM 55 og ALM 85", UTEN_55_85),
        ("Alle bortsett fra:\n- ALM-055\n- ALM-085\n", UTEN_55_85),
        ("Alle bortsett fra ALM 1-6", ALLE_ALM - set(_koder("ALM", range(1, 7)))),
        ("alle unntatt ALM 1-6 og 55", ALLE_ALM - set(_koder("ALM", [1, 2, 3, 4, 5, 6, 55]))),
        ("alle FKM unntatt FKM 3", set(FKM) - {"FKM-003"}),
        ("alle FKM unntatt 3", set(FKM) - {"FKM-003"}),
        ("Alle bortsett fra ALM 55 og 85; FKM 1-3", UTEN_55_85 | {"FKM-001", "FKM-002", "FKM-003"}),
        ("Alle bortsett fra ALM 55 og 85\nFKM 1-3", UTEN_55_85 | {"FKM-001", "FKM-002", "FKM-003"}),
        ("Alle bortsett fra ALM 55 og 85, alle FKM", UTEN_55_85 | set(FKM)),
        ("ALM 1-6", set(_koder("ALM", range(1, 7)))),
        ("ALM 1 - 6", set(_koder("ALM", range(1, 7)))),
        ("ALM 1–6", set(_koder("ALM", range(1, 7)))),
        ("ALM 1—6", set(_koder("ALM", range(1, 7)))),
        ("ALM-001–ALM-006", set(_koder("ALM", range(1, 7)))),
        ("ALM-001-ALM-006", set(_koder("ALM", range(1, 7)))),
        ("ALM 001 til 006", set(_koder("ALM", range(1, 7)))),
        ("ALM 1 til og med ALM 6", set(_koder("ALM", range(1, 7)))),
        ("Læringsmål ALM 1-6", set(_koder("ALM", range(1, 7)))),
        ("LM ALM 1-6.", set(_koder("ALM", range(1, 7)))),
        ("ALM: 1-6", set(_koder("ALM", range(1, 7)))),
        ("ALM 055", {"ALM-055"}),
        ("ALM-055", {"ALM-055"}),
        ("ALM–055", {"ALM-055"}),
        ("ALM055", {"ALM-055"}),
        ("alm 55", {"ALM-055"}),
        ("Alm-55.", {"ALM-055"}),
        ("ALM 055, 085", {"ALM-055", "ALM-085"}),
        ("ALM 055 og 085", {"ALM-055", "ALM-085"}),
        ("ALM 1-3, 8, 55; FKM 1-2", set(_koder("ALM", [1, 2, 3, 8, 55])) | {"FKM-001", "FKM-002"}),
        ("FKM 1-10", set(_koder("FKM", range(1, 11)))),
        ("FKM 3", {"FKM-003"}),
        ("fkm 03", {"FKM-003"}),
        ("FKM-007", {"FKM-007"}),
        ("ALM 1-3\nALM 10\n\nFKM 4", set(_koder("ALM", [1, 2, 3, 10])) | {"FKM-004"}),
        ("ALM 1-3; ALM 10 og FKM 4.", set(_koder("ALM", [1, 2, 3, 10])) | {"FKM-004"}),
        ("- ALM 1\n- ALM 2\n• ALM 3", set(_koder("ALM", [1, 2, 3]))),
        ("ALM 1-10 unntatt 5", set(_koder("ALM", [1, 2, 3, 4, 6, 7, 8, 9, 10]))),
        ("Alle ALM-055 og ALM-085", {"ALM-055", "ALM-085"}),
    ],
)
def test_former(tekst: str, forventet: set[str]):
    assert koder(tekst) == forventet


def test_koder_kommer_i_kanonisk_rekkefolge():
    assert les("FKM 2, ALM 10, FKM 1, ALM 2").koder == ("ALM-002", "ALM-010", "FKM-001", "FKM-002")


@pytest.mark.parametrize("spesialitet", SPESIALITETER)
def test_alle_er_egen_spesialitet_uten_fkm(spesialitet: str):
    assert koder("Alle", spesialitet) == set(EGNE[spesialitet])
    assert not any(k.startswith("FKM") for k in koder("alle", spesialitet))


def test_samfunnsmedisin_og_arbeidsmedisin():
    assert koder("SAM 1-3, 5", "SAM") == {"SAM-001", "SAM-002", "SAM-003", "SAM-005"}
    assert koder("ARB-014", "ARB") == {"ARB-014"}
    assert koder("Alle bortsett fra ARB 100-120", "ARB") == set(_koder("ARB", range(1, 100)))


def test_ukjent_spesialitet_gir_valueerror():
    with pytest.raises(ValueError):
        tolk("Alle", "FKM", KATALOG)
    with pytest.raises(ValueError):
        tolk("Alle", "alm", KATALOG)


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


def test_kode_som_ikke_finnes():
    feil = eneste_feil("ALM 999")
    assert feil.tekst == "ALM 999"
    # issue 20: a number beyond the list says how far the list goes
    assert feil.melding == "«ALM 999»: ALM-999 finnes ikke. Listen for allmennmedisin går fra ALM-001 til ALM-090."


def test_fkm_som_ikke_finnes():
    feil = eneste_feil("FKM 15")
    assert feil.tekst == "FKM 15"
    assert "felles kompetansemål" in feil.melding


def test_kode_i_hull_i_katalogen():
    feil = eneste_feil("ALM 50")
    assert feil.tekst == "ALM 50"
    assert "finnes ikke" in feil.melding


def test_annen_spesialitet():
    tolkning = les("ALM 1, SAM 3")
    assert tolkning.koder == ("ALM-001",)
    (feil,) = tolkning.feil
    assert feil.tekst == "SAM 3"
    assert "samfunnsmedisin" in feil.melding and "allmennmedisin" in feil.melding
    assert feil.melding.startswith("«SAM 3» hører til samfunnsmedisin")


def test_alle_annen_spesialitet():
    feil = eneste_feil("alle ARB", "SAM")
    assert feil.tekst == "alle ARB"
    assert "arbeidsmedisin" in feil.melding and "samfunnsmedisin" in feil.melding


def test_prefiks_fra_annen_spesialitet_fores_videre():
    tolkning = les("SAM 3, 4")
    assert tolkning.koder == ()
    assert [f.tekst for f in tolkning.feil] == ["SAM 3", "4"]


def test_baklengs_intervall():
    tolkning = les("ALM 6-1, ALM 8")
    assert tolkning.koder == ("ALM-008",)
    (feil,) = tolkning.feil
    assert feil.tekst == "ALM 6-1"
    assert "baklengs" in feil.melding


def test_intervall_delvis_utenfor_katalogen_melder_manglende_ende():
    tolkning = les("ALM 85-95")
    assert set(tolkning.koder) == set(_koder("ALM", range(85, 91)))
    (feil,) = tolkning.feil
    assert feil.tekst == "ALM 85-95"
    assert "ALM-091 til ALM-095" in feil.melding
    assert "finnes ikke" in feil.melding


def test_intervall_med_hull_melder_hullet():
    tolkning = les("ALM 45-55")
    assert "ALM-050" not in tolkning.koder and len(tolkning.koder) == 10
    (feil,) = tolkning.feil
    assert "ALM-050" in feil.melding


def test_intervall_helt_utenfor_katalogen():
    feil = eneste_feil("ALM 200-210")
    assert feil.melding == (
        "«ALM 200-210»: ALM-200 til ALM-210 finnes ikke. Listen for allmennmedisin går fra ALM-001 til ALM-090."
    )


def test_intervall_paa_tvers_av_grupper():
    feil = eneste_feil("ALM 1 - FKM 5")
    assert feil.tekst == "ALM 1 - FKM 5"
    assert "tvers av grupper" in feil.melding


def test_ufullstendig_intervall():
    tolkning = les("ALM 6-, ALM 8")
    assert tolkning.koder == ("ALM-008",)
    (feil,) = tolkning.feil
    assert feil.tekst == "ALM 6-"


def test_uleselig_bit():
    tolkning = les("ALM 1-3, legevakt og sykehjem, ALM 8")
    assert tolkning.koder == ("ALM-001", "ALM-002", "ALM-003", "ALM-008")
    assert [f.tekst for f in tolkning.feil] == ["legevakt", "sykehjem"]
    assert tolkning.feil[0].melding.startswith("Forstod ikke «legevakt».")


def test_uleselig_ord_etter_alle_gir_ingen_koder_fra_leddet():
    # issue 20: "alle" whose scope cannot be read is not "all" (it was: "alle kommunikasjonsmål" → all 97)
    tolkning = les("Alle relevante")
    assert tolkning.koder == ()
    assert [f.tekst for f in tolkning.feil] == ["Alle relevante"]
    assert "ingen er telt med" in tolkning.feil[0].melding


def test_tall_uten_gruppe():
    feil = eneste_feil("1-6")
    assert feil.tekst == "1-6"
    assert "mangler gruppe" in feil.melding
    assert "«ALM 1-6»" in feil.melding


def test_gruppe_uten_nummer():
    feil = eneste_feil("ALM og FKM 1", "ALM")
    assert feil.tekst == "ALM"
    assert "mangler nummer" in feil.melding


def test_unntatt_uten_alle():
    tolkning = les("ALM 5 unntatt ALM 6")
    assert tolkning.koder == ("ALM-005",)  # ALM 6 is not silently counted as included
    (feil,) = tolkning.feil
    assert feil.tekst == "unntatt"


def test_tom_unntaksliste():
    tolkning = les("Alle bortsett fra")
    assert tolkning.koder == ()  # issue 20: an exception that cannot be read takes the clause with it
    (feil,) = tolkning.feil
    assert feil.tekst == "bortsett fra"


def test_unntak_som_ikke_finnes():
    tolkning = les("Alle bortsett fra ALM 999")
    assert set(tolkning.koder) == ALLE_ALM
    (feil,) = tolkning.feil
    assert feil.tekst == "ALM 999"
    assert "finnes ikke" in feil.melding


def test_unntak_utenfor_intervallet():
    tolkning = les("ALM 1-6 unntatt 8")
    assert set(tolkning.koder) == set(_koder("ALM", range(1, 7)))
    (feil,) = tolkning.feil
    assert feil.tekst == "8"
    assert "ingen virkning" in feil.melding


def test_fkm_i_unntaksliste_etter_bare_alle_er_uklart():
    # Bare "alle" does not include FKM, so "unntatt FKM 3" can't be an exception.
    # It is not silently read as "FKM 3 included" either.
    tolkning = les("Alle unntatt ALM 55, FKM 3")
    assert set(tolkning.koder) == ALLE_ALM - {"ALM-055"}
    (feil,) = tolkning.feil
    assert feil.tekst == "FKM 3"
    assert "Uklart" in feil.melding


def test_annen_spesialitet_i_unntaksliste():
    tolkning = les("Alle bortsett fra SAM 3")
    assert set(tolkning.koder) == ALLE_ALM
    (feil,) = tolkning.feil
    assert feil.tekst == "SAM 3"
    assert "samfunnsmedisin" in feil.melding


def test_gyldige_biter_gir_koder_selv_med_mange_feil():
    tolkning = les("ALM 1, ALM 999; SAM 2\nhva som helst\nFKM 1-2, ALM 6-4")
    assert tolkning.koder == ("ALM-001", "FKM-001", "FKM-002")
    assert [f.tekst for f in tolkning.feil] == ["ALM 999", "SAM 2", "hva som helst", "ALM 6-4"]


def test_veldig_lange_tall():
    tolkning = les("ALM " + "9" * 5000 + ", ALM 1-" + "9" * 5000)
    assert tolkning.koder == tuple(ALM)
    assert len(tolkning.feil) == 2


# ---------------------------------------------------------------------------
# formater
# ---------------------------------------------------------------------------


def test_formater():
    assert formater([]) == ""
    assert formater(["ALM-001"]) == "ALM 1"
    assert (
        formater(
            ["FKM-003", "ALM-055", "ALM-001", "ALM-002", "ALM-008", "FKM-001", "FKM-002"] + _koder("ALM", range(3, 7))
        )
        == "ALM 1-6, 8, 55; FKM 1-3"
    )
    assert formater(["SAM-004", "SAM-005", "ARB-001"]) == "SAM 4-5; ARB 1"


def test_formater_avviser_ugyldige_koder():
    with pytest.raises(ValueError):
        formater(["ALM55"])


@st.composite
def spesialitet_og_delmengde(draw):
    spesialitet = draw(st.sampled_from(SPESIALITETER))
    delmengde = draw(st.sets(st.sampled_from(EGNE[spesialitet] + FKM)))
    return spesialitet, delmengde


@given(spesialitet_og_delmengde())
@settings(max_examples=300)
def test_formater_rundtur(par):
    spesialitet, delmengde = par
    tolkning = tolk(formater(delmengde), spesialitet, KATALOG)
    assert tolkning.feil == ()
    assert set(tolkning.koder) == delmengde
    assert list(tolkning.koder) == sorter(delmengde)


# ---------------------------------------------------------------------------
# Robustness
# ---------------------------------------------------------------------------


def _sjekk_robust(tekst: str, spesialitet: str) -> None:
    tolkning = tolk(tekst, spesialitet, KATALOG)
    assert isinstance(tolkning, Tolkning)
    assert set(tolkning.koder) <= set(KATALOG)
    assert list(tolkning.koder) == sorter(set(tolkning.koder))
    for feil in tolkning.feil:
        assert feil.tekst and feil.tekst in tekst
        assert f"«{feil.tekst}»" in feil.melding


@given(st.text(), st.sampled_from(SPESIALITETER))
@settings(max_examples=500)
def test_vilkaarlig_tekst_kaster_aldri(tekst: str, spesialitet: str):
    _sjekk_robust(tekst, spesialitet)


FRAGMENTER = [
    "Alle",
    "alle",
    "ALLE",
    "alt",
    "bortsett fra",
    "unntatt",
    "utenom",
    "med unntak av",
    "men ikke",
    "og",
    "samt",
    ",",
    ";",
    ".",
    ":",
    "\n",
    "\r\n",
    "-",
    "–",
    "—",
    "til",
    "til og med",
    "t.o.m.",
    "ALM",
    "alm",
    "SAM",
    "ARB",
    "FKM",
    "felles kompetansemål",
    "LM",
    "Læringsmål",
    "nr.",
    "ALM-055",
    "ALM 085",
    "alm55",
    "SAM-003",
    "ARB-014",
    "FKM 1-10",
    "FKM-003",
    "0",
    "1",
    "6",
    "55",
    "085",
    "999",
    "99999999999999999999",
    "(",
    ")",
    "«",
    "»",
    '"',
    "legevakt",
    "sykehjem",
    "delvis",
    "x",
    "é",
    "İ",
    "ß",
    "\u00a0",
    "\t",
    "•",
    "*",
    "/",
    "&",
    "+",
]


@given(
    st.lists(
        st.tuples(st.sampled_from(FRAGMENTER), st.sampled_from(["", " ", "  ", ", ", "\n"])),
        max_size=25,
    ),
    st.sampled_from(SPESIALITETER),
)
@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
def test_realistisk_tekst_kaster_aldri(biter, spesialitet: str):
    _sjekk_robust("".join(f + s for f, s in biter), spesialitet)


# ---------------------------------------------------------------------------
# dekning
# ---------------------------------------------------------------------------


def test_dekning_alle_bortsett_fra_pluss_de_to_gir_full_dekning():
    fastlege = tolk("Alle bortsett fra ALM 055 og 085", "ALM", KATALOG)
    sykehus = tolk("ALM 55, 85", "ALM", KATALOG)
    assert fastlege.feil == () and sykehus.feil == ()
    resultat = dekning({"fastlege": fastlege.koder, "sykehus": sykehus.koder}, KATALOG.gruppe("ALM"))
    assert isinstance(resultat, Dekning)
    assert resultat.udekket == ()
    assert resultat.dekket == tuple(ALM)
    assert dict(resultat.matrise)["ALM-055"] == (False, True)
    assert dict(resultat.matrise)["ALM-001"] == (True, False)


def test_dekning_udekket_og_matrise():
    resultat = dekning(
        {1: ["ALM-001", "FKM-001"], 2: ["ALM-002", "ALM-001"], 3: []},
        ["FKM-002", "ALM-003", "ALM-001", "ALM-002", "FKM-001"],
    )
    assert resultat.per_arena == {
        1: frozenset({"ALM-001", "FKM-001"}),
        2: frozenset({"ALM-001", "ALM-002"}),
        3: frozenset(),
    }
    assert resultat.dekket == ("ALM-001", "ALM-002", "FKM-001")
    assert resultat.udekket == ("ALM-003", "FKM-002")
    assert resultat.matrise == [
        ("ALM-001", (True, True, False)),
        ("ALM-002", (False, True, False)),
        ("ALM-003", (False, False, False)),
        ("FKM-001", (True, False, False)),
        ("FKM-002", (False, False, False)),
    ]


def test_dekning_uten_arenaer():
    resultat = dekning({}, ["ALM-001"])
    assert resultat.udekket == ("ALM-001",)
    assert resultat.matrise == [("ALM-001", ())]


@given(
    st.dictionaries(st.integers(0, 20), st.sets(st.sampled_from(ALM[:15] + FKM[:5])), max_size=6),
    st.sets(st.sampled_from(ALM[:15] + FKM[:5])),
)
def test_dekning_egenskaper(arenaer, relevante):
    resultat = dekning(arenaer, relevante)
    union = set().union(*arenaer.values()) if arenaer else set()
    assert set(resultat.dekket) == relevante & union
    assert set(resultat.udekket) == relevante - union
    assert [kode for kode, _ in resultat.matrise] == sorter(relevante)
    for kode, rad in resultat.matrise:
        assert rad == tuple(kode in koder for koder in arenaer.values())


# ---------------------------------------------------------------------------
# The catalogue data file
# ---------------------------------------------------------------------------


def _rader() -> list[dict[str, str]]:
    with CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_katalogfilen_har_riktig_form():
    rader = _rader()
    assert list(rader[0]) == ["kode", "gruppe", "seksjon", "tittel", "gyldig_fra", "gyldig_til", "kilde"]
    for rad in rader:
        assert rad["gruppe"] in GRUPPER
        assert rad["kode"].startswith(rad["gruppe"] + "-")
        assert rad["kilde"] and rad["tittel"]
        assert bool(rad["seksjon"]) == (rad["gruppe"] in SPESIALITETER)
        assert not rad["gyldig_til"] or rad["gyldig_fra"] <= rad["gyldig_til"]
    Katalog(rad["kode"] for rad in rader)  # all codes are canonical


def _gyldige(dato: str) -> Katalog:
    return Katalog(
        rad["kode"]
        for rad in _rader()
        if rad["gyldig_fra"] <= dato and (not rad["gyldig_til"] or dato <= rad["gyldig_til"])
    )


def test_katalogfilen_kjente_fakta():
    # Spesialistforskriften vedlegg 2: ALM-001…088, SAM-001…045, ARB-001…120 since 2018; the common objectives are
    # the old del 2–3 list LM-04…LM-75 (25) until 2026-02-28, FKM-001…014 from 2026-03-01 (FOR-2025-01-24-114).
    for dato, felles, antall in (("2025-06-01", "LM", 25), ("2026-03-01", "FKM", 14)):
        katalog = _gyldige(dato)
        assert [len(katalog.gruppe(g)) for g in SPESIALITETER] == [88, 45, 120]
        assert katalog.felles() == felles and len(katalog.gruppe(felles)) == antall
    assert len(_gyldige("2024-08-31").gruppe("LM")) == 24  # LM-75 from 2024-09-01
    rader = {(r["kode"], r["gyldig_fra"]): r for r in _rader()}
    assert rader[("FKM-014", "2026-03-01")]["tittel"] == (
        "Ha god kunnskap om egen rolle i beredskapssituasjoner på eget arbeidssted."
    )
    assert rader[("ALM-055", "2019-03-01")]["seksjon"] == "21.4 Kommunikasjon og samhandling"


@pytest.mark.parametrize("tekst", ["FKM 1", "FKM-01", "FKM-001", "fkm 001", "felles kompetansemål 1"])
def test_fkm_skrevet_paa_alle_maater_blir_tresifret_kode(tekst):
    assert koder(tekst) == {"FKM-001"}


def test_fkm_1_14_og_alle_fkm_er_hele_den_offisielle_listen():
    assert koder("FKM 1-14") == koder("Alle FKM") == set(FKM)
