"""Words for the søker's pages: an organisation named in a sentence or on a card («Bodø kommune», not «Bodø»)."""

from django import template
from django.utils.translation import gettext_lazy as _

from ..choices import Status

register = template.Library()


@register.filter
def fullt_navn(virksomhet) -> str:
    """A kommune as the register names it («Bodø») is «Bodø kommune» in a sentence or on a card; others as named."""
    return str(virksomhet.fullt_navn)


# The applicant's side of the states that wait for them (the status names are the caseworker's: «Anmodning sendt»)
_STATUS_FOR_SOKER = {
    Status.ANMODNING_SENDT: _("Venter på svar fra deg"),
    Status.SVAR_MOTTATT: _("Svaret ditt er mottatt"),
}


@register.filter
def status_for_soker(soknad) -> str:
    """The application's status as the applicant reads it."""
    return str(_STATUS_FOR_SOKER.get(soknad.status, soknad.get_status_display()))
