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


class Alvorlighet(models.TextChoices):
    MANGEL = "mangel", "Mangel"
    ADVARSEL = "advarsel", "Advarsel"


class Mangelkode(models.TextChoices):
    """Findings computed from an application; labels are the short forms shown in lists."""

    INGEN_ARENA = "INGEN_ARENA", "Ingen læringsarena"
    ALM055_MANGLER = "ALM055_MANGLER", "ALM-055 mangler"
    ALM085_MANGLER = "ALM085_MANGLER", "ALM-085 mangler"
    ALM055_085_UTEN_INSTITUSJON = "ALM055_085_UTEN_INSTITUSJON", "ALM-055/085 uten institusjon"
    HF_AVTALE_MANGLER = "HF_AVTALE_MANGLER", "Avtale med HF mangler"
    ARENA_UTEN_LM = "ARENA_UTEN_LM", "Arena uten læringsmål"
    LM_UGYLDIG = "LM_UGYLDIG", "Uleselige læringsmål"
    LM_UDEKKET = "LM_UDEKKET", "Læringsmål ikke dekket"
    FKM_UDEKKET = "FKM_UDEKKET", "FKM ikke plassert"
    DEKNING_USIKKER = "DEKNING_USIKKER", "Dekning usikker (foreløpig liste)"
    ANSVAR_IKKE_BEKREFTET = "ANSVAR_IKKE_BEKREFTET", "Ansvar ikke bekreftet"
    ANNEN_VIRKSOMHET_UTEN_NAVN = "ANNEN_VIRKSOMHET_UTEN_NAVN", "Annen virksomhet uten navn"
    AVTALE_UTEN_VEILEDNING = "AVTALE_UTEN_VEILEDNING", "Avtale sikrer ikke veiledning/supervisjon"
    VEILEDERPLAN_MANGLER = "VEILEDERPLAN_MANGLER", "Plan for veilederkompetanse mangler"
    IKKE_KOMMUNE_ALM = "IKKE_KOMMUNE_ALM", "ALM fra ikke-kommune"
    BHT_IKKE_GODKJENT = "BHT_IKKE_GODKJENT", "BHT ikke godkjent"
    VIRKSOMHET_SLETTET = "VIRKSOMHET_SLETTET", "Slettet/konkurs i Enhetsregisteret"
