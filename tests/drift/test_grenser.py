"""The per-user limits (drift/limits.py): uses taken from the database in portions, never more than the limit.

Several processes are played in this one by giving each its own memory (`_lokalt`); the database row is shared as
it is between gunicorn workers. The limit across real gunicorn workers and instances: tests/drift/test_drift.py.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from drift import limits
from drift.limits import hit
from drift.models import Counter

pytestmark = pytest.mark.django_db


@pytest.fixture
def portions(settings):
    settings.GRENSE_PORSJON = 10
    settings.GRENSE_DELING = 2
    return settings


def row(navn: str) -> int:
    return Counter.objects.get(nokkel__startswith=f"{navn}:").antall


def test_a_small_limit_is_counted_use_by_use(portions):
    assert [hit("liten", hvem=1, grense=4) for _ in range(6)] == [False] * 4 + [True] * 2
    assert row("liten") == 4


def test_a_large_limit_is_taken_in_portions_one_write_per_portion(portions):
    with CaptureQueriesContext(connection) as queries:
        assert not any(hit("stor", hvem=1, grense=1_000) for _ in range(100))
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("UPDATE", "INSERT"))]
    assert len(writes) == 10  # portions of 10 (GRENSE_PORSJON): the first creates the row
    assert row("stor") == 100


def test_portions_shrink_near_the_limit_and_exactly_the_limit_gets_through(portions):
    results = [hit("naer", hvem=1, grense=50) for _ in range(60)]
    assert results == [False] * 50 + [True] * 10
    assert row("naer") == 50


def test_a_used_up_window_is_refused_from_memory_without_asking(portions):
    for _ in range(3):
        hit("tom", hvem=1, grense=3)
    with CaptureQueriesContext(connection) as queries:
        assert hit("tom", hvem=1, grense=3) is True
    assert len(queries) == 0


def test_processes_together_never_get_more_than_the_limit(portions, monkeypatch):
    """Three processes; the first takes a portion and then gets no more requests: its unspent uses are not
    handed to the others, and no one gets past the limit."""
    memories = [{}, {}, {}]

    def use(process: int) -> bool:
        monkeypatch.setattr(limits, "_lokalt", memories[process])
        return not hit("delt", hvem=7, grense=100)

    through = [use(0)]  # takes a portion of 10, spends 1
    through += [use(1 + i % 2) for i in range(200)]
    assert sum(through) <= 100
    assert sum(through) >= 100 - 9  # only the first process's unspent portion is lost
    assert row("delt") == 100
    assert sum(through) + sum(use(0) for _ in range(20)) == 100  # the first spends its portion: exactly the limit


def test_per_user_per_name_and_a_new_window(portions):
    assert [hit("x", hvem=1, grense=2) for _ in range(3)] == [False, False, True]
    assert hit("x", hvem=2, grense=2) is False  # per user
    assert hit("y", hvem=1, grense=2) is False  # per limit
    assert hit("x", hvem=1, grense=2, vindu=3600) is False  # another window


def test_a_limit_of_zero_refuses_everything(portions):
    assert hit("null", hvem=1, grense=0) is True
