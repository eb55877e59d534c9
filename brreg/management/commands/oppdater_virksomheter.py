"""Refresh every stored organisation from Enhetsregisteret and report the applicants that need attention."""

from django.core.management.base import BaseCommand

from brreg import client
from brreg.models import Virksomhet
from brreg.services import virksomhet_store_enhet


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

    def handle(self, *args, bare_ubekreftede: bool = False, **options):
        virksomheter = Virksomhet.objects.exclude(navnekilde=Virksomhet.Navnekilde.KOMMUNEREGISTER).order_by("navn")
        if bare_ubekreftede:
            virksomheter = virksomheter.filter(brreg_hentet__isnull=True)
        oppdatert, feil, varsler = 0, [], []
        for virksomhet in virksomheter.iterator():
            try:
                enhet = client.get_enhet(virksomhet.organisasjonsnummer)
            except client.BrregError as error:
                feil.append(f"{virksomhet}: {error.melding}")
                continue
            stored = virksomhet_store_enhet(enhet)
            oppdatert += 1
            if stored.slettet:
                varsler.append(f"SLETTET {stored.slettedato:%d.%m.%Y}: {stored}")
            elif stored.konkurs:
                varsler.append(f"KONKURS: {stored}")
            elif stored.under_avvikling:
                varsler.append(f"UNDER AVVIKLING: {stored}")
        self.stdout.write(f"Oppdatert fra Enhetsregisteret: {oppdatert}. Ikke oppdatert: {len(feil)}.")
        for line in feil:
            self.stdout.write(f"  ikke oppdatert – {line}")
        if varsler:
            self.stdout.write("Søkere som må følges opp:")
            for line in varsler:
                self.stdout.write(f"  {line}")
