"""Every finding a caseworker would make, as one list of declared rules (the order findings are shown in:
organisation, sections, arenas one by one, coverage).

To add a finding: a code in `choices.Mangelkode`, a rule (a `Regel` subclass with its source sentence) in the
module of its part of the application, an entry here, and a test in tests/soknader/regler/.
"""

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
from .grunnlag import SoknadData
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
        funnet += [((blokk, mangel.arena_nummer or 0, i), mangel) for mangel in regel.finn(data)]
    funnet.sort(key=lambda par: par[0])  # stable: a rule's own findings keep their order
    return [mangel for _plass, mangel in funnet]


def tekst(kode: str, params: Mapping[str, Any]) -> str:
    """A finding in words, in the active language, from its code and params (stored or just found)."""
    return REGEL_FOR_KODE[kode].tekst(params)
