import factory

from brreg.models import Kommune, Virksomhet


def kommune(nummer: str = "1804") -> Kommune:
    """A kommune from the register loaded by the migrations (1804 = Bodø)."""
    return Kommune.objects.select_related("fylke__helseregion").get(nummer=nummer)


class VirksomhetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Virksomhet
        django_get_or_create = ("organisasjonsnummer",)

    organisasjonsnummer = factory.Sequence(lambda n: _valid_orgnr(n))
    navn = factory.Sequence(lambda n: f"Virksomhet {n} AS")
    navnekilde = Virksomhet.Navnekilde.MANUELL
    er_kommune = False


class KommuneVirksomhetFactory(VirksomhetFactory):
    """The organisation of a kommune in the register."""

    class Params:
        kommunenummer = "1804"

    organisasjonsnummer = factory.LazyAttribute(lambda o: kommune(o.kommunenummer).organisasjonsnummer)
    navn = factory.LazyAttribute(lambda o: kommune(o.kommunenummer).navn)
    kommune = factory.LazyAttribute(lambda o: kommune(o.kommunenummer))
    er_kommune = True
    navnekilde = Virksomhet.Navnekilde.KOMMUNEREGISTER


def _valid_orgnr(n: int) -> str:
    """The n-th organisation number (from 900000000 upwards) that passes the MOD11 check."""
    from stdnum.no import orgnr

    candidate = 900_000_000 + n * 100  # far enough apart that two sequence values never meet
    while not orgnr.is_valid(str(candidate)):
        candidate += 1
    return str(candidate)
