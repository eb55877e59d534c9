from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DriftConfig(AppConfig):
    """Operations: the health check, limits shared by every worker and instance, structured logs.

    Knows no domain app; any app may use it, as it uses Django."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "drift"
    verbose_name = _("Drift")

    def ready(self):
        from django.core.signals import request_finished, request_started

        from .cacheversion import foresporsel_ferdig, foresporsel_startet

        request_started.connect(foresporsel_startet, dispatch_uid="drift-cacheversjon-start")
        request_finished.connect(foresporsel_ferdig, dispatch_uid="drift-cacheversjon-ferdig")
