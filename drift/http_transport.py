"""The transport under drift/http.py: kept-alive sessions per base URL, a body read against the deadline, and a
short name for what went wrong. No private attributes of requests or urllib3: the connection keeps its own socket.
"""

from __future__ import annotations

import http.client
import threading
import time
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

USER_AGENT = "ASA-registrering/1.0 (Helsedirektoratet)"
CHUNK_BYTES = 16_384


class DeadlineReached(Exception):
    """The deadline came while the body was being read."""


class BodyTooLarge(Exception):
    pass


# --- Reading against the deadline -----------------------------------------------------------------------


def read_body(response: requests.Response, read_timeout: float, deadline: float, max_body: int) -> bytes:
    """The whole body, but never past the deadline (a service may send headers and then trickle)."""
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
        if size > max_body:
            raise BodyTooLarge(f"more than {max_body} bytes")


def _cap_socket_timeout(raw: urllib3.BaseHTTPResponse, read_timeout: float, deadline: float) -> None:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise DeadlineReached("deadline reached while reading the body")
    sock = getattr(raw.connection, "deadline_socket", None)
    if sock is not None:
        try:
            sock.settimeout(min(read_timeout, remaining))
        except OSError:
            pass  # the socket is gone: the next read says so


class _KeepsItsSocket:
    """A connection that keeps the socket it opened in `deadline_socket`: http.client lets go of `sock` when the
    server closes the connection after the answer ("Connection: close", HTTP/1.0), but the body is still read from
    that socket, and its timeout must follow the deadline."""

    deadline_socket: Any = None

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.deadline_socket = self.sock  # type: ignore[attr-defined]


class _Connection(_KeepsItsSocket, urllib3.connection.HTTPConnection):
    pass


class _HTTPSConnection(_KeepsItsSocket, urllib3.connection.HTTPSConnection):
    pass


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _Adapter(HTTPAdapter):
    """No retries of its own (ours are within the deadline); connections that keep their socket."""

    def __init__(self) -> None:
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _HTTPSPool}

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(*args, **kwargs)
        manager.pool_classes_by_scheme = {"http": _Pool, "https": _HTTPSPool}
        return manager


_local = threading.local()


def session(base_url: str) -> requests.Session:
    """The kept-alive session for this base URL in this thread."""
    sessions: dict[str, requests.Session] = _local.__dict__.setdefault("sessions", {})
    found = sessions.get(base_url)
    if found is None:
        found = sessions[base_url] = new_session()
    return found


def new_session() -> requests.Session:
    result = requests.Session()
    # identity: the bodies are small, and an uncompressed body can be read against the deadline chunk by chunk
    result.headers.update({"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    adapter = _Adapter()
    result.mount("https://", adapter)
    result.mount("http://", adapter)
    return result


# --- What went wrong ------------------------------------------------------------------------------------


def is_network_error(error: BaseException) -> bool:
    return isinstance(
        error,
        (
            requests.RequestException,
            urllib3.exceptions.HTTPError,
            http.client.HTTPException,
            OSError,
            DeadlineReached,
            BodyTooLarge,
        ),
    )


_DROPPED = (
    http.client.RemoteDisconnected,
    http.client.IncompleteRead,
    ConnectionResetError,
    BrokenPipeError,
    urllib3.exceptions.ProtocolError,
)


def error_kind(error: BaseException) -> str:
    """A short name for the log: refused, dropped, connect_timeout, read_timeout, deadline, ..."""
    if isinstance(error, DeadlineReached):
        return "deadline"
    if isinstance(error, BodyTooLarge):
        return "too_large"
    if isinstance(error, requests.ConnectTimeout):
        return "connect_timeout"
    if isinstance(error, requests.exceptions.SSLError):
        return "tls_error"
    causes = list(_causes(error))
    for kinds, name in (
        ((requests.ReadTimeout, urllib3.exceptions.ReadTimeoutError, TimeoutError), "read_timeout"),
        ((ConnectionRefusedError,), "refused"),
        (_DROPPED, "dropped"),
        ((requests.ConnectionError, urllib3.exceptions.NewConnectionError), "connection_error"),
    ):
        if any(isinstance(e, kinds) for e in causes):
            return name
    return type(error).__name__


def _causes(error: BaseException | None, depth: int = 0):
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
