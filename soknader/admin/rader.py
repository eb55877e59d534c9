"""The caseworkers' list drawn row by row in Python: the admin's own `items_for_result` asks for every cell what kind
of field it is, formats it through three layers, and resolves the change view's address again for each row to keep
the filters; for 50 rows × 10 columns that was over half of the list's time (docs/ytelse.md). Here every column is one
of the admin's own display methods, so a row is one string per cell, the same HTML the admin writes
(`<th class="field-…"><a href="…?_changelist_filters=…">`, `<td class="field-…">`, `<td class="action-checkbox">`).

A column that is not such a method falls back to the admin's own drawing of the whole list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.admin.templatetags.admin_list import results as admin_results
from django.contrib.admin.views.main import ChangeList
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString


def _celle(verdi, tom: str) -> str:
    if verdi is None or (isinstance(verdi, str) and not verdi.strip()):
        return tom
    return str(conditional_escape(verdi))


def rader(cl: ChangeList) -> list:
    """The rows of the page: a list of cells (safe HTML) per application, as `admin_list.results` gives them."""
    admin = cl.model_admin
    metoder: dict[str, Callable[[Any], object]] = {}
    for kolonne in cl.list_display:
        if not isinstance(kolonne, str) or not callable(metode := getattr(admin, kolonne, None)):
            return list(admin_results(cl))
        metoder[kolonne] = metode
    if cl.formset is not None or cl.is_popup:
        return list(admin_results(cl))
    tom = str(conditional_escape(admin.get_empty_value_display()))
    filtre = f"?{cl.preserved_filters}" if cl.preserved_filters else ""
    resultat = []
    for obj in cl.result_list:
        celler, lenket = [], False
        for navn, metode in metoder.items():
            innhold = _celle(metode(obj), tom)
            if navn == "action_checkbox":
                celler.append(SafeString(f'<td class="action-checkbox">{innhold}</td>'))
            elif not lenket:  # the first column links to the case, keeping the list's filters
                lenket = True
                url = conditional_escape(cl.url_for_result(obj) + filtre)
                celler.append(SafeString(f'<th class="field-{navn}"><a href="{url}">{innhold}</a></th>'))
            else:
                celler.append(SafeString(f'<td class="field-{navn}">{innhold}</td>'))
        resultat.append(celler)
    return resultat
