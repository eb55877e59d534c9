"""Thin views of the public overview (no login): the page, and the regional figures as CSV and XLSX; and the
ALIS-kontor's view of its own region (login, scoped by soknader's selectors)."""

from io import BytesIO
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from drift.shortcuts import or_404
from soknader import selectors as soknad_selectors
from soknader.choices import Spesialitet
from soknader.exports import csv_writer

from . import diagram, figurcache, selectors

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The machine-readable names (regioner.json's keys, stable for programs) and the headers people read in the
# CSV and XLSX, in the same order.
EKSPORTKOLONNER = ["helseregion", "spesialitet", *(felt for felt, _tittel in selectors.KOLONNER)]
EKSPORTTITLER = [_("Helseregion"), _("Spesialitet"), *(tittel for _felt, tittel in selectors.KOLONNER)]


def _spesialitet(request: HttpRequest) -> Spesialitet:
    verdi = request.GET.get("spesialitet") or Spesialitet.ALM
    if verdi not in Spesialitet.values:
        raise Http404(gettext("Ukjent spesialitet."))
    return Spesialitet(verdi)


def _valid(verdi: str, lovlige: set[str]) -> str:
    """A filter value we know, or "" (no filter): an old bookmark shows every kommune instead of an error."""
    return verdi if verdi in lovlige else ""


def _lenker(spesialitet: Spesialitet, helseregion: str, fylke: str) -> list[dict]:
    """One link per specialty, keeping the kommune filter."""
    filter_ = {k: v for k, v in (("helseregion", helseregion), ("fylke", fylke)) if v}
    return [
        {"spesialitet": s, "aktiv": s == spesialitet, "query": urlencode({"spesialitet": s.value, **filter_})}
        for s in Spesialitet
    ]


@require_GET
def oversikt(request: HttpRequest) -> HttpResponse:
    """The figures come from the shared cache while no application has changed (two small queries); otherwise they
    are computed and rendered once, and kept for every visitor of every instance."""
    spesialitet = _spesialitet(request)
    valgt = (request.GET.get("helseregion", ""), request.GET.get("fylke", ""))
    versjon = figurcache.versjon()
    innhold = cache.get(figurcache.nokkel(versjon, spesialitet.value, *valgt))
    if innhold is None:
        # an unknown filter shows every kommune: look up the page of the filter actually shown before computing
        fylker = selectors.fylker()
        helseregion = _valid(valgt[0], {f.helseregion.kode for f in fylker})
        fylke = _valid(valgt[1], {f.nummer for f in fylker})
        nokkel = figurcache.nokkel(versjon, spesialitet.value, helseregion, fylke)
        if (helseregion, fylke) != valgt:
            innhold = cache.get(nokkel)
        if innhold is None:
            innhold = _figurene(spesialitet, fylker, helseregion, fylke)
            cache.set(nokkel, innhold, timeout=figurcache.LEVETID)
    return render(
        request,
        "oversikt/oversikt.html",
        {"spesialitet": spesialitet, "innhold": innhold, "tidspunkt": timezone.localtime()},
    )


def _figurene(spesialitet: Spesialitet, fylker: list, helseregion: str, fylke: str) -> str:
    """The figures and the kommune list, rendered (the same for every visitor: no request, no user)."""
    tall = selectors.region_figures(spesialitet)
    helseregion = _valid(helseregion, {r.kode for r in tall.regioner})
    return render_to_string(
        "oversikt/_innhold.html",
        {
            "spesialitet": spesialitet,
            "spesialiteter": _lenker(spesialitet, helseregion, fylke),
            "tall": tall,
            "kolonner": selectors.KOLONNER,
            "diagram": diagram.bar_chart(tall.regioner),
            "diagramdeler": diagram.DIAGRAMDELER,
            "fylker_per_region": selectors.fylker_by_region(tall.regioner, fylker),
            "valgt_helseregion": helseregion,
            "valgt_fylke": fylke,
            "kommuner": selectors.kommune_statuses(spesialitet, helseregion=helseregion, fylke=fylke),
            "antall_kommuner": tall.hele_landet.kommuner,
        },
    )


def _eksportrader(spesialitet: Spesialitet) -> list[list]:
    tall = selectors.region_figures(spesialitet)
    return [
        [rad.helseregion, spesialitet.value, *(getattr(rad, felt) for felt, _tittel in selectors.KOLONNER)]
        for rad in tall.rader
    ]


def _filnavn(spesialitet: Spesialitet, filtype: str) -> str:
    return f"asa-regioner-{spesialitet.value.lower()}-{timezone.localdate():%Y-%m-%d}.{filtype}"


def _vedlegg(innhold: bytes | str, content_type: str, filnavn: str) -> HttpResponse:
    return HttpResponse(
        innhold,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(as_attachment=True, filename=filnavn)},
    )


@require_GET
def regioner_csv(request: HttpRequest) -> HttpResponse:
    spesialitet = _spesialitet(request)
    response = _vedlegg("", "text/csv; charset=utf-8", _filnavn(spesialitet, "csv"))
    writer = csv_writer(response)  # as Norwegian Excel opens it, like the applications' export
    writer.writerow([str(tittel) for tittel in EKSPORTTITLER])
    writer.writerows(_eksportrader(spesialitet))
    return response


@require_GET
def regioner_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook

    spesialitet = _spesialitet(request)
    arbeidsbok = Workbook()
    ark = arbeidsbok.active
    ark.title = gettext("Regioner %(spesialitet)s") % {"spesialitet": spesialitet.value}
    ark.append([str(tittel) for tittel in EKSPORTTITLER])
    for rad in _eksportrader(spesialitet):
        ark.append(rad)
    ark.freeze_panes = "A2"
    ark.column_dimensions["A"].width = 14
    fil = BytesIO()
    arbeidsbok.save(fil)
    return _vedlegg(fil.getvalue(), XLSX, _filnavn(spesialitet, "xlsx"))


@require_GET
def regioner_json(request: HttpRequest) -> JsonResponse:
    """The same figures for programs: keys that do not change with the language or the wording of the headers."""
    spesialitet = _spesialitet(request)
    rader = [dict(zip(EKSPORTKOLONNER, rad, strict=True)) for rad in _eksportrader(spesialitet)]
    return JsonResponse({"spesialitet": spesialitet.value, "dato": timezone.localdate().isoformat(), "regioner": rader})


# ---- ALIS-kontor: the applications of one's own region, with their findings (no contact persons) ----


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
