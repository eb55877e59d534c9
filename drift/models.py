from django.db import models
from django.utils.translation import gettext_lazy as _


class Counter(models.Model):
    """A counter in the database, so that a per-user limit holds across every worker and instance."""

    nokkel = models.CharField("nøkkel", max_length=200, unique=True)
    antall = models.PositiveIntegerField("antall", default=0)
    utloper = models.DateTimeField("utløper", db_index=True)

    class Meta:
        verbose_name = "teller"
        verbose_name_plural = "tellere"

    def __str__(self) -> str:
        return f"{self.nokkel}: {self.antall}"


class JobRun(models.Model):
    """One run of a daily job (drift/jobs.py). The row is also the lock: (job, day) is unique, so of any number of
    sender processes exactly one gets to insert it and run the job that day."""

    class Result(models.TextChoices):
        RUNNING = "kjorer", _("Kjører")
        OK = "ok", _("OK")
        FAILED = "feilet", _("Feilet")

    jobb = models.CharField(_("jobb"), max_length=60)
    dag = models.DateField(_("dag"))
    startet = models.DateTimeField(_("startet"))
    ferdig = models.DateTimeField(_("ferdig"), null=True, blank=True)
    resultat = models.CharField(_("resultat"), max_length=10, choices=Result.choices, default=Result.RUNNING)
    tekst = models.TextField(_("tekst"), blank=True, help_text=_("Hva jobben gjorde, eller feilen."))
    prosess = models.CharField(_("prosess"), max_length=100, blank=True, help_text=_("Vert og prosess-ID."))

    class Meta:
        verbose_name = _("jobbkjøring")
        verbose_name_plural = _("jobbkjøringer")
        ordering = ["-startet", "-pk"]
        constraints = [models.UniqueConstraint(fields=["jobb", "dag"], name="jobb_en_gang_per_dag")]

    def __str__(self) -> str:
        return f"{self.jobb} {self.dag:%d.%m.%Y}: {self.get_resultat_display()}"
