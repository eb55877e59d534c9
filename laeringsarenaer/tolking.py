"""Reading an arena's LM text against the catalogue in force for an application."""

import datetime as dt
from dataclasses import asdict

from .lmtekst import Dekning, Katalog, Tolkning, dekning, tolk
from .selectors import katalog_for


def tolk_tekst(tekst: str, spesialitet: str, katalog: Katalog) -> dict:
    """The fields stored next to the text: resolved codes and the pieces that could not be read."""
    tolkning: Tolkning = tolk(tekst or "", spesialitet, katalog)
    return {"laeringsmal_koder": list(tolkning.koder), "laeringsmal_feil": [asdict(f) for f in tolkning.feil]}


def relevante_koder(katalog: Katalog, spesialitet: str) -> list[str]:
    """The objectives an application must place on its arenas: its specialty's and the FKM."""
    return katalog.gruppe(spesialitet) + katalog.gruppe("FKM")


def dekning_for(arenaer, spesialitet: str, katalog: Katalog) -> Dekning:
    """Coverage of the specialty's objectives and the FKM by an application's arenas (stored codes, no query)."""
    return dekning({arena.pk: arena.laeringsmal_koder for arena in arenaer}, relevante_koder(katalog, spesialitet))


def katalog_for_soknad(soknadsdato: dt.date | None) -> Katalog:
    """An application is read against the catalogue valid on its søknadsdato (today for a draft)."""
    return katalog_for(soknadsdato)
