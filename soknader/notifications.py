"""E-mail to the application's kontaktperson when something happens to the application.

Mail goes through the outbox (`epost`): a row written in the caller's transaction, sent later by
`manage.py send_epost --loop`. A rolled-back change leaves no mail; a mail server that is down never fails the request.
Every mail is written in the søker's language (`Soknad.sprak`), whoever or whatever triggers it.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from epost.services import epost_queue

from .models import Soknad


def lenke(soknad: Soknad) -> str:
    """The application's page, as an absolute address (ASA_BASE_URL) for a link in an e-mail."""
    return settings.ASA_BASE_URL + reverse("soknader:se_over", args=[soknad.pk])


def _send(soknad: Soknad, template: str, subject: str, vedlegg=(), **context) -> None:
    """Called inside `translation.override(soknad.sprak)`, with the subject already translated there."""
    if not soknad.kontaktperson_epost:
        return
    body = render_to_string(f"soknader/epost/{template}.txt", {"soknad": soknad, "lenke": lenke(soknad), **context})
    epost_queue(soknad=soknad, mottaker=soknad.kontaktperson_epost, emne=subject, tekst=body, vedlegg=vedlegg)


def kvittering(soknad: Soknad, vedlegg=()) -> None:
    with translation.override(soknad.sprak):
        subject = _("Kvittering: søknad %(referanse)s er mottatt") % {"referanse": soknad.referanse}
        _send(soknad, "kvittering", subject, vedlegg=vedlegg)


def anmodning(soknad: Soknad, melding: str, frist) -> None:
    with translation.override(soknad.sprak):
        subject = _("Søknad %(referanse)s: Helsedirektoratet ber om flere opplysninger innen %(frist)s") % {
            "referanse": soknad.referanse,
            "frist": f"{frist:%d.%m.%Y}",
        }
        _send(soknad, "anmodning", subject, melding=melding, frist=frist)


def paminnelse(soknad: Soknad, anmodning) -> None:
    with translation.override(soknad.sprak):
        subject = _("Påminnelse: søknad %(referanse)s, svarfrist %(frist)s") % {
            "referanse": soknad.referanse,
            "frist": f"{anmodning.frist:%d.%m.%Y}",
        }
        _send(soknad, "paminnelse", subject, frist=anmodning.frist, anmodning=anmodning)


def vedtak(soknad: Soknad, vedlegg=()) -> None:
    with translation.override(soknad.sprak):
        if soknad.status == "registrert":
            subject = _("Søknad %(referanse)s er registrert") % {"referanse": soknad.referanse}
        else:
            subject = _("Søknad %(referanse)s er avslått") % {"referanse": soknad.referanse}
        _send(soknad, "vedtak", subject, vedlegg=vedlegg)
