"""Altinn 3 (Access Management): the only module that talks to Altinn.

    parties = authorized_virksomheter(pid)   # -> list[AltinnVirksomhet], or raises AltinnUnavailable

Asks `POST {ALTINN_BASE_URL}/accessmanagement/api/v1/resourceowner/authorizedparties?includeAltinn2=true` with
`{"type": "urn:altinn:person:identifier-no", "value": pid}` (the "authorized parties" API for a resource owner;
Maskinporten scope `altinn:accessmanagement/authorizedparties.resourceowner`). The answer is a list of parties;
each has `type`, `organizationNumber`, `name`, `isDeleted`, `onlyHierarchyElementWithNoAccess`,
`authorizedResources` (resource ids) and `subunits` (the same shape, one level down).

We keep the organisations whose `authorizedResources` hold our resource (`ALTINN_RESOURCE_ID`). A sub-unit
counts when Altinn lists the resource for it, or when it is listed under a main unit that has the resource
(rights given for the main unit reach its sub-units in Altinn); `hovedenhet` then says which. Persons (the
user themself), deleted units and hierarchy-only entries are left out.

Every request carries an Altinn token (`Authorization: Bearer …`) and `Ocp-Apim-Subscription-Key:
{ALTINN_SUBSCRIPTION_KEY}` when set. The token is ALTINN_TOKEN when set (tests, a short trial); otherwise a
Maskinporten token (tilgang/maskinporten.py, scope MASKINPORTEN_SCOPE) exchanged at
`GET {ALTINN_BASE_URL}/authentication/api/v1/exchange/maskinporten`, reused for ALTINN_TOKEN_TTL seconds and
dropped when Altinn answers 401.

The calls go through the shared HTTP client (drift/http.py): connection errors, timeouts and 5xx answers are
retried `ALTINN_RETRIES` times with a short backoff (the parties POST only reads, so it is retried as a GET
would be); each call ends within `ALTINN_TOTAL_TIMEOUT`. Everything that is not a usable answer becomes
`AltinnUnavailable` (4xx answers, which mean our set-up is wrong, are logged as errors). Settings are read at
call time so tests can point the client at a fake server.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from drift import http

from . import maskinporten

logger = logging.getLogger(__name__)

PATH = "/accessmanagement/api/v1/resourceowner/authorizedparties"
EXCHANGE_PATH = "/authentication/api/v1/exchange/maskinporten"
TOKEN_CACHE_KEY = "altinn:token"


class AltinnError(Exception):
    """Base class: Altinn gave no usable answer."""


class AltinnUnavailable(AltinnError):
    """Altinn could not be reached, timed out, failed, or answered something we cannot read."""


class AltinnNotConfigured(AltinnError):
    """ALTINN_BASE_URL is empty: this installation does not ask Altinn (development)."""


@dataclass(frozen=True)
class AltinnVirksomhet:
    organisasjonsnummer: str
    navn: str
    hovedenhet: str = ""  # for a sub-unit whose right comes from its main unit


def er_satt_opp() -> bool:
    return bool(getattr(settings, "ALTINN_BASE_URL", ""))


def authorized_virksomheter(pid: str) -> list[AltinnVirksomhet]:
    if not er_satt_opp():
        raise AltinnNotConfigured("Altinn er ikke satt opp (ALTINN_BASE_URL)")
    return parse_parties(_post_authorized_parties(pid), settings.ALTINN_RESOURCE_ID)


# Altinn's authorizedparties is a POST that only reads: retried like a GET, every 5xx and a read timeout too. Asked
# at login and then every few minutes: a new connection each time.
POLICY = http.Policy(retry_statuses=frozenset(range(500, 600)), retry_read_timeout=True, keep_alive=False)


def _log_attempt(attempt: http.Attempt) -> None:
    if attempt.path == PATH:
        _log(attempt.outcome, attempt.ms, attempt.number)


CLIENT = http.Client(
    lambda: settings.ALTINN_BASE_URL,
    timeouts=lambda: http.Timeouts.from_settings("ALTINN"),
    policy=POLICY,
    headers={"Accept": "application/json"},
    on_attempt=_log_attempt,
)


def _post_authorized_parties(pid: str):
    headers = {}
    token = altinn_token()
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if settings.ALTINN_SUBSCRIPTION_KEY:
        headers["Ocp-Apim-Subscription-Key"] = settings.ALTINN_SUBSCRIPTION_KEY
    body = {"type": "urn:altinn:person:identifier-no", "value": pid}
    try:
        answer = CLIENT.post(PATH, params={"includeAltinn2": "true"}, json=body, headers=headers, idempotent=True)
    except http.Unavailable as error:
        raise AltinnUnavailable(f"Altinn svarte ikke brukbart ({_kind(error)})") from error
    if answer.status == 200:
        try:
            return answer.json()
        except ValueError:
            raise AltinnUnavailable("Altinn svarte ikke brukbart (ugyldig JSON)") from None
    if answer.status < 500:
        logger.error(
            "altinn svarte %s: sjekk Maskinporten-klienten, ALTINN_SUBSCRIPTION_KEY og ressursen", answer.status
        )
        if answer.status == 401:
            cache.delete(TOKEN_CACHE_KEY)
    raise AltinnUnavailable(f"Altinn svarte ikke brukbart (HTTP {answer.status})")


def _kind(error: http.Unavailable) -> str:
    if error.kind in {"read_timeout", "connect_timeout", "deadline"}:
        return "tidsavbrudd"
    return f"tilkobling: {error.kind}"


def altinn_token() -> str:
    """The token for Altinn: ALTINN_TOKEN, or a Maskinporten token exchanged at Altinn (cached)."""
    if settings.ALTINN_TOKEN:
        return settings.ALTINN_TOKEN
    if not maskinporten.er_satt_opp():
        return ""
    token = cache.get(TOKEN_CACHE_KEY)
    if token:
        return token
    try:
        mp_token = maskinporten.access_token(settings.MASKINPORTEN_SCOPE)
        answer = CLIENT.get(EXCHANGE_PATH, headers={"Authorization": f"Bearer {mp_token}"})
    except maskinporten.MaskinportenError as error:
        raise AltinnUnavailable(str(error)) from None
    except http.Unavailable as error:
        raise AltinnUnavailable(f"tokenveksling: {error.kind}") from None
    if answer.status != 200 or not answer.text.strip():
        logger.error("altinn tokenveksling svarte %s", answer.status)
        raise AltinnUnavailable(f"tokenveksling: HTTP {answer.status}")
    token = answer.text.strip().strip('"')
    cache.set(TOKEN_CACHE_KEY, token, settings.ALTINN_TOKEN_TTL)
    return token


def parse_parties(data, resource_id: str) -> list[AltinnVirksomhet]:
    """The organisations the person may act for, for our resource; raises AltinnUnavailable on a wrong shape."""
    if not isinstance(data, list):
        raise AltinnUnavailable("Altinn svarte med noe annet enn en liste")
    found: dict[str, AltinnVirksomhet] = {}
    try:
        for party in data:
            _collect(party, resource_id, found, parent_has_right=False, parent_orgnr="")
    except (AttributeError, TypeError) as error:
        raise AltinnUnavailable(f"Altinn svarte med uventet innhold ({error})") from None
    return sorted(found.values(), key=lambda v: (v.navn.lower(), v.organisasjonsnummer))


def _collect(party: dict, resource_id: str, found: dict, *, parent_has_right: bool, parent_orgnr: str) -> None:
    orgnr = str(party.get("organizationNumber") or "")
    is_org = party.get("type") == "Organization" and len(orgnr) == 9 and orgnr.isdigit()
    own_right = resource_id in (party.get("authorizedResources") or [])
    usable = is_org and not party.get("isDeleted") and not party.get("onlyHierarchyElementWithNoAccess")
    has_right = own_right or parent_has_right
    if usable and has_right and orgnr not in found:
        found[orgnr] = AltinnVirksomhet(
            organisasjonsnummer=orgnr,
            navn=str(party.get("name") or orgnr),
            hovedenhet=parent_orgnr if (parent_has_right and not own_right) else "",
        )
    for sub in party.get("subunits") or []:
        _collect(
            sub,
            resource_id,
            found,
            parent_has_right=is_org and not party.get("isDeleted") and own_right,
            parent_orgnr=orgnr,
        )


def _log(outcome, ms: int, attempt: int) -> None:
    logger.info("altinn authorizedparties %s %d ms forsøk %d", outcome, ms, attempt)
