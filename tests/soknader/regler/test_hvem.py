"""Who may apply for what: allmennmedisin only a kommune; samfunnsmedisin and arbeidsmedisin anyone."""

from soknader.regler import hvem


def test_only_a_kommune_may_apply_for_alm_and_the_start_page_says_why():
    assert hvem.grunn_til_avslag("ALM", er_kommune=True) == ""
    assert hvem.grunn_til_avslag("SAM", er_kommune=False) == ""
    assert hvem.grunn_til_avslag("ALM", er_kommune=False, navn="Nordlys BHT AS") == (
        "Allmennmedisin kan bare søkes av en kommune, og Nordlys BHT AS er ikke en kommune."
    )


def test_the_form_and_the_findings_ask_the_same_rule():
    from soknader import skjema
    from soknader.regler.virksomhet import IkkeKommuneAlm

    assert skjema.kan_soke is hvem.kan_soke
    assert IkkeKommuneAlm.kilde is hvem.KILDE
