"""Login, logout and failed login become rows of the audit log, whichever way the user logged in."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import ansatt_okt, audit
from .models import Hendelsestype, Innloggingskilde, Person
from .session import PROVIDER
from .signals import ansatt_roller


def _kilde(request, user) -> str:
    provider = request.session.get(PROVIDER) if request is not None and hasattr(request, "session") else None
    return provider or Innloggingskilde.PASSORD


@receiver(user_logged_in, dispatch_uid="tilgang-innlogging")
def _logged_in(sender, request, user, **kwargs):
    audit.hendelse_log(hendelse=Hendelsestype.INNLOGGING, kilde=_kilde(request, user), bruker=user)
    if request is not None and hasattr(request, "session"):
        ansatt_okt.innlogget(request)


@receiver(user_logged_out, dispatch_uid="tilgang-utlogging")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.hendelse_log(hendelse=Hendelsestype.UTLOGGING, kilde=_kilde(request, user), bruker=user)


@receiver(user_login_failed, dispatch_uid="tilgang-innlogging-feilet")
def _login_failed(sender, credentials, request=None, **kwargs):
    # The username typed is not stored (it may be someone's e-mail or a mistyped password).
    audit.hendelse_log(
        hendelse=Hendelsestype.INNLOGGING_FEILET, kilde=Innloggingskilde.PASSORD, detalj="feil brukernavn eller passord"
    )


@receiver(ansatt_roller, dispatch_uid="tilgang-rolleendringer")
def _roles_changed(sender, bruker, roller, **kwargs):
    """Each role the directorate's login gives or no longer gives, compared with the last login's: one row each."""
    person = Person.objects.filter(bruker=bruker).first()
    if person is None:
        return
    before, now = set(person.roller or []), set(roller)
    for hendelse, endret in ((Hendelsestype.ROLLE_GITT, now - before), (Hendelsestype.ROLLE_FJERNET, before - now)):
        for rolle in sorted(endret):
            audit.hendelse_log(hendelse=hendelse, kilde=Innloggingskilde.ANSATT, bruker=bruker, detalj=rolle)
    if before != now:
        Person.objects.filter(pk=person.pk).update(roller=sorted(now))
