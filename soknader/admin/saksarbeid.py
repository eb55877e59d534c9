"""The caseworker's own work on a case page (issue 21): findings assessed as in order ("Vurdert – i orden") and
undone, internal notes, and the case's one timeline (status changes, messages, mails, documents and notes, by time,
with who). Each write goes through its service (services.mangelvurdering, services.notater). Mixed into SoknadAdmin.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext

from drift.mixins import AdminMixin

from ..models import Melding, Notat, Soknad
from ..roles import BEHANDLE_SOKNAD, visningsnavn
from ..services import errors, mangelvurdering, notater, transitions
from .forms import MangelvurderingForm, NotatForm


@dataclass
class Hendelse:
    """One row of the timeline."""

    tidspunkt: dt.datetime
    art: str  # what kind of event, in words
    klasse: str  # its CSS class (sb-tl-<kind>)
    av: str
    tekst: str = ""
    lenker: list[tuple[str, str]] = field(default_factory=list)  # (address, text)


def tidslinje(*, soknad, historikk, meldinger, eposter, innsendinger, vedtaksbrev, notater_) -> list[Hendelse]:
    """Everything that happened on the case, newest first: built from lists the page has read anyway (one query per
    kind, however many rows)."""

    def dokument(kind, ref):
        return reverse("admin:soknader_soknad_dokument", args=[soknad.pk, kind, ref])

    rader = [
        Hendelse(
            h.tidspunkt,
            gettext("Status"),
            "sb-tl-status",
            visningsnavn(h.utfort_av),
            (f"{h.get_fra_status_display()} → {h.get_til_status_display()}" if h.fra_status != h.til_status else "")
            + (f"\n{h.melding}" if h.fra_status != h.til_status and h.melding else h.melding),
        )
        for h in historikk
    ]
    rader += [
        Hendelse(
            m.tidspunkt,
            gettext("Melding fra søkeren") if m.fra == Melding.Fra.SOKER else gettext("Melding til søkeren"),
            "sb-tl-melding",
            visningsnavn(m.forfatter) if m.forfatter else m.get_fra_display(),
            # the attachments named; their links are in the dialog above (one link per file on the page)
            "\n".join(
                [m.tekst, *(gettext("Vedlegg: %(filnavn)s") % {"filnavn": v.filnavn} for v in m.vedlegg.all())]
            ).strip(),
        )
        for m in meldinger
    ]
    rader += [
        Hendelse(
            e.opprettet,
            gettext("E-post"),
            "sb-tl-epost",
            "–",
            gettext("«%(emne)s» til %(til)s (%(status)s)")
            % {"emne": e.emne, "til": e.mottaker, "status": e.get_status_display().lower()},
        )
        for e in eposter
    ]
    rader += [
        Hendelse(
            i.tidspunkt,
            gettext("Dokument"),
            "sb-tl-dokument",
            "–",
            lenker=[(dokument("versjon", i.versjon), gettext("Søknaden, versjon %(v)s (PDF)") % {"v": i.versjon})],
        )
        for i in innsendinger
    ]
    rader += [
        Hendelse(
            b.laget,
            gettext("Dokument"),
            "sb-tl-dokument",
            "–",
            lenker=[(dokument("vedtaksbrev", b.pk), gettext("Vedtaksbrev (%(v)s)") % {"v": b.get_vedtak_display()})],
        )
        for b in vedtaksbrev
    ]
    rader += [
        Hendelse(n.tidspunkt, gettext("Internt notat"), "sb-tl-notat", visningsnavn(n.forfatter), n.tekst)
        for n in notater_
    ]
    return sorted(rader, key=lambda h: h.tidspunkt, reverse=True)


def mangler_med_vurdering(soknad, mangler) -> tuple[list, list]:
    """(the findings, each with `.vurdering`: the assessment that holds for it or None; the assessments not undone
    that no longer match a finding: the application changed what they were about)."""
    vurderinger = mangelvurdering.vurderinger_for(soknad)
    mangler = list(mangler)
    for m in mangler:
        m.vurdering = vurderinger.get(m.fingeravtrykk) if m.fingeravtrykk else None
    brukt = {m.fingeravtrykk for m in mangler}
    return mangler, [v for avtrykk, v in vurderinger.items() if avtrykk not in brukt]


def mangler_avtrykk(soknad, mangler, bortfalt, *, kan_vurdere: bool) -> list:
    """Everything the findings section shows (the key of its HTML, `{% include_cached %}`): each finding as stored
    (its words come from its code and values), the assessment that holds for it, those no longer holding, and
    whether this user may assess (the forms)."""

    def vurdering(v) -> tuple | None:
        return v and (v.pk, v.melding, v.notat, v.vurdert, v.vurdert_av_id and visningsnavn(v.vurdert_av))

    return [
        soknad.pk,
        kan_vurdere,
        [(m.pk, m.kode, m.alvorlighet, m.params, m.melding, vurdering(m.vurdering)) for m in mangler],
        [vurdering(v) for v in bortfalt],
    ]


class SaksarbeidAdmin(AdminMixin):
    def saksarbeid_urls(self):
        return [
            path(
                "<int:pk>/mangel/<int:mangel>/vurder/",
                self.admin_site.admin_view(self.vurder_view),
                name="soknader_soknad_vurder",
            ),
            path(
                "<int:pk>/vurdering/<int:vurdering>/angre/",
                self.admin_site.admin_view(self.angre_vurdering_view),
                name="soknader_soknad_angre_vurdering",
            ),
            path("<int:pk>/notat/", self.admin_site.admin_view(self.notat_view), name="soknader_soknad_notat"),
        ]

    def _saksarbeid(self, request, pk, anker):
        """(the case, the way back to its section) after the checks every write here makes; case None: refused."""
        soknad = get_object_or_404(Soknad, pk=pk)
        back = HttpResponseRedirect(reverse("admin:soknader_soknad_change", args=[pk]) + anker)
        if not self.has_view_permission(request, soknad) or not request.user.has_perm(BEHANDLE_SOKNAD):
            self.message_user(request, transitions.IKKE_SAKSBEHANDLER, messages.ERROR)
            return None, back
        return soknad, back

    def _gjor(self, request, back, ferdig, service, **kwargs):
        try:
            service(**kwargs)
        except errors.TransitionRefused as refused:
            self.message_user(request, refused.melding, messages.ERROR)
        else:
            self.message_user(request, ferdig, messages.SUCCESS)
        return back

    def vurder_view(self, request, pk, mangel):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        soknad, back = self._saksarbeid(request, pk, "#sb-mangler-tittel")
        if soknad is None:
            return back
        form = MangelvurderingForm(request.POST)
        if not form.is_valid():
            self.message_user(request, str(form.errors["notat"][0]), messages.ERROR)
            return back
        return self._gjor(
            request,
            back,
            gettext("Mangelen er vurdert – i orden."),
            mangelvurdering.mangel_assess,
            soknad=soknad,
            bruker=request.user,
            mangel_id=mangel,
            notat=form.cleaned_data["notat"],
        )

    def angre_vurdering_view(self, request, pk, vurdering):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        soknad, back = self._saksarbeid(request, pk, "#sb-mangler-tittel")
        if soknad is None:
            return back
        return self._gjor(
            request,
            back,
            gettext("Vurderingen er angret. Mangelen er åpen igjen."),
            mangelvurdering.mangel_unassess,
            soknad=soknad,
            bruker=request.user,
            vurdering_id=vurdering,
        )

    def notat_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        soknad, back = self._saksarbeid(request, pk, "#sb-historikk-tittel")
        if soknad is None:
            return back
        form = NotatForm(request.POST)
        if not form.is_valid():
            self.message_user(request, str(form.errors["tekst"][0]), messages.ERROR)
            return back
        return self._gjor(
            request,
            back,
            gettext("Notatet er lagret."),
            notater.soknad_note,
            soknad=soknad,
            bruker=request.user,
            tekst=form.cleaned_data["tekst"],
        )

    def saksarbeid_kontekst(self, request, soknad, *, historikk, meldinger, eposter, innsendinger, vedtaksbrev):
        mangler, bortfalt = mangler_med_vurdering(soknad, soknad.mangler.order_by("pk"))
        notatene = Notat.objects.filter(soknad=soknad).select_related("forfatter")
        kan_vurdere = request.user.has_perm(BEHANDLE_SOKNAD)
        return {
            "mangler": mangler,
            "mangler_avtrykk": mangler_avtrykk(soknad, mangler, bortfalt, kan_vurdere=kan_vurdere),
            "mangler_vurdert": sum(1 for m in mangler if m.vurdering),
            "kan_vurdere": kan_vurdere,
            "vurderinger_bortfalt": bortfalt,
            "vurder_form": MangelvurderingForm(auto_id=False),
            "notat_form": NotatForm(auto_id="sb-notat-%s") if kan_vurdere else None,
            "tidslinje": SimpleLazyObject(  # drawn only when the kept history part is drawn anew (sakscache)
                lambda: tidslinje(
                    soknad=soknad,
                    historikk=historikk,
                    meldinger=meldinger,
                    eposter=eposter,
                    innsendinger=innsendinger,
                    vedtaksbrev=vedtaksbrev,
                    notater_=notatene,
                )
            ),
        }
