"""Every write of the søker journey: creating, saving sections and arenas, submitting.

Each function runs in one transaction. Saving compares a fingerprint of what the user was shown
with what is stored now, so that two people editing the same application never overwrite each
other silently (the loser is told and keeps what they typed).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from brreg.models import Virksomhet
from brreg import client as brreg_client
from brreg import services as brreg_services
from laeringsarenaer.models import Laeringsarena
from laeringsarenaer.tolking import katalog_for_soknad, tolk_tekst

from . import sections
from .choices import Spesialitet, Status, Virksomhetstype
from .forms import fingerprint
from .models import Soknad, Statusendring, Virksomhetstilgang


class NotEditable(Exception):
    """The application is not open for changes by the søker (submitted, under review, decided)."""


class Conflict(Exception):
    """Someone else saved the same fields after the user opened the form."""

    def __init__(self, stored: Mapping[str, Any]):
        super().__init__("Konflikt")
        self.stored = dict(stored)


class SubmitRefused(Exception):
    def __init__(self, missing: Mapping[str, Mapping[str, str]]):
        super().__init__("Søknaden er ikke fullført")
        self.missing = missing


def soknad_create(*, bruker, organisasjonsnummer: str, navn: str, spesialitet: str) -> Soknad:
    """Start an application; raises ValidationError keyed by the start form's fields.

    The organisation is looked up before any transaction is opened (the registry may be slow). When
    Enhetsregisteret cannot be reached, the name the user typed is kept as not verified.
    """
    try:
        found = brreg_services.lookup(organisasjonsnummer)
    except (brreg_client.IkkeFunnet, brreg_client.Fjernet) as error:
        raise ValidationError({"organisasjonsnummer": error.melding}) from None
    except brreg_client.Utilgjengelig as error:
        if not navn.strip():
            raise ValidationError({"navn": error.melding}) from None
        found = None
    if found is not None and found.slettet:
        raise ValidationError(
            {"organisasjonsnummer": f"{found.navn or 'Virksomheten'} er slettet i Enhetsregisteret "
             f"({found.slettedato:%d.%m.%Y}) og kan ikke søke om registrering."}
        )
    er_kommune = bool(found and found.er_kommune)
    if spesialitet == Spesialitet.ALM and not er_kommune:
        raise ValidationError(
            {"spesialitet": "Allmennmedisin kan bare søkes av en kommune, og organisasjonsnummeret er ikke en "
             "kommune. Velg samfunnsmedisin eller arbeidsmedisin, eller sjekk nummeret."}
        )
    with transaction.atomic():
        if found is not None:
            virksomhet = brreg_services.virksomhet_from_lookup(found)
        else:
            virksomhet = brreg_services.virksomhet_create_unverified(organisasjonsnummer=organisasjonsnummer, navn=navn)
        _grant_access(bruker, virksomhet)
        existing = Soknad.objects.filter(virksomhet=virksomhet, spesialitet=spesialitet).first()
        if existing is not None:
            raise ValidationError(
                {"spesialitet": format_html(
                    "{} har allerede en søknad om {}. <a href=\"{}\">Gå til søknaden</a>.",
                    virksomhet.navn, Spesialitet(spesialitet).label.lower(),
                    reverse("soknader:oppgaver", args=[existing.pk]),
                )}
            )
        try:
            with transaction.atomic():
                return Soknad.objects.create(
                    virksomhet=virksomhet,
                    spesialitet=spesialitet,
                    virksomhetstype=Virksomhetstype.KOMMUNE if virksomhet.er_kommune else "",
                    opprettet_av=bruker,
                )
        except IntegrityError:  # someone started the same application a moment ago
            existing = Soknad.objects.get(virksomhet=virksomhet, spesialitet=spesialitet)
            raise ValidationError(
                {"spesialitet": format_html(
                    "Søknaden ble nettopp opprettet av en annen. <a href=\"{}\">Gå til søknaden</a>.",
                    reverse("soknader:oppgaver", args=[existing.pk]),
                )}
            ) from None


def _grant_access(bruker, virksomhet: Virksomhet) -> None:
    """A user may start acting for an organisation nobody acts for yet; otherwise they need access."""
    tilganger = Virksomhetstilgang.objects.filter(virksomhet=virksomhet)
    if tilganger.filter(bruker=bruker).exists():
        return
    if tilganger.exists():
        raise ValidationError(
            {"organisasjonsnummer": "Andre søker allerede for denne virksomheten, og du har ikke tilgang til den. "
             "Be en av dem gi deg tilgang, eller kontakt Helsedirektoratet."}
        )
    Virksomhetstilgang.objects.create(bruker=bruker, virksomhet=virksomhet)


def _save_fields(obj, values: Mapping[str, Any], field_names: Iterable[str], expected: str) -> None:
    stored = sections.values(obj, field_names)
    if expected and fingerprint(stored) != expected:
        raise Conflict(stored)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save(update_fields=[*values, "endret"])


def _locked_editable(soknad_id: int) -> Soknad:
    soknad = Soknad.objects.select_for_update().select_related("virksomhet").get(pk=soknad_id)
    if not soknad.er_redigerbar:
        raise NotEditable()
    return soknad


def seksjon_save(*, soknad: Soknad, seksjon: str, values: Mapping[str, Any], expected: str) -> Soknad:
    """Save the given fields of one section (a draft may be incomplete)."""
    field_names = sections.SECTION_FIELDS[seksjon]
    unknown = set(values) - set(field_names)
    if unknown:
        raise ValueError(f"Felt utenfor seksjonen {seksjon}: {sorted(unknown)}")
    with transaction.atomic():
        locked = _locked_editable(soknad.pk)
        _save_fields(locked, values, field_names, expected)
    return locked


def laeringsarena_save(
    *, soknad: Soknad, arena: Laeringsarena | None, values: Mapping[str, Any], expected: str = ""
) -> Laeringsarena:
    values = dict(values)
    if "laeringsmal" in values:  # the text is kept as written, the codes it means next to it
        values |= tolk_tekst(values["laeringsmal"], soknad.spesialitet, katalog_for_soknad(soknad.soknadsdato))
    with transaction.atomic():
        _locked_editable(soknad.pk)
        if arena is None:
            return Laeringsarena.objects.create(soknad=soknad, **values)
        try:
            locked = Laeringsarena.objects.select_for_update().get(pk=arena.pk, soknad=soknad)
        except Laeringsarena.DoesNotExist:
            raise Conflict({}) from None
        _save_fields(locked, values, sections.ARENA_FIELDS, expected)
        return locked


def laeringsarena_delete(*, soknad: Soknad, arena: Laeringsarena) -> None:
    with transaction.atomic():
        _locked_editable(soknad.pk)
        Laeringsarena.objects.filter(pk=arena.pk, soknad=soknad).delete()


def _referanse(soknad: Soknad, dato) -> str:
    return f"ASA-{dato.year}-{soknad.pk:05d}"


def soknad_submit(*, soknad: Soknad, bruker) -> Soknad:
    """Send the application to Helsedirektoratet: every section must be complete."""
    with transaction.atomic():
        locked = _locked_editable(soknad.pk)
        arenaer = list(Laeringsarena.objects.filter(soknad=locked).order_by("pk"))
        missing = {k: v for k, v in sections.missing(locked, arenaer).items() if v}
        if missing:
            raise SubmitRefused(missing)
        fra = locked.status
        locked.status = Status.INNSENDT
        if locked.soknadsdato is None:
            locked.soknadsdato = timezone.localdate()
        _reread_laeringsmal(locked, arenaer)
        if not locked.referanse:
            locked.referanse = _referanse(locked, locked.soknadsdato)
        locked.save(update_fields=["status", "soknadsdato", "referanse", "endret"])
        Statusendring.objects.create(soknad=locked, fra_status=fra, til_status=Status.INNSENDT, utfort_av=bruker)
    return locked


def _reread_laeringsmal(soknad: Soknad, arenaer: list[Laeringsarena]) -> None:
    """On submission, read every arena's text against the catalogue valid on the søknadsdato."""
    katalog = katalog_for_soknad(soknad.soknadsdato)
    for arena in arenaer:
        for name, value in tolk_tekst(arena.laeringsmal, soknad.spesialitet, katalog).items():
            setattr(arena, name, value)
    Laeringsarena.objects.bulk_update(arenaer, ["laeringsmal_koder", "laeringsmal_feil"])


def soknad_delete_draft(*, soknad: Soknad) -> None:
    with transaction.atomic():
        locked = Soknad.objects.select_for_update().get(pk=soknad.pk)
        if locked.status != Status.UTKAST or locked.referanse:
            raise NotEditable()
        locked.delete()
