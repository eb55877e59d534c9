from django.contrib import admin

from laeringsarenaer.models import Laeringsarena

from .models import Regiontilgang, Soknad, Statusendring, Virksomhetstilgang


class LaeringsarenaInline(admin.StackedInline):
    model = Laeringsarena
    extra = 0
    fields = ["type", "plassering", "annen_virksomhet", "ny_veileder", "laeringsmal", "supervisjon", "supervisjon_annet"]


class StatusendringInline(admin.TabularInline):
    model = Statusendring
    extra = 0
    fields = ["tidspunkt", "fra_status", "til_status", "utfort_av", "melding"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Soknad)
class SoknadAdmin(admin.ModelAdmin):
    list_display = ["referanse", "virksomhet", "spesialitet", "status", "soknadsdato"]
    list_filter = ["status", "spesialitet", "virksomhet__kommune__fylke__helseregion"]
    list_select_related = ["virksomhet"]
    search_fields = ["referanse", "virksomhet__navn", "virksomhet__organisasjonsnummer"]
    readonly_fields = ["referanse", "soknadsdato", "status", "opprettet", "endret", "opprettet_av"]
    raw_id_fields = ["virksomhet"]
    inlines = [LaeringsarenaInline, StatusendringInline]


@admin.register(Virksomhetstilgang)
class VirksomhetstilgangAdmin(admin.ModelAdmin):
    list_display = ["bruker", "virksomhet", "opprettet"]
    search_fields = ["bruker__username", "virksomhet__navn", "virksomhet__organisasjonsnummer"]
    raw_id_fields = ["bruker", "virksomhet"]


@admin.register(Regiontilgang)
class RegiontilgangAdmin(admin.ModelAdmin):
    list_display = ["bruker", "helseregion"]
    list_filter = ["helseregion"]
