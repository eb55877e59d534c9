from django.db import models


class Teller(models.Model):
    """A counter in the database, so that a per-user limit holds across every worker and instance."""

    nokkel = models.CharField("nøkkel", max_length=200, unique=True)
    antall = models.PositiveIntegerField("antall", default=0)
    utloper = models.DateTimeField("utløper", db_index=True)

    class Meta:
        verbose_name = "teller"
        verbose_name_plural = "tellere"

    def __str__(self) -> str:
        return f"{self.nokkel}: {self.antall}"
