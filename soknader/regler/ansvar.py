"""Findings about sections 2 and 3: the confirmations, BHT approval, the agreement on ALM-055/085, supervisors."""

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.utils.translation import gettext, ngettext

from .. import completeness, skjema
from ..choices import Alvorlighet, Arenatype, Mangelkode, Plassering, Seksjon, Spesialitet
from .grunnlag import SoknadData
from .kilder import BRUKERVEILEDNING, VEILEDNING_KOMMUNER, Kilde
from .regel import Mangel, Regel

HELSEFORETAK = frozenset({Arenatype.SYKEHUS, Arenatype.PSYKISK_HELSEVERN})


def liste(numre: Iterable[int]) -> str:
    return ", ".join(str(n) for n in numre)


class BhtIkkeGodkjent(Regel):
    kode = Mangelkode.BHT_IKKE_GODKJENT
    seksjon = Seksjon.ANSVAR
    leser = ("virksomhetstype", "spesialitet", "felt.bht_godkjent_arbeidstilsynet")
    kilde = Kilde(
        BRUKERVEILEDNING,
        "For at en bedriftshelsetjeneste skal kunne registrere seg som utdanningsvirksomhet for spesialiteten "
        "arbeidsmedisin, må bedriftshelsetjenesten være godkjent av Arbeidstilsynet, jf. forskrift om "
        "administrative ordninger på arbeidsmiljølovens område Kapittel 2.",
    )

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        felt = skjema.FELT["bht_godkjent_arbeidstilsynet"]
        if completeness.gjelder(felt, data.kontekst) and data.felt.get(felt.navn) is not True:
            yield self.mangel()

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext("Bedriftshelsetjenesten har ikke bekreftet at den er godkjent av Arbeidstilsynet.")


APEN_PRAKSIS = "ansvar_apen_uselektert_praksis"


class ApenPraksisIkkeBekreftet(Regel):
    """A warning, never a blocker: the guide makes the point optional; allmennmedisin still needs the practice."""

    kode = Mangelkode.APEN_PRAKSIS_IKKE_BEKREFTET
    alvorlighet = Alvorlighet.ADVARSEL
    seksjon = Seksjon.ANSVAR
    leser = ("spesialitet", "er_kommune", f"felt.{APEN_PRAKSIS}")
    kilde = Kilde(
        BRUKERVEILEDNING,
        "Alle punktene, med unntak av siste punkt, må bekreftes for å få fullført registreringsskjemaet, dette "
        "punktet om åpen uselektert praksis skal kun bekreftes av kommunene.",
        lesning="Valgfritt for alle; for en kommunes søknad om allmennmedisin er et ubekreftet punkt verdt en titt, "
        "fordi spesialiteten krever tjeneste i åpen uselektert praksis.",
    )

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        kontekst = data.kontekst
        if kontekst.er_kommune and kontekst.spesialitet == Spesialitet.ALM and not data.felt.get(APEN_PRAKSIS):
            yield self.mangel()

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext(
            "Kommunen har ikke bekreftet at LIS får tjeneste i åpen uselektert praksis, som allmennmedisin krever."
        )


class AnsvarIkkeBekreftet(Regel):
    kode = Mangelkode.ANSVAR_IKKE_BEKREFTET
    seksjon = Seksjon.ANSVAR
    leser = tuple(f"felt.{navn}" for navn in skjema.BEKREFTELSER)
    kilde = Kilde(
        BRUKERVEILEDNING,
        "Alle punktene, med unntak av siste punkt, må bekreftes for å få fullført registreringsskjemaet, dette "
        "punktet om åpen uselektert praksis skal kun bekreftes av kommunene.",
    )

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        ubekreftet = completeness.ubekreftede(data.felt, data.kontekst)
        if ubekreftet:
            yield self.mangel(felt=list(ubekreftet))

    def tekst(self, params: Mapping[str, Any]) -> str:
        felt = params["felt"]
        return ngettext(
            "%(antall)d av ansvarspunktene er ikke bekreftet: %(punkter)s.",
            "%(antall)d av ansvarspunktene er ikke bekreftet: %(punkter)s.",
            len(felt),
        ) % {"antall": len(felt), "punkter": "; ".join(str(skjema.etikett(navn)) for navn in felt)}


class SvarMangler(Regel):
    """What the form would not let through, in an application that came another way (an import from Altinn): an
    "annen, spesifiser" without its description, a required question without an answer. One finding per section;
    the confirmations and the supervisors' plan have rules of their own. Never fires for an application sent through
    the form, which cannot be submitted with these problems."""

    kode = Mangelkode.SVAR_MANGLER
    leser = ("felt.*",)
    kilde = Kilde(
        BRUKERVEILEDNING,
        'Om ikke veileder er ansatt ved egen virksomhet velges kategorien "annen, spesifiser". Det kommer da opp et '
        "felt hvor det skal beskrives hvordan veileder for LIS er skaffet til veie utenfor egen virksomhet.",
        lesning="Hvert spørsmål skjemaet krever (tabellen i soknader/skjema/), også beskrivelsene som følger et "
        "valg, ses etter i søknader som ikke kom gjennom skjemaet.",
    )
    # the fields other rules speak of
    ANDRE = frozenset(skjema.BEKREFTELSER) | {
        "veilederkompetanse_plan",
        "bht_godkjent_arbeidstilsynet",
        "virksomhetstype",  # who may apply for what: IkkeKommuneAlm
    }

    seksjon = Seksjon.VIRKSOMHET  # sections 1–3: each finding names its own

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        for seksjon, del_ in skjema.SEKSJONER.items():
            felt = [n for n in completeness.problems(del_, data.felt, data.kontekst) if n not in self.ANDRE]
            if felt:
                yield Mangel(self.kode, self.alvorlighet, seksjon, {"seksjon": str(seksjon), "felt": felt})

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext("Ikke besvart i «%(seksjon)s»: %(felt)s") % {
            "seksjon": Seksjon(params["seksjon"]).label,
            "felt": ", ".join(f"«{skjema.etikett(navn)}»" for navn in params["felt"]),
        }


class VeilederplanMangler(Regel):
    kode = Mangelkode.VEILEDERPLAN_MANGLER
    seksjon = Seksjon.FORHOLD
    leser = ("felt.veilederkompetanse", "felt.veilederkompetanse_plan")
    kilde = Kilde(
        BRUKERVEILEDNING,
        'Ved valg av kategoriene "Delvis" eller "Nei" kommer det opp et felt hvor det skal beskrives hvordan det er '
        "tenkt at veilederne skal få nødvendig veilederkompetanse.",
    )

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        if "veilederkompetanse_plan" in completeness.problems(skjema.FORHOLD, data.felt, data.kontekst):
            yield self.mangel()

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext(
            "Veilederne mangler helt eller delvis veilederkompetanse, og det er ingen plan for hvordan de skal få den."
        )


class HfAvtaleMangler(Regel):
    """Fires whenever the box is not ticked: a hospital arena elsewhere is no substitute, but it is named (the
    agreement probably exists and the box was forgotten)."""

    kode = Mangelkode.HF_AVTALE_MANGLER
    seksjon = Seksjon.ANSVAR
    leser = ("spesialitet", "er_kommune", "felt.hf_avtale_inngatt", "arenaer.type", "arenaer.plassering")
    kilde = Kilde(
        VEILEDNING_KOMMUNER,
        "Det skal krysses av for at det er inngått en avtale med et helseforetak eller annen virksomhet som kan "
        "bidra til oppnåelse av læringsmålene ALM 055 og ALM 085. […] De som ikke har en avtale med et helseforetak "
        "når de søker, vil få en henvendelse fra oss hvor vi opplyser om dette og anbefaler at en avtale inngås.",
    )

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        felt = skjema.FELT["hf_avtale_inngatt"]
        if completeness.gjelder(felt, data.kontekst) and not data.felt.get(felt.navn):
            ved_hf = [a.nummer for a in data.arenaer if a.type in HELSEFORETAK and a.plassering == Plassering.ANNEN]
            yield self.mangel(ved_hf=ved_hf)

    def tekst(self, params: Mapping[str, Any]) -> str:
        melding = gettext(
            "Det er ikke krysset av for en avtale med helseforetak eller annen virksomhet om "
            "læringsmålene ALM-055 og ALM-085. Veiledningen sier at kommuner uten slik avtale "
            "skal kontaktes."
        )
        if params.get("ved_hf"):
            hint = gettext(
                "Læringsarena %(nr)s er ved sykehus eller psykisk helsevern i en annen virksomhet: finnes "
                "avtalen, må søknaden svare «Ja» på spørsmålet om den."
            ) % {"nr": liste(params["ved_hf"])}
            melding = f"{melding} {hint}"  # two whole sentences, each translated
        return melding
