"""The applications as /metrics sees them (settings.DRIFT_METRICS, drift/metrics.py)."""

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily

from .choices import Status
from .models import Soknad


def soknader_per_status():
    family = GaugeMetricFamily("asa_applications", "Applications per status.", labels=["status"])
    found = dict(Soknad.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    for status in Status.values:
        family.add_metric([status], found.get(status, 0))
    yield family
