"""The ALIS-kontor's list as a file: the filtered applications of the region, one row each, with Norwegian headings.

For people (the office's own follow-up in a spreadsheet), so the headings and the values are the words of the page
(status and findings as labels, not codes). The CSV is as Norwegian Excel reads it and nothing typed can run as a
formula in either file (soknader.exports: `csv_writer`, `neutralise`, `looks_like_formula`).
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from brreg.models import Helseregion, Kommune
from soknader.exports import XLSX, csv_writer, looks_like_formula, neutralise
from soknader.models import Soknad
from soknader.skjema import etikett


def kolonner() -> list[tuple[str, Any]]:
    """(heading, value of an application) in order, in the active language."""
    return [
        (_("Virksomhet"), lambda s: s.virksomhet.navn),
        (_("Organisasjonsnummer"), lambda s: s.virksomhet.organisasjonsnummer),
        (_("Kommune"), lambda s: s.virksomhet.kommune.navn if s.virksomhet.kommune else ""),
        (_("Fylke"), lambda s: s.virksomhet.kommune.fylke.navn if s.virksomhet.kommune else ""),
        (_("Spesialitet"), lambda s: s.get_spesialitet_display()),
        (_("Status"), lambda s: s.get_status_display()),
        (_("Søknadsdato"), lambda s: s.soknadsdato),
        (_("Referanse"), lambda s: s.referanse or ""),
        (str(etikett("kontaktperson_navn")), lambda s: s.kontaktperson_navn),
        (str(etikett("kontaktperson_epost")), lambda s: s.kontaktperson_epost),
        (str(etikett("kontaktperson_telefon")), lambda s: s.kontaktperson_telefon),
        (str(etikett("dba_kontakt_navn")), lambda s: s.dba_kontakt_navn),
        (str(etikett("dba_kontakt_epost")), lambda s: s.dba_kontakt_epost),
        (str(etikett("dba_kontakt_telefon")), lambda s: s.dba_kontakt_telefon),
        (_("Antall mangler"), lambda s: len(s.mangler.all())),
        (_("Mangler"), lambda s: "; ".join(dict.fromkeys(str(m.get_kode_display()) for m in s.mangler.all()))),
    ]


def _filnavn(helseregion: Helseregion, extension: str) -> str:
    return f"soknader-{slugify(helseregion.navn)}-{timezone.localdate():%Y-%m-%d}.{extension}"


def _response(content: bytes | str, content_type: str, filnavn: str) -> HttpResponse:
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(as_attachment=True, filename=filnavn)},
    )


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return neutralise(value)


def csv_response(soknader: list[Soknad], helseregion: Helseregion) -> HttpResponse:
    response = _response("", "text/csv; charset=utf-8", _filnavn(helseregion, "csv"))
    writer = csv_writer(response)
    cols = kolonner()
    writer.writerow([tittel for tittel, _v in cols])
    for soknad in soknader:
        writer.writerow([_csv_value(verdi(soknad)) for _t, verdi in cols])
    return response


def xlsx_response(soknader: list[Soknad], helseregion: Helseregion) -> HttpResponse:
    """The same rows in a workbook: dates are dates, every text a text cell (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Søknader")
    cols = kolonner()
    sheet.append([tittel for tittel, _v in cols])
    for soknad in soknader:
        values = [verdi(soknad) for _t, verdi in cols]
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if looks_like_formula(cell.value):
                    cell.quotePrefix = True
            elif isinstance(cell.value, dt.date):
                cell.number_format = "dd.mm.yyyy"
    sheet.freeze_panes = "A2"
    content = BytesIO()
    workbook.save(content)
    return _response(content.getvalue(), XLSX, _filnavn(helseregion, "xlsx"))


def kommuner_csv_response(kommuner: list[Kommune], helseregion: Helseregion, spesialitet: str) -> HttpResponse:
    """The region's kommuner that have not applied for the specialty, as CSV."""
    filnavn = f"ikke-sokt-{spesialitet.lower()}-{slugify(helseregion.navn)}-{timezone.localdate():%Y-%m-%d}.csv"
    response = _response("", "text/csv; charset=utf-8", filnavn)
    writer = csv_writer(response)
    writer.writerow([_("Kommunenummer"), _("Kommune"), _("Fylke"), _("Organisasjonsnummer")])
    for kommune in kommuner:
        writer.writerow(
            [
                neutralise(v)
                for v in (kommune.nummer, kommune.navn, kommune.fylke.navn, kommune.organisasjonsnummer or "")
            ]
        )
    return response
