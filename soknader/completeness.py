"""What a section still needs before it is complete: plain functions, data in, problems out.

Each function takes the section's values as a mapping (a model instance's fields, or an imported
record) and the context that decides which rules apply, and returns `{field: message}`. No ORM,
no request: the task list, the section forms and the check-answers page all ask these functions.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from laeringsarenaer.choices import Plassering, Supervisjon

from .choices import JaDelvisNei, KjentTiltak, Spesialitet, VeiledereAnsatt, Virksomhetstype
from .models import ANSVAR_FIELDS

Problems = dict[str, str]

PAKREVD = "Fyll ut dette feltet."
BEKREFT = "Du må bekrefte dette punktet for å fullføre søknaden."
VELG = "Velg et av alternativene."


@dataclass(frozen=True)
class Context:
    """What decides which rules apply to an application."""

    spesialitet: str
    virksomhetstype: str
    er_kommune: bool

    @property
    def er_bht_arb(self) -> bool:
        return self.spesialitet == Spesialitet.ARB and self.virksomhetstype == Virksomhetstype.BHT


def _tom(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], ())


def _pakrevde(data: Mapping[str, Any], felt: Mapping[str, str]) -> Problems:
    return {name: melding for name, melding in felt.items() if _tom(data.get(name))}


def virksomhet(data: Mapping[str, Any], kontekst: Context) -> Problems:
    problemer = _pakrevde(
        data,
        {
            "virksomhetstype": "Velg hvilken type virksomhet dette er.",
            "kontaktperson_navn": "Skriv navnet på kontaktpersonen.",
            "kontaktperson_epost": "Skriv e-postadressen til kontaktpersonen.",
            "kontaktperson_telefon": "Skriv telefonnummeret til kontaktpersonen.",
            "dba_kontakt_navn": "Skriv navnet på kontaktpersonen for databehandleravtalen.",
            "dba_kontakt_epost": "Skriv e-postadressen til kontaktpersonen for databehandleravtalen.",
            "dba_kontakt_telefon": "Skriv telefonnummeret til kontaktpersonen for databehandleravtalen.",
        },
    )
    type_ = (data.get("virksomhetstype") or "").strip()
    if type_ == Virksomhetstype.KOMMUNE and not kontekst.er_kommune:
        problemer["virksomhetstype"] = "Virksomheten er ikke en kommune i kommuneregisteret. Velg en annen type."
    elif type_ and type_ != Virksomhetstype.KOMMUNE and kontekst.er_kommune:
        problemer["virksomhetstype"] = "Virksomheten er en kommune. Velg «Kommune»."
    if kontekst.spesialitet == Spesialitet.ALM and not kontekst.er_kommune:
        problemer["virksomhetstype"] = "Allmennmedisin kan bare søkes av en kommune."
    return problemer


def ansvar(data: Mapping[str, Any], kontekst: Context) -> Problems:
    problemer = {name: BEKREFT for name in ANSVAR_FIELDS[:-1] if not data.get(name)}
    if data.get("ansvar_apen_uselektert_praksis") and not kontekst.er_kommune:
        problemer["ansvar_apen_uselektert_praksis"] = "Bare kommuner kan bekrefte åpen uselektert praksis."
    if kontekst.spesialitet == Spesialitet.ALM and data.get("hf_avtale_inngatt") and _tom(data.get("hf_avtale_navn")):
        problemer["hf_avtale_navn"] = "Skriv navnet på helseforetaket eller virksomheten avtalen er inngått med."
    if kontekst.er_bht_arb and data.get("bht_godkjent_arbeidstilsynet") is None:
        problemer["bht_godkjent_arbeidstilsynet"] = "Svar på om bedriftshelsetjenesten er godkjent av Arbeidstilsynet."
    return problemer


def forhold(data: Mapping[str, Any], kontekst: Context) -> Problems:
    problemer = _pakrevde(
        data,
        {
            "organisering": "Beskriv hvordan arbeidet med spesialistutdanningen er organisert.",
            "veiledere_ansatt": "Velg hvor veilederne er ansatt.",
            "veilederkompetanse": "Svar på om veilederne har dokumentert veilederkompetanse.",
            "kjent_med_oppgaver": "Svar på om veilederne er kjent med veileders oppgaver.",
        },
    )
    if data.get("samarbeid_inngatt") and _tom(data.get("samarbeid_beskrivelse")):
        problemer["samarbeid_beskrivelse"] = "Beskriv samarbeidet med den andre virksomheten."
    if data.get("veiledere_ansatt") == VeiledereAnsatt.ANNEN and _tom(data.get("veiledere_ansatt_beskrivelse")):
        problemer["veiledere_ansatt_beskrivelse"] = "Beskriv hvordan veiledere skaffes utenfor egen virksomhet."
    if data.get("veilederkompetanse") in (JaDelvisNei.DELVIS, JaDelvisNei.NEI) and _tom(
        data.get("veilederkompetanse_plan")
    ):
        problemer["veilederkompetanse_plan"] = "Beskriv hvordan veilederne skal få nødvendig veilederkompetanse."
    if data.get("kjent_med_oppgaver") in (JaDelvisNei.DELVIS, JaDelvisNei.NEI):
        tiltak = data.get("kjent_tiltak") or []
        if not tiltak:
            problemer["kjent_tiltak"] = "Velg minst én måte veilederne skal bli kjent med oppgavene på."
        elif KjentTiltak.ANNET in tiltak and _tom(data.get("kjent_annet")):
            problemer["kjent_annet"] = "Beskriv den andre måten veilederne skal bli kjent med oppgavene på."
    return problemer


def laeringsarena(data: Mapping[str, Any]) -> Problems:
    problemer = _pakrevde(
        data,
        {
            "type": "Velg type læringsarena.",
            "plassering": "Velg om læringsarenaen er i egen eller annen virksomhet.",
            "ny_veileder": "Svar på om LIS skal få ny veileder ved denne arenaen.",
            "laeringsmal": "Skriv hvilke læringsmål som kan oppnås her, for eksempel «Alle» eller «ALM 1-6».",
            "supervisjon": "Velg minst én måte supervisjonen skal foregå på.",
        },
    )
    if data.get("plassering") == Plassering.ANNEN and _tom(data.get("annen_virksomhet")):
        problemer["annen_virksomhet"] = "Skriv navnet på den andre virksomheten (på overordnet nivå)."
    if Supervisjon.ANNET in (data.get("supervisjon") or []) and _tom(data.get("supervisjon_annet")):
        problemer["supervisjon_annet"] = "Beskriv hvordan supervisjonen ellers skal foregå."
    return problemer


def laeringsarenaer(arenaer: list[Mapping[str, Any]]) -> Problems:
    """Problems of section 4 as a whole: at least one arena, and each arena complete."""
    if not arenaer:
        return {"__all__": "Legg til minst én læringsarena."}
    ufullstendige = [nr for nr, arena in enumerate(arenaer, start=1) if laeringsarena(arena)]
    if ufullstendige:
        liste = ", ".join(str(nr) for nr in ufullstendige)
        return {"__all__": f"Læringsarena {liste} mangler opplysninger."}
    return {}


SECTION_RULES = {"virksomhet": virksomhet, "ansvar": ansvar, "forhold": forhold}
