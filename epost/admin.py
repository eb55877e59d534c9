from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from drift.readonly import ReadOnlyAdmin

from .models import Epost, EpostStatus
from .services import epost_retry


@admin.register(Epost)
class EpostAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The outbox, read-only: what was sent, what waits and what failed, and why."""

    list_display = ["opprettet", "soknad", "mottaker", "emne", "status", "forsok", "sendt", "siste_feil"]
    list_filter = ["status"]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    search_fields = ["soknad__referanse", "mottaker", "emne"]
    list_select_related = ["soknad"]
    readonly_fields = [
        "soknad",
        "avsender",
        "mottaker",
        "emne",
        "tekst",
        "status",
        "forsok",
        "neste_forsok",
        "siste_feil",
        "opprettet",
        "sendt",
    ]
    actions = ["prov_igjen"]

    @admin.action(description=_("Prøv å sende valgte feilede e-poster på nytt"))
    def prov_igjen(self, request, queryset):
        feilet = list(queryset.filter(status=EpostStatus.FEILET))
        for epost in feilet:
            epost_retry(epost=epost)
        melding = ngettext(
            "%(antall)s e-post sendes på nytt ved neste runde.",
            "%(antall)s e-poster sendes på nytt ved neste runde.",
            len(feilet),
        )
        self.message_user(request, melding % {"antall": len(feilet)}, messages.SUCCESS)
