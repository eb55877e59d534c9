"""A case's history on the case page (the timeline, the dialog with the applicant, the documents and the mails) is
drawn the same on every view until the case gets a new row in it: reading its seven kinds of rows and drawing them was
half of the page's queries (docs/ytelse.md). So those parts are kept drawn under a version per case, which every
write to one of those rows replaces: a status change or history row, a message or its attachment, a submission, a
decision letter, an internal note, a mail (also the outbox's updates without a save: `epost.signals.eposter_endret`).
The names shown come from the users, whose every change replaces the caseworkers' version, also in the key.
"""

from __future__ import annotations

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

LEVETID = 7 * 24 * 3600  # seconds; a new version makes the old one unused


def _nokkel(soknad_id: int) -> str:
    return f"sak:{soknad_id}:versjon"


def versjon(soknad_id: int) -> str:
    """The case's version (one read; a second and a write the first time)."""
    verdi = cache.get(_nokkel(soknad_id))
    if verdi is None:
        cache.add(_nokkel(soknad_id), uuid4().hex, timeout=LEVETID)
        verdi = cache.get(_nokkel(soknad_id))
    return verdi


def endret(soknad_id: int | None) -> None:
    """The case's version is dropped now (this transaction's later reads see the change) and again at its commit
    (whatever others drew before the commit is not shown after it); the next view makes a new one. Dropping is one
    DELETE, where writing a new version would be four queries per history row."""
    if not soknad_id:
        return
    cache.delete(_nokkel(soknad_id))
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete(_nokkel(soknad_id)))


def rad_endret(sender, instance, **_kwargs) -> None:
    """Receiver of post_save and post_delete of the rows a case's history shows (connected in apps.py)."""
    soknad_id = getattr(instance, "soknad_id", None)
    if soknad_id is None and getattr(instance, "melding_id", None):  # an attachment: its message's case
        from .models import Melding

        soknad_id = Melding.objects.filter(pk=instance.melding_id).values_list("soknad_id", flat=True).first()
    endret(soknad_id)


def eposter_endret(sender, soknad_ids, **_kwargs) -> None:
    """Receiver of `epost.signals.eposter_endret`."""
    for soknad_id in soknad_ids:
        endret(soknad_id)
