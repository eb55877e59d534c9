"""Daily jobs that run themselves: the sender process (`send_epost --loop`) runs each once a day at its time.

The jobs are declared in settings, like Django's own lists, so adding one is one line:

    DRIFT_JOBS = [
        # (name, local time, the function: no arguments, returns a short text of what it did, raises on failure)
        ("send_paminnelser", "06:00", "soknader.jobs.paminnelser"),
        ...
    ]

`DRIFT_JOB_TIMES` ({name: "HH:MM"}, from the environment) moves one without touching the list. A job is due from
its time of day until it has run that day; a sender that was down at the time runs it when it comes back. Any
number of senders may run: the run's row (`JobRun`, unique per job and day) is inserted before the job starts,
and only the process whose insert succeeds runs it. Each run is kept with its result (admin: Drift › Jobbkjøringer),
and `/helse/` reports a job that failed, hangs, or has not succeeded for a day (`health`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import JobRun

logger = logging.getLogger("asa.jobb")


@dataclass(frozen=True)
class Job:
    name: str
    at: dt.time
    path: str

    @property
    def function(self) -> Callable[[], str | None]:
        return import_string(self.path)


def jobs() -> list[Job]:
    times = settings.DRIFT_JOB_TIMES
    return [Job(name, dt.time.fromisoformat(times.get(name, at)), path) for name, at, path in settings.DRIFT_JOBS]


def job(name: str) -> Job:
    found = [j for j in jobs() if j.name == name]
    if not found:
        raise KeyError(name)
    return found[0]


def run_due(*, now: dt.datetime | None = None) -> list[JobRun]:
    """Run every job whose time has come today and that no process has run today. The clock can be given."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    runs = []
    for j in jobs():
        if local.time() < j.at or JobRun.objects.filter(jobb=j.name, dag=local.date()).exists():
            continue  # not yet, or done today (checked first: the insert below is the lock, not the everyday test)
        run = _claim(j, local.date(), now)
        if run is not None:
            runs.append(_run(j, run))
    return runs


def run_now(name: str) -> JobRun:
    """By hand (`kjor_jobb NAVN`): run it now, also when it has run today (the day's row then tells the new run)."""
    j = job(name)
    now = timezone.now()
    run = _claim(j, timezone.localdate(now), now)
    if run is None:
        run = JobRun.objects.get(jobb=j.name, dag=timezone.localdate(now))
        run.startet, run.ferdig, run.resultat, run.prosess = now, None, JobRun.Result.RUNNING, _process()
        run.save()
    return _run(j, run)


def _process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def _claim(j: Job, day: dt.date, now: dt.datetime) -> JobRun | None:
    """The lock: the day's row, inserted by exactly one process."""
    try:
        with transaction.atomic():
            return JobRun.objects.create(jobb=j.name, dag=day, startet=now, prosess=_process())
    except IntegrityError:
        return None


def _run(j: Job, run: JobRun) -> JobRun:
    try:
        tekst = j.function() or ""
    except Exception as error:  # noqa: BLE001 - a failed job is recorded and reported; the sender goes on
        logger.exception("jobb_feilet", extra={"jobb": j.name})
        run.resultat, run.tekst = JobRun.Result.FAILED, f"{type(error).__name__}: {error}"[:2000]
    else:
        run.resultat, run.tekst = JobRun.Result.OK, str(tekst)[:2000]
        logger.info("jobb_kjort", extra={"jobb": j.name, "tekst": run.tekst[:300]})
    run.ferdig = timezone.now()
    run.save(update_fields=["resultat", "tekst", "ferdig"])
    return run


def problems(*, now: dt.datetime | None = None) -> dict[str, str]:
    """{job: what is wrong} for the jobs monitoring should hear about: the last run failed, a run has hung for
    DRIFT_JOB_STUCK_MINUTES, or the last success is older than a day and DRIFT_JOB_GRACE_MINUTES (a job that has
    never run is not reported: it runs at its first time after deployment)."""
    now = now or timezone.now()
    late = dt.timedelta(days=1, minutes=settings.DRIFT_JOB_GRACE_MINUTES)
    stuck = dt.timedelta(minutes=settings.DRIFT_JOB_STUCK_MINUTES)
    found = {}
    for j in jobs():
        last = JobRun.objects.filter(jobb=j.name).order_by("-dag").first()
        if last is None:
            continue
        if last.resultat == JobRun.Result.FAILED:
            found[j.name] = f"feilet {timezone.localtime(last.startet):%d.%m.%Y %H:%M}: {last.tekst[:200]}"
        elif last.resultat == JobRun.Result.RUNNING and now - last.startet > stuck:
            found[j.name] = f"har kjørt siden {timezone.localtime(last.startet):%d.%m.%Y %H:%M}"
        elif now - last.startet > late:
            found[j.name] = f"har ikke kjørt siden {timezone.localtime(last.startet):%d.%m.%Y %H:%M}"
    return found


def health() -> dict:
    """For /helse/ (settings.DRIFT_HEALTH_CHECKS): {"ok": bool, ...}."""
    found = problems()
    return {"ok": not found, "jobber": found or "ok"}


def clearsessions() -> str:
    """Daily: expired sessions out of the database (Django's `clearsessions`)."""
    from django.contrib.sessions.models import Session

    antall, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return f"{antall} utløpte økter slettet"


def cache_rydd(*, now: dt.datetime | None = None) -> str:
    """Daily: expired rows out of the shared cache. The cache deletes them itself only when it is full
    (settings.CACHES, `CACHE_MAKS_ANTALL`), and the kept parts of a page may name a contact person: they are to be gone
    when their time is up, not when the table fills."""
    from django.core.cache import cache
    from django.db import connections, router

    tabell = cache._table  # type: ignore[attr-defined]  # DatabaseCache's table (settings.CACHES["default"])
    db = router.db_for_write(cache.cache_model_class)  # type: ignore[attr-defined]
    forbindelse = connections[db]
    with forbindelse.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {forbindelse.ops.quote_name(tabell)} WHERE expires < %s",
            [forbindelse.ops.adapt_datetimefield_value(now or timezone.now())],
        )
        return f"{cursor.rowcount} utløpte rader slettet fra cachen"


def metrics():
    """For /metrics (settings.DRIFT_METRICS): when each job last succeeded (unix time; absent: never)."""
    from django.db.models import Max
    from prometheus_client.core import GaugeMetricFamily

    family = GaugeMetricFamily(
        "asa_job_last_success_timestamp_seconds", "When each daily job last finished without error.", labels=["job"]
    )
    done = JobRun.objects.filter(resultat=JobRun.Result.OK).values("jobb").annotate(sist=Max("ferdig"))
    for row in done.order_by("jobb"):
        family.add_metric([row["jobb"]], row["sist"].timestamp())
    yield family
