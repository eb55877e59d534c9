"""The LM × arena coverage table's rows, built in Python: with 80 objectives and 30 arenas the matrix has 2,400
cells, and a template loop over them was most of the time of the caseworker's change view and the søker's review."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

register = template.Library()

DEKKET = '<td>✓<span class="visually-hidden"> dekket</span></td>'
IKKE_DEKKET = "<td></td>"
UDEKKET_RAD = ' class="table-warning"'


@register.simple_tag
def dekningsrader(matrise) -> SafeString:
    """<tr> per objective: its code, then a cell per arena (✓ where it can be reached); a row no arena covers is
    marked as a warning."""
    return SafeString(
        "\n".join(
            f"<tr{'' if True in rad else UDEKKET_RAD}>"
            f'<th scope="row" class="text-start fw-normal">{escape(kode)}</th>'
            + "".join(DEKKET if dekket else IKKE_DEKKET for dekket in rad)
            + "</tr>"
            for kode, rad in matrise
        )
    )
