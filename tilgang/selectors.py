"""Reads of tilgang: which organisations a person may act for now. soknader scopes every søker read by this."""

from django.db.models import Q, QuerySet

from brreg.models import Virksomhet

from . import altinn
from .models import Tilgangskilde, Virksomhetstilgang
from .services import grace_cutoff


def gyldige_tilganger(bruker) -> QuerySet[Virksomhetstilgang]:
    """The cache rows that count now. With Altinn set up: Altinn's answers younger than ALTINN_GRACE_HOURS
    (a fresher answer replaces them at login and every ALTINN_REFRESH_MINUTES). Without Altinn (development):
    the rows demo data wrote."""
    if not getattr(bruker, "is_authenticated", False):
        return Virksomhetstilgang.objects.none()
    rows = Virksomhetstilgang.objects.filter(bruker=bruker)
    if altinn.er_satt_opp():
        return rows.filter(Q(kilde=Tilgangskilde.ALTINN) & Q(hentet__gte=grace_cutoff()))
    return rows


def virksomheter_for(bruker) -> QuerySet[Virksomhet]:
    """The organisations the person may act for now, by name."""
    return Virksomhet.objects.filter(pk__in=gyldige_tilganger(bruker).values("virksomhet_id")).order_by(
        "navn", "organisasjonsnummer"
    )


def kan_representere(bruker, organisasjonsnummer: str) -> bool:
    return gyldige_tilganger(bruker).filter(virksomhet__organisasjonsnummer=organisasjonsnummer).exists()
