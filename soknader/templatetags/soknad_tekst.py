"""Words for the søker's pages: an organisation named in a sentence or on a card («Bodø kommune», not «Bodø»)."""

from django import template

register = template.Library()


@register.filter
def fullt_navn(virksomhet) -> str:
    """A kommune as the register names it («Bodø») is «Bodø kommune» in a sentence or on a card; others as named."""
    navn = virksomhet.navn
    if virksomhet.er_kommune and not navn.lower().endswith("kommune"):
        return f"{navn} kommune"
    return navn
