"""Reads scoped to what a user may see. The only read path for the søker journey."""

from django.db.models import Count, QuerySet
from django.http import Http404

from brreg.models import Virksomhet
from laeringsarenaer.models import Laeringsarena

from .models import Soknad


def virksomheter_for_bruker(bruker) -> QuerySet[Virksomhet]:
    return Virksomhet.objects.filter(tilganger__bruker=bruker).order_by("navn")


def soknader_for_bruker(bruker) -> QuerySet[Soknad]:
    """Every application of the organisations the user acts for."""
    return (
        Soknad.objects.filter(virksomhet__tilganger__bruker=bruker)
        .select_related("virksomhet")
        .annotate(antall_arenaer=Count("laeringsarenaer", distinct=True))
        .order_by("virksomhet__navn", "spesialitet")
    )


def soknad_for_soker(bruker, pk: int) -> Soknad:
    """The application, if the user acts for its organisation; otherwise 404 (we do not say it exists)."""
    try:
        return Soknad.objects.select_related("virksomhet__kommune__fylke__helseregion").get(
            pk=pk, virksomhet__tilganger__bruker=bruker
        )
    except Soknad.DoesNotExist:
        raise Http404("Fant ikke søknaden.") from None


def arenaer_for_soknad(soknad: Soknad) -> list[Laeringsarena]:
    return list(Laeringsarena.objects.filter(soknad=soknad).order_by("pk"))


def arena_for_soker(soknad: Soknad, pk: int) -> Laeringsarena:
    try:
        return Laeringsarena.objects.get(pk=pk, soknad=soknad)
    except Laeringsarena.DoesNotExist:
        raise Http404("Fant ikke læringsarenaen.") from None


def soknad_for_virksomhet(virksomhet: Virksomhet, spesialitet: str) -> Soknad | None:
    return Soknad.objects.filter(virksomhet=virksomhet, spesialitet=spesialitet).first()
