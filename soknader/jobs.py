"""The application's daily jobs, run by the sender process (settings.DRIFT_JOBS, drift/jobs.py)."""

from . import personvern
from .services import dialog


def paminnelser() -> str:
    """One reminder per unanswered anmodning ANMODNING_PAMINNELSE_DAGER before its deadline."""
    return f"{dialog.paminnelser_send()} påminnelser lagt i e-postkøen"


def utkast_retention() -> str:
    """Drafts never submitted and long untouched: warned, then deleted (soknader/personvern.py)."""
    result = personvern.utkast_expire()
    return f"{result.varslet} utkast varslet om sletting, {result.slettet} utkast slettet"


def forelopig_svar_varsel() -> str:
    """The cases that will soon have waited a month without an answer (forvaltningsloven § 11a): counted each morning,
    and shown to caseworkers in the queue's tab «Foreløpig svar skyldes»."""
    from .services import frister

    return f"{frister.forelopig_svar_skyldes().count()} søknader trenger foreløpig svar (fvl. § 11a)"
