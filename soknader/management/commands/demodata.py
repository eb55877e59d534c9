"""Demo users for a development machine (`make run`). Idempotent; prints the logins."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from brreg.models import Helseregion
from brreg.services import virksomhet_get_or_create
from soknader.models import Regiontilgang, Virksomhetstilgang
from soknader.roles import SAKSBEHANDLERE, ensure_groups

PASSORD = "demo-passord-2026"

# A fictional private bedriftshelsetjeneste; the number passes the MOD11 check but is made up.
DEMO_BHT_ORGNR = "999888771"
DEMO_BHT_NAVN = "Nordlys Bedriftshelsetjeneste AS (demo)"


class Command(BaseCommand):
    help = "Oppretter demobrukere: søker for Bodø kommune, søker for en bedriftshelsetjeneste, saksbehandler og ALIS-kontor Nord."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_groups()
        User = get_user_model()

        def bruker(username, fornavn, etternavn, **extra):
            user, _ = User.objects.get_or_create(username=username)
            user.first_name, user.last_name = fornavn, etternavn
            user.email = f"{username}@example.no"
            for key, value in extra.items():
                setattr(user, key, value)
            user.set_password(PASSORD)
            user.save()
            return user

        bodo = virksomhet_get_or_create(organisasjonsnummer="972418013")
        kommune = bruker("kommune", "Kari", "Kommunelege")
        Virksomhetstilgang.objects.get_or_create(bruker=kommune, virksomhet=bodo)

        bht = virksomhet_get_or_create(organisasjonsnummer=DEMO_BHT_ORGNR, navn=DEMO_BHT_NAVN)
        bht_bruker = bruker("bht", "Bjørn", "Bedriftslege")
        Virksomhetstilgang.objects.get_or_create(bruker=bht_bruker, virksomhet=bht)

        saksbehandler = bruker("saksbehandler", "Siri", "Saksbehandler", is_staff=True)
        saksbehandler.groups.add(Group.objects.get(name=SAKSBEHANDLERE))

        alis = bruker("alis-nord", "Anders", "ALIS-kontor Nord")
        Regiontilgang.objects.update_or_create(bruker=alis, defaults={"helseregion": Helseregion.objects.get(kode="nord")})

        self.stdout.write(self.style.SUCCESS("Demobrukere (passord for alle: %s):" % PASSORD))
        for username, rolle in [
            ("kommune", f"søker for {bodo.navn} (orgnr 972 418 013)"),
            ("bht", f"søker for {bht.navn} (orgnr 999 888 771)"),
            ("saksbehandler", "saksbehandler i Helsedirektoratet (admin: /admin/)"),
            ("alis-nord", "ALIS-kontor, helseregion Nord"),
        ]:
            self.stdout.write(f"  {username:<14} {rolle}")
