"""The learning-objective catalogue: compiling it from the official lists, loading it, importing new lists.

The official lists (spesialistforskriften vedlegg 2, copied as they are into `data/offisielt/`) are compiled into
one file, `data/laeringsmal.csv` (`python -m laeringsmal.katalog` writes it; a test keeps the two in step). That
file is loaded by `manage.py last_referansedata` (its version: `referansedata.py`), never by a migration. Loading
functions take the model class as an argument.
"""

import csv
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .lmtekst import GRUPPER, Katalog, kanonisk_kode

DATA = Path(__file__).resolve().parent / "data"
KATALOG_CSV = DATA / "laeringsmal.csv"
OFFISIELT = DATA / "offisielt"
KOLONNER = ["kode", "gruppe", "seksjon", "tittel", "gyldig_fra", "gyldig_til", "kilde"]

# The official lists the catalogue is made of: file, group, validity when the file has none. The codes of ALM, SAM
# and ARB have been the same since 2018 (data/offisielt/README.md); the service reads applications from 2019-03-01.
# fkm-del1-3-fra-2025.csv is kept beside them but not loaded: del 1 (LIS1) is not an utdanningsvirksomhet's concern.
KILDER: list[tuple[str, str, dt.date, dt.date | None]] = [
    ("alm-fra-2019.csv", "ALM", dt.date(2019, 3, 1), None),
    ("sam-fra-2019.csv", "SAM", dt.date(2019, 3, 1), None),
    ("arb-fra-2019.csv", "ARB", dt.date(2019, 3, 1), None),
    ("fkm-del2-3-til-2026-02-28.csv", "LM", dt.date(2019, 3, 1), dt.date(2026, 2, 28)),
    ("fkm-del2-3-fra-2026-03-01.csv", "FKM", dt.date(2026, 3, 1), None),
]


class CatalogueImportError(Exception):
    """The file cannot be imported; the message (Norwegian) says where and why."""


def _dato(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def compile_catalogue(mappe: Path = OFFISIELT) -> list[dict[str, str]]:
    """The catalogue's rows (strings, as in the file) from the official lists, in the order of KILDER."""
    rows = []
    for navn, gruppe, fra, til in KILDER:
        with open(mappe / navn, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rows.append(
                    {
                        "kode": row["kode"],
                        "gruppe": gruppe,
                        "seksjon": row.get("seksjon", ""),
                        "tittel": row["tittel"],
                        "gyldig_fra": row.get("gyldig_fra") or fra.isoformat(),
                        "gyldig_til": row.get("gyldig_til") or (til.isoformat() if til else ""),
                        "kilde": f"{navn}: {row['kilde']}",
                    }
                )
    return rows


def write_catalogue_file(path: Path = KATALOG_CSV) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=KOLONNER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(compile_catalogue())


def read_catalogue_file(path: Path = KATALOG_CSV) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return [
            {
                "kode": row["kode"],
                "gruppe": row["gruppe"],
                "seksjon": row["seksjon"],
                "tittel": row["tittel"],
                "gyldig_fra": _dato(row["gyldig_fra"]),
                "gyldig_til": _dato(row["gyldig_til"]),
                "kilde": row["kilde"],
            }
            for row in csv.DictReader(f)
        ]


def load_catalogue(Laeringsmal, path: Path = KATALOG_CSV) -> int:
    """Make the database's catalogue the file's: insert or update every row, remove every other; idempotent.

    Removed: the provisional rows of versions before 2026-12-04 (ALM-089…097, SAM-046…060, the placeholder
    FKM-001…024 before 2026-03-01) and the two-digit FKM of versions before 2026-11-23 (`FKM-01` … `FKM-75`), codes
    that do not exist. An official list imported with `importer_laeringsmal` since the file's last version is
    replaced too: it belongs in the file (see data/README.md).
    """
    rows = read_catalogue_file(path)
    keep = {(row["kode"], row["gyldig_fra"]) for row in rows}
    stale = [
        pk for pk, kode, fra in Laeringsmal.objects.values_list("pk", "kode", "gyldig_fra") if (kode, fra) not in keep
    ]
    Laeringsmal.objects.filter(pk__in=stale).delete()
    for row in rows:
        Laeringsmal.objects.update_or_create(
            kode=row["kode"],
            gyldig_fra=row["gyldig_fra"],
            defaults={k: v for k, v in row.items() if k not in ("kode", "gyldig_fra")},
        )
    return len(rows)


# ---- importing an official list ----------------------------------------------------------------

_KODE = re.compile(r"(ALM|SAM|ARB|FKM|LM)-?0*([0-9]{1,3})")
# the new chapter A's del 1 objectives (LIS1): in the official file beside del 2–3, not an utdanningsvirksomhet's
_DEL_1 = re.compile(r"FKM[SK]-?[0-9]+")


def normalise_code(raw: str) -> str | None:
    """ "ALM 55", "alm-055", "FKM 1", "LM 4", "LM-04" -> canonical code; None if it is not a code."""
    text = "".join(str(raw or "").split()).upper().replace("–", "-").replace("—", "-")
    match = _KODE.fullmatch(text)
    return kanonisk_kode(match[1], int(match[2])) if match else None


@dataclass(frozen=True)
class OffisieltMal:
    """One row of an official list: the title, the section, and the validity when the file gives it."""

    tittel: str = ""
    seksjon: str = ""
    gyldig_fra: dt.date | None = None
    gyldig_til: dt.date | None = None
    kilde: str = ""


def _rows_from_file(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        return [[("" if c is None else str(c)).strip() for c in row] for row in sheet.iter_rows(values_only=True)]
    if suffix != ".csv":
        raise CatalogueImportError(f"Filtypen «{path.suffix}» støttes ikke. Bruk CSV eller XLSX.")
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = f.readline()
        f.seek(0)
        # the header names the columns (kode, tittel, …) without quotes or commas of their own, so the separator is
        # the character it holds most of; csv.Sniffer guessed from the quoted titles and gave up on ordinary files
        delimiter = max((",", ";", "\t"), key=header.count)
        return [[c.strip() for c in row] for row in csv.reader(f, delimiter=delimiter)]


def read_official_list(path: Path) -> dict[str, OffisieltMal]:
    """Read a CSV or XLSX with a column `kode` (and optionally `tittel`, `seksjon`, `gyldig_fra`, `gyldig_til`, as
    the files in data/offisielt/ have them): {code: row}. Del 1 codes (FKMS-, FKMK-) are left out."""
    rows = [row for row in _rows_from_file(path) if any(row)]
    if not rows:
        raise CatalogueImportError("Filen er tom.")
    header = [h.lower() for h in rows[0]]
    if "kode" not in header:
        raise CatalogueImportError("Første rad må være overskrifter med en kolonne «kode» (og gjerne «tittel»).")

    def column(row, name):
        i = header.index(name) if name in header else None
        return row[i] if i is not None and i < len(row) else ""

    result: dict[str, OffisieltMal] = {}
    errors = []
    for line, row in enumerate(rows[1:], start=2):
        raw = column(row, "kode")
        if _DEL_1.fullmatch("".join(raw.split()).upper()):
            continue
        code = normalise_code(raw)
        if code is None:
            errors.append(f"rad {line}: «{raw}» er ikke en læringsmålkode (for eksempel ALM-055, FKM-001 eller LM-04)")
            continue
        if code in result:
            errors.append(f"rad {line}: {code} står flere ganger")
            continue
        try:
            fra, til = _dato(column(row, "gyldig_fra")), _dato(column(row, "gyldig_til"))
        except ValueError:
            errors.append(f"rad {line}: datoene må skrives ÅÅÅÅ-MM-DD")
            continue
        result[code] = OffisieltMal(column(row, "tittel"), column(row, "seksjon"), fra, til, column(row, "kilde"))
    if errors:
        raise CatalogueImportError("Filen har feil, og ingenting er importert:\n  " + "\n  ".join(errors))
    return result


@dataclass
class ImportPlan:
    gyldig_fra: dt.date
    grupper: list[str]
    nye: list[str] = field(default_factory=list)
    endrede: list[str] = field(default_factory=list)
    utgatte: list[str] = field(default_factory=list)
    uendrede: list[str] = field(default_factory=list)


def in_force(Laeringsmal, dato: dt.date, grupper: Iterable[str] | None = None):
    qs = Laeringsmal.objects.filter(gyldig_fra__lte=dato).exclude(gyldig_til__lt=dato)
    return qs.filter(gruppe__in=list(grupper)) if grupper is not None else qs


def _gruppe(code: str) -> str:
    return code.split("-", 1)[0]


def _current(Laeringsmal, code: str, dato: dt.date):
    return in_force(Laeringsmal, dato).filter(kode=code).first()


def plan_import(Laeringsmal, official: dict[str, OffisieltMal], gyldig_fra: dt.date) -> ImportPlan:
    """Compare an official list with what is loaded: per code, the version in force on the row's own start (or
    `gyldig_fra`); retired are the codes of the list's groups in force on `gyldig_fra` that the list lacks."""
    grupper = sorted({_gruppe(code) for code in official}, key=GRUPPER.index)
    plan = ImportPlan(gyldig_fra=gyldig_fra, grupper=grupper)
    for code, row in official.items():
        existing = _current(Laeringsmal, code, row.gyldig_fra or gyldig_fra)
        if existing is None:
            plan.nye.append(code)
        elif (existing.tittel, existing.seksjon, existing.gyldig_til) != (row.tittel, row.seksjon, row.gyldig_til):
            plan.endrede.append(code)
        else:
            plan.uendrede.append(code)
    plan.utgatte = [lm.kode for lm in in_force(Laeringsmal, gyldig_fra, grupper) if lm.kode not in official]
    for liste in (plan.nye, plan.endrede, plan.utgatte, plan.uendrede):
        liste[:] = list(Katalog(liste))
    return plan


def apply_import(Laeringsmal, official: dict[str, OffisieltMal], plan: ImportPlan, kilde: str) -> None:
    """Carry out a plan: new versions from their start, retired codes closed the day before `gyldig_fra`."""
    for code in plan.utgatte:
        old = _current(Laeringsmal, code, plan.gyldig_fra)
        if old.gyldig_fra >= plan.gyldig_fra:
            old.delete()  # superseded on the same day: replace, do not keep an empty interval
        else:
            old.gyldig_til = plan.gyldig_fra - dt.timedelta(days=1)
            old.save(update_fields=["gyldig_til"])
    for code in plan.nye + plan.endrede:
        row = official[code]
        fra = row.gyldig_fra or plan.gyldig_fra
        old = _current(Laeringsmal, code, fra) if code in plan.endrede else None
        if old is not None and old.gyldig_fra >= fra:
            old.delete()
        elif old is not None:
            old.gyldig_til = fra - dt.timedelta(days=1)
            old.save(update_fields=["gyldig_til"])
        Laeringsmal.objects.create(
            kode=code,
            gruppe=_gruppe(code),
            seksjon=row.seksjon,
            tittel=row.tittel,
            gyldig_fra=fra,
            gyldig_til=row.gyldig_til,
            kilde=f"{kilde}: {row.kilde}"[:500] if row.kilde else kilde,
        )


if __name__ == "__main__":  # python -m laeringsmal.katalog: compile data/laeringsmal.csv from data/offisielt/
    write_catalogue_file()
