"""Demo users for a development machine (`make run`). Idempotent; prints the logins."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from brreg.client import Enhet
from brreg.models import Helseregion, Kommune
from brreg.services import virksomhet_get_or_create, virksomhet_store_enhet
from drift.logs import quiet
from epost.models import Epost, EpostStatus
from soknader import skjema
from soknader.models import Regiontilgang, Soknad
from soknader.roles import SAKSBEHANDLERE, ensure_groups
from soknader.services import dialog, innsending, saksbehandling, utkast
from tilgang import altinn
from tilgang.services import organisasjoner_set

PASSORD = "demo-passord-2026"

# A fictional private bedriftshelsetjeneste; the number passes the MOD11 check but is made up.
DEMO_BHT_ORGNR = "999888771"
DEMO_BHT_NAVN = "Nordlys Bedriftshelsetjeneste AS (demo)"
# What Enhetsregisteret would say of such a unit (made up, as the unit is): a private AS whose næringskode the
# registry describes as bedriftshelsetjeneste. Stored as the registry's answer, so the start page knows it is not a
# kommune (allmennmedisin is not offered, with the reason) and section 2 asks about Arbeidstilsynet.
DEMO_BHT_ENHET = {
    "organisasjonsnummer": DEMO_BHT_ORGNR,
    "navn": DEMO_BHT_NAVN,
    "organisasjonsform": {"kode": "AS", "beskrivelse": "Aksjeselskap"},
    "naeringskode1": {"beskrivelse": "Bedriftshelsetjeneste"},
    "forretningsadresse": {"kommunenummer": "1804", "kommune": "BODØ"},
}


class Command(BaseCommand):
    help = (
        "Oppretter demobrukere: søker for Bodø kommune, søker for en bedriftshelsetjeneste, saksbehandler og "
        "ALIS-kontor Nord."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--adresse", help="adressen appen svarer på, skrevet i boksen med innloggingene (make run gir den)"
        )

    def handle(self, *args, adresse: str | None = None, **options):
        if not (settings.DEBUG or settings.TESTING):
            # the demo users share a password printed in the README: never on a production database
            raise CommandError(
                "demodata kjøres bare i utvikling (DJANGO_DEBUG=1) og i testene: den lager brukere med "
                "passordet fra README, også saksbehandlere. Ingenting er endret."
            )
        if not Kommune.objects.exists():
            raise CommandError("Kommuneregisteret er ikke lastet. Kjør «manage.py last_referansedata» først.")
        # No e-mail receipts for made-up applications (sent on commit, so the override wraps the transaction).
        # the made-up applications' history (status changes, receipts) is not news: its log lines are left out
        with (
            quiet("asa.status", "asa.epost", "asa.brreg"),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
            transaction.atomic(),
        ):
            linjer = self._handle()
        if adresse:
            linjer += ["", f"Appen: {adresse}   (stopp med Ctrl+C)"]
        self._box(linjer)

    def _handle(self) -> list[str]:
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
        # Which organisations a demo søker may act for: in production Altinn says so at every login. Here Altinn
        # is not set up, so demo data writes the same cache with the source "utvikling" (ignored once
        # ALTINN_BASE_URL is set).
        organisasjoner_set(bruker=kommune, virksomheter=[bodo])

        bht = virksomhet_store_enhet(
            Enhet.from_api(DEMO_BHT_ENHET, organisasjonsnummer=DEMO_BHT_ORGNR, er_underenhet=False)
        )
        bht_bruker = bruker("bht", "Bjørn", "Bedriftslege")
        organisasjoner_set(bruker=bht_bruker, virksomheter=[bht])

        saksbehandler = bruker("saksbehandler", "Siri", "Saksbehandler", is_staff=True)
        saksbehandler.groups.add(Group.objects.get(name=SAKSBEHANDLERE))

        alis = bruker("alis-nord", "Anders", "ALIS-kontor Nord")
        Regiontilgang.objects.update_or_create(
            bruker=alis, defaults={"helseregion": Helseregion.objects.get(kode="nord")}
        )

        nye = self._eksempelsoknader(saksbehandler)
        antall = Soknad.objects.filter(opprettet_av__username="eksempel-soker").count()
        self.stdout.write(f"Eksempelsøknader fra andre kommuner: {antall} ({nye} nye), for saksbehandling og oversikt.")
        linjer = [
            f"Demobrukere (passord for alle: {PASSORD}):",
            *(
                f"  {username:<14} {rolle}"
                for username, rolle in [
                    ("kommune", f"søker for {bodo.navn} (orgnr 972 418 013)"),
                    ("bht", f"søker for {bht.navn} (orgnr 999 888 771)"),
                    ("saksbehandler", "saksbehandler i Helsedirektoratet (admin: /admin/)"),
                    ("alis-nord", "ALIS-kontor, helseregion Nord"),
                ]
            ),
        ]
        if altinn.er_satt_opp():
            linjer.append("ALTINN_BASE_URL er satt: demosøkerne ser ingen virksomheter (tilgang kommer fra Altinn).")
        return linjer

    def _box(self, linjer: list[str]) -> None:
        """The logins last, in a box, so they stand out above the server's own lines (`make run`)."""
        bredde = max(len(linje) for linje in linjer)
        self.stdout.write(self.style.SUCCESS("┌" + "─" * (bredde + 2) + "┐"))
        for linje in linjer:
            self.stdout.write(self.style.SUCCESS(f"│ {linje:<{bredde}} │"))
        self.stdout.write(self.style.SUCCESS("└" + "─" * (bredde + 2) + "┘"))

    def _eksempelsoknader(self, saksbehandler) -> int:
        """Applications from other kommuner in every status, so the admin and the overview have something to show.

        Bodø has none: the demo søker for Bodø starts from an empty list.
        """
        eier, _ = get_user_model().objects.get_or_create(username="eksempel-soker", defaults={"is_active": False})
        created = 0
        for nummer, status, hf_avtale in EKSEMPLER:
            kommune = Kommune.objects.get(nummer=nummer)
            if kommune.organisasjonsnummer is None:
                continue
            virksomhet = virksomhet_get_or_create(organisasjonsnummer=kommune.organisasjonsnummer)
            if Soknad.objects.filter(virksomhet=virksomhet, spesialitet="ALM").exists():
                continue
            soknad = Soknad.objects.create(
                virksomhet=virksomhet,
                spesialitet="ALM",
                virksomhetstype="kommune",
                opprettet_av=eier,
                kontaktperson_navn="Kontaktperson",
                kontaktperson_epost=f"post@{nummer}.kommune.example.no",
                kontaktperson_telefon="22 00 00 00",
                dba_kontakt_navn="Personvernombud",
                dba_kontakt_epost=f"personvern@{nummer}.kommune.example.no",
                dba_kontakt_telefon="22 00 00 01",
                organisering="Kommuneoverlegen har ansvaret for utdanningen og godkjenner læringsmål.",
                veiledere_ansatt="egen_virksomhet",
                veilederkompetanse="ja",
                kjent_med_oppgaver="ja",
                hf_avtale_inngatt=hf_avtale,
                hf_avtale_navn="Helseforetaket i regionen" if hf_avtale else "",
                **dict.fromkeys(skjema.BEKREFTELSER, True),
            )
            arena = {
                "type": "fastlege",
                "plassering": "egen",
                "ny_veileder": False,
                "laeringsmal": "Alle bortsett fra ALM 55 og 85; Alle FKM",
                "supervisjon": ["til_stede"],
            }
            utkast.laeringsarena_save(soknad=soknad, arena=None, values=arena)
            if hf_avtale:
                utkast.laeringsarena_save(
                    soknad=soknad,
                    arena=None,
                    values={
                        **arena,
                        "type": "sykehus",
                        "plassering": "annen",
                        "annen_virksomhet": "Helseforetaket i regionen",
                        "avtale_veiledning_supervisjon": True,
                        "laeringsmal": "ALM 55, 85",
                        "supervisjon": ["til_stede", "vakt"],
                    },
                )
            if status == "utkast":
                created += 1
                continue
            soknad = innsending.soknad_submit(soknad=soknad, bruker=eier)
            if status in ("under_behandling", "registrert"):
                soknad = saksbehandling.soknad_start_review(soknad=soknad, bruker=saksbehandler)
            if status == "anmodning_sendt":
                dialog.soknad_request_information(
                    soknad=soknad,
                    bruker=saksbehandler,
                    melding="Bekreft avtalen med helseforetaket om ALM-055 og ALM-085, og før opp arenaen.",
                )
            elif status == "registrert":
                saksbehandling.soknad_register(soknad=soknad, bruker=saksbehandler)
            created += 1
        # made-up applications to made-up addresses: their receipts are not mail anyone should get or read
        Epost.objects.filter(soknad__opprettet_av=eier, status=EpostStatus.VENTER).delete()
        return created


# (kommunenummer, status, agreement with a helseforetak) for the example applications
EKSEMPLER = [
    ("5501", "registrert", True),
    ("1806", "under_behandling", True),
    ("1833", "anmodning_sendt", False),
    ("5601", "innsendt", True),
    ("5001", "registrert", True),
    ("5006", "anmodning_sendt", False),
    ("4601", "under_behandling", True),
    ("1103", "innsendt", False),
    ("0301", "registrert", True),
    ("3301", "innsendt", True),
    ("4204", "anmodning_sendt", False),
    ("3105", "utkast", False),
]
