"""The caseworkers' room: applications with their findings, the case actions, history and changes.

Customised through ModelAdmin hooks: a read-only change view whose template extends the admin's own
and adds the findings, the LM × arena coverage, what changed since the previous submission, the
history and the action buttons; actions are POSTed to an extra admin URL and dispatched by the table in
`handlinger`.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from drift.readonly import ReadOnlyAdmin
from laeringsmal.tolking import dekning_kontekst, katalog_for_soknad

from .. import changes, completeness, dokumenter, exports, listecache, sakscache, seksjoner, selectors, skjema
from ..choices import Mangelkode
from ..models import Innsending, Mangel, Soknad, Statusendring
from ..roles import BEHANDLE_SOKNAD
from ..services import mangelvurdering
from .filters import ArbeidskoFilter, HarManglerFilter, MangelkodeFilter
from .handlingsvisning import HandlingAdmin, handlinger_avtrykk
from .ko import (
    SAKSBEHANDLERE,
    ArbeidskoAdmin,
    frist_kontekst,
    saksbehandlere_valg,
    siste_versjon,
    status_med_versjon,
)
from .lagrede_filtre import LagredeFiltreAdmin
from .masse import MasseAdmin
from .rader import rader
from .saksarbeid import SaksarbeidAdmin
from .visning import arenatabeller, bekreftelser, svarene

# What the list's columns read (SoknadAdmin.list_display): the page's 50 applications are read with these fields only,
# not the 70 answers each (a quarter of the time of reading a page). Actions and exports read their own queryset.
LISTEFELT = (
    "id",
    "spesialitet",
    "status",
    "venter_siden",
    "soknadsdato",
    "soker_aktiv",
    "referanse",
    "virksomhet__navn",
    "virksomhet__organisasjonsnummer",
    "virksomhet__kommune__navn",
    "virksomhet__kommune__fylke__helseregion__navn",
    "saksbehandler__username",
    "saksbehandler__first_name",
    "saksbehandler__last_name",
)


class SoknadChangeList(ChangeList):
    def get_results(self, request):
        """The page's count and drawn rows, kept while nothing a row shows changes (`soknader.listecache`); the
        rows are then neither read nor drawn again. A popup or an editable list is read as the admin reads it."""
        admin = self.model_admin
        if self.is_popup or admin.list_editable or admin.show_full_result_count:
            return self._les(request)
        side = listecache.side(
            adresse=request.get_full_path(), bruker_pk=request.user.pk, beregn=lambda: self._les_og_tegn(request)
        )
        paginator = admin.get_paginator(request, self.queryset, self.list_per_page)
        paginator.__dict__["count"] = side["antall"]  # Paginator.count is a cached_property: no COUNT(*)
        self.paginator, self.result_count = paginator, side["antall"]
        self.full_result_count, self.show_full_result_count, self.show_admin_actions = None, False, True
        self.can_show_all = side["antall"] <= self.list_max_show_all
        self.multi_page = side["antall"] > self.list_per_page
        self.result_list = side["pk"]  # the actions' counter reads its length
        self.rader = [[SafeString(celle) for celle in rad] for rad in side["rader"]]

    def _les_og_tegn(self, request) -> dict:
        self._les(request)
        self.formset = None  # not editable (get_results said so); the admin sets the same after this
        return {
            "antall": self.result_count,
            "pk": [s.pk for s in self.result_list],
            "rader": [[str(celle) for celle in rad] for rad in rader(self)],
        }

    def _les(self, request):
        """The page's applications, and the findings of those 50 as plain values in one query (the column shows each
        finding's code and title: 50 × n model instances and their lazy labels were a tenth of the list's time)."""
        self.queryset = self.queryset.only(*LISTEFELT)
        super().get_results(request)
        merker: dict[int, list[tuple[str, str, str]]] = {}
        navn = dict(Mangelkode.choices)
        funn = (
            Mangel.objects.filter(soknad__in=[s.pk for s in self.result_list])
            .annotate(_vurdert=mangelvurdering.gjeldende())  # assessed as in order: greyed (issue 21)
            .order_by("pk")
            .values_list("soknad_id", "alvorlighet", "melding", "kode", "_vurdert")
        )
        vurdert = gettext("Vurdert – i orden")
        for soknad_id, alvorlighet, melding, kode, er_vurdert in funn:
            merke = ("vurdert", f"{vurdert}: {melding}") if er_vurdert else (alvorlighet, melding)
            merker.setdefault(soknad_id, []).append((*merke, str(navn.get(kode, kode))))
        for soknad in self.result_list:
            soknad._mangelmerker = merker.get(soknad.pk, [])

    def url_for_result(self, result):
        """The change view's address without a URL reversal per row (the admin's own reverses 50 times)."""
        if not hasattr(self, "_url_mal"):
            self._url_mal = reverse(
                "admin:soknader_soknad_change", args=[0], current_app=self.model_admin.admin_site.name
            )
        return self._url_mal.replace("/0/", f"/{result.pk}/", 1)


@admin.register(Soknad)
class SoknadAdmin(
    SaksarbeidAdmin, LagredeFiltreAdmin, HandlingAdmin, MasseAdmin, ArbeidskoAdmin, ReadOnlyAdmin, admin.ModelAdmin
):
    list_display = [
        "virksomhet_navn",
        "kommune",
        "spesialitet_kort",
        "status_vist",
        "venter",
        "hos",
        "soker_sist",
        "antall_mangler",
        "mangler_kort",
    ]
    # region and fylke by path: Django builds the choices (one query each) and titles them from the fields'
    # verbose names ("helseregion", "fylke")
    list_filter = [
        ArbeidskoFilter,
        "status",
        "spesialitet",
        "virksomhet__kommune__fylke__helseregion",
        "virksomhet__kommune__fylke",
        HarManglerFilter,
        MangelkodeFilter,
    ]
    show_facets = admin.ShowFacets.NEVER  # the toggle is English only ("Show counts")
    search_fields = [
        "virksomhet__organisasjonsnummer",
        "virksomhet__navn",
        "referanse",
        "kontaktperson_navn",
        "kontaktperson_epost",
        "virksomhet__kommune__fylke__navn",
    ]
    list_per_page = 50
    # "Vis alle" without counting every application again on each page view (one query less)
    show_full_result_count = False
    # the work queue: the waiting first, the one waiting longest on top; then the decided, newest first
    # (Django takes expressions here; django-stubs types the option as names only)
    ordering = [F("venter_siden").asc(nulls_last=True), "-soknadsdato", "-pk"]  # type: ignore[list-item]
    change_form_template = "admin/soknader/soknad/change_form.html"
    # the application's own pages are the søker's (a caseworker there gets a 404); the case page is the caseworker's
    view_on_site = False
    actions = [
        "ta_saker",
        "frigi_saker",
        "masse_start",
        "masse_anmodning",
        "masse_registrer",
        "eksporter_json",
        "eksporter_csv",
        "eksporter_xlsx",
    ]

    class Media:
        css = {"all": ["css/saksbehandling.css"]}

    fieldsets = [
        (_("Virksomhet og spesialitet"), {"fields": ["virksomhet", "spesialitet", *svarene(skjema.VIRKSOMHET)]}),
        (
            _("Saken"),
            {
                "fields": [
                    "status",
                    "midlertidig",
                    "referanse",
                    "soknadsdato",
                    "vedtaksdato",
                    "registrert_fra",
                    "registrert_fra_begrunnelse",
                    "avslagsgrunn",
                    "anmodning",
                    "sprak",
                ]
            },
        ),
        (_("Virksomhetens ansvar"), {"fields": svarene(skjema.ANSVAR)}),
        (_("Forhold ved egen virksomhet"), {"fields": svarene(skjema.FORHOLD)}),
    ]

    def get_object(self, request, object_id, from_field=None):
        """Once per request: change_view reads the application before the admin's own change view does."""
        cached = getattr(request, "_soknad", None)
        if cached is None or str(cached.pk) != str(object_id):
            cached = super().get_object(request, object_id, from_field)
            request._soknad = cached
        return cached

    def get_queryset(self, request):
        """The list's rows with what its columns count; one case (the case page, its actions) without them."""
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "soknader_soknad_change":
            return (
                super().get_queryset(request).select_related("virksomhet__kommune__fylke__helseregion", "saksbehandler")
            )
        return self._liste_queryset(request)

    def _liste_queryset(self, request):
        antall_mangler = (
            Mangel.objects.filter(soknad=OuterRef("pk")).order_by().values("soknad").annotate(n=Count("pk")).values("n")
        )
        return (
            super()
            .get_queryset(request)
            .select_related("virksomhet__kommune__fylke__helseregion", "saksbehandler")
            # a subquery, not Count() over a join: a GROUP BY over every application made PostgreSQL aggregate the
            # whole table before taking the page's 50 rows, and the paginator's COUNT(*) group too
            .annotate(_antall_mangler=Coalesce(Subquery(antall_mangler), 0), _versjon=siste_versjon())
        )

    # ---- the changelist ----
    def action_checkbox(self, obj):
        """The row's checkbox for the export actions, as the admin draws it, without a widget template per row (50
        rows × Django's form renderer was a third of the list's time)."""
        return SafeString(
            f'<input type="checkbox" name="{helpers.ACTION_CHECKBOX_NAME}" value="{obj.pk}" class="action-select" '
            f'aria-label="{escape(gettext("Select this object for an action - {}").format(obj))}">'
        )

    def get_changelist(self, request, **kwargs):
        return SoknadChangeList

    @admin.display(description=_("virksomhet"), ordering="virksomhet__navn")
    def virksomhet_navn(self, obj):
        return f"{obj.virksomhet.navn} ({obj.virksomhet.organisasjonsnummer})"

    @admin.display(description=_("kommune"), ordering="virksomhet__kommune__navn")
    def kommune(self, obj):
        """The kommune, its region as a tooltip (the region is a filter; a column of its own made the queue too
        wide at 1280 px)."""
        kommune = obj.virksomhet.kommune
        if not kommune:
            return "–"
        return format_html('<span title="{}">{}</span>', kommune.fylke.helseregion.navn, kommune.navn)

    @admin.display(description=_("helseregion"), ordering="virksomhet__kommune__fylke__helseregion__navn")
    def helseregion(self, obj):
        kommune = obj.virksomhet.kommune
        return kommune.fylke.helseregion.navn if kommune else "–"

    @admin.display(description=_("spes."), ordering="spesialitet")
    def spesialitet_kort(self, obj):
        return format_html('<abbr title="{}">{}</abbr>', obj.get_spesialitet_display(), obj.spesialitet)

    @admin.display(description=_("søknadsdato"), ordering="soknadsdato")
    def dato(self, obj):
        return obj.soknadsdato.strftime("%d.%m.%Y") if obj.soknadsdato else "–"

    @admin.display(description=_("antall mangler"), ordering="_antall_mangler")
    def antall_mangler(self, obj):
        return obj._antall_mangler

    @admin.display(description=_("mangler og advarsler"))
    def mangler_kort(self, obj):
        merker = getattr(obj, "_mangelmerker", None)  # the list's page reads them for all its rows at once
        if merker is None:
            merker = [(m.alvorlighet, m.melding, m.get_kode_display()) for m in obj.mangler.order_by("pk")]
        return format_html_join(" ", '<span class="mangel-merke mangel-{}" title="{}">{}</span>', merker)

    @admin.display(description=_("midlertidig registrert fra (§ 38)"))
    def midlertidig(self, obj):
        fra = obj.midlertidig_registrert_fra
        return gettext("%(dato)s (til søknaden er avgjort)") % {"dato": f"{fra:%d.%m.%Y}"} if fra else "–"

    def get_fieldsets(self, request, obj=None):
        """Only the questions that apply to this application (the table's `gjelder`): a kommune is not asked the
        BHT questions, so the caseworker sees no empty answer for them."""
        if obj is None:
            return self.fieldsets
        kontekst = seksjoner.context(obj)

        def gjelder(name) -> bool:
            felt = skjema.FELT.get(getattr(name, "__name__", name))
            return felt is None or completeness.gjelder(felt, kontekst)

        return [
            (tittel, {**opsjoner, "fields": self._kompakt([name for name in opsjoner["fields"] if gjelder(name)])})
            for tittel, opsjoner in self.fieldsets
        ]

    @staticmethod
    def _kompakt(names: list) -> list:
        """The confirmations that apply as one line ("9 av 9 bekreftet", the missing named), the rest as they are."""
        felt = [skjema.FELT.get(getattr(name, "__name__", "")) for name in names]
        bekreft = [f for f in felt if f is not None and f.type == skjema.Type.BEKREFT]
        if len(bekreft) < 2:
            return names
        resten = [name for name, f in zip(names, felt, strict=True) if f not in bekreft]
        return [bekreftelser(tuple(f.navn for f in bekreft)), *resten]

    # ---- read-only: caseworkers act through the buttons, never by editing the søker's answers ----
    def get_readonly_fields(self, request, obj=None):
        return [name for fieldset in self.get_fieldsets(request, obj) for name in fieldset[1]["fields"]]

    # ---- the change view: findings, coverage, changes, history, actions ----
    def change_view(self, request, object_id, form_url="", extra_context=None):
        soknad = self.get_object(request, object_id)
        if soknad is None:  # let the admin answer as it does for a missing object
            return super().change_view(request, object_id, form_url, extra_context)
        arenaer = list(soknad.laeringsarenaer.order_by("pk"))
        katalog = katalog_for_soknad(soknad.soknadsdato)
        # the latest two, for what changed and the version (not the PDF or its HTML)
        innsendinger = list(
            Innsending.objects.filter(soknad=soknad)
            .only("pk", "soknad_id", "tidspunkt", "versjon", "data")
            .order_by("-tidspunkt", "-pk")[:2]
        )
        endringer = changes.diff(innsendinger[1].data, innsendinger[0].data) if len(innsendinger) == 2 else None
        bound = (extra_context or {}).pop("bound_form", None)
        # the case's history: read only when its kept parts are drawn anew (soknader.sakscache)
        historikk = SimpleLazyObject(
            lambda: list(Statusendring.objects.filter(soknad=soknad).select_related("utfort_av"))
        )
        eposter = SimpleLazyObject(lambda: list(soknad.eposter.defer("tekst").order_by("-opprettet", "-pk")))
        dokumentene = self._dokumenter(soknad)
        # the findings as stored (judged on every change), each with the assessment that holds for it
        saksarbeid = self.saksarbeid_kontekst(request, soknad, historikk=historikk, eposter=eposter, **dokumentene)
        apne = [m for m in saksarbeid["mangler"] if mangelvurdering.er_apen(m)]
        handlinger = self._handlinger(request, soknad, bound, mangler=apne)
        context = {
            **saksarbeid,
            **dekning_kontekst(arenaer, soknad.spesialitet, katalog, soknad.soknadsdato),
            "arenaer": arenaer,
            "arenatabeller": arenatabeller(arenaer),
            "endringer": endringer,
            "historikk": historikk,
            "eposter": eposter,
            "handlinger": handlinger,
            "handlinger_avtrykk": None if bound else handlinger_avtrykk(soknad, handlinger),
            # the history's parts show its rows and the names of who did what
            "historikk_avtrykk": [soknad.pk, sakscache.versjon(soknad.pk), SAKSBEHANDLERE.current()],
            "saksbehandlere": saksbehandlere_valg() if request.user.has_perm(BEHANDLE_SOKNAD) else None,
            **frist_kontekst(soknad),
            "status_vist": status_med_versjon(soknad, innsendinger[0].versjon if innsendinger else None),
            **dokumentene,
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context=context)

    def get_urls(self):
        return [
            path(
                "<int:pk>/handling/<slug:handling>/",
                self.admin_site.admin_view(self.handling_view),
                name="soknader_soknad_handling",
            ),
            path(
                "<int:pk>/dokument/<slug:kind>/<int:ref>/",
                self.admin_site.admin_view(self.dokument_view),
                name="soknader_soknad_dokument",
            ),
            *self.ko_urls(),
            *self.saksarbeid_urls(),
            *self.filter_urls(),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        """The admin's "Historikk" shows its own log, which the workflow does not write: the case's history is on
        the case page, so the button leads there."""
        soknad = self.get_object(request, object_id)
        if soknad is None or not self.has_view_permission(request, soknad):
            raise Http404(gettext("Fant ikke søknaden."))
        url = reverse("admin:soknader_soknad_change", args=[object_id], current_app=self.admin_site.name)
        return HttpResponseRedirect(f"{url}#sb-historikk-tittel")

    # ---- documents: only through these views, for those who may see the application ----
    def _dokumenter(self, soknad) -> dict:
        """The dialog and the documents, read when first used (the kept history parts need them only when drawn)."""
        return {
            "meldinger": SimpleLazyObject(lambda: list(selectors.meldinger_for_soknad(soknad=soknad))),
            "innsendinger": SimpleLazyObject(
                lambda: [i for i in selectors.innsendinger_for_soknad(soknad=soknad) if i.har_pdf]
            ),
            "vedtaksbrev": SimpleLazyObject(lambda: list(selectors.vedtaksbrev_for_soknad(soknad=soknad))),
        }

    def dokument_view(self, request, pk, kind, ref):
        soknad = get_object_or_404(Soknad.objects.select_related("virksomhet"), pk=pk)
        if not self.has_view_permission(request, soknad):
            raise Http404(gettext("Fant ikke søknaden."))
        try:
            if kind == "versjon":
                innsending = selectors.innsending_pdf(soknad=soknad, versjon=ref)
                return dokumenter.fil_response(innsending.pdf, dokumenter.soknad_filnavn(soknad, ref))
            if kind == "vedlegg":
                fil = selectors.vedlegg_for_soknad(soknad=soknad, pk=ref)
                return dokumenter.fil_response(fil.innhold, fil.filnavn)
            if kind == "vedtaksbrev":
                brev = selectors.vedtaksbrev_pdf(soknad=soknad, pk=ref)
                return dokumenter.fil_response(brev.pdf, dokumenter.vedtaksbrev_filnavn(soknad))
        except ObjectDoesNotExist:
            raise Http404(gettext("Fant ikke dokumentet.")) from None
        raise Http404(gettext("Ukjent dokument."))

    # ---- export of the selected applications ----
    @admin.action(description=_("Eksporter valgte søknader som JSON"))
    def eksporter_json(self, request, queryset):
        return exports.json_response(queryset)

    @admin.action(description=_("Eksporter valgte søknader som CSV"))
    def eksporter_csv(self, request, queryset):
        return exports.csv_response(queryset)

    @admin.action(description=_("Eksporter valgte søknader som Excel (XLSX)"))
    def eksporter_xlsx(self, request, queryset):
        return exports.xlsx_response(queryset)
