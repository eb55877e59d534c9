"""Every choice list of the application form, in one place.

Values are the stable codes of the interchange format; labels are what users read.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Spesialitet(models.TextChoices):
    ALM = "ALM", _("Allmennmedisin")
    SAM = "SAM", _("Samfunnsmedisin")
    ARB = "ARB", _("Arbeidsmedisin")


class Virksomhetstype(models.TextChoices):
    KOMMUNE = "kommune", _("Kommune")
    BHT = "bht", _("Bedriftshelsetjeneste")
    ANNEN_OFFENTLIG = "annen_offentlig", _("Annen offentlig virksomhet")
    PRIVAT = "privat", _("Annen privat virksomhet")


class Status(models.TextChoices):
    UTKAST = "utkast", _("Utkast")
    INNSENDT = "innsendt", _("Sendt inn")
    UNDER_BEHANDLING = "under_behandling", _("Under behandling")
    ANMODNING_SENDT = "anmodning_sendt", _("Anmodning om mer informasjon sendt")
    # the applicant answered the anmodning (in words, with attachments) and may still change and resubmit
    SVAR_MOTTATT = "svar_mottatt", _("Svar mottatt")
    # sent in again after an anmodning: the case stays under review, the caseworker's move
    SENDT_INN_PA_NYTT = "sendt_inn_pa_nytt", _("Sendt inn på nytt")
    REGISTRERT = "registrert", _("Registrert")
    AVSLATT = "avslatt", _("Avslått")
    TRUKKET = "trukket", _("Trukket")


class VeiledereAnsatt(models.TextChoices):
    EGEN_VIRKSOMHET = "egen_virksomhet", _("I egen virksomhet")
    ANNEN = "annen", _("Annen, spesifiser")


class JaDelvisNei(models.TextChoices):
    JA = "ja", _("Ja")
    DELVIS = "delvis", _("Delvis")
    NEI = "nei", _("Nei")


class KjentTiltak(models.TextChoices):
    KURS = "kurs", _("Kurs")
    VEILEDERSAMLING = "veiledersamling", _("Veiledersamling")
    ANNET = "annet", _("Annet, spesifiser")


class Seksjon(models.TextChoices):
    """The four sections of the form, in order."""

    VIRKSOMHET = "virksomhet", _("Virksomhet og spesialitet")
    ANSVAR = "ansvar", _("Virksomhetens ansvar")
    FORHOLD = "forhold", _("Forhold ved egen virksomhet")
    LAERINGSARENAER = "laeringsarenaer", _("Læringsarenaer")


class Seksjonsstatus(models.TextChoices):
    IKKE_PABEGYNT = "ikke_pabegynt", _("Ikke påbegynt")
    PABEGYNT = "pabegynt", _("Påbegynt")
    FULLFORT = "fullfort", _("Fullført")
    # complete, but an arena's learning objectives hold a piece that could not be read: the count is uncertain
    MA_SJEKKES = "ma_sjekkes", _("Må sjekkes")


class Alvorlighet(models.TextChoices):
    MANGEL = "mangel", _("Mangel")
    ADVARSEL = "advarsel", _("Advarsel")


class Mangelkode(models.TextChoices):
    """Findings computed from an application; labels are the short forms shown in lists."""

    INGEN_ARENA = "INGEN_ARENA", _("Ingen læringsarena")
    ALM055_MANGLER = "ALM055_MANGLER", _("ALM-055 mangler")
    ALM085_MANGLER = "ALM085_MANGLER", _("ALM-085 mangler")
    ALM055_085_UTEN_INSTITUSJON = "ALM055_085_UTEN_INSTITUSJON", _("ALM-055/085 uten institusjon")
    HF_AVTALE_MANGLER = "HF_AVTALE_MANGLER", _("Avtale med HF mangler")
    ARENA_UTEN_LM = "ARENA_UTEN_LM", _("Arena uten læringsmål")
    LM_UGYLDIG = "LM_UGYLDIG", _("Uleselige læringsmål")
    LM_UDEKKET = "LM_UDEKKET", _("Læringsmål ikke dekket")
    FKM_UDEKKET = "FKM_UDEKKET", _("FKM ikke plassert")
    # no longer found (every LM list is official since 2026-12-04); kept for findings stored before `oppdater_mangler`
    DEKNING_USIKKER = "DEKNING_USIKKER", _("Dekning usikker (foreløpig liste)")
    ANSVAR_IKKE_BEKREFTET = "ANSVAR_IKKE_BEKREFTET", _("Ansvar ikke bekreftet")
    SVAR_MANGLER = "SVAR_MANGLER", _("Ubesvarte spørsmål")
    APEN_PRAKSIS_IKKE_BEKREFTET = "APEN_PRAKSIS_IKKE_BEKREFTET", _("Åpen uselektert praksis ikke bekreftet")
    ANNEN_VIRKSOMHET_UTEN_NAVN = "ANNEN_VIRKSOMHET_UTEN_NAVN", _("Annen virksomhet uten navn")
    INSTITUSJON_UTEN_ANBEFALT = "INSTITUSJON_UTEN_ANBEFALT", _("Institusjon for ALM-055/085 uten det anbefalte")
    AVTALE_UTEN_VEILEDNING = "AVTALE_UTEN_VEILEDNING", _("Avtale sikrer ikke veiledning/supervisjon")
    VEILEDERPLAN_MANGLER = "VEILEDERPLAN_MANGLER", _("Plan for veilederkompetanse mangler")
    IKKE_KOMMUNE_ALM = "IKKE_KOMMUNE_ALM", _("ALM fra ikke-kommune")
    BHT_IKKE_GODKJENT = "BHT_IKKE_GODKJENT", _("BHT ikke godkjent")
    VIRKSOMHET_SLETTET = "VIRKSOMHET_SLETTET", _("Slettet/konkurs i Enhetsregisteret")


# The læringsarena's lists (the arena is part of the application).
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
