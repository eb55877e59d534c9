"""Finding and recording organisations. The kommune register is the first source and needs no network."""

from dataclasses import dataclass

from .models import Kommune, Virksomhet


@dataclass(frozen=True)
class Lookup:
    """What we know about an organisation number without asking anyone outside."""

    organisasjonsnummer: str
    navn: str
    er_kommune: bool
    kommune: Kommune | None
    kilde: str  # "kommuneregister" | "lager"


def lookup_local(organisasjonsnummer: str) -> Lookup | None:
    kommune = Kommune.objects.select_related("fylke__helseregion").filter(
        organisasjonsnummer=organisasjonsnummer
    ).first()
    if kommune is not None:
        return Lookup(organisasjonsnummer, kommune.navn, True, kommune, "kommuneregister")
    virksomhet = Virksomhet.objects.select_related("kommune").filter(organisasjonsnummer=organisasjonsnummer).first()
    if virksomhet is not None:
        return Lookup(organisasjonsnummer, virksomhet.navn, virksomhet.er_kommune, virksomhet.kommune, "lager")
    return None


def virksomhet_get_or_create(*, organisasjonsnummer: str, navn: str = "") -> Virksomhet:
    """The organisation for this number; a kommune is taken from the register, others as typed."""
    oppslag = lookup_local(organisasjonsnummer)
    if oppslag and oppslag.kilde == "kommuneregister":
        virksomhet, _ = Virksomhet.objects.update_or_create(
            organisasjonsnummer=organisasjonsnummer,
            defaults={
                "navn": oppslag.navn,
                "er_kommune": True,
                "kommune": oppslag.kommune,
                "navnekilde": Virksomhet.Navnekilde.KOMMUNEREGISTER,
            },
        )
        return virksomhet
    virksomhet, created = Virksomhet.objects.get_or_create(
        organisasjonsnummer=organisasjonsnummer,
        defaults={"navn": navn.strip(), "navnekilde": Virksomhet.Navnekilde.MANUELL},
    )
    if not created and navn.strip() and virksomhet.navnekilde == Virksomhet.Navnekilde.MANUELL:
        if virksomhet.navn != navn.strip():
            virksomhet.navn = navn.strip()
            virksomhet.save(update_fields=["navn", "endret"])
    return virksomhet
