"""Finding organisations: the kommune register first (no network), then what we stored, then Enhetsregisteret.

Callers decide how to degrade: `lookup` raises the client's errors (`NotFound`, `Removed`,
`Unavailable`) when it has nothing to offer, and otherwise says where its answer came from.
"""

import datetime as dt
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from . import client
from .models import Kommune, Virksomhet
from .signals import virksomhet_oppdatert

KILDE_KOMMUNEREGISTER = "kommuneregister"
KILDE_BRREG = "brreg"
KILDE_LAGER = "lager"


@dataclass(frozen=True)
class Lookup:
    organisasjonsnummer: str
    navn: str
    organisasjonsform: str | None
    er_kommune: bool
    kommune: Kommune | None
    kommunenavn: str | None
    slettedato: dt.date | None
    konkurs: bool
    under_avvikling: bool
    kilde: str  # "kommuneregister" | "brreg" | "lager"
    hentet: dt.datetime | None  # when Enhetsregisteret said it (None for the kommune register)
    utdatert: bool = False  # a stored answer used because the registry could not be reached

    @property
    def slettet(self) -> bool:
        return self.slettedato is not None


def _from_kommune(kommune: Kommune) -> Lookup:
    return Lookup(
        organisasjonsnummer=kommune.organisasjonsnummer or "",
        navn=kommune.navn,
        organisasjonsform="KOMM",
        er_kommune=True,
        kommune=kommune,
        kommunenavn=kommune.navn,
        slettedato=None,
        konkurs=False,
        under_avvikling=False,
        kilde=KILDE_KOMMUNEREGISTER,
        hentet=None,
    )


def _from_stored(virksomhet: Virksomhet, *, utdatert: bool = False) -> Lookup:
    return Lookup(
        organisasjonsnummer=virksomhet.organisasjonsnummer,
        navn=virksomhet.navn,
        organisasjonsform=virksomhet.organisasjonsform or None,
        er_kommune=virksomhet.er_kommune,
        kommune=virksomhet.kommune,
        kommunenavn=virksomhet.kommune.navn if virksomhet.kommune else None,
        slettedato=virksomhet.slettedato,
        konkurs=virksomhet.konkurs,
        under_avvikling=virksomhet.under_avvikling,
        kilde=KILDE_LAGER,
        hentet=virksomhet.brreg_hentet,
        utdatert=utdatert,
    )


def kommune_for_orgnr(organisasjonsnummer: str) -> Kommune | None:
    return Kommune.objects.select_related("fylke__helseregion").filter(organisasjonsnummer=organisasjonsnummer).first()


def lookup_local(organisasjonsnummer: str) -> Lookup | None:
    """What we know without the network: the kommune register, or a stored organisation."""
    kommune = kommune_for_orgnr(organisasjonsnummer)
    if kommune is not None:
        return _from_kommune(kommune)
    virksomhet = Virksomhet.objects.select_related("kommune").filter(organisasjonsnummer=organisasjonsnummer).first()
    return _from_stored(virksomhet) if virksomhet else None


def _fresh(virksomhet: Virksomhet) -> bool:
    ttl = dt.timedelta(seconds=settings.BRREG_CACHE_TTL)
    return virksomhet.brreg_hentet is not None and timezone.now() - virksomhet.brreg_hentet < ttl


def lookup(organisasjonsnummer: str, *, refresh: bool = False, total_timeout: float | None = None) -> Lookup:
    """The organisation for a (validated) number.

    Kommuner come from the kommune register with no network. Others come from what Enhetsregisteret
    said within BRREG_CACHE_TTL, else from the registry (and are stored). When the registry cannot be
    reached, a stored answer is returned marked `utdatert`; with none, `client.Unavailable` is raised.
    `total_timeout` gives the registry less time than BRREG_TOTAL_TIMEOUT (for a caller that can do without it).
    """
    kommune = kommune_for_orgnr(organisasjonsnummer)
    if kommune is not None:
        return _from_kommune(kommune)
    stored = Virksomhet.objects.select_related("kommune").filter(organisasjonsnummer=organisasjonsnummer).first()
    if stored is not None and _fresh(stored) and not refresh:
        return _from_stored(stored)
    try:
        enhet = client.get_enhet(organisasjonsnummer, total_timeout=total_timeout)
    except client.Unavailable:
        if stored is not None and stored.brreg_hentet is not None:
            return _from_stored(stored, utdatert=True)
        raise
    virksomhet = virksomhet_store_enhet(enhet)
    return Lookup(
        organisasjonsnummer=organisasjonsnummer,
        navn=enhet.navn or virksomhet.navn,
        organisasjonsform=enhet.organisasjonsform,
        er_kommune=enhet.er_kommune,
        kommune=virksomhet.kommune,
        kommunenavn=virksomhet.kommune.navn if virksomhet.kommune else (enhet.kommune or None),
        slettedato=enhet.slettedato,
        konkurs=enhet.konkurs,
        under_avvikling=enhet.under_avvikling,
        kilde=KILDE_BRREG,
        hentet=virksomhet.brreg_hentet,
    )


PAUSE_KEY = "brreg:henger"


def lookup_within(organisasjonsnummer: str, *, seconds: float) -> Lookup:
    """`lookup` for a caller that can do without the registry (the start form: Altinn gave the name).

    The registry gets at most `seconds`. When it used them all up without an answer, it is not asked again by
    such callers for BRREG_PAUSE seconds: the mark is in the cache, shared by every worker and instance, so a
    hanging registry costs one wait, not one per request. Raises as `lookup` does.
    """
    paused = cache.get(PAUSE_KEY) is not None
    started = time.monotonic()
    try:
        found = lookup(organisasjonsnummer, total_timeout=0 if paused else seconds)
    except client.Unavailable:
        _pause_if_slow(paused, started, seconds)
        raise
    if found.utdatert:
        _pause_if_slow(paused, started, seconds)
    return found


def _pause_if_slow(paused: bool, started: float, seconds: float) -> None:
    if not paused and time.monotonic() - started >= 0.9 * seconds:
        cache.set(PAUSE_KEY, timezone.now().isoformat(), settings.BRREG_PAUSE)


def virksomhet_store_enhet(enhet: client.Enhet) -> Virksomhet:
    """Record what Enhetsregisteret said about a unit, and when. The name becomes verified."""
    kommune = Kommune.objects.filter(nummer=enhet.kommunenummer).first() if enhet.kommunenummer else None
    defaults = {
        "organisasjonsform": enhet.organisasjonsform or "",
        "er_kommune": enhet.er_kommune,
        "kommune": kommune,
        "konkurs": enhet.konkurs,
        "under_avvikling": enhet.under_avvikling,
        "slettedato": enhet.slettedato,
        "brreg_data": enhet.data,
        "brreg_hentet": timezone.now(),
    }
    if enhet.navn:  # a deleted unit's minimal answer has no name: keep the one we had
        defaults |= {"navn": enhet.navn, "navnekilde": Virksomhet.Navnekilde.BRREG}
    with transaction.atomic():
        virksomhet, created = Virksomhet.objects.select_for_update().get_or_create(
            organisasjonsnummer=enhet.organisasjonsnummer,
            defaults={"navn": enhet.navn or enhet.organisasjonsnummer, **defaults},
        )
        if not created:
            for name, value in defaults.items():
                setattr(virksomhet, name, value)
            virksomhet.save()
        virksomhet_oppdatert.send(sender=Virksomhet, virksomhet=virksomhet)
    return virksomhet


def virksomhet_from_lookup(found: Lookup) -> Virksomhet:
    """The stored organisation for a lookup (a kommune's row is created from the register)."""
    if found.kilde == KILDE_KOMMUNEREGISTER:
        virksomhet, _ = Virksomhet.objects.update_or_create(
            organisasjonsnummer=found.organisasjonsnummer,
            defaults={
                "navn": found.navn,
                "er_kommune": True,
                "kommune": found.kommune,
                "organisasjonsform": "KOMM",
                "navnekilde": Virksomhet.Navnekilde.KOMMUNEREGISTER,
            },
        )
        return virksomhet
    return Virksomhet.objects.get(organisasjonsnummer=found.organisasjonsnummer)


def virksomhet_create_unverified(*, organisasjonsnummer: str, navn: str) -> Virksomhet:
    """The registry could not be reached: keep the name the user typed, marked as not verified."""
    virksomhet, created = Virksomhet.objects.get_or_create(
        organisasjonsnummer=organisasjonsnummer,
        defaults={"navn": navn.strip(), "navnekilde": Virksomhet.Navnekilde.MANUELL},
    )
    if not created and virksomhet.navnekilde == Virksomhet.Navnekilde.MANUELL and navn.strip():
        virksomhet.navn = navn.strip()
        virksomhet.save(update_fields=["navn", "endret"])
    return virksomhet


def virksomhet_get_or_create(*, organisasjonsnummer: str, navn: str = "") -> Virksomhet:
    """For demo data and imports: the register for kommuner, the stored row, or an unverified one."""
    found = lookup_local(organisasjonsnummer)
    if found is not None:
        return virksomhet_from_lookup(found)
    return virksomhet_create_unverified(organisasjonsnummer=organisasjonsnummer, navn=navn)
