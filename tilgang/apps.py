from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TilgangConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tilgang"
    verbose_name = _("Tilgang og innlogging")

    def ready(self):
        from . import receivers  # noqa: F401  (login, logout and failed login go to the audit log)
