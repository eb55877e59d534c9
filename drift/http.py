"""One HTTP client for the services we call (Enhetsregisteret, Altinn, Maskinporten): a deadline per call,
retries where they are safe, one exception.

    client = Client(lambda: settings.BRREG_BASE_URL, timeouts=lambda: Timeouts.from_settings("BRREG"))
    answer = client.request("GET", "/enheter/972418013")   # -> Answer(status, headers, body), or raises Unavailable

- **Deadline.** Every call ends within `Timeouts.total` seconds (or the `deadline`/`total` the caller gives, which
  can only shorten it): every attempt, the backoff between them and the reading of the body. Each attempt's
  connect and read timeouts are capped by the time left, the body is read chunk by chunk against the deadline, and
  no attempt starts with less than MIN_ATTEMPT_SECONDS left. One limit remains: resolving the host name (DNS)
  happens before any timeout applies.
- **Retries** (`Timeouts.retries`, exponential backoff from `Timeouts.backoff` with jitter, within the deadline):
  a connection that could not be opened (refused, connect timeout) is always tried again, since nothing was sent;
  a dropped connection, a read timeout (if `Policy.retry_read_timeout`) and the statuses in
  `Policy.retry_statuses` (502, 503, 504) only for an idempotent request (GET, HEAD, OPTIONS, PUT, DELETE, or
  `idempotent=True` for a POST that only reads). A `Retry-After` is respected when it fits in the deadline; when
  it does not, the answer is returned as it is.
- **Answers.** Every HTTP answer the client does not retry (or whose retries ran out) is returned; redirects are not
  followed. `Unavailable` (with `kind`: refused, connect_timeout, read_timeout, dropped, deadline, too_large, ...)
  is raised only when there is no answer. Callers wrap it in their own exception (`brreg.client.Unavailable`,
  `tilgang.altinn.AltinnUnavailable`), whose message is meant for their users.
- **Sessions.** One `requests.Session` per base URL and thread, its connections kept alive between calls (unless
  `Policy.keep_alive` is off); no retries of its own (`max_retries=0`); the environment's proxy settings apply.

The sessions, the reading against the deadline and the naming of errors are in drift/http_transport.py. Each
attempt is reported to `on_attempt` (the caller logs it in its own words). Timeouts and base URL may be given as
callables, read at each call, so settings changed in tests apply at once.
"""

from __future__ import annotations

import email.utils
import json
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from urllib3.util import Timeout

from .http_transport import USER_AGENT, error_kind, is_network_error, read_body, session

MIN_ATTEMPT_SECONDS = 0.1  # no attempt is started with less time than this left before the deadline
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

# kinds of failure where the request certainly never reached the server: safe to send again, whatever the method
NOT_SENT = frozenset({"refused", "connect_timeout"})


# --- Settings and errors --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeouts:
    """Seconds (and a count) for one service: `{PREFIX}_CONNECT_TIMEOUT`, `_READ_TIMEOUT`, `_TOTAL_TIMEOUT`,
    `_RETRIES`, `_BACKOFF` in the settings."""

    connect: float = 2.0
    read: float = 3.0
    total: float = 5.0
    retries: int = 2
    backoff: float = 0.2  # before retry n: backoff * 2**(n-1), with jitter (x 0.5-1.0)

    @classmethod
    def from_settings(cls, prefix: str, **overrides: float | int | None) -> Timeouts:
        """The settings named `{prefix}_…`, then the defaults above; an override that is not None wins."""
        values: dict[str, Any] = {}
        for name, setting, kind in (
            ("connect", "CONNECT_TIMEOUT", float),
            ("read", "READ_TIMEOUT", float),
            ("total", "TOTAL_TIMEOUT", float),
            ("retries", "RETRIES", int),
            ("backoff", "BACKOFF", float),
        ):
            value = overrides.get(name)
            if value is None:
                value = getattr(settings, f"{prefix}_{setting}", getattr(cls, name))
            values[name] = max(kind(0), kind(value))
        return cls(**values)


@dataclass(frozen=True)
class Policy:
    """What a service's answers mean for retrying, and how large a body may be."""

    retry_statuses: frozenset[int] = frozenset({502, 503, 504})
    retry_read_timeout: bool = False  # a service that is slow now is usually slow for the retry too
    max_body: int = 1_000_000
    # False for a service asked seldom (minutes apart): a fresh connection each time instead of an idle one that
    # the other end (or a firewall between) may have dropped
    keep_alive: bool = True


class Unavailable(Exception):
    """No answer within the deadline: `kind` says why (for logs and metrics), `detalj` in more words."""

    def __init__(self, detalj: str, *, kind: str):
        super().__init__(detalj)
        self.detalj = detalj
        self.kind = kind


class DeadlineExceeded(Unavailable):
    """The call's deadline came before an answer did."""

    def __init__(self, detalj: str):
        super().__init__(detalj, kind="deadline")


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Mapping[str, str] = field(repr=False)
    body: bytes = field(repr=False)

    def json(self) -> Any:
        """The body as JSON; ValueError when it is not."""
        try:
            return json.loads(self.body)
        except RecursionError as error:
            raise ValueError("JSON nested too deeply") from error

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Attempt:
    """One attempt, as reported to `on_attempt`: `outcome` is the status or the kind of failure."""

    method: str
    path: str
    outcome: int | str
    ms: int
    number: int


# --- The client -----------------------------------------------------------------------------------------


@dataclass
class _Call:
    method: str
    path: str
    url: str
    deadline: float
    idempotent: bool
    timeouts: Timeouts
    kwargs: dict[str, Any]


class Client:
    """One service. `base_url` and `timeouts` may be callables, read at each call."""

    def __init__(
        self,
        base_url: str | Callable[[], str],
        *,
        timeouts: Timeouts | Callable[[], Timeouts] = Timeouts(),
        policy: Policy = Policy(),
        headers: Mapping[str, str] | None = None,
        on_attempt: Callable[[Attempt], None] | None = None,
    ):
        self._base_url = base_url
        self._timeouts = timeouts
        self.policy = policy
        self.headers = {"User-Agent": USER_AGENT, **(headers or {})}
        if not policy.keep_alive:
            self.headers["Connection"] = "close"
        self.on_attempt = on_attempt

    @property
    def base_url(self) -> str:
        return str(self._base_url() if callable(self._base_url) else self._base_url).rstrip("/")

    @property
    def timeouts(self) -> Timeouts:
        return self._timeouts() if callable(self._timeouts) else self._timeouts

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        data: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        total: float | None = None,
        deadline: float | None = None,
    ) -> Answer:
        """Send `method` to base URL + `path` (a full URL when `path` starts with http). `total` shortens this call's
        time; `deadline` (time.monotonic()) ends it at a moment shared with other calls. Raises Unavailable."""
        timeouts = self.timeouts
        ends = time.monotonic() + min(timeouts.total, total if total is not None else timeouts.total)
        method = method.upper()
        call = _Call(
            method=method,
            path=path,
            url=path if path.startswith(("http://", "https://")) else self.base_url + path,
            deadline=min(ends, deadline) if deadline is not None else ends,
            idempotent=method in IDEMPOTENT_METHODS if idempotent is None else idempotent,
            timeouts=timeouts,
            kwargs={"params": params, "json": json, "data": data, "headers": {**self.headers, **(headers or {})}},
        )
        return self._with_retries(call)

    def get(self, path: str, **kwargs: Any) -> Answer:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Answer:
        return self.request("POST", path, **kwargs)

    def _with_retries(self, call: _Call) -> Answer:
        number = 0
        while True:
            number += 1
            if call.deadline - time.monotonic() < MIN_ATTEMPT_SECONDS:
                raise DeadlineExceeded(f"{call.path}: no time left for attempt {number}")
            answer, failure = self._attempt(call, number)
            wait = self._wait_before_retry(call, number, answer, failure)
            if wait is None:
                if answer is not None:
                    return answer
                assert failure is not None
                raise failure
            time.sleep(wait)

    def _wait_before_retry(
        self, call: _Call, number: int, answer: Answer | None, failure: Unavailable | None
    ) -> float | None:
        """Seconds to wait before the next attempt, or None when there is none. Raises when a failure has no time
        left for a retry."""
        if answer is not None:
            if not (call.idempotent and answer.status in self.policy.retry_statuses):
                return None
            retryable, detalj = True, f"{call.path}: HTTP {answer.status}"
        else:
            assert failure is not None
            retryable, detalj = self._retryable(call, failure.kind), failure.detalj
        if not retryable or number > call.timeouts.retries:
            return None
        wait = call.timeouts.backoff * 2 ** (number - 1) * random.uniform(0.5, 1.0)
        if answer is not None:
            wait = max(wait, _retry_after(answer.headers.get("Retry-After")) or 0.0)
        if call.deadline - time.monotonic() - wait < MIN_ATTEMPT_SECONDS:
            if failure is not None:
                raise Unavailable(f"{detalj}; no time left to retry", kind=failure.kind) from failure
            return None
        return wait

    def _retryable(self, call: _Call, kind: str) -> bool:
        if kind in NOT_SENT:
            return True
        if not call.idempotent:
            return False
        return kind in {"dropped", "connection_error"} or (kind == "read_timeout" and self.policy.retry_read_timeout)

    def _attempt(self, call: _Call, number: int) -> tuple[Answer | None, Unavailable | None]:
        started = time.monotonic()
        try:
            answer = self._send(call)
        except Exception as error:  # noqa: BLE001 - narrowed right below
            if not is_network_error(error):
                raise
            kind = error_kind(error)
            if kind == "read_timeout" and time.monotonic() >= call.deadline - 0.01:
                kind = "deadline"  # the socket's timeout was cut to the time left
            self._report(call, kind, started, number)
            detalj = f"{call.path}: {kind} ({error})"
            failure = DeadlineExceeded(detalj) if kind == "deadline" else Unavailable(detalj, kind=kind)
            failure.__cause__ = error
            return None, failure
        self._report(call, answer.status, started, number)
        return answer, None

    def _send(self, call: _Call) -> Answer:
        remaining = call.deadline - time.monotonic()
        timeout = Timeout(
            connect=min(call.timeouts.connect, remaining),
            read=min(call.timeouts.read, remaining),
            total=remaining,  # connect time is taken off the read timeout
        )
        with session(self.base_url).request(  # requests passes a urllib3 Timeout on as it is (its stubs say float)
            call.method, call.url, timeout=cast(Any, timeout), stream=True, allow_redirects=False, **call.kwargs
        ) as response:
            body = read_body(response, call.timeouts.read, call.deadline, self.policy.max_body)
            return Answer(response.status_code, response.headers, body)

    def _report(self, call: _Call, outcome: int | str, started: float, number: int) -> None:
        if self.on_attempt is not None:
            ms = round((time.monotonic() - started) * 1000)
            self.on_attempt(Attempt(call.method, call.path, outcome, ms, number))


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds to wait: a number of seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
