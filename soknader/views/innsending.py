"""Sending: check answers and submit, the receipt, the answer to an anmodning, withdrawing, deleting a draft."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from laeringsmal.tolking import dekning_kontekst, katalog_for_soknad

from .. import sections, selectors, skjema
from ..choices import Seksjon
from ..forms import SvarForm
from ..regler import status as statusregler
from ..regler.vurdering import vurder
from ..services import dialogue, draft, errors, submission
from .common import dokumenter_kontekst, feil_i_skjema, seksjon_url, soknad_eller_404


@login_required
@require_http_methods(["GET", "POST"])
def se_over(request, pk):
    soknad = soknad_eller_404(request, pk)
    arenaer = selectors.arenaer_for_soknad(soknad=soknad)
    if request.method == "POST":
        try:
            soknad = submission.soknad_submit(soknad=soknad, bruker=request.user, sprak=translation.get_language())
        except errors.NotEditable:
            messages.error(request, gettext("Søknaden er allerede sendt inn."))
        except errors.SubmitRefused:
            messages.error(
                request, gettext("Søknaden kan ikke sendes inn før alle delene er fullført. Se hva som mangler under.")
            )
        else:
            return redirect("soknader:kvittering", soknad.pk)
    katalog = katalog_for_soknad(soknad.soknadsdato)
    vurdering = vurder(soknad=soknad, arenaer=arenaer, katalog=katalog)
    problemer = vurdering.problemer
    kontekst = sections.context(soknad)
    svar = [
        (seksjon, seksjon_url(soknad, seksjon), sections.answers(soknad, del_, kontekst), problemer[seksjon])
        for seksjon, del_ in skjema.SEKSJONER.items()
    ]
    svar[0][2][:0] = [
        (gettext("Virksomhet"), soknad.virksomhet.navn),
        (gettext("Organisasjonsnummer"), soknad.virksomhet.organisasjonsnummer_formatert),
        (gettext("Spesialitet"), soknad.get_spesialitet_display()),
    ]
    return render(
        request,
        "soknader/se_over.html",
        {
            "soknad": soknad,
            "svar": svar,
            "arenaproblemer": problemer[Seksjon.LAERINGSARENAER],
            "arenaer": [
                (a, sections.answers(a, skjema.LAERINGSARENA, None), sections.arena_problems(a)) for a in arenaer
            ],
            "antall_ufullstendige": sum(1 for p in problemer.values() if p),
            **dekning_kontekst(arenaer, soknad.spesialitet, katalog, soknad.soknadsdato),
            "mangler": vurdering.mangler,
            "kan_trekkes": statusregler.kan_trekkes(soknad.status),
            "kan_sendes": vurdering.kan_sendes and soknad.er_redigerbar,
            **dokumenter_kontekst(soknad),
        },
    )


@login_required
def kvittering(request, pk):
    soknad = soknad_eller_404(request, pk)
    return render(
        request, "soknader/kvittering.html", {"soknad": soknad, "pdf_venter": selectors.pdf_venter(soknad=soknad)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def slett_utkast(request, pk):
    soknad = soknad_eller_404(request, pk)
    if request.method == "POST":
        try:
            draft.soknad_delete_draft(soknad=soknad)
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
            submission.soknad_withdraw(soknad=soknad, bruker=request.user, melding=request.POST.get("melding", ""))
        except errors.TransitionRefused as refused:
            messages.error(request, refused.melding)
        else:
            messages.success(request, gettext("Søknaden er trukket."))
        return redirect("soknader:se_over", soknad.pk)
    return render(request, "soknader/trekk.html", {"soknad": soknad})


@login_required
@require_http_methods(["GET", "POST"])
def svar(request, pk):
    """The applicant's answer to an anmodning (words and PDFs); shown again with the error next to the field."""
    soknad = soknad_eller_404(request, pk)
    if request.method == "GET":  # the form lives on the application's page
        return redirect(reverse("soknader:se_over", args=[soknad.pk]) + "#dialog")
    form = SvarForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            dialogue.soknad_answer(
                soknad=soknad,
                bruker=request.user,
                tekst=form.cleaned_data["tekst"],
                vedlegg=form.cleaned_data["vedlegg"],
                sprak=translation.get_language(),
            )
        except errors.NotEditable:
            messages.error(request, gettext("Søknaden venter ikke på svar fra deg nå."))
            return redirect("soknader:se_over", soknad.pk)
        except ValidationError as error:
            feil_i_skjema(form, error)
        else:
            messages.success(
                request,
                gettext(
                    "Svaret er sendt til Helsedirektoratet. Gjør eventuelle endringer, og send søknaden inn på nytt."
                ),
            )
            return redirect(reverse("soknader:se_over", args=[soknad.pk]) + "#dialog")
    messages.error(request, gettext("Svaret ble ikke sendt. Se feilen under."))
    arenaer = selectors.arenaer_for_soknad(soknad=soknad)
    return render(
        request,
        "soknader/svar.html",
        {"soknad": soknad, "arenaer": arenaer, **dokumenter_kontekst(soknad, svar_form=form)},
        status=400,
    )
