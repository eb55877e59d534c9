"""The ALIS-kontor view of its own region (login, scoped by the helseregion of the user's Regiontilgang).

The office helps the region's kommuner with their applications, so it sees each application's status, findings
and contact persons (docs/personvern.md), and which kommuner have not applied. Another region's rows are never read:
every query starts from the user's own helseregion.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from drift.shortcuts import or_404
from soknader import selectors as soknad_selectors
from soknader.choices import Spesialitet

from .. import region_eksport
from .. import region_selectors as selectors


def _region_or_403(request):
    helseregion = soknad_selectors.region_for_bruker(bruker=request.user)
    if helseregion is None:
        raise PermissionDenied(gettext("Du er ikke knyttet til et ALIS-kontor."))
    return helseregion


def _context(helseregion, filter: selectors.Regionfilter, **extra) -> dict:
    """What both tabs show: the filter, the links that keep it, and the count of each tab (one query each)."""
    return {
        "helseregion": helseregion,
        "filter": filter,
        "spesialiteter": Spesialitet.choices,
        "statusgrupper": [(verdi, tittel) for verdi, tittel, _s in selectors.STATUSGRUPPER],
        "mangelvalg": selectors.MANGELVALG,
        "query": urlencode(filter.query()),
        "spesialitet_query": urlencode({"spesialitet": filter.spesialitet} if filter.spesialitet else {}),
        "ikke_sokt_spesialitet": Spesialitet(filter.ikke_sokt_spesialitet).label,
        **extra,
    }


@login_required
@require_GET
def region(request: HttpRequest) -> HttpResponse:
    helseregion = _region_or_403(request)
    filter = selectors.Regionfilter.fra_query(request.GET)
    soknader = list(selectors.soknader_filtered(helseregion=helseregion, filter=filter))
    antall_ikke_sokt = selectors.kommuner_uten_soknad(
        helseregion=helseregion, spesialitet=filter.ikke_sokt_spesialitet
    ).count()
    return render(
        request,
        "oversikt/region.html",
        _context(
            helseregion, filter, soknader=soknader, antall_soknader=len(soknader), antall_ikke_sokt=antall_ikke_sokt
        ),
    )


@login_required
@require_GET
def region_ikke_sokt(request: HttpRequest) -> HttpResponse:
    """The region's kommuner that have not applied for the chosen specialty (allmennmedisin when none is chosen)."""
    helseregion = _region_or_403(request)
    filter = selectors.Regionfilter(spesialitet=selectors.Regionfilter.fra_query(request.GET).spesialitet)
    kommuner = list(selectors.kommuner_uten_soknad(helseregion=helseregion, spesialitet=filter.ikke_sokt_spesialitet))
    antall_soknader = selectors.soknader_filtered(helseregion=helseregion, filter=filter).count()
    return render(
        request,
        "oversikt/region_ikke_sokt.html",
        _context(
            helseregion, filter, kommuner=kommuner, antall_soknader=antall_soknader, antall_ikke_sokt=len(kommuner)
        ),
    )


@login_required
@require_GET
def region_ikke_sokt_csv(request: HttpRequest) -> HttpResponse:
    """The kommuner that have not applied for the chosen specialty, as CSV."""
    helseregion = _region_or_403(request)
    spesialitet = selectors.Regionfilter.fra_query(request.GET).ikke_sokt_spesialitet
    kommuner = list(selectors.kommuner_uten_soknad(helseregion=helseregion, spesialitet=spesialitet))
    return region_eksport.kommuner_csv_response(kommuner, helseregion, spesialitet)


def _eksport(request: HttpRequest, lag) -> HttpResponse:
    helseregion = _region_or_403(request)
    filter = selectors.Regionfilter.fra_query(request.GET)
    return lag(list(selectors.soknader_filtered(helseregion=helseregion, filter=filter)), helseregion)


@login_required
@require_GET
def region_csv(request: HttpRequest) -> HttpResponse:
    """The region's list with the page's filter, as CSV."""
    return _eksport(request, region_eksport.csv_response)


@login_required
@require_GET
def region_xlsx(request: HttpRequest) -> HttpResponse:
    """The region's list with the page's filter, as XLSX."""
    return _eksport(request, region_eksport.xlsx_response)


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
