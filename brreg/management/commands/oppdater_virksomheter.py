"""Refresh every stored organisation from Enhetsregisteret and report the applicants that need attention.

Also a daily job of the sender process (`registrering.settings.DRIFT_JOBS`, `brreg.jobs.virksomheter_job`)."""

import logging

from django.core.management.base import BaseCommand

from brreg.jobs import virksomheter_refresh
from drift.logs import quiet


class Command(BaseCommand):
    help = (
        "Henter alle lagrede virksomheter (unntatt kommuner fra kommuneregisteret) på nytt fra Enhetsregisteret, "
        "bekrefter navn som søkere skrev selv, og viser virksomheter som nå er slettet, konkurs eller under avvikling."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bare-ubekreftede",
            action="store_true",
            help="Bare virksomheter som aldri er hentet fra Enhetsregisteret.",
        )

    def handle(self, *args, bare_ubekreftede: bool = False, verbosity: int = 1, **options):
        # one JSON line per registry call is for the platform's logs; here the summary says it (-v 2 shows them)
        with quiet(*(("asa.brreg", "brreg.client") if verbosity < 2 else ()), level=logging.ERROR):
            oppdatert, feil, varsler = virksomheter_refresh(bare_ubekreftede=bare_ubekreftede)
        self.stdout.write(f"Oppdatert fra Enhetsregisteret: {oppdatert}. Ikke oppdatert: {len(feil)}.")
        for line in feil:
            self.stdout.write(f"  ikke oppdatert – {line}")
        if varsler:
            self.stdout.write("Søkere som må følges opp:")
            for line in varsler:
                self.stdout.write(f"  {line}")
