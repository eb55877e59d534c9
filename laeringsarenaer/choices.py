"""Choice lists for læringsarenaer, in one place. Values are the interchange format's codes."""

from django.db import models


class Arenatype(models.TextChoices):
    FASTLEGE = "fastlege", "Fastlegekontor"
    LEGEVAKT = "legevakt", "Legevakt"
    KAD = "kad", "Kommunal akutt døgnenhet (KAD)"
    SYKEHJEM = "sykehjem", "Sykehjem/helsehus"
    HELSESTASJON = "helsestasjon", "Helsestasjon og skolehelsetjeneste"
    FENGSELSHELSETJENESTE = "fengselshelsetjeneste", "Fengselshelsetjeneste"
    ANNEN_KOMMUNAL = "annen_kommunal", "Annen kommunal tjeneste"
    SAMFUNNSMEDISIN = "samfunnsmedisin", "Samfunnsmedisinsk enhet/kommuneoverlege"
    SYKEHUS = "sykehus", "Sykehusavdeling (helseforetak)"
    PSYKISK_HELSEVERN = "psykisk_helsevern", "Psykisk helsevern/DPS"
    BHT = "bht", "Bedriftshelsetjeneste"
    ARBEIDSMEDISINSK_AVDELING = "arbeidsmedisinsk_avdeling", "Arbeidsmedisinsk avdeling"
    STAMI = "stami", "Statens arbeidsmiljøinstitutt (STAMI)"
    STATLIG = "statlig", "Statlig etat (FHI, statsforvalter o.l.)"
    ANNET = "annet", "Annet"


class Plassering(models.TextChoices):
    EGEN = "egen", "Innen egen virksomhet"
    ANNEN = "annen", "Innen annen virksomhet"


class Supervisjon(models.TextChoices):
    TIL_STEDE = "til_stede", "Supervisør til stede"
    TELEFON_DIGITALT = "telefon_digitalt", "Supervisør tilgjengelig på telefon/digitalt"
    PLANLAGT = "planlagt", "Planlagt supervisjon"
    VAKT = "vakt", "Supervisjon på vakt"
    ANNET = "annet", "Annet, spesifiser"
