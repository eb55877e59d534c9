"""Send the mail outbox: once (cron, tests) or in a loop (the sender process in production), which also runs the
daily jobs at their times (drift/jobs.py, settings.DRIFT_JOBS)."""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from drift import jobs
from epost.services import epost_send_due

logger = logging.getLogger("asa.epost")

JOB_CHECK_SECONDS = 60.0


class Command(BaseCommand):
    help = "Sender e-post som venter i utboksen, med nye forsøk og økende ventetid når e-postserveren svikter."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Fortsett til prosessen stoppes (SIGTERM/Ctrl+C).")
        parser.add_argument("--pause", type=float, default=5.0, help="Sekunder mellom rundene med --loop (5).")
        parser.add_argument(
            "--uten-jobber", action="store_true", help="Bare e-post: kjør ikke de daglige jobbene med --loop."
        )

    def handle(self, *args, loop=False, pause=5.0, uten_jobber=False, **options):
        self._stop = False
        self._jobs_checked = -JOB_CHECK_SECONDS if loop and not uten_jobber else float("inf")
        if loop:
            signal.signal(signal.SIGTERM, self._request_stop)
            signal.signal(signal.SIGINT, self._request_stop)
        while True:
            try:
                resultat = epost_send_due()
            except DatabaseError as error:  # the database is away for a moment: try again next round
                if not loop:
                    raise
                logger.error("epost_sender_databasefeil", extra={"feil": str(error)[:300]})
            else:
                if resultat.sendt or resultat.utsatt or resultat.feilet or not loop:
                    self.stdout.write(f"sendt {resultat.sendt}, utsatt {resultat.utsatt}, feilet {resultat.feilet}")
            if not loop or self._stop:
                return
            self._run_due_jobs()
            close_old_connections()  # as after a request: a connection the database dropped is opened anew
            deadline = time.monotonic() + pause
            while not self._stop and time.monotonic() < deadline:
                time.sleep(min(0.5, pause))

    def _run_due_jobs(self) -> None:
        """At most once a minute: the daily jobs whose time has come (one line each)."""
        if time.monotonic() - self._jobs_checked < JOB_CHECK_SECONDS:
            return
        self._jobs_checked = time.monotonic()
        try:
            runs = jobs.run_due()
        except DatabaseError as error:
            logger.error("jobber_databasefeil", extra={"feil": str(error)[:300]})
            return
        for run in runs:  # the log line (asa.jobb) has it too; this is the one to read in `make run`
            self.stdout.write(f"jobb {run.jobb}: {run.get_resultat_display()} – {run.tekst[:150]}")

    def _request_stop(self, signum, frame):
        self._stop = True
