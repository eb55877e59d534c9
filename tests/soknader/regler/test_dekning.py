"""What the arenas cover together: ALM-055/085 and where, the specialty's LM and the common ones (FKM, or LM before
2026-03-01), a few named with their titles.
Each rule: data that triggers it, and data that does not."""

import pytest
from django.utils import translation

from soknader.regler import mangler
from tests.soknader.regler.data import ALM, ARB, FKM, arena, change, codes, find, sykehus


@pytest.mark.parametrize(("missing", "kode"), [("ALM-055", "ALM055_MANGLER"), ("ALM-085", "ALM085_MANGLER")])
def test_alm055_and_085_missing(missing, kode):
    arenaer = (arena(koder=[k for k in ALM + FKM if k != missing]),)
    found = find(change(arenaer=arenaer))
    assert kode in [f.kode for f in found]
    assert any(missing in f.tekst for f in found if f.kode == kode)
    assert kode not in codes(
        change(spesialitet="ARB", virksomhetstype="privat", er_kommune=False, arenaer=arenaer, spesialitet_koder=ARB)
    )


def test_alm055_085_only_outside_institutions_is_a_warning():
    found = find(change(arenaer=(arena(),)))
    warning = [f for f in found if f.kode == "ALM055_085_UTEN_INSTITUSJON"]
    assert len(warning) == 1 and warning[0].alvorlighet == "advarsel"
    assert "ALM-055 og ALM-085" in warning[0].tekst
    for institution in ("sykehus", "psykisk_helsevern", "kad", "sykehjem"):
        arenaer = (arena(), arena(2, institution, koder=("ALM-055", "ALM-085")))
        assert "ALM055_085_UTEN_INSTITUSJON" not in codes(change(arenaer=arenaer))


def test_lm_udekket_and_fkm_udekket_list_the_codes():
    arenaer = (arena(koder=[k for k in ALM if k not in ("ALM-010", "ALM-011")] + list(FKM[:12])),)
    found = {f.kode: f for f in find(change(arenaer=arenaer))}
    assert "ALM 10-11" in found["LM_UDEKKET"].tekst and found["LM_UDEKKET"].tekst.startswith("2 ")
    assert "FKM 13-14" in found["FKM_UDEKKET"].tekst


# Issue 20: every list is official (spesialistforskriften vedlegg 2), so a gap is a mangel naming the codes; before
# 2026-03-01 the common objectives are the old del 2–3 list, LM-04 … LM-75.
OLD_LM = ("LM-04", "LM-13", "LM-75", "LM-19", "LM-20")
TITLER = {
    "ALM-086": "Gjøre rede for prinsipper for forebygging og behandling av overvekt og fedme hos barn og voksne",
    "ALM-087": "Kort",
    "ALM-055": "Samhandling med godkjente utdanningsinstitusjoner",
    "LM-19": "Felles kompetansemål nummer nitten",
}


def test_a_gap_in_the_official_lists_is_a_mangel():
    data = change(arenaer=(arena(koder=ALM[:85] + FKM), sykehus()))
    found = {f.kode: f for f in find(data)}
    assert found["LM_UDEKKET"].tekst == "3 læringsmål dekkes ikke av noen arena: ALM 86-88."
    assert found["LM_UDEKKET"].alvorlighet == "mangel"
    assert "DEKNING_USIKKER" not in found


def test_the_old_common_objectives_are_named_with_their_lm_codes():
    data = change(fkm_koder=OLD_LM, arenaer=(arena(koder=ALM + ("LM-04", "LM-13")), sykehus()))
    found = {f.kode: f for f in find(data)}
    assert found["FKM_UDEKKET"].tekst == "3 felles kompetansemål er ikke plassert på noen arena: LM 19-20, 75."


def test_a_few_missing_codes_are_named_with_their_titles_kept_in_the_finding():
    data = change(arenaer=(arena(koder=ALM[:85] + FKM), sykehus()), titler=TITLER)
    [udekket] = [f for f in find(data) if f.kode == "LM_UDEKKET"]
    assert udekket.tekst == (
        "3 læringsmål dekkes ikke av noen arena: ALM-086 Gjøre rede for prinsipper for forebygging og behandling av "
        "overvekt …; ALM-087 Kort; ALM-088."
    )
    # stored as code + params: the titles (bokmål, as the regulation) travel with it, the sentence is the reader's
    assert udekket.params["koder"] == ["ALM-086", "ALM-087", "ALM-088"]
    with translation.override("nn"):
        assert mangler.tekst(udekket.kode, udekket.params).startswith("3 læringsmål blir ikkje dekte av nokon arena:")
        assert "ALM-087 Kort" in mangler.tekst(udekket.kode, udekket.params)
    missing_055 = change(arenaer=(arena(koder=[k for k in ALM + FKM if k != "ALM-055"]),), titler=TITLER)
    [alm055] = [f for f in find(missing_055) if f.kode == "ALM055_MANGLER"]
    assert alm055.tekst == "Ingen læringsarena dekker ALM-055 Samhandling med godkjente utdanningsinstitusjoner."
    # many codes: compact, no titles
    many = change(arenaer=(arena(koder=ALM[:80] + FKM), sykehus()), titler=TITLER)
    [f] = [f for f in find(many) if f.kode == "LM_UDEKKET"]
    assert f.tekst == "7 læringsmål dekkes ikke av noen arena: ALM 81-84, 86-88." and "titler" not in f.params


def test_the_provisional_warning_is_never_found_but_a_stored_one_still_reads():
    old_fkm = tuple(f"FKM-{i:03d}" for i in range(1, 25))
    assert "DEKNING_USIKKER" not in codes(change(fkm_koder=old_fkm))
    assert "DEKNING_USIKKER" not in {regel.kode for regel in mangler.REGLER}
    stored = {"gruppe": "FKM", "koder": ["FKM-015", "FKM-016"]}
    assert "foreløpig" in mangler.tekst("DEKNING_USIKKER", stored) and "FKM 15-16" in mangler.tekst(
        "DEKNING_USIKKER", stored
    )
