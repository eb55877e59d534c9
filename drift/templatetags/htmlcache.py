"""`{% include_cached "template.html" innhold %}`: as `{% include %}`, from the shared cache while `innhold` (everything
the template shows) is the same (`drift.htmlcache`)."""

from django import template
from django.template import Engine

from .. import htmlcache

register = template.Library()


@register.simple_tag(takes_context=True)
def include_cached(context, navn: str, innhold):
    def lag() -> str:
        return Engine.get_default().get_template(navn).render(context)

    return htmlcache.hent(f"include:{navn}", [htmlcache.malens_avtrykk(navn), innhold], lag)
