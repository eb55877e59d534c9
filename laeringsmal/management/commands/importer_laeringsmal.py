"""Import an official list of learning objectives (CSV or XLSX) valid from a date."""

import datetime as dt
from pathlib import Path

from django.core.management import call_command
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
        "Importerer en offisiell læringsmålliste (CSV eller XLSX med kolonnen «kode», gjerne også «tittel», «seksjon», "
        "«gyldig_fra» og «gyldig_til», som filene i laeringsmal/data/offisielt/) som gjelder fra en dato. Skriver "
        "ut hva som er nytt, endret og utgått mot det som er lastet. Utgåtte koder beholdes med «gyldig til», så eldre "
        "søknader kan leses som før. Etterpå leses alle læringsarenaer og mangler på nytt (oppdater_mangler)."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil", type=Path)
        parser.add_argument(
            "--gyldig-fra", type=_dato, help="ÅÅÅÅ-MM-DD; kan utelates når filen har kolonnen «gyldig_fra»"
        )
        parser.add_argument("--dry-run", action="store_true", help="Vis hva som ville skjedd, uten å endre noe.")

    def handle(self, *args, fil: Path, gyldig_fra: dt.date | None, dry_run: bool, **options):
        if not fil.exists():
            raise CommandError(f"Finner ikke filen {fil}.")
        try:
            official = katalog.read_official_list(fil)
        except katalog.CatalogueImportError as error:
            raise CommandError(str(error)) from None
        if gyldig_fra is None:
            # the file's own dates, or the start of a known official list (data/offisielt/)
            starts = [row.gyldig_fra for row in official.values() if row.gyldig_fra]
            starts += [fra for navn, _gruppe, fra, _til in katalog.KILDER if navn == fil.name and not starts]
            if not starts:
                raise CommandError("Filen sier ikke når listen gjelder fra: oppgi --gyldig-fra ÅÅÅÅ-MM-DD.")
            gyldig_fra = min(starts)
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
        elif plan.nye or plan.endrede or plan.utgatte:
            # the codes a stored text stands for may have changed: read every arena and recompute every finding
            call_command("oppdater_mangler", stdout=self.stdout)
