"""The shared cache keeps what the pages need at national volume: Django's default of 300 entries would delete a third
of the table on every write past it (settings.CACHES, docs/ytelse.md); what has expired is deleted every night."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from drift import jobs

pytestmark = pytest.mark.django_db


def test_a_thousand_kept_parts_are_all_kept():
    deler = {f"del:{n}": f"<section>{n}</section>" for n in range(1_000)}  # e.g. the arena blocks of 30 applications
    for nokkel, verdi in deler.items():
        cache.set(nokkel, verdi, timeout=3600)
    assert cache.get_many(list(deler)) == deler


def test_the_nightly_job_deletes_what_has_expired_and_keeps_the_rest():
    cache.set("kort", "Kari Nordmann", timeout=60)
    cache.set("lang", "beholdes", timeout=3600)
    svar = jobs.cache_rydd(now=timezone.now() + dt.timedelta(minutes=2))
    assert svar.startswith("1 utløpte rader")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM asa_cache")
        igjen = {rad[0] for rad in cursor.fetchall()}
    assert not any(k.endswith(":kort") for k in igjen) and any(k.endswith(":lang") for k in igjen)
    assert "rydd_cache" in {j.name for j in jobs.jobs()}  # runs by itself every night
