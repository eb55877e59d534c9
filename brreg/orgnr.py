"""The Norwegian organisation number: normalising and checking it, without any network."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from stdnum.no import orgnr as stdnum_orgnr


def normalize(value: str) -> str:
    """Return the number without spaces (what a user types may be grouped as "972 418 013")."""
    return "".join((value or "").split())


def validate(value: str) -> str:
    """Return the normalised number, or raise a ValidationError with a Norwegian message."""
    number = normalize(value)
    if not number.isdigit() or len(number) != 9:
        raise ValidationError(
            gettext("Organisasjonsnummeret må ha ni siffer, for eksempel 972 418 013."), code="orgnr_format"
        )
    if not stdnum_orgnr.is_valid(number):
        raise ValidationError(
            gettext(
                "Organisasjonsnummeret %(orgnr)s er ikke gyldig (kontrollsifferet stemmer ikke). "
                "Sjekk at du har skrevet det riktig."
            ),
            code="orgnr_kontrollsiffer",
            params={"orgnr": number},
        )
    return number


def format_orgnr(number: str) -> str:
    """ "972418013" -> "972 418 013"."""
    number = normalize(number)
    if len(number) != 9:
        return number
    return f"{number[:3]} {number[3:6]} {number[6:]}"
