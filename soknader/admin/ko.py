"""The work queue's parts of the caseworkers' admin (issue 21): its columns (days waiting, who has the case, the
applicant's last move), taking, giving and releasing a case, and "Neste sak"."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import OuterRef, Q, Subquery
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from drift.cacheversion import CacheVersion
from drift.minne import MINNE
from drift.mixins import AdminMixin

from ..choices import Status
from ..models import Innsending, Soknad
from ..regler.status import SAKSBEHANDLERS_TUR
from ..roles import BEHANDLE_SOKNAD, visningsnavn
from ..services import errors, frister, tildeling

# Who may be given a case: every change to a user, their groups or permissions replaces it (connected in apps.py).
SAKSBEHANDLERE = CacheVersion("saksbehandlere")


def saksbehandlere_valg() -> list[tuple[int, str]]:
    """(pk, name) of each caseworker, for «Gi saken til» on every case page: kept in the process under their
    version (one small read instead of a join over users, groups and permissions)."""
    return MINNE.hent_lokalt(
        f"saksbehandlere:{SAKSBEHANDLERE.current()}",
        lambda: [(s.pk, visningsnavn(s)) for s in saksbehandlere()],
        storrelse=lambda valg: 100 * len(valg),
    )


def saksbehandlere_endret(**_kwargs) -> None:
    """Receiver of the user, group and permission signals: a new version now and again at the commit."""
    SAKSBEHANDLERE.bump()
    SAKSBEHANDLERE.bump_on_commit()


def saksbehandlere():
    """Active users who may act on applications (by group, by their own permission, or superusers)."""
    app_label, codename = BEHANDLE_SOKNAD.split(".")
    perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(Q(groups__permissions__in=perm) | Q(user_permissions__in=perm) | Q(is_superuser=True))
        .filter(is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def neste_sak(bruker, unntatt: int | None = None) -> Soknad | None:
    """The case to take next: the caseworker's move, theirs or no one's, the one waiting longest."""
    saker = Soknad.objects.filter(status__in=SAKSBEHANDLERS_TUR).filter(
        Q(saksbehandler=bruker) | Q(saksbehandler__isnull=True)
    )
    if unntatt is not None:
        saker = saker.exclude(pk=unntatt)
    return saker.order_by("venter_siden", "pk").first()


def status_med_versjon(soknad: Soknad, versjon: int | None) -> str:
    if soknad.status == Status.SENDT_INN_PA_NYTT and versjon:
        return f"{soknad.get_status_display()} (v{versjon})"
    return soknad.get_status_display()


def siste_versjon():
    """The number of the application's latest submission, as a subquery for each row."""
    return Subquery(Innsending.objects.filter(soknad=OuterRef("pk")).order_by("-versjon").values("versjon")[:1])


def frist_kontekst(soknad: Soknad) -> dict:
    """The case's age and, while it waits for the directorate without a foreløpig svar, the § 11a limit."""
    if soknad.soknadsdato is None:
        return {}
    idag = timezone.localdate()
    frist = frister.svarfrist_11a(soknad)
    apen = soknad.status in SAKSBEHANDLERS_TUR and soknad.forelopig_svar is None
    return {
        "alder_dager": (idag - soknad.soknadsdato).days,
        "frist_11a": frist if apen else None,
        "frist_11a_varsel": bool(apen and frist and frist - idag <= frister.VARSEL_FOR),
    }


class ArbeidskoAdmin(AdminMixin):
    """Mixed into SoknadAdmin."""

    @admin.display(description=_("status"), ordering="status")
    def status_vist(self, obj):
        """The status; a resubmission with its version, "Sendt inn på nytt (v2)"."""
        return status_med_versjon(obj, getattr(obj, "_versjon", None))

    @admin.display(description=_("dager"), ordering="venter_siden")
    def venter(self, obj):
        if obj.venter_siden is None:
            return "–"
        # whole calendar days: the list's page is kept for a day at a time (soknader.listecache)
        dager = (timezone.localdate() - timezone.localtime(obj.venter_siden).date()).days
        tittel = gettext("venter siden %(dato)s, søknadsdato %(soknadsdato)s") % {
            "dato": f"{timezone.localtime(obj.venter_siden):%d.%m.%Y}",
            "soknadsdato": f"{obj.soknadsdato:%d.%m.%Y}" if obj.soknadsdato else "–",
        }
        return format_html('<span title="{}">{}</span>', tittel, dager)

    @admin.display(description=_("tildelt"), ordering="saksbehandler__username")
    def hos(self, obj):
        if not obj.saksbehandler:
            return "–"
        return format_html(
            '<span title="{}">{}</span>', obj.saksbehandler.get_full_name(), obj.saksbehandler.get_username()
        )

    @admin.display(description=_("søkeren sist aktiv"), ordering="soker_aktiv")
    def soker_sist(self, obj):
        return f"{timezone.localtime(obj.soker_aktiv):%d.%m.%Y}" if obj.soker_aktiv else "–"

    def ko_urls(self):
        return [
            path("<int:pk>/tildel/", self.admin_site.admin_view(self.tildel_view), name="soknader_soknad_tildel"),
            path("neste/", self.admin_site.admin_view(self.neste_view), name="soknader_soknad_neste"),
        ]

    def tildel_view(self, request, pk):
        """POST `gjor`: "ta" (take it), "frigi" (release it) or "gi" (give it to the caseworker `til`)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        soknad = get_object_or_404(Soknad, pk=pk)
        back = HttpResponseRedirect(reverse("admin:soknader_soknad_change", args=[pk]))
        gjor, valgt = request.POST.get("gjor", "ta"), request.POST.get("til", "")
        til = {"ta": request.user, "frigi": None}.get(gjor)
        if gjor == "gi":
            til = saksbehandlere().filter(pk=valgt if valgt.isdigit() else None).first()
            if til is None:
                self.message_user(request, gettext("Velg en saksbehandler."), messages.ERROR)
                return back
        try:
            tildeling.soknad_assign(soknad=soknad, bruker=request.user, til=til)
        except errors.TransitionRefused as refused:
            self.message_user(request, refused.melding, messages.ERROR)
        return back

    def neste_view(self, request):
        fra = request.GET.get("fra", "")
        neste = neste_sak(request.user, unntatt=int(fra) if fra.isdigit() else None)
        if neste is None:
            self.message_user(request, gettext("Ingen saker venter på deg."), messages.INFO)
            return HttpResponseRedirect(reverse("admin:soknader_soknad_changelist") + "?ko=alle")
        return HttpResponseRedirect(reverse("admin:soknader_soknad_change", args=[neste.pk]))

    @admin.action(description=_("Ta de valgte sakene"))
    def ta_saker(self, request, queryset):
        self._tildel(request, queryset, request.user)

    @admin.action(description=_("Frigi de valgte sakene"))
    def frigi_saker(self, request, queryset):
        self._tildel(request, queryset, None)

    def _tildel(self, request, queryset, til):
        try:
            antall = tildeling.soknader_assign(soknader=list(queryset), bruker=request.user, til=til)
        except errors.TransitionRefused as refused:
            self.message_user(request, refused.melding, messages.ERROR)
            return
        self.message_user(
            request, ngettext("%(antall)d sak er endret.", "%(antall)d saker er endret.", antall) % {"antall": antall}
        )
