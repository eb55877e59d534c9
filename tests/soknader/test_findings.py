"""Every finding code: data that triggers it, and data that does not (plain data, no database)."""

import dataclasses

import pytest

from soknader.findings import ApplicationData, ArenaData, find
from soknader.skjema import BEKREFTELSER

ALM = tuple(f"ALM-{i:03d}" for i in range(1, 89))  # the official list: ALM-001 … ALM-088
ARB = tuple(f"ARB-{i:03d}" for i in range(1, 121))
FKM = tuple(f"FKM-{i:03d}" for i in range(1, 15))  # the official del 2–3 list from 2026-03-01
FELT = {
    **dict.fromkeys(BEKREFTELSER, True),
    "hf_avtale_inngatt": True,
    "bht_godkjent_arbeidstilsynet": None,
    "veilederkompetanse": "ja",
    "veilederkompetanse_plan": "",
}


def arena(nummer=1, type="fastlege", plassering="egen", annen_virksomhet="", koder=ALM + FKM, feil=()):
    return ArenaData(nummer, type, plassering, annen_virksomhet, frozenset(koder), tuple(feil))


def sykehus(nummer=2, koder=("ALM-055", "ALM-085"), avtale=True):
    return dataclasses.replace(
        arena(nummer, "sykehus", "annen", "Nordlandssykehuset HF", koder), avtale_veiledning_supervisjon=avtale
    )


COMPLETE = ApplicationData(
    spesialitet="ALM",
    virksomhetstype="kommune",
    er_kommune=True,
    felt=FELT,
    arenaer=(arena(koder=[k for k in ALM + FKM if k not in ("ALM-055", "ALM-085")]), sykehus()),
    spesialitet_koder=ALM,
    fkm_koder=FKM,
)


def codes(data) -> list[str]:
    return [f.kode for f in find(data)]


def change(**kwargs) -> ApplicationData:
    return dataclasses.replace(COMPLETE, **kwargs)


def test_a_complete_application_has_no_findings():
    assert find(COMPLETE) == []


def test_ingen_arena():
    assert codes(change(arenaer=())) == ["INGEN_ARENA"]


@pytest.mark.parametrize(("missing", "kode"), [("ALM-055", "ALM055_MANGLER"), ("ALM-085", "ALM085_MANGLER")])
def test_alm055_and_085_missing(missing, kode):
    arenaer = (arena(koder=[k for k in ALM + FKM if k != missing]),)
    found = find(change(arenaer=arenaer))
    assert kode in [f.kode for f in found]
    assert any(missing in f.melding for f in found if f.kode == kode)
    assert kode not in codes(
        change(spesialitet="ARB", virksomhetstype="privat", er_kommune=False, arenaer=arenaer, spesialitet_koder=ARB)
    )


def test_alm055_085_only_outside_institutions_is_a_warning():
    found = find(change(arenaer=(arena(),)))
    warning = [f for f in found if f.kode == "ALM055_085_UTEN_INSTITUSJON"]
    assert len(warning) == 1 and warning[0].alvorlighet == "advarsel"
    assert "ALM-055 og ALM-085" in warning[0].melding
    for institution in ("sykehus", "psykisk_helsevern", "kad", "sykehjem"):
        arenaer = (arena(), arena(2, institution, koder=("ALM-055", "ALM-085")))
        assert "ALM055_085_UTEN_INSTITUSJON" not in codes(change(arenaer=arenaer))


def test_hf_avtale_missing_whenever_the_box_is_not_ticked():
    # The guidance: "Det skal krysses av for at det er inngått en avtale med et helseforetak eller annen virksomhet
    # som kan bidra til oppnåelse av læringsmålene ALM 055 og ALM 085. [...] De som ikke har en avtale med et
    # helseforetak når de søker, vil få en henvendelse fra oss". No exception for a hospital arena elsewhere.
    felt = {**FELT, "hf_avtale_inngatt": False}
    [f] = [f for f in find(change(felt=felt)) if f.kode == "HF_AVTALE_MANGLER"]  # even with a sykehus elsewhere,
    assert "Læringsarena 2 er ved sykehus" in f.melding  # which the message names
    assert "HF_AVTALE_MANGLER" in codes(change(felt=felt, arenaer=(arena(koder=ALM + FKM),)))
    assert "HF_AVTALE_MANGLER" not in codes(COMPLETE)  # agreement ticked
    assert "HF_AVTALE_MANGLER" not in codes(change(felt=felt, spesialitet="SAM", spesialitet_koder=()))


def test_an_arena_elsewhere_whose_agreement_does_not_cover_veiledning_and_supervisjon():
    # The guide: "må det fremgå av avtalene hvordan veiledningen og supervisjonen vil bli ivaretatt"
    found = find(change(arenaer=(COMPLETE.arenaer[0], sykehus(avtale=False))))
    [f] = [f for f in found if f.kode == "AVTALE_UTEN_VEILEDNING"]
    assert (f.alvorlighet, f.arena_nummer) == ("mangel", 2) and "veiledning og supervisjon" in f.melding
    assert "AVTALE_UTEN_VEILEDNING" not in codes(change(arenaer=(COMPLETE.arenaer[0], sykehus(avtale=None))))


def test_arena_uten_lm_points_at_the_arena():
    found = find(change(arenaer=COMPLETE.arenaer + (arena(3, koder=()),)))
    [f] = [f for f in found if f.kode == "ARENA_UTEN_LM"]
    assert f.arena_nummer == 3 and "Læringsarena 3" in f.melding


def test_lm_ugyldig_quotes_the_pieces():
    bad = arena(3, koder=("ALM-001",), feil=[{"tekst": "ALM 9999", "melding": "…"}])
    [f] = [f for f in find(change(arenaer=COMPLETE.arenaer + (bad,))) if f.kode == "LM_UGYLDIG"]
    assert "«ALM 9999»" in f.melding and f.arena_nummer == 3
    assert "LM_UGYLDIG" not in codes(COMPLETE)


def test_lm_udekket_and_fkm_udekket_list_the_codes():
    arenaer = (arena(koder=[k for k in ALM if k not in ("ALM-010", "ALM-011")] + list(FKM[:12])),)
    found = {f.kode: f for f in find(change(arenaer=arenaer))}
    assert "ALM 10-11" in found["LM_UDEKKET"].melding and found["LM_UDEKKET"].melding.startswith("2 ")
    assert "FKM 13-14" in found["FKM_UDEKKET"].melding


# Issue 20: every list is official (spesialistforskriften vedlegg 2), so a gap is a mangel naming the codes; before
# 2026-03-01 the common objectives are the old del 2–3 list, LM-04 … LM-75.
OLD_LM = ("LM-04", "LM-13", "LM-75", "LM-19", "LM-20")


def test_a_gap_in_the_official_lists_is_a_mangel():
    data = change(arenaer=(arena(koder=ALM[:85] + FKM), sykehus()))
    found = {f.kode: f for f in find(data)}
    assert found["LM_UDEKKET"].melding == "3 læringsmål dekkes ikke av noen arena: ALM 86-88."
    assert found["LM_UDEKKET"].alvorlighet == "mangel"


def test_the_old_common_objectives_are_named_with_their_lm_codes():
    data = change(fkm_koder=OLD_LM, arenaer=(arena(koder=ALM + ("LM-04", "LM-13")), sykehus()))
    found = {f.kode: f for f in find(data)}
    assert found["FKM_UDEKKET"].melding == "3 felles kompetansemål er ikke plassert på noen arena: LM 19-20, 75."


@pytest.mark.parametrize("field", [name for name in BEKREFTELSER if name != "ansvar_apen_uselektert_praksis"])
def test_ansvar_ikke_bekreftet(field):
    found = find(change(felt={**FELT, field: False}))
    assert [f.kode for f in found] == ["ANSVAR_IKKE_BEKREFTET"]
    assert "1 av ansvarspunktene" in found[0].melding


def test_open_practice_is_required_of_a_kommune_applying_for_alm_only():
    found = find(change(felt={**FELT, "ansvar_apen_uselektert_praksis": False}))
    assert [f.kode for f in found] == ["ANSVAR_IKKE_BEKREFTET"] and "åpen uselektert praksis" in found[0].melding
    sam = change(spesialitet="SAM", spesialitet_koder=(), felt={**FELT, "ansvar_apen_uselektert_praksis": False})
    assert "ANSVAR_IKKE_BEKREFTET" not in codes(sam)


def test_annen_virksomhet_uten_navn():
    arenaer = (COMPLETE.arenaer[0], arena(2, "sykehus", "annen", "  ", ("ALM-055", "ALM-085")))
    assert "ANNEN_VIRKSOMHET_UTEN_NAVN" in codes(change(arenaer=arenaer))


@pytest.mark.parametrize(
    ("valg", "plan", "expected"),
    [("delvis", "", True), ("nei", " ", True), ("delvis", "Kurs", False), ("ja", "", False)],
)
def test_veilederplan_mangler(valg, plan, expected):
    found = codes(change(felt={**FELT, "veilederkompetanse": valg, "veilederkompetanse_plan": plan}))
    assert ("VEILEDERPLAN_MANGLER" in found) is expected


def test_ikke_kommune_alm():
    assert "IKKE_KOMMUNE_ALM" in codes(change(er_kommune=False, virksomhetstype="privat"))


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


def test_virksomhet_slettet_is_a_mangel_and_konkurs_a_warning():
    [slettet] = find(change(virksomhet_slettet=True))
    assert (slettet.kode, slettet.alvorlighet) == ("VIRKSOMHET_SLETTET", "mangel")
    [konkurs] = find(change(virksomhet_konkurs=True))
    assert (konkurs.kode, konkurs.alvorlighet) == ("VIRKSOMHET_SLETTET", "advarsel") and "konkurs" in konkurs.melding
    [avvikling] = find(change(virksomhet_under_avvikling=True))
    assert "under avvikling" in avvikling.melding
