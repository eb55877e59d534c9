"""Choice lists for læringsarenaer, in one place. Values are the interchange format's codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Arenatype(models.TextChoices):
    FASTLEGE = "fastlege", _("Fastlegekontor")
    LEGEVAKT = "legevakt", _("Legevakt")
    KAD = "kad", _("Kommunal akutt døgnenhet (KAD)")
    SYKEHJEM = "sykehjem", _("Sykehjem/helsehus")
    HELSESTASJON = "helsestasjon", _("Helsestasjon og skolehelsetjeneste")
    FENGSELSHELSETJENESTE = "fengselshelsetjeneste", _("Fengselshelsetjeneste")
    ANNEN_KOMMUNAL = "annen_kommunal", _("Annen kommunal tjeneste")
    SAMFUNNSMEDISIN = "samfunnsmedisin", _("Samfunnsmedisinsk enhet/kommuneoverlege")
    SYKEHUS = "sykehus", _("Sykehusavdeling (helseforetak)")
    PSYKISK_HELSEVERN = "psykisk_helsevern", _("Psykisk helsevern/DPS")
    BHT = "bht", _("Bedriftshelsetjeneste")
    ARBEIDSMEDISINSK_AVDELING = "arbeidsmedisinsk_avdeling", _("Arbeidsmedisinsk avdeling")
    STAMI = "stami", _("Statens arbeidsmiljøinstitutt (STAMI)")
    STATLIG = "statlig", _("Statlig etat (FHI, statsforvalter o.l.)")
    ANNET = "annet", _("Annet")


class Plassering(models.TextChoices):
    EGEN = "egen", _("Innen egen virksomhet")
    ANNEN = "annen", _("Innen annen virksomhet")


class Supervisjon(models.TextChoices):
    TIL_STEDE = "til_stede", _("Supervisør til stede")
    TELEFON_DIGITALT = "telefon_digitalt", _("Supervisør tilgjengelig på telefon/digitalt")
    PLANLAGT = "planlagt", _("Planlagt supervisjon")
    VAKT = "vakt", _("Supervisjon på vakt")
    ANNET = "annet", _("Annet, spesifiser")
