"""JSON lookup of an organisation number, used by the form while the user types."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse

from . import orgnr
from .services import lookup_local


@login_required
def enhet(request, organisasjonsnummer: str):
    try:
        number = orgnr.validate(organisasjonsnummer)
    except ValidationError as error:
        return JsonResponse({"melding": error.messages[0]}, status=400)
    found = lookup_local(number)
    if found is None:
        return JsonResponse(
            {"melding": "Vi fant ikke organisasjonsnummeret i kommuneregisteret. Skriv navnet på virksomheten."},
            status=404,
        )
    return JsonResponse(
        {
            "organisasjonsnummer": number,
            "navn": found.navn,
            "organisasjonsform": "KOMM" if found.er_kommune else None,
            "kommunenummer": found.kommune.nummer if found.kommune else None,
            "kommune": found.kommune.navn if found.kommune else None,
            "er_kommune": found.er_kommune,
            "slettet": False,
            "konkurs": False,
            "kilde": found.kilde,
            "hentet": None,
        }
    )
