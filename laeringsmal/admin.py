from django.contrib import admin

from .models import Laeringsmal


@admin.register(Laeringsmal)
class LaeringsmalAdmin(admin.ModelAdmin):
    list_display = ["kode", "tittel", "seksjon", "gruppe", "gyldig_fra", "gyldig_til"]
    list_filter = ["gruppe", "gyldig_fra", "gyldig_til"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    search_fields = ["kode", "tittel", "seksjon"]
    readonly_fields = ["kilde"]
