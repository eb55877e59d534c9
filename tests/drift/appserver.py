"""The app as it runs in production: a SQLite (or DATABASE_URL) database file, data seeded, gunicorn with several
worker processes on 127.0.0.1. Used by the tests that need more than one process and by bench/sqlite_samtidig.py.

`code` is the checkout to run (this one by default; the bench can point it at another to compare before/after)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]

SEED = r"""
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from brreg.models import Kommune
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, UserFactory, soker_for
call_command("last_referansedata", verbosity=0)
out = {"soknader": [], "bruker": None}
for kommune in Kommune.objects.order_by("nummer")[:int(sys.argv[1])]:
    soknad = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer=kommune.nummer))
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    client = Client()
    client.force_login(soker_for(soknad.virksomhet))
    out["soknader"].append({"pk": soknad.pk, "sessionid": client.cookies["sessionid"].value})
client = Client()
client.force_login(UserFactory())
out["bruker"] = client.cookies["sessionid"].value
print(json.dumps(out))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    def __init__(
        self,
        workdir: Path,
        *,
        code: Path = ROOT,
        workers: int = 4,
        extra_env: dict | None = None,
        name: str = "gunicorn",
    ):
        """A second AppServer on the same `workdir` is a second instance on the same database."""
        self.code = Path(code)
        self.python = self.code / ".venv" / "bin" / "python"
        if not self.python.exists():
            self.python = Path(sys.executable)
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "BRREG_"))}
        self.env.update(
            {
                "DATABASE_URL": os.environ.get("APPSERVER_DATABASE_URL", f"sqlite:///{workdir / 'asa.sqlite3'}"),
                "DJANGO_SECRET_KEY": "appserver-" + "s" * 50,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_SECURE_COOKIES": "0",
                "DJANGO_SECURE_SSL_REDIRECT": "0",
                "BRREG_BASE_URL": "http://127.0.0.1:9/enhetsregisteret/api",  # registry down: never the real one
                "BRREG_TOTAL_TIMEOUT": "1",
                # no mail server here: keep mail out of what is measured (an older checkout sends in the request)
                "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
                "DJANGO_LOG_LEVEL": "WARNING",
                "ASA_LOG_LEVEL": "WARNING",
                "PYTHONPATH": str(self.code),
            }
        )
        if (self.code / "registrering" / "settings_test.py").exists():
            self.env["DJANGO_SETTINGS_MODULE"] = "registrering.settings_test"  # static files from the finders
        else:  # an older checkout: it chose test settings from this variable
            self.env["DJANGO_SETTINGS_MODULE"] = "registrering.settings"
            self.env["DJANGO_TESTING"] = "1"
        self.env.update(extra_env or {})
        self.log = workdir / f"{name}.log"
        self._process = None

    def manage(self, *args: str) -> str:
        return subprocess.run(
            [str(self.python), "manage.py", *args],
            cwd=self.code,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def setup(self, soknader: int = 0) -> dict:
        self.manage("migrate", "--noinput", "-v0")
        self.manage("createcachetable")
        result = subprocess.run(
            [str(self.python), "-c", SEED, str(soknader)], cwd=self.code, env=self.env, capture_output=True, text=True
        )
        if result.returncode:
            raise RuntimeError(f"seeding failed: {result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def start(self) -> AppServer:
        gunicorn = self.python.parent / "gunicorn"
        self._process = subprocess.Popen(
            [
                str(gunicorn),
                "-w",
                str(self.workers),
                "-b",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
                *self._no_control_socket(gunicorn),
                "registrering.wsgi",
            ],
            cwd=self.code,
            env=self.env,
            stdout=open(self.log, "w"),  # noqa: SIM115 (the server writes to it after we return)
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                requests.get(self.url + "/helse/", timeout=5)  # any answer: it listens (an old checkout has no /helse/)
                return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start: {self.log.read_text()[-2000:]}")

    @staticmethod
    def _no_control_socket(gunicorn: Path) -> list[str]:
        """gunicorn 24+ opens a control socket at one fixed path per user: parallel servers must not share it."""
        help_text = subprocess.run([str(gunicorn), "--help"], capture_output=True, text=True).stdout
        return ["--no-control-socket"] if "--no-control-socket" in help_text else []

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=20)

    def session(self, sessionid: str) -> requests.Session:
        session = requests.Session()
        session.cookies.set("sessionid", sessionid, domain="127.0.0.1")
        return session

    def submit(self, sessionid: str, pk: int) -> int:
        """The søker opens 'se over og send inn' and presses the button; returns the answer's status code."""
        session = self.session(sessionid)
        page = session.get(f"{self.url}/soknader/{pk}/se-over/", timeout=60)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if page.status_code != 200 or not match:
            return page.status_code
        response = session.post(
            f"{self.url}/soknader/{pk}/se-over/",
            data={"csrfmiddlewaretoken": match.group(1)},
            allow_redirects=False,
            timeout=60,
        )
        return response.status_code

    def server_errors(self) -> int:
        return len(re.findall(r"database is locked|Internal Server Error", self.log.read_text()))
