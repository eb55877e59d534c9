from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaeringsmalConfig(AppConfig):
    """The catalogue of læringsmål, its loading and import, reading LM texts and coverage."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "laeringsmal"
    # The label is the package's old name (the app held the arena model until December 2026). Keeping it keeps the
    # tables (laeringsarenaer_laeringsmal), the migration history, the permissions and content types as they are,
    # so no database needs a data migration; a new label would rename all four by hand in every database.
    label = "laeringsarenaer"
    verbose_name = _("Læringsmål")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from brreg.models import Referansedata

        from .models import Laeringsmal
        from .selectors import katalog_endret

        for modell in (Laeringsmal, Referansedata):  # the objectives, and the record of the lists they came from
            for signal in (post_save, post_delete):
                signal.connect(katalog_endret, sender=modell, dispatch_uid=f"laeringsmal-katalog-{modell}-{signal}")
