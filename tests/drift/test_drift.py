"""Operations: the load balancer's health check, JSON-line logs, and what must hold with several processes:
per-user limits counted across gunicorn workers, and concurrent submits on the embedded SQLite without a 500."""

import json
import logging
import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse

from drift.limits import hit
from drift.logs import JsonLinjer
from tests.drift.appserver import ROOT, AppServer, free_port
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, soker_for


@pytest.mark.django_db
def test_health_check_answers_200_with_a_short_json_body_without_login(client):
    response = client.get("/helse/?bare=database")  # the load balancer's question
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    response = client.get("/helse/")  # monitoring's (issue 23): the daily jobs and the outbox too
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "jobber": "ok",
        "epost": "ok",
        "epost_eldste_i_ko_sekunder": 0,
    }
    assert "no-cache" in response["Cache-Control"]
    assert reverse("helse") == "/helse/"


def test_health_check_answers_503_when_the_database_cannot_be_reached():
    # A real PostgreSQL address where nothing listens: the instance is up, its database is not.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "registrering.settings_test",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": f"postgres://asa:asa@127.0.0.1:{free_port()}/asa",
            "DJANGO_LOG_LEVEL": "CRITICAL",
            "ASA_LOG_LEVEL": "CRITICAL",
        }
    )
    code = (
        "import django; django.setup(); from django.test import Client; r = Client().get('/helse/'); "
        "print(r.status_code, r.content.decode())"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503" and json.loads(body) == {"status": "feil", "database": "utilgjengelig"}


def test_log_lines_are_json_with_the_event_and_its_fields():
    record = logging.getLogger("asa.epost").makeRecord(
        "asa.epost", logging.WARNING, __file__, 1, "epost_feilet", (), None, extra={"soknad_id": 7, "forsok": 2}
    )
    line = json.loads(JsonLinjer().format(record))
    assert (line["logger"], line["niva"], line["hendelse"]) == ("asa.epost", "WARNING", "epost_feilet")
    assert (line["soknad_id"], line["forsok"]) == (7, 2) and line["tid"].endswith("+00:00")


@pytest.mark.django_db
def test_registry_calls_status_changes_and_mail_are_logged(
    client, caplog, fake_brreg, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO, logger="asa")
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    client.force_login(soker_for(soknad.virksomhet))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("soknader:se_over", args=[soknad.pk]))
    client.get(reverse("brreg:enhet", args=["974760673"]))
    events = {(r.name, r.getMessage()): r for r in caplog.records}
    status = events[("asa.status", "statusendring")]
    assert (status.soknad_id, status.fra_status, status.til_status) == (soknad.pk, "utkast", "innsendt")
    assert events[("asa.epost", "epost_lagt_i_ko")].soknad_id == soknad.pk
    oppslag = events[("asa.brreg", "brreg_oppslag")]
    assert oppslag.organisasjonsnummer == "974760673" and oppslag.utfall in {"funnet", "ikke_funnet"}


@pytest.mark.django_db
def test_a_limit_counts_every_use_and_starts_again_in_a_new_window():
    assert [hit("x", hvem=1, grense=3) for _ in range(5)] == [False, False, False, True, True]
    assert hit("x", hvem=2, grense=3) is False  # per user
    assert hit("y", hvem=1, grense=3) is False  # per limit


@pytest.fixture(scope="module")
def appserver(tmp_path_factory):
    """gunicorn with 4 worker processes on a SQLite file, as `make run`'s database but with several workers."""
    server = AppServer(tmp_path_factory.mktemp("appserver"), workers=4, extra_env={"BRREG_RATE_LIMIT": "10"})
    data = server.setup(soknader=21)  # one for 8 tabs, 20 submitted at once
    server.start()
    yield server, data
    server.stop()


def test_the_lookup_limit_holds_across_gunicorn_workers_and_instances(appserver):
    server, data = appserver
    # a second instance on the same database: the session and the count are shared, nothing is per process
    other = AppServer(server.log.parent, workers=2, extra_env={"BRREG_RATE_LIMIT": "10"}, name="instans-2").start()
    try:
        sessions = [server.session(data["bruker"]), other.session(data["bruker"])]
        urls = [f"{server.url}/brreg/enhet/974760673/", f"{other.url}/brreg/enhet/974760673/"]
        if time.time() % 60 > 40:  # the limit counts per minute: the 40 lookups must not straddle a new minute
            time.sleep(60.5 - time.time() % 60)
        with ThreadPoolExecutor(max_workers=12) as pool:
            codes = Counter(pool.map(lambda i: sessions[i % 2].get(urls[i % 2], timeout=60).status_code, range(40)))
    finally:
        other.stop()
    assert codes[429] == 30, codes  # exactly 10 went through, whichever instance and worker answered
    assert codes[302] == 0, codes  # logged in on both instances
    assert sum(n for code, n in codes.items() if code >= 500 and code != 503) == 0, codes


def test_a_large_limit_taken_in_portions_never_lets_more_through_across_workers_and_instances(appserver):
    """Portions of up to 10 (drift/limits.py): 6 processes on two instances take from one row, and together they
    never hand out more than the limit, whoever answers."""
    server, data = appserver
    portions = {"BRREG_RATE_LIMIT": "60", "GRENSE_PORSJON": "10", "GRENSE_DELING": "1"}
    instances = [
        AppServer(server.log.parent, workers=workers, extra_env=portions, name=f"porsjoner-{workers}").start()
        for workers in (4, 2)
    ]
    try:
        sessions = [instance.session(data["bruker"]) for instance in instances]
        urls = [f"{instance.url}/brreg/enhet/974760673/" for instance in instances]
        if time.time() % 60 > 40:  # the 150 lookups in one minute's window
            time.sleep(60.5 - time.time() % 60)
        with ThreadPoolExecutor(max_workers=12) as pool:
            codes = Counter(pool.map(lambda i: sessions[i % 2].get(urls[i % 2], timeout=60).status_code, range(150)))
    finally:
        for instance in instances:
            instance.stop()
    through = sum(n for code, n in codes.items() if code != 429)
    assert 0 < through <= 60, codes  # never more than the limit; a portion a process did not spend is lost
    assert codes[302] == 0 and sum(n for code, n in codes.items() if code >= 500 and code != 503) == 0, codes


def test_concurrent_submits_on_sqlite_under_gunicorn_give_no_500(appserver):
    server, data = appserver
    first, *rest = data["soknader"]
    with ThreadPoolExecutor(max_workers=8) as pool:
        same = Counter(pool.map(lambda _: server.submit(first["sessionid"], first["pk"]), range(8)))
    with ThreadPoolExecutor(max_workers=len(rest)) as pool:
        many = Counter(pool.map(lambda s: server.submit(s["sessionid"], s["pk"]), rest))
    assert same[302] == 1 and same[500] == 0, same  # one submission; the other tabs are told it is sent
    assert many == {302: len(rest)}, many
    assert server.server_errors() == 0
