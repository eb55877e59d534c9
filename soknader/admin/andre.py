"""The other models caseworkers keep: who follows which region (ALIS-kontor), and the arenas on their own."""

from django.contrib import admin

from drift.inndata import TrygtSkjema

from ..models import Laeringsarena, Regiontilgang


@admin.register(Regiontilgang)
class RegiontilgangAdmin(admin.ModelAdmin):
    list_display = ["bruker", "helseregion"]
    list_filter = ["helseregion"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    list_select_related = ["bruker", "helseregion"]


@admin.register(Laeringsarena)
class LaeringsarenaAdmin(TrygtSkjema, admin.ModelAdmin):
    list_display = ["__str__", "soknad", "plassering", "laeringsmal"]
    list_filter = ["type", "plassering"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    list_select_related = ["soknad__virksomhet"]
    search_fields = ["soknad__referanse", "soknad__virksomhet__navn", "annen_virksomhet"]
    raw_id_fields = ["soknad"]
