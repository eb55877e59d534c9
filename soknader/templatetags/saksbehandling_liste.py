"""`{% soknad_result_list cl %}`: the admin's `{% result_list cl %}` with the rows drawn by `soknader.admin.rader`."""

from django import template
from django.contrib.admin.templatetags.admin_list import result_headers, result_hidden_fields

from ..admin.rader import rader

register = template.Library()


@register.inclusion_tag("admin/change_list_results.html")
def soknad_result_list(cl):
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": rader(cl),
    }
