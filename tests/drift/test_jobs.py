"""Daily jobs that run themselves (issue 23): at their time, once per job per day however many sender processes
run, each run kept with its result; /helse/ tells monitoring about a failed or late job and a stuck outbox."""

import datetime as dt
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from drift import jobs
from drift.models import JobRun
from epost.models import Epost

pytestmark = pytest.mark.django_db

CALLS: list[str] = []


def counting_job() -> str:
    CALLS.append("kjørt")
    return f"kjørt {len(CALLS)} gang(er)"


def failing_job() -> str:
    raise RuntimeError("registeret svarte ikke")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A clock the test controls: Oslo time in December 2026."""
    return timezone.make_aware(dt.datetime(2026, 12, day, hour, minute))


@pytest.fixture
def one_job(settings):
    CALLS.clear()
    settings.DRIFT_JOBS = [("telle", "06:00", "tests.drift.test_jobs.counting_job")]
    settings.DRIFT_JOB_TIMES = {}
    return settings


def test_a_job_runs_at_its_time_once_a_day_whatever_the_number_of_instances(one_job):
    assert jobs.run_due(now=at(7, 5, 59)) == []  # not yet
    first = jobs.run_due(now=at(7, 6, 0))  # instance A
    assert jobs.run_due(now=at(7, 6, 0)) == []  # instance B, the same minute: the day's row is taken
    assert jobs.run_due(now=at(7, 23, 0)) == []  # and later that day
    assert CALLS == ["kjørt"]
    assert [(r.jobb, r.dag, r.resultat, r.tekst) for r in first] == [
        ("telle", dt.date(2026, 12, 7), "ok", "kjørt 1 gang(er)")
    ]
    jobs.run_due(now=at(8, 9, 30))  # the next day, a sender that was down at six runs it when it comes back
    assert CALLS == ["kjørt", "kjørt"]
    assert JobRun.objects.count() == 2


def test_the_days_row_is_the_lock_also_when_two_senders_insert_at_once(one_job):
    """The existence check is skipped by both (as when two processes check in the same instant): the insert of the
    day's row is what decides."""
    assert jobs._claim(jobs.job("telle"), dt.date(2026, 12, 7), at(7, 6)) is not None
    assert jobs._claim(jobs.job("telle"), dt.date(2026, 12, 7), at(7, 6)) is None


@pytest.mark.django_db(transaction=True)
def test_two_threads_at_the_same_time_run_it_once(one_job):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip(
            "the test's in-memory SQLite refuses a second writer at once (SQLITE_LOCKED, no busy wait); "
            "CI runs this on PostgreSQL"
        )
    barrier = threading.Barrier(2)
    results = []

    def instance():
        barrier.wait()
        try:
            results.append(len(jobs.run_due(now=at(7, 6, 5))))
        finally:
            connection.close()

    threads = [threading.Thread(target=instance) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [0, 1] and CALLS == ["kjørt"]


def test_the_times_can_be_moved_without_touching_the_list(one_job):
    one_job.DRIFT_JOB_TIMES = {"telle": "22:15"}
    assert jobs.run_due(now=at(7, 22, 14)) == []
    assert len(jobs.run_due(now=at(7, 22, 15))) == 1


def test_a_failed_job_is_recorded_and_health_turns_503_until_it_succeeds(client, one_job):
    one_job.DRIFT_JOBS = [("feile", "06:00", "tests.drift.test_jobs.failing_job")]
    (run,) = jobs.run_due(now=at(7, 6))
    assert run.resultat == "feilet" and run.tekst == "RuntimeError: registeret svarte ikke"
    response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json()["jobber"]["feile"].startswith("feilet 07.12.2026 06:00: RuntimeError")
    assert client.get("/helse/?bare=database").status_code == 200  # the load balancer keeps the instance


def test_a_late_or_hung_job_is_reported(one_job):
    JobRun.objects.create(jobb="telle", dag=dt.date(2026, 12, 5), startet=at(5, 6), resultat="ok")
    assert jobs.problems(now=at(6, 7, 59)) == {}  # a day and the grace (120 minutes) has not passed
    assert jobs.problems(now=at(6, 8, 1)) == {"telle": "har ikke kjørt siden 05.12.2026 06:00"}
    JobRun.objects.create(jobb="telle", dag=dt.date(2026, 12, 6), startet=at(6, 6), resultat="kjorer")
    assert jobs.problems(now=at(6, 7)) == {}
    assert jobs.problems(now=at(6, 8, 1)) == {"telle": "har kjørt siden 06.12.2026 06:00"}


def test_health_turns_503_when_the_oldest_mail_in_the_outbox_waits_too_long(client, settings):
    settings.EPOST_KO_MAKS_MINUTTER = 60
    epost = Epost.objects.create(mottaker="kari@example.no", emne="Kvittering", tekst="x", avsender="a@example.no")
    Epost.objects.filter(pk=epost.pk).update(opprettet=timezone.now() - dt.timedelta(minutes=59))
    assert client.get("/helse/").status_code == 200
    Epost.objects.filter(pk=epost.pk).update(opprettet=timezone.now() - dt.timedelta(minutes=61))
    response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json()["epost"] == "står fast" and response.json()["epost_eldste_i_ko_sekunder"] >= 61 * 60


def test_run_by_hand_and_the_list(one_job):
    out = StringIO()
    call_command("kjor_jobb", "telle", stdout=out)
    call_command("kjor_jobb", "telle", stdout=out)  # again the same day, by hand: it runs, the day's row tells
    assert CALLS == ["kjørt", "kjørt"]
    assert JobRun.objects.get().tekst == "kjørt 2 gang(er)"
    out = StringIO()
    call_command("kjor_jobb", stdout=out)
    assert out.getvalue().startswith("telle") and "kl. 06:00" in out.getvalue() and "OK: kjørt 2" in out.getvalue()
    with pytest.raises(CommandError, match="Ingen jobb heter «finnes_ikke». Jobbene: telle."):
        call_command("kjor_jobb", "finnes_ikke")
    one_job.DRIFT_JOBS = [("feile", "06:00", "tests.drift.test_jobs.failing_job")]
    with pytest.raises(CommandError, match="feile feilet"):
        call_command("kjor_jobb", "feile", stdout=StringIO())


def test_the_declared_jobs_all_run(settings, fake_brreg):
    """Every job in the settings' list can be imported and run (against the fake registry)."""
    runs = jobs.run_due(now=timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(23, 59))))
    assert sorted(r.jobb for r in runs) == sorted(name for name, _, _ in settings.DRIFT_JOBS)
    assert all(r.resultat == "ok" for r in runs), [(r.jobb, r.tekst) for r in runs]


def test_the_runs_are_in_the_admin_read_only(admin_client, one_job):
    jobs.run_due(now=at(7, 6))
    response = admin_client.get("/admin/drift/jobrun/")
    assert response.status_code == 200 and "kjørt 1 gang(er)" in response.content.decode()
    run = JobRun.objects.get()
    page = admin_client.get(f"/admin/drift/jobrun/{run.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    assert admin_client.get("/admin/drift/jobrun/add/").status_code == 403


def test_the_sender_loop_runs_the_due_jobs_at_most_once_a_minute_one_line_each(one_job):
    """On the real clock (the loop asks for the time itself): a job at midnight is due whenever the test runs."""
    from epost.management.commands.send_epost import Command

    one_job.DRIFT_JOBS = [("telle", "00:00", "tests.drift.test_jobs.counting_job")]

    out = StringIO()
    sender = Command(stdout=out)
    sender._jobs_checked = float("-inf")  # as at the start of `send_epost --loop`
    sender._run_due_jobs()
    sender._run_due_jobs()  # the next round, seconds later: not looked at again
    assert CALLS == ["kjørt"]
    assert out.getvalue() == "jobb telle: OK – kjørt 1 gang(er)\n"


def test_a_check_that_cannot_read_its_table_fails_instead_of_crashing(client, settings):
    settings.DRIFT_HEALTH_CHECKS = ["tests.drift.test_jobs.unreadable"]
    response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json()["tests.drift.test_jobs.unreadable"].startswith("kunne ikke sjekkes: no such table")


def unreadable() -> dict:
    from django.db import DatabaseError

    raise DatabaseError("no such table: drift_jobrun")
