"""The mail outbox: every e-mail is a row, written in the same transaction as the change it tells about.

A sender (`manage.py send_epost --loop`) sends what is due, with retries and exponential backoff; the caseworker
sees per application what was sent, what is waiting and what failed, and why.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EpostStatus(models.TextChoices):
    VENTER = "venter", _("Venter på sending")
    SENDT = "sendt", _("Sendt")
    FEILET = "feilet", _("Feilet")


class Epost(models.Model):
    # Lazy reference: the outbox knows an application by name only and imports nothing of soknader.
    soknad = models.ForeignKey(
        "soknader.Soknad",
        verbose_name=_("søknad"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eposter",
    )
    avsender = models.CharField(_("avsender"), max_length=254)
    mottaker = models.CharField(_("mottaker"), max_length=254)
    emne = models.CharField(_("emne"), max_length=255)
    tekst = models.TextField(_("tekst"))
    status = models.CharField(_("status"), max_length=10, choices=EpostStatus.choices, default=EpostStatus.VENTER)
    forsok = models.PositiveSmallIntegerField(_("forsøk"), default=0)
    neste_forsok = models.DateTimeField(_("neste forsøk"), default=timezone.now)
    siste_feil = models.TextField(_("siste feil"), blank=True)
    opprettet = models.DateTimeField(_("opprettet"), auto_now_add=True)
    sendt = models.DateTimeField(_("sendt"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-post")
        verbose_name_plural = _("e-poster")
        ordering = ["-opprettet", "-pk"]
        indexes = [models.Index(fields=["status", "neste_forsok"], name="epost_forfalt")]

    def __str__(self) -> str:
        return f"{self.emne} → {self.mottaker}"


class EpostVedlegg(models.Model):
    """A file sent with a message (a PDF receipt or decision letter), kept with it in the outbox."""

    epost = models.ForeignKey(Epost, on_delete=models.CASCADE, related_name="vedlegg")
    filnavn = models.CharField(_("filnavn"), max_length=200)
    mimetype = models.CharField(_("type"), max_length=100, default="application/pdf")
    innhold = models.BinaryField(_("innhold"), editable=False)

    class Meta:
        verbose_name = _("vedlegg")
        verbose_name_plural = _("vedlegg")

    def __str__(self) -> str:
        return self.filnavn
