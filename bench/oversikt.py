"""Benchmark: how long does the public overview (/oversikt/) take at ten times the national volume?

Run from the repository root:

    DJANGO_DEBUG=1 .venv/bin/python bench/oversikt.py [--skala 10] [--runder 20]

Works in a throwaway database that is created for the run and dropped afterwards: a temporary SQLite file by
default (the developer's db.sqlite3 is never opened), or, when DATABASE_URL points at PostgreSQL, a new database
`asa_bench_<pid>` on that server. Fills it with bulk_create: per kommune `skala` organisations registered as the
kommune, each applying for ALM, SAM and ARB, plus 1,000 × `skala` other organisations (one in ten without a
kommune) applying for SAM and ARB: about 30,000 applications at skala 10, in every status. Then renders the
pages with Django's test Client against the live settings and prints the median and worst time in ms and the
number of queries of each.

Every application sent in gets a søknadsdato between May 2019 and 2022 and a dated status history leading to its
status (sent in, under review, anmodning, decision: about 2.5 rows each), so the table as of a date (`?dato=`,
rebuilt from the history, issue 21) is measured at the same volume.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))

# Status weights, roughly as in the directorate's 2021 figures (many awaiting more information, a third registered).
STATUSVEKTER = {
    "utkast": 8,
    "innsendt": 10,
    "under_behandling": 10,
    "anmodning_sendt": 25,
    "registrert": 40,
    "avslatt": 4,
    "trukket": 3,
}


def _setup() -> str:
    """Point Django at a throwaway database; returns a description of it."""
    scratch = None
    if not os.environ.get("DATABASE_URL"):
        scratch = Path(tempfile.mkdtemp(prefix="asa-bench-")) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "registrering.settings"
    os.environ.setdefault("DJANGO_DEBUG", "1")

    import django
    from django.conf import settings

    django.setup()
    database = settings.DATABASES["default"]
    database.setdefault("TEST", {})["NAME"] = str(scratch) if scratch else f"asa_bench_{os.getpid()}"
    return f"{database['ENGINE'].rsplit('.', 1)[-1]} ({database['TEST']['NAME']})"


def _fill(skala: int, seed: int = 2021) -> int:
    from django.db import connection

    from brreg.models import Kommune, Virksomhet
    from soknader.models import Soknad

    rng = random.Random(seed)
    statuser, vekter = list(STATUSVEKTER), list(STATUSVEKTER.values())
    kommuner = list(Kommune.objects.values_list("nummer", flat=True))

    kommuneorg = [
        Virksomhet(organisasjonsnummer=f"7{i:08d}", navn=f"Kommune {k} ({n})", er_kommune=True, kommune_id=k)
        for i, (k, n) in enumerate((k, n) for k in kommuner for n in range(skala))
    ]
    andre = [
        Virksomhet(
            organisasjonsnummer=f"8{i:08d}",
            navn=f"Virksomhet {i} AS",
            kommune_id=None if i % 10 == 9 else rng.choice(kommuner),
        )
        for i in range(1_000 * skala)
    ]
    Virksomhet.objects.bulk_create(kommuneorg + andre, batch_size=2_000)
    kommuneorg = Virksomhet.objects.filter(er_kommune=True, organisasjonsnummer__startswith="7")
    andre = Virksomhet.objects.filter(er_kommune=False, organisasjonsnummer__startswith="8")

    def soknad(virksomhet_id: int, spesialitet: str) -> Soknad:
        return Soknad(
            virksomhet_id=virksomhet_id,
            spesialitet=spesialitet,
            status=rng.choices(statuser, vekter)[0],
            kontaktperson_navn="Kari Nordmann",
            kontaktperson_epost="kari@example.no",
        )

    soknader = [soknad(pk, s) for pk in kommuneorg.values_list("pk", flat=True) for s in ("ALM", "SAM", "ARB")]
    soknader += [soknad(pk, s) for pk in andre.values_list("pk", flat=True) for s in ("SAM", "ARB")]
    Soknad.objects.bulk_create(soknader, batch_size=2_000)
    _fill_history(rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as autovacuum would have them in a database in use
    return len(soknader)


# The statuses an application passes through on its way to its status (the last one).
VEIER = {
    "innsendt": ["innsendt"],
    "under_behandling": ["innsendt", "under_behandling"],
    "anmodning_sendt": ["innsendt", "under_behandling", "anmodning_sendt"],
    "registrert": ["innsendt", "under_behandling", "registrert"],
    "avslatt": ["innsendt", "under_behandling", "anmodning_sendt", "avslatt"],
    "trukket": ["innsendt", "trukket"],
}


def _fill_history(rng: random.Random) -> None:
    """A søknadsdato and dated status changes for every application sent in (the decisions with their vedtaksdato)."""
    from django.utils import timezone

    from soknader.models import Soknad, Statusendring

    start = dt.datetime(2019, 5, 1, 9, 0)
    datoer, endringer = {}, []
    for pk, status in Soknad.objects.exclude(status="utkast").values_list("pk", "status"):
        tid = start + dt.timedelta(days=rng.randrange(0, 1300), minutes=rng.randrange(0, 600))
        datoer[pk] = tid.date()
        fra = "utkast"
        for til in VEIER[status]:
            endringer.append(
                Statusendring(soknad_id=pk, fra_status=fra, til_status=til, tidspunkt=timezone.make_aware(tid))
            )
            fra, tid = til, tid + dt.timedelta(days=rng.randrange(5, 300), minutes=rng.randrange(0, 600))
    felt = Statusendring._meta.get_field("tidspunkt")
    felt.auto_now_add = False  # keep the dates given (only in this process, for the fill)
    try:
        Statusendring.objects.bulk_create(endringer, batch_size=5_000)
    finally:
        felt.auto_now_add = True
    soknader = Soknad.objects.in_bulk(list(datoer))
    for pk, soknad in soknader.items():
        soknad.soknadsdato = datoer[pk]
    Soknad.objects.bulk_update(soknader.values(), ["soknadsdato"], batch_size=2_000)
    print(f"Historikk: {len(endringer)} statusendringer")


def _time(client, url: str, runder: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # warm up: templates, connection
        assert client.get(url).status_code == 200, url
    ganger = []
    for _ in range(runder):
        started = time.perf_counter()
        response = client.get(url)
        ganger.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return statistics.median(ganger), max(ganger), len(ctx.captured_queries)


def _print_slowest_queries(client, url: str) -> None:
    """Where the page's time goes: each query's time as the database reports it (DEBUG's query log)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        client.get(url)
        total = (time.perf_counter() - started) * 1000
    sql_ms = sum(float(q["time"]) for q in ctx.captured_queries) * 1000
    print(f"{url}: {total:.1f} ms i alt, av dette {sql_ms:.1f} ms i databasen:")
    for q in ctx.captured_queries:
        print(f"  {float(q['time']) * 1000:7.1f} ms  {q['sql'][:90]}…")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skala", type=int, default=10, help="times the national volume (default 10)")
    parser.add_argument("--runder", type=int, default=20, help="renders per page (default 20)")
    args = parser.parse_args()

    database = _setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from brreg.models import Helseregion
    from soknader.models import Soknad

    print(f"Database: {database}")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("last_referansedata", verbosity=0)
        started = time.perf_counter()
        antall = _fill(args.skala)
        print(
            f"Fylte inn {antall} søknader ({Soknad.objects.exclude(status='utkast').count()} sendt inn) "
            f"på {time.perf_counter() - started:.1f} s"
        )
        region = Helseregion.objects.order_by("navn").first().kode
        sider = [
            reverse("oversikt:oversikt"),
            reverse("oversikt:oversikt") + f"?spesialitet=SAM&helseregion={region}",
            reverse("oversikt:regioner_csv"),
            reverse("oversikt:regioner_xlsx") + "?spesialitet=ARB",
            reverse("oversikt:oversikt") + "?dato=2021-01-20",
            reverse("oversikt:oversikt") + "?spesialitet=SAM&dato=2022-06-30",
            reverse("oversikt:regioner_csv") + "?dato=2021-01-20",
        ]
        client = Client(HTTP_HOST="localhost")
        for url in sider:
            median, verst, sporringer = _time(client, url, args.runder)
            print(f"{url:45} median {median:7.1f} ms   verst {verst:7.1f} ms   {sporringer} spørringer")
        _print_slowest_queries(client, sider[0])
        _print_slowest_queries(client, sider[4])
    finally:
        navn = connection.settings_dict["TEST"]["NAME"]
        connection.creation.destroy_test_db(navn, verbosity=0)
        if navn.endswith(".sqlite3"):
            Path(navn).parent.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
