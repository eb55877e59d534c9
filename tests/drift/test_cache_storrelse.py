"""The shared cache keeps what the pages need at national volume: Django's default of 300 entries would delete a third
of the table on every write past it (settings.CACHES, docs/ytelse.md)."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_a_thousand_kept_parts_are_all_kept():
    deler = {f"del:{n}": f"<section>{n}</section>" for n in range(1_000)}  # e.g. the arena blocks of 30 applications
    for nokkel, verdi in deler.items():
        cache.set(nokkel, verdi, timeout=3600)
    assert cache.get_many(list(deler)) == deler
