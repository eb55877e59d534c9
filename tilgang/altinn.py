"""Altinn 3 (Access Management): the only module that talks to Altinn.

    parties = authorized_organisations(pid)   # -> list[AltinnVirksomhet], or raises AltinnUnavailable

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

Connection errors, timeouts and 5xx answers are retried `ALTINN_RETRIES` times with a short backoff; the
whole call ends within `ALTINN_TOTAL_TIMEOUT`. Everything that is not a usable answer becomes
`AltinnUnavailable` (4xx answers, which mean our set-up is wrong, are logged as errors). Settings are read at
call time so tests can point the client at a fake server.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache

from . import maskinporten

logger = logging.getLogger(__name__)

PATH = "/accessmanagement/api/v1/resourceowner/authorizedparties"
EXCHANGE_PATH = "/authentication/api/v1/exchange/maskinporten"
TOKEN_CACHE_KEY = "altinn:token"
USER_AGENT = "ASA-registrering/1.0 (Helsedirektoratet)"


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


def authorized_organisations(pid: str) -> list[AltinnVirksomhet]:
    if not er_satt_opp():
        raise AltinnNotConfigured("Altinn er ikke satt opp (ALTINN_BASE_URL)")
    return parse_parties(_post_authorized_parties(pid), settings.ALTINN_RESOURCE_ID)


def _post_authorized_parties(pid: str):
    url = settings.ALTINN_BASE_URL.rstrip("/") + PATH
    headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
    token = altinn_token()
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if settings.ALTINN_SUBSCRIPTION_KEY:
        headers["Ocp-Apim-Subscription-Key"] = settings.ALTINN_SUBSCRIPTION_KEY
    body = {"type": "urn:altinn:person:identifier-no", "value": pid}
    deadline = time.monotonic() + settings.ALTINN_TOTAL_TIMEOUT
    attempts = 1 + max(0, settings.ALTINN_RETRIES)
    last_error = "ukjent"
    for attempt in range(1, attempts + 1):
        left = deadline - time.monotonic()
        if left <= 0.05:
            break
        started = time.monotonic()
        try:
            response = requests.post(
                url,
                params={"includeAltinn2": "true"},
                json=body,
                headers=headers,
                timeout=(min(settings.ALTINN_CONNECT_TIMEOUT, left), min(settings.ALTINN_READ_TIMEOUT, left)),
            )
        except requests.ConnectionError as error:
            last_error = f"tilkobling: {type(error).__name__}"
            retry = True
        except requests.Timeout:
            last_error = "tidsavbrudd"
            retry = True
        except requests.RequestException as error:
            last_error = f"feil: {type(error).__name__}"
            retry = False
        else:
            _log(response.status_code, started, attempt)
            if response.status_code == 200:
                try:
                    return response.json()
                except ValueError:
                    last_error = "ugyldig JSON"
                    retry = False
            elif response.status_code >= 500:
                last_error = f"HTTP {response.status_code}"
                retry = True
            else:
                logger.error(
                    "altinn svarte %s: sjekk Maskinporten-klienten, ALTINN_SUBSCRIPTION_KEY og ressursen",
                    response.status_code,
                )
                if response.status_code == 401:
                    cache.delete(TOKEN_CACHE_KEY)
                last_error = f"HTTP {response.status_code}"
                retry = False
        if not retry:
            break
        _log(last_error, started, attempt)
        if attempt < attempts:
            time.sleep(min(settings.ALTINN_BACKOFF * 2 ** (attempt - 1), max(0.0, deadline - time.monotonic())))
    raise AltinnUnavailable(f"Altinn svarte ikke brukbart ({last_error})")


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
        response = requests.get(
            settings.ALTINN_BASE_URL.rstrip("/") + EXCHANGE_PATH,
            headers={"Authorization": f"Bearer {mp_token}", "User-Agent": USER_AGENT},
            timeout=(settings.ALTINN_CONNECT_TIMEOUT, settings.ALTINN_READ_TIMEOUT),
        )
    except maskinporten.MaskinportenError as error:
        raise AltinnUnavailable(str(error)) from None
    except requests.RequestException as error:
        raise AltinnUnavailable(f"tokenveksling: {type(error).__name__}") from None
    if response.status_code != 200 or not response.text.strip():
        logger.error("altinn tokenveksling svarte %s", response.status_code)
        raise AltinnUnavailable(f"tokenveksling: HTTP {response.status_code}")
    token = response.text.strip().strip('"')
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


def _log(outcome, started: float, attempt: int) -> None:
    logger.info("altinn authorizedparties %s %.0f ms forsøk %d", outcome, (time.monotonic() - started) * 1000, attempt)
