"""Load test: the pages where søkere and caseworkers work, under gunicorn on PostgreSQL, side by side in one run.

Run from the repository root (PostgreSQL on 127.0.0.1:5432, `wrk` installed: `apt-get install wrk`):

    .venv/bin/python bench/last.py [--sekunder 10] [--tilkoblinger 20] [--workers 4] [--to-instanser] [--ikke-fyll]

1. (Re)creates the database `ytelse` on 127.0.0.1 (BENCH_DATABASE_URL to choose another; never `asa`), migrates
   it and fills it with about 4,068 applications and 40,700 læringsarenaer in every status, with findings, plus
   a søker's draft and a submitted application with 30 arenas each (`--ikke-fyll` keeps the data of a previous run).
2. Starts gunicorn (production settings, DEBUG off, `--workers` sync workers) on 127.0.0.1, and a fake
   Enhetsregisteret on 127.0.0.1; with `--to-instanser` two gunicorn instances on two ports share the database.
3. Logs in by password as a søker (organisations from the development source, ALTINN_BASE_URL empty) and as a
   caseworker, checks every page answers 200, then drives each page with wrk for `--sekunder` seconds with
   `--tilkoblinger` connections, one page after the other, and prints p50/p95, requests per second and errors,
   beside a bare view and a plain-Django render of each section's fields (bench/last_urls.py).
4. With two instances: each page is driven on both at once (half the connections each), and the pages are checked
   to show the same result on both, also right after an application changed through one of them.
5. `--for DIR --for-python PY`: the code of another checkout (before a change) is served too, on the same database,
   and each page is driven on both in turn, so both see the same load from the rest of the machine. PY must be a
   Python without this checkout's editable install (a venv whose .pth points at our site-packages will do).
6. `--enkelt`: each page also rendered in this process one request at a time (median wall and CPU time, queries).

Only 127.0.0.1 is ever targeted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.cookiejar
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/ytelse")
PASSORD = "bench-passord-1"
STATUSVEKTER = {  # as in bench/oversikt.py
    "utkast": 8,
    "innsendt": 10,
    "under_behandling": 10,
    "anmodning_sendt": 25,
    "registrert": 40,
    "avslatt": 4,
    "trukket": 3,
}
LM_TEKSTER = {
    "ALM": ["Alle bortsett fra ALM-055 og ALM-085; FKM 1-10", "ALM-001 til ALM-040", "ALM 41-90, FKM-011–FKM-020"],
    "SAM": ["SAM-001 til SAM-030; FKM 1-20", "Alle", "SAM 31-60"],
    "ARB": ["ARB-001 til ARB-025", "Alle bortsett fra ARB-010", "ARB 26-50; FKM 1-5"],
}


def env(port_brreg: int | None = None) -> dict[str, str]:
    result = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.last_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": DATABASE_URL,
        "PASSWORD_LOGIN_FOR_APPLICANTS": "1",
        "ALTINN_BASE_URL": "",
        "BRREG_RATE_LIMIT": "1000000",  # the bench's one user looks up far more than a person would
        "AXES_FAILURE_LIMIT": "1000",
        "DJANGO_LOG_LEVEL": "WARNING",
        "ASA_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROT),
    }
    if port_brreg:
        result["BRREG_BASE_URL"] = f"http://127.0.0.1:{port_brreg}"
    return result


def _database_recreate() -> None:
    import psycopg2

    parts = urllib.parse.urlparse(DATABASE_URL)
    name = parts.path.lstrip("/")
    assert parts.hostname == "127.0.0.1" and name not in {"asa", "test_asa", "postgres"}, DATABASE_URL
    conn = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname="postgres"
    )
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def _manage(*args: str) -> None:
    subprocess.run([sys.executable, str(ROT / "manage.py"), *args], env=env(), check=True, cwd=ROT)


def _django() -> None:
    os.environ.update(env())
    import django

    django.setup()


def fill(seed: int = 2021) -> dict:
    """About 4,068 applications with 10 arenas each (40,700), findings on those sent in; the søker and the case."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from brreg.models import Kommune, Virksomhet
    from laeringsmal.tolking import katalog_for_soknad, tolk_laeringsmal
    from soknader.choices import Alvorlighet, Mangelkode, Seksjon
    from soknader.models import Innsending, Laeringsarena, Mangel, Soknad, Statusendring
    from soknader.services import innsending, refresh
    from tilgang.services import organisasjoner_set

    rng = random.Random(seed)
    statuser, vekter = list(STATUSVEKTER), list(STATUSVEKTER.values())
    kommuner = list(Kommune.objects.values_list("nummer", flat=True))
    Virksomhet.objects.bulk_create(
        [
            Virksomhet(organisasjonsnummer=f"7{i:08d}", navn=f"Kommune {k}", er_kommune=True, kommune_id=k)
            for i, k in enumerate(kommuner)
        ]
        + [
            Virksomhet(
                organisasjonsnummer=f"8{i:08d}",
                navn=f"Virksomhet {i} AS",
                kommune_id=None if i % 10 == 9 else rng.choice(kommuner),
            )
            for i in range(1_500)
        ],
        batch_size=2_000,
    )
    kommuneorg = Virksomhet.objects.filter(er_kommune=True).values_list("pk", flat=True)
    andre = Virksomhet.objects.filter(er_kommune=False).values_list("pk", flat=True)
    par = [(pk, s) for pk in kommuneorg for s in ("ALM", "SAM", "ARB")] + [
        (pk, s) for pk in andre for s in ("SAM", "ARB")
    ]
    dato = dt.date(2024, 3, 1)
    soknader = []
    for n, (pk, spesialitet) in enumerate(par):
        status = rng.choices(statuser, vekter)[0]
        soknader.append(
            Soknad(
                virksomhet_id=pk,
                spesialitet=spesialitet,
                status=status,
                kontaktperson_navn="Kari Nordmann",
                kontaktperson_epost="kari@example.no",
                organisering="Kommuneoverlegen har ansvaret.",
                referanse=None if status == "utkast" else f"B{n:07d}",
                soknadsdato=None if status == "utkast" else dato + dt.timedelta(days=n % 700),
            )
        )
    Soknad.objects.bulk_create(soknader, batch_size=2_000)
    katalog = katalog_for_soknad(None)
    tolket = {
        (s, t): tolk_laeringsmal(tekst=t, spesialitet=s, katalog=katalog).felter
        for s, tekster in LM_TEKSTER.items()
        for t in tekster
    }

    def arena(soknad_id: int, spesialitet: str, i: int) -> Laeringsarena:
        tekst = LM_TEKSTER[spesialitet][i % 3]
        return Laeringsarena(
            soknad_id=soknad_id,
            type="fastlege" if spesialitet == "ALM" else "annen",
            plassering="egen",
            ny_veileder=False,
            laeringsmal=tekst,
            laeringsmal_koder=tolket[spesialitet, tekst]["laeringsmal_koder"],
            laeringsmal_feil=tolket[spesialitet, tekst]["laeringsmal_feil"],
            supervisjon=["til_stede"],
        )

    alle = list(Soknad.objects.values_list("pk", "spesialitet", "status"))
    Laeringsarena.objects.bulk_create([arena(pk, s, i) for pk, s, _ in alle for i in range(10)], batch_size=5_000)
    koder = [(k, a) for k in Mangelkode.values for a in (Alvorlighet.MANGEL, Alvorlighet.ADVARSEL)]
    Mangel.objects.bulk_create(
        [
            Mangel(soknad_id=pk, kode=k, alvorlighet=a, melding=f"Funn {k}", seksjon=Seksjon.LAERINGSARENAER)
            for pk, _, status in alle
            if status != "utkast"
            for k, a in rng.sample(koder, rng.randint(0, 3))
        ],
        batch_size=5_000,
    )

    # the søker: Bodø-like kommune with a complete draft of 30 arenas (se over) ...
    User = get_user_model()
    soker = User.objects.create_user("bench.soker", password=PASSORD)
    kommune = Virksomhet.objects.filter(er_kommune=True).order_by("pk").first()
    organisasjoner_set(bruker=soker, virksomheter=[kommune])
    utkast = Soknad.objects.filter(virksomhet=kommune, spesialitet="ALM").get()
    Soknad.objects.filter(pk=utkast.pk).update(status="utkast", referanse=None, soknadsdato=None)
    Laeringsarena.objects.filter(soknad=utkast).delete()
    Laeringsarena.objects.bulk_create([arena(utkast.pk, "ALM", i) for i in range(30)])
    # ... and the caseworker's case: sent in twice (so the change view shows what changed), 30 arenas, findings
    User.objects.create_superuser("bench.saksbehandler", password=PASSORD)
    sak = Soknad.objects.filter(virksomhet=kommune, spesialitet="SAM").get()
    Soknad.objects.filter(pk=sak.pk).update(status="innsendt", referanse="BSAK0001", soknadsdato=dato)
    sak.refresh_from_db()
    Laeringsarena.objects.filter(soknad=sak).delete()
    Laeringsarena.objects.bulk_create([arena(sak.pk, "SAM", i) for i in range(30)])
    arenaer = list(sak.laeringsarenaer.order_by("pk"))
    innsending.innsending_create(soknad=sak, arenaer=arenaer[:29])
    innsending.innsending_create(soknad=sak, arenaer=arenaer)
    refresh.mangler_refresh(soknad=sak, arenaer=arenaer)
    Statusendring.objects.create(soknad=sak, fra_status="utkast", til_status="innsendt", utfort_av=soker)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "soknader": Soknad.objects.count(),
        "arenaer": Laeringsarena.objects.count(),
        "innsendinger": Innsending.objects.count(),
    }


def ids() -> dict:
    from soknader.models import Soknad

    return {
        "utkast": Soknad.objects.get(virksomhet__organisasjonsnummer="700000000", spesialitet="ALM").pk,
        "sak": Soknad.objects.get(referanse="BSAK0001").pk,
    }


# ---- the server side ---------------------------------------------------------------------------------------


def gunicorn(port: int, workers: int, port_brreg: int, rot: Path = ROT, python: str = sys.executable):
    """gunicorn serving the code in `rot` (another checkout with --for: the code before a change, same database)."""
    process = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "registrering.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--chdir",
            str(rot),
            "--log-level",
            "warning",
        ],
        env={**env(port_brreg), "PYTHONPATH": str(rot)},
        cwd=rot,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bar/", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn kom ikke opp på port {port}")


def login(base: str, username: str) -> str:
    """Password login as a browser does it; returns the Cookie header of the session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    side = opener.open(f"{base}/logg-inn/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', side).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": PASSORD}).encode()
    opener.open(urllib.request.Request(f"{base}/logg-inn/", data=data, headers={"Referer": f"{base}/logg-inn/"}))
    cookies = {c.name: c.value for c in jar}
    assert "sessionid" in cookies, f"innlogging som {username} feilet"
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


# Headers a client sends besides its cookie: the live LM reading's key from the arena page (drift/oppslag.py).
EKSTRA: dict[str, dict[str, str]] = {}


def get(base: str, path: str, cookie: str | None, ekstra: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(base + path, headers={**({"Cookie": cookie} if cookie else {}), **(ekstra or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def wrk(
    base: str, path: str, cookie: str | None, sekunder: int, tilkoblinger: int, ekstra: dict[str, str] | None = None
) -> subprocess.Popen:
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    for navn, verdi in (ekstra or {}).items():
        headers += ["-H", f"{navn}: {verdi}"]
    return subprocess.Popen(
        [
            "wrk",
            "-t2",
            f"-c{tilkoblinger}",
            f"-d{sekunder}s",
            "--timeout",
            "10s",
            "-s",
            str(ROT / "bench" / "last_rapport.lua"),
            *headers,
            base + path,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )


def result(process: subprocess.Popen) -> dict:
    out, _ = process.communicate()
    line = next(x for x in out.splitlines() if x.startswith("BENCH "))
    return json.loads(line.removeprefix("BENCH "))


BAR = "bar visning (gulv)"


def pages(i: dict) -> list[tuple[str, str, str, str | None]]:
    """(label, path, who, the floor's label or None)."""
    u, s = i["utkast"], i["sak"]
    rader = [
        (BAR, "/bench/bar/", "ingen", None),
        # the same bare view for a logged-in søker: the middleware reads the session and the user (2 queries), the
        # ceiling of any JSON answer that needs them
        ("bar visning med økt (tak for JSON med økt)", "/bench/bar/", "soker", BAR),
    ]
    for del_ in ("virksomhet", "ansvar", "forhold"):
        rader.append((f"plain Django: {del_}", f"/bench/seksjon/{u}/{del_}/", "soker", None))
        rader.append((f"søker: del {del_}", f"/soknader/{u}/del/{del_}/", "soker", f"plain Django: {del_}"))
    # Issue 23's goals for these are p95 as a multiple of a plain-Django section («× gulvet»): the section with the
    # same fields as the form's first page, the one the figures were measured against.
    plain = "plain Django: virksomhet"
    rader += [
        ("se over og send inn (30 arenaer)", f"/soknader/{u}/se-over/", "soker", plain),
        ("/oversikt/", "/oversikt/", "ingen", None),
        ("admin: søknadsliste", "/admin/soknader/soknad/", "saksbehandler", plain),
        ("admin: arbeidskø «alle åpne»", "/admin/soknader/soknad/?ko=alle", "saksbehandler", plain),
        ("admin: arbeidskø «klar for vedtak»", "/admin/soknader/soknad/?ko=klar", "saksbehandler", plain),
        ("admin: søknad (30 arenaer)", f"/admin/soknader/soknad/{s}/change/", "saksbehandler", plain),
        # the live LM reading (JSON) moved under the application: /soknader/<pk>/laeringsmal/tolk/
        ("LM-lesing (JSON), med økt", f"/soknader/{u}/laeringsmal/tolk/?tekst=ALM-001+til+ALM-040", "soker", BAR),
        # as the arena page's script asks: with the page's key, answered without the session (drift/oppslag.py)
        (
            "LM-lesing (JSON), sidens nøkkel",
            f"/soknader/{u}/laeringsmal/tolk/?tekst=ALM-001+til+ALM-040",
            "soker, sidens nøkkel",
            BAR,
        ),
        ("/brreg/enhet/ (JSON)", "/brreg/enhet/972418013/", "soker", BAR),
    ]
    return rader


def sidens_nokkel(base: str, cookie: str, i: dict) -> str:
    """The key the arena page gives its live reading (data-tolk-nokkel), as the browser reads it."""
    _status, side = get(base, f"/soknader/{i['utkast']}/laeringsarenaer/ny/", cookie)
    funnet = re.search(r'data-tolk-nokkel="([^"]+)"', side)
    assert funnet, "arenasiden har ingen nøkkel til læringsmållesingen"
    return funnet.group(1)


def same_on_both(bases: list[str], cookies: dict, i: dict) -> list[str]:
    """The pages give the same answer on both instances, also right after a change through the first."""
    lines = []

    def figures(base: str, path: str, cookie: str | None) -> str:
        status, body = get(base, path, cookie)
        assert status == 200, (base, path, status)
        body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
        body = re.sub(r"(?s)<footer.*?</footer>", "", body)  # the time of the figures
        return re.sub(r"\d{2}\.\d{2}\.\d{4}( kl\.)? \d{2}[.:]\d{2}", "", body)

    checks = [("/oversikt/", None), ("/admin/soknader/soknad/?status__exact=innsendt", cookies["saksbehandler"])]
    for path, cookie in checks:
        ok = figures(bases[0], path, cookie) == figures(bases[1], path, cookie)
        lines.append(f"  {path}: {'samme svar' if ok else 'ULIKT SVAR'} fra begge instansene")
    # a change through instance 1 (the søker withdraws nothing; the caseworker starts the review of one case)
    før = figures(bases[1], "/oversikt/?spesialitet=SAM", None)
    _django()
    from django.contrib.auth import get_user_model

    from soknader.models import Soknad
    from soknader.services import saksbehandling

    sak = Soknad.objects.filter(status="innsendt", spesialitet="SAM").exclude(pk=i["sak"]).first()
    saksbehandling.soknad_register(
        soknad=sak, bruker=get_user_model().objects.get(username="bench.saksbehandler"), vedtaksdato=sak.soknadsdato
    )
    etter = [figures(b, "/oversikt/?spesialitet=SAM", None) for b in bases]
    lines.append(
        "  /oversikt/?spesialitet=SAM etter et vedtak: "
        + ("endret og likt på begge instansene" if etter[0] == etter[1] != før else "IKKE OPPDATERT PÅ BEGGE")
    )
    return lines


def single(rader, i: dict, runder: int = 15) -> None:
    """Each page rendered in this process, one request at a time (Django's test client, the same settings): the
    median wall and CPU time of a request and its number of queries. Less sensitive to other load than wrk."""

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    users = get_user_model().objects
    clients = {"ingen": Client()}
    for who, username in (("soker", "bench.soker"), ("saksbehandler", "bench.saksbehandler")):
        clients[who] = Client()
        clients[who].force_login(users.get(username=username))
    clients["soker, sidens nøkkel"] = Client(headers=EKSTRA.get("soker, sidens nøkkel", {}))
    print("| side | ms (vegg) | ms (CPU) | spørringer | CPU × gulvet |\n|---|---|---|---|---|")
    cpu_median: dict[str, float] = {}
    for label, path, who, gulv in rader:
        client = clients[who]
        assert client.get(path, HTTP_HOST="127.0.0.1").status_code == 200, path
        vegg, cpu = [], []
        for _ in range(runder):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(path, HTTP_HOST="127.0.0.1")
            vegg.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            client.get(path, HTTP_HOST="127.0.0.1")
        cpu_median[label] = statistics.median(cpu)
        ganger = f"{cpu_median[label] / cpu_median[gulv]:.2f}×" if gulv in cpu_median else ""
        print(
            f"| {label} | {statistics.median(vegg):.1f} | {cpu_median[label]:.1f} | {len(ctx.captured_queries)} "
            f"| {ganger} |",
            flush=True,
        )


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sekunder", type=int, default=10, help="seconds per page (default 10)")
    parser.add_argument("--tilkoblinger", type=int, default=20, help="concurrent connections (default 20)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per instance (default 4)")
    parser.add_argument("--to-instanser", action="store_true", help="two gunicorn instances on one database")
    parser.add_argument("--ikke-fyll", action="store_true", help="keep the database of a previous run")
    parser.add_argument("--bare", default="", help="only the pages whose label contains this")
    parser.add_argument(
        "--for", dest="for_", type=Path, help="a checkout of the code before: each page on both, in turn"
    )
    parser.add_argument(
        "--for-python", default=sys.executable, help="the Python for --for (without our editable install)"
    )
    parser.add_argument("--enkelt", action="store_true", help="also one request at a time in-process (CPU time)")
    parser.add_argument("--runder", type=int, default=1, help="run the list this many times; medians last")
    return parser.parse_args()


def _fyll() -> None:
    started = time.perf_counter()
    _database_recreate()
    _manage("migrate", "--noinput", "-v0")
    _manage("createcachetable")
    _manage("last_referansedata", "-v0")
    _django()
    antall = fill()
    print(f"Fylte databasen: {antall} på {time.perf_counter() - started:.0f} s")


def _valgte(rader: list, bare: str) -> list:
    """The bare view, the pages asked for (by a part of their label), and their floors."""
    if not bare:
        return rader
    valgt = {r[0] for r in rader[1:] if bare.lower() in r[0].lower()}
    return [
        r for n, r in enumerate(rader) if n == 0 or r[0] in valgt or any(x[3] == r[0] for x in rader if x[0] in valgt)
    ]


def _last(path: str, who: str, mål: list[str], cookies: dict, args: argparse.Namespace) -> dict:
    """One page under load from wrk (split over the instances): p50, p95, requests/s, errors."""
    per = max(1, args.tilkoblinger // len(mål))
    r = [result(p) for p in [wrk(base, path, cookies[who], args.sekunder, per, EKSTRA.get(who)) for base in mål]]
    sek = max(x["duration_us"] for x in r) / 1e6
    return {
        "p50": max(x["p50_us"] for x in r) / 1000,
        "p95": max(x["p95_us"] for x in r) / 1000,
        "rps": sum(x["requests"] for x in r) / sek,
        "feil": sum(x["status_errors"] + x["socket_errors"] for x in r),
    }


def _mal(rader: list, bases: list[str], cookies: dict, args: argparse.Namespace) -> None:
    """Each page under load (before and after, page by page, with --for), as a table with the ratio to its floor.

    A page with a floor is measured right after that floor, which is measured again if another page came between:
    on a machine shared with other work the load changes from minute to minute, and a ratio is only fair when both
    ran under the same load. With --runder N the whole list runs N times and the ratios' medians are printed last."""
    print(
        f"gunicorn {args.workers} workers × {len(bases)} instans(er), PostgreSQL, wrk {args.tilkoblinger} "
        f"tilkoblinger, {args.sekunder} s per side, {os.cpu_count()} kjerner, {args.runder} runde(r)"
    )
    # «mot gulvet»: the floor's p95 / the page's (the søker's sections, goal ≥ 0.9); «× gulvet»: the page's p95 / the
    # floor's (the bigger pages, issue 23: changelist ≤ 2.25, change view ≤ 2.7, se over ≤ 1.8). For the JSON answers
    # the floor is the bare view and «mot gulvet» is their throughput over its (issue 23: ≥ 0.7).
    print("| side | p50 ms | p95 ms | req/s | feil | mot gulvet | × gulvet |\n|---|---|---|---|---|---|---|")
    sti = {label: (path, who) for label, path, who, _ in rader}
    ganger_alle: dict[str, list[float]] = {}
    for _runde in range(args.runder):
        for label, path, who, gulv in rader:
            runder = [("", bases)]
            if args.for_:  # before, then after, page by page: the same load from the rest of the machine
                runder = [(" (før)", ["http://127.0.0.1:8421"]), (" (etter)", bases)]
            for merke, mål in runder:
                g = None
                if gulv:  # the floor right before the page, under the same load
                    g = _last(*sti[gulv], mål, cookies, args)
                m = _last(path, who, mål, cookies, args)
                mot = ganger = ""
                if g and gulv == BAR:  # a JSON answer: its throughput over the bare view's
                    mot, ganger = f"{m['rps'] / g['rps']:.2f}×", f"{m['p95'] / g['p95']:.2f}×"
                    ganger_alle.setdefault(f"{label}{merke} (req/s mot bar)", []).append(m["rps"] / g["rps"])
                elif g:
                    mot, ganger = f"{g['p95'] / m['p95']:.2f}×", f"{m['p95'] / g['p95']:.2f}×"
                    ganger_alle.setdefault(label + merke, []).append(m["p95"] / g["p95"])
                print(
                    f"| {label}{merke} | {m['p50']:.0f} | {m['p95']:.0f} | {m['rps']:.0f} | {m['feil']} | {mot} "
                    f"| {ganger} |",
                    flush=True,
                )
    if args.runder > 1:
        print("\nMedian over rundene, p95 × gulvet, JSON: req/s mot bar visning (gulvet målt rett før siden):")
        for label, verdier in ganger_alle.items():
            print(f"| {label} | {statistics.median(verdier):.2f}× | {', '.join(f'{v:.2f}' for v in verdier)} |")


def main() -> int:
    args = _args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk mangler: apt-get install wrk")
    if args.for_ and args.to_instanser:
        raise SystemExit("--for og --to-instanser hver for seg")

    from tests.brreg.fake_brreg import FakeBrreg

    if not args.ikke_fyll:
        _fyll()
    _manage("collectstatic", "--noinput", "-v0")  # production settings serve the hashed files (whitenoise)
    _django()
    i = ids()
    rader = _valgte(pages(i), args.bare)
    brreg = FakeBrreg().start()
    porter = [8411, 8412] if args.to_instanser else [8411]
    servers = [gunicorn(port, args.workers, int(brreg.url.rsplit(":", 1)[1])) for port in porter]
    bases = [f"http://127.0.0.1:{port}" for port in porter]
    if args.for_:
        subprocess.run(
            [args.for_python, "manage.py", "collectstatic", "--noinput", "-v0"], env=env(), cwd=args.for_, check=True
        )
        port_for = int(brreg.url.rsplit(":", 1)[1])
        servers.append(gunicorn(8421, args.workers, port_for, rot=args.for_.resolve(), python=args.for_python))
    try:
        cookies = {
            "ingen": None,
            "soker": login(bases[0], "bench.soker"),
            "saksbehandler": login(bases[0], "bench.saksbehandler"),
        }
        cookies["soker, sidens nøkkel"] = cookies["soker"]
        EKSTRA["soker, sidens nøkkel"] = {"X-Oppslag": sidens_nokkel(bases[0], cookies["soker"], i)}
        for label, path, who, _ in rader:
            for base in bases + (["http://127.0.0.1:8421"] if args.for_ else []):
                status, _body = get(base, path, cookies[who], EKSTRA.get(who))
                assert status == 200, f"{label}: {path} svarte {status} på {base}"
        _mal(rader, bases, cookies, args)
        if args.enkelt:
            print("\nÉn forespørsel om gangen, i prosessen (median av 15):")
            single(rader, i)
        if len(bases) == 2:
            print("To instanser, én database:")
            print("\n".join(same_on_both(bases, cookies, i)))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        brreg.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
