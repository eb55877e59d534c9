"""Who a person is (a keyed hash of their identifier, never the identifier), which organisations Altinn says
they may act for (a cache with the time of Altinn's answer), and the audit log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Innloggingskilde(models.TextChoices):
    IDPORTEN = "idporten", "ID-porten"
    ANSATT = "ansatt", _("Helsedirektoratets innlogging")
    PASSORD = "passord", _("Passord (demo og nødtilgang)")


class Tilgangskilde(models.TextChoices):
    ALTINN = "altinn", "Altinn"
    UTVIKLING = "utvikling", _("Utvikling (demodata, Altinn er ikke satt opp)")


class Person(models.Model):
    """A user who logged in through an identity provider. `ident` is HMAC-SHA256(TILGANG_PERSON_KEY,
    "<provider>:<subject>") in hex: the same person is recognised again, and the fødselsnummer is never stored."""

    bruker = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person")
    kilde = models.CharField(_("innlogging"), max_length=20, choices=Innloggingskilde.choices)
    ident = models.CharField(_("nøkkel (hash)"), max_length=64, unique=True, editable=False)
    organisasjoner_hentet = models.DateTimeField(_("virksomheter sist hentet fra Altinn"), null=True, blank=True)
    roller = models.JSONField(
        _("roller fra direktoratets innlogging"),
        default=list,
        blank=True,
        help_text=_("Rollene siste innlogging ga (for revisjonsloggen: hva som er lagt til og tatt bort)."),
    )
    opprettet = models.DateTimeField(_("første innlogging"), auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return str(self.bruker)


class Virksomhetstilgang(models.Model):
    """The person may act for the organisation for this service, as Altinn said at `hentet` (a cache of
    Altinn's answer, replaced whole at every successful answer). Never granted by this application."""

    bruker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="virksomhetstilganger")
    virksomhet = models.ForeignKey("brreg.Virksomhet", on_delete=models.CASCADE, related_name="tilganger")
    kilde = models.CharField(_("kilde"), max_length=20, choices=Tilgangskilde.choices, default=Tilgangskilde.ALTINN)
    hentet = models.DateTimeField(_("Altinns svar fra"))
    hovedenhet = models.CharField(
        _("rettighet via hovedenhet"),
        max_length=9,
        blank=True,
        help_text=_("For en underenhet: organisasjonsnummeret til hovedenheten Altinn viste den under."),
    )

    class Meta:
        verbose_name = _("tilgang til virksomhet")
        verbose_name_plural = _("tilganger til virksomheter")
        constraints = [models.UniqueConstraint(fields=["bruker", "virksomhet"], name="unik_virksomhetstilgang_cache")]

    def __str__(self) -> str:
        return f"{self.bruker} → {self.virksomhet}"


class Hendelsestype(models.TextChoices):
    INNLOGGING = "innlogging", _("Innlogging")
    UTLOGGING = "utlogging", _("Utlogging")
    INNLOGGING_FEILET = "innlogging_feilet", _("Mislykket innlogging")
    TILGANG_GITT = "tilgang_gitt", _("Altinn: ny virksomhet")
    TILGANG_FJERNET = "tilgang_fjernet", _("Altinn: virksomhet fjernet")
    ALTINN_UTILGJENGELIG = "altinn_utilgjengelig", _("Altinn svarte ikke")
    STATUSENDRING = "statusendring", _("Statusendring")
    ROLLE_GITT = "rolle_gitt", _("Ny rolle fra direktoratets innlogging")
    ROLLE_FJERNET = "rolle_fjernet", _("Rolle tatt bort av direktoratets innlogging")
    OKT_UTLOPT = "okt_utlopt", _("Økten utløp")


class Hendelse(models.Model):
    """One row of the audit log. Holds the user account (not a name or national identity number), the
    organisation, what happened and through which channel. Written by tilgang.audit only; never edited."""

    tidspunkt = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    hendelse = models.CharField(_("hendelse"), max_length=30, choices=Hendelsestype.choices, db_index=True)
    kilde = models.CharField(_("kilde"), max_length=30, help_text="idporten, ansatt, passord, altinn, soknad …")
    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    brukernavn = models.CharField(_("brukernavn"), max_length=150, blank=True, help_text="Kept if the user is deleted.")
    virksomhet = models.ForeignKey(
        "brreg.Virksomhet",
        verbose_name=_("virksomhet"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisasjonsnummer = models.CharField(_("organisasjonsnummer"), max_length=9, blank=True, db_index=True)
    detalj = models.CharField(_("detalj"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hendelse i revisjonsloggen")
        verbose_name_plural = _("revisjonslogg")
        ordering = ["-tidspunkt", "-pk"]

    def __str__(self) -> str:
        return f"{self.tidspunkt:%Y-%m-%d %H:%M:%S} {self.get_hendelse_display()} {self.brukernavn}"
