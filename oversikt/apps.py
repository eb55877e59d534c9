from django.apps import AppConfig


class OversiktConfig(AppConfig):
    """The public regional overview and the ALIS-kontor's region view: no models, reads through selectors."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "oversikt"
    verbose_name = "Oversikt"
