from django.contrib import admin

from drift.inndata import TrygtSkjema

from .models import Laeringsarena, Laeringsmal


@admin.register(Laeringsarena)
class LaeringsarenaAdmin(TrygtSkjema, admin.ModelAdmin):
    list_display = ["__str__", "soknad", "plassering", "laeringsmal"]
    list_filter = ["type", "plassering"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    list_select_related = ["soknad__virksomhet"]
    search_fields = ["soknad__referanse", "soknad__virksomhet__navn", "annen_virksomhet"]
    raw_id_fields = ["soknad"]


@admin.register(Laeringsmal)
class LaeringsmalAdmin(admin.ModelAdmin):
    list_display = ["kode", "tittel", "seksjon", "gruppe", "gyldig_fra", "gyldig_til"]
    list_filter = ["gruppe", "gyldig_fra", "gyldig_til"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    search_fields = ["kode", "tittel", "seksjon"]
    readonly_fields = ["kilde"]
