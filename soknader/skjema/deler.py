"""Sections 1–3 of the form, stored on the application itself: the organisation, the responsibilities it confirms
(spesialistforskriften §§ 23, 25 og 26) and how the training is organised, field by field, with the rules that read
more than one field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import (
    JaDelvisNei,
    KjentTiltak,
    Seksjon,
    VeiledereAnsatt,
    Virksomhetstype,
)
from ..regler.hvem import (
    BHT_IKKE_GODKJENT,
    IKKE_KOMMUNE_ALM,
    bht_kan_ikke_soke_enna,
    kan_soke,
)
from .felt import (
    ALM,
    BHT_ARB,
    KOMMUNER,
    Del,
    Felt,
    Gruppe,
    Kontekst,
    Naar,
    Type,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# ---- rules across fields -------------------------------------------------------------------------


def _virksomhetstype_stemmer(data: Mapping[str, Any], kontekst: Kontekst) -> dict[str, str]:
    """The type must agree with the kommune register, and ALM is for kommuner only."""
    type_ = (data.get("virksomhetstype") or "").strip()
    if not kan_soke(kontekst.spesialitet, kontekst.er_kommune):
        return {"virksomhetstype": str(IKKE_KOMMUNE_ALM)}
    if kontekst.er_kommune and type_ != Virksomhetstype.KOMMUNE:
        return {"virksomhetstype": gettext("Virksomheten er en kommune. Velg «Kommune».")}
    if not kontekst.er_kommune and type_ == Virksomhetstype.KOMMUNE:
        return {"virksomhetstype": gettext("Virksomheten er ikke en kommune i kommuneregisteret. Velg en annen type.")}
    return {}


def _bare_kommuner_bekrefter_apen_praksis(data: Mapping[str, Any], kontekst: Kontekst) -> dict[str, str]:
    if data.get("ansvar_apen_uselektert_praksis") and not kontekst.er_kommune:
        return {"ansvar_apen_uselektert_praksis": gettext("Bare kommuner kan bekrefte åpen uselektert praksis.")}
    return {}


def _bht_godkjent_av_arbeidstilsynet(data: Mapping[str, Any], kontekst: Kontekst) -> dict[str, str]:
    """hvem.BHT_KILDE: «Nei» stops the application (the «cannot apply yet» page says why and what to do)."""
    if bht_kan_ikke_soke_enna(
        spesialitet=kontekst.spesialitet, er_bht=kontekst.er_bht, godkjent=data.get("bht_godkjent_arbeidstilsynet")
    ):
        return {"bht_godkjent_arbeidstilsynet": str(BHT_IKKE_GODKJENT)}
    return {}


# ---- the table -----------------------------------------------------------------------------------

BEKREFT = _("Du må bekrefte dette punktet for å fullføre søknaden.")
DELVIS_ELLER_NEI = (JaDelvisNei.DELVIS, JaDelvisNei.NEI)


def _bekreft(navn: str, etikett: StrOrPromise, hjelp: StrOrPromise = "", *, kort: StrOrPromise) -> Felt:
    return Felt(navn, etikett, Type.BEKREFT, hjelp=hjelp, mangler=BEKREFT, kort=kort)


VIRKSOMHET = Del(
    Seksjon.VIRKSOMHET,
    (
        Felt(
            "virksomhetstype",
            _("Type virksomhet"),
            Type.VALG,
            valg=Virksomhetstype,
            valg_utenom=(Virksomhetstype.KOMMUNE,),
            automatisk=KOMMUNER,
            hjelp=_("Velg den typen som passer best. Kommuner kjennes igjen automatisk."),
            mangler=_("Velg hvilken type virksomhet dette er."),
        ),
        Gruppe(
            _("Kontaktperson"),
            (
                Felt(
                    "kontaktperson_navn",
                    _("Kontaktpersonens navn"),
                    Type.TEKST,
                    autocomplete="name",
                    hjelp=_("Personen som tar imot henvendelser om utdanningsløpet i spesialiteten, nå og senere."),
                    mangler=_("Skriv navnet på kontaktpersonen."),
                ),
                Felt(
                    "kontaktperson_epost",
                    _("Kontaktpersonens e-post"),
                    Type.EPOST,
                    autocomplete="email",
                    mangler=_("Skriv e-postadressen til kontaktpersonen."),
                ),
                Felt(
                    "kontaktperson_telefon",
                    _("Kontaktpersonens telefon"),
                    Type.TELEFON,
                    autocomplete="tel",
                    mangler=_("Skriv telefonnummeret til kontaktpersonen."),
                ),
            ),
        ),
        Gruppe(
            _("Kontaktperson for databehandleravtale"),
            (
                Felt(
                    "dba_kontakt_navn",
                    _("Navn på kontaktperson for databehandleravtale"),
                    Type.TEKST,
                    hjelp=_("Personen Helsedirektoratet kan kontakte om databehandleravtalen for kompetanseportalen."),
                    mangler=_("Skriv navnet på kontaktpersonen for databehandleravtalen."),
                ),
                Felt(
                    "dba_kontakt_epost",
                    _("E-post til kontaktperson for databehandleravtale"),
                    Type.EPOST,
                    mangler=_("Skriv e-postadressen til kontaktpersonen for databehandleravtalen."),
                ),
                Felt(
                    "dba_kontakt_telefon",
                    _("Telefon til kontaktperson for databehandleravtale"),
                    Type.TELEFON,
                    mangler=_("Skriv telefonnummeret til kontaktpersonen for databehandleravtalen."),
                ),
            ),
        ),
    ),
    regler=(_virksomhetstype_stemmer,),
)

ANSVAR = Del(
    Seksjon.ANSVAR,
    (
        Gruppe(
            _("Virksomhetens ansvar"),
            (
                _bekreft(
                    "ansvar_forskrift", _("Virksomheten følger spesialistforskriften"), kort=_("Spesialistforskriften")
                ),
                _bekreft(
                    "ansvar_helhetlig_utdanningslop",
                    _(
                        "Virksomheten legger til rette for helhetlige utdanningsløp, slik at LIS kan oppnå alle "
                        "læringsmål "
                        "(selv eller gjennom avtaler med andre)"
                    ),
                    _(
                        "Virksomheten trenger ikke dekke alle læringsmål selv, men må sørge for, eventuelt gjennom "
                        "avtaler, at "
                        "LIS kan nå alle i løpet av utdanningen."
                    ),
                    kort=_("Helhetlige utdanningsløp"),
                ),
                _bekreft(
                    "ansvar_veileder_oppnevnes",
                    _("Virksomheten oppnevner en individuell veileder for hver LIS"),
                    kort=_("Individuell veileder"),
                ),
                _bekreft(
                    "ansvar_supervisjon", _("Virksomheten sørger for at LIS får supervisjon"), kort=_("Supervisjon")
                ),
                _bekreft(
                    "ansvar_vurdering_lm",
                    _("Virksomheten vurderer om læringsmål er oppnådd, med anbefaling fra veileder og supervisør"),
                    kort=_("Vurdering av læringsmål"),
                ),
                _bekreft(
                    "ansvar_kompetanseportal",
                    _("Virksomheten bruker kompetanseportalen til å dokumentere læringsmål og følge opp LIS"),
                    kort=_("Kompetanseportalen"),
                ),
                _bekreft(
                    "ansvar_databehandleravtale",
                    _("Virksomheten inngår databehandleravtale for bruk av kompetanseportalen"),
                    _(
                        "Avtalen inngås med leverandøren av kompetanseportalen. Kommuner som allerede har avtale for "
                        "LIS1, "
                        "trenger ikke en ny."
                    ),
                    kort=_("Databehandleravtale"),
                ),
                # The guide: "I bekreftelsen skal det kun stå hvor lenge legen har arbeidet hvor (eventuelt hvilken
                # avdeling), hvilken stilling og eventuelt fravær fra tjenesten. [...] minstekravene til utdanningstid
                # (6,5år). Kun tjeneste etter fullført medisinsk grunnutdanning skal bekreftes. Mal for bekreftelse av
                # praktisk tjeneste finnes på Helsedirektoratets nettsider"
                _bekreft(
                    "ansvar_bekreftelse_tjeneste",
                    _("Virksomheten utsteder bekreftelse på gjennomført praktisk tjeneste"),
                    _(
                        "Bekreftelsen skal bare vise hvor lenge legen har arbeidet hvor (eventuelt hvilken avdeling), "
                        "i "
                        "hvilken "
                        "stilling, og eventuelt fravær. Bare tjeneste etter fullført medisinsk grunnutdanning "
                        "bekreftes. LIS "
                        "trenger bekreftelsen for å dokumentere minstekravet til utdanningstid (6,5 år) når de søker "
                        "spesialistgodkjenning. Helsedirektoratet har en mal for bekreftelse av praktisk tjeneste på "
                        "sine "
                        "nettsider."
                    ),
                    kort=_("Bekreftelse på praktisk tjeneste"),
                ),
                # The guide: "Alle punktene, med unntak av siste punkt, må bekreftes for å få fullført
                # registreringsskjemaet,
                # dette punktet om åpen uselektert praksis skal kun bekreftes av kommunene." So the point never blocks
                # completion (an earlier issue made it required for a kommune's ALM: the guide says otherwise); it is
                # shown
                # to kommuner only, and for a kommune's ALM an unticked box is a warning for the caseworker
                # (regler.ansvar.ApenPraksisIkkeBekreftet): the training in allmennmedisin needs such practice.
                Felt(
                    "ansvar_apen_uselektert_praksis",
                    _("LIS får tjeneste i åpen uselektert praksis (bekreftes bare av kommuner)"),
                    Type.BEKREFT,
                    gjelder=KOMMUNER,
                    kort=_("Åpen uselektert praksis"),
                    hjelp=_(
                        "Punktet bekreftes bare av kommuner, og det er valgfritt: søknaden kan sendes inn uten. Søker "
                        "kommunen om allmennmedisin, ser Helsedirektoratet etter det, fordi spesialiteten krever "
                        "tjeneste i "
                        "åpen uselektert praksis."
                    ),
                ),
            ),
        ),
        # The guidance: "Det skal krysses av for at det er inngått en avtale med et helseforetak eller annen
        # virksomhet som kan bidra til oppnåelse av læringsmålene ALM 055 og ALM 085. [...] De som ikke har en
        # avtale med et helseforetak når de søker, vil få en henvendelse fra oss"
        Felt(
            "hf_avtale_inngatt",
            _("Er det inngått avtale med helseforetak eller annen virksomhet om læringsmålene ALM-055 og ALM-085?"),
            Type.JA_NEI,  # a fact, where «Nei» is a legitimate answer (issue 22): not among the duties
            gjelder=ALM,
            hjelp=_(
                "Læringsmålene ALM-055 og ALM-085 nås i institusjonstjeneste, for eksempel ved et helseforetak, en "
                "KAD eller en annen institusjon. Avtalen avklarer ansvaret mellom kommunen og virksomheten, og bør "
                "være "
                "inngått før dere søker. Har dere ingen avtale, tar Helsedirektoratet kontakt og anbefaler at dere "
                "inngår en."
            ),
        ),
        Felt(
            "hf_avtale_navn",
            _("Navn på helseforetaket eller virksomheten"),
            Type.TEKST,
            gjelder=ALM,
            vis_naar=Naar("hf_avtale_inngatt", (True,)),
            mangler=_("Skriv navnet på helseforetaket eller virksomheten avtalen er inngått med."),
        ),
        Felt(
            "bht_godkjent_arbeidstilsynet",
            _("Er bedriftshelsetjenesten godkjent av Arbeidstilsynet?"),
            Type.JA_NEI,
            gjelder=BHT_ARB,
            hjelp=_(
                "En bedriftshelsetjeneste må være godkjent av Arbeidstilsynet for å kunne registreres for "
                "arbeidsmedisin."
            ),
            mangler=_("Svar på om bedriftshelsetjenesten er godkjent av Arbeidstilsynet."),
        ),
    ),
    regler=(_bare_kommuner_bekrefter_apen_praksis, _bht_godkjent_av_arbeidstilsynet),
)

FORHOLD = Del(
    Seksjon.FORHOLD,
    (
        Felt(
            "samarbeid_inngatt",
            _("Er det inngått samarbeid med annen virksomhet om gjennomføringen av utdanningen? (valgfritt)"),
            Type.JA_NEI,
            # The guide: "[kommuner som skal samarbeide] må sende inn søknad hver for seg. Dette gjelder også
            # kommuner som planlegger kommunesammenslåing." / "Det er ikke obligatorisk å svare på."
            hjelp=_(
                "For eksempel interkommunalt samarbeid om veilederpooler eller om læringsaktiviteter utenom kurs og "
                "gruppeveiledning, eller samarbeid mellom bedriftshelsetjenester. Dette er samarbeid på overordnet, "
                "administrativt nivå, noe annet enn avtaler om læringsarenaer, og det er frivillig å svare. Kommuner "
                "som "
                "samarbeider, også kommuner som planlegger å slå seg sammen, sender hver sin søknad."
            ),
        ),
        # Optional like the question it follows: the guide says of the point "Det er ikke obligatorisk å svare på."
        Felt(
            "samarbeid_beskrivelse",
            _("Beskriv samarbeidet (valgfritt)"),
            Type.LANGTEKST,
            vis_naar=Naar("samarbeid_inngatt", (True,)),
        ),
        Felt(
            "organisering",
            _("Beskriv kort hvordan arbeidet med spesialistutdanningen er organisert og hvor ansvaret er plassert"),
            Type.LANGTEKST,
            # The guide: "Det er linjeleder som innehar rollen som godkjenner. [...] Linjeleder kan deleger oppgaven,
            # men ikke ansvaret. [...] avholde vurderingskollegium ved jevne mellomrom [...] skal det innhentes
            # anbefalinger fra veileder og minst en av dem som har deltatt i supervisjonen. Det bør være minst to
            # forskjellige personer fyller rollene som hhv leder, veileder og supervisør"
            hjelp=_(
                "Få med hvor i organisasjonen ansvaret for å godkjenne læringsmål ligger, og på hvilket nivå: det "
                "er linjeleder som godkjenner, og linjeleder kan delegere oppgaven, men ikke ansvaret. Beskriv hvordan "
                "oppnådde læringsmål skal vurderes, for eksempel i et vurderingskollegium som møtes jevnlig. Før et "
                "læringsmål godkjennes, skal det hentes inn anbefaling fra veilederen og minst én av dem som har gitt "
                "supervisjon, og minst to forskjellige personer bør ha rollene som leder, veileder og supervisør. "
                "Skriv "
                "også hvem som legger til rette for læringsaktivitetene, og hvordan."
            ),
            mangler=_("Beskriv hvordan arbeidet med spesialistutdanningen er organisert."),
        ),
        Felt(
            "veiledere_ansatt",
            _("Veilederne er ansatt"),
            Type.VALG,
            valg=VeiledereAnsatt,
            hjelp=_("Velg «Annen, spesifiser» hvis veilederne ikke er ansatt i egen virksomhet."),
            mangler=_("Velg hvor veilederne er ansatt."),
        ),
        Felt(
            "veiledere_ansatt_beskrivelse",
            _("Hvordan skaffes veiledere utenfor egen virksomhet?"),
            Type.LANGTEKST,
            vis_naar=Naar("veiledere_ansatt", (VeiledereAnsatt.ANNEN,)),
            hjelp=_(
                "For eksempel samarbeid med andre kommuner eller bedriftshelsetjenester, eller en pensjonert "
                "spesialist."
            ),
            mangler=_("Beskriv hvordan veiledere skaffes utenfor egen virksomhet."),
        ),
        Felt(
            "veilederkompetanse",
            _("Veilederne har dokumentert veilederkompetanse"),
            Type.VALG,
            valg=JaDelvisNei,
            hjelp=_("Velg «Delvis» hvis noen av veilederne har dokumentert kompetanse og andre ikke."),
            mangler=_("Svar på om veilederne har dokumentert veilederkompetanse."),
        ),
        Felt(
            "veilederkompetanse_plan",
            _("Hvordan skal veilederne få nødvendig veilederkompetanse?"),
            Type.LANGTEKST,
            vis_naar=Naar("veilederkompetanse", DELVIS_ELLER_NEI),
            hjelp=_("For eksempel statsforvalterens eller Legeforeningens veilederkurs."),
            mangler=_("Beskriv hvordan veilederne skal få nødvendig veilederkompetanse."),
        ),
        Felt(
            "kjent_med_oppgaver",
            _("Er veilederne godt kjent med veileders oppgaver i spesialistutdanningen?"),
            Type.VALG,
            valg=JaDelvisNei,
            hjelp=_("Velg «Delvis» hvis noen veiledere kjenner oppgavene godt og andre ikke."),
            mangler=_("Svar på om veilederne er kjent med veileders oppgaver."),
        ),
        Felt(
            "kjent_tiltak",
            _("Hvordan skal veilederne bli kjent med oppgavene?"),
            Type.FLERVALG,
            valg=KjentTiltak,
            vis_naar=Naar("kjent_med_oppgaver", DELVIS_ELLER_NEI),
            hjelp=_("Velg én eller flere."),
            mangler=_("Velg minst én måte veilederne skal bli kjent med oppgavene på."),
        ),
        Felt(
            "kjent_annet",
            _("Beskriv annen måte"),
            Type.LANGTEKST,
            vis_naar=Naar("kjent_tiltak", (KjentTiltak.ANNET,)),
            mangler=_("Beskriv den andre måten veilederne skal bli kjent med oppgavene på."),
        ),
    ),
)
