"""The bar chart of the public overview: one row per region, its name and its two lines of figures as HTML text (so
they keep the page's font size at every width), the bar as a small inline SVG whose parts are placed in percent of
the bar's width. Plain functions on the figures from `selectors`, no queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .selectors import Regiontall

if TYPE_CHECKING:
    from django.utils.functional import Promise

# The parts of a region's bar: every application by status, then the kommuner that have not applied.
# Colours from the Okabe–Ito palette (distinguishable with colour-blindness), text colour chosen for contrast.
DIAGRAMDELER = (
    ("under_behandling", _("Under behandling"), "#0072B2", "#ffffff"),
    ("anmodning_sendt", _("Anmodning sendt"), "#E69F00", "#000000"),
    ("registrert", _("Registrert"), "#009E73", "#000000"),
    ("avslatt", _("Avslått"), "#D55E00", "#000000"),
    ("trukket", _("Trukket"), "#5f6670", "#ffffff"),
    ("ikke_sokt", _("Kommuner som ikke har søkt"), "#e9ecef", "#000000"),
)

STOLPEHOYDE = 30  # px


@dataclass(frozen=True)
class Stolpedel:
    felt: str
    tittel: str | Promise
    verdi: int
    x: float
    bredde: float
    farge: str
    tekstfarge: str

    @property
    def midt(self) -> float:
        return round(self.x + self.bredde / 2, 1)

    @property
    def vis_tall(self) -> bool:
        """Label a part only if its number fits on a phone, where 1 % of the bar is about 3 px (every number is also
        in the lines under the bar)."""
        return self.bredde >= 4 + 3 * len(str(self.verdi))


@dataclass(frozen=True)
class Stolpe:
    region: Regiontall
    deler: list[Stolpedel]

    @property
    def soknadstekst(self) -> str:
        """E.g. "54 søknader: 18 under behandling · 26 anmodning sendt · 10 registrert" (zeros left out)."""
        r = self.region
        antall = ngettext("%(antall)s søknad", "%(antall)s søknader", r.soknader) % {"antall": r.soknader}
        deler = [f"{getattr(r, felt)} {tittel.lower()}" for felt, tittel, *_ in DIAGRAMDELER[:-1] if getattr(r, felt)]
        return f"{antall}: {' · '.join(deler)}" if deler else antall

    @property
    def ikke_sokt_tekst(self) -> str:
        return gettext("%(ikke_sokt)s av %(kommuner)s kommuner har ikke søkt") % {
            "ikke_sokt": self.region.ikke_sokt,
            "kommuner": self.region.kommuner,
        }


@dataclass(frozen=True)
class Diagram:
    stolper: list[Stolpe]
    hoyde: int = STOLPEHOYDE


def _deler(region: Regiontall, skala: float) -> list[Stolpedel]:
    x, deler = 0.0, []
    for felt, tittel, farge, tekstfarge in DIAGRAMDELER:
        verdi = getattr(region, felt)
        if verdi:
            bredde = verdi * skala
            deler.append(Stolpedel(felt, tittel, verdi, round(x, 2), round(bredde, 2), farge, tekstfarge))
            x += bredde
    return deler


def bar_chart(regioner: list[Regiontall]) -> Diagram:
    """One stacked bar per region, all on one scale (percent of the longest): applications by status, then kommuner
    that have not applied."""
    lengste = max((sum(getattr(r, felt) for felt, *_ in DIAGRAMDELER) for r in regioner), default=0)
    skala = 100 / lengste if lengste else 0
    return Diagram(stolper=[Stolpe(region=region, deler=_deler(region, skala)) for region in regioner])
