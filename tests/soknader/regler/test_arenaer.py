"""The arenas one by one: none at all, another organisation without a name or agreement, no or unreadable LM.
Each rule: data that triggers it, and data that does not."""

from tests.soknader.regler.data import COMPLETE, arena, change, codes, find, sykehus


def test_ingen_arena():
    assert codes(change(arenaer=())) == ["INGEN_ARENA"]


def test_an_arena_elsewhere_whose_agreement_does_not_cover_veiledning_and_supervisjon():
    # The guide: "må det fremgå av avtalene hvordan veiledningen og supervisjonen vil bli ivaretatt"
    found = find(change(arenaer=(COMPLETE.arenaer[0], sykehus(avtale=False))))
    [f] = [f for f in found if f.kode == "AVTALE_UTEN_VEILEDNING"]
    assert (f.alvorlighet, f.arena_nummer) == ("mangel", 2) and "veiledning og supervisjon" in f.tekst
    assert "AVTALE_UTEN_VEILEDNING" not in codes(change(arenaer=(COMPLETE.arenaer[0], sykehus(avtale=None))))


def test_arena_uten_lm_points_at_the_arena():
    found = find(change(arenaer=COMPLETE.arenaer + (arena(3, koder=()),)))
    [f] = [f for f in found if f.kode == "ARENA_UTEN_LM"]
    assert f.arena_nummer == 3 and "Læringsarena 3" in f.tekst


def test_lm_ugyldig_quotes_the_pieces():
    bad = arena(3, koder=("ALM-001",), feil=[{"tekst": "ALM 9999", "melding": "…"}])
    [f] = [f for f in find(change(arenaer=COMPLETE.arenaer + (bad,))) if f.kode == "LM_UGYLDIG"]
    assert "«ALM 9999»" in f.tekst and f.arena_nummer == 3
    assert "LM_UGYLDIG" not in codes(COMPLETE)


def test_annen_virksomhet_uten_navn():
    arenaer = (COMPLETE.arenaer[0], arena(2, "sykehus", "annen", "  ", ("ALM-055", "ALM-085")))
    assert "ANNEN_VIRKSOMHET_UTEN_NAVN" in codes(change(arenaer=arenaer))


def test_a_kommunal_institution_for_alm055_085_without_what_the_guidance_recommends_is_a_warning():
    """The guidance: "For å oppnå disse to læringsmålene er det anbefalt at ALIS har tjeneste [...] i kommunale
    helseinstitusjoner som har overlege i full stilling, kan tilby individuell veiledning og supervisjon og har
    organisert internundervisning." A recommendation: a warning, naming what is not answered yes."""
    import dataclasses

    from tests.soknader.regler.data import ALM, FKM, arena, change, find

    ja = (("institusjon_overlege", True), ("institusjon_veiledning", True), ("institusjon_internundervisning", True))
    kad = dataclasses.replace(arena(2, "kad", koder=("ALM-055", "ALM-085")), institusjon=ja)
    fastlege = arena(koder=[k for k in ALM + FKM if k not in ("ALM-055", "ALM-085")])
    assert "INSTITUSJON_UTEN_ANBEFALT" not in [f.kode for f in find(change(arenaer=(fastlege, kad)))]
    halv = dataclasses.replace(kad, institusjon=(("institusjon_overlege", False), ja[1]))
    [f] = [f for f in find(change(arenaer=(fastlege, halv))) if f.kode == "INSTITUSJON_UTEN_ANBEFALT"]
    assert f.alvorlighet == "advarsel" and f.arena_nummer == 2
    assert f.params["felt"] == ["institusjon_overlege", "institusjon_internundervisning"]
    assert "«Har institusjonen overlege i full stilling?»" in f.tekst
    # a sykehjem that is not meant for 055/085 is not asked about it
    sykehjem = dataclasses.replace(arena(2, "sykehjem", koder=("ALM-020",)), institusjon=())
    assert "INSTITUSJON_UTEN_ANBEFALT" not in [f.kode for f in find(change(arenaer=(fastlege, sykehjem)))]
