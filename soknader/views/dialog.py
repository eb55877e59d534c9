"""Answering the directorate: one page with the anmodning, the changes it asks for, the message and attachments,
and one button that sends the answer and the updated application together («Send svar og oppdatert søknad")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .. import seksjoner, selectors
from ..choices import Seksjon, Status
from ..forms import SvarForm
from ..regler import status as statusregler
from ..services import dialog, errors, innsending
from .common import feil_i_skjema, seksjon_url, soknad_eller_404

VENTER_IKKE = _("Søknaden venter ikke på svar fra deg nå.")
SVAR_BEHOLDT = _(
    "Svaret ditt er sendt til Helsedirektoratet, men søknaden er ikke sendt inn på nytt ennå. "
    "Gjør ferdig det som står under «Dette gjenstår», og trykk «Send svar og oppdatert søknad» igjen."
)


@login_required
@require_http_methods(["GET", "POST"])
def svar(request, pk):
    """The answer page. POST: the answer is kept (if there is one), then the application is sent in again; what
    stops it is shown on this page, next to the button that sends it."""
    soknad = soknad_eller_404(request, pk)
    if not statusregler.kan_svare(soknad.status):
        messages.info(request, VENTER_IKKE)
        return redirect("soknader:oppgaver", soknad.pk)
    form = SvarForm(request.POST or None, request.FILES or None, besvart=soknad.status == Status.SVAR_MOTTATT)
    if request.method == "POST":
        if form.is_valid() and _svar_lagret(request, soknad, form):
            return _send_inn(request, soknad)
        return _side(request, soknad, form, status=400)
    return _side(request, soknad, form)


def _svar_lagret(request, soknad, form) -> bool:
    """Keep the answer (words, files), unless the applicant answered before and adds nothing now. False when the
    service refused it: the form then carries the error."""
    tekst, vedlegg = form.cleaned_data["tekst"], form.cleaned_data["vedlegg"]
    if soknad.status == Status.SVAR_MOTTATT and not tekst.strip() and not vedlegg:
        return True
    try:
        dialog.soknad_answer(
            soknad=soknad, bruker=request.user, tekst=tekst, vedlegg=vedlegg, sprak=translation.get_language()
        )
    except errors.NotEditable:
        form.add_error(None, VENTER_IKKE)
        return False
    except ValidationError as error:
        feil_i_skjema(form, error)
        return False
    return True


def _send_inn(request, soknad):
    """Send the updated application in; if it cannot be yet, back to the answer page, which says what remains."""
    try:
        innsending.soknad_submit(soknad=soknad, bruker=request.user, sprak=translation.get_language())
    except errors.SubmitRefused:
        messages.warning(request, SVAR_BEHOLDT)
        return redirect(reverse("soknader:svar", args=[soknad.pk]) + "#gjenstar")
    except errors.NotEditable:
        messages.info(request, VENTER_IKKE)
        return redirect("soknader:oppgaver", soknad.pk)
    messages.success(request, gettext("Svaret og den oppdaterte søknaden er sendt til Helsedirektoratet."))
    return redirect("soknader:kvittering", soknad.pk)


def _side(request, soknad, form, status: int = 200):
    soknad.refresh_from_db()
    arenaer = selectors.arenaer_for_soknad(soknad=soknad)
    statuser = seksjoner.statuses(soknad, arenaer)
    problemer = seksjoner.problems(soknad, arenaer)
    her = reverse("soknader:svar", args=[soknad.pk])
    return render(
        request,
        "soknader/svar.html",
        {
            "soknad": soknad,
            "form": form,
            "meldinger": selectors.meldinger_for_soknad(soknad=soknad),
            "seksjoner": [(s, statuser[s], f"{seksjon_url(soknad, s)}?neste={her}") for s in Seksjon],
            "gjenstar": [
                (Seksjon(s), f"{seksjon_url(soknad, s)}?neste={her}", melding)
                for s, feil in problemer.items()
                for melding in feil.values()
            ],
        },
        status=status,
    )
