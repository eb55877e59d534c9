"""The LM × arena coverage table's rows, built in Python: with 80 objectives and 30 arenas the matrix has 2,400
cells, and a template loop over them was most of the time of the caseworker's change view and the søker's review."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from laeringsmal.lmtekst import kort_tittel

register = template.Library()

IKKE_DEKKET = "<td></td>"
UDEKKET_RAD = ' class="table-warning"'


def _rad_tittel(kode: str, titler) -> str:
    tittel = titler.get(kode)
    if not tittel:
        return escape(kode)
    # the official titles are published in bokmål only: marked as such for a screen reader on a nynorsk page; a long
    # title is shortened in the cell and whole in its tooltip
    kort = kort_tittel(tittel, 110)
    hel = f' title="{escape(tittel)}"' if kort != tittel else ""
    tittel = f'<span class="dekning-tittel" lang="nb"{hel}>{escape(kort)}</span>'
    return f'<span class="fw-semibold">{escape(kode)}</span> {tittel}'


@register.simple_tag
def dekningsrader(matrise, titler=None, seksjoner=None, delvis=None) -> SafeString:
    """<tr> per objective: its code (and title where the catalogue has one), then a cell per arena (✓ where it can
    be reached, ◐ where only in part); a row no arena covers is marked as a warning. A heading row opens each section
    of the regulation ("21.4 Kommunikasjon og samhandling")."""
    titler, seksjoner, delvis = titler or {}, seksjoner or {}, delvis or ()
    dekket_celle = f'<td>✓<span class="visually-hidden"> {escape(gettext("dekket"))}</span></td>'
    delvis_tekst, delvis_dekket = escape(gettext("delvis")), escape(gettext("delvis dekket"))
    delvis_celle = f'<td title="{delvis_tekst}">◐<span class="visually-hidden"> {delvis_dekket}</span></td>'
    rader = []
    forrige = None
    for kode, rad in matrise:
        seksjon = seksjoner.get(kode)
        if seksjon and seksjon != forrige:
            # the regulation's sections are bokmål only ("21.2 Samfunnsoppdrag og forebyggende helsearbeid")
            lang = ' lang="nb"' if seksjon[:1].isdigit() else ""
            rader.append(
                f'<tr class="table-light dekning-seksjon"><th scope="rowgroup" colspan="{len(rad) + 1}" '
                f'class="text-start"{lang}>{escape(seksjon)}</th></tr>'
            )
        forrige = seksjon
        celler = "".join(
            (delvis_celle if i < len(delvis) and kode in delvis[i] else dekket_celle) if dekket else IKKE_DEKKET
            for i, dekket in enumerate(rad)
        )
        rader.append(
            f"<tr{'' if True in rad else UDEKKET_RAD}>"
            f'<th scope="row" class="text-start fw-normal">{_rad_tittel(kode, titler)}</th>{celler}</tr>'
        )
    return SafeString("\n".join(rader))
