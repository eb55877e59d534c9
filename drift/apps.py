from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DriftConfig(AppConfig):
    """Operations: the health check, limits shared by every worker and instance, structured logs.

    Knows no domain app; any app may use it, as it uses Django."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "drift"
    verbose_name = _("Drift")
