"""The catalogue in the database: what is loaded, importing official lists, reading by date."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from laeringsmal.models import Laeringsmal
from laeringsmal.selectors import katalog_for
from laeringsmal.tolking import tolk_laeringsmal

pytestmark = pytest.mark.django_db

BEFORE_REVISION = dt.date(2025, 6, 1)
AFTER_REVISION = dt.date(2026, 6, 1)


def test_loaded_catalogue_has_the_confirmed_counts_and_marks_the_provisional():
    katalog = katalog_for(AFTER_REVISION)
    assert len(katalog.gruppe("ARB")) == 120
    assert len(katalog.gruppe("FKM")) == 14  # FKM-001 … FKM-014, official, with titles
    assert not katalog.forelopige & set(katalog.gruppe("FKM"))
    old = katalog_for(BEFORE_REVISION)
    assert len(old.gruppe("FKM")) == 24 and set(old.gruppe("FKM")) <= old.forelopige
    assert Laeringsmal.objects.get(kode="FKM-003", gyldig_fra=dt.date(2026, 3, 1)).tittel.startswith(
        "Ha god kunnskap om kompetansevurdering, veiledning og supervisjon"
    )
    assert {"ALM-055", "ALM-085"} <= set(katalog.gruppe("ALM"))
    assert Laeringsmal.objects.filter(gruppe="ALM", forelopig=True).exists()


def test_application_is_read_against_the_catalogue_of_its_date():
    old = tolk_laeringsmal(tekst="FKM 20", spesialitet="ALM", katalog=katalog_for(BEFORE_REVISION)).felter
    assert old == {"laeringsmal_koder": ["FKM-020"], "laeringsmal_feil": []}
    new = tolk_laeringsmal(tekst="FKM 20", spesialitet="ALM", katalog=katalog_for(AFTER_REVISION)).felter
    assert new["laeringsmal_koder"] == [] and "FKM 20" in new["laeringsmal_feil"][0]["melding"]


def test_loading_removes_the_two_digit_fkm_codes_of_earlier_versions():
    from laeringsmal.katalog import load_catalogue

    Laeringsmal.objects.create(kode="FKM-29", gruppe="FKM", gyldig_fra=dt.date(2026, 3, 1))
    load_catalogue(Laeringsmal)
    assert not Laeringsmal.objects.filter(kode="FKM-29").exists()
    assert Laeringsmal.objects.filter(kode="FKM-014").exists()


def _csv(tmp_path, rows, name="liste.csv"):
    path = tmp_path / name
    path.write_text("kode;tittel\n" + "\n".join(f"{k};{t}" for k, t in rows), encoding="utf-8")
    return path


def _arb_rows(n=120, titles=None):
    return [(f"ARB-{i:03d}", (titles or {}).get(i, f"Mål {i}")) for i in range(1, n + 1)]


def test_import_reports_new_changed_and_retired_and_keeps_the_retired(tmp_path):
    call_command(
        "importer_laeringsmal", str(_csv(tmp_path, _arb_rows())), "--gyldig-fra", "2027-01-01", stdout=StringIO()
    )
    rows = _arb_rows(118, titles={5: "Nytt navn"}) + [("ARB-121", "Helt nytt")]
    out = StringIO()
    call_command("importer_laeringsmal", str(_csv(tmp_path, rows)), "--gyldig-fra", "2028-01-01", stdout=out)
    report = out.getvalue()
    assert "Nye: 1 (ARB 121)" in report
    assert "Endrede: 1 (ARB 5)" in report
    assert "Utgåtte: 2 (ARB 119-120)" in report
    assert "Uendrede: 117" in report
    retired = Laeringsmal.objects.get(kode="ARB-120", gyldig_fra="2027-01-01")
    assert retired.gyldig_til == dt.date(2027, 12, 31)
    assert "ARB-120" in katalog_for(dt.date(2027, 6, 1)) and "ARB-120" not in katalog_for(dt.date(2028, 6, 1))
    assert Laeringsmal.objects.get(kode="ARB-005", gyldig_fra="2028-01-01").tittel == "Nytt navn"
    # the other groups are untouched
    assert len(katalog_for(dt.date(2028, 6, 1)).gruppe("FKM")) == 14


def test_dry_run_changes_nothing(tmp_path):
    before = Laeringsmal.objects.count()
    out = StringIO()
    call_command(
        "importer_laeringsmal",
        str(_csv(tmp_path, _arb_rows(100))),
        "--gyldig-fra",
        "2027-01-01",
        "--dry-run",
        stdout=out,
    )
    assert "Prøvekjøring" in out.getvalue() and "Utgåtte: 20" in out.getvalue()
    assert Laeringsmal.objects.count() == before


def test_import_from_xlsx_replaces_provisional_entries(tmp_path):
    wb = Workbook()
    wb.active.append(["Kode", "Tittel"])
    for i in range(1, 91):
        wb.active.append([f"ALM {i}", f"Allmennmedisinsk mål {i}"])
    path = tmp_path / "alm.xlsx"
    wb.save(path)
    out = StringIO()
    call_command("importer_laeringsmal", str(path), "--gyldig-fra", "2019-03-01", stdout=out)
    assert "Utgåtte: 7 (ALM 91-97)" in out.getvalue()
    katalog = katalog_for(dt.date(2026, 6, 1))
    assert len(katalog.gruppe("ALM")) == 90
    assert not Laeringsmal.objects.filter(gruppe="ALM", forelopig=True, gyldig_til__isnull=True).exists()
    assert Laeringsmal.objects.get(kode="ALM-055", gyldig_til__isnull=True).tittel == "Allmennmedisinsk mål 55"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("kode;tittel\nALM 55;a\nXYZ 1;b\n", "rad 3: «XYZ 1» er ikke en læringsmålkode"),
        ("kode;tittel\nALM 55;a\nALM-055;b\n", "rad 3: ALM-055 står flere ganger"),
        ("navn;tittel\nALM 55;a\n", "kolonne «kode»"),
    ],
)
def test_bad_files_import_nothing(tmp_path, content, message):
    path = tmp_path / "feil.csv"
    path.write_text(content, encoding="utf-8")
    before = Laeringsmal.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("importer_laeringsmal", str(path), "--gyldig-fra", "2027-01-01", stdout=StringIO())
    assert Laeringsmal.objects.count() == before


def test_bad_date_and_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Ugyldig dato"):
        call_command("importer_laeringsmal", str(_csv(tmp_path, _arb_rows(1))), "--gyldig-fra", "1.1.2027")
    with pytest.raises(CommandError, match="Finner ikke filen"):
        call_command("importer_laeringsmal", str(tmp_path / "nei.csv"), "--gyldig-fra", "2027-01-01")
