"""Read-only views of tilgang in the admin: the audit log, the cache of Altinn's answers, the persons."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from drift.readonly import ReadOnlyAdmin

from .models import Hendelse, Person, Virksomhetstilgang


class DatoTrygg(ChangeList):
    """The date drill-down (`?tidspunkt__year=…`) with a year Python's dates cannot hold (99999999999, or 9999 whose
    next year is 10000): Django catches only ValueError while building the date; here every such year is the
    admin's "wrong filter" answer (back to the list with ?e=1), not a 500."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


@admin.register(Hendelse)
class HendelseAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Filter by person: click the user name (or search it); by organisation: click the number, or search it or
    its name. A sidebar list of every person would not scale to every søker in the country."""

    list_display = ["tidspunkt", "hendelse", "kilde", "person", "organisasjon", "virksomhet", "detalj"]
    list_filter = ["hendelse", "kilde"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    search_fields = ["brukernavn", "organisasjonsnummer", "virksomhet__navn"]
    date_hierarchy = "tidspunkt"
    list_select_related = ["virksomhet"]
    show_full_result_count = False

    def get_changelist(self, request, **kwargs):
        return DatoTrygg

    def lookup_allowed(self, lookup, value, request=None):
        return lookup in ("bruker__id__exact", "organisasjonsnummer__exact") or super().lookup_allowed(
            lookup, value, request
        )

    @admin.display(description=_("bruker"), ordering="brukernavn")
    def person(self, obj):
        if not obj.bruker_id:
            return obj.brukernavn or "–"
        return format_html(
            '<a href="?bruker__id__exact={}" title="{}">{}</a>',
            obj.bruker_id,
            gettext("Vis bare denne personen"),
            obj.brukernavn,
        )

    @admin.display(description=_("organisasjonsnummer"), ordering="organisasjonsnummer")
    def organisasjon(self, obj):
        if not obj.organisasjonsnummer:
            return "–"
        return format_html(
            '<a href="?organisasjonsnummer__exact={}" title="{}">{}</a>',
            obj.organisasjonsnummer,
            gettext("Vis bare denne virksomheten"),
            obj.organisasjonsnummer,
        )


@admin.register(Virksomhetstilgang)
class VirksomhetstilgangAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["bruker", "virksomhet", "kilde", "hentet", "hovedenhet"]
    list_filter = ["kilde"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    search_fields = ["bruker__username", "virksomhet__navn", "virksomhet__organisasjonsnummer"]
    list_select_related = ["bruker", "virksomhet"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["bruker", "kilde", "opprettet", "organisasjoner_hentet"]
    list_filter = ["kilde"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    search_fields = ["bruker__username"]
    exclude = ["ident"]
