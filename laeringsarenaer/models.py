"""A læringsarena: a unit where LIS works and can reach learning objectives."""

from django.db import models

from .choices import Arenatype, Plassering
from .lmtekst import formater


class Laeringsarena(models.Model):
    soknad = models.ForeignKey("soknader.Soknad", on_delete=models.CASCADE, related_name="laeringsarenaer")
    type = models.CharField("type læringsarena", max_length=30, choices=Arenatype.choices, blank=True)
    plassering = models.CharField("læringsarenaen befinner seg", max_length=10, choices=Plassering.choices, blank=True)
    annen_virksomhet = models.CharField("navn på annen virksomhet", max_length=200, blank=True)
    ny_veileder = models.BooleanField(
        "Skal LIS få ny veileder under oppholdet ved denne arenaen?", null=True, blank=True
    )
    avtale_veiledning_supervisjon = models.BooleanField(
        "Sikrer avtalen med den andre virksomheten veiledning og supervisjon av LIS ved denne arenaen?",
        null=True,
        blank=True,
    )
    laeringsmal = models.TextField("læringsmål som kan oppnås her", blank=True)
    laeringsmal_koder = models.JSONField(
        "læringsmål (tolket)", default=list, blank=True, help_text="Kodene teksten ble tolket til, sortert."
    )
    laeringsmal_feil = models.JSONField(
        "læringsmål som ikke kunne leses",
        default=list,
        blank=True,
        help_text="Deler av teksten som ikke kunne tolkes, med melding: [{tekst, melding}].",
    )
    supervisjon = models.JSONField("supervisjon vil foregå ved", default=list, blank=True)
    supervisjon_annet = models.TextField("annen supervisjon", blank=True)
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)
    endret = models.DateTimeField("sist endret", auto_now=True)

    class Meta:
        verbose_name = "læringsarena"
        verbose_name_plural = "læringsarenaer"
        ordering = ["soknad", "pk"]

    def __str__(self) -> str:
        navn = self.get_type_display() or "Læringsarena"
        if self.plassering == Plassering.ANNEN and self.annen_virksomhet:
            navn = f"{navn} – {self.annen_virksomhet}"
        return navn

    @property
    def tolkning(self) -> dict | None:
        """What the stored LM text was read as, for display; None when there is no text."""
        if not self.laeringsmal.strip():
            return None
        koder = self.laeringsmal_koder or []
        return {"antall": len(koder), "kort": formater(koder), "feil": self.laeringsmal_feil or []}


class Laeringsmal(models.Model):
    """One learning objective (LM) in one version of the catalogue.

    A code can have several versions over time (FKM-001 before and after the 2026 revision); an
    application is read against the versions valid on its søknadsdato.
    """

    class Gruppe(models.TextChoices):
        ALM = "ALM", "Allmennmedisin"
        SAM = "SAM", "Samfunnsmedisin"
        ARB = "ARB", "Arbeidsmedisin"
        FKM = "FKM", "Felles kompetansemål"

    kode = models.CharField("kode", max_length=7)
    gruppe = models.CharField("gruppe", max_length=3, choices=Gruppe.choices)
    tittel = models.CharField("tittel", max_length=500, blank=True)
    gyldig_fra = models.DateField("gyldig fra")
    gyldig_til = models.DateField("gyldig til", null=True, blank=True)
    kilde = models.CharField("kilde", max_length=300, blank=True)
    forelopig = models.BooleanField(
        "foreløpig",
        default=False,
        help_text="Ikke bekreftet fra den offisielle listen (tittel mangler, antallet er antatt).",
    )

    class Meta:
        verbose_name = "læringsmål"
        verbose_name_plural = "læringsmål"
        ordering = ["gruppe", "kode", "gyldig_fra"]
        constraints = [models.UniqueConstraint(fields=["kode", "gyldig_fra"], name="unik_laeringsmal_versjon")]
        indexes = [models.Index(fields=["gruppe", "gyldig_fra", "gyldig_til"])]

    def __str__(self) -> str:
        return f"{self.kode} {self.tittel}".strip()
