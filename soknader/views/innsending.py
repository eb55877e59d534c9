"""Sending: check answers and submit, the receipt, the answer to an anmodning, withdrawing, deleting a draft."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from .. import selectors
from ..services import errors, innsending, utkast
from . import status
from .common import soknad_eller_404


@login_required
@require_http_methods(["GET", "POST"])
def se_over(request, pk):
    soknad = soknad_eller_404(request, pk)
    if request.method == "POST":
        try:
            soknad = innsending.soknad_submit(soknad=soknad, bruker=request.user, sprak=translation.get_language())
        except errors.NotEditable:
            messages.error(request, gettext("Søknaden er allerede sendt inn."))
        except errors.SubmitRefused:
            messages.error(
                request, gettext("Søknaden kan ikke sendes inn før alle delene er fullført. Se hva som mangler under.")
            )
        else:
            return redirect("soknader:kvittering", soknad.pk)
    if not soknad.er_redigerbar:  # sent: the page says where the case stands, the answers read-only below
        return status.status_side(request, soknad)
    return render(request, "soknader/se_over.html", status.svar_kontekst(soknad, request.path))


@login_required
def kvittering(request, pk):
    soknad = soknad_eller_404(request, pk)
    innsending = selectors.innsendinger_for_soknad(soknad=soknad).filter(pdf_storrelse__gt=0).first()
    return render(
        request,
        "soknader/kvittering.html",
        {
            "soknad": soknad,
            "pdf_venter": selectors.pdf_venter(soknad=soknad),
            "innsending": innsending,
            # sent in again: a second submission (history rows also record assignments and assessments)
            "pa_nytt": selectors.innsendinger_for_soknad(soknad=soknad).count() > 1,
            "behandlingstid_uker": settings.SOKNAD_BEHANDLINGSTID_UKER,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def slett_utkast(request, pk):
    soknad = soknad_eller_404(request, pk)
    if request.method == "POST":
        try:
            utkast.utkast_delete(soknad=soknad)
        except errors.NotEditable:
            messages.error(request, gettext("Bare utkast som aldri er sendt inn, kan slettes."))
            return redirect("soknader:oppgaver", soknad.pk)
        messages.success(request, gettext("Utkastet er slettet."))
        return redirect("soknader:mine")
    return render(request, "soknader/slett_utkast.html", {"soknad": soknad})


@login_required
@require_http_methods(["GET", "POST"])
def trekk(request, pk):
    soknad = soknad_eller_404(request, pk)
    if request.method == "POST":
        try:
            innsending.soknad_withdraw(soknad=soknad, bruker=request.user, melding=request.POST.get("melding", ""))
        except errors.TransitionRefused as refused:
            messages.error(request, refused.melding)
        else:
            messages.success(request, gettext("Søknaden er trukket."))
        return redirect("soknader:se_over", soknad.pk)
    return render(request, "soknader/trekk.html", {"soknad": soknad})
