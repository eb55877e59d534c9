"""The ALIS-kontor's view of its own region (login, scoped by soknader's selectors)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from drift.shortcuts import or_404
from soknader import selectors as soknad_selectors
from soknader.choices import Spesialitet


def _region_or_403(request):
    helseregion = soknad_selectors.region_for_bruker(bruker=request.user)
    if helseregion is None:
        raise PermissionDenied(gettext("Du er ikke knyttet til et ALIS-kontor."))
    return helseregion


@login_required
@require_GET
def region(request: HttpRequest) -> HttpResponse:
    helseregion = _region_or_403(request)
    spesialitet = request.GET.get("spesialitet", "")
    soknader = soknad_selectors.soknader_for_region(helseregion=helseregion)
    if spesialitet in Spesialitet.values:
        soknader = soknader.filter(spesialitet=spesialitet)
    else:
        spesialitet = ""
    return render(
        request,
        "oversikt/region.html",
        {
            "helseregion": helseregion,
            "soknader": soknader,
            "spesialitet": spesialitet,
            "spesialiteter": Spesialitet.choices,
        },
    )


@login_required
@require_GET
def region_soknad(request: HttpRequest, pk: int) -> HttpResponse:
    helseregion = _region_or_403(request)
    soknad = or_404(
        soknad_selectors.soknad_for_region, gettext("Fant ikke søknaden i din region."), helseregion=helseregion, pk=pk
    )
    return render(
        request,
        "oversikt/region_soknad.html",
        {
            "helseregion": helseregion,
            "soknad": soknad,
            "historikk": soknad.historikk.all(),
            "antall_arenaer": soknad.laeringsarenaer.count(),
        },
    )
