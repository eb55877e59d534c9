"""The mail outbox: every e-mail is a row, written in the same transaction as the change it tells about.

A sender (`manage.py send_epost --loop`) sends what is due, with retries and exponential backoff; the caseworker
sees per application what was sent, what is waiting and what failed, and why.
"""

from django.db import models
from django.utils import timezone


class EpostStatus(models.TextChoices):
    VENTER = "venter", "Venter på sending"
    SENDT = "sendt", "Sendt"
    FEILET = "feilet", "Feilet"


class Epost(models.Model):
    # Lazy reference: the outbox knows an application by name only and imports nothing of soknader.
    soknad = models.ForeignKey(
        "soknader.Soknad",
        verbose_name="søknad",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eposter",
    )
    avsender = models.CharField("avsender", max_length=254)
    mottaker = models.CharField("mottaker", max_length=254)
    emne = models.CharField("emne", max_length=255)
    tekst = models.TextField("tekst")
    status = models.CharField("status", max_length=10, choices=EpostStatus.choices, default=EpostStatus.VENTER)
    forsok = models.PositiveSmallIntegerField("forsøk", default=0)
    neste_forsok = models.DateTimeField("neste forsøk", default=timezone.now)
    siste_feil = models.TextField("siste feil", blank=True)
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)
    sendt = models.DateTimeField("sendt", null=True, blank=True)

    class Meta:
        verbose_name = "e-post"
        verbose_name_plural = "e-poster"
        ordering = ["-opprettet", "-pk"]
        indexes = [models.Index(fields=["status", "neste_forsok"], name="epost_forfalt")]

    def __str__(self) -> str:
        return f"{self.emne} → {self.mottaker}"


class EpostVedlegg(models.Model):
    """A file sent with a message (a PDF receipt or decision letter), kept with it in the outbox."""

    epost = models.ForeignKey(Epost, on_delete=models.CASCADE, related_name="vedlegg")
    filnavn = models.CharField("filnavn", max_length=200)
    mimetype = models.CharField("type", max_length=100, default="application/pdf")
    innhold = models.BinaryField("innhold", editable=False)

    class Meta:
        verbose_name = "vedlegg"
        verbose_name_plural = "vedlegg"

    def __str__(self) -> str:
        return self.filnavn
