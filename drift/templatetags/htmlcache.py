"""`{% include_cached "template.html" innhold %}`: as `{% include %}`, from the shared cache while `innhold` (everything
the template shows) is the same (`drift.htmlcache`). A form in it gets this view's CSRF token: the part is drawn with
a placeholder where the token goes."""

from django import template
from django.template import Engine

from .. import htmlcache

register = template.Library()


@register.simple_tag(takes_context=True)
def include_cached(context, navn: str, innhold):
    def lag() -> str:
        with context.push(csrf_token=htmlcache.csrf_plass()):
            return Engine.get_default().get_template(navn).render(context)

    html = htmlcache.hent(f"include:{navn}", [htmlcache.malens_avtrykk(navn), innhold], lag)
    return htmlcache.med_csrf(html, context.get("csrf_token", ""))
