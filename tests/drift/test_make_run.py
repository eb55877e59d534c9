"""`make run` as a new user starts it: the logins and the address last before the server's own lines, and Ctrl+C
(SIGINT to the terminal's process group) or a TERM to make leaves no process behind and the port closed."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings

from tests.drift.appserver import ROOT, free_port

SERVER_STARTS = ("Watching for file changes", "Performing system checks")


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _job_runs(workdir) -> int:
    with sqlite3.connect(workdir / "db.sqlite3") as db:
        try:
            return db.execute("SELECT COUNT(*) FROM drift_jobrun WHERE resultat = 'ok'").fetchone()[0]
        except sqlite3.OperationalError:  # not migrated yet
            return 0


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("make-run")


@pytest.mark.parametrize("stop", ["ctrl-c", "term"])
def test_make_run_prints_the_logins_last_and_stops_every_process(workdir, stop):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        EPOST_UTVIKLING_MAPPE=str(workdir / "epost"),
        BRREG_BASE_URL="http://127.0.0.1:9/enhetsregisteret/api",  # never the real registry from a test
        DRIFT_JOBB_TIDER=",".join(f"{name}=00:00" for name, _, _ in settings.DRIFT_JOBS),  # all due: they run now
    )
    command = ["make", "--no-print-directory", "-o", "install", "run", f"ADRESSE=127.0.0.1:{port}"]
    if not (ROOT / ".venv" / "bin" / "python").exists():
        command.append(f"PY={sys.executable}")
    log = workdir / f"{stop}.log"
    with open(log, "w") as out:
        make = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/helse/", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            pytest.fail(log.read_text()[-3000:])
        deadline = time.monotonic() + 60  # the sender runs the daily jobs by itself (once a day: the first run)
        while time.monotonic() < deadline and _job_runs(workdir) < len(settings.DRIFT_JOBS):
            time.sleep(0.5)
        processes = _descendants(make.pid)
        assert len(processes) >= 3, processes  # make's child, the sender, runserver (and its reloader's child)
        if stop == "ctrl-c":
            os.killpg(make.pid, signal.SIGINT)  # what the terminal does
        else:
            make.send_signal(signal.SIGTERM)
        make.wait(timeout=30)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
    time.sleep(0.5)
    assert [pid for pid in processes if _alive(pid)] == []
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass

    assert _job_runs(workdir) == len(settings.DRIFT_JOBS)  # a second start the same day runs none again
    lines = log.read_text().splitlines()
    server = next(i for i, line in enumerate(lines) if line.startswith(SERVER_STARTS))
    box_end = max(i for i, line in enumerate(lines[:server]) if line.startswith("└"))
    assert server - box_end <= 15, "\n".join(lines[box_end:server])
    box = "\n".join(lines[box_end - 8 : box_end])
    assert "kommune" in box and "saksbehandler" in box and f"http://127.0.0.1:{port}" in box
    assert len(lines) < 120, "\n".join(lines)


def test_the_libraries_progress_lines_are_left_out():
    """WeasyPrint wrote a JSON line per page of every PDF, fontTools one per font subset."""
    import logging

    for name in ("weasyprint.progress", "weasyprint", "fontTools.subset", "fontTools.ttLib"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING, name


def test_the_local_oidc_provider_of_make_run_oidc_prints_no_deprecation_warnings():
    port = free_port()
    provider = subprocess.Popen(
        [sys.executable, "-m", "tests.tilgang.oidc_demo", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(f"http://127.0.0.1:{port}/.well-known/openid-configuration", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.3)
    finally:
        provider.terminate()
        out, _ = provider.communicate(timeout=30)
    assert "Uvicorn running" in out
    assert "Deprecat" not in out, out
