"""Write applications as the JSON interchange format (docs/soknad-format.md) to standard output.

    manage.py eksporter_soknader [--status S] [--spesialitet X] > soknader.json

Findings and history are included. UTF-8, indented by two spaces.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from soknader.choices import Spesialitet, Status
from soknader.interchange import export_records
from soknader.models import Soknad


class Command(BaseCommand):
    help = "Skriver søknadene som en JSON-liste (formatet i docs/soknad-format.md) til standard ut."

    def add_arguments(self, parser):
        parser.add_argument("--status", help=f"bare søknader med denne statusen ({', '.join(Status.values)})")
        parser.add_argument(
            "--spesialitet", help=f"bare søknader om denne spesialiteten ({', '.join(Spesialitet.values)})"
        )

    def handle(self, *args, **options):
        queryset = Soknad.objects.all()
        status = options["status"]
        if status is not None:
            if status not in Status.values:
                raise CommandError(f"Ukjent status «{status}». Gyldige: {', '.join(Status.values)}.")
            queryset = queryset.filter(status=status)
        spesialitet = options["spesialitet"]
        if spesialitet is not None:
            if spesialitet.upper() not in Spesialitet.values:
                raise CommandError(f"Ukjent spesialitet «{spesialitet}». Gyldige: {', '.join(Spesialitet.values)}.")
            queryset = queryset.filter(spesialitet=spesialitet.upper())
        records = export_records(queryset.order_by("spesialitet", "referanse", "pk"))
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        buffer = getattr(self.stdout, "buffer", None)
        if buffer is not None:  # a real stdout: UTF-8 whatever the locale says
            self.stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        else:
            self.stdout.write(text, ending="")
