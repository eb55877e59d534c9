"""The ALIS-kontor's reads of its own region: the filtered list of applications and the kommuner that have not applied.

Everything starts from one helseregion (the caller got it from `soknader.selectors.region_for_bruker`), so no row of
another region can be read here. Each read is a fixed number of queries, however many applications there are.

Filters come from the query string and are checked against the known values: an unknown value is ignored (the page
then shows the filter as "Alle"), never an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from brreg.models import Helseregion, Kommune
from soknader import selectors as soknad_selectors
from soknader.choices import Mangelkode, Spesialitet, Status
from soknader.models import Mangel, Soknad

from .selectors import STATUSFILTER

# The status groups of the public overview (read from there), without "Ikke søkt": every listed application was sent.
STATUSGRUPPER = tuple((verdi, tittel, statuser) for verdi, tittel, statuser in STATUSFILTER if "" not in statuser)
# The finding filter: one of the Mangel codes, or "ingen" for applications with no finding at all.
INGEN_MANGLER = "ingen"
MANGELVALG = ((INGEN_MANGLER, _("Ingen mangler")), *Mangelkode.choices)
# The list of kommuner that have not applied is for one specialty; with none chosen, allmennmedisin (the
# specialty every kommune must offer, and the one the ALIS-kontor were set up for).
STANDARD_SPESIALITET = Spesialitet.ALM


@dataclass(frozen=True)
class Regionfilter:
    """The checked filter of the region's list; "" is "Alle"."""

    spesialitet: str = ""
    status: str = ""
    mangel: str = ""

    @classmethod
    def fra_query(cls, query) -> Regionfilter:
        """The filter from a QueryDict; an unknown value of one parameter is dropped, the others kept."""
        spesialitet = query.get("spesialitet", "")
        status = query.get("status", "")
        mangel = query.get("mangel", "")
        return cls(
            spesialitet=spesialitet if spesialitet in Spesialitet.values else "",
            status=status if status in {verdi for verdi, _t, _s in STATUSGRUPPER} else "",
            mangel=mangel if mangel in {verdi for verdi, _t in MANGELVALG} else "",
        )

    @property
    def aktiv(self) -> bool:
        return bool(self.spesialitet or self.status or self.mangel)

    def query(self) -> dict[str, str]:
        """The non-empty parameters, for links that keep the filter (tabs, exports)."""
        verdier = {"spesialitet": self.spesialitet, "status": self.status, "mangel": self.mangel}
        return {k: v for k, v in verdier.items() if v}

    @property
    def ikke_sokt_spesialitet(self) -> str:
        return self.spesialitet or STANDARD_SPESIALITET


def soknader_filtered(*, helseregion: Helseregion, filter: Regionfilter) -> QuerySet[Soknad]:
    """The region's submitted applications that pass the filter, findings prefetched (two queries to read)."""
    soknader = soknad_selectors.soknader_for_region(helseregion=helseregion)
    if filter.spesialitet:
        soknader = soknader.filter(spesialitet=filter.spesialitet)
    if filter.status:
        statuser = next(s for verdi, _t, s in STATUSGRUPPER if verdi == filter.status)
        soknader = soknader.filter(status__in=statuser)
    if filter.mangel == INGEN_MANGLER:
        soknader = soknader.exclude(Exists(Mangel.objects.filter(soknad=OuterRef("pk"))))
    elif filter.mangel:
        soknader = soknader.filter(Exists(Mangel.objects.filter(soknad=OuterRef("pk"), kode=filter.mangel)))
    return soknader


def kommuner_uten_soknad(*, helseregion: Helseregion, spesialitet: str) -> QuerySet[Kommune]:
    """The kommuner of the region's fylker that have not applied for the specialty themselves: no application beyond a
    draft from an organisation that is that kommune (the public overview's "Ikke søkt", oversikt.selectors)."""
    sokt = Soknad.objects.filter(
        virksomhet__er_kommune=True, virksomhet__kommune=OuterRef("pk"), spesialitet=spesialitet
    ).exclude(status=Status.UTKAST)
    return (
        Kommune.objects.filter(fylke__helseregion=helseregion)
        .exclude(Exists(sokt))
        .select_related("fylke")
        .order_by("fylke_id", "navn")
    )
