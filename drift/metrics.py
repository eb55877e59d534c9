"""Prometheus metrics at `/metrics`, for the addresses in METRICS_ALLOWED_NETWORKS only (404 to anyone else).

Counted in each process as it happens: request latency per view (`RequestLatency`, a middleware) and the errors of
the registry and Altinn (`ExternalErrors`, a logging handler on their loggers: their clients stay as they are).
Read from the database at each scrape: the functions in settings.DRIFT_METRICS (the outbox, the daily jobs, the
applications per status), each yielding prometheus_client metric families.

Under gunicorn with several workers, set PROMETHEUS_MULTIPROC_DIR to an empty directory shared by the workers (and
emptied at each start): then every scrape adds up all workers (docs/drift.md); without it, a scrape sees the worker
that answered.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import time

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

from .client import client_address

REQUEST_LATENCY = Histogram(
    "asa_http_request_duration_seconds",
    "Time from the request reaching the app to its answer, per view (url name) and method.",
    ["view", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
RESPONSES = Counter("asa_http_responses_total", "Answers per view and status class (2xx …).", ["view", "status"])
EXTERNAL_ERRORS = Counter(
    "asa_external_errors_total", "Failed calls to an outside service (brreg: Enhetsregisteret, altinn).", ["service"]
)
_OWN = (REQUEST_LATENCY, RESPONSES, EXTERNAL_ERRORS)


class RequestLatency:
    """Middleware (first in MIDDLEWARE): the time of every request, labelled by the view that answered it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name if match else "") or "ingen"  # 404 before any view: one label for all
        REQUEST_LATENCY.labels(view, request.method).observe(time.perf_counter() - started)
        RESPONSES.labels(view, f"{response.status_code // 100}xx").inc()
        return response


class ExternalErrors(logging.Handler):
    """A logging handler that counts the records of an outside service's client at or above its level:
    `{"class": "drift.metrics.ExternalErrors", "service": "brreg", "level": "WARNING"}` in LOGGING."""

    def __init__(self, service: str, level: int | str = logging.WARNING):
        super().__init__(level)
        self.service = service

    def emit(self, record: logging.LogRecord) -> None:
        EXTERNAL_ERRORS.labels(self.service).inc()


def allowed(request) -> bool:
    try:
        address = ipaddress.ip_address(client_address(request))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net, strict=False) for net in settings.METRICS_ALLOWED_NETWORKS)


class _FromDatabase:
    """At each scrape: the families the functions of settings.DRIFT_METRICS yield."""

    def collect(self):
        for path in settings.DRIFT_METRICS:
            yield from import_string(path)()


@never_cache
@require_GET
def metrics(request):
    if not allowed(request):
        return HttpResponseNotFound()
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        for collector in _OWN:
            registry.register(collector)
    registry.register(_FromDatabase())
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
