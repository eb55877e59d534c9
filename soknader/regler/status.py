"""The case workflow's rules in one table: which status may follow which, for whom, and what each status means
for the søker (may edit, is closed, waits for a decision). The writes that apply them are in `services/`
(`transitions`, and the steps that call it)."""

from ..choices import Status

# An anmodning is open: the søker may answer it, change the application and send it in again.
ANMODNING_APEN = frozenset({Status.ANMODNING_SENDT, Status.SVAR_MOTTATT})
# The søker may change the application (a draft, or after an anmodning until it is sent in again).
REDIGERBARE_STATUSER = frozenset({Status.UTKAST, *ANMODNING_APEN})
# Closed applications: the organisation may apply again for the specialty (the old one is kept, with its history).
AVSLUTTEDE_STATUSER = (Status.AVSLATT, Status.TRUKKET)
# Sent in and not decided: the applicant is temporarily registered meanwhile.
VENTENDE_STATUSER = frozenset({Status.INNSENDT, Status.UNDER_BEHANDLING, *ANMODNING_APEN, Status.SENDT_INN_PA_NYTT})
# The caseworker's move: sent in (first time or again), answered, or under review.
SAKSBEHANDLERS_TUR = frozenset(
    {Status.INNSENDT, Status.UNDER_BEHANDLING, Status.SVAR_MOTTATT, Status.SENDT_INN_PA_NYTT}
)

# to-status -> the statuses it may come from, for caseworkers and for søkere
SAKSBEHANDLER_OVERGANGER: dict[str, frozenset[str]] = {
    Status.UNDER_BEHANDLING: frozenset({Status.INNSENDT}),
    Status.ANMODNING_SENDT: SAKSBEHANDLERS_TUR,
    Status.REGISTRERT: VENTENDE_STATUSER,  # also while an anmodning waits: the caseworker is never stuck
    Status.AVSLATT: VENTENDE_STATUSER,
}
# The caseworker's moves on an open anmodning that are not a status of their own (the slug of the admin action ->
# the statuses it is offered in): a follow-up message or a reminder while no answer has come, a later deadline, and
# taking the request back (the case is then under review again, ANMODNING_TRUKKET).
SAKSBEHANDLER_HANDLINGER: dict[str, frozenset[str]] = {
    "oppfolging": frozenset({Status.ANMODNING_SENDT}),
    "paminn": frozenset({Status.ANMODNING_SENDT}),
    "forleng_frist": ANMODNING_APEN,
    "trekk_anmodning": ANMODNING_APEN,
    "forelopig_svar": VENTENDE_STATUSER,  # forvaltningsloven § 11a: why it takes time, when to expect an answer
}
ANMODNING_TRUKKET: dict[str, frozenset[str]] = {Status.UNDER_BEHANDLING: ANMODNING_APEN}

SOKER_OVERGANGER: dict[str, frozenset[str]] = {
    Status.INNSENDT: frozenset({Status.UTKAST}),
    Status.SVAR_MOTTATT: frozenset({Status.ANMODNING_SENDT}),
    Status.SENDT_INN_PA_NYTT: ANMODNING_APEN,
    Status.TRUKKET: VENTENDE_STATUSER,
}


def er_redigerbar(status: str) -> bool:
    return status in REDIGERBARE_STATUSER


def kan_trekkes(status: str) -> bool:
    """The søker may withdraw an application in this status."""
    return status in SOKER_OVERGANGER[Status.TRUKKET]


def kan_svare(status: str) -> bool:
    """The søker may answer the directorate (in words, with attachments) while an anmodning waits for it."""
    return status in ANMODNING_APEN


def etter_innsending(status: str) -> str:
    """The status an application in `status` gets when the søker sends it in: again after an anmodning, or first."""
    return Status.SENDT_INN_PA_NYTT if status in ANMODNING_APEN else Status.INNSENDT


def kan_slettes(status: str, referanse: str | None) -> bool:
    """Only a draft never sent in may be deleted (one with a reference has a history to keep)."""
    return status == Status.UTKAST and not referanse


def saksbehandlers_valg(status: str) -> list[str]:
    """The statuses a caseworker may move an application in `status` to, in the table's order."""
    return [til for til, fra in SAKSBEHANDLER_OVERGANGER.items() if status in fra]


def saksbehandlers_handlinger(status: str) -> list[str]:
    """Every action a caseworker may take on an application in `status`: the moves to another status (by the
    to-status) and the moves on an open anmodning (by their slug)."""
    return [*saksbehandlers_valg(status), *(navn for navn, fra in SAKSBEHANDLER_HANDLINGER.items() if status in fra)]
