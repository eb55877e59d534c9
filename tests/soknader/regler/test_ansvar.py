"""Sections 2 and 3: the confirmations, BHT approval, the agreement on ALM-055/085, the supervisors' plan.
Each rule: data that triggers it, and data that does not."""

import dataclasses

import pytest

from soknader.skjema import BEKREFTELSER
from tests.soknader.regler.data import ALM, ARB, COMPLETE, FELT, FKM, arena, change, codes, find


def test_hf_avtale_missing_whenever_the_box_is_not_ticked():
    # The guidance: "Det skal krysses av for at det er inngått en avtale med et helseforetak eller annen virksomhet
    # som kan bidra til oppnåelse av læringsmålene ALM 055 og ALM 085. [...] De som ikke har en avtale med et
    # helseforetak når de søker, vil få en henvendelse fra oss". No exception for a hospital arena elsewhere.
    felt = {**FELT, "hf_avtale_inngatt": False}
    [f] = [f for f in find(change(felt=felt)) if f.kode == "HF_AVTALE_MANGLER"]  # even with a sykehus elsewhere,
    assert "Læringsarena 2 er ved sykehus" in f.tekst  # which the message names
    assert "HF_AVTALE_MANGLER" in codes(change(felt=felt, arenaer=(arena(koder=ALM + FKM),)))
    assert "HF_AVTALE_MANGLER" not in codes(COMPLETE)  # agreement ticked
    assert "HF_AVTALE_MANGLER" not in codes(change(felt=felt, spesialitet="SAM", spesialitet_koder=()))


@pytest.mark.parametrize("field", [name for name in BEKREFTELSER if name != "ansvar_apen_uselektert_praksis"])
def test_ansvar_ikke_bekreftet(field):
    found = find(change(felt={**FELT, field: False}))
    assert [f.kode for f in found] == ["ANSVAR_IKKE_BEKREFTET"]
    assert "1 av ansvarspunktene" in found[0].tekst


def test_open_practice_unticked_is_a_warning_for_a_kommunes_alm_only():
    """The guide: "Alle punktene, med unntak av siste punkt, må bekreftes for å få fullført registreringsskjemaet,
    dette punktet om åpen uselektert praksis skal kun bekreftes av kommunene." Never a blocker; for a kommune's ALM
    the caseworker is warned (allmennmedisin needs the practice); nothing for anyone else, ticked or not."""
    found = find(change(felt={**FELT, "ansvar_apen_uselektert_praksis": False}))
    assert [(f.kode, f.alvorlighet) for f in found] == [("APEN_PRAKSIS_IKKE_BEKREFTET", "advarsel")]
    assert "ikke bekreftet at LIS får tjeneste i åpen uselektert praksis" in found[0].tekst
    assert "APEN_PRAKSIS_IKKE_BEKREFTET" not in codes(COMPLETE)
    sam = change(spesialitet="SAM", spesialitet_koder=(), felt={**FELT, "ansvar_apen_uselektert_praksis": False})
    assert not {"ANSVAR_IKKE_BEKREFTET", "APEN_PRAKSIS_IKKE_BEKREFTET"} & set(codes(sam))
    for ticked in (True, False):  # a BHT is never told about it (the text was inverted for them before)
        bht = change(
            spesialitet="ARB",
            virksomhetstype="bht",
            er_kommune=False,
            spesialitet_koder=ARB,
            felt={**FELT, "bht_godkjent_arbeidstilsynet": True, "ansvar_apen_uselektert_praksis": ticked},
            arenaer=(arena(koder=ARB + FKM),),
        )
        assert not {"ANSVAR_IKKE_BEKREFTET", "APEN_PRAKSIS_IKKE_BEKREFTET"} & set(codes(bht))


@pytest.mark.parametrize(
    ("valg", "plan", "expected"),
    [("delvis", "", True), ("nei", " ", True), ("delvis", "Kurs", False), ("ja", "", False)],
)
def test_veilederplan_mangler(valg, plan, expected):
    found = codes(change(felt={**FELT, "veilederkompetanse": valg, "veilederkompetanse_plan": plan}))
    assert ("VEILEDERPLAN_MANGLER" in found) is expected


@pytest.mark.parametrize(("godkjent", "expected"), [(None, True), (False, True), (True, False)])
def test_bht_ikke_godkjent(godkjent, expected):
    data = change(
        spesialitet="ARB",
        virksomhetstype="bht",
        er_kommune=False,
        spesialitet_koder=ARB,
        felt={**FELT, "bht_godkjent_arbeidstilsynet": godkjent},
        arenaer=(arena(koder=ARB + FKM),),
    )
    assert ("BHT_IKKE_GODKJENT" in codes(data)) is expected
    assert "BHT_IKKE_GODKJENT" not in codes(dataclasses.replace(data, virksomhetstype="privat"))
