"""E-mail to the application's kontaktperson when something happens to the application."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from .models import Soknad


def _send(soknad: Soknad, template: str, subject: str, **context) -> None:
    if not soknad.kontaktperson_epost:
        return
    body = render_to_string(f"soknader/epost/{template}.txt", {"soknad": soknad, **context})
    recipient = [soknad.kontaktperson_epost]
    # Only once the change is committed: no e-mail about something that was rolled back.
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipient))


def kvittering(soknad: Soknad) -> None:
    _send(soknad, "kvittering", f"Kvittering: søknad {soknad.referanse} er mottatt")


def anmodning(soknad: Soknad, melding: str) -> None:
    _send(soknad, "anmodning", f"Søknad {soknad.referanse}: Helsedirektoratet ber om flere opplysninger",
          melding=melding)


def vedtak(soknad: Soknad) -> None:
    subject = "er registrert" if soknad.status == "registrert" else "er avslått"
    _send(soknad, "vedtak", f"Søknad {soknad.referanse} {subject}")
