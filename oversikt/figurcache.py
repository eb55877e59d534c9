"""The public overview is the same for every visitor until an application changes, so its rendered figures are kept
in the shared cache (the database table `asa_cache`, seen by every worker and every instance; never process memory),
under a version that every write to an application, an organisation or the kommune register replaces once the write
is committed. A page computed from data older than the version is stored under the old version and never served.

The version is a random token, not a counter: a lost version (the cache table culled or emptied) only means the
figures are computed again.
"""

from __future__ import annotations

import hashlib

from django.db.models.signals import post_delete
from django.utils import translation

from drift.cacheversion import CacheVersion

FIGURER = CacheVersion("oversikt")
VERSJON = FIGURER.key
LEVETID = 24 * 3600  # seconds a rendered page is kept (a newer version makes it unused long before)


def versjon() -> str:
    """The current version of the figures (one query)."""
    return FIGURER.current()


def nokkel(versjon: str, *deler: str) -> str:
    """A cache key for one variant of the page in the active language (the figures are rendered text); the parts
    come from the query string, so they are hashed."""
    deler = (translation.get_language() or "", *deler)
    return f"oversikt:{versjon}:" + hashlib.sha256("\x00".join(deler).encode()).hexdigest()[:32]


def ny_versjon() -> None:
    """A new version now. Writes through the models call `endret()` (by signal); a bulk write that bypasses them
    (bulk_create, QuerySet.update) calls this after it."""
    FIGURER.bump()


def endret() -> None:
    """The figures are stale from the commit of the current transaction on (at once outside a transaction); a
    transaction rolled back changes nothing."""
    FIGURER.bump_on_commit()


# The fields the figures read, per model; a save that names its fields (update_fields) and touches none of these, such
# as a søker saving a section of a draft or a registry lookup refreshing a name, leaves the figures as they are.
LESTE_FELT = {
    "Soknad": {"status", "spesialitet", "virksomhet", "virksomhet_id", "soknadsdato"},
    "Virksomhet": {"er_kommune", "kommune", "kommune_id"},
}


def historikken_er_endret(sender, instance, **kwargs) -> None:
    """Receiver of post_save and post_delete of Statusendring: a past date's table is rebuilt from the status
    history, which an import writes with its own dates. A row that keeps the status (an assignment, an assessment)
    changes no table."""
    if instance.fra_status != instance.til_status or kwargs.get("signal") is post_delete:
        endret()


def figurene_er_endret(sender, update_fields=None, **kwargs) -> None:
    """Receiver of post_save and post_delete of what the figures are made of (connected in apps.py)."""
    leste = LESTE_FELT.get(sender.__name__)
    if update_fields is not None and leste is not None and not leste & set(update_fields):
        return
    endret()
