"""Reading the overview's figures back from the page and the exports, and making many applications fast."""

import csv
import io
import re
from itertools import cycle

from django.db import connection
from openpyxl import load_workbook

from brreg.models import Kommune, Virksomhet
from oversikt import figurcache
from soknader.choices import Spesialitet, Status
from soknader.models import Soknad

EXPORT_COLUMNS = [
    "helseregion",
    "spesialitet",
    "soknader",
    "under_behandling",
    "anmodning_sendt",
    "registrert",
    "avslatt",
    "trukket",
    "ikke_sokt",
    "kommuner",
]


# The headings people see in the CSV and XLSX, in the order of EXPORT_COLUMNS (the JSON's keys).
EXPORT_HEADINGS = [
    "Helseregion",
    "Spesialitet",
    "Søknader",
    "Under behandling",
    "Anmodning sendt",
    "Registrert",
    "Avslått",
    "Trukket",
    "Ikke søkt",
    "Kommuner",
]
_KEY = dict(zip(EXPORT_HEADINGS, EXPORT_COLUMNS, strict=True))


def page_row(html: str, row_id: str) -> dict[str, int]:
    """The figures of one row of the region table (`row_id`: "region-<kode>" or "region-hele-landet")."""
    match = re.search(rf'<tr id="{re.escape(row_id)}".*?</tr>', html, re.S)
    assert match, f"no row {row_id}"
    return {felt: int(verdi) for felt, verdi in re.findall(r'data-felt="(\w+)">(\d+)<', match.group(0))}


def _typed(row: dict) -> dict:
    """A row keyed by the machine names (the headings are for people), numbers as numbers."""
    row = {_KEY[k]: v for k, v in row.items()}
    return {k: (v if k in ("helseregion", "spesialitet") else int(v)) for k, v in row.items()}


def csv_rows(content: bytes) -> tuple[list[str], dict[str, dict]]:
    assert content.startswith(b'\xef\xbb\xbf"')  # byte order mark, every field quoted
    reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    return list(reader.fieldnames), {row["Helseregion"]: _typed(row) for row in reader}


def xlsx_rows(content: bytes) -> tuple[list[str], dict[str, dict]]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return header, {row[0]: _typed(dict(zip(header, row, strict=False))) for row in rows}


def kommune_rows(html: str) -> list[dict[str, str]]:
    """(kommune, helseregion, status text) of each row of the kommune list."""
    table = re.search(r'<table[^>]*id="kommuneliste".*?</table>', html, re.S)
    if not table:
        return []
    return [
        {"navn": navn, "helseregion": region, "status": status}
        for navn, region, status in re.findall(
            r'<th scope="row" class="fw-normal">([^<]*)</th>.*?data-felt="helseregion">([^<]*)<.*?'
            r'data-felt="status"[^>]*>([^<]*)<',
            table.group(0),
            re.S,
        )
    ]


def bulk_applications(n: int, *, prefix: str = "8") -> int:
    """`n` applications in a few queries: every third from a kommune itself, the others from organisations in a
    kommune or (one in ten) in none; statuses and specialties in rotation. Returns the number created."""
    kommuner = list(Kommune.objects.values_list("nummer", flat=True))
    spesialiteter = list(Spesialitet.values)
    statuser = cycle(Status.values)
    virksomheter = Virksomhet.objects.bulk_create(
        Virksomhet(
            organisasjonsnummer=f"{prefix}{i:08d}",
            navn=f"Virksomhet {prefix}-{i}",
            er_kommune=i % 3 == 0,
            kommune_id=None if i % 10 == 9 else kommuner[i % len(kommuner)],
        )
        for i in range(-(-n // len(spesialiteter)))
    )
    soknader = [
        Soknad(virksomhet=v, spesialitet=s, status=next(statuser), kontaktperson_navn="Massen Testesen")
        for v in virksomheter
        for s in spesialiteter
    ][:n]
    Soknad.objects.bulk_create(soknader, batch_size=1000)
    figurcache.ny_versjon()  # bulk_create sends no signals: say the figures changed, as a bulk write must
    _analyze()
    return len(soknader)


def _analyze() -> None:
    """Give PostgreSQL's planner statistics for the rows just inserted, as autovacuum does for a database in use.

    Without them the planner may take the tables for nearly empty (they were when last analysed) and choose nested
    loops that make a 5,000-row test take minutes. ANALYZE sees this transaction's own uncommitted rows.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE brreg_virksomhet, soknader_soknad")
