"""Enhetsregisteret (Brønnøysundregistrene): the only module that talks to it.

    enhet = get_enhet("972 418 013")   # -> Enhet, or raises ValidationError / NotFound / Removed / Unavailable

A number is checked locally first (`brreg.orgnr.validate`), so a mistyped number never reaches the network.
Then `GET {BRREG_BASE_URL}/enheter/{orgnr}`; on 404 `GET {BRREG_BASE_URL}/underenheter/{orgnr}`.

Time is bounded: the whole lookup (every attempt, the backoff between them and the sub-unit fallback) ends
within `BRREG_TOTAL_TIMEOUT` seconds. Each attempt's connect and read timeouts are capped by the time left,
the body is read against the same deadline, and no attempt starts when too little time is left. Connection
errors (refused, dropped, connect timeout) and 5xx answers are retried up to `BRREG_RETRIES` times with
exponential backoff; a read timeout is not (a registry that is slow now is slow for the retry too, and the
user is waiting). One limit remains: resolving the host name (DNS) happens before any timeout applies.

Settings are read at call time, so tests can override them. Besides the BRREG_* settings in
registrering/settings.py, an optional `BRREG_BACKOFF` (seconds, default 0.2) sets the first backoff step; the
test suite makes it small. Every network or parse problem becomes
`Unavailable`, whose `melding` tells the user to type the name and go on.
"""

from __future__ import annotations

import dataclasses
import http.client
import json
import logging
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import requests
import urllib3
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from requests.adapters import HTTPAdapter
from urllib3.util import Timeout

from . import orgnr

logger = logging.getLogger(__name__)
call_logger = logging.getLogger("asa.brreg")

USER_AGENT = "ASA-registrering/1.0 (Helsedirektoratet)"

DEFAULT_CONNECT_TIMEOUT = 2.0
DEFAULT_READ_TIMEOUT = 3.0
DEFAULT_TOTAL_TIMEOUT = 5.0
DEFAULT_RETRIES = 2
BACKOFF_SECONDS = 0.2  # before retry n: BACKOFF_SECONDS * 2**(n-1), with jitter (x 0.5-1.0)
MIN_ATTEMPT_SECONDS = 0.1  # no attempt is started with less time than this left before the deadline
MAX_BODY_BYTES = 1_000_000  # a unit is a few kB
CHUNK_BYTES = 16_384

MELDING_UTILGJENGELIG = _(
    "Vi får ikke kontakt med Enhetsregisteret nå. Du kan skrive navnet selv og fortsette; vi prøver igjen senere."
)

# Error kinds (in the log) that are worth another attempt; a 5xx status is too.
_RETRYABLE_KINDS = frozenset({"refused", "dropped", "connect_timeout", "connection_error"})


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


@dataclass(frozen=True)
class _Config:
    base_url: str
    connect_timeout: float
    read_timeout: float
    total_timeout: float
    retries: int
    backoff: float


class _DeadlineReached(Exception):
    pass


class _BodyTooLarge(Exception):
    pass


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
        session: requests.Session | None = None,
    ):
        self.base_url = base_url
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.total_timeout = total_timeout
        self.retries = retries
        self.backoff = backoff
        self._session = session
        self._local = threading.local()  # one Session per thread unless one was given

    @property
    def session(self) -> requests.Session:
        if self._session is not None:
            return self._session
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = new_session()
        return session

    def get_enhet(self, organisasjonsnummer: str, *, total_timeout: float | None = None) -> Enhet:
        """`total_timeout` shortens the deadline for this call (never lengthens it past the configured one)."""
        number = orgnr.validate(organisasjonsnummer)  # ValidationError before any network
        config = self._config()
        if total_timeout is not None and total_timeout < config.total_timeout:
            config = dataclasses.replace(config, total_timeout=total_timeout)
        started = time.monotonic()
        deadline = started + config.total_timeout
        utfall = "feil"
        try:
            found = self._lookup(config, number, deadline)
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

    def _lookup(self, config: _Config, number: str, deadline: float) -> Enhet:
        for kind, er_underenhet in (("enheter", False), ("underenheter", True)):
            path = f"/{kind}/{number}"
            status, body = self._get(config, path, deadline)
            if status == 404:
                continue
            if status == 410:
                raise Removed(number, _feilmelding(body))
            if status != 200:
                raise Unavailable(detalj=f"{path}: HTTP {status}")
            try:
                return Enhet.from_api(_json(body), organisasjonsnummer=number, er_underenhet=er_underenhet)
            except _UnexpectedShape as error:
                raise Unavailable(detalj=f"{path}: unexpected answer: {error}") from error
        raise NotFound(number)

    def _config(self) -> _Config:
        def pick(value, name, default):
            return value if value is not None else getattr(settings, name, default)

        return _Config(
            base_url=str(pick(self.base_url, "BRREG_BASE_URL", "https://data.brreg.no/enhetsregisteret/api")).rstrip(
                "/"
            ),
            connect_timeout=float(pick(self.connect_timeout, "BRREG_CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT)),
            read_timeout=float(pick(self.read_timeout, "BRREG_READ_TIMEOUT", DEFAULT_READ_TIMEOUT)),
            total_timeout=float(pick(self.total_timeout, "BRREG_TOTAL_TIMEOUT", DEFAULT_TOTAL_TIMEOUT)),
            retries=max(0, int(pick(self.retries, "BRREG_RETRIES", DEFAULT_RETRIES))),
            backoff=max(0.0, float(pick(self.backoff, "BRREG_BACKOFF", BACKOFF_SECONDS))),
        )

    def _get(self, config: _Config, path: str, deadline: float) -> tuple[int, bytes]:
        """GET with retries. Returns (status, body) for any status below 500; raises Unavailable otherwise."""
        attempt = 0
        while True:
            attempt += 1
            if deadline - time.monotonic() < MIN_ATTEMPT_SECONDS:
                raise Unavailable(detalj=f"{path}: no time left for attempt {attempt}")
            started = time.monotonic()
            try:
                status, body = self._attempt(config, path, deadline)
            except Exception as error:  # noqa: BLE001 - narrowed right below
                if not _is_network_error(error):
                    raise
                outcome = _error_kind(error)
                _log(path, outcome, started, attempt)
                retryable = outcome in _RETRYABLE_KINDS
                detalj = f"{path}: {outcome} ({error})"
                cause: Exception | None = error
            else:
                _log(path, status, started, attempt)
                if status < 500:
                    return status, body
                retryable, detalj, cause = True, f"{path}: HTTP {status}", None
            if not retryable or attempt > config.retries:
                raise Unavailable(detalj=detalj) from cause
            delay = config.backoff * 2 ** (attempt - 1) * random.uniform(0.5, 1.0)
            if deadline - time.monotonic() - delay < MIN_ATTEMPT_SECONDS:
                raise Unavailable(detalj=f"{detalj}; no time left to retry") from cause
            time.sleep(delay)

    def _attempt(self, config: _Config, path: str, deadline: float) -> tuple[int, bytes]:
        remaining = deadline - time.monotonic()
        timeout = Timeout(
            connect=min(config.connect_timeout, remaining),
            read=min(config.read_timeout, remaining),
            total=remaining,  # connect time is taken off the read timeout
        )
        with self.session.get(config.base_url + path, timeout=timeout, stream=True, allow_redirects=False) as response:
            return response.status_code, _read_body(response, config.read_timeout, deadline)


def _read_body(response: requests.Response, read_timeout: float, deadline: float) -> bytes:
    """The whole body, but never past the deadline (a registry may send headers and then trickle)."""
    raw = response.raw
    chunks: list[bytes] = []
    size = 0
    while True:
        _cap_socket_timeout(raw, read_timeout, deadline)
        chunk = raw.read1(CHUNK_BYTES, decode_content=True)  # read1: one socket read, then back to us
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _BodyTooLarge(f"more than {MAX_BODY_BYTES} bytes")


def _cap_socket_timeout(raw: urllib3.BaseHTTPResponse, read_timeout: float, deadline: float) -> None:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _DeadlineReached("deadline reached while reading the body")
    sock = _response_socket(raw)
    if sock is not None:
        try:
            sock.settimeout(min(read_timeout, remaining))
        except OSError:
            pass  # the socket is gone: the next read says so


def _response_socket(raw: urllib3.BaseHTTPResponse) -> Any:
    """The socket the body comes from, or None. Without it each read is still bounded by the read timeout."""
    sock = getattr(getattr(raw, "connection", None), "sock", None)  # a kept-alive connection
    if sock is None:  # "Connection: close": http.client handed the socket to the response's file object
        buffered = getattr(getattr(raw, "_fp", None), "fp", None)
        sock = getattr(getattr(buffered, "raw", None), "_sock", None)
    return sock if hasattr(sock, "settimeout") else None


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise _UnexpectedShape(f"not JSON: {error}") from error


def _feilmelding(body: bytes) -> str | None:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    value = data.get("feilmelding") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _is_network_error(error: BaseException) -> bool:
    return isinstance(
        error,
        (
            requests.RequestException,
            urllib3.exceptions.HTTPError,
            http.client.HTTPException,
            OSError,
            _DeadlineReached,
            _BodyTooLarge,
        ),
    )


def _error_kind(error: BaseException) -> str:
    """A short name for the log: refused, dropped, connect_timeout, read_timeout, deadline, ..."""
    if isinstance(error, _DeadlineReached):
        return "deadline"
    if isinstance(error, _BodyTooLarge):
        return "too_large"
    if isinstance(error, requests.ConnectTimeout):
        return "connect_timeout"
    if isinstance(error, requests.exceptions.SSLError):
        return "tls_error"
    causes = list(_causes(error))
    if any(isinstance(e, (requests.ReadTimeout, urllib3.exceptions.ReadTimeoutError, TimeoutError)) for e in causes):
        return "read_timeout"
    if any(isinstance(e, ConnectionRefusedError) for e in causes):
        return "refused"
    dropped = (
        http.client.RemoteDisconnected,
        http.client.IncompleteRead,
        ConnectionResetError,
        BrokenPipeError,
        urllib3.exceptions.ProtocolError,
    )
    if any(isinstance(e, dropped) for e in causes):
        return "dropped"
    if any(isinstance(e, (requests.ConnectionError, urllib3.exceptions.NewConnectionError)) for e in causes):
        return "connection_error"
    return type(error).__name__


def _causes(error: BaseException, depth: int = 0):
    """The error and what it wraps (requests and urllib3 nest them in args, reason, __cause__)."""
    if depth > 8 or error is None:
        return
    yield error
    inner = [getattr(error, "reason", None), error.__cause__, error.__context__]
    inner += [arg for arg in getattr(error, "args", ()) if isinstance(arg, BaseException)]
    seen = set()
    for item in inner:
        if isinstance(item, BaseException) and id(item) not in seen:
            seen.add(id(item))
            yield from _causes(item, depth + 1)


def _log(path: str, outcome: int | str, started: float, attempt: int) -> None:
    ms = round((time.monotonic() - started) * 1000)
    logger.info(
        "GET %s -> %s in %d ms (attempt %d)",
        path,
        outcome,
        ms,
        attempt,
        extra={"brreg_path": path, "brreg_outcome": outcome, "brreg_ms": ms, "brreg_attempt": attempt},
    )


def new_session() -> requests.Session:
    session = requests.Session()
    # identity: bodies are a few kB, and an uncompressed body can be read against the deadline chunk by chunk
    session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "identity"})
    adapter = HTTPAdapter(max_retries=0)  # retries are ours, within the deadline
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


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
