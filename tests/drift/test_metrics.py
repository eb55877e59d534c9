"""/metrics (issue 23): Prometheus text for the allowed addresses, 404 for anyone else; request latency per view,
the outbox, the jobs, the outside services' errors and the applications per status."""

import datetime as dt
import logging
import re

import pytest
from django.utils import timezone

from drift.models import JobRun
from epost.models import Epost
from tests.soknader.factories import KomplettSoknadFactory

pytestmark = pytest.mark.django_db


def _value(text: str, name: str, **labels) -> float:
    wanted = ",".join(f'{key}="{value}"' for key, value in labels.items())
    pattern = rf"^{re.escape(name)}{{{re.escape(wanted)}}} (\S+)$" if labels else rf"^{re.escape(name)} (\S+)$"
    found = re.search(pattern, text, flags=re.MULTILINE)
    assert found, f"{name} {labels} not in:\n{text[:3000]}"
    return float(found.group(1))


def test_metrics_answer_the_allowed_address_with_the_figures(client, settings):
    settings.METRICS_ALLOWED_NETWORKS = ["127.0.0.1", "10.0.0.0/8"]
    KomplettSoknadFactory()
    KomplettSoknadFactory(spesialitet="SAM", status="innsendt")
    waiting = Epost.objects.create(mottaker="kari@example.no", emne="K", tekst="x", avsender="a@example.no")
    Epost.objects.filter(pk=waiting.pk).update(opprettet=timezone.now() - dt.timedelta(minutes=5))
    Epost.objects.create(mottaker="kari@example.no", emne="F", tekst="x", avsender="a@example.no", status="feilet")
    done = timezone.now() - dt.timedelta(hours=3)
    JobRun.objects.create(jobb="send_paminnelser", dag=done.date(), startet=done, ferdig=done, resultat="ok")
    logging.getLogger("brreg.client").warning("Enhetsregisteret unavailable for %s: %s", "974760673", "timeout")
    logging.getLogger("tilgang.altinn").error("altinn tokenveksling svarte %s", 500)
    client.get("/oversikt/")

    response = client.get("/metrics", REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain; version=")
    text = response.content.decode()
    assert _value(text, "asa_applications", status="utkast") == 1
    assert _value(text, "asa_applications", status="innsendt") == 1
    assert _value(text, "asa_applications", status="registrert") == 0
    assert _value(text, "asa_outbox_messages", status="venter") == 1
    assert _value(text, "asa_outbox_messages", status="feilet") == 1
    assert 290 < _value(text, "asa_outbox_oldest_waiting_seconds") < 400
    assert _value(text, "asa_job_last_success_timestamp_seconds", job="send_paminnelser") == done.timestamp()
    assert _value(text, "asa_external_errors_total", service="brreg") >= 1
    assert _value(text, "asa_external_errors_total", service="altinn") >= 1
    assert _value(text, "asa_http_request_duration_seconds_count", method="GET", view="oversikt:oversikt") >= 1
    assert _value(text, "asa_http_responses_total", status="2xx", view="oversikt:oversikt") >= 1


@pytest.mark.parametrize("address", ["192.168.1.10", "10.1.2.3", "not-an-address"])
def test_metrics_are_not_there_for_anyone_else(client, settings, address):
    settings.METRICS_ALLOWED_NETWORKS = ["127.0.0.1"]
    response = client.get("/metrics", REMOTE_ADDR=address)
    assert response.status_code == 404 and b"asa_" not in response.content


def test_behind_the_proxy_the_client_address_counts_not_the_proxys(client, settings):
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    settings.TRUSTED_PROXY_COUNT = 1
    forwarded = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert client.get("/metrics", **forwarded).status_code == 404
    forwarded["HTTP_X_FORWARDED_FOR"] = "10.9.9.9"
    assert client.get("/metrics", **forwarded).status_code == 200


def test_with_several_workers_the_scrape_reads_the_shared_directory(client, monkeypatch, tmp_path):
    """PROMETHEUS_MULTIPROC_DIR (gunicorn with several workers): the counted figures come from the workers' files
    there (none here), the database's as always."""
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    text = client.get("/metrics").content.decode()
    assert "asa_applications{" in text and "asa_http_request_duration_seconds_bucket" not in text
