"""A læringsarena: a unit where LIS works and can reach learning objectives."""

from django.db import models

from .choices import Arenatype, Plassering


class Laeringsarena(models.Model):
    soknad = models.ForeignKey("soknader.Soknad", on_delete=models.CASCADE, related_name="laeringsarenaer")
    type = models.CharField("type læringsarena", max_length=30, choices=Arenatype.choices, blank=True)
    plassering = models.CharField(
        "læringsarenaen befinner seg", max_length=10, choices=Plassering.choices, blank=True
    )
    annen_virksomhet = models.CharField("navn på annen virksomhet", max_length=200, blank=True)
    ny_veileder = models.BooleanField(
        "Skal LIS få ny veileder under oppholdet ved denne arenaen?", null=True, blank=True
    )
    laeringsmal = models.TextField("læringsmål som kan oppnås her", blank=True)
    laeringsmal_koder = models.JSONField(
        "læringsmål (tolket)", default=list, blank=True, help_text="Kodene teksten ble tolket til, sortert."
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
