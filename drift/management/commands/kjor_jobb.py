"""The daily jobs by hand: list them with their last run, or run one now."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from drift import jobs
from drift.models import JobRun


class Command(BaseCommand):
    help = (
        "Viser de daglige jobbene (som e-postsenderen kjører av seg selv) med siste kjøring, "
        "eller kjører én nå: kjor_jobb NAVN."
    )

    def add_arguments(self, parser):
        parser.add_argument("navn", nargs="?", help="jobben som skal kjøres nå")

    def handle(self, *args, navn=None, **options):
        if navn:
            try:
                run = jobs.run_now(navn)
            except KeyError:
                navnene = ", ".join(j.name for j in jobs.jobs())
                raise CommandError(f"Ingen jobb heter «{navn}». Jobbene: {navnene}.") from None
            self.stdout.write(f"{run.jobb}: {run.get_resultat_display()} – {run.tekst}")
            if run.resultat != JobRun.Result.OK:
                raise CommandError(f"{run.jobb} feilet.")
            return
        for j in jobs.jobs():
            last = JobRun.objects.filter(jobb=j.name).order_by("-dag").first()
            siste = (
                f"{timezone.localtime(last.startet):%d.%m.%Y %H:%M} {last.get_resultat_display()}: {last.tekst[:80]}"
                if last
                else "aldri kjørt"
            )
            self.stdout.write(f"{j.name:<26} kl. {j.at:%H:%M}   {siste}")
