"""The task list and the form's sections (all but the arenas)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from tilgang.session import navn_read

from .. import completeness, seksjoner, selectors
from ..choices import Seksjon, Seksjonsstatus
from ..forms import SEKSJON_SKJEMA
from ..regler import hvem
from ..services import errors, utkast
from .common import DELVIS_LAGRET, IKKE_REDIGERBAR, KONFLIKT, neste_fra, seksjon_url, soknad_eller_404
from .status import status_side


@login_required
def oppgaver(request, pk):
    soknad = soknad_eller_404(request, pk)
    if not soknad.er_redigerbar:  # sent: no task list, the page says where the case stands
        return status_side(request, soknad)
    arenaer = selectors.arenaer_for_soknad(soknad=soknad)
    statuser = seksjoner.statuses(soknad, arenaer)
    return render(
        request,
        "soknader/oppgaver.html",
        {
            "soknad": soknad,
            "seksjoner": [(seksjon, statuser[seksjon]) for seksjon in Seksjon],
            "antall_fullfort": sum(s == Seksjonsstatus.FULLFORT for s in statuser.values()),
            "antall_arenaer": len(arenaer),
            "neste_del": next(
                ((s, seksjon_url(soknad, s)) for s in Seksjon if statuser[s] != Seksjonsstatus.FULLFORT), None
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def seksjon(request, pk, seksjon):
    soknad = soknad_eller_404(request, pk, med_omrade=seksjon == Seksjon.VIRKSOMHET)  # it names kommune and region
    if seksjon not in SEKSJON_SKJEMA:
        raise Http404(gettext("Fant ikke denne delen av skjemaet."))
    seksjon = Seksjon(seksjon)
    form_class = SEKSJON_SKJEMA[seksjon]
    kontekst = seksjoner.context(soknad)
    if not soknad.er_redigerbar:
        messages.info(request, IKKE_REDIGERBAR)
        return redirect("soknader:se_over", soknad.pk)
    form = form_class(request.POST or None, instance=soknad, kontekst=kontekst, initial=_forslag(request, soknad))
    if request.method == "POST":
        valid = form.is_valid()
        try:
            soknad = utkast.seksjon_save(
                soknad=soknad,
                seksjon=seksjon,
                values=form.valid_values(),
                expected=form.cleaned_data.get("fingerprint", ""),
            )
        except errors.NotEditable:
            messages.error(request, IKKE_REDIGERBAR)
            return redirect("soknader:se_over", soknad.pk)
        except errors.Conflict as conflict:
            form.show_conflict(conflict.stored)
            messages.error(request, KONFLIKT)
        else:
            if videre := _etter_lagring(request, soknad, seksjon, form, valid=valid):
                return videre
    return render(
        request,
        "soknader/seksjon.html",
        {
            "soknad": soknad,
            "seksjon": seksjon,
            "form": form,
            "kontekst": kontekst,
            "valgfrie_bekreftelser": completeness.valgfrie_bekreftelser(kontekst),
            "neste": neste_fra(request, soknad),
        },
    )


def _etter_lagring(request, soknad, seksjon, form, *, valid: bool):
    """After a section is saved: on to the next page when it is done (or only a draft was saved), else the same
    form again with what it still lacks (nothing the user typed is lost: it was saved). A BHT that answered it is
    not approved by Arbeidstilsynet is told it cannot apply yet (hvem.BHT_KILDE)."""
    if _kan_ikke_soke_enna(soknad):
        return redirect("soknader:kan_ikke_soke", soknad.pk)
    fortsett = "fortsett" in request.POST
    problemer = seksjoner.problemer_i_seksjon(soknad, seksjon)
    if valid and fortsett and not problemer:
        messages.success(request, gettext("«%(del)s» er lagret og fullført.") % {"del": seksjon.label})
        return redirect(neste_fra(request, soknad) or _neste_url(soknad, seksjon))
    if valid and not fortsett:
        messages.success(request, gettext("Utkastet er lagret."))
        return redirect(neste_fra(request, soknad) or reverse("soknader:oppgaver", args=[soknad.pk]))
    form.refresh_fingerprint(soknad)
    if fortsett:
        form.show_problems(problemer)
    if valid:
        messages.warning(request, gettext("Vi har lagret det du skrev, men delen er ikke fullført ennå."))
    else:
        messages.warning(request, DELVIS_LAGRET)
    return None


def _kan_ikke_soke_enna(soknad) -> bool:
    kontekst = seksjoner.context(soknad)
    return hvem.bht_kan_ikke_soke_enna(
        spesialitet=soknad.spesialitet, er_bht=kontekst.er_bht, godkjent=soknad.bht_godkjent_arbeidstilsynet
    )


@login_required
def kan_ikke_soke(request, pk):
    """«Dere kan ikke søke ennå»: why (the guide's rule, with its source), and what to do (the draft is kept)."""
    soknad = soknad_eller_404(request, pk)
    if not _kan_ikke_soke_enna(soknad):
        return redirect("soknader:oppgaver", soknad.pk)
    return render(
        request,
        "soknader/kan_ikke_soke.html",
        {"soknad": soknad, "kilde": hvem.BHT_KILDE, "forskrift_url": hvem.FORSKRIFT_ARBEIDSTILSYNET_URL},
    )


def _forslag(request, soknad) -> dict:
    """The contact person suggested from the logged-in user (name, and e-mail if ID-porten gave one) while the
    application has none: shown in the fields, stored only when the user saves."""
    if soknad.kontaktperson_navn or soknad.kontaktperson_epost:
        return {}
    forslag = {"kontaktperson_navn": navn_read(request), "kontaktperson_epost": request.user.email}
    return {felt: verdi for felt, verdi in forslag.items() if verdi}


def _neste_url(soknad, seksjon) -> str:
    order = list(Seksjon)
    return seksjon_url(soknad, order[order.index(seksjon) + 1])
