from django.contrib import admin

from .models import Laeringsmal


@admin.register(Laeringsmal)
class LaeringsmalAdmin(admin.ModelAdmin):
    list_display = ["kode", "tittel_eller_mangler", "gruppe", "gyldig_fra", "gyldig_til", "forelopig"]
    list_filter = ["gruppe", "forelopig", "gyldig_fra", "gyldig_til"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    search_fields = ["kode", "tittel"]
    readonly_fields = ["kilde"]

    @admin.display(description="tittel", ordering="tittel")
    def tittel_eller_mangler(self, obj):
        if obj.tittel:
            return obj.tittel
        return "(foreløpig: tittel ikke kjent)" if obj.forelopig else "–"
