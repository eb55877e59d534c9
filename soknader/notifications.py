"""E-mail to the application's kontaktperson when something happens to the application.

Mail goes through the outbox (`epost`): a row written in the caller's transaction, sent later by
`manage.py send_epost --loop`. A rolled-back change leaves no mail; a mail server that is down never fails the request.
"""

from django.template.loader import render_to_string

from epost.services import epost_queue

from .models import Soknad


def _send(soknad: Soknad, template: str, subject: str, **context) -> None:
    if not soknad.kontaktperson_epost:
        return
    body = render_to_string(f"soknader/epost/{template}.txt", {"soknad": soknad, **context})
    epost_queue(soknad=soknad, mottaker=soknad.kontaktperson_epost, emne=subject, tekst=body)


def kvittering(soknad: Soknad) -> None:
    _send(soknad, "kvittering", f"Kvittering: søknad {soknad.referanse} er mottatt")


def anmodning(soknad: Soknad, melding: str) -> None:
    _send(
        soknad, "anmodning", f"Søknad {soknad.referanse}: Helsedirektoratet ber om flere opplysninger", melding=melding
    )


def vedtak(soknad: Soknad) -> None:
    subject = "er registrert" if soknad.status == "registrert" else "er avslått"
    _send(soknad, "vedtak", f"Søknad {soknad.referanse} {subject}")
