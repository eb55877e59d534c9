"""Concurrent submits on the embedded SQLite under gunicorn with 4 workers: are there any 500s?

Two scenarios, as the production review ran them: one user presses "Send inn" on one application from 8 tabs at
once, and N applications (default 23) are submitted by N users at the same moment. Prints the status codes, the
"database is locked" lines in gunicorn's log and the time taken. Compare with another checkout (before/after):

    .venv/bin/python bench/sqlite_samtidig.py [--kode /path/to/other/checkout] [--soknader 23] [--runder 3]
"""

import argparse
import collections
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.drift.appserver import ROOT, AppServer  # noqa: E402


def _burst(server: AppServer, jobs: list[tuple[str, int]]) -> tuple[collections.Counter, float]:
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        codes = collections.Counter(pool.map(lambda job: server.submit(*job), jobs))
    return codes, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kode", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    parser.add_argument("--soknader", type=int, default=23, help="applications submitted at once (23)")
    parser.add_argument("--runder", type=int, default=3, help="rounds of each scenario, each on a fresh database")
    args = parser.parse_args()

    print(f"Kode: {args.kode}  (gunicorn -w 4, SQLite i fil)")
    totals = {"8 faner, én søknad": collections.Counter(), f"{args.soknader} søknader samtidig": collections.Counter()}
    locked = 0
    for runde in range(1, args.runder + 1):
        server = AppServer(Path(tempfile.mkdtemp(prefix="asa-sqlite-")), code=args.kode, workers=4)
        data = server.setup(args.soknader + 1)
        server.start()
        try:
            first, *rest = data["soknader"]
            same, t1 = _burst(server, [(first["sessionid"], first["pk"])] * 8)
            many, t2 = _burst(server, [(s["sessionid"], s["pk"]) for s in rest])
        finally:
            server.stop()
        locked += server.server_errors()
        totals["8 faner, én søknad"] += same
        totals[f"{args.soknader} søknader samtidig"] += many
        print(
            f"runde {runde}: 8 faner {dict(sorted(same.items()))} på {t1:.2f} s; "
            f"{args.soknader} søknader {dict(sorted(many.items()))} på {t2:.2f} s"
        )
    print()
    for name, codes in totals.items():
        print(f"{name:>26}: {dict(sorted(codes.items()))}  (500: {codes.get(500, 0)})")
    print(f"{'feil i gunicorn-loggen':>26}: {locked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
