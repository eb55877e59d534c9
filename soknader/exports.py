"""Applications out as files for the directorate: the JSON interchange format, and one row each in CSV/XLSX.

    return csv_response(Soknad.objects.filter(status="registrert"))

Every function costs the same number of queries for 1 and 1,000 applications (see interchange.prefetched).
Spreadsheet cells that a spreadsheet program would read as a formula (text starting with =, +, -, @, a tab
or a carriage return) get a leading single quote, so a contact name such as "=HYPERLINK(…)" stays text.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from io import BytesIO
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from laeringsarenaer.lmtekst import formater

from .interchange import export_records, fields, laeringsmal_dekket, prefetched
from .models import Soknad

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

COLUMNS = (
    "referanse",
    "organisasjonsnummer",
    "navn",
    "kommune",
    "helseregion",
    "spesialitet",
    "status",
    "soknadsdato",
    "vedtaksdato",
    "registrert_fra",
    "kontaktperson_navn",
    "kontaktperson_epost",
    "kontaktperson_telefon",
    "antall_laeringsarenaer",
    "laeringsmal_dekket",
    "antall_mangler",
    "mangler",
)
# A column named after a key of the interchange field map ("kontaktperson.navn" as "kontaktperson_navn") holds
# that key's stored value (dates as dates); the others are computed in `row`.
MAPPED = {path.replace(".", "_"): f for path, f in fields.flat(fields.RECORD) if f.model and not f.fields}
DATE_COLUMNS = frozenset(c for c in COLUMNS if c in MAPPED and MAPPED[c].kind == "date")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Text a spreadsheet would run as a formula, made plain text with a leading single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def filename(extension: str) -> str:
    return f"soknader-{timezone.localdate():%Y-%m-%d}.{extension}"


def _attachment(content: bytes | str, content_type: str, extension: str) -> HttpResponse:
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(as_attachment=True, filename=filename(extension))},
    )


def row(soknad: Soknad) -> dict[str, Any]:
    """One application flattened (expects the relations loaded by interchange.prefetched)."""
    kommune = soknad.virksomhet.kommune
    arenaer, mangler = list(soknad.laeringsarenaer.all()), list(soknad.mangler.all())
    computed = {
        "kommune": kommune.navn if kommune else "",
        "helseregion": kommune.fylke.helseregion.navn if kommune else "",
        "antall_laeringsarenaer": len(arenaer),
        "laeringsmal_dekket": formater(laeringsmal_dekket(arenaer)),
        "antall_mangler": len(mangler),
        "mangler": ", ".join(dict.fromkeys(m.kode for m in mangler)),
    }
    return {column: computed[column] if column in computed else _stored(MAPPED[column], soknad) for column in COLUMNS}


def _stored(field: fields.Field, soknad: Soknad) -> Any:
    value = field.value(soknad)
    return "" if value is None and field.kind == "text" else value


def rows(queryset: QuerySet[Soknad]) -> list[dict[str, Any]]:
    return [row(soknad) for soknad in prefetched(queryset)]


def json_response(queryset: QuerySet[Soknad]) -> HttpResponse:
    """The interchange format (docs/soknad-format.md), findings and history included."""
    content = json.dumps(export_records(queryset), ensure_ascii=False, indent=2)
    return _attachment(content.encode("utf-8"), "application/json; charset=utf-8", "json")


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return ""
    return neutralise(value)


def csv_response(queryset: QuerySet[Soknad]) -> HttpResponse:
    """One row per application, comma separated, UTF-8, with a header row of the column names."""
    response = _attachment("", "text/csv; charset=utf-8", "csv")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for values in rows(queryset):
        writer.writerow([_csv_value(values[column]) for column in COLUMNS])
    return response


def xlsx_response(queryset: QuerySet[Soknad]) -> HttpResponse:
    """The same rows as the CSV in a workbook; dates are real dates."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Søknader"
    sheet.append(COLUMNS)
    for values in rows(queryset):
        sheet.append([neutralise(values[column]) for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        if column in DATE_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "yyyy-mm-dd"
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
    sheet.freeze_panes = "A2"
    content = BytesIO()
    workbook.save(content)
    return _attachment(content.getvalue(), XLSX, "xlsx")
