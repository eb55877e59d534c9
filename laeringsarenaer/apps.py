from django.apps import AppConfig


class LaeringsarenaerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "laeringsarenaer"
    verbose_name = "Læringsarenaer"
