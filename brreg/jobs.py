"""The registry's daily work, run by the sender process (DRIFT_JOBS in settings) and by `oppdater_virksomheter`."""

import logging

from drift.logs import quiet

from . import client
from .models import Virksomhet
from .services import virksomhet_store_enhet


def _reason(error: client.BrregError) -> str:
    """For the operator: what happened (the applicant's message tells them to type the name and go on)."""
    if isinstance(error, client.Unavailable):
        detalj = (error.detalj or "ingen detaljer")[:100]
        return f"Enhetsregisteret svarte ikke ({detalj}); prøves igjen ved neste kjøring"
    return error.melding


def virksomheter_refresh(*, bare_ubekreftede: bool = False) -> tuple[int, list[str], list[str]]:
    """(refreshed, one line per organisation not refreshed, one line per applicant to follow up)."""
    virksomheter = Virksomhet.objects.exclude(navnekilde=Virksomhet.Navnekilde.KOMMUNEREGISTER).order_by("navn")
    if bare_ubekreftede:
        virksomheter = virksomheter.filter(brreg_hentet__isnull=True)
    oppdatert, feil, varsler = 0, [], []
    for virksomhet in virksomheter.iterator():
        try:
            enhet = client.get_enhet(virksomhet.organisasjonsnummer)
        except client.BrregError as error:
            feil.append(f"{virksomhet}: {_reason(error)}")
            continue
        stored = virksomhet_store_enhet(enhet)
        oppdatert += 1
        if stored.slettet:
            varsler.append(f"SLETTET {stored.slettedato:%d.%m.%Y}: {stored}")
        elif stored.konkurs:
            varsler.append(f"KONKURS: {stored}")
        elif stored.under_avvikling:
            varsler.append(f"UNDER AVVIKLING: {stored}")
    return oppdatert, feil, varsler


def virksomheter_job() -> str:
    """Daily: every stored organisation again from Enhetsregisteret; the result line is kept with the run."""
    with quiet("asa.brreg", "brreg.client", level=logging.ERROR):  # one line per call: the result says it
        oppdatert, feil, varsler = virksomheter_refresh()
    tekst = f"oppdatert {oppdatert}, ikke oppdatert {len(feil)}, må følges opp {len(varsler)}"
    return "; ".join([tekst, *feil[:5], *varsler[:20]])
