"""The changelist's own filters: the work queue (with anmodninger waiting or past their deadline), findings, a
finding's code."""

from django.contrib import admin
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import kotall
from ..choices import Alvorlighet, Mangelkode, Status
from ..models import Mangel, Melding, Soknad
from ..regler.status import SAKSBEHANDLERS_TUR, VENTENDE_STATUSER
from ..services.frister import forelopig_svar_skyldes
from ..services.mangelvurdering import apne_mangler


class HarManglerFilter(admin.SimpleListFilter):
    title = _("har mangler")
    parameter_name = "har_mangler"

    def lookups(self, request, model_admin):
        return [("ja", gettext("Ja")), ("nei", gettext("Nei"))]

    def queryset(self, request, queryset):
        har = Mangel.objects.filter(alvorlighet=Alvorlighet.MANGEL).values("soknad")
        if self.value() == "ja":
            return queryset.filter(pk__in=har)
        if self.value() == "nei":
            return queryset.exclude(pk__in=har)
        return queryset


class MangelkodeFilter(admin.SimpleListFilter):
    title = _("mangel")
    parameter_name = "mangel"

    def lookups(self, request, model_admin):
        return Mangelkode.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(pk__in=Mangel.objects.filter(kode=self.value()).values("soknad"))
        return queryset


class ArbeidskoFilter(admin.SimpleListFilter):
    """The caseworker's work queue (issue 21): the open cases by whose move it is, with counts taken in one query.
    It replaces the filter "anmodning" (waiting, deadline passed), which counted answered requests as waiting."""

    title = _("arbeidskø")
    parameter_name = "ko"

    @staticmethod
    def _annotert(queryset, *, alt: bool = True):
        """The open cases; with `alt` (the counts), each with the deadline of the directorate's latest message and
        whether it has findings; a tab's list annotates only what its condition reads (a subquery per case)."""
        queryset = queryset.filter(status__in=VENTENDE_STATUSER)
        if not alt:
            return queryset
        siste_frist = (
            Melding.objects.filter(soknad=OuterRef("pk"), fra=Melding.Fra.SAKSBEHANDLER)
            .order_by("-tidspunkt", "-pk")
            .values("frist")[:1]
        )
        return queryset.annotate(_ko_frist=Subquery(siste_frist), _ko_mangel=Exists(ArbeidskoFilter._har_mangel()))

    @staticmethod
    def _har_mangel():
        return apne_mangler().filter(soknad=OuterRef("pk"))  # an assessed finding ("vurdert") is not open

    @staticmethod
    def _vilkar(request, *, annotert: bool = True) -> dict[str, Q]:
        """The tabs' conditions; `annotert`: on the annotated cases (the counts), else the list's own filter (an anti
        join for «Klar for vedtak», instead of a subquery per case)."""
        uten_mangler = Q(_ko_mangel=False) if annotert else Q(~Exists(ArbeidskoFilter._har_mangel()))
        return {
            "mine": Q(saksbehandler_id=request.user.pk) if request.user.pk else Q(pk__in=[]),
            "ufordelt": Q(saksbehandler__isnull=True),
            "svar": Q(status=Status.SVAR_MOTTATT),
            "venter": Q(status=Status.ANMODNING_SENDT),
            "pa_nytt": Q(status=Status.SENDT_INN_PA_NYTT),
            "frist": Q(status=Status.ANMODNING_SENDT, _ko_frist__lt=timezone.localdate()),
            "klar": Q(status__in=SAKSBEHANDLERS_TUR) & uten_mangler,
            "fvl11a": Q(pk__in=forelopig_svar_skyldes().values("pk")),
        }

    def lookups(self, request, model_admin):
        navn = {
            "mine": gettext("Mine saker"),
            "ufordelt": gettext("Ikke fordelt"),
            "svar": gettext("Svar mottatt"),
            "venter": gettext("Venter på svar"),
            "pa_nytt": gettext("Sendt inn på nytt"),
            "frist": gettext("Svarfrist passert"),
            "klar": gettext("Klar for vedtak (ingen mangler)"),
            "fvl11a": gettext("Foreløpig svar skyldes (fvl. § 11a)"),
        }
        vilkar = self._vilkar(request)
        antall = kotall.counts(
            bruker_pk=request.user.pk,
            beregn=lambda: self._annotert(Soknad.objects.all()).aggregate(
                alle=Count("pk"), **{kode: Count("pk", filter=q) for kode, q in vilkar.items()}
            ),
        )
        return [("alle", gettext("Alle åpne (%(antall)s)") % {"antall": antall["alle"]})] + [
            (kode, f"{navn[kode]} ({antall[kode]})") for kode in vilkar
        ]

    def queryset(self, request, queryset):
        if self.value() == "alle":
            return self._annotert(queryset, alt=False)
        if (q := self._vilkar(request, annotert=False).get(self.value() or "")) is not None:
            if self.value() == "frist":
                return self._annotert(queryset).filter(q)
            return self._annotert(queryset, alt=False).filter(q)
        return queryset
