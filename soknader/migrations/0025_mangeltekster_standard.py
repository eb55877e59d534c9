"""The anmodning's standard texts per finding, bokmål and nynorsk (issue 21); caseworkers edit them in the admin."""

from django.db import migrations

TEKSTER = {
    "INGEN_ARENA": (
        "Søknaden har ingen læringsarena. Legg til læringsarenaene der legene i spesialisering skal gjennomføre "
        "utdanningen, med læringsmålene som oppnås på hver av dem.",
        "Søknaden har ingen læringsarena. Legg til læringsarenaene der legane i spesialisering skal gjennomføre "
        "utdanninga, med læringsmåla som blir oppnådde på kvar av dei.",
    ),
    "ALM055_MANGLER": (
        "Læringsmål ALM-055 er ikke plassert på noen læringsarena. Oppgi hvor det oppnås, for eksempel i en "
        "institusjon med tilsyn.",
        "Læringsmål ALM-055 er ikkje plassert på nokon læringsarena. Oppgi kvar det blir oppnådd, til dømes i ein "
        "institusjon med tilsyn.",
    ),
    "ALM085_MANGLER": (
        "Læringsmål ALM-085 er ikke plassert på noen læringsarena. Oppgi hvor det oppnås.",
        "Læringsmål ALM-085 er ikkje plassert på nokon læringsarena. Oppgi kvar det blir oppnådd.",
    ),
    "ALM055_085_UTEN_INSTITUSJON": (
        "Læringsmålene ALM-055 og ALM-085 skal oppnås i en institusjon. Oppgi hvilken institusjon og hvordan "
        "legen får veiledning der.",
        "Læringsmåla ALM-055 og ALM-085 skal bli oppnådde i ein institusjon. Oppgi kva institusjon og korleis "
        "legen får rettleiing der.",
    ),
    "HF_AVTALE_MANGLER": (
        "Vi finner ikke avtale med helseforetak om den delen av utdanningen som skal skje der. Bekreft at avtalen "
        "er inngått, og oppgi helseforetakets navn.",
        "Vi finn ikkje avtale med helseføretak om den delen av utdanninga som skal skje der. Stadfest at avtalen "
        "er inngått, og oppgi namnet på helseføretaket.",
    ),
    "ARENA_UTEN_LM": (
        "En læringsarena har ingen læringsmål. Oppgi hvilke læringsmål som oppnås der, eller fjern arenaen.",
        "Ein læringsarena har ingen læringsmål. Oppgi kva læringsmål som blir oppnådde der, eller fjern arenaen.",
    ),
    "LM_UGYLDIG": (
        "Vi kan ikke lese alle læringsmålene som er oppgitt. Skriv dem med nummer slik de står i "
        "spesialistforskriften vedlegg 2, for eksempel ALM-001.",
        "Vi kan ikkje lese alle læringsmåla som er oppgitte. Skriv dei med nummer slik dei står i "
        "spesialistforskrifta vedlegg 2, til dømes ALM-001.",
    ),
    "LM_UDEKKET": (
        "Ikke alle læringsmålene i spesialiteten er plassert på en læringsarena. Oppgi hvor hvert av dem oppnås.",
        "Ikkje alle læringsmåla i spesialiteten er plasserte på ein læringsarena. Oppgi kvar kvart av dei blir "
        "oppnådd.",
    ),
    "FKM_UDEKKET": (
        "Ikke alle felles kompetansemål (FKM) er plassert på en læringsarena. Oppgi hvor de oppnås.",
        "Ikkje alle felles kompetansemål (FKM) er plasserte på ein læringsarena. Oppgi kvar dei blir oppnådde.",
    ),
    "DEKNING_USIKKER": (
        "Vi ber dere se over hvilke læringsmål som oppnås på hver læringsarena.",
        "Vi ber dykk sjå over kva læringsmål som blir oppnådde på kvar læringsarena.",
    ),
    "ANSVAR_IKKE_BEKREFTET": (
        "Ikke alle punktene om virksomhetens ansvar er bekreftet. Bekreft dem, eller forklar hvorfor virksomheten "
        "ikke kan bekrefte dem.",
        "Ikkje alle punkta om ansvaret til verksemda er stadfesta. Stadfest dei, eller forklar kvifor verksemda "
        "ikkje kan stadfeste dei.",
    ),
    "SVAR_MANGLER": (
        "Noen spørsmål i søknaden er ikke besvart. Svar på dem.",
        "Nokre spørsmål i søknaden er ikkje svarte på. Svar på dei.",
    ),
    "APEN_PRAKSIS_IKKE_BEKREFTET": (
        "Bekreft at virksomheten har åpen og uselektert praksis.",
        "Stadfest at verksemda har open og uselektert praksis.",
    ),
    "ANNEN_VIRKSOMHET_UTEN_NAVN": (
        "En læringsarena ligger i en annen virksomhet, men virksomhetens navn mangler. Oppgi navnet.",
        "Ein læringsarena ligg i ei anna verksemd, men namnet på verksemda manglar. Oppgi namnet.",
    ),
    "INSTITUSJON_UTEN_ANBEFALT": (
        "Institusjonen for ALM-055/085 oppfyller ikke alt det anbefalte. Beskriv hvordan legen får overlege og "
        "veiledning der.",
        "Institusjonen for ALM-055/085 oppfyller ikkje alt det tilrådde. Beskriv korleis legen får overlege og "
        "rettleiing der.",
    ),
    "AVTALE_UTEN_VEILEDNING": (
        "Avtalen med den andre virksomheten sikrer ikke veiledning og supervisjon. Beskriv hvordan det er ordnet.",
        "Avtalen med den andre verksemda sikrar ikkje rettleiing og supervisjon. Beskriv korleis det er ordna.",
    ),
    "VEILEDERPLAN_MANGLER": (
        "Beskriv planen for at veilederne får den kompetansen de trenger.",
        "Beskriv planen for at rettleiarane får den kompetansen dei treng.",
    ),
    "IKKE_KOMMUNE_ALM": (
        "Allmennmedisin søkes normalt av en kommune. Forklar hvordan virksomheten oppfyller kravene.",
        "Allmennmedisin blir normalt søkt av ein kommune. Forklar korleis verksemda oppfyller krava.",
    ),
    "BHT_IKKE_GODKJENT": (
        "Legg ved dokumentasjon på at bedriftshelsetjenesten er godkjent av Arbeidstilsynet.",
        "Legg ved dokumentasjon på at bedriftshelsetenesta er godkjend av Arbeidstilsynet.",
    ),
    "VIRKSOMHET_SLETTET": (
        "Virksomheten står som slettet eller konkurs i Enhetsregisteret. Forklar hvem som skal stå for utdanningen.",
        "Verksemda står som sletta eller konkurs i Einingsregisteret. Forklar kven som skal stå for utdanninga.",
    ),
}


def legg_inn(apps, schema_editor):
    Mangeltekst = apps.get_model("soknader", "Mangeltekst")
    for kode, (bokmal, nynorsk) in TEKSTER.items():
        Mangeltekst.objects.update_or_create(kode=kode, defaults={"bokmal": bokmal, "nynorsk": nynorsk})


class Migration(migrations.Migration):
    dependencies = [("soknader", "0024_mangeltekst")]

    operations = [migrations.RunPython(legg_inn, migrations.RunPython.noop)]
