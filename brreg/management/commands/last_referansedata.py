"""Load the reference data kept in the repository (kommune register, LM catalogue) that the database lacks."""

from django.core.management.base import BaseCommand, CommandError

from brreg import referansedata


class Command(BaseCommand):
    help = (
        "Laster referansedata fra filene i repoet (kommuneregisteret, læringsmålkatalogen) når databasen ikke har "
        "den versjonen ennå. Versjonen er dataenes egen dato. Trygt å kjøre så ofte man vil: kjøres av `make run`, "
        "ved utrulling (etter migrate) og av testoppsettet."
    )

    def handle(self, *args, **options):
        for datasett in referansedata.alle_datasett():
            try:
                utfall = referansedata.last(datasett)
            except referansedata.ReferenceDataError as error:
                raise CommandError(str(error)) from None
            if options["verbosity"] >= 1:
                self.stdout.write(utfall)
