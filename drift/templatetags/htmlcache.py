"""`{% include_cached "template.html" innhold %}`: as `{% include %}`, from the shared cache while `innhold` (everything
the template shows) is the same (`drift.htmlcache`)."""

from django import template
from django.template.loader import get_template

from .. import htmlcache

register = template.Library()


@register.simple_tag(takes_context=True)
def include_cached(context, navn: str, innhold):
    def lag() -> str:
        return get_template(navn).template.render(context)

    return htmlcache.hent(f"include:{navn}", [htmlcache.malens_avtrykk(navn), innhold], lag)
