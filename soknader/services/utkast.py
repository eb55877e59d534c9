"""The søker's draft: starting (or copying) an application, saving sections and arenas, deleting the draft.

Each function runs in one transaction. Saving compares a fingerprint of what the user was shown
with what is stored now, so that two people editing the same application never overwrite each
other silently (the loser is told and keeps what they typed).
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from brreg import client as brreg_client
from brreg import services as brreg_services
from brreg.models import Virksomhet
from laeringsmal.tolking import katalog_for_soknad, tolk_laeringsmal
from tilgang import selectors as tilgang_selectors

from .. import grenser, seksjoner, skjema
from ..changes import fingerprint
from ..choices import Spesialitet, Virksomhetstype
from ..models import (
    Laeringsarena,
    Soknad,
)
from ..regler import hvem
from ..regler import status as statusregler
from ..regler.status import (
    AVSLUTTEDE_STATUSER,
)
from .errors import AlreadyApplied, Conflict, NotEditable
from .refresh import mangler_refresh


def sprak_gyldig(sprak: str | None) -> str | None:
    """One of settings.LANGUAGES for a language code as `translation.get_language()` gives it ("nn", "nb-no"), or
    None for none given or one we do not write in."""
    kjente = {kode for kode, _navn in settings.LANGUAGES}
    sprak = (sprak or "").lower()
    return next((kode for kode in (sprak, sprak.split("-")[0]) if kode in kjente), None)


IKKE_TILGANG = _(
    "Du kan bare starte en søknad for virksomheter som har gitt deg tilgang til tjenesten i Altinn. Be den som "
    "styrer tilganger i virksomheten (i Altinn) om tilgang, og logg inn på nytt."
)


def soknad_create(*, bruker: User, organisasjonsnummer: str, spesialitet: str, sprak: str | None = None) -> Soknad:
    """Start an application for one of the organisations Altinn says the user may act for; raises
    ValidationError keyed by the start form's fields, or AlreadyApplied.

    The organisation is looked up in Enhetsregisteret before any transaction is opened, with at most
    BRREG_START_TIMEOUT seconds for the registry (none for BRREG_PAUSE seconds after it used them all up, see
    `brreg.services.lookup_within`). When it cannot be reached in that time, the name Altinn gave is kept as not
    verified (`oppdater_virksomheter` confirms it later). `sprak`: the language the søker uses (mail and letters).
    """
    if not tilgang_selectors.kan_representere(bruker, organisasjonsnummer):
        raise ValidationError({"organisasjonsnummer": IKKE_TILGANG})
    try:
        found = brreg_services.lookup_within(organisasjonsnummer, seconds=settings.BRREG_START_TIMEOUT)
    except (brreg_client.NotFound, brreg_client.Removed) as error:
        raise ValidationError({"organisasjonsnummer": error.melding}) from None
    except brreg_client.Unavailable:
        found = None
    if found is not None and found.slettet:
        melding = gettext("%(navn)s er slettet i Enhetsregisteret (%(dato)s) og kan ikke søke om registrering.")
        navn = found.navn or gettext("Virksomheten")
        raise ValidationError({"organisasjonsnummer": melding % {"navn": navn, "dato": f"{found.slettedato:%d.%m.%Y}"}})
    with transaction.atomic():
        if found is not None:
            virksomhet = brreg_services.virksomhet_from_lookup(found)
        else:
            virksomhet = Virksomhet.objects.get(organisasjonsnummer=organisasjonsnummer)
        if grunn := hvem.grunn_til_avslag(spesialitet, er_kommune=virksomhet.er_kommune, navn=virksomhet.navn):
            raise ValidationError({"spesialitet": grunn})
        apne = Soknad.objects.filter(virksomhet=virksomhet, spesialitet=spesialitet).exclude(
            status__in=AVSLUTTEDE_STATUSER
        )
        existing = apne.first()
        if existing is not None:
            raise AlreadyApplied(existing)
        try:
            with transaction.atomic():
                return Soknad.objects.create(
                    virksomhet=virksomhet,
                    spesialitet=spesialitet,
                    virksomhetstype=Virksomhetstype.KOMMUNE if virksomhet.er_kommune else "",
                    opprettet_av=bruker,
                    sprak=sprak_gyldig(sprak) or settings.LANGUAGE_CODE,
                )
        except IntegrityError:  # someone started the same application a moment ago
            raise AlreadyApplied(apne.get(), samtidig=True) from None


def soknad_copy(
    *,
    bruker: User,
    kilde: Soknad,
    spesialitet: str,
    seksjoner: Iterable[str],
    arenaer: Iterable[int],
    sprak: str | None = None,
) -> Soknad:
    """Start a new application of the same organisation as a copy of another (cooperating kommuner prepare common
    content but apply one by one): the chosen sections' answers and arenas. Each arena's LM text is read again for
    the new specialty; what does not fit stays in the text and is shown on the arena, never dropped silently.
    Raises ValidationError keyed by the copy form's fields."""
    virksomhet = kilde.virksomhet
    if not tilgang_selectors.kan_representere(bruker, virksomhet.organisasjonsnummer):
        raise ValidationError({"spesialitet": IKKE_TILGANG})
    if not hvem.kan_soke(spesialitet, virksomhet.er_kommune):
        raise ValidationError({"spesialitet": hvem.IKKE_KOMMUNE_ALM})
    felt = [name for seksjon in seksjoner if seksjon in skjema.SEKSJONER for name in skjema.SEKSJONER[seksjon].feltnavn]
    katalog = katalog_for_soknad(None)
    with transaction.atomic():
        apen = (
            Soknad.objects.filter(virksomhet=virksomhet, spesialitet=spesialitet)
            .exclude(status__in=AVSLUTTEDE_STATUSER)
            .first()
        )
        if apen is not None:
            navn = Spesialitet(spesialitet).label.lower()
            raise ValidationError(
                {
                    "spesialitet": gettext("%(navn)s har allerede en søknad om %(spesialitet)s.")
                    % {"navn": virksomhet.navn, "spesialitet": navn}
                }
            )
        try:
            with transaction.atomic():
                ny = Soknad.objects.create(
                    virksomhet=virksomhet,
                    spesialitet=spesialitet,
                    opprettet_av=bruker,
                    sprak=sprak_gyldig(sprak) or kilde.sprak,
                    **{name: getattr(kilde, name) for name in felt},
                )
        except IntegrityError:
            raise ValidationError({"spesialitet": gettext("Søknaden ble nettopp opprettet av en annen.")}) from None
        if not ny.virksomhetstype:
            ny.virksomhetstype = Virksomhetstype.KOMMUNE if virksomhet.er_kommune else ""
            ny.save(update_fields=["virksomhetstype"])
        valgte = Laeringsarena.objects.filter(soknad=kilde, pk__in=list(arenaer)).order_by("pk")
        if melding := grenser.arenaer_for_mange(nye=valgte.count()):
            raise ValidationError({"arenaer": melding})
        Laeringsarena.objects.bulk_create(
            Laeringsarena(
                soknad=ny,
                **{name: getattr(a, name) for name in skjema.ARENA_FELT},
                **tolk_laeringsmal(tekst=a.laeringsmal, spesialitet=spesialitet, katalog=katalog).felter,
            )
            for a in valgte
        )
        mangler_refresh(soknad=ny)
    return ny


def _save_fields(obj: Model, values: Mapping[str, Any], field_names: Iterable[str], expected: str) -> None:
    stored = seksjoner.values(obj, field_names)
    if expected and fingerprint(stored) != expected:
        raise Conflict(stored)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save(update_fields=[*values, "endret"])


def locked_editable(soknad_id: int) -> Soknad:
    soknad = Soknad.objects.select_for_update().select_related("virksomhet").get(pk=soknad_id)
    if not soknad.er_redigerbar:
        raise NotEditable()
    return soknad


def seksjon_save(*, soknad: Soknad, seksjon: str, values: Mapping[str, Any], expected: str) -> Soknad:
    """Save the given fields of one section (a draft may be incomplete)."""
    field_names = skjema.SEKSJONER[seksjon].feltnavn
    unknown = set(values) - set(field_names)
    if unknown:
        raise ValueError(f"Felt utenfor seksjonen {seksjon}: {sorted(unknown)}")
    with transaction.atomic():
        locked = locked_editable(soknad.pk)
        _save_fields(locked, values, field_names, expected)
        mangler_refresh(soknad=locked)
    return locked


def laeringsarena_save(
    *, soknad: Soknad, arena: Laeringsarena | None, values: Mapping[str, Any], expected: str = ""
) -> Laeringsarena:
    """Save an arena (a new one when `arena` is None). A new arena over the application's limit is refused with
    ValidationError (the message; see grenser)."""
    values = dict(values)
    if "laeringsmal" in values:  # the text is kept as written, the codes it means next to it
        katalog = katalog_for_soknad(soknad.soknadsdato)
        values |= tolk_laeringsmal(tekst=values["laeringsmal"], spesialitet=soknad.spesialitet, katalog=katalog).felter
    with transaction.atomic():
        locked_soknad = locked_editable(soknad.pk)
        if arena is None:
            _arenaer_check(locked_soknad, nye=1)
            saved = Laeringsarena.objects.create(soknad=soknad, **values)
        else:
            try:
                saved = Laeringsarena.objects.select_for_update().get(pk=arena.pk, soknad=soknad)
            except Laeringsarena.DoesNotExist:
                raise Conflict({}) from None
            _save_fields(saved, values, skjema.ARENA_FELT, expected)
        mangler_refresh(soknad=locked_soknad)
        return saved


def laeringsarenaer_import(*, soknad: Soknad, rows: Sequence[Mapping[str, Any]]) -> list[Laeringsarena]:
    """Add arenas read from a file (interchange.arenaer) to a draft; their LM texts are read for its specialty.
    More than the limits allow (see grenser) is refused with ValidationError (the message)."""
    katalog = katalog_for_soknad(soknad.soknadsdato)
    with transaction.atomic():
        locked = locked_editable(soknad.pk)
        _arenaer_check(locked, nye=len(rows), fra_fil=True)
        added = Laeringsarena.objects.bulk_create(
            Laeringsarena(
                soknad=locked,
                **row,
                **tolk_laeringsmal(tekst=row["laeringsmal"], spesialitet=locked.spesialitet, katalog=katalog).felter,
            )
            for row in rows
        )
        mangler_refresh(soknad=locked)
    return added


def _arenaer_check(soknad: Soknad, *, nye: int, fra_fil: bool = False) -> None:
    """Refuse (ValidationError with the message) what would take a locked application over the arena limits."""
    har = Laeringsarena.objects.filter(soknad=soknad).count()
    if melding := grenser.arenaer_for_mange(har=har, nye=nye, fra_fil=fra_fil):
        raise ValidationError(melding)


def laeringsarena_delete(*, soknad: Soknad, arena: Laeringsarena) -> None:
    with transaction.atomic():
        locked = locked_editable(soknad.pk)
        Laeringsarena.objects.filter(pk=arena.pk, soknad=soknad).delete()
        mangler_refresh(soknad=locked)


def utkast_delete(*, soknad: Soknad) -> None:
    with transaction.atomic():
        locked = Soknad.objects.select_for_update().get(pk=soknad.pk)
        if not statusregler.kan_slettes(locked.status, locked.referanse):
            raise NotEditable()
        locked.delete()
