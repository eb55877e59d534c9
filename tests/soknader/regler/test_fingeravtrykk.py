"""A finding's fingerprint (issue 21: a caseworker's assessment holds while it is the same): it changes when what the
finding is about changes (its own arena, the fields its rule reads), not when something else in the application
does."""

import dataclasses

from tests.soknader.regler.data import ALM, COMPLETE, FELT, FKM, arena, change, find, sykehus


def _avtrykk(data) -> dict[tuple, str]:
    return {(m.kode, m.arena_nummer): m.fingeravtrykk for m in find(data)}


def test_every_finding_has_a_fingerprint_and_the_same_data_gives_the_same():
    data = change(felt={**FELT, "hf_avtale_inngatt": False})
    first = _avtrykk(data)
    assert first and all(len(v) == 64 for v in first.values())
    assert _avtrykk(dataclasses.replace(data)) == first


def test_a_change_elsewhere_keeps_it_and_a_change_to_what_it_reads_does_not():
    uten_avtale = {**FELT, "hf_avtale_inngatt": False}
    data = change(felt=uten_avtale)
    key = ("HF_AVTALE_MANGLER", None)
    before = _avtrykk(data)[key]
    # the contact person's phone is nothing the finding reads
    assert _avtrykk(change(felt={**uten_avtale, "kontaktperson_telefon": "99 99 99 99"}))[key] == before
    # another hospital arena elsewhere: the same finding, now about (and naming) more arenas
    more = change(felt=uten_avtale, arenaer=(*COMPLETE.arenaer, sykehus(nummer=3)))
    assert _avtrykk(more)[key] != before


def test_an_arena_finding_follows_its_own_arena_only():
    uten_lm = arena(nummer=2, koder=())
    data = change(arenaer=(arena(koder=ALM + FKM), uten_lm))
    key = ("ARENA_UTEN_LM", 2)
    before = _avtrykk(data)[key]
    other_changed = change(arenaer=(arena(koder=ALM + FKM, type="legevakt"), uten_lm))
    assert _avtrykk(other_changed)[key] == before
    # the arena's own answers the rule reads: another arena elsewhere without a name
    uten_navn = arena(nummer=2, plassering="annen", annen_virksomhet="")
    before = _avtrykk(change(arenaer=(arena(koder=ALM + FKM), uten_navn)))[("ANNEN_VIRKSOMHET_UTEN_NAVN", 2)]
    endret = dataclasses.replace(uten_navn, avtale_veiledning_supervisjon=True, annen_virksomhet=" ")
    after = _avtrykk(change(arenaer=(arena(koder=ALM + FKM), endret)))
    assert after[("ANNEN_VIRKSOMHET_UTEN_NAVN", 2)] != before  # still no name, but another answer
