from django.contrib import admin

from drift.input import SafeForm

from .models import Fylke, Helseregion, Kommune, Virksomhet


@admin.register(Helseregion)
class HelseregionAdmin(admin.ModelAdmin):
    list_display = ["navn", "kode"]


@admin.register(Fylke)
class FylkeAdmin(admin.ModelAdmin):
    list_display = ["nummer", "navn", "helseregion"]
    ordering = ["navn"]  # also the order of the fylke filter on the applications' changelist
    list_filter = ["helseregion"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")


@admin.register(Kommune)
class KommuneAdmin(admin.ModelAdmin):
    list_display = ["nummer", "navn", "organisasjonsnummer", "fylke"]
    list_filter = ["fylke__helseregion", "fylke"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    list_select_related = ["fylke"]
    search_fields = ["nummer", "navn", "organisasjonsnummer"]


@admin.register(Virksomhet)
class VirksomhetAdmin(SafeForm, admin.ModelAdmin):
    list_display = ["navn", "organisasjonsnummer", "er_kommune", "kommune", "navnekilde"]
    list_filter = ["er_kommune", "navnekilde"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    list_select_related = ["kommune"]
    search_fields = ["navn", "organisasjonsnummer"]
    autocomplete_fields = ["kommune"]
