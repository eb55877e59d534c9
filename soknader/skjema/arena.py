"""Section 4, one learning arena: its fields, which arena types each specialty and organisation may use, and what
the guidance asks of a kommunal institution for ALM-055/085."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import (
    Arenatype,
    Plassering,
    Seksjon,
    Spesialitet,
    Supervisjon,
)
from .felt import (
    ALM,
    Del,
    Felt,
    Kontekst,
    Naar,
    Type,
)

# kommunale helseinstitusjoner, and what the guidance recommends of them for ALM-055/085 (see the arena's table)
KOMMUNALE_INSTITUSJONER = (Arenatype.SYKEHJEM, Arenatype.KAD)
INSTITUSJONSSPORSMAL = {
    "institusjon_overlege": _("Har institusjonen overlege i full stilling?"),
    "institusjon_veiledning": _("Kan institusjonen tilby individuell veiledning og supervisjon?"),
    "institusjon_internundervisning": _("Har institusjonen organisert internundervisning?"),
}

# ---- which arena types each specialty offers ----------------------------------------------------------
# The guide («4. Læringsarenaer»): "Læringsarena i kommunen kan være fastlegekontor, helsestasjon, sykehjem med mer."
# and "For arbeidsmedisin kan læringsarena være annen avdeling/lokasjon innen en bedriftshelsetjeneste (BHT),
# arbeidsmedisinsk avdeling ved HF, STAMI eller ved annen registrert utdanningsvirksomhet for arbeidsmedisin."
# Our reading: ALM the kommune's services and the hospital (ALM-055/085); SAM everything but the occupational
# medicine units; ARB the units the sentence names («Annet» for another registered virksomhet), and a kommune's own
# service too when a kommune applies. An arena already stored with another type keeps it (LaeringsarenaForm).
_KOMMUNALE_ARENATYPER = (
    Arenatype.FASTLEGE,
    Arenatype.LEGEVAKT,
    Arenatype.KAD,
    Arenatype.SYKEHJEM,
    Arenatype.HELSESTASJON,
    Arenatype.FENGSELSHELSETJENESTE,
    Arenatype.ANNEN_KOMMUNAL,
    Arenatype.SAMFUNNSMEDISIN,
)
_ARBEIDSMEDISINSKE_ARENATYPER = (Arenatype.BHT, Arenatype.ARBEIDSMEDISINSK_AVDELING, Arenatype.STAMI)
ARENATYPER: dict[str, tuple[str, ...]] = {
    Spesialitet.ALM: (*_KOMMUNALE_ARENATYPER, Arenatype.SYKEHUS, Arenatype.PSYKISK_HELSEVERN, Arenatype.ANNET),
    Spesialitet.SAM: tuple(t for t in Arenatype.values if t not in _ARBEIDSMEDISINSKE_ARENATYPER),
    Spesialitet.ARB: (*_ARBEIDSMEDISINSKE_ARENATYPER, Arenatype.ANNET),
}
ARENATYPER_FOR_KOMMUNER: dict[str, tuple[str, ...]] = {Spesialitet.ARB: (Arenatype.ANNEN_KOMMUNAL,)}


# The LM field's examples in the applicant's own specialty (a SAM form shows SAM codes, not ALM)
_LM_EKSEMPEL_UNNTAK: dict[str, str] = {
    Spesialitet.ALM: "ALM-055 og ALM-085",
    Spesialitet.SAM: "SAM-010",
    Spesialitet.ARB: "ARB-014",
}


def laeringsmal_hjelp(spesialitet: str) -> str:
    """The LM field's hint with examples in this specialty's codes."""
    return gettext(
        "Skriv hvilke læringsmål som kan oppnås her, også der bare deler av målet kan oppnås. For eksempel «Alle», "
        "«Alle bortsett fra %(unntak)s» eller «%(spes)s 1-6». Kan et læringsmål nås flere steder, før det opp på "
        "alle. Før også opp felles kompetansemål (FKM) på arenaene der de oppnås, for eksempel «FKM 1-14»."
    ) % {"unntak": _LM_EKSEMPEL_UNNTAK.get(spesialitet, "ALM-055"), "spes": spesialitet}


def arenatyper_for(kontekst: Kontekst) -> list[str]:
    """The arena types offered to this applicant, in the list's order."""
    tillatt = set(ARENATYPER.get(kontekst.spesialitet, Arenatype.values))
    if kontekst.er_kommune:
        tillatt |= set(ARENATYPER_FOR_KOMMUNER.get(kontekst.spesialitet, ()))
    return [t for t in Arenatype.values if t in tillatt]


LAERINGSARENA = Del(
    Seksjon.LAERINGSARENAER,
    (
        Felt(
            "type",
            _("Type læringsarena"),
            Type.NEDTREKK,
            valg=Arenatype,
            hjelp=_(
                "En læringsarena er en enhet med en leder med personal-, fag- og/eller administrativt ansvar, der "
                "LIS kan nå læringsmål: for eksempel et fastlegekontor, en helsestasjon eller et sykehjem, en avdeling "
                "på sykehus, eller for arbeidsmedisin en avdeling i en bedriftshelsetjeneste eller STAMI. Før opp alle "
                "arenaene som kan bli brukt, også de som ikke brukes hele tiden eller av alle LIS."
            ),
            mangler=_("Velg type læringsarena."),
        ),
        Felt(
            "plassering",
            _("Læringsarenaen befinner seg"),
            Type.VALG,
            valg=Plassering,
            hjelp=_("Både arenaer i egen virksomhet og i virksomheter dere har avtale med, skal beskrives."),
            mangler=_("Velg om læringsarenaen er i egen eller annen virksomhet."),
        ),
        Felt(
            "annen_virksomhet",
            _("Navn på annen virksomhet"),
            Type.TEKST,
            vis_naar=Naar("plassering", (Plassering.ANNEN,)),
            hjelp=_(
                "Bruk navnet på overordnet nivå, for eksempel «Universitetssykehuset Nord-Norge», «Drammen "
                "kommune» eller «Statens arbeidsmiljøinstitutt»."
            ),
            mangler=_("Skriv navnet på den andre virksomheten (på overordnet nivå)."),
            maks=200,
        ),
        # The guide: "Dersom LIS skal gjennomføre tjeneste [...] i [...] virksomheter som ikke er godkjente eller
        # registrerte utdanningsvirksomheter, må det fremgå av avtalene hvordan veiledningen og supervisjonen vil bli
        # ivaretatt." The guidance: "Virksomheten skal [...] sørge for veiledning og supervisjon."
        Felt(
            "avtale_veiledning_supervisjon",
            _("Sikrer avtalen med den andre virksomheten veiledning og supervisjon av LIS ved denne arenaen?"),
            Type.JA_NEI,
            vis_naar=Naar("plassering", (Plassering.ANNEN,)),
            hjelp=_(
                "Avtalen med virksomheten skal si hvordan LIS får veiledning og supervisjon der. Avtalen trenger "
                "ikke legges ved søknaden."
            ),
            mangler=_("Svar på om avtalen sikrer veiledning og supervisjon ved denne arenaen."),
        ),
        # The guidance: "For å oppnå disse to læringsmålene [ALM 055 og ALM 085] er det anbefalt at ALIS har tjeneste
        # ved godkjent utdanningsvirksomhet innen kliniske spesialiteter, og/eller i kommunale helseinstitusjoner som
        # har overlege i full stilling, kan tilby individuell veiledning og supervisjon og har organisert
        # internundervisning." Asked of a kommunal institution in an ALM application; not required (a
        # recommendation); regler.arenaer.InstitusjonUtenAnbefalteForhold tells the caseworker when it falls short.
        *(
            Felt(
                navn,
                etikett_,
                Type.JA_NEI,
                gjelder=ALM,
                vis_naar=Naar("type", KOMMUNALE_INSTITUSJONER),
                hjelp=_(
                    "Skal arenaen dekke ALM-055 eller ALM-085, anbefaler Helsedirektoratet en kommunal "
                    "helseinstitusjon med overlege i full stilling, individuell veiledning og supervisjon, og "
                    "organisert internundervisning."
                ),
            )
            for navn, etikett_ in INSTITUSJONSSPORSMAL.items()
        ),
        Felt(
            "ny_veileder",
            _("Skal LIS få ny veileder under oppholdet ved denne arenaen?"),
            Type.JA_NEI,
            hjelp=_(
                "LIS bør ha samme veileder over tid, men det kan være riktig å bytte, for eksempel ved overgang "
                "til sykehus."
            ),
            mangler=_("Svar på om LIS skal få ny veileder ved denne arenaen."),
        ),
        Felt(
            "laeringsmal",
            _("Læringsmål som kan oppnås her"),
            Type.LANGTEKST,
            rader=3,
            maks=5_000,
            hjelp=_(
                "Skriv hvilke læringsmål som kan oppnås her, også der bare deler av målet kan oppnås. For "
                "eksempel «Alle», «Alle bortsett fra ALM-055 og ALM-085», «ALM 1-6» eller «ARB-014». Kan et læringsmål "
                "nås flere steder, før det opp på alle. Før også opp felles kompetansemål (FKM) på arenaene der de "
                "oppnås, for eksempel «FKM 1-14»."
            ),
            mangler=_("Skriv hvilke læringsmål som kan oppnås her, for eksempel «Alle» eller «ALM 1-6»."),
        ),
        Felt(
            "supervisjon",
            _("Supervisjon vil foregå ved"),
            Type.FLERVALG,
            valg=Supervisjon,
            hjelp=_(
                "Supervisjon er at en erfaren lege eller annen fagperson bistår, gir råd og vurderer LIS i det "
                "daglige arbeidet; supervisørene skifter med arenaen. Velg én eller flere måter LIS får supervisjon på "
                "her."
            ),
            mangler=_("Velg minst én måte supervisjonen skal foregå på."),
        ),
        Felt(
            "supervisjon_annet",
            _("Beskriv annen supervisjon"),
            Type.LANGTEKST,
            rader=2,
            vis_naar=Naar("supervisjon", (Supervisjon.ANNET,)),
            mangler=_("Beskriv hvordan supervisjonen ellers skal foregå."),
        ),
    ),
)
