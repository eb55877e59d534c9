"""Run daily: one reminder e-mail per unanswered anmodning whose deadline is near (through the outbox)."""

from django.core.management.base import BaseCommand

from soknader.services import dialog


class Command(BaseCommand):
    help = "Legger påminnelser om anmodninger med svarfrist de nærmeste dagene i e-postkøen (én gang per anmodning)."

    def handle(self, *args, **options):
        antall = dialog.paminnelser_send()
        self.stdout.write(f"{antall} påminnelser lagt i e-postkøen.")
