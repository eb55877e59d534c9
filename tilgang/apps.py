from django.apps import AppConfig


class TilgangConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tilgang"
    verbose_name = "Tilgang og innlogging"

    def ready(self):
        from . import receivers  # noqa: F401  (login, logout and failed login go to the audit log)
