"""Reading an arena's LM text against the catalogue in force for an application."""

import datetime as dt

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from .lmtekst import GRUPPENAVN, Dekning, Katalog, Tolkning, dekning, formater, seksjonsnavn, tolk
from .selectors import katalog_for


def tolk_tekst(tekst: str, spesialitet: str, katalog: Katalog) -> dict:
    """The fields stored next to the text: resolved codes and the pieces that could not be read.

    A piece's message is kept in each of the service's languages, {"tekst", "melding", "meldinger": {"nb", "nn"}}:
    the søker may switch language after saving, and the caseworker reads in their own. "melding" (bokmål) is what
    rows held before, so code of either age reads rows of either age. The text is read again per language only when
    some of it could not be read (the codes do not depend on the language)."""
    tolkning: Tolkning = tolk(tekst or "", spesialitet, katalog)
    feil = [{"tekst": f.tekst, "melding": f.melding, "meldinger": {}} for f in tolkning.feil]
    if feil:
        for sprak, _navn in settings.LANGUAGES:
            with translation.override(sprak):
                for rad, f in zip(feil, tolk(tekst, spesialitet, katalog).feil, strict=True):
                    rad["meldinger"][sprak] = f.melding
        for rad in feil:
            rad["melding"] = rad["meldinger"][settings.LANGUAGE_CODE]
    return {
        "laeringsmal_koder": list(tolkning.koder),
        "laeringsmal_feil": feil,
        "laeringsmal_delvis": list(tolkning.delvis),
    }


def relevante_koder(katalog: Katalog, spesialitet: str) -> list[str]:
    """The objectives an application must place on its arenas: its specialty's and the common ones (FKM from
    2026-03-01, the old LM-04 … LM-75 before)."""
    return katalog.gruppe(spesialitet) + katalog.gruppe(katalog.felles())


def dekning_for(arenaer, spesialitet: str, katalog: Katalog) -> Dekning:
    """Coverage of the specialty's objectives and the FKM by an application's arenas (stored codes, no query)."""
    return dekning({arena.pk: arena.laeringsmal_koder for arena in arenaer}, relevante_koder(katalog, spesialitet))


def katalog_for_soknad(soknadsdato: dt.date | None) -> Katalog:
    """An application is read against the catalogue valid on its søknadsdato (today for a draft)."""
    return katalog_for(soknadsdato)


def katalogbeskrivelse(katalog: Katalog, spesialitet: str, soknadsdato: dt.date | None) -> str:
    """Which catalogue an application is read against, in words: its date, the data set's version, and the size of
    each list (all official: spesialistforskriften vedlegg 2)."""
    from brreg.models import Referansedata

    lastet = Referansedata.objects.filter(navn="laeringsmal").values_list("versjon", flat=True).first()
    dato = soknadsdato or timezone.localdate()
    deler = [
        gettext("%(gruppe)s: %(antall)d mål (%(fra)s–%(til)s)")
        % {"gruppe": GRUPPENAVN[gruppe], "antall": len(koder), "fra": koder[0], "til": koder[-1]}
        for gruppe in (spesialitet, katalog.felles())
        if (koder := katalog.gruppe(gruppe))
    ]
    if lastet:
        tekst = gettext(
            "Lest mot læringsmålene i spesialistforskriften vedlegg 2 som gjaldt %(dato)s (katalogversjon "
            "%(versjon)s). %(grupper)s."
        )
    else:
        tekst = gettext("Lest mot læringsmålene i spesialistforskriften vedlegg 2 som gjaldt %(dato)s. %(grupper)s.")
    return tekst % {
        "dato": f"{dato:%d.%m.%Y}",
        "versjon": f"{lastet:%d.%m.%Y}" if lastet else "",
        "grupper": "; ".join(deler),
    }


def dekning_kontekst(arenaer, spesialitet: str, katalog: Katalog, soknadsdato: dt.date | None) -> dict:
    """What the coverage section shows: the matrix grouped by section, the gaps, and whether the count is certain."""
    resultat = dekning_for(arenaer, spesialitet, katalog)
    return {
        "dekning": resultat,
        # the columns by name (in the matrix's order), the rows with the objective's title and section
        "dekning_arenaer": [str(arena) for arena in arenaer],
        "dekning_titler": katalog.titler,
        "dekning_seksjoner": {kode: seksjonsnavn(kode, katalog) for kode, _rad in resultat.matrise},
        # per column (the matrix's order), the objectives the arena offers only in part ("ALM 55 (delvis)")
        "dekning_delvis": [frozenset(arena.laeringsmal_delvis or ()) for arena in arenaer],
        "udekket_kort": formater(resultat.udekket),
        # an arena with a piece of text that could not be read: the count may be wrong either way
        "dekning_usikker": [str(arena) for arena in arenaer if arena.laeringsmal_feil],
        "katalogbeskrivelse": katalogbeskrivelse(katalog, spesialitet, soknadsdato),
    }
