from django.apps import AppConfig


class BrregConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "brreg"
    verbose_name = "Virksomheter og kommuneregister"
