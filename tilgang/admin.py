"""Read-only views of tilgang in the admin: the audit log, the cache of Altinn's answers, the persons."""

from django.contrib import admin

from .models import Hendelse, Person, Virksomhetstilgang


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Hendelse)
class HendelseAdmin(ReadOnlyAdmin):
    list_display = ["tidspunkt", "hendelse", "kilde", "brukernavn", "organisasjonsnummer", "virksomhet", "detalj"]
    list_filter = ["hendelse", "kilde", ("bruker", admin.RelatedOnlyFieldListFilter),
                   ("virksomhet", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["brukernavn", "organisasjonsnummer", "virksomhet__navn"]
    date_hierarchy = "tidspunkt"
    list_select_related = ["virksomhet"]
    show_full_result_count = False


@admin.register(Virksomhetstilgang)
class VirksomhetstilgangAdmin(ReadOnlyAdmin):
    list_display = ["bruker", "virksomhet", "kilde", "hentet", "hovedenhet"]
    list_filter = ["kilde"]
    search_fields = ["bruker__username", "virksomhet__navn", "virksomhet__organisasjonsnummer"]
    list_select_related = ["bruker", "virksomhet"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["bruker", "kilde", "opprettet", "organisasjoner_hentet"]
    list_filter = ["kilde"]
    search_fields = ["bruker__username"]
    exclude = ["ident"]
