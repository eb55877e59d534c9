"""The application form, declared once: every field's label, help, who it applies to, when it is shown and
what is said when it is missing.

This is the one place to read or change a rule of the form. The section forms (fields, widgets, the
`data-vis-*` attributes and the no-JavaScript hint), completeness (`completeness.py`), the findings
(`regler/`), the check-answers page, the diff between submissions and the model's own labels all read
from here. Plain data and small functions: no ORM, no request.

Sources: the form's user guide and the directorate's guidance (`shared/domain/`), and the regulation
(spesialistforskriften §§ 23, 25 og 26 for the responsibilities of section 2).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .choices import (
    Arenatype,
    JaDelvisNei,
    KjentTiltak,
    Plassering,
    Seksjon,
    Spesialitet,
    Supervisjon,
    VeiledereAnsatt,
    Virksomhetstype,
)
from .regler import gyldig

# who may apply for what is declared in regler/hvem.py; named here too, as the form's table uses it
from .regler.hvem import (  # noqa: F401
    BHT_IKKE_GODKJENT,
    IKKE_KOMMUNE_ALM,
    Spesialitetsvalg,
    bht_kan_ikke_soke_enna,
    godkjenning_i_stedet,
    kan_soke,
    spesialiteter_for,
)


def tomt() -> str:
    """What is shown for an unanswered field."""
    return gettext("(tomt)")


# ---- what decides which rules apply --------------------------------------------------------------


@dataclass(frozen=True)
class Kontekst:
    """What decides which rules apply to an application: the specialty and who applies."""

    spesialitet: str
    virksomhetstype: str
    er_kommune: bool
    registeret_sier_bht: bool = False  # Enhetsregisteret's næringskode says bedriftshelsetjeneste

    @property
    def er_bht(self) -> bool:
        """A bedriftshelsetjeneste by its own answer or by the registry's data."""
        return self.virksomhetstype == Virksomhetstype.BHT or self.registeret_sier_bht


@dataclass(frozen=True)
class Gjelder:
    """Who a field applies to. None means "any"."""

    spesialiteter: frozenset[str] | None = None
    kommune: bool | None = None
    virksomhetstyper: frozenset[str] | None = None
    bht: bool | None = None  # a bedriftshelsetjeneste by its answer or the registry's (Kontekst.er_bht)

    def passer(self, kontekst: Kontekst | None) -> bool:
        if kontekst is None:  # no context known (a bare form): every field is shown
            return True
        return (
            (self.spesialiteter is None or kontekst.spesialitet in self.spesialiteter)
            and (self.kommune is None or kontekst.er_kommune == self.kommune)
            and (self.virksomhetstyper is None or kontekst.virksomhetstype in self.virksomhetstyper)
            and (self.bht is None or kontekst.er_bht == self.bht)
        )


ALLE = Gjelder()
KOMMUNER = Gjelder(kommune=True)
IKKE_KOMMUNER = Gjelder(kommune=False)
ALM = Gjelder(spesialiteter=frozenset({Spesialitet.ALM}))
KOMMUNE_ALM = Gjelder(spesialiteter=frozenset({Spesialitet.ALM}), kommune=True)
# hvem.BHT_KILDE: asked of every ARB applicant that is a BHT by its own answer or by the registry's data
BHT_ARB = Gjelder(spesialiteter=frozenset({Spesialitet.ARB}), bht=True)


@dataclass(frozen=True)
class Naar:
    """A field is shown (and may be required) only when another field holds one of these values."""

    felt: str
    verdier: tuple[Any, ...]

    def oppfylt(self, verdi: Any) -> bool:
        valgt = verdi if isinstance(verdi, list | tuple) else [verdi]
        return any(v in self.verdier for v in valgt)


class Type(Enum):
    TEKST = "tekst"
    LANGTEKST = "langtekst"
    EPOST = "epost"
    TELEFON = "telefon"
    VALG = "valg"  # one of a few choices, as radio buttons
    NEDTREKK = "nedtrekk"  # one of many choices, as a drop-down
    FLERVALG = "flervalg"  # one or more choices, as checkboxes
    BEKREFT = "bekreft"  # a confirmation: only a ticked box counts as answered
    AVKRYSNING = "avkrysning"  # a box that may be ticked or not; both are answers
    JA_NEI = "ja_nei"  # Ja or Nei; no answer is possible too


def _tall(n: int) -> str:
    """A number as Norwegian writes it: 20 000 (a no-break space between thousands)."""
    return f"{n:,}".replace(",", "\u00a0")


# The longest text accepted, per type, unless a field says otherwise (`Felt.maks`). Chosen far above anything a real
# application writes (a long description in the Altinn form runs to a page or two, 2 000–6 000 characters), and far
# below what hurts: a 2 MB LM text once made every page that shows it 30 MB. Short texts match their database column.
MAKS_LENGDE: dict[Type, int] = {
    Type.TEKST: 200,
    Type.EPOST: 254,
    Type.TELEFON: 30,
    Type.LANGTEKST: 20_000,
}


@dataclass(frozen=True)
class Felt:
    navn: str
    etikett: str | Promise
    type: Type
    hjelp: str | Promise = ""
    valg: type[TextChoices] | None = None
    valg_utenom: tuple[str, ...] = ()  # choices not offered in the form
    gjelder: Gjelder = ALLE
    vis_naar: Naar | None = None
    mangler: str | Promise = ""  # the message when it is required and missing; "" means optional
    kreves_for: Gjelder | None = None  # required only in these contexts (None: wherever it is shown)
    maks: int | None = None  # the longest text accepted (None: the type's default, MAKS_LENGDE)
    automatisk: Gjelder | None = None  # filled in for the user in these contexts, so not shown in the form
    autocomplete: str = ""
    rader: int = 4
    kort: str | Promise = ""  # a short title, where several are named in one message (the confirmations)

    def kreves(self, kontekst: Kontekst | None) -> bool:
        """An answer is required (when the field is shown) for this applicant."""
        # a translated message is never empty: no need to look it up in the catalogue to know (this runs per field
        # and arena on every page)
        finnes = isinstance(self.mangler, Promise) or bool(self.mangler)
        return finnes and (self.kreves_for is None or self.kreves_for.passer(kontekst))

    @property
    def maks_lengde(self) -> int | None:
        return self.maks or MAKS_LENGDE.get(self.type)

    def for_lang(self, verdi: Any) -> str:
        """The message when a text is longer than the field accepts; "" when it is not."""
        maks = self.maks_lengde
        if maks is None or not isinstance(verdi, str) or len(verdi) <= maks:
            return ""
        return gettext("Teksten er for lang (%(lengde)s tegn). Den kan være høyst %(maks)s tegn.") % {
            "lengde": _tall(len(verdi)),
            "maks": _tall(maks),
        }

    def ugyldig(self, verdi: Any) -> str:
        """The message when a value is not in the field's format (a phone number); "" when it is, or is empty."""
        if self.type is Type.TELEFON and isinstance(verdi, str):
            return gyldig.telefon_feil(verdi)
        return ""

    @property
    def valgliste(self) -> list[tuple[str, str]]:
        assert self.valg is not None, self.navn
        return [(v, label) for v, label in self.valg.choices if v not in self.valg_utenom]

    def er_tom(self, verdi: Any) -> bool:
        if self.type is Type.BEKREFT:
            return verdi is not True
        if self.type is Type.AVKRYSNING:
            return False
        return verdi is None or (isinstance(verdi, str) and not verdi.strip()) or verdi in ([], ())

    def vis(self, verdi: Any) -> str:
        """The value as a person reads it: Ja/Nei, choice labels, lists joined, (tomt) for nothing."""
        if self.type in (Type.BEKREFT, Type.AVKRYSNING) and not verdi:
            return gettext("Nei")
        if verdi is None or verdi == "" or verdi == [] or verdi == ():
            return tomt()
        if isinstance(verdi, bool):
            return gettext("Ja") if verdi else gettext("Nei")
        etiketter = dict(self.valg.choices) if self.valg else {}
        if isinstance(verdi, list | tuple):
            return ", ".join(str(etiketter.get(v, v)) for v in verdi)
        return str(etiketter.get(verdi, verdi))

    @property
    def betingelse_tekst(self) -> str:
        """When a conditional field is to be filled in, in words: the hint shown without JavaScript."""
        if self.vis_naar is None:
            return ""
        trigger = FELT[self.vis_naar.felt]
        if trigger.type in (Type.AVKRYSNING, Type.BEKREFT):
            return gettext("Fylles ut hvis du har krysset av over.")
        if trigger.type is Type.JA_NEI:
            return gettext("Fylles ut hvis du svarte «Ja».")
        labels = dict(trigger.valg.choices) if trigger.valg else {}
        valgt = [str(labels[v]) for v in self.vis_naar.verdier]
        tekst = f"«{valgt[-1]}»"
        for forrige in reversed(valgt[:-1]):  # «Delvis» eller «Nei»
            tekst = gettext("«%(forste)s» eller %(resten)s") % {"forste": forrige, "resten": tekst}
        if trigger.valg is JaDelvisNei:
            return gettext("Fylles ut hvis du svarte %(valg)s.") % {"valg": tekst}
        return gettext("Fylles ut hvis du valgte %(valg)s.") % {"valg": tekst}

    @property
    def hjelpetekst(self) -> str:
        return " ".join(str(t) for t in (self.betingelse_tekst, self.hjelp) if t)


@dataclass(frozen=True)
class Gruppe:
    """Fields shown together under a heading (a fieldset)."""

    tittel: str | Promise
    felt: tuple[Felt, ...]


Regel = Callable[[Mapping[str, Any], Kontekst], dict[str, str]]


@dataclass(frozen=True)
class Del:
    """A section of the form (or the arena form): its fields in order, and rules across fields."""

    seksjon: str
    innhold: tuple[Felt | Gruppe, ...]
    regler: tuple[Regel, ...] = field(default=())

    @property
    def felt(self) -> tuple[Felt, ...]:
        return tuple(f for item in self.innhold for f in (item.felt if isinstance(item, Gruppe) else (item,)))

    @property
    def feltnavn(self) -> tuple[str, ...]:
        return tuple(f.navn for f in self.felt)


# ---- rules across fields -------------------------------------------------------------------------


def _virksomhetstype_stemmer(data: Mapping[str, Any], kontekst: Kontekst) -> dict[str, str]:
    """The type must agree with the kommune register, and ALM is for kommuner only."""
    type_ = (data.get("virksomhetstype") or "").strip()
    if not kan_soke(kontekst.spesialitet, kontekst.er_kommune):
        return {"virksomhetstype": IKKE_KOMMUNE_ALM}
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


def _bekreft(navn: str, etikett: str | Promise, hjelp: str | Promise = "", *, kort: str | Promise) -> Felt:
    return Felt(navn, etikett, Type.BEKREFT, hjelp=hjelp, mangler=BEKREFT, kort=kort)


def bekreftelser_mangler(navn: list[str]) -> str:
    """The one message for the confirmations not given, naming them by their short titles."""
    punkter = ", ".join(f"«{FELT[n].kort or FELT[n].etikett}»" for n in navn)
    return ngettext(
        "Bekreft alle punktene – %(antall)d mangler: %(punkter)s.",
        "Bekreft alle punktene – %(antall)d mangler: %(punkter)s.",
        len(navn),
    ) % {"antall": len(navn), "punkter": punkter}


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
_LM_EKSEMPEL_UNNTAK = {
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

# The three sections stored on the application itself, in the form's order (section 4 is its arenas).
SEKSJONER: dict[str, Del] = {d.seksjon: d for d in (VIRKSOMHET, ANSVAR, FORHOLD)}
SOKNAD_FELT: tuple[str, ...] = tuple(navn for d in SEKSJONER.values() for navn in d.feltnavn)
ARENA_FELT: tuple[str, ...] = LAERINGSARENA.feltnavn
FELT: dict[str, Felt] = {f.navn: f for d in (*SEKSJONER.values(), LAERINGSARENA) for f in d.felt}
BEKREFTELSER: tuple[str, ...] = tuple(f.navn for f in ANSVAR.felt if f.type is Type.BEKREFT)


def vis_verdi(navn: str, verdi: Any) -> str:
    """Any stored answer of the form as a person reads it (the one display function for answers)."""
    return FELT[navn].vis(verdi)


def maks(navn: str) -> int:
    """The longest text the field accepts: declared here once, the model's max_length and the form's check both
    read it."""
    lengde = FELT[navn].maks_lengde
    assert lengde is not None, navn
    return lengde


def etikett(navn: str) -> str | Promise:
    """The field's label, lazily: in the language active where it is shown (also as a model field's name)."""
    return FELT[navn].etikett


def hjelp(navn: str) -> str:
    return FELT[navn].hjelpetekst
