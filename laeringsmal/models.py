"""The læringsmål catalogue: every objective in every version, with the dates it is valid."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Laeringsmal(models.Model):
    """One learning objective (LM) in one version of the catalogue.

    Every row is from the official lists (data/offisielt/). The common objectives changed on 2026-03-01: the
    old del 2–3 objectives `LM-04` … `LM-75` (group LM) until 2026-02-28, `FKM-001` … `FKM-014` from then; an
    application is read against the versions valid on its søknadsdato.
    """

    class Gruppe(models.TextChoices):
        ALM = "ALM", _("Allmennmedisin")
        SAM = "SAM", _("Samfunnsmedisin")
        ARB = "ARB", _("Arbeidsmedisin")
        FKM = "FKM", _("Felles kompetansemål")
        LM = "LM", _("Felles kompetansemål til 28.02.2026 (LM)")

    kode = models.CharField(_("kode"), max_length=7)
    gruppe = models.CharField(_("gruppe"), max_length=3, choices=Gruppe.choices)
    seksjon = models.CharField(
        _("seksjon"),
        max_length=100,
        blank=True,
        help_text=_("Seksjonen i forskriften, for eksempel «21.4 Kommunikasjon og samhandling»."),
    )
    tittel = models.TextField(_("tittel"), blank=True)
    gyldig_fra = models.DateField(_("gyldig fra"))
    gyldig_til = models.DateField(_("gyldig til"), null=True, blank=True)
    kilde = models.CharField(_("kilde"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("læringsmål")
        verbose_name_plural = _("læringsmål")
        ordering = ["gruppe", "kode", "gyldig_fra"]
        constraints = [models.UniqueConstraint(fields=["kode", "gyldig_fra"], name="unik_laeringsmal_versjon")]
        indexes = [models.Index(fields=["gruppe", "gyldig_fra", "gyldig_til"])]

    def __str__(self) -> str:
        return f"{self.kode} {self.tittel}".strip()
