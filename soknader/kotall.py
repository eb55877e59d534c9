"""The work queue's counts per tab («Svar mottatt (12)») are the same on every page view of a caseworker until a
case changes, and counting them is the costliest part of the queue (one aggregate over every open case, with a
subquery per case). So they are kept in the shared cache under a version (`drift.cacheversion`) that every write to
a case in the queue replaces: a status change, an assignment, a message, the findings stored again. A draft's saves
leave it alone (a draft is in no tab). The day is part of the key (the tabs «Svarfrist passert» and «Foreløpig svar
skyldes» move with the date), and so is the caseworker (the tab «Mine saker»).
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone

from drift.cacheversion import CacheVersion
from drift.minne import MINNE

from .choices import Status

KO = CacheVersion("arbeidsko")
LEVETID = 3600  # seconds; a newer version makes a value unused long before


def counts(*, bruker_pk: int | None, beregn: Callable[[], dict[str, int]]) -> dict[str, int]:
    """The counts from the cache, or `beregn()` stored there."""
    nokkel = f"arbeidsko:{KO.current()}:{bruker_pk or 0}:{timezone.localdate().isoformat()}"
    return MINNE.hent(nokkel, beregn, levetid=LEVETID)  # a new version is a new key: a process may keep the value


def endret(**_kwargs) -> None:
    """The counts are stale from the commit of the current transaction on (a rolled-back write changes nothing; the
    writing request itself never shows the queue: an action answers with a redirect)."""
    KO.bump_on_commit()


# The application's fields the tabs read; a save that names its fields (update_fields) and touches none of these, such
# as an applicant saving a section while answering an anmodning, leaves the counts as they are.
LESTE_FELT = {"status", "saksbehandler", "saksbehandler_id", "soknadsdato", "forelopig_svar"}


def soknad_endret(sender, instance, update_fields=None, **kwargs) -> None:
    """Receiver of post_save and post_delete of Soknad (connected in apps.py): a draft is in no tab."""
    if instance.status == Status.UTKAST:
        return
    if update_fields is not None and not LESTE_FELT & set(update_fields):
        return
    endret()
