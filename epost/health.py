"""The outbox as /helse/ and /metrics see it (settings.DRIFT_HEALTH_CHECKS, drift/metrics.py)."""

from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from .models import Epost, EpostStatus


def oldest_waiting_seconds() -> float:
    """How long the oldest mail still waiting to be sent has waited (0 with none waiting)."""
    oldest = Epost.objects.filter(status=EpostStatus.VENTER).aggregate(eldste=Min("opprettet"))["eldste"]
    return max((timezone.now() - oldest).total_seconds(), 0.0) if oldest else 0.0


def counts() -> dict[str, int]:
    """{status: number of mails}, every status present."""
    found = dict(Epost.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {status: found.get(status, 0) for status in EpostStatus.values}


def outbox() -> dict:
    """Stuck: the oldest waiting mail has waited longer than EPOST_KO_MAKS_MINUTTER (the sender is down, or the
    mail server has refused everything for that long)."""
    age = oldest_waiting_seconds()
    ok = age <= settings.EPOST_KO_MAKS_MINUTTER * 60
    return {"ok": ok, "epost": "ok" if ok else "står fast", "epost_eldste_i_ko_sekunder": round(age)}


def metrics():
    """For /metrics (settings.DRIFT_METRICS)."""
    mails = GaugeMetricFamily("asa_outbox_messages", "Mails in the outbox per status.", labels=["status"])
    for status, antall in counts().items():
        mails.add_metric([status], antall)
    yield mails
    yield GaugeMetricFamily(
        "asa_outbox_oldest_waiting_seconds",
        "How long the oldest mail still waiting to be sent has waited.",
        value=oldest_waiting_seconds(),
    )
