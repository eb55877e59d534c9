from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversiktConfig(AppConfig):
    """The public regional overview and the ALIS-kontor's region view: no models, reads through selectors."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "oversikt"
    verbose_name = _("Oversikt")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from brreg.models import Fylke, Helseregion, Kommune, Virksomhet
        from soknader.models import Soknad, Statusendring

        from .figurcache import figurene_er_endret, historikken_er_endret

        # what the figures are made of: applications, their organisations, and the kommune register
        for model in (Soknad, Virksomhet, Kommune, Fylke, Helseregion):
            post_save.connect(figurene_er_endret, sender=model, dispatch_uid=f"oversikt-{model.__name__}-lagret")
            post_delete.connect(figurene_er_endret, sender=model, dispatch_uid=f"oversikt-{model.__name__}-slettet")
        # a past date's table (`?dato=`) is rebuilt from the status history
        post_save.connect(historikken_er_endret, sender=Statusendring, dispatch_uid="oversikt-historikk-lagret")
        post_delete.connect(historikken_er_endret, sender=Statusendring, dispatch_uid="oversikt-historikk-slettet")
