"""The case actions as views (issue 21): the panel "Hva vil du gjøre?" with a form per action open now, the POST of
one action (refused input shown again in its open form), the anmodning drafted from the findings, the decision
letter previewed, and the way on to the next case after a decision. Mixed into SoknadAdmin."""

import copy

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext

from drift.mixins import AdminMixin

from .. import dokumenter
from ..choices import Status
from ..models import Soknad
from ..regler.status import SAKSBEHANDLERS_TUR
from ..roles import BEHANDLE_SOKNAD
from ..services import anmodningsbrev, errors, saksbehandling, transitions
from ..services.mangelvurdering import apne_mangler
from .handlinger import HANDLINGER, apne_handlinger, handling_form


def _klar(soknad, mangler=None) -> bool:
    """On the caseworker's move with no open finding (an assessed one is not open): ready for a decision."""
    if mangler is None:
        mangler = apne_mangler().filter(soknad=soknad)
    return soknad.status in SAKSBEHANDLERS_TUR and not mangler


def handlinger_avtrykk(soknad, handlinger) -> list:
    """Everything the unbound action panel shows (the key of its HTML, `{% include_cached %}`): the case, and each
    open action with whether it is shown open, its form's fields and initial values (the drafted letter, the
    deadlines from today), and the day (a date field's limits)."""
    return [
        soknad.pk,
        soknad.status,
        soknad.soknadsdato,
        timezone.localdate(),
        [(til, apen, list(form.fields), form.initial) for til, _rad, form, apen in handlinger],
    ]


class HandlingAdmin(AdminMixin):
    def _handlinger(self, request, soknad, bound=None, *, mangler=None):
        """(action, its row, its form, open) for each action open to this user now; `bound` = (action, form) just
        refused: shown open with its errors. Unbound, an anmodning comes drafted from the findings, and a clean case
        on the caseworker's move opens at "Registrere" (the likely next step; the others one click away).
        `mangler`: the open findings when the caller has read them."""
        if not request.user.has_perm(BEHANDLE_SOKNAD):
            return []
        apne = apne_handlinger(soknad.status)
        if mangler is None:  # the open ones, read once for both
            mangler = list(apne_mangler().filter(soknad=soknad).order_by("pk"))
        utkastet = (
            anmodningsbrev.anmodning_utkast(soknad, mangler=mangler) if any(HANDLINGER[h].utkast for h in apne) else ""
        )
        standard = Status.REGISTRERT if not bound and _klar(soknad, mangler) else None
        return [
            (
                til,
                HANDLINGER[til],
                bound[1] if bound and bound[0] == til else self._skjema(til, soknad, utkastet),
                bool(bound and bound[0] == til) or til == standard,
            )
            for til in apne
        ]

    @staticmethod
    def _skjema(til, soknad, utkastet):
        initial = {"melding": utkastet} if HANDLINGER[til].utkast and utkastet else {}
        return handling_form(til, status=soknad.status, soknadsdato=soknad.soknadsdato, **initial)

    def handling_view(self, request, pk, handling):
        """POST of one case action: refused input is shown again next to its field; otherwise back to the case."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        soknad = get_object_or_404(Soknad, pk=pk)
        if not self.has_view_permission(request, soknad):
            return HttpResponseRedirect(reverse("admin:index"))
        if handling not in HANDLINGER:
            raise Http404(gettext("Ukjent handling."))
        back = HttpResponseRedirect(reverse("admin:soknader_soknad_change", args=[pk]))
        if not request.user.has_perm(BEHANDLE_SOKNAD):
            self.message_user(request, transitions.IKKE_SAKSBEHANDLER, messages.ERROR)
            return back
        if HANDLINGER[handling].utkast and "utkast" in request.POST:
            return self._utkast(request, soknad, handling)
        return self._utfor(request, soknad, handling) or back

    def _utfor(self, request, soknad, handling):
        """Check the form and do the action (or preview its letter); a page to show, or None: back to the case."""
        rad = HANDLINGER[handling]
        form = handling_form(handling, request.POST, soknadsdato=soknad.soknadsdato)
        if not form.is_valid():
            if "status" in form.errors:  # a page that lost its hidden field: nothing the caseworker can fix there
                self.message_user(request, str(form.errors["status"][0]), messages.ERROR)
                return None
            return self._igjen(request, soknad.pk, handling, form)
        if rad.vedtak and "forhandsvis" in request.POST:
            return self._vedtak_preview(request, soknad, handling, form)
        try:
            rad.service(
                soknad=soknad,
                bruker=request.user,
                expected_status=form.cleaned_data["status"],
                **rad.argumenter(form.cleaned_data),
            )
        except errors.TransitionRefused as refused:
            self.message_user(request, refused.melding, messages.ERROR)
        else:
            self.message_user(request, self._ferdig(rad, soknad.pk), messages.SUCCESS)
        return None

    def _igjen(self, request, pk, handling, form):
        """The case again with this form open (its errors and input, or a draft); as a GET, so the admin renders,
        not saves."""
        as_get = copy.copy(request)
        as_get.method = "GET"
        return self.change_view(as_get, str(pk), extra_context={"bound_form": (handling, form)})

    def _utkast(self, request, soknad, handling):
        """The letter drafted from the findings, in the applicant's language, in the form to edit before sending."""
        tekst = anmodningsbrev.anmodning_utkast(soknad)
        if not tekst:
            self.message_user(request, gettext("Søknaden har ingen mangler å lage utkast fra."), messages.INFO)
        form = handling_form(
            handling,
            status=request.POST.get("status", ""),
            soknadsdato=soknad.soknadsdato,
            melding=tekst or request.POST.get("melding", ""),
        )
        return self._igjen(request, soknad.pk, handling, form)

    def _ferdig(self, rad, pk):
        """Done; after a decision, the way on to the next case."""
        if not rad.vedtak:
            return rad.ferdig
        neste = reverse("admin:soknader_soknad_neste") + f"?fra={pk}"
        return format_html('{} <a href="{}" id="sb-neste-sak">{}</a>', rad.ferdig, neste, gettext("Neste sak →"))

    def _vedtak_preview(self, request, soknad, handling, form):
        """The decision letter as it will be sent, with the form's values carried on to "Send vedtaket"."""
        preview = saksbehandling.vedtak_preview(
            soknad=soknad,
            til=handling,
            vedtaksdato=form.cleaned_data["vedtaksdato"],
            begrunnelse=form.cleaned_data.get("begrunnelse", ""),
            tidligere_fra=form.cleaned_data.get("tidligere_fra"),
            tidligere_begrunnelse=form.cleaned_data.get("tidligere_begrunnelse", ""),
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": soknad,
            "title": gettext("Forhåndsvis vedtaksbrevet: %(soknad)s") % {"soknad": soknad},
            "handling": handling,
            "form": form,
            "brev": dokumenter.vedtaksbrev_html(preview, dokument=False),
        }
        return TemplateResponse(request, "admin/soknader/soknad/vedtak_forhandsvisning.html", context)
