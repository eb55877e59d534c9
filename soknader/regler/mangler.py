"""Every finding a caseworker would make, as one list of declared rules (the order findings are shown in:
organisation, sections, arenas one by one, coverage).

To add a finding: a code in `choices.Mangelkode`, a rule (a `Regel` subclass with its source sentence) in the
module of its part of the application, an entry here, and a test in tests/soknader/regler/.
"""

import dataclasses
import datetime as dt
import decimal
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ..choices import Mangelkode
from .ansvar import (
    AnsvarIkkeBekreftet,
    ApenPraksisIkkeBekreftet,
    BhtIkkeGodkjent,
    HfAvtaleMangler,
    SvarMangler,
    VeilederplanMangler,
)
from .arenaer import (
    AnnenVirksomhetUtenNavn,
    ArenaUtenLm,
    AvtaleUtenVeiledning,
    IngenArena,
    InstitusjonUtenAnbefalteForhold,
    LmUgyldig,
)
from .dekning import DekningUsikker, FkmUdekket, InstitusjonsmalMangler, InstitusjonsmalUtenInstitusjon, LmUdekket
from .grunnlag import ArenaData, SoknadData
from .regel import ArenaRegel, Regel
from .regel import Mangel as Mangel  # named as mangler.Mangel too (services)
from .virksomhet import IkkeKommuneAlm, VirksomhetSlettet

REGLER: tuple[Regel, ...] = (
    VirksomhetSlettet(),
    IkkeKommuneAlm(),
    BhtIkkeGodkjent(),
    AnsvarIkkeBekreftet(),
    ApenPraksisIkkeBekreftet(),
    SvarMangler(),
    VeilederplanMangler(),
    HfAvtaleMangler(),
    IngenArena(),
    # each arena on its own: shown arena by arena
    AnnenVirksomhetUtenNavn(),
    AvtaleUtenVeiledning(),
    InstitusjonUtenAnbefalteForhold(),
    ArenaUtenLm(),
    LmUgyldig(),
    # the arenas together
    InstitusjonsmalMangler(Mangelkode.ALM055_MANGLER, "ALM-055"),
    InstitusjonsmalMangler(Mangelkode.ALM085_MANGLER, "ALM-085"),
    InstitusjonsmalUtenInstitusjon(),
    LmUdekket(),
    FkmUdekket(),
)

# rules no longer found, kept to word the findings stored before (a stored finding is worded when read)
UTGATTE: tuple[Regel, ...] = (DekningUsikker(),)

REGEL_FOR_KODE: dict[str, Regel] = {}
for _regel in REGLER + UTGATTE:
    REGEL_FOR_KODE.setdefault(_regel.kode, _regel)


def finn(data: SoknadData) -> list[Mangel]:
    """Every finding of every rule, in the list's order; the arena rules' findings arena by arena."""
    forste_arenaregel = next(i for i, regel in enumerate(REGLER) if isinstance(regel, ArenaRegel))
    funnet = []
    for i, regel in enumerate(REGLER):
        blokk = forste_arenaregel if isinstance(regel, ArenaRegel) else i
        funnet += [
            (
                (blokk, mangel.arena_nummer or 0, i),
                dataclasses.replace(mangel, fingeravtrykk=fingeravtrykk(regel, mangel, data)),
            )
            for mangel in regel.finn(data)
        ]
    funnet.sort(key=lambda par: par[0])  # stable: a rule's own findings keep their order
    return [mangel for _plass, mangel in funnet]


def tekst(kode: str, params: Mapping[str, Any]) -> str:
    """A finding in words, in the active language, from its code and params (stored or just found)."""
    return REGEL_FOR_KODE[kode].tekst(params)


def _lest(regel: Regel, mangel: Mangel, data: SoknadData) -> dict[str, Any]:
    """The values `regel` read (its `leser`) for this finding: an arena's finding only its own arena's values; "felt.*"
    (the answers not given) only the fields the finding names."""
    arenaer: tuple[ArenaData, ...] = data.arenaer
    if mangel.arena_nummer is not None:
        arenaer = tuple(a for a in data.arenaer if a.nummer == mangel.arena_nummer)
    lest: dict[str, Any] = {}
    for sti in regel.leser:
        hode, _punkt, hale = sti.partition(".")
        if hode == "felt":
            navn = mangel.params.get("felt", []) if hale == "*" else [hale]
            lest[sti] = {n: data.felt.get(n) for n in navn}
        elif hode == "arenaer":
            lest[sti] = [getattr(a, hale) if hale else a for a in arenaer]
        else:
            lest[sti] = getattr(data, hode)
    return lest


def _json(verdi: Any) -> Any:
    if isinstance(verdi, frozenset | set):
        return sorted(verdi, key=str)
    if dataclasses.is_dataclass(verdi) and not isinstance(verdi, type):
        return dataclasses.asdict(verdi)
    if isinstance(verdi, dt.date | decimal.Decimal):
        return str(verdi)
    return repr(verdi)


def fingeravtrykk(regel: Regel, mangel: Mangel, data: SoknadData) -> str:
    """A digest of what the finding is about: its code, where, its params and the values its rule read. The same
    finding on an unchanged application gets the same digest; a resubmission that changes what it is about, another."""
    innhold = {
        "kode": str(mangel.kode),
        "arena": mangel.arena_nummer,
        "params": mangel.params,
        "lest": _lest(regel, mangel, data),
    }
    tekst = json.dumps(innhold, sort_keys=True, default=_json, ensure_ascii=False)
    return hashlib.sha256(tekst.encode()).hexdigest()
