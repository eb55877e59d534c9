"""The audit log's retention: a daily job of the sender process (settings.DRIFT_JOBS, docs/personvern.md)."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from .models import Hendelse


def audit_retention() -> str:
    """Rows of the audit log older than PERSONVERN_REVISJONSLOGG_DAGER are deleted."""
    cutoff = timezone.now() - dt.timedelta(days=settings.PERSONVERN_REVISJONSLOGG_DAGER)
    antall, _ = Hendelse.objects.filter(tidspunkt__lt=cutoff).delete()
    return f"{antall} hendelser i revisjonsloggen eldre enn {cutoff:%d.%m.%Y} slettet"
