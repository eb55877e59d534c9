"""Thin views of the public overview (no login): the page, and the regional figures as CSV, XLSX and JSON.

`?dato=YYYY-MM-DD` on the page and the regional exports gives the table as it was at the end of that date, rebuilt
from the status history (selectors.region_figures_on); without it (or with today's date) the live table.
"""

import datetime as dt
import re
from io import BytesIO
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
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
    """One link per specialty, keeping the kommune filter (and the date)."""
    filter_ = {k: v for k, v in filter_.items() if v}
    return [
        {"spesialitet": s, "aktiv": s == spesialitet, "query": urlencode({"spesialitet": s.value, **filter_})}
        for s in Spesialitet
    ]


MAKS_SOK = 100  # characters of a search kept (no kommune name is near it)
# The first date a table can be asked for: the start of the year the scheme began (the rules for del 2 and 3 came
# into force on 1 March 2019, § 39).
TIDLIGSTE_DATO = dt.date(2019, 1, 1)
ISO_DATO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dato(request: HttpRequest) -> tuple[dt.date | None, str, str]:
    """The date of `?dato=` as (date, the text as given, an error in words). No date, an invalid one and today's
    give None: the live table (today's is the live table)."""
    tekst = request.GET.get("dato", "").strip()[:MAKS_SOK]
    if not tekst:
        return None, "", ""
    try:
        if not ISO_DATO.fullmatch(tekst):
            raise ValueError(tekst)
        dato = dt.date.fromisoformat(tekst)
    except ValueError:
        return None, tekst, gettext("Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2021-01-20.")
    if dato > timezone.localdate():
        return None, tekst, gettext("Datoen kan ikke være etter i dag.")
    if dato < TIDLIGSTE_DATO:
        return None, tekst, gettext("Tallene går tilbake til 1. januar 2019.")
    return (None if dato == timezone.localdate() else dato), tekst, ""


def _nokkel(versjon: str, spesialitet: Spesialitet, helseregion: str, fylke: str, status: str, *datert: str) -> str:
    """The cache key of one variant of the figures (`datert`: a past date's table); without a status filter and a
    date the key the page has always had."""
    return figurcache.nokkel(versjon, spesialitet.value, helseregion, fylke, *([status] if status else []), *datert)


def _kommunefilter(request: HttpRequest, fylker: list) -> dict[str, str]:
    """The kommune list's filter from the query string; an unknown value means no filter (an old bookmark shows every
    kommune instead of an error)."""
    return {
        "helseregion": _valid(request.GET.get("helseregion", ""), {f.helseregion.kode for f in fylker}),
        "fylke": _valid(request.GET.get("fylke", ""), {f.nummer for f in fylker}),
        "status": _valid(request.GET.get("status", ""), {verdi for verdi, *_ in selectors.STATUSFILTER}),
        "q": request.GET.get("q", "").strip()[:MAKS_SOK],
    }


def _rask_nokkel(request: HttpRequest, versjon: str, spesialitet: Spesialitet, *datert: str) -> str:
    """The cache key of the page as asked for, before the filter is checked (no query for the fylker)."""
    helseregion, fylke, status = (request.GET.get(felt, "") for felt in ("helseregion", "fylke", "status"))
    return _nokkel(versjon, spesialitet, helseregion, fylke, status, *datert)


@require_GET
def oversikt(request: HttpRequest) -> HttpResponse:
    """The figures come from the shared cache while no application has changed (two small queries); otherwise they
    are computed and rendered once, and kept for every visitor of every instance. A search by name is computed for
    the visitor and not kept (free text would fill the cache). A table of a past date is kept the same way, under
    the date: the version follows the status history it is rebuilt from (oversikt/apps.py)."""
    spesialitet = _spesialitet(request)
    dato, dato_tekst, dato_feil = _dato(request)
    context = {
        "spesialitet": spesialitet,
        "tidspunkt": timezone.localtime(),
        "dato_tekst": dato_tekst,
        "dato_feil": dato_feil,
        "i_dag": timezone.localdate(),
        "tidligste_dato": TIDLIGSTE_DATO,
        "skjult": {k: request.GET.get(k, "")[:MAKS_SOK] for k in ("helseregion", "fylke", "status", "q")},
    }
    versjon = figurcache.versjon()
    datert = (f"dato:{dato.isoformat()}",) if dato else ()
    sok = request.GET.get("q", "").strip()
    innhold: str | None = None if sok else cache.get(_rask_nokkel(request, versjon, spesialitet, *datert))
    if innhold is None:
        fylker = selectors.fylker()
        filter_ = _kommunefilter(request, fylker)
        nokkel = _nokkel(versjon, spesialitet, filter_["helseregion"], filter_["fylke"], filter_["status"], *datert)
        innhold = None if sok else cache.get(nokkel)
        if innhold is None:
            innhold = _figurene(spesialitet, fylker, filter_, dato=dato)
            if not sok:
                cache.set(nokkel, innhold, timeout=figurcache.LEVETID)
    return render(request, "oversikt/oversikt.html", {**context, "innhold": innhold})


def _kommunene(
    spesialitet: Spesialitet, filter_: dict[str, str], dato: dt.date | None = None
) -> list[selectors.Kommunestatus]:
    omrade = {"helseregion": filter_["helseregion"], "fylke": filter_["fylke"]}
    if dato:
        kommuner = selectors.kommune_statuses_on(spesialitet, dato, **omrade)
    else:
        kommuner = selectors.kommune_statuses(spesialitet, **omrade)
    return selectors.filter_kommuner(kommuner, status=filter_["status"], sok=filter_["q"])


def _figurene(spesialitet: Spesialitet, fylker: list, filter_: dict[str, str], dato: dt.date | None = None) -> str:
    """The figures and the kommune list, rendered (the same for every visitor: no request, no user); with a date,
    the figures as they were at the end of it."""
    tall = selectors.region_figures_on(spesialitet, dato) if dato else selectors.region_figures(spesialitet)
    valgt = {k: v for k, v in filter_.items() if v}
    med_dato = {"dato": dato.isoformat()} if dato else {}
    return render_to_string(
        "oversikt/_innhold.html",
        {
            "spesialitet": spesialitet,
            "dato": dato,
            "dato_query": urlencode(med_dato),
            "spesialiteter": _lenker(spesialitet, {**filter_, **med_dato}),
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
            "filter_query": urlencode({"spesialitet": spesialitet.value, **valgt, **med_dato}),
            "kommuner": _kommunene(spesialitet, filter_, dato),
            "antall_kommuner": tall.hele_landet.kommuner,
        },
    )


def _eksportrader(spesialitet: Spesialitet, dato: dt.date | None = None) -> list[list]:
    tall = selectors.region_figures_on(spesialitet, dato) if dato else selectors.region_figures(spesialitet)
    return [
        [rad.helseregion, spesialitet.value, *(getattr(rad, felt) for felt, _tittel in selectors.KOLONNER)]
        for rad in tall.rader
    ]


def _filnavn(spesialitet: Spesialitet, filtype: str, dato: dt.date | None = None) -> str:
    return f"asa-regioner-{spesialitet.value.lower()}-{dato or timezone.localdate():%Y-%m-%d}.{filtype}"


class UgyldigDato(Exception):
    pass


def _eksportdato(request: HttpRequest) -> dt.date | None:
    """The date of an export's `?dato=` (None: today's figures); a bad one is refused in words (400)."""
    dato, _tekst, feil = _dato(request)
    if feil:
        raise UgyldigDato(feil)
    return dato


def _ugyldig(feil: UgyldigDato) -> HttpResponse:
    return HttpResponseBadRequest(str(feil), content_type="text/plain; charset=utf-8")


def _vedlegg(innhold: bytes | str, content_type: str, filnavn: str) -> HttpResponse:
    return HttpResponse(
        innhold,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(as_attachment=True, filename=filnavn)},
    )


@require_GET
def regioner_csv(request: HttpRequest) -> HttpResponse:
    spesialitet = _spesialitet(request)
    try:
        dato = _eksportdato(request)
    except UgyldigDato as feil:
        return _ugyldig(feil)
    response = _vedlegg("", "text/csv; charset=utf-8", _filnavn(spesialitet, "csv", dato))
    writer = csv_writer(response)  # as Norwegian Excel opens it, like the applications' export
    writer.writerow([str(tittel) for tittel in EKSPORTTITLER])
    writer.writerows(_eksportrader(spesialitet, dato))
    return response


@require_GET
def kommuner_csv(request: HttpRequest) -> HttpResponse:
    """The kommune list as shown, with the same filter and search (and date)."""
    spesialitet = _spesialitet(request)
    try:
        dato = _eksportdato(request)
    except UgyldigDato as feil:
        return _ugyldig(feil)
    kommuner = _kommunene(spesialitet, _kommunefilter(request, selectors.fylker()), dato)
    filnavn = f"asa-kommuner-{spesialitet.value.lower()}-{dato or timezone.localdate():%Y-%m-%d}.csv"
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
    try:
        dato = _eksportdato(request)
    except UgyldigDato as feil:
        return _ugyldig(feil)
    arbeidsbok = Workbook()
    ark = arbeidsbok.active
    ark.title = gettext("Regioner %(spesialitet)s") % {"spesialitet": spesialitet.value}
    ark.append([str(tittel) for tittel in EKSPORTTITLER])
    for rad in _eksportrader(spesialitet, dato):
        ark.append(rad)
    ark.freeze_panes = "A2"
    ark.column_dimensions["A"].width = 14
    fil = BytesIO()
    arbeidsbok.save(fil)
    return _vedlegg(fil.getvalue(), XLSX, _filnavn(spesialitet, "xlsx", dato))


@require_GET
def regioner_json(request: HttpRequest) -> HttpResponse:
    """The same figures for programs: keys that do not change with the language or the wording of the headers;
    "dato" is the date the figures are of (today's unless `?dato=` asked for another)."""
    spesialitet = _spesialitet(request)
    try:
        dato = _eksportdato(request)
    except UgyldigDato as feil:
        return _ugyldig(feil)
    rader = [dict(zip(EKSPORTKOLONNER, rad, strict=True)) for rad in _eksportrader(spesialitet, dato)]
    dato_tekst = (dato or timezone.localdate()).isoformat()
    return JsonResponse({"spesialitet": spesialitet.value, "dato": dato_tekst, "regioner": rader})
