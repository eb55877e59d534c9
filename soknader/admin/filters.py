"""The changelist's own filters: findings, a finding's code, anmodninger waiting or past their deadline."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import Alvorlighet, Mangelkode, Status
from ..models import Mangel, Melding, Soknad


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


class AnmodningFilter(admin.SimpleListFilter):
    """Applications waiting for an answer to an anmodning, and those whose deadline has passed (with counts)."""

    title = _("anmodning")
    parameter_name = "anmodning"

    @staticmethod
    def _ventende(queryset):
        siste_frist = (
            Melding.objects.filter(soknad=OuterRef("pk"), fra=Melding.Fra.SAKSBEHANDLER)
            .order_by("-tidspunkt", "-pk")
            .values("frist")[:1]
        )
        return queryset.filter(status=Status.ANMODNING_SENDT).annotate(_frist=Subquery(siste_frist))

    def lookups(self, request, model_admin):
        counts = self._ventende(Soknad.objects.all()).aggregate(
            venter=Count("pk"), passert=Count("pk", filter=Q(_frist__lt=timezone.localdate()))
        )
        return [
            ("passert", gettext("Svarfrist passert (%(antall)s)") % {"antall": counts["passert"]}),
            ("venter", gettext("Venter på svar (%(antall)s)") % {"antall": counts["venter"]}),
        ]

    def queryset(self, request, queryset):
        if self.value() == "passert":
            return self._ventende(queryset).filter(_frist__lt=timezone.localdate())
        if self.value() == "venter":
            return self._ventende(queryset)
        return queryset
