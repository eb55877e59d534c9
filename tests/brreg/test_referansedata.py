"""Reference data: loaded by `manage.py last_referansedata`, versioned by the data's own date, never twice."""

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from brreg import referansedata
from brreg.models import Fylke, Helseregion, Kommune, Referansedata
from laeringsmal.models import Laeringsmal

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = StringIO()
    call_command("last_referansedata", stdout=out)
    return out.getvalue()


def _snapshot() -> list:
    return [
        list(model.objects.order_by("pk").values())
        for model in (Helseregion, Fylke, Kommune, Laeringsmal, Referansedata)
    ]


@pytest.mark.parametrize("datasett", referansedata.alle_datasett(), ids=lambda d: d.navn)
def test_a_changed_file_needs_a_new_version(datasett):
    """If this fails you changed the file: give its Datasett a new `versjon` (the data's date) and this checksum."""
    assert datasett.filens_sjekksum() == datasett.sjekksum, (datasett.fil.name, datasett.filens_sjekksum())


def test_an_empty_database_gets_every_data_set_and_a_second_run_changes_nothing():
    Laeringsmal.objects.all().delete()
    Kommune.objects.all().delete()
    Fylke.objects.all().delete()
    Helseregion.objects.all().delete()
    Referansedata.objects.all().delete()

    first = _run()
    assert "kommuneregister 2024-01-01: lastet 357 rader" in first
    assert "laeringsmal 2026-12-04: lastet 292 rader" in first
    assert Kommune.objects.count() == 357 and Fylke.objects.count() == 15 and Helseregion.objects.count() == 4
    assert Laeringsmal.objects.filter(kode="FKM-014", gyldig_fra=dt.date(2026, 3, 1)).exists()
    loaded = _snapshot()

    second = _run()
    assert second.count("uendret") == 2, second
    assert _snapshot() == loaded


def test_a_database_loaded_by_the_old_migrations_is_recorded_without_changes():
    """The data is there (the old data migrations loaded it) but no version is recorded: loading again is harmless."""
    before = _snapshot()[:4]
    Referansedata.objects.all().delete()
    assert "lastet 357 rader" in _run()
    assert _snapshot()[:4] == before


def _datasett(tmp_path, versjon: dt.date, innhold: str, calls: list) -> referansedata.Datasett:
    fil = tmp_path / "data.csv"
    fil.write_text(innhold)
    return referansedata.Datasett(
        navn="prove",
        versjon=versjon,
        fil=fil,
        sjekksum=hashlib.sha256(innhold.encode()).hexdigest(),
        last=lambda: calls.append(versjon) or 1,
    )


def test_a_newer_version_is_loaded_and_an_older_one_is_not(tmp_path):
    calls = []
    assert "lastet 1 rader" in referansedata.last(_datasett(tmp_path, dt.date(2024, 1, 1), "a", calls))
    assert "erstatter 2024-01-01" in referansedata.last(_datasett(tmp_path, dt.date(2025, 1, 1), "b", calls))
    older = referansedata.last(_datasett(tmp_path, dt.date(2024, 1, 1), "a", calls))
    assert "databasen har en nyere versjon (2025-01-01)" in older
    assert calls == [dt.date(2024, 1, 1), dt.date(2025, 1, 1)]
    assert Referansedata.objects.get(navn="prove").versjon == dt.date(2025, 1, 1)


def test_new_content_under_an_old_version_is_refused(tmp_path):
    calls = []
    referansedata.last(_datasett(tmp_path, dt.date(2024, 1, 1), "a", calls))
    with pytest.raises(referansedata.ReferenceDataError, match="gi dataene ny versjon"):
        referansedata.last(_datasett(tmp_path, dt.date(2024, 1, 1), "a, endret", calls))
    datasett = _datasett(tmp_path, dt.date(2024, 1, 1), "a", calls)
    datasett.fil.write_text("endret uten ny sjekksum")
    with pytest.raises(referansedata.ReferenceDataError, match="er endret"):
        referansedata.last(datasett)
    assert calls == [dt.date(2024, 1, 1)]


def test_the_command_says_what_to_do_when_a_file_changed_without_a_new_version(monkeypatch, tmp_path):
    stale = _datasett(tmp_path, dt.date(2024, 1, 1), "a", [])
    stale.fil.write_text("endret")
    monkeypatch.setattr(referansedata, "alle_datasett", lambda: [stale])
    with pytest.raises(CommandError, match="sett ny versjon"):
        call_command("last_referansedata", stdout=StringIO())
