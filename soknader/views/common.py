"""What the søker's pages share: the messages for a locked or changed application, where to go next, the case's
documents, a service's refusal shown in the form."""

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from drift.shortcuts import or_404

from .. import selectors
from ..choices import Seksjon

IKKE_REDIGERBAR = _("Søknaden er sendt inn og kan ikke endres nå.")


KONFLIKT = _(
    "Noen andre har lagret endringer i denne delen mens du skrev. Det du skrev er ikke lagret ennå: "
    "se over feltene som er markert, og lagre på nytt."
)


DELVIS_LAGRET = _("Vi har lagret det du skrev, unntatt feltene som er markert med feil.")


def neste_fra(request, soknad) -> str:
    """Where the user came from (e.g. «Se over»), if it is one of this application's own pages; else ""."""
    neste = request.POST.get("neste") or request.GET.get("neste") or ""
    egen = reverse("soknader:oppgaver", args=[soknad.pk])
    if (
        neste.startswith(egen)
        and url_has_allowed_host_and_scheme(neste, allowed_hosts=None)
        and "\\" not in neste
        and not any(c in neste for c in "\r\n")
    ):
        return neste
    return ""


def seksjon_url(soknad, seksjon) -> str:
    if seksjon == Seksjon.LAERINGSARENAER:
        return reverse("soknader:laeringsarenaer", args=[soknad.pk])
    return reverse("soknader:seksjon", args=[soknad.pk, seksjon])


def dokumenter_kontekst(soknad) -> dict:
    """The exchange with the directorate and the documents of the case, for the application's page."""
    if not soknad.referanse:  # never sent in: no messages, no documents (and no queries for them)
        return {}
    return {
        "meldinger": selectors.meldinger_for_soknad(soknad=soknad),
        "innsendinger": [i for i in selectors.innsendinger_for_soknad(soknad=soknad) if i.har_pdf],
        "vedtaksbrev": selectors.vedtaksbrev_for_soknad(soknad=soknad),
    }


def feil_i_skjema(form, error) -> None:
    """A service's ValidationError (keyed by the form's fields) shown next to those fields."""
    for field, meldinger in error.message_dict.items():
        for melding in meldinger:
            form.add_error(field, melding)


IKKE_FUNNET_SOKNAD = _("Fant ikke søknaden.")
IKKE_FUNNET_ARENA = _("Fant ikke læringsarenaen.")
IKKE_FUNNET_VERSJON = _("Fant ikke denne versjonen av søknaden.")
IKKE_FUNNET_VEDLEGG = _("Fant ikke vedlegget.")
IKKE_FUNNET_BREV = _("Fant ikke vedtaksbrevet.")


def soknad_eller_404(request, pk, *, med_omrade: bool = False):
    """The application, if the logged-in user acts for its organisation; else 404 (we do not say it exists)."""
    return or_404(selectors.soknad_for_soker, IKKE_FUNNET_SOKNAD, bruker=request.user, pk=pk, med_omrade=med_omrade)
