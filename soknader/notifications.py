"""E-mail to the application's kontaktperson when something happens to the application.

Mail goes through the outbox (`epost`): a row written in the caller's transaction, sent later by
`manage.py send_epost --loop`. A rolled-back change leaves no mail; a mail server that is down never fails the request.
Every mail is written in the søker's language (`Soknad.sprak`), whoever or whatever triggers it.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from epost.services import epost_queue

from .models import Soknad


def lenke(soknad: Soknad) -> str:
    """The application's page, as an absolute address (ASA_BASE_URL) for a link in an e-mail."""
    return settings.ASA_BASE_URL + reverse("soknader:se_over", args=[soknad.pk])


def _send(soknad: Soknad, template: str, emne: str, vedlegg=(), frist=None, **context) -> None:
    """One mail to the søker, in the søker's language (`Soknad.sprak`): the subject (a message marked with
    gettext_noop, with %(referanse)s and %(frist)s) is translated here, and the body's template rendered here."""
    if not soknad.kontaktperson_epost:
        return
    with translation.override(soknad.sprak):
        emne = gettext(emne) % {"referanse": soknad.referanse, "frist": f"{frist:%d.%m.%Y}" if frist else ""}
        context = {"soknad": soknad, "lenke": lenke(soknad), "frist": frist, **context}
        tekst = render_to_string(f"soknader/epost/{template}.txt", context)
    epost_queue(soknad=soknad, mottaker=soknad.kontaktperson_epost, emne=emne, tekst=tekst, vedlegg=vedlegg)


def kvittering(soknad: Soknad, vedlegg=()) -> None:
    _send(soknad, "kvittering", gettext_noop("Kvittering: søknad %(referanse)s er mottatt"), vedlegg=vedlegg)


def anmodning(soknad: Soknad, melding: str, frist) -> None:
    emne = gettext_noop("Søknad %(referanse)s: Helsedirektoratet ber om flere opplysninger innen %(frist)s")
    _send(soknad, "anmodning", emne, frist=frist, melding=melding)


def paminnelse(soknad: Soknad, anmodning) -> None:
    emne = gettext_noop("Påminnelse: søknad %(referanse)s, svarfrist %(frist)s")
    _send(soknad, "paminnelse", emne, frist=anmodning.frist, anmodning=anmodning)


def frist_forlenget(soknad: Soknad, anmodning) -> None:
    emne = gettext_noop("Søknad %(referanse)s: ny svarfrist %(frist)s")
    _send(soknad, "frist_forlenget", emne, frist=anmodning.frist, anmodning=anmodning)


def anmodning_trukket(soknad: Soknad, melding: str) -> None:
    emne = gettext_noop("Søknad %(referanse)s: Helsedirektoratet trenger ikke lenger opplysningene det ba om")
    _send(soknad, "anmodning_trukket", emne, melding=melding)


def forelopig_svar(soknad: Soknad, melding: str, forventet) -> None:
    emne = gettext_noop("Søknad %(referanse)s: foreløpig svar fra Helsedirektoratet")
    _send(soknad, "forelopig_svar", emne, melding=melding, forventet=forventet)


def vedtak(soknad: Soknad, vedlegg=()) -> None:
    if soknad.status == "registrert":
        emne = gettext_noop("Søknad %(referanse)s er registrert")
    else:
        emne = gettext_noop("Søknad %(referanse)s er avslått")
    _send(soknad, "vedtak", emne, vedlegg=vedlegg)
