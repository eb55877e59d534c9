"""The learning-objective catalogue: loading the file in the repo, importing official lists.

The repo's file is loaded by `manage.py last_referansedata` (its version: `referansedata.py`), never by a
migration. Loading functions take the model class as an argument.
"""

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .lmtekst import GRUPPER, Katalog, kanonisk_kode

KATALOG_CSV = Path(__file__).resolve().parent / "data" / "laeringsmal.csv"


class ImportFeil(Exception):
    """The file cannot be imported; the message (Norwegian) says where and why."""


def _dato(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_catalogue_file(path: Path = KATALOG_CSV) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return [
            {
                "kode": row["kode"],
                "gruppe": row["gruppe"],
                "tittel": row["tittel"],
                "gyldig_fra": _dato(row["gyldig_fra"]),
                "gyldig_til": _dato(row["gyldig_til"]),
                "kilde": row["kilde"],
                "forelopig": row["forelopig"] == "1",
            }
            for row in csv.DictReader(f)
        ]


def load_catalogue(Laeringsmal, path: Path = KATALOG_CSV) -> int:
    """Insert or update every row of the repo's catalogue file; idempotent.

    Rows whose code is not canonical any more are removed: the file's versions before 2026-11-23 wrote the
    FKM with two digits (`FKM-01` … `FKM-75`), codes that do not exist (the regulation writes `FKM-001`).
    """
    rows = read_catalogue_file(path)
    Laeringsmal.objects.exclude(kode__regex=r"^(ALM|SAM|ARB|FKM)-[0-9]{3}$").delete()
    for row in rows:
        Laeringsmal.objects.update_or_create(
            kode=row["kode"],
            gyldig_fra=row["gyldig_fra"],
            defaults={k: v for k, v in row.items() if k not in ("kode", "gyldig_fra")},
        )
    return len(rows)


# ---- importing an official list ----------------------------------------------------------------


def normalise_code(raw: str) -> str | None:
    """ "ALM 55", "alm-055", "FKM 1" -> canonical code; None if it is not a code."""
    text = "".join(str(raw or "").split()).upper().replace("–", "-").replace("—", "-")
    prefix, _, number = text.partition("-") if "-" in text else (text[:3], "", text[3:])
    if prefix not in GRUPPER or not number.isdigit():
        return None
    return kanonisk_kode(prefix, int(number))


def read_official_list(path: Path) -> dict[str, str]:
    """Read a CSV or XLSX with a column `kode` (and optionally `tittel`): {code: title}."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        rows = [[("" if c is None else str(c)).strip() for c in row] for row in sheet.iter_rows(values_only=True)]
    elif suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as f:
            sample = f.read(4096)
            f.seek(0)
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample else csv.excel
            rows = [[c.strip() for c in row] for row in csv.reader(f, dialect)]
    else:
        raise ImportFeil(f"Filtypen «{path.suffix}» støttes ikke. Bruk CSV eller XLSX.")
    rows = [row for row in rows if any(row)]
    if not rows:
        raise ImportFeil("Filen er tom.")
    header = [h.lower() for h in rows[0]]
    if "kode" not in header:
        raise ImportFeil("Første rad må være overskrifter med en kolonne «kode» (og gjerne «tittel»).")
    i_kode, i_tittel = header.index("kode"), header.index("tittel") if "tittel" in header else None
    result: dict[str, str] = {}
    errors = []
    for line, row in enumerate(rows[1:], start=2):
        raw = row[i_kode] if i_kode < len(row) else ""
        code = normalise_code(raw)
        if code is None:
            errors.append(f"rad {line}: «{raw}» er ikke en læringsmålkode (for eksempel ALM-055 eller FKM-001)")
            continue
        if code in result:
            errors.append(f"rad {line}: {code} står flere ganger")
            continue
        result[code] = row[i_tittel] if i_tittel is not None and i_tittel < len(row) else ""
    if errors:
        raise ImportFeil("Filen har feil, og ingenting er importert:\n  " + "\n  ".join(errors))
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


def plan_import(Laeringsmal, official: dict[str, str], gyldig_fra: dt.date) -> ImportPlan:
    """Compare an official list with the catalogue in force on `gyldig_fra`, for the groups it covers."""
    grupper = sorted({code[:3] for code in official})
    current = {lm.kode: lm for lm in in_force(Laeringsmal, gyldig_fra, grupper)}
    plan = ImportPlan(gyldig_fra=gyldig_fra, grupper=grupper)
    for code, title in official.items():
        existing = current.get(code)
        if existing is None:
            plan.nye.append(code)
        elif existing.tittel != title or existing.forelopig:
            plan.endrede.append(code)
        else:
            plan.uendrede.append(code)
    plan.utgatte = [code for code in current if code not in official]
    for liste in (plan.nye, plan.endrede, plan.utgatte, plan.uendrede):
        liste[:] = list(Katalog(liste))
    return plan


def apply_import(Laeringsmal, official: dict[str, str], plan: ImportPlan, kilde: str) -> None:
    """Carry out a plan: new versions from `gyldig_fra`, retired codes closed the day before."""
    day_before = plan.gyldig_fra - dt.timedelta(days=1)
    current = {lm.kode: lm for lm in in_force(Laeringsmal, plan.gyldig_fra, plan.grupper)}
    for code in plan.utgatte + plan.endrede:
        old = current[code]
        if old.gyldig_fra >= plan.gyldig_fra:
            old.delete()  # superseded on the same day: replace, do not keep an empty interval
        else:
            old.gyldig_til = day_before
            old.save(update_fields=["gyldig_til"])
    for code in plan.nye + plan.endrede:
        Laeringsmal.objects.create(
            kode=code,
            gruppe=code[:3],
            tittel=official[code],
            gyldig_fra=plan.gyldig_fra,
            kilde=kilde,
            forelopig=False,
        )
