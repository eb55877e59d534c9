"""The LM × arena coverage table's rows, built in Python: with 80 objectives and 30 arenas the matrix has 2,400
cells, and a template loop over them was most of the time of the caseworker's change view and the søker's review."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()

IKKE_DEKKET = "<td></td>"
UDEKKET_RAD = ' class="table-warning"'


def _rad_tittel(kode: str, titler) -> str:
    tittel = titler.get(kode)
    if not tittel:
        return escape(kode)
    # the official titles are published in bokmål only: marked as such for a screen reader on a nynorsk page
    tittel = f'<span class="dekning-tittel" lang="nb">{escape(tittel)}</span>'
    return f'<span class="fw-semibold">{escape(kode)}</span> {tittel}'


@register.simple_tag
def dekningsrader(matrise, titler=None) -> SafeString:
    """<tr> per objective: its code (and title where the catalogue has one), then a cell per arena (✓ where it can
    be reached); a row no arena covers is marked as a warning."""
    titler = titler or {}
    dekket_celle = f'<td>✓<span class="visually-hidden"> {escape(gettext("dekket"))}</span></td>'
    return SafeString(
        "\n".join(
            f"<tr{'' if True in rad else UDEKKET_RAD}>"
            f'<th scope="row" class="text-start fw-normal">{_rad_tittel(kode, titler)}</th>'
            + "".join(dekket_celle if dekket else IKKE_DEKKET for dekket in rad)
            + "</tr>"
            for kode, rad in matrise
        )
    )
