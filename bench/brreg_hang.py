"""Benchmark: how long does a lookup in Enhetsregisteret keep the user waiting when the registry misbehaves?

Run from the repository root:

    .venv/bin/python bench/brreg_hang.py [--runder 3] [--logg]

Starts the fake registry from tests/brreg/fake_brreg.py, loads registrering.settings with its DEFAULT
BRREG_* values (any BRREG_* environment variables are ignored; BRREG_BASE_URL points at the fake), and
times `brreg.client.get_enhet` for numbers that hang (answer after 30 s), drop the connection, answer 500,
trickle the body one byte per 0.1 s, never accept the connection (connect timeout), and, last, with the
registry stopped (connection refused). Prints each
wait and the worst one, which must stay under BRREG_TOTAL_TIMEOUT.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runder", type=int, default=3, help="lookups per scenario (default 3)")
    parser.add_argument("--logg", action="store_true", help="show the client's log lines (one per HTTP call)")
    args = parser.parse_args()

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
