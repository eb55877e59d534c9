"""The caseworkers' list (and each tab of the work queue) shows the same page of 50 rows on every view until something
a row shows changes: reading the page (the count, the rows, their findings) and drawing its 50 rows was most of the
list's time (docs/ytelse.md). So the drawn rows and the count are kept under a version (`drift.cacheversion`) that
every committed write to what a row shows replaces: an application (any save, drafts too: they are in the list), its
submissions (the version in «Sendt inn på nytt (v2)»), its findings and their assessments, its messages (the tabs
read them), its organisation, the kommune, fylke and region names, and the caseworkers' names.

The key holds the address with its whole query string (tab, filters, search, ordering, page), the caseworker (the tab
«Mine saker»), the language and the day (the days a case has waited are whole calendar days). A write the signals do
not see (bulk_create, QuerySet.update) calls `endret()` itself, as the findings' refresh does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.utils import timezone, translation

from drift.cacheversion import CacheVersion
from drift.minne import MINNE

LISTE = CacheVersion("soknadsliste")
LEVETID = 3600  # seconds; a newer version makes a value unused long before


def side(*, adresse: str, bruker_pk: int | None, beregn: Callable[[], dict]) -> dict:
    """The page's count and drawn rows from the cache, or `beregn()` stored there."""
    deler = (translation.get_language() or "", str(bruker_pk or 0), timezone.localdate().isoformat(), adresse)
    nokkel = f"soknadsliste:{LISTE.current()}:" + hashlib.sha256("\x00".join(deler).encode()).hexdigest()[:40]
    return MINNE.hent(nokkel, beregn, levetid=LEVETID)  # a new version is a new key: a process may keep the value


def endret(**_kwargs) -> None:
    """Receiver of post_save and post_delete (connected in apps.py): the pages are stale from the commit of the
    current transaction on (a rolled-back write changes nothing)."""
    LISTE.bump_on_commit()
