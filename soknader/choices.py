"""Every choice list of the application form, in one place.

Values are the stable codes of the interchange format; labels are what users read.
"""

from django.db import models


class Spesialitet(models.TextChoices):
    ALM = "ALM", "Allmennmedisin"
    SAM = "SAM", "Samfunnsmedisin"
    ARB = "ARB", "Arbeidsmedisin"


class Virksomhetstype(models.TextChoices):
    KOMMUNE = "kommune", "Kommune"
    BHT = "bht", "Bedriftshelsetjeneste"
    ANNEN_OFFENTLIG = "annen_offentlig", "Annen offentlig virksomhet"
    PRIVAT = "privat", "Annen privat virksomhet"


class Status(models.TextChoices):
    UTKAST = "utkast", "Utkast"
    INNSENDT = "innsendt", "Sendt inn"
    UNDER_BEHANDLING = "under_behandling", "Under behandling"
    ANMODNING_SENDT = "anmodning_sendt", "Anmodning om mer informasjon sendt"
    REGISTRERT = "registrert", "Registrert"
    AVSLATT = "avslatt", "Avslått"
    TRUKKET = "trukket", "Trukket"


class VeiledereAnsatt(models.TextChoices):
    EGEN_VIRKSOMHET = "egen_virksomhet", "I egen virksomhet"
    ANNEN = "annen", "Annen, spesifiser"


class JaDelvisNei(models.TextChoices):
    JA = "ja", "Ja"
    DELVIS = "delvis", "Delvis"
    NEI = "nei", "Nei"


class KjentTiltak(models.TextChoices):
    KURS = "kurs", "Kurs"
    VEILEDERSAMLING = "veiledersamling", "Veiledersamling"
    ANNET = "annet", "Annet, spesifiser"


class Seksjon(models.TextChoices):
    """The four sections of the form, in order."""

    VIRKSOMHET = "virksomhet", "Virksomhet og spesialitet"
    ANSVAR = "ansvar", "Virksomhetens ansvar"
    FORHOLD = "forhold", "Forhold ved egen virksomhet"
    LAERINGSARENAER = "laeringsarenaer", "Læringsarenaer"


class Seksjonsstatus(models.TextChoices):
    IKKE_PABEGYNT = "ikke_pabegynt", "Ikke påbegynt"
    PABEGYNT = "pabegynt", "Påbegynt"
    FULLFORT = "fullfort", "Fullført"
