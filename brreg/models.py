"""Organisations and the kommune register.

Regions are data, not code: a `Fylke` points at its `Helseregion`, so splitting a region between
ALIS-kontor is a change of rows, not of code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import orgnr


class Helseregion(models.Model):
    kode = models.SlugField("kode", max_length=20, unique=True)
    navn = models.CharField("navn", max_length=60, unique=True)

    class Meta:
        verbose_name = _("helseregion")
        verbose_name_plural = _("helseregioner")
        ordering = ["navn"]

    def __str__(self) -> str:
        return self.navn


class Fylke(models.Model):
    nummer = models.CharField("fylkesnummer", max_length=2, primary_key=True)
    navn = models.CharField("navn", max_length=60)
    helseregion = models.ForeignKey(Helseregion, on_delete=models.PROTECT, related_name="fylker")

    class Meta:
        verbose_name = _("fylke")
        verbose_name_plural = _("fylker")
        ordering = ["nummer"]

    def __str__(self) -> str:
        return self.navn


class Kommune(models.Model):
    """A kommune in the kommune register (SSB's 2024 structure)."""

    nummer = models.CharField("kommunenummer", max_length=4, primary_key=True)
    navn = models.CharField("navn", max_length=100)
    organisasjonsnummer = models.CharField("organisasjonsnummer", max_length=9, unique=True, null=True, blank=True)
    fylke = models.ForeignKey(Fylke, on_delete=models.PROTECT, related_name="kommuner")

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["nummer"]

    def __str__(self) -> str:
        return f"{self.nummer} {self.navn}"


class Virksomhet(models.Model):
    """An organisation that applies: a kommune, a bedriftshelsetjeneste, another public or private body."""

    class Navnekilde(models.TextChoices):
        KOMMUNEREGISTER = "kommuneregister", _("Kommuneregisteret")
        BRREG = "brreg", _("Enhetsregisteret")
        MANUELL = "manuell", _("Oppgitt av søker (ikke verifisert)")

    organisasjonsnummer = models.CharField("organisasjonsnummer", max_length=9, unique=True)
    navn = models.CharField("navn", max_length=200)
    navnekilde = models.CharField(
        "navnet kommer fra", max_length=20, choices=Navnekilde.choices, default=Navnekilde.MANUELL
    )
    er_kommune = models.BooleanField("er en kommune", default=False)
    kommune = models.ForeignKey(
        Kommune,
        verbose_name="kommune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="virksomheter",
        help_text="Kommunen virksomheten er i (for en kommune: kommunen selv). Gir fylke og helseregion.",
    )
    # What Enhetsregisteret said, and when (a cache, and the basis for warnings to caseworkers).
    organisasjonsform = models.CharField("organisasjonsform", max_length=10, blank=True)
    konkurs = models.BooleanField("konkurs", default=False)
    under_avvikling = models.BooleanField("under avvikling", default=False)
    slettedato = models.DateField("slettet i Enhetsregisteret", null=True, blank=True)
    brreg_data = models.JSONField("svar fra Enhetsregisteret", null=True, blank=True)
    brreg_hentet = models.DateTimeField("hentet fra Enhetsregisteret", null=True, blank=True)
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)
    endret = models.DateTimeField("endret", auto_now=True)

    class Meta:
        verbose_name = _("virksomhet")
        verbose_name_plural = _("virksomheter")
        ordering = ["navn"]

    def __str__(self) -> str:
        return f"{self.navn} ({self.organisasjonsnummer_formatert})"

    @property
    def organisasjonsnummer_formatert(self) -> str:
        return orgnr.format_orgnr(self.organisasjonsnummer)

    @property
    def fullt_navn(self) -> str:
        """The name in a sentence, a letter or a card: a kommune as the kommune register names it («Bodø») is «Bodø
        kommune»; every other organisation as named."""
        if self.er_kommune and not self.navn.lower().endswith("kommune"):
            return f"{self.navn} kommune"
        return self.navn

    @property
    def navn_verifisert(self) -> bool:
        return self.navnekilde != self.Navnekilde.MANUELL

    @property
    def slettet(self) -> bool:
        return self.slettedato is not None


class Referansedata(models.Model):
    """Which version of a reference data set (the kommune register, the LM catalogue) this database holds.

    Written only by `manage.py last_referansedata` (see `brreg/referansedata.py`).
    """

    navn = models.CharField("datasett", max_length=50, primary_key=True)
    versjon = models.DateField("versjon", help_text="Dataenes egen dato.")
    sjekksum = models.CharField("sjekksum (SHA-256)", max_length=64)
    rader = models.PositiveIntegerField("rader")
    lastet = models.DateTimeField("lastet", auto_now=True)

    class Meta:
        verbose_name = _("referansedata")
        verbose_name_plural = _("referansedata")
        ordering = ["navn"]

    def __str__(self) -> str:
        return f"{self.navn} {self.versjon:%Y-%m-%d}"
