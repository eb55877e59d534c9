"""Benchmark: how long does a lookup in Enhetsregisteret keep the user waiting when the registry misbehaves?

Run from the repository root:

    .venv/bin/python bench/brreg_hang.py [--runder 3] [--logg] [--kode /path/to/other/checkout] [--bare-start]

Part 2 (the start form, `--bare-start` for it alone): gunicorn with 4 workers on a SQLite file, the registry
hanging (the fake answers after 30 s), the production BRREG_* defaults. One user presses "Start søknaden" from 8
tabs at once for an organisation Altinn gave them (not a kommune, so it is looked up); meanwhile an anonymous
visitor loads /oversikt/ and /helse/. Then a second user does the same (round 2). Prints each start's status and
time, how long the burst held the workers, how often the registry was asked, and the visitor's waits. `--kode`
runs another checkout (before/after).

Part 1:

Starts the fake registry from tests/brreg/fake_brreg.py, loads registrering.settings with its DEFAULT
BRREG_* values (any BRREG_* environment variables are ignored; BRREG_BASE_URL points at the fake), and
times `brreg.client.get_enhet` for numbers that hang (answer after 30 s), drop the connection, answer 500,
trickle the body one byte per 0.1 s, never accept the connection (connect timeout), and, last, with the
registry stopped (connection refused). Prints each
wait and the worst one, which must stay under BRREG_TOTAL_TIMEOUT.
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))

from tests.brreg import fake_brreg as fb  # noqa: E402


class _CallCounter(logging.Handler):
    """Counts the client's log lines: one per HTTP attempt."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if hasattr(record, "brreg_attempt"):
            self.count += 1


START_SEED = r"""
import json, sys
import django
django.setup()
from django.test import Client
from brreg.services import virksomhet_create_unverified
from tests.soknader.factories import UserFactory, gi_tilgang
virksomhet = virksomhet_create_unverified(organisasjonsnummer=sys.argv[1], navn="Vår BHT AS (fra Altinn)")
sessions = []
for _ in range(2):
    client = Client()
    client.force_login(gi_tilgang(UserFactory(), virksomhet))
    sessions.append(client.cookies["sessionid"].value)
print(json.dumps(sessions))
"""


def _start(url: str, sessionid: str, orgnr: str) -> tuple[int, float]:
    """GET the start form, then POST it; the POST's status and seconds."""
    import requests

    session = requests.Session()
    session.cookies.set("sessionid", sessionid, domain="127.0.0.1")
    page = session.get(f"{url}/soknader/ny/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if page.status_code != 200 or not token:
        return page.status_code, 0.0
    started = time.monotonic()
    response = session.post(
        f"{url}/soknader/ny/",
        data={"csrfmiddlewaretoken": token.group(1), "organisasjonsnummer": orgnr, "spesialitet": "ARB"},
        headers={"Referer": f"{url}/soknader/ny/"},
        allow_redirects=False,
        timeout=60,
    )
    return response.status_code, time.monotonic() - started


def start_burst(kode: Path, tabs: int = 8) -> int:
    """Part 2: `tabs` parallel starts from one user while the registry hangs, and an anonymous visitor meanwhile."""
    import requests

    from tests.drift.appserver import AppServer

    fake = fb.FakeBrreg(slow_seconds=30.0).start()
    production = {  # the defaults of registrering/settings.py, whatever the checkout
        "BRREG_BASE_URL": fake.url,
        "BRREG_CONNECT_TIMEOUT": "2.0",
        "BRREG_READ_TIMEOUT": "3.0",
        "BRREG_TOTAL_TIMEOUT": "5.0",
        "BRREG_RETRIES": "2",
    }
    server = AppServer(Path(tempfile.mkdtemp(prefix="asa-brreg-")), code=kode, workers=4, extra_env=production)
    server.setup(0)
    seeded = subprocess.run(
        [str(server.python), "-c", START_SEED, fb.SLOW],
        cwd=server.code,
        env=server.env,
        capture_output=True,
        text=True,
        check=True,
    )
    sessionids = json.loads(seeded.stdout.strip().splitlines()[-1])
    server.start()
    errors = 0
    try:
        requests.get(server.url + "/oversikt/", timeout=60)  # warm
        for runde, sessionid in enumerate(sessionids, start=1):
            errors += _burst(server, sessionid, tabs, fake, runde)
    finally:
        server.stop()
        fake.stop()
    print(f"  500 i gunicorn-loggen: {server.server_errors()}")
    return 0 if not errors and not server.server_errors() else 1


def _burst(server, sessionid: str, tabs: int, fake, runde: int) -> int:
    """`tabs` parallel starts from one user, and an anonymous visitor meanwhile; prints what it saw."""
    import requests

    visitor: dict[str, list[float]] = collections.defaultdict(list)
    done = threading.Event()

    def visit() -> None:
        time.sleep(0.3)  # the starts have taken the workers
        while not done.is_set():
            for path in ("/oversikt/", "/helse/"):
                began = time.monotonic()
                requests.get(server.url + path, timeout=60)
                visitor[path].append(time.monotonic() - began)

    asked = fake.count()
    watcher = threading.Thread(target=visit)
    began = time.monotonic()
    watcher.start()
    with ThreadPoolExecutor(max_workers=tabs) as pool:
        results = list(pool.map(lambda _: _start(server.url, sessionid, fb.SLOW), range(tabs)))
    held = time.monotonic() - began
    done.set()
    watcher.join()
    codes = collections.Counter(code for code, _ in results)
    print(f"\nRunde {runde} ({'ny bruker, ' if runde > 1 else ''}registeret henger), gunicorn -w 4 ({server.code}):")
    print(f"  {tabs} faner samtidig: status {dict(sorted(codes.items()))}")
    print(f"  tid per start: {', '.join(f'{s:.2f}' for _, s in sorted(results, key=lambda r: r[1]))} s")
    print(f"  alle {tabs} ferdige etter {held:.2f} s; oppslag mot registeret: {fake.count() - asked}")
    for path, waits in visitor.items():
        print(f"  anonym {path:11} under starten: {len(waits)} kall, maks {max(waits):.2f} s")
    return codes.get(500, 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runder", type=int, default=3, help="lookups per scenario (default 3)")
    parser.add_argument("--logg", action="store_true", help="show the client's log lines (one per HTTP call)")
    parser.add_argument("--kode", type=Path, default=ROT, help="checkout for the start form part (default: this)")
    parser.add_argument("--bare-start", action="store_true", help="only part 2, the start form under gunicorn")
    args = parser.parse_args()
    if args.bare_start:
        return start_burst(args.kode)
    result = client_waits(args)
    return start_burst(args.kode) or result


def client_waits(args) -> int:
    """Part 1: the client's own waits, scenario by scenario."""
    fake = fb.FakeBrreg(slow_seconds=30.0).start()
    for name in [n for n in os.environ if n.startswith("BRREG_")]:
        del os.environ[name]
    os.environ["BRREG_BASE_URL"] = fake.url
    os.environ["DJANGO_SETTINGS_MODULE"] = "registrering.settings"
    os.environ.setdefault("DJANGO_DEBUG", "1")

    import django
    from django.conf import settings

    django.setup()
    calls = _CallCounter()
    client_logger = logging.getLogger("brreg.client")
    client_logger.setLevel(logging.INFO)
    client_logger.addHandler(calls)
    client_logger.propagate = args.logg
    logging.getLogger("asa.brreg").disabled = not args.logg  # the structured line per lookup (docs/drift.md)

    from brreg.client import BrregError, get_enhet

    print(
        f"Innstillinger: connect {settings.BRREG_CONNECT_TIMEOUT} s, read {settings.BRREG_READ_TIMEOUT} s, "
        f"total {settings.BRREG_TOTAL_TIMEOUT} s, retries {settings.BRREG_RETRIES}"
    )
    scenarios = [
        ("henger (svarer etter 30 s)", fb.SLOW),
        ("bryter forbindelsen", fb.DROPPED),
        ("500 hver gang", fb.ALWAYS_500),
        ("drypper svaret", fb.TRICKLE),
        ("tar ikke imot tilkobling", "black-hole"),
        ("nede (connection refused)", fb.KOMMUNE_BODO),
    ]
    worst = 0.0
    for label, number in scenarios:
        if number == fb.KOMMUNE_BODO:
            fake.stop()
        black_hole = None
        if number == "black-hole":
            black_hole = fb.BlackHole().start()
            settings.BRREG_BASE_URL, number = black_hole.url, fb.KOMMUNE_BODO
        calls.count = 0
        waits, outcomes = [], set()
        for _ in range(args.runder):
            started = time.monotonic()
            try:
                get_enhet(number)
                outcomes.add("funnet")
            except BrregError as error:
                outcomes.add(type(error).__name__)
            waits.append(time.monotonic() - started)
        if black_hole is not None:
            black_hole.stop()
            settings.BRREG_BASE_URL = fake.url
        worst = max(worst, *waits)
        print(
            f"{label:26} {number}: ventet {', '.join(f'{w:.2f}' for w in waits)} s; maks {max(waits):.2f} s; "
            f"{calls.count / args.runder:.0f} forsøk per oppslag; {', '.join(sorted(outcomes))}"
        )
    fake.stop()
    print(f"Lengste ventetid: {worst:.2f} s (grense BRREG_TOTAL_TIMEOUT = {settings.BRREG_TOTAL_TIMEOUT} s)")
    return 0 if worst <= settings.BRREG_TOTAL_TIMEOUT + 0.25 else 1


if __name__ == "__main__":
    sys.exit(main())
