"""E-mail to the application's kontaktperson when something happens to the application.

Mail goes through the outbox (`epost`): a row written in the caller's transaction, sent later by
`manage.py send_epost --loop`. A rolled-back change leaves no mail; a mail server that is down never fails the request.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from epost.services import epost_queue

from .models import Soknad


def lenke(soknad: Soknad) -> str:
    """The application's page, as an absolute address (ASA_BASE_URL) for a link in an e-mail."""
    return settings.ASA_BASE_URL + reverse("soknader:se_over", args=[soknad.pk])


def _send(soknad: Soknad, template: str, subject: str, vedlegg=(), **context) -> None:
    if not soknad.kontaktperson_epost:
        return
    body = render_to_string(f"soknader/epost/{template}.txt", {"soknad": soknad, "lenke": lenke(soknad), **context})
    epost_queue(soknad=soknad, mottaker=soknad.kontaktperson_epost, emne=subject, tekst=body, vedlegg=vedlegg)


def kvittering(soknad: Soknad, vedlegg=()) -> None:
    _send(soknad, "kvittering", f"Kvittering: søknad {soknad.referanse} er mottatt", vedlegg=vedlegg)


def anmodning(soknad: Soknad, melding: str, frist) -> None:
    _send(
        soknad,
        "anmodning",
        f"Søknad {soknad.referanse}: Helsedirektoratet ber om flere opplysninger innen {frist:%d.%m.%Y}",
        melding=melding,
        frist=frist,
    )


def paminnelse(soknad: Soknad, anmodning) -> None:
    _send(
        soknad,
        "paminnelse",
        f"Påminnelse: søknad {soknad.referanse}, svarfrist {anmodning.frist:%d.%m.%Y}",
        frist=anmodning.frist,
        anmodning=anmodning,
    )


def vedtak(soknad: Soknad, vedlegg=()) -> None:
    subject = "er registrert" if soknad.status == "registrert" else "er avslått"
    _send(soknad, "vedtak", f"Søknad {soknad.referanse} {subject}", vedlegg=vedlegg)
