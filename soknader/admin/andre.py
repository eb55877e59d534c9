"""The other models caseworkers keep: who follows which region (ALIS-kontor), the arenas on their own, and the
anmodning's text per kind of finding."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from drift.input import SafeForm

from ..models import Laeringsarena, Mangeltekst, Regiontilgang


@admin.register(Regiontilgang)
class RegiontilgangAdmin(admin.ModelAdmin):
    list_display = ["bruker", "helseregion"]
    list_filter = ["helseregion"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    list_select_related = ["bruker", "helseregion"]


@admin.register(Laeringsarena)
class LaeringsarenaAdmin(SafeForm, admin.ModelAdmin):
    list_display = ["__str__", "soknad", "plassering", "laeringsmal"]
    list_filter = ["type", "plassering"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    list_select_related = ["soknad__virksomhet"]
    search_fields = ["soknad__referanse", "soknad__virksomhet__navn", "annen_virksomhet"]
    raw_id_fields = ["soknad"]


@admin.register(Mangeltekst)
class MangeltekstAdmin(SafeForm, admin.ModelAdmin):
    """The anmodning's text per kind of finding, in both languages, with how each reads in the letter."""

    list_display = ["__str__", "bokmal"]
    fields = ["kode", "bokmal", "nynorsk", "forhandsvisning"]
    readonly_fields = ["forhandsvisning"]
    search_fields = ["bokmal", "nynorsk"]

    def get_readonly_fields(self, request, obj=None):
        return ["kode", "forhandsvisning"] if obj else ["forhandsvisning"]

    @admin.display(description=_("slik står det i anmodningen"))
    def forhandsvisning(self, obj):
        if not obj or not obj.pk:
            return "–"
        return format_html(
            '<div class="sb-fritekst"><p><strong>{}</strong></p><p>1. {}</p>'
            "<p><strong>{}</strong></p><p>1. {}</p></div>",
            gettext("Bokmål"),
            obj.bokmal,
            gettext("Nynorsk"),
            obj.nynorsk,
        )
