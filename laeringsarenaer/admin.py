from django.contrib import admin

from .models import Laeringsarena


@admin.register(Laeringsarena)
class LaeringsarenaAdmin(admin.ModelAdmin):
    list_display = ["__str__", "soknad", "plassering", "laeringsmal"]
    list_filter = ["type", "plassering"]
    list_select_related = ["soknad__virksomhet"]
    search_fields = ["soknad__referanse", "soknad__virksomhet__navn", "annen_virksomhet"]
    raw_id_fields = ["soknad"]
