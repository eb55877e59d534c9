"""Loading the kommune register (`data/kommuner-2024.csv`) into Helseregion, Fylke and Kommune.

`manage.py last_referansedata` loads it (see `referansedata.py`, which gives the file its version), never a
migration. The loader takes the model classes as arguments, as it did for the data migration it used to serve.
"""

import csv
from pathlib import Path

from django.utils.text import slugify

KOMMUNEREGISTER_CSV = Path(__file__).resolve().parent / "data" / "kommuner-2024.csv"


def read_kommuneregister(path: Path = KOMMUNEREGISTER_CSV) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_kommuneregister(Helseregion, Fylke, Kommune, path: Path = KOMMUNEREGISTER_CSV) -> int:
    """Insert or update every row; returns the number of kommuner in the file. Idempotent."""
    rows = read_kommuneregister(path)
    regioner = {}
    for navn in sorted({row["helseregion"] for row in rows}):
        regioner[navn], _ = Helseregion.objects.update_or_create(
            kode=slugify(navn.replace("ø", "o").replace("Ø", "O")), defaults={"navn": navn}
        )
    fylker = {}
    for row in rows:
        nummer = row["fylkesnummer"]
        if nummer not in fylker:
            fylker[nummer], _ = Fylke.objects.update_or_create(
                nummer=nummer, defaults={"navn": row["fylke"], "helseregion": regioner[row["helseregion"]]}
            )
    for row in rows:
        Kommune.objects.update_or_create(
            nummer=row["kommunenummer"],
            defaults={
                "navn": row["navn"],
                "organisasjonsnummer": row["organisasjonsnummer"] or None,
                "fylke": fylker[row["fylkesnummer"]],
            },
        )
    return len(rows)
