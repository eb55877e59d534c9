from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SoknaderConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "soknader"
    verbose_name = "Søknader"

    def ready(self):
        from brreg.signals import virksomhet_oppdatert

        from .roles import ensure_groups

        post_migrate.connect(ensure_groups, sender=self)
        virksomhet_oppdatert.connect(_refresh_findings, dispatch_uid="soknader-mangler-ved-brreg")


def _refresh_findings(sender, virksomhet, **kwargs):
    """What Enhetsregisteret says (deleted, bankrupt) is part of an application's findings."""
    from .services import mangler_refresh_for_virksomhet

    mangler_refresh_for_virksomhet(virksomhet)
