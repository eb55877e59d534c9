"""Writes of tilgang: recognising a person, refreshing which organisations they may act for from Altinn."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from brreg.models import Virksomhet
from brreg.services import virksomhet_get_or_create

from . import altinn, audit
from .models import Hendelsestype, Person, Tilgangskilde, Virksomhetstilgang

logger = logging.getLogger(__name__)


def person_ident(provider: str, subject: str) -> str:
    """HMAC-SHA256 with a key of our own: recognises the person again; the identifier cannot be read back."""
    key = (settings.TILGANG_PERSON_KEY or settings.SECRET_KEY).encode()
    return hmac.new(key, f"{provider}:{subject}".encode(), hashlib.sha256).hexdigest()


@dataclass
class Lookup:
    """The outcome of asking Altinn: `ok` (a fresh answer), or the previous answer still in use (`fra_lager`),
    or nothing usable (`ok` and `fra_lager` both false)."""

    ok: bool
    fra_lager: bool = False
    hentet: dt.datetime | None = None
    lagt_til: list[str] = field(default_factory=list)
    fjernet: list[str] = field(default_factory=list)

    @property
    def brukbar(self) -> bool:
        return self.ok or self.fra_lager


def organisasjoner_refresh(*, bruker, pid: str, kilde: str = "idporten") -> Lookup:
    """Ask Altinn which organisations the person may act for and replace the cache with the answer.

    When Altinn does not answer, the previous answer stays in use while it is younger than ALTINN_GRACE_HOURS.
    """
    try:
        found = altinn.authorized_virksomheter(pid)
    except altinn.AltinnError as error:
        logger.warning("altinn: ingen svar for bruker %s: %s", bruker.pk, error)
        audit.hendelse_log(
            hendelse=Hendelsestype.ALTINN_UTILGJENGELIG, kilde="altinn", bruker=bruker, detalj=str(error)
        )
        person = Person.objects.filter(bruker=bruker).first()
        hentet = person.organisasjoner_hentet if person else None
        return Lookup(ok=False, fra_lager=hentet is not None and hentet >= grace_cutoff(), hentet=hentet)
    now = timezone.now()
    with transaction.atomic():
        wanted = {}
        for org in found:
            wanted[org.organisasjonsnummer] = (
                virksomhet_get_or_create(organisasjonsnummer=org.organisasjonsnummer, navn=org.navn),
                org.hovedenhet,
            )
        result = _replace(bruker, wanted, kilde=Tilgangskilde.ALTINN, now=now)
        Person.objects.filter(bruker=bruker).update(organisasjoner_hentet=now)
    return result


def organisasjoner_set(*, bruker, virksomheter, kilde: str = Tilgangskilde.UTVIKLING) -> Lookup:
    """Write the cache from another source than Altinn: demo data and tests on a machine where Altinn is not
    set up (ALTINN_BASE_URL empty). Such rows are ignored as soon as Altinn is set up."""
    with transaction.atomic():
        return _replace(bruker, {v.organisasjonsnummer: (v, "") for v in virksomheter}, kilde=kilde, now=timezone.now())


def _replace(bruker, wanted: dict[str, tuple[Virksomhet, str]], *, kilde: str, now) -> Lookup:
    existing = {
        t.virksomhet.organisasjonsnummer: t
        for t in Virksomhetstilgang.objects.select_related("virksomhet").filter(bruker=bruker)
    }
    removed = [orgnr for orgnr in existing if orgnr not in wanted]
    added = [orgnr for orgnr in wanted if orgnr not in existing]
    Virksomhetstilgang.objects.filter(bruker=bruker, virksomhet__organisasjonsnummer__in=removed).delete()
    for virksomhet, hovedenhet in wanted.values():
        Virksomhetstilgang.objects.update_or_create(
            bruker=bruker, virksomhet=virksomhet, defaults={"kilde": kilde, "hentet": now, "hovedenhet": hovedenhet}
        )
    for orgnr in added:
        audit.hendelse_log(
            hendelse=Hendelsestype.TILGANG_GITT,
            kilde=kilde,
            bruker=bruker,
            virksomhet=wanted[orgnr][0],
            detalj=f"via hovedenhet {wanted[orgnr][1]}" if wanted[orgnr][1] else "",
        )
    for orgnr in removed:
        audit.hendelse_log(
            hendelse=Hendelsestype.TILGANG_FJERNET, kilde=kilde, bruker=bruker, virksomhet=existing[orgnr].virksomhet
        )
    return Lookup(ok=True, hentet=now, lagt_til=added, fjernet=removed)


def grace_cutoff() -> dt.datetime:
    return timezone.now() - dt.timedelta(hours=settings.ALTINN_GRACE_HOURS)
