"""Import an official list of learning objectives (CSV or XLSX) valid from a date."""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from laeringsmal import katalog
from laeringsmal.lmtekst import formater
from laeringsmal.models import Laeringsmal


def _dato(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ugyldig dato «{value}». Bruk formatet ÅÅÅÅ-MM-DD, for eksempel 2026-03-01.") from None


class Command(BaseCommand):
    help = (
        "Importerer en offisiell læringsmålliste (CSV eller XLSX med kolonnene «kode» og «tittel») som gjelder fra "
        "en dato. Skriver ut hva som er nytt, endret og utgått. Utgåtte koder beholdes med «gyldig til», så eldre "
        "søknader kan leses som før."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil", type=Path)
        parser.add_argument("--gyldig-fra", required=True, type=_dato, help="ÅÅÅÅ-MM-DD")
        parser.add_argument("--dry-run", action="store_true", help="Vis hva som ville skjedd, uten å endre noe.")

    def handle(self, *args, fil: Path, gyldig_fra: dt.date, dry_run: bool, **options):
        if not fil.exists():
            raise CommandError(f"Finner ikke filen {fil}.")
        try:
            official = katalog.read_official_list(fil)
        except katalog.ImportFeil as error:
            raise CommandError(str(error)) from None
        with transaction.atomic():
            plan = katalog.plan_import(Laeringsmal, official, gyldig_fra)
            if not dry_run:
                katalog.apply_import(
                    Laeringsmal, official, plan, kilde=f"{fil.name} (importert, gyldig fra {gyldig_fra})"
                )
        self.stdout.write(
            f"{'Prøvekjøring: ' if dry_run else ''}{fil.name}, gyldig fra {gyldig_fra:%Y-%m-%d}, "
            f"grupper: {', '.join(plan.grupper)}"
        )
        for label, codes in (("Nye", plan.nye), ("Endrede", plan.endrede), ("Utgåtte", plan.utgatte)):
            self.stdout.write(f"  {label}: {len(codes)}" + (f" ({formater(codes)})" if codes else ""))
        self.stdout.write(f"  Uendrede: {len(plan.uendrede)}")
        if dry_run:
            self.stdout.write("Ingenting er endret (--dry-run).")
