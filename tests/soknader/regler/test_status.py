"""The workflow's table: what may follow what, for the søker and for the caseworker, and what each status means."""

import pytest

from soknader.choices import Status
from soknader.regler import status


def test_the_soker_edits_a_draft_and_while_an_anmodning_is_open_only():
    assert {s for s in Status.values if status.er_redigerbar(s)} == {
        Status.UTKAST,
        Status.ANMODNING_SENDT,
        Status.SVAR_MOTTATT,
    }


def test_a_refused_or_withdrawn_application_is_closed_and_the_organisation_may_apply_again():
    assert set(status.AVSLUTTEDE_STATUSER) == {Status.AVSLATT, Status.TRUKKET}
    assert not set(status.AVSLUTTEDE_STATUSER) & status.VENTENDE_STATUSER


@pytest.mark.parametrize(
    ("fra", "valg"),
    [
        (Status.UTKAST, []),
        (Status.INNSENDT, [Status.UNDER_BEHANDLING, Status.ANMODNING_SENDT, Status.REGISTRERT, Status.AVSLATT]),
        (Status.UNDER_BEHANDLING, [Status.ANMODNING_SENDT, Status.REGISTRERT, Status.AVSLATT]),
        # while waiting, the caseworker is never stuck: a decision is possible, a new anmodning once answered
        (Status.ANMODNING_SENDT, [Status.REGISTRERT, Status.AVSLATT]),
        (Status.SVAR_MOTTATT, [Status.ANMODNING_SENDT, Status.REGISTRERT, Status.AVSLATT]),
        (Status.SENDT_INN_PA_NYTT, [Status.ANMODNING_SENDT, Status.REGISTRERT, Status.AVSLATT]),
        (Status.REGISTRERT, []),
        (Status.AVSLATT, []),
        (Status.TRUKKET, []),
    ],
)
def test_what_a_caseworker_may_do_next(fra, valg):
    assert status.saksbehandlers_valg(fra) == valg


def test_the_soker_submits_a_draft_or_after_an_anmodning_and_withdraws_until_a_decision():
    assert status.SOKER_OVERGANGER[Status.INNSENDT] == {Status.UTKAST}
    assert status.SOKER_OVERGANGER[Status.SENDT_INN_PA_NYTT] == {Status.ANMODNING_SENDT, Status.SVAR_MOTTATT}
    assert status.etter_innsending(Status.UTKAST) == Status.INNSENDT
    assert status.etter_innsending(Status.SVAR_MOTTATT) == Status.SENDT_INN_PA_NYTT
    assert {s for s in Status.values if status.kan_trekkes(s)} == status.VENTENDE_STATUSER


def test_the_soker_answers_only_an_open_anmodning_and_deletes_only_a_draft_never_sent():
    assert [s for s in Status.values if status.kan_svare(s)] == [Status.ANMODNING_SENDT, Status.SVAR_MOTTATT]
    assert status.kan_slettes(Status.UTKAST, None)
    assert not status.kan_slettes(Status.UTKAST, "ASA-2026-00001")  # sent once, withdrawn to a draft by an import
    assert not status.kan_slettes(Status.INNSENDT, None)


@pytest.mark.parametrize(
    ("fra", "handlinger"),
    [
        (
            Status.INNSENDT,
            [Status.UNDER_BEHANDLING, Status.ANMODNING_SENDT, Status.REGISTRERT, Status.AVSLATT, "forelopig_svar"],
        ),
        # issue 21: while waiting on an answer: follow up, remind, extend the deadline, take the request back
        (
            Status.ANMODNING_SENDT,
            [
                *(Status.REGISTRERT, Status.AVSLATT, "oppfolging", "paminn", "forleng_frist", "trekk_anmodning"),
                "forelopig_svar",
            ],
        ),
        (
            Status.SVAR_MOTTATT,
            [
                *(Status.ANMODNING_SENDT, Status.REGISTRERT, Status.AVSLATT, "forleng_frist", "trekk_anmodning"),
                "forelopig_svar",
            ],
        ),
        (Status.REGISTRERT, []),
    ],
)
def test_the_caseworkers_actions_include_the_moves_on_an_open_anmodning(fra, handlinger):
    assert status.saksbehandlers_handlinger(fra) == handlinger
    assert status.ANMODNING_TRUKKET[Status.UNDER_BEHANDLING] == status.ANMODNING_APEN
