"""The caseworkers' room: applications with their findings, the case actions, history and changes.

Customised through ModelAdmin hooks: a read-only change view whose template extends the admin's own
and adds the findings, the LM × arena coverage, what changed since the previous submission, the
history and the action buttons; actions are POSTed to extra admin URLs that call soknader.services.
"""

import datetime as dt

from django.contrib import admin, messages
from django.db.models import Count, Prefetch
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from brreg.models import Fylke, Helseregion
from laeringsarenaer.choices import Supervisjon
from laeringsarenaer.lmtekst import formater
from laeringsarenaer.models import Laeringsarena
from laeringsarenaer.tolking import dekning_for, katalog_for_soknad

from . import changes, exports, findings, services
from .choices import Alvorlighet, Mangelkode, Status
from .models import Innsending, Mangel, Regiontilgang, Soknad, Statusendring
from .sections import SECTION_FIELDS


class HelseregionFilter(admin.SimpleListFilter):
    title = "helseregion"
    parameter_name = "helseregion"

    def lookups(self, request, model_admin):
        return [(r.kode, r.navn) for r in Helseregion.objects.order_by("navn")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(virksomhet__kommune__fylke__helseregion__kode=self.value())
        return queryset


class FylkeFilter(admin.SimpleListFilter):
    title = "fylke"
    parameter_name = "fylke"

    def lookups(self, request, model_admin):
        return [(f.nummer, f.navn) for f in Fylke.objects.order_by("navn")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(virksomhet__kommune__fylke__nummer=self.value())
        return queryset


class HarManglerFilter(admin.SimpleListFilter):
    title = "har mangler"
    parameter_name = "har_mangler"

    def lookups(self, request, model_admin):
        return [("ja", "Ja"), ("nei", "Nei")]

    def queryset(self, request, queryset):
        har = Mangel.objects.filter(alvorlighet=Alvorlighet.MANGEL).values("soknad")
        if self.value() == "ja":
            return queryset.filter(pk__in=har)
        if self.value() == "nei":
            return queryset.exclude(pk__in=har)
        return queryset


class MangelkodeFilter(admin.SimpleListFilter):
    title = "mangel"
    parameter_name = "mangel"

    def lookups(self, request, model_admin):
        return Mangelkode.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(pk__in=Mangel.objects.filter(kode=self.value()).values("soknad"))
        return queryset


class LaeringsarenaInline(admin.StackedInline):
    model = Laeringsarena
    extra = 0
    can_delete = False
    fields = ["type", "plassering", "annen_virksomhet", "ny_veileder", "laeringsmal", "tolket",
              "supervisjon_vist", "supervisjon_annet"]
    readonly_fields = fields
    verbose_name_plural = "læringsarenaer"

    @admin.display(description="tolket som")
    def tolket(self, obj):
        tolkning = obj.tolkning
        if not tolkning:
            return "–"
        text = f"{tolkning['antall']} læringsmål: {tolkning['kort']}" if tolkning["kort"] else "ingen læringsmål"
        if tolkning["feil"]:
            return format_html("{}<br><strong>Kunne ikke leses:</strong> {}", text,
                               "; ".join(f["melding"] for f in tolkning["feil"]))
        return text

    @admin.display(description="supervisjon vil foregå ved")
    def supervisjon_vist(self, obj):
        return ", ".join(Supervisjon(v).label for v in obj.supervisjon) or "–"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Soknad)
class SoknadAdmin(admin.ModelAdmin):
    list_display = ["virksomhet_navn", "kommune", "helseregion", "spesialitet_kort", "status", "dato",
                    "antall_mangler", "mangler_kort"]
    list_filter = ["status", "spesialitet", HelseregionFilter, FylkeFilter, HarManglerFilter, MangelkodeFilter]
    search_fields = ["virksomhet__organisasjonsnummer", "virksomhet__navn", "referanse"]
    list_per_page = 50
    ordering = ["-soknadsdato", "-pk"]
    inlines = [LaeringsarenaInline]
    change_form_template = "admin/soknader/soknad/change_form.html"
    actions = ["eksporter_json", "eksporter_csv", "eksporter_xlsx"]

    class Media:
        css = {"all": ["css/saksbehandling.css"]}
    fieldsets = [
        ("Virksomhet og spesialitet", {"fields": ["virksomhet", "spesialitet", *SECTION_FIELDS["virksomhet"]]}),
        ("Saken", {"fields": ["status", "referanse", "soknadsdato", "vedtaksdato", "registrert_fra",
                              "avslagsgrunn", "anmodning"]}),
        ("Virksomhetens ansvar", {"fields": list(SECTION_FIELDS["ansvar"])}),
        ("Forhold ved egen virksomhet", {"fields": list(SECTION_FIELDS["forhold"])}),
    ]

    def get_queryset(self, request):
        return (
            super().get_queryset(request)
            .select_related("virksomhet__kommune__fylke__helseregion")
            .annotate(_antall_mangler=Count("mangler", distinct=True))
            .prefetch_related(Prefetch("mangler", queryset=Mangel.objects.order_by("pk")))
        )

    # ---- the changelist ----
    @admin.display(description="virksomhet", ordering="virksomhet__navn")
    def virksomhet_navn(self, obj):
        return f"{obj.virksomhet.navn} ({obj.virksomhet.organisasjonsnummer})"

    @admin.display(description="kommune", ordering="virksomhet__kommune__navn")
    def kommune(self, obj):
        return obj.virksomhet.kommune.navn if obj.virksomhet.kommune else "–"

    @admin.display(description="helseregion", ordering="virksomhet__kommune__fylke__helseregion__navn")
    def helseregion(self, obj):
        kommune = obj.virksomhet.kommune
        return kommune.fylke.helseregion.navn if kommune else "–"

    @admin.display(description="spes.", ordering="spesialitet")
    def spesialitet_kort(self, obj):
        return format_html('<abbr title="{}">{}</abbr>', obj.get_spesialitet_display(), obj.spesialitet)

    @admin.display(description="søknadsdato", ordering="soknadsdato")
    def dato(self, obj):
        return obj.soknadsdato.strftime("%d.%m.%Y") if obj.soknadsdato else "–"

    @admin.display(description="antall", ordering="_antall_mangler")
    def antall_mangler(self, obj):
        return obj._antall_mangler

    @admin.display(description="mangler")
    def mangler_kort(self, obj):
        return format_html_join(
            " ", '<span class="mangel-merke mangel-{}" title="{}">{}</span>',
            ((m.alvorlighet, m.melding, m.get_kode_display()) for m in obj.mangler.all()),
        )

    # ---- read-only: caseworkers act through the buttons, never by editing the søker's answers ----
    def get_readonly_fields(self, request, obj=None):
        return [name for fieldset in self.fieldsets for name in fieldset[1]["fields"]]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # ---- the change view: findings, coverage, changes, history, actions ----
    def change_view(self, request, object_id, form_url="", extra_context=None):
        soknad = self.get_object(request, object_id)
        if soknad is None:  # let the admin answer as it does for a missing object
            return super().change_view(request, object_id, form_url, extra_context)
        arenaer = list(soknad.laeringsarenaer.order_by("pk"))
        katalog = katalog_for_soknad(soknad.soknadsdato)
        dekning = dekning_for(arenaer, soknad.spesialitet, katalog)
        innsendinger = list(Innsending.objects.filter(soknad=soknad).order_by("-tidspunkt", "-pk")[:2])
        endringer = changes.diff(innsendinger[1].data, innsendinger[0].data) if len(innsendinger) == 2 else None
        context = {
            "funn": findings.find(findings.application_data(soknad, arenaer, katalog)),
            "dekning": dekning,
            "udekket_kort": formater(dekning.udekket),
            "arenaer": arenaer,
            "endringer": endringer,
            "historikk": Statusendring.objects.filter(soknad=soknad).select_related("utfort_av"),
            "handlinger": self._handlinger(request, soknad),
            "i_dag": timezone.localdate().isoformat(),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context=context)

    def _handlinger(self, request, soknad):
        if not services.er_saksbehandler(request.user):
            return []
        return [til for til, fra in services.SAKSBEHANDLER_OVERGANGER.items() if soknad.status in fra]

    def get_urls(self):
        return [
            path("<int:pk>/handling/<slug:handling>/", self.admin_site.admin_view(self.handling_view),
                 name="soknader_soknad_handling"),
            *super().get_urls(),
        ]

    def handling_view(self, request, pk, handling):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        soknad = get_object_or_404(Soknad, pk=pk)
        if not self.has_view_permission(request, soknad):
            return HttpResponseRedirect(reverse("admin:index"))
        expected = request.POST.get("status") or None
        melding = request.POST.get("melding", "")
        try:
            vedtaksdato = dt.date.fromisoformat(request.POST["vedtaksdato"]) if request.POST.get("vedtaksdato") else None
        except ValueError:
            vedtaksdato = None
            self.message_user(request, "Ugyldig vedtaksdato; dagens dato er brukt.", messages.WARNING)
        kwargs = {"soknad": soknad, "bruker": request.user, "expected_status": expected}
        try:
            if handling == Status.UNDER_BEHANDLING:
                services.soknad_start_review(**kwargs)
            elif handling == Status.ANMODNING_SENDT:
                services.soknad_request_information(melding=melding, **kwargs)
            elif handling == Status.REGISTRERT:
                services.soknad_register(vedtaksdato=vedtaksdato, melding=melding, **kwargs)
            elif handling == Status.AVSLATT:
                services.soknad_reject(begrunnelse=melding, vedtaksdato=vedtaksdato, **kwargs)
            else:
                raise services.TransitionRefused("Ukjent handling.")
        except services.TransitionRefused as refused:
            self.message_user(request, refused.melding, messages.ERROR)
        else:
            self.message_user(request, f"Søknaden har nå status «{Status(handling).label}».", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:soknader_soknad_change", args=[pk]))

    # ---- export of the selected applications ----
    @admin.action(description="Eksporter valgte søknader som JSON")
    def eksporter_json(self, request, queryset):
        return exports.json_response(queryset)

    @admin.action(description="Eksporter valgte søknader som CSV")
    def eksporter_csv(self, request, queryset):
        return exports.csv_response(queryset)

    @admin.action(description="Eksporter valgte søknader som Excel (XLSX)")
    def eksporter_xlsx(self, request, queryset):
        return exports.xlsx_response(queryset)


@admin.register(Regiontilgang)
class RegiontilgangAdmin(admin.ModelAdmin):
    list_display = ["bruker", "helseregion"]
    list_filter = ["helseregion"]
    list_select_related = ["bruker", "helseregion"]
