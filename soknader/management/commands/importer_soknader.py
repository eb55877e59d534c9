"""Bring in applications submitted through Altinn, from a JSON file in the interchange format.

    manage.py importer_soknader soknader.json [--bruker BRUKERNAVN] [--kontroller]

Every record is checked first; with any error nothing is imported and the command fails, listing each error
with its post and field. See docs/soknad-format.md.
"""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from soknader.interchange import ImportRefused, import_records, planned_counts, validate_records


class Command(BaseCommand):
    help = (
        "Importerer søknader fra en JSON-fil (formatet i docs/soknad-format.md). Alt eller ingenting: "
        "med feil i filen importeres ingen søknader."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil", help="JSON-fil med en liste av søknader")
        parser.add_argument("--bruker", help="brukernavnet som står som utført av i historikken")
        parser.add_argument("--kontroller", action="store_true", help="bare kontroller filen, importer ingenting")

    def handle(self, *args, **options):
        data = _read(options["fil"])
        bruker = None
        if options["bruker"]:
            try:
                bruker = get_user_model().objects.get_by_natural_key(options["bruker"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"Fant ingen bruker med brukernavnet «{options['bruker']}».") from None
        if options["kontroller"]:
            errors = validate_records(data)
            if errors:
                raise CommandError(_error_text(errors))
            nye, oppdateres = planned_counts(data)
            self.stdout.write(
                self.style.SUCCESS(f"Filen er i orden: {nye} søknader blir opprettet, {oppdateres} blir oppdatert.")
            )
            return
        try:
            result = import_records(data, bruker=bruker)
        except ImportRefused as refused:
            raise CommandError(_error_text(refused.errors)) from None
        self.stdout.write(self.style.SUCCESS(f"Opprettet: {result.created}, oppdatert: {result.updated}."))
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(f"Advarsel: {warning}"))


def _read(path: str):
    try:
        with open(path, encoding="utf-8-sig") as fil:
            return json.load(fil)
    except FileNotFoundError:
        raise CommandError(f"Fant ikke filen {path}.") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} er ikke UTF-8.") from None
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path} er ikke gyldig JSON (linje {error.lineno}, kolonne {error.colno}: {error.msg})."
        ) from None
    except ValueError:  # not a JSONDecodeError (caught above): an integer longer than Python converts (4,300 digits)
        raise CommandError(
            f"{path} har et tall med flere sifre enn noe felt i formatet kan ha (over 4 300). "
            "Rett tallet og prøv igjen."
        ) from None
    except RecursionError:  # Python's JSON reader gives up on lists and objects nested about a thousand deep
        raise CommandError(
            f"{path} har lister eller objekter inni hverandre i for mange nivåer til at den kan leses. "
            "En søknad i formatet har høyst fire nivåer."
        ) from None
    except OSError as error:
        raise CommandError(f"Kunne ikke lese {path}: {error.strerror}.") from None


def _error_text(errors: list[str]) -> str:
    heading = f"{len(errors)} feil i filen; ingen søknader er importert:"
    return "\n".join([heading, *(f"  {error}" for error in errors)])
