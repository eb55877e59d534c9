"""JSON lookup of an organisation number for a logged-in user (issue 4). No page calls it since the start form offers
the organisations Altinn lists (issue 11) and looks the chosen one up on the server; a page that asks for an org
number again would call it as the user leaves the field."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from drift.limits import hit

from . import client, orgnr
from .services import lookup


def _rate_limited(user) -> bool:
    """At most BRREG_RATE_LIMIT lookups per user per minute, counted in the database: the limit holds across
    workers and instances."""
    return hit("brreg-oppslag", hvem=user.pk, grense=settings.BRREG_RATE_LIMIT, vindu=60)


@login_required
@require_GET
def enhet(request, organisasjonsnummer: str):
    try:
        number = orgnr.validate(organisasjonsnummer)
    except ValidationError as error:
        return JsonResponse({"melding": error.messages[0]}, status=400)
    if _rate_limited(request.user):
        return JsonResponse(
            {
                "melding": gettext(
                    "Du har slått opp mange organisasjonsnumre på kort tid. Vent litt og prøv "
                    "igjen, eller skriv navnet selv."
                )
            },
            status=429,
        )
    try:
        found = lookup(number)
    except client.NotFound as error:
        return JsonResponse({"melding": error.melding}, status=404)
    except client.Removed as error:
        return JsonResponse({"melding": error.melding}, status=410)
    except client.Unavailable as error:
        return JsonResponse({"melding": error.melding}, status=503)
    return JsonResponse(
        {
            "organisasjonsnummer": number,
            "navn": found.navn,
            "organisasjonsform": found.organisasjonsform,
            "kommunenummer": found.kommune.nummer if found.kommune else None,
            "kommune": found.kommunenavn,
            "er_kommune": found.er_kommune,
            "slettet": found.slettet,
            "konkurs": found.konkurs,
            "under_avvikling": found.under_avvikling,
            "kilde": found.kilde,
            "hentet": found.hentet.isoformat() if found.hentet else None,
            "utdatert": found.utdatert,
        }
    )
