"""The audit log: one function per kind of event, one row each. Callers pass what is needed and no more."""

import logging

from .models import Hendelse, Hendelsestype

logger = logging.getLogger(__name__)


def hendelse_log(
    *, hendelse: str, kilde: str, bruker=None, virksomhet=None, organisasjonsnummer: str = "", detalj: str = ""
) -> Hendelse:
    if virksomhet is not None and not organisasjonsnummer:
        organisasjonsnummer = virksomhet.organisasjonsnummer
    brukernavn = bruker.get_username() if bruker is not None and getattr(bruker, "pk", None) else ""
    row = Hendelse.objects.create(
        hendelse=hendelse,
        kilde=kilde,
        bruker=bruker if brukernavn else None,
        brukernavn=brukernavn,
        virksomhet=virksomhet,
        organisasjonsnummer=organisasjonsnummer,
        detalj=detalj[:300],
    )
    logger.debug(
        "revisjonslogg %s kilde=%s bruker=%s orgnr=%s %s",
        hendelse,
        kilde,
        brukernavn or "-",
        organisasjonsnummer or "-",
        detalj,
    )
    return row


def statusendring(*, virksomhet, fra: str, til: str, bruker=None, soknad_id: int, referanse: str = "") -> Hendelse:
    """Called by soknader.services for every change of an application's status."""
    return hendelse_log(
        hendelse=Hendelsestype.STATUSENDRING,
        kilde="soknad",
        bruker=bruker,
        virksomhet=virksomhet,
        detalj=f"søknad {referanse or soknad_id}: {fra} → {til}",
    )
