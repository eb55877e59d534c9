from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext


class LoginForm(AuthenticationForm):
    """Password login: demo users and the emergency superuser. Søkere use ID-porten unless
    PASSWORD_LOGIN_FOR_APPLICANTS is on (development and tests)."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not settings.PASSWORD_LOGIN_FOR_APPLICANTS and not (user.is_staff or user.is_superuser):
            raise ValidationError(
                gettext("Søkere logger inn med ID-porten. Bruk knappen «Logg inn med ID-porten»."), code="idporten"
            )
