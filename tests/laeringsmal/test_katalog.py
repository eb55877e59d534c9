"""The catalogue in the database: what is loaded, importing official lists, reading by date."""

import csv
import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from laeringsmal.models import Laeringsmal
from laeringsmal.selectors import katalog_for
from laeringsmal.tolking import tolk_laeringsmal
from soknader.models import Laeringsarena

pytestmark = pytest.mark.django_db

BEFORE_REVISION = dt.date(2025, 6, 1)
AFTER_REVISION = dt.date(2026, 6, 1)


OFFISIELT = Path(__file__).resolve().parents[2] / "laeringsmal" / "data" / "offisielt"
# CI checks the project out with the domain documents beside it (../shared); the repo's copy is what is loaded
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "domain" / "laeringsmal"


def _official(name):
    with open(OFFISIELT / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.skipif(not SHARED.is_dir(), reason="the domain documents are not beside the clone")
def test_the_repos_copy_of_the_official_lists_is_the_domain_documents():
    for path in sorted(SHARED.glob("*.csv")):
        assert (OFFISIELT / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize(
    ("name", "dato", "gruppe", "antall", "forste", "siste"),
    [
        ("alm-fra-2019.csv", dt.date(2019, 3, 1), "ALM", 88, "ALM-001", "ALM-088"),
        ("sam-fra-2019.csv", dt.date(2023, 1, 1), "SAM", 45, "SAM-001", "SAM-045"),
        ("arb-fra-2019.csv", dt.date(2026, 6, 1), "ARB", 120, "ARB-001", "ARB-120"),
        ("fkm-del2-3-til-2026-02-28.csv", dt.date(2025, 6, 1), "LM", 25, "LM-04", "LM-75"),
        ("fkm-del2-3-fra-2026-03-01.csv", dt.date(2026, 3, 1), "FKM", 14, "FKM-001", "FKM-014"),
    ],
)
def test_the_loaded_catalogue_is_the_official_lists(name, dato, gruppe, antall, forste, siste):
    rows = _official(name)
    loaded = {
        lm.kode: lm
        for lm in Laeringsmal.objects.filter(gruppe=gruppe).exclude(gyldig_til__lt=dato).filter(gyldig_fra__lte=dato)
    }
    assert sorted(loaded) == sorted(row["kode"] for row in rows)
    for row in rows:
        lm = loaded[row["kode"]]
        assert (lm.tittel, lm.seksjon or "") == (row["tittel"], row.get("seksjon", "")), row["kode"]
        assert row["kilde"] in lm.kilde and name in lm.kilde
    katalog = katalog_for(dato)
    koder = katalog.gruppe(gruppe)
    assert (len(koder), koder[0], koder[-1]) == (antall, forste, siste)
    assert katalog.titler[forste] == rows[[r["kode"] for r in rows].index(forste)]["tittel"]


def test_the_common_objectives_change_on_2026_03_01_and_lm_75_starts_2024_09_01():
    assert Laeringsmal.objects.get(kode="LM-75").gyldig_fra == dt.date(2024, 9, 1)
    assert "LM-75" not in katalog_for(dt.date(2024, 8, 31)) and "LM-75" in katalog_for(dt.date(2024, 9, 1))
    last_day, first_day = katalog_for(dt.date(2026, 2, 28)), katalog_for(dt.date(2026, 3, 1))
    assert (last_day.felles(), len(last_day.gruppe("LM")), last_day.gruppe("FKM")) == ("LM", 25, [])
    assert (first_day.felles(), len(first_day.gruppe("FKM")), first_day.gruppe("LM")) == ("FKM", 14, [])
    assert first_day.seksjonsliste("ALM")[3] == (
        "21.4 Kommunikasjon og samhandling",
        tuple(f"ALM-{i:03d}" for i in range(42, 56)),
    )
    assert len(first_day.seksjonsliste("SAM")) == 10 and len(first_day.seksjonsliste("ARB")) == 17


def test_the_catalogue_file_is_compiled_from_the_official_lists():
    """data/laeringsmal.csv is what `python -m laeringsmal.katalog` makes of data/offisielt/."""
    from laeringsmal.katalog import KATALOG_CSV, compile_catalogue

    with open(KATALOG_CSV, encoding="utf-8", newline="") as f:
        assert list(csv.DictReader(f)) == compile_catalogue()


def test_application_is_read_against_the_catalogue_of_its_date():
    def felter(tekst, dato):
        return tolk_laeringsmal(tekst=tekst, spesialitet="ALM", katalog=katalog_for(dato)).felter

    old = felter("LM 4, LM 19-23, LM-75", BEFORE_REVISION)
    assert old["laeringsmal_koder"] == ["LM-04", "LM-19", "LM-20", "LM-21", "LM-22", "LM-23", "LM-75"]
    assert old["laeringsmal_feil"] == []
    assert felter("Alle FKM", BEFORE_REVISION)["laeringsmal_koder"][:2] == ["LM-04", "LM-13"]
    new = felter("FKM 14", AFTER_REVISION)
    assert new == {"laeringsmal_koder": ["FKM-014"], "laeringsmal_feil": [], "laeringsmal_delvis": []}
    assert felter("LM 4", AFTER_REVISION)["laeringsmal_koder"] == []


def test_no_provisional_rows_remain_after_loading_over_an_old_version():
    """A database loaded with an earlier version (ALM-089…097, SAM-046…060, FKM placeholders before 2026) holds
    exactly the official lists after loading this one."""
    from laeringsmal.katalog import load_catalogue

    Laeringsmal.objects.create(kode="ALM-097", gruppe="ALM", gyldig_fra=dt.date(2019, 3, 1))
    Laeringsmal.objects.create(
        kode="FKM-020", gruppe="FKM", gyldig_fra=dt.date(2019, 3, 1), gyldig_til=dt.date(2026, 2, 28)
    )
    load_catalogue(Laeringsmal)
    assert not Laeringsmal.objects.filter(kode__in=["ALM-097", "FKM-020"]).exists()
    assert Laeringsmal.objects.count() == 88 + 45 + 120 + 25 + 14


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


def test_import_from_xlsx(tmp_path):
    wb = Workbook()
    wb.active.append(["Kode", "Tittel"])
    for i in range(1, 91):
        wb.active.append([f"ALM {i}", f"Allmennmedisinsk mål {i}"])
    path = tmp_path / "alm.xlsx"
    wb.save(path)
    out = StringIO()
    call_command("importer_laeringsmal", str(path), "--gyldig-fra", "2027-01-01", stdout=out)
    assert "Nye: 2 (ALM 89-90)" in out.getvalue() and "Endrede: 88 (ALM 1-88)" in out.getvalue()
    katalog = katalog_for(dt.date(2027, 6, 1))
    assert len(katalog.gruppe("ALM")) == 90 and katalog.titler["ALM-055"] == "Allmennmedisinsk mål 55"
    assert len(katalog_for(dt.date(2026, 6, 1)).gruppe("ALM")) == 88


@pytest.mark.parametrize("path", sorted(OFFISIELT.glob("*.csv")), ids=lambda p: p.name)
def test_the_official_files_import_as_they_are_and_show_no_difference_from_what_is_loaded(path):
    """Issue 20: a comma-separated CSV with quoted titles ("Could not determine delimiter" before), with its own
    validity per row (LM-75 from 2024-09-01) and, in the whole new chapter A, the del 1 codes left out."""
    before = list(Laeringsmal.objects.order_by("pk").values())
    out = StringIO()
    # the whole new chapter A has no date column and is no list of ours: its del 2–3 part starts on 2026-03-01
    dato = ["--gyldig-fra", "2026-03-01"] if path.name == "fkm-del1-3-fra-2025.csv" else []
    call_command("importer_laeringsmal", str(path), *dato, "--dry-run", stdout=out)
    report = out.getvalue()
    assert "Nye: 0" in report and "Endrede: 0" in report and "Utgåtte: 0" in report, report
    assert list(Laeringsmal.objects.order_by("pk").values()) == before


def test_importing_the_lists_of_the_earlier_catalogue_shows_what_changes(tmp_path):
    """Against a database still holding the provisional ALM-001…097 without titles, the official list shows the
    titles as changed and 089…097 as retired; the stored arenas are read again and their findings recomputed."""
    from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory

    Laeringsmal.objects.filter(gruppe="ALM").update(tittel="", seksjon="")
    for i in range(89, 98):
        Laeringsmal.objects.create(kode=f"ALM-{i:03d}", gruppe="ALM", gyldig_fra=dt.date(2019, 3, 1))
    soknad = KomplettSoknadFactory(soknadsdato=dt.date(2026, 6, 1))
    arena = LaeringsarenaFactory(soknad=soknad, laeringsmal="ALM 90-97, ALM 1")
    arena.laeringsmal_koder = [f"ALM-{i:03d}" for i in (1, *range(90, 98))]
    arena.save()
    path = tmp_path / "alm-fra-2019.csv"
    path.write_bytes((OFFISIELT / "alm-fra-2019.csv").read_bytes())
    out = StringIO()
    call_command("importer_laeringsmal", str(path), "--gyldig-fra", "2019-03-01", stdout=out)
    report = out.getvalue()
    assert "Endrede: 88 (ALM 1-88)" in report and "Utgåtte: 9 (ALM 89-97)" in report
    assert "Mangler beregnet på nytt for" in report
    arena.refresh_from_db()
    assert arena.laeringsmal_koder == ["ALM-001"]
    assert "ALM-088" in arena.laeringsmal_feil[0]["melding"]  # how far the list goes
    assert len(katalog_for(dt.date(2026, 6, 1)).gruppe("ALM")) == 88


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


def test_loading_a_catalogue_version_reads_every_stored_arena_again():
    """A database holding an earlier version (arenas read as the placeholder FKM-001…024 before 2026) gets its
    arenas read again when `last_referansedata` loads this one."""
    from laeringsmal.referansedata import DATASETT
    from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory

    soknad = KomplettSoknadFactory(soknadsdato=dt.date(2025, 6, 1))
    arena = LaeringsarenaFactory(soknad=soknad, laeringsmal="LM 4, alle FKM")
    Laeringsarena.objects.filter(pk=arena.pk).update(laeringsmal_koder=["FKM-001", "FKM-020"])
    DATASETT[0].last()
    arena.refresh_from_db()
    assert arena.laeringsmal_koder[0] == "LM-04" and len(arena.laeringsmal_koder) == 25
    assert not soknad.mangler.filter(kode="FKM_UDEKKET").exists()
