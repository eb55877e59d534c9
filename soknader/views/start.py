"""Starting: the søker's applications, a new application, a copy of one."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from drift.limits import hit

from .. import selectors, skjema
from ..choices import Seksjon, Spesialitet
from ..forms import KopierForm, StartForm
from ..regler import hvem
from ..regler.status import AVSLUTTEDE_STATUSER
from ..services import utkast
from ..services.errors import AlreadyApplied
from .common import feil_i_skjema, soknad_eller_404

FOR_MANGE_STARTER = _("Du har startet mange søknader på kort tid. Vent et minutt og prøv igjen.")


@login_required
def mine_soknader(request):
    return render(
        request,
        "soknader/mine_soknader.html",
        {
            "soknader": selectors.soknader_for_bruker(bruker=request.user),
            "virksomheter": selectors.virksomheter_for_bruker(bruker=request.user),
            "helseregion": selectors.region_for_bruker(bruker=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ny_soknad(request):
    virksomheter = list(selectors.virksomheter_for_bruker(bruker=request.user))
    form = StartForm(request.POST or None, virksomheter=virksomheter)
    status = 200
    # starts per user are counted in the database, so the limit holds across workers and instances
    if (
        request.method == "POST"
        and form.is_valid()
        and hit("soknad-start", hvem=request.user.pk, grense=settings.SOKNAD_START_RATE_LIMIT, vindu=60)
    ):
        form.add_error(None, FOR_MANGE_STARTER)
        status = 429
    if request.method == "POST" and form.is_valid():
        try:
            soknad = utkast.soknad_create(bruker=request.user, sprak=translation.get_language(), **form.cleaned_data)
        except ValidationError as error:
            feil_i_skjema(form, error)
        except AlreadyApplied as finnes:
            form.add_error("spesialitet", _finnes_allerede(finnes))
        else:
            _start_meldinger(request, soknad)
            return redirect("soknader:oppgaver", soknad.pk)
    godkjenning = [  # ARB from a hospital or STAMI: they may seek godkjenning instead (told, not blocked)
        merknad
        for v in virksomheter
        if (merknad := hvem.godkjenning_i_stedet(spesialitet="ARB", navn=v.navn, organisasjonsform=v.organisasjonsform))
    ]
    return render(
        request,
        "soknader/ny_soknad.html",
        {
            "form": form,
            "virksomheter": virksomheter,
            "godkjenning": godkjenning,
            "godkjenning_url": hvem.GODKJENNING_URL,
        },
        status=status,
    )


def _finnes_allerede(finnes: AlreadyApplied) -> str:
    """The start form's message for an open application of the same specialty, with a link to it."""
    url = reverse("soknader:oppgaver", args=[finnes.soknad.pk])
    if finnes.samtidig:
        return format_html(
            gettext('Søknaden ble nettopp opprettet av en annen. <a href="{url}">Gå til søknaden</a>.'), url=url
        )
    return format_html(
        gettext('{navn} har allerede en søknad om {spesialitet}. <a href="{url}">Gå til søknaden</a>.'),
        navn=finnes.soknad.virksomhet.navn,
        spesialitet=finnes.soknad.get_spesialitet_display().lower(),
        url=url,
    )


KONKURS = _("Enhetsregisteret sier at %(navn)s er konkurs. Helsedirektoratet vil se på dette når søknaden behandles.")
UNDER_AVVIKLING = _(
    "Enhetsregisteret sier at %(navn)s er under avvikling. Helsedirektoratet vil se på dette når søknaden behandles."
)


def _start_meldinger(request, soknad) -> None:
    """What the søker should know about a new application: how to go on, and what the registry says."""
    messages.success(request, gettext("Søknaden er opprettet. Du kan fylle ut delene i den rekkefølgen du vil."))
    virksomhet = soknad.virksomhet
    merknad = hvem.godkjenning_i_stedet(
        spesialitet=soknad.spesialitet, navn=virksomhet.navn, organisasjonsform=virksomhet.organisasjonsform
    )
    if merknad:
        messages.info(request, merknad)
    if virksomhet.konkurs or virksomhet.under_avvikling:
        melding = KONKURS if virksomhet.konkurs else UNDER_AVVIKLING
        messages.warning(request, melding % {"navn": virksomhet.navn})
    if not virksomhet.navn_verifisert:
        messages.info(
            request,
            gettext(
                "Vi fikk ikke bekreftet navnet i Enhetsregisteret nå. Vi bruker navnet fra "
                "Altinn, og prøver igjen senere."
            ),
        )


@login_required
@require_http_methods(["GET", "POST"])
def kopier(request, pk):
    """Start a new application of the same organisation from this one (e.g. SAM from ALM)."""
    kilde = soknad_eller_404(request, pk)
    arenaer = selectors.arenaer_for_soknad(soknad=kilde)
    apne = set(
        selectors.soknader_for_bruker(bruker=request.user)
        .filter(virksomhet=kilde.virksomhet)
        .exclude(status__in=AVSLUTTEDE_STATUSER)
        .values_list("spesialitet", flat=True)
    )
    spesialiteter = [s for s in Spesialitet.values if s not in apne and hvem.kan_soke(s, kilde.virksomhet.er_kommune)]
    form = KopierForm(
        request.POST or None,
        spesialiteter=spesialiteter,
        seksjoner=[(s, Seksjon(s).label) for s in skjema.SEKSJONER],
        arenaer=arenaer,
    )
    if request.method == "POST" and form.is_valid():
        try:
            ny = utkast.soknad_copy(
                bruker=request.user,
                kilde=kilde,
                spesialitet=form.cleaned_data["spesialitet"],
                seksjoner=form.cleaned_data["seksjoner"],
                arenaer=[int(a) for a in form.cleaned_data["arenaer"]],
                sprak=translation.get_language(),
            )
        except ValidationError as error:
            feil_i_skjema(form, error)
        else:
            nye = selectors.arenaer_for_soknad(soknad=ny)
            passer_ikke = [a for a in nye if a.laeringsmal_feil]
            messages.success(
                request,
                gettext(
                    "Søknaden om %(ny)s er opprettet som kopi av søknaden om %(kilde)s. Se over alle delene før du "
                    "sender inn."
                )
                % {"ny": ny.get_spesialitet_display().lower(), "kilde": kilde.get_spesialitet_display().lower()},
            )
            if passer_ikke:
                messages.warning(
                    request,
                    gettext(
                        "Læringsmålene er lest på nytt for %(spesialitet)s. På %(antall)s av %(alle)s læringsarenaer "
                        "er det deler som ikke passer: se «Læringsarenaer»."
                    )
                    % {
                        "spesialitet": ny.get_spesialitet_display().lower(),
                        "antall": len(passer_ikke),
                        "alle": len(nye),
                    },
                )
            return redirect("soknader:oppgaver", ny.pk)
    return render(
        request,
        "soknader/kopier.html",
        {"kilde": kilde, "form": form, "arenaer": arenaer, "spesialiteter": spesialiteter},
    )
