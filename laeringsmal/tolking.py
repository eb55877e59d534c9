"""Reading an arena's LM text against the catalogue in force for an application."""

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from .lmtekst import (
    GRUPPENAVN,
    Dekning,
    Katalog,
    Tolkning,
    dekning,
    etter_seksjon,
    formater,
    kort_tittel,
    seksjonsnavn,
    tolk,
)
from .selectors import katalog_for


@dataclass(frozen=True)
class Tolket:
    """An arena's LM text as read against one catalogue: the codes it means, sorted, and the pieces that could not be
    read, each with its message in every language of the service: [{"tekst", "melding", "meldinger": {"nb", "nn"}}].
    The søker may switch language after saving and the caseworker reads in their own; "melding" (bokmål) is what rows
    held before, so code of either age reads rows of either age."""

    koder: list[str]
    feil: list[dict]
    # the codes the text says can be reached only in part ("ALM 55 (delvis)"), also in `koder`
    delvis: list[str] = field(default_factory=list)
    # what was read that is not a plain code (a section, a partial objective, a comment): [{"tekst", "melding"}] in
    # the language active when read; said back by the live reading, not stored
    merknader: list[dict] = field(default_factory=list)

    @property
    def felter(self) -> dict[str, list]:
        """The arena's fields stored next to its text."""
        return {
            "laeringsmal_koder": list(self.koder),
            "laeringsmal_feil": [dict(f) for f in self.feil],
            "laeringsmal_delvis": list(self.delvis),
        }

    def for_visning(self, katalog: Katalog) -> dict:
        """What the live reading shows, in the active language: {"koder", "feil": [{"tekst", "melding"}], "kort",
        "merknader", "delvis", "grupper"}: the codes with their titles under the regulation's sections."""
        delvis = set(self.delvis)
        return {
            "koder": list(self.koder),
            "feil": feil_i_sprak(self.feil),
            "kort": formater(self.koder),
            "merknader": [dict(m) for m in self.merknader],
            "delvis": sorted(delvis),
            "grupper": [
                {
                    "seksjon": seksjon,
                    "bokmal": seksjon[:1].isdigit(),  # a section of the regulation, not our group name
                    "mal": [
                        {"kode": k, "tittel": kort_tittel(katalog.titler.get(k, ""), 90), "delvis": k in delvis}
                        for k in gruppe
                    ],
                }
                for seksjon, gruppe in etter_seksjon(self.koder, katalog)
            ],
        }


def tolk_laeringsmal(*, tekst: str, spesialitet: str, katalog: Katalog) -> Tolket:
    """Read an arena's LM text for an application: the one way the form, the services, the imports and the live
    reading read it. `katalog` is the application's own (`katalog_for_soknad(soknadsdato)`), so the live reading and
    the stored result agree. The text is read again per language only when some of it could not be read (the codes
    do not depend on the language)."""
    tekst = tekst or ""
    tolkning: Tolkning = tolk(tekst, spesialitet, katalog)
    feil: list[dict[str, Any]] = [{"tekst": f.tekst, "melding": f.melding, "meldinger": {}} for f in tolkning.feil]
    if feil:
        for sprak, _navn in settings.LANGUAGES:
            with translation.override(sprak):
                for rad, f in zip(feil, tolk(tekst, spesialitet, katalog).feil, strict=True):
                    rad["meldinger"][sprak] = f.melding
        for rad in feil:
            rad["melding"] = rad["meldinger"][settings.LANGUAGE_CODE]
    return Tolket(
        koder=list(tolkning.koder),
        feil=feil,
        delvis=list(tolkning.delvis),
        merknader=[asdict(m) for m in tolkning.merknader],
    )


def feil_i_sprak(feil: list[dict]) -> list[dict]:
    """Stored unreadable pieces with their message in the active language (rows saved before the messages were kept
    per language hold only the bokmål "melding")."""
    sprak = translation.get_language()
    return [{"tekst": f["tekst"], "melding": (f.get("meldinger") or {}).get(sprak) or f["melding"]} for f in feil]


def relevante_koder(katalog: Katalog, spesialitet: str) -> list[str]:
    """The objectives an application must place on its arenas: its specialty's and the common ones (FKM from
    2026-03-01, the old LM-04 … LM-75 before)."""
    return katalog.gruppe(spesialitet) + katalog.gruppe(katalog.felles())


def dekning_for(arenaer, spesialitet: str, katalog: Katalog) -> Dekning:
    """Coverage of the specialty's objectives and the FKM by an application's arenas (stored codes, no query)."""
    return dekning({arena.pk: arena.laeringsmal_koder for arena in arenaer}, relevante_koder(katalog, spesialitet))


def katalog_for_soknad(soknadsdato: dt.date | None) -> Katalog:
    """An application is read against the catalogue valid on its søknadsdato (today for a draft): the catalogue to
    give `tolk_laeringsmal` (one query; a caller reading many arenas of one application asks once)."""
    return katalog_for(soknadsdato)


def katalogbeskrivelse(katalog: Katalog, spesialitet: str, soknadsdato: dt.date | None) -> str:
    """Which catalogue an application is read against, in words: its date, the data set's version, and the size of
    each list (all official: spesialistforskriften vedlegg 2)."""
    from .selectors import katalog_lastet

    lastet = katalog_lastet()
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


def dekning_kontekst(
    arenaer, spesialitet: str, katalog: Katalog, soknadsdato: dt.date | None, *, dekning: Dekning | None = None
) -> dict:
    """What the coverage section shows: the matrix grouped by section, the gaps, and whether the count is certain.
    `dekning`: the coverage when the caller has it already (the judgement computes it: `Vurdering.dekning`)."""
    resultat = dekning if dekning is not None else dekning_for(arenaer, spesialitet, katalog)
    beskrivelse = katalogbeskrivelse(katalog, spesialitet, soknadsdato)
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
        "katalogbeskrivelse": beskrivelse,
        # everything the section shows, as the key of its HTML in the shared cache ({% include_cached %}): the
        # catalogue (its date and version are in the description), the specialty and what each arena was read as
        "dekning_avtrykk": [
            beskrivelse,
            spesialitet,
            [(str(a), a.laeringsmal_koder, a.laeringsmal_delvis, a.laeringsmal_feil) for a in arenaer],
        ],
    }
