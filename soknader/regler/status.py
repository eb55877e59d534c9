"""The case workflow's rules in one table: which status may follow which, for whom, and what each status means
for the søker (may edit, is closed, waits for a decision). The writes that apply them are in `services.py`."""

from ..choices import Status

# The søker may change the application (a draft, or after an anmodning).
REDIGERBARE_STATUSER = frozenset({Status.UTKAST, Status.ANMODNING_SENDT})
# Closed applications: the organisation may apply again for the specialty (the old one is kept, with its history).
AVSLUTTEDE_STATUSER = (Status.AVSLATT, Status.TRUKKET)
# Sent in and not decided: the applicant is temporarily registered meanwhile.
VENTENDE_STATUSER = frozenset({Status.INNSENDT, Status.UNDER_BEHANDLING, Status.ANMODNING_SENDT})

# to-status -> the statuses it may come from, for caseworkers and for søkere
SAKSBEHANDLER_OVERGANGER: dict[str, frozenset[str]] = {
    Status.UNDER_BEHANDLING: frozenset({Status.INNSENDT}),
    Status.ANMODNING_SENDT: frozenset({Status.INNSENDT, Status.UNDER_BEHANDLING}),
    Status.REGISTRERT: frozenset({Status.INNSENDT, Status.UNDER_BEHANDLING}),
    Status.AVSLATT: frozenset({Status.INNSENDT, Status.UNDER_BEHANDLING}),
}
SOKER_OVERGANGER: dict[str, frozenset[str]] = {
    Status.INNSENDT: frozenset({Status.UTKAST, Status.ANMODNING_SENDT}),
    Status.TRUKKET: frozenset({Status.INNSENDT, Status.UNDER_BEHANDLING, Status.ANMODNING_SENDT}),
}


def er_redigerbar(status: str) -> bool:
    return status in REDIGERBARE_STATUSER


def kan_trekkes(status: str) -> bool:
    """The søker may withdraw an application in this status."""
    return status in SOKER_OVERGANGER[Status.TRUKKET]


def kan_svare(status: str) -> bool:
    """The søker may answer the directorate (in words, with attachments) while an anmodning waits for it."""
    return status == Status.ANMODNING_SENDT


def kan_slettes(status: str, referanse: str | None) -> bool:
    """Only a draft never sent in may be deleted (one with a reference has a history to keep)."""
    return status == Status.UTKAST and not referanse


def saksbehandlers_valg(status: str) -> list[str]:
    """The statuses a caseworker may move an application in `status` to, in the table's order."""
    return [til for til, fra in SAKSBEHANDLER_OVERGANGER.items() if status in fra]
