"""The læringsmål catalogue: every objective in every version, with the dates it is valid."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Laeringsmal(models.Model):
    """One learning objective (LM) in one version of the catalogue.

    A code can have several versions over time (FKM-001 before and after the 2026 revision); an
    application is read against the versions valid on its søknadsdato.
    """

    class Gruppe(models.TextChoices):
        ALM = "ALM", _("Allmennmedisin")
        SAM = "SAM", _("Samfunnsmedisin")
        ARB = "ARB", _("Arbeidsmedisin")
        FKM = "FKM", _("Felles kompetansemål")

    kode = models.CharField(_("kode"), max_length=7)
    gruppe = models.CharField(_("gruppe"), max_length=3, choices=Gruppe.choices)
    tittel = models.CharField(_("tittel"), max_length=500, blank=True)
    gyldig_fra = models.DateField(_("gyldig fra"))
    gyldig_til = models.DateField(_("gyldig til"), null=True, blank=True)
    kilde = models.CharField(_("kilde"), max_length=300, blank=True)
    forelopig = models.BooleanField(
        _("foreløpig"),
        default=False,
        help_text=_("Ikke bekreftet fra den offisielle listen (tittel mangler, antallet er antatt)."),
    )

    class Meta:
        verbose_name = _("læringsmål")
        verbose_name_plural = _("læringsmål")
        ordering = ["gruppe", "kode", "gyldig_fra"]
        constraints = [models.UniqueConstraint(fields=["kode", "gyldig_fra"], name="unik_laeringsmal_versjon")]
        indexes = [models.Index(fields=["gruppe", "gyldig_fra", "gyldig_til"])]

    def __str__(self) -> str:
        return f"{self.kode} {self.tittel}".strip()
