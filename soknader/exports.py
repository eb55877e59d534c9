"""Applications out as files for the directorate: the JSON interchange format, and one row each in CSV/XLSX.

    return csv_response(Soknad.objects.filter(status="registrert"))

Every function costs the same number of queries for 1 and 1,000 applications (see interchange.prefetched).

Formulas (CSV injection, OWASP): nothing a user typed may run as a formula when the file is opened, and real data
is not changed to get there.
- XLSX: every text is a text cell (never a formula cell), whatever it starts with, so it is written as it is;
  a text that looks like a formula also gets the cell's "quote prefix" style, so editing the cell keeps it text.
- CSV: the file is as Norwegian Excel opens it with a double click: semicolon separated, UTF-8 with a byte order
  mark, CRLF, every field in double quotes (a quote inside doubled), so `Kari;=cmd|…` stays one cell. A field that
  could be read as a formula gets a leading single quote, as OWASP advises: one that starts (after any spaces)
  with =, @, a tab or a carriage return, or with + or - unless the rest is only a number or a phone number
  ("+47 22 00 00 00", "-12,5": digits, spaces, ".", ",", "(", ")"), which can call no function and reach no other
  cell or program. "-2+3" or "+A1" is quoted.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from io import BytesIO
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from laeringsmal.lmtekst import formater

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
    "mangler_vurdert_i_orden",
)
# A column named after a key of the interchange field map ("kontaktperson.navn" as "kontaktperson_navn") holds
# that key's stored value (dates as dates); the others are computed in `row`.
MAPPED = {path.replace(".", "_"): f for path, f in fields.flat(fields.RECORD) if f.model and not f.fields}
DATE_COLUMNS = frozenset(c for c in COLUMNS if c in MAPPED and MAPPED[c].kind == "date")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-][0-9][0-9 .,()]*")  # a signed number or a phone number: no function, no reference


def looks_like_formula(value: str) -> bool:
    """Could a spreadsheet read this text as a formula (OWASP's list of first characters)?"""
    start = value.lstrip(" ")
    return start.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(start.rstrip(" "))


def neutralise(value: Any) -> Any:
    """For CSV: text a spreadsheet could run as a formula, made plain text with a leading single quote; numbers
    and phone numbers such as "+47 22 00 00 00" are left as they are."""
    if isinstance(value, str) and looks_like_formula(value):
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
        "mangler_vurdert_i_orden": "; ".join(
            f"{m.kode}: {notat} ({getattr(m, '_vurdert_av', '')}, {getattr(m, '_vurdert_dato', None):%Y-%m-%d})"
            for m in mangler
            if (notat := getattr(m, "_vurdert_notat", None))
        ),
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


def csv_writer(response: HttpResponse):
    """A CSV writer as Norwegian Excel reads: byte order mark, semicolons, every field quoted, CRLF."""
    response.write("\ufeff")
    return csv.writer(response, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")


def csv_response(queryset: QuerySet[Soknad]) -> HttpResponse:
    """One row per application with a header row of the column names (see `csv_writer` for the dialect)."""
    response = _attachment("", "text/csv; charset=utf-8", "csv")
    writer = csv_writer(response)
    writer.writerow(COLUMNS)
    for values in rows(queryset):
        writer.writerow([_csv_value(values[column]) for column in COLUMNS])
    return response


def xlsx_response(queryset: QuerySet[Soknad]) -> HttpResponse:
    """The same rows as the CSV in a workbook; dates are real dates, texts are text cells written as they are."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Søknader"
    sheet.append(COLUMNS)
    for values in rows(queryset):
        # control characters other than tab and line breaks cannot be stored in XLSX at all: left out
        cells = [values[column] for column in COLUMNS]
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in cells])
    for index, column in enumerate(COLUMNS, start=1):
        if column in DATE_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "yyyy-mm-dd"
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
                if looks_like_formula(cell.value):
                    cell.quotePrefix = True  # and still text when someone edits the cell
    sheet.freeze_panes = "A2"
    content = BytesIO()
    workbook.save(content)
    return _attachment(content.getvalue(), XLSX, "xlsx")
