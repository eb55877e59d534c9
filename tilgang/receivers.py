"""Login, logout and failed login become rows of the audit log, whichever way the user logged in."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import audit
from .models import Hendelsestype, Innloggingskilde
from .session import PROVIDER


def _kilde(request, user) -> str:
    provider = request.session.get(PROVIDER) if request is not None and hasattr(request, "session") else None
    return provider or Innloggingskilde.PASSORD


@receiver(user_logged_in, dispatch_uid="tilgang-innlogging")
def _logged_in(sender, request, user, **kwargs):
    audit.hendelse_log(hendelse=Hendelsestype.INNLOGGING, kilde=_kilde(request, user), bruker=user)


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
