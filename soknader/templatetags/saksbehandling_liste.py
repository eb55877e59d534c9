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
        "results": getattr(cl, "rader", None) or rader(cl),  # drawn already, or kept (soknader.listecache)
    }


FIELDSET = "admin/includes/fieldset.html"


@register.simple_tag(takes_context=True)
def svarene(context):
    """The case page's read-only answers (the admin's fieldsets, drawn as the admin draws them), kept in the shared
    cache while the application's stored answers are the same (`soknader.avtrykk`): read-only, they are most of
    the page's drawing and change only when the applicant sends in again."""
    from django.template import Engine

    from drift import htmlcache

    from .. import avtrykk

    adminform, soknad = context["adminform"], context["original"]

    def lag() -> str:
        mal = Engine.get_default().get_template(FIELDSET)
        deler = []
        for nr, fieldset in enumerate(adminform):
            with context.push(fieldset=fieldset, heading_level=2, prefix="fieldset", id_prefix=0, id_suffix=nr):
                deler.append(mal.render(context))
        return "".join(deler)

    feltene = [list(opsjoner["fields"]) for _tittel, opsjoner in adminform.fieldsets]
    innhold = [htmlcache.malens_avtrykk(FIELDSET), str(feltene), *avtrykk.soknad_avtrykk(soknad)]
    return htmlcache.hent("svarene", innhold, lag)
