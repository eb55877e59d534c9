from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from drift.bootstrap_forms import BootstrapForm

# Where søkere may not use a password, a right and a wrong password of a søker get this same answer.
FEIL_ELLER_SOKER = _(
    "Feil brukernavn eller passord. Søkere logger inn med ID-porten: bruk knappen «Logg inn med ID-porten»."
)


# Our words instead of Django's «Vennligst oppgi korrekt brukernavn og passord …»
FEIL_INNLOGGING = _("Feil brukernavn eller passord. Sjekk at store og små bokstaver er riktige, og prøv igjen.")
FEIL_ADMIN = _(
    "Feil brukernavn eller passord, eller brukeren har ikke tilgang til saksbehandlingen. Sjekk at store og små "
    "bokstaver er riktige."
)


class LoginForm(BootstrapForm, AuthenticationForm):
    """Password login: demo users and the emergency superuser. Søkere use ID-porten unless
    PASSWORD_LOGIN_FOR_APPLICANTS is on (development and tests).

    When it is off, a søker's right password is answered exactly as a wrong one, and counts as a failure towards
    the lockout (axes), so the form tells no one whether a guessed password was right."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        feil = FEIL_INNLOGGING if settings.PASSWORD_LOGIN_FOR_APPLICANTS else FEIL_ELLER_SOKER
        self.error_messages = {**self.error_messages, "invalid_login": feil}

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not settings.PASSWORD_LOGIN_FOR_APPLICANTS and not (user.is_staff or user.is_superuser):
            _count_as_failure(self)
            raise self.get_invalid_login_error()


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's login: a right password of someone who is not staff is refused as a wrong one (Django does so)
    and, here, counts towards the lockout like one."""

    error_messages = {**AdminAuthenticationForm.error_messages, "invalid_login": FEIL_ADMIN}

    def confirm_login_allowed(self, user):
        if not user.is_staff:
            _count_as_failure(self)
        super().confirm_login_allowed(user)


def _count_as_failure(form) -> None:
    """What Django's authenticate() says for a wrong password: axes counts it, the audit log writes it."""
    user_login_failed.send(
        sender=__name__, credentials={"username": form.cleaned_data.get("username")}, request=form.request
    )
