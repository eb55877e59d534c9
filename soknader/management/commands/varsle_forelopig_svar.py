"""Run daily: the cases that will soon have waited a month without an answer (forvaltningsloven § 11a)."""

from django.core.management.base import BaseCommand

from soknader.services import frister


class Command(BaseCommand):
    help = "Lister søknader som snart har ventet en måned uten svar og ikke har fått foreløpig svar (fvl. § 11a)."

    def handle(self, *args, **options):
        saker = list(frister.forelopig_svar_skyldes().select_related("virksomhet", "saksbehandler"))
        for soknad in saker:
            frist = frister.svarfrist_11a(soknad)
            hos = soknad.saksbehandler.get_username() if soknad.saksbehandler else "ikke fordelt"
            self.stdout.write(
                f"{soknad.referanse} {soknad.virksomhet.navn}: foreløpig svar innen {frist:%d.%m.%Y} ({hos})"
            )
        self.stdout.write(f"{len(saker)} søknader trenger foreløpig svar (forvaltningsloven § 11a).")
