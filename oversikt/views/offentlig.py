"""Thin views of the public overview (no login): the page, and the regional figures as CSV, XLSX and JSON."""

from io import BytesIO
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from soknader.choices import Spesialitet
from soknader.exports import csv_writer

from .. import diagram, figurcache, selectors

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


def _lenker(spesialitet: Spesialitet, filter_: dict[str, str]) -> list[dict]:
    """One link per specialty, keeping the kommune filter."""
    filter_ = {k: v for k, v in filter_.items() if v}
    return [
        {"spesialitet": s, "aktiv": s == spesialitet, "query": urlencode({"spesialitet": s.value, **filter_})}
        for s in Spesialitet
    ]


MAKS_SOK = 100  # characters of a search kept (no kommune name is near it)


def _nokkel(versjon: str, spesialitet: Spesialitet, helseregion: str, fylke: str, status: str) -> str:
    """The cache key of one variant of the figures; without a status filter the key the page has always had."""
    return figurcache.nokkel(versjon, spesialitet.value, helseregion, fylke, *([status] if status else []))


def _kommunefilter(request: HttpRequest, fylker: list) -> dict[str, str]:
    """The kommune list's filter from the query string; an unknown value means no filter (an old bookmark shows every
    kommune instead of an error)."""
    return {
        "helseregion": _valid(request.GET.get("helseregion", ""), {f.helseregion.kode for f in fylker}),
        "fylke": _valid(request.GET.get("fylke", ""), {f.nummer for f in fylker}),
        "status": _valid(request.GET.get("status", ""), {verdi for verdi, *_ in selectors.STATUSFILTER}),
        "q": request.GET.get("q", "").strip()[:MAKS_SOK],
    }


def _rask_nokkel(request: HttpRequest, versjon: str, spesialitet: Spesialitet) -> str:
    """The cache key of the page as asked for, before the filter is checked (no query for the fylker)."""
    valgt = (request.GET.get(felt, "") for felt in ("helseregion", "fylke", "status"))
    return _nokkel(versjon, spesialitet, *valgt)


@require_GET
def oversikt(request: HttpRequest) -> HttpResponse:
    """The figures come from the shared cache while no application has changed (two small queries); otherwise they
    are computed and rendered once, and kept for every visitor of every instance. A search by name is computed for
    the visitor and not kept (free text would fill the cache)."""
    spesialitet = _spesialitet(request)
    versjon = figurcache.versjon()
    sok = request.GET.get("q", "").strip()
    innhold = None if sok else cache.get(_rask_nokkel(request, versjon, spesialitet))
    if innhold is None:
        fylker = selectors.fylker()
        filter_ = _kommunefilter(request, fylker)
        nokkel = _nokkel(versjon, spesialitet, filter_["helseregion"], filter_["fylke"], filter_["status"])
        innhold = None if sok else cache.get(nokkel)
        if innhold is None:
            innhold = _figurene(spesialitet, fylker, filter_)
            if not sok:
                cache.set(nokkel, innhold, timeout=figurcache.LEVETID)
    return render(
        request,
        "oversikt/oversikt.html",
        {"spesialitet": spesialitet, "innhold": innhold, "tidspunkt": timezone.localtime()},
    )


def _kommunene(spesialitet: Spesialitet, filter_: dict[str, str]) -> list[selectors.Kommunestatus]:
    kommuner = selectors.kommune_statuses(spesialitet, helseregion=filter_["helseregion"], fylke=filter_["fylke"])
    return selectors.filter_kommuner(kommuner, status=filter_["status"], sok=filter_["q"])


def _figurene(spesialitet: Spesialitet, fylker: list, filter_: dict[str, str]) -> str:
    """The figures and the kommune list, rendered (the same for every visitor: no request, no user)."""
    tall = selectors.region_figures(spesialitet)
    valgt = {k: v for k, v in filter_.items() if v}
    return render_to_string(
        "oversikt/_innhold.html",
        {
            "spesialitet": spesialitet,
            "spesialiteter": _lenker(spesialitet, filter_),
            "tall": tall,
            "kolonner": selectors.KOLONNER,
            "diagram": diagram.bar_chart(tall.regioner),
            "diagramdeler": diagram.DIAGRAMDELER,
            "fylker_per_region": selectors.fylker_by_region(tall.regioner, fylker),
            "statusfilter": selectors.STATUSFILTER,
            "valgt_helseregion": filter_["helseregion"],
            "valgt_fylke": filter_["fylke"],
            "valgt_status": filter_["status"],
            "sok": filter_["q"],
            "filter_query": urlencode({"spesialitet": spesialitet.value, **valgt}),
            "kommuner": _kommunene(spesialitet, filter_),
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
def kommuner_csv(request: HttpRequest) -> HttpResponse:
    """The kommune list as shown, with the same filter and search."""
    spesialitet = _spesialitet(request)
    kommuner = _kommunene(spesialitet, _kommunefilter(request, selectors.fylker()))
    filnavn = f"asa-kommuner-{spesialitet.value.lower()}-{timezone.localdate():%Y-%m-%d}.csv"
    response = _vedlegg("", "text/csv; charset=utf-8", filnavn)
    writer = csv_writer(response)
    writer.writerow(
        [gettext("Kommunenummer"), gettext("Kommune"), gettext("Fylke"), gettext("Helseregion"), gettext("Status")]
        + [gettext("Registrert fra"), gettext("Midlertidig registrert fra")]
    )
    for k in kommuner:
        writer.writerow(
            [k.nummer, k.navn, k.fylke, k.helseregion, k.status_tekst, k.registrert_fra or "", k.midlertidig_fra or ""]
        )
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
