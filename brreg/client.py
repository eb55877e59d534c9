"""Enhetsregisteret (Brønnøysundregistrene): the only module that talks to it.

    enhet = get_enhet("972 418 013")   # -> Enhet, or raises ValidationError / NotFound / Removed / Unavailable

A number is checked locally first (`brreg.orgnr.validate`), so a mistyped number never reaches the network.
Then `GET {BRREG_BASE_URL}/enheter/{orgnr}`; on 404 `GET {BRREG_BASE_URL}/underenheter/{orgnr}`.

Time is bounded by the shared HTTP client (drift/http.py): the whole lookup (every attempt, the backoff between
them and the sub-unit fallback) ends within `BRREG_TOTAL_TIMEOUT` seconds, the body read included. Connection
errors (refused, dropped, connect timeout) and 5xx answers are retried up to `BRREG_RETRIES` times with
exponential backoff (from `BRREG_BACKOFF`, default 0.2 s; the test suite makes it small); a read timeout is not
(a registry that is slow now is slow for the retry too, and the user is waiting).

Settings are read at call time, so tests can override them. Every network or parse problem becomes
`Unavailable`, whose `melding` tells the user to type the name and go on.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from drift import http

from . import orgnr

logger = logging.getLogger(__name__)
call_logger = logging.getLogger("asa.brreg")

DEFAULT_BASE_URL = "https://data.brreg.no/enhetsregisteret/api"
HEADERS = {"Accept": "application/json"}
MAX_BODY_BYTES = 1_000_000  # a unit is a few kB

MELDING_UTILGJENGELIG = _(
    "Vi får ikke kontakt med Enhetsregisteret nå. Du kan skrive navnet selv og fortsette; vi prøver igjen senere."
)

# --- Errors ---------------------------------------------------------------------------------------------


class BrregError(Exception):
    """A lookup that gave no unit. `melding` is Norwegian and may be shown to the user."""

    default_melding = MELDING_UTILGJENGELIG

    def __init__(self, melding: str | None = None, *, organisasjonsnummer: str = "", detalj: str = ""):
        self.melding = melding or str(self.default_melding)  # in the language of the request that raised it
        self.organisasjonsnummer = organisasjonsnummer
        self.detalj = detalj  # technical detail for logs, never shown to users
        super().__init__(self.melding)


class NotFound(BrregError):
    """404 from both /enheter and /underenheter."""

    def __init__(self, organisasjonsnummer: str):
        super().__init__(
            gettext("Organisasjonsnummeret %(orgnr)s finnes ikke i Enhetsregisteret.")
            % {"orgnr": orgnr.format_orgnr(organisasjonsnummer)},
            organisasjonsnummer=organisasjonsnummer,
        )


class Removed(BrregError):
    """410: removed from the open data for legal reasons. `feilmelding` is the registry's own text, if any."""

    def __init__(self, organisasjonsnummer: str, feilmelding: str | None = None):
        super().__init__(
            gettext("Organisasjonsnummeret %(orgnr)s er fjernet fra Enhetsregisteret.")
            % {"orgnr": orgnr.format_orgnr(organisasjonsnummer)},
            organisasjonsnummer=organisasjonsnummer,
        )
        self.feilmelding = feilmelding


class Unavailable(BrregError):
    """No usable answer: 5xx after retries, timeout, no connection, or a body we cannot read."""


# --- The unit -------------------------------------------------------------------------------------------


class _UnexpectedShape(ValueError):
    """The body is not a unit as we know it."""


@dataclass(frozen=True)
class Enhet:
    """A unit (or sub-unit) as Enhetsregisteret describes it."""

    organisasjonsnummer: str
    navn: str  # "" for a deleted unit whose minimal body has no name
    organisasjonsform: str | None  # kode: "KOMM", "AS", "ORGL", ...
    organisasjonsform_beskrivelse: str | None
    kommunenummer: str | None  # from forretningsadresse (beliggenhetsadresse for a sub-unit)
    kommune: str | None
    konkurs: bool
    under_avvikling: bool  # underAvvikling or underTvangsavviklingEllerTvangsopplosning
    slettedato: date | None
    er_underenhet: bool
    data: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def er_kommune(self) -> bool:
        return self.organisasjonsform == "KOMM"

    @property
    def slettet(self) -> bool:
        return self.slettedato is not None

    @classmethod
    def from_api(cls, data: Any, *, organisasjonsnummer: str, er_underenhet: bool) -> Enhet:
        """Parse a 200 body; raises _UnexpectedShape if it is not a unit with this number."""
        if not isinstance(data, dict):
            raise _UnexpectedShape(f"expected a JSON object, got {type(data).__name__}")
        slettedato = _date(data, "slettedato")
        number = _text(data, "organisasjonsnummer")
        if number is None:
            if slettedato is None:
                raise _UnexpectedShape("no organisasjonsnummer")
            number = organisasjonsnummer  # a deleted unit's minimal body
        elif orgnr.normalize(number) != organisasjonsnummer:
            raise _UnexpectedShape(f"asked for {organisasjonsnummer}, got {number}")
        navn = _text(data, "navn")
        if navn is None and slettedato is None:
            raise _UnexpectedShape("no navn")
        form = _object(data, "organisasjonsform")
        adresse = _object(data, "beliggenhetsadresse" if er_underenhet else "forretningsadresse")
        return cls(
            organisasjonsnummer=organisasjonsnummer,
            navn=navn or "",
            organisasjonsform=_text(form, "kode"),
            organisasjonsform_beskrivelse=_text(form, "beskrivelse"),
            kommunenummer=_text(adresse, "kommunenummer"),
            kommune=_text(adresse, "kommune"),
            konkurs=_bool(data, "konkurs"),
            under_avvikling=_bool(data, "underAvvikling") or _bool(data, "underTvangsavviklingEllerTvangsopplosning"),
            slettedato=slettedato,
            er_underenhet=er_underenhet,
            data=data,
        )


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _UnexpectedShape(f"{key} is {type(value).__name__}, not a string")
    return value.strip() or None


def _bool(data: dict[str, Any], key: str) -> bool:
    value = data.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _UnexpectedShape(f"{key} is {type(value).__name__}, not a boolean")
    return value


def _date(data: dict[str, Any], key: str) -> date | None:
    value = _text(data, key)  # the API may send "" for "no date"
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise _UnexpectedShape(f"{key} is not a date: {value!r}") from error


def _object(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _UnexpectedShape(f"{key} is {type(value).__name__}, not an object")
    return value


# --- The client -----------------------------------------------------------------------------------------

# Enhetsregisteret's 500s pass as its 502-504s do (seen in the test environment): every 5xx is tried again.
POLICY = http.Policy(retry_statuses=frozenset(range(500, 600)), max_body=MAX_BODY_BYTES)


class BrregClient:
    """Looks units up in Enhetsregisteret. Arguments left as None are read from settings at each call."""

    def __init__(
        self,
        *,
        base_url: str | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        total_timeout: float | None = None,
        retries: int | None = None,
        backoff: float | None = None,
    ):
        self.base_url = base_url
        self.overrides = {
            "connect": connect_timeout,
            "read": read_timeout,
            "total": total_timeout,
            "retries": retries,
            "backoff": backoff,
        }
        self.http = http.Client(
            self._base_url, timeouts=self._timeouts, policy=POLICY, headers=HEADERS, on_attempt=_log
        )

    def _base_url(self) -> str:
        return self.base_url or str(getattr(settings, "BRREG_BASE_URL", DEFAULT_BASE_URL))

    def _timeouts(self) -> http.Timeouts:
        return http.Timeouts.from_settings("BRREG", **self.overrides)

    def get_enhet(self, organisasjonsnummer: str, *, total_timeout: float | None = None) -> Enhet:
        """`total_timeout` shortens the deadline for this call (never lengthens it past the configured one)."""
        number = orgnr.validate(organisasjonsnummer)  # ValidationError before any network
        started = time.monotonic()
        deadline = started + min(self._timeouts().total, total_timeout if total_timeout is not None else math.inf)
        utfall = "feil"
        try:
            found = self._lookup(number, deadline)
            utfall = "funnet"
            return found
        except NotFound:
            utfall = "ikke_funnet"
            raise
        except Removed:
            utfall = "fjernet"
            raise
        except Unavailable as error:
            error.organisasjonsnummer = number
            utfall = "utilgjengelig"
            logger.warning("Enhetsregisteret unavailable for %s: %s", number, error.detalj)
            raise
        finally:  # one structured line per registry call (see docs/drift.md)
            call_logger.info(
                "brreg_oppslag",
                extra={
                    "organisasjonsnummer": number,
                    "utfall": utfall,
                    "ms": round((time.monotonic() - started) * 1000),
                },
            )

    def _lookup(self, number: str, deadline: float) -> Enhet:
        for kind, er_underenhet in (("enheter", False), ("underenheter", True)):
            path = f"/{kind}/{number}"
            try:
                answer = self.http.get(path, deadline=deadline)
            except http.Unavailable as error:
                raise Unavailable(detalj=error.detalj) from error
            if answer.status == 404:
                continue
            if answer.status == 410:
                raise Removed(number, _feilmelding(answer))
            if answer.status != 200:
                raise Unavailable(detalj=f"{path}: HTTP {answer.status}")
            try:
                return Enhet.from_api(_json(answer), organisasjonsnummer=number, er_underenhet=er_underenhet)
            except _UnexpectedShape as error:
                raise Unavailable(detalj=f"{path}: unexpected answer: {error}") from error
        raise NotFound(number)


def _json(answer: http.Answer) -> Any:
    try:
        return answer.json()
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise _UnexpectedShape(f"not JSON: {error}") from error


def _feilmelding(answer: http.Answer) -> str | None:
    try:
        data = answer.json()
    except ValueError:
        return None
    value = data.get("feilmelding") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _log(attempt: http.Attempt) -> None:
    logger.info(
        "GET %s -> %s in %d ms (attempt %d)",
        attempt.path,
        attempt.outcome,
        attempt.ms,
        attempt.number,
        extra={
            "brreg_path": attempt.path,
            "brreg_outcome": attempt.outcome,
            "brreg_ms": attempt.ms,
            "brreg_attempt": attempt.number,
        },
    )


# --- Module-level use -----------------------------------------------------------------------------------

_default_client: BrregClient | None = None
_default_client_lock = threading.Lock()


def default_client() -> BrregClient:
    """The shared client, created on first use; it reads settings at each call."""
    global _default_client
    if _default_client is None:
        with _default_client_lock:
            if _default_client is None:
                _default_client = BrregClient()
    return _default_client


def get_enhet(organisasjonsnummer: str, *, total_timeout: float | None = None) -> Enhet:
    """The unit or sub-unit with this number. Raises ValidationError, NotFound, Removed or Unavailable."""
    return default_client().get_enhet(organisasjonsnummer, total_timeout=total_timeout)
