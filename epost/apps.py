from django.apps import AppConfig


class EpostConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "epost"
    verbose_name = "E-post"
