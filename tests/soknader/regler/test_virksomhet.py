"""The organisation: deleted or bankrupt in Enhetsregisteret, and ALM from a non-kommune.
Each rule: data that triggers it, and data that does not."""

from tests.soknader.regler.data import change, codes, find


def test_ikke_kommune_alm():
    assert "IKKE_KOMMUNE_ALM" in codes(change(er_kommune=False, virksomhetstype="privat"))


def test_virksomhet_slettet_is_a_mangel_and_konkurs_a_warning():
    [slettet] = find(change(virksomhet_slettet=True))
    assert (slettet.kode, slettet.alvorlighet) == ("VIRKSOMHET_SLETTET", "mangel")
    [konkurs] = find(change(virksomhet_konkurs=True))
    assert (konkurs.kode, konkurs.alvorlighet) == ("VIRKSOMHET_SLETTET", "advarsel") and "konkurs" in konkurs.tekst
    [avvikling] = find(change(virksomhet_under_avvikling=True))
    assert "under avvikling" in avvikling.tekst
