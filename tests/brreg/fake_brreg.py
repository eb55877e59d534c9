"""A fake Enhetsregisteret: a real HTTP server on 127.0.0.1 that answers by organisation number.

    fake = FakeBrreg().start()      # or: with FakeBrreg() as fake: ...; FakeBrreg(protocol="HTTP/1.0")
    fake.url                        # "http://127.0.0.1:PORT", use as BRREG_BASE_URL
    fake.count("/enheter/972418013")
    fake.stop()                     # the port and open connections close: "registry down" (refused)

It speaks HTTP/1.1 with keep-alive like the real registry (or HTTP/1.0, one request per connection).

Bodies are the JSON files in `responses/`, shaped like the real API. Every request is recorded (path,
monotonic time, User-Agent, client port) in `fake.requests`. `fake.set_response(path, status, body)` makes
one path answer something else (for edge cases of a single test). Numbers not listed answer 404 on both paths.

Scenario numbers (all pass the MOD11 check; only Bodø is in brreg/data/kommuner-2024.csv):

| orgnr     | constant                | /enheter/{orgnr}                                   | /underenheter/{orgnr} |
|-----------|-------------------------|----------------------------------------------------|-----------------------|
| 972418013 | KOMMUNE_BODO            | 200 Bodø kommune (KOMM, 1804 BODØ)                 | 404                   |
| 912345009 | BEDRIFTSHELSETJENESTE   | 200 Nordlys Bedriftshelsetjeneste AS (5501 TROMSØ) | 404                   |
| 912345017 | KONKURS                 | 200 konkurs true, konkursdato                      | 404                   |
| 912345025 | UNDER_AVVIKLING         | 200 underAvvikling true                            | 404                   |
| 912345033 | SLETTET                 | 200 minimal body: organisasjonsnummer, slettedato  | 404                   |
| 912345041 | UNDERENHET              | 404                                                | 200 sub-unit (1804)   |
| 912345068 | FJERNET                 | 410 {status, feilmelding}                          | 410                   |
| 123456785 | IKKE_FUNNET             | 404                                                | 404                   |
| 987654007 | ALWAYS_500              | 500, every time                                    | 500                   |
| 987654015 | FLAKY_500_THEN_200      | first request 500, then 200 (an AS)                | 404                   |
| 987654023 | SLOW                    | sleeps `slow_seconds` (30) before answering        | same                  |
| 987654031 | DROPPED                 | reads the request, closes the socket, no answer    | same                  |
| 987654058 | MALFORMED_JSON          | 200 with a truncated JSON body                     | 404                   |
| 987654066 | WRONG_SHAPE             | 200 with a JSON list instead of an object          | 404                   |
| 987654074 | TRICKLE                 | 200 headers, then the body one byte per 0.1 s      | 404                   |

INVALID_CHECKSUM (972418014) fails the MOD11 check: the client must never send it.

`BlackHole` is a port whose connection queue is full, so a connect hangs until the client's connect timeout
(a registry behind a firewall that drops packets). Its behaviour relies on Linux's handling of a full backlog.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

RESPONSES = Path(__file__).resolve().parent / "responses"

KOMMUNE_BODO = "972418013"
BEDRIFTSHELSETJENESTE = "912345009"
KONKURS = "912345017"
UNDER_AVVIKLING = "912345025"
SLETTET = "912345033"
UNDERENHET = "912345041"
FJERNET = "912345068"
IKKE_FUNNET = "123456785"
ALWAYS_500 = "987654007"
FLAKY_500_THEN_200 = "987654015"
SLOW = "987654023"
DROPPED = "987654031"
MALFORMED_JSON = "987654058"
WRONG_SHAPE = "987654066"
TRICKLE = "987654074"

INVALID_CHECKSUM = "972418014"

# Units served as 200 from /enheter/{orgnr} (file in responses/).
ENHETER = {
    KOMMUNE_BODO: "kommune_bodo.json",
    BEDRIFTSHELSETJENESTE: "bedriftshelsetjeneste_as.json",
    KONKURS: "konkurs_as.json",
    UNDER_AVVIKLING: "under_avvikling_as.json",
    SLETTET: "slettet_enhet.json",
}
UNDERENHETER = {UNDERENHET: "underenhet.json"}


def load(name: str) -> Any:
    """A response body from responses/ (a fresh copy each time)."""
    return json.loads((RESPONSES / name).read_text(encoding="utf-8"))


def _flaky_body() -> dict[str, Any]:
    body = load("bedriftshelsetjeneste_as.json")
    body["organisasjonsnummer"] = FLAKY_500_THEN_200
    body["navn"] = "LOFOTEN LEGESENTER AS"
    body["_links"]["self"]["href"] = body["_links"]["self"]["href"].replace(BEDRIFTSHELSETJENESTE, FLAKY_500_THEN_200)
    return body


@dataclass(frozen=True)
class RecordedRequest:
    path: str
    time: float  # time.monotonic()
    user_agent: str | None
    client_port: int  # the same port for requests over one kept-alive connection


class FakeBrreg:
    def __init__(self, *, slow_seconds: float = 30.0, trickle_interval: float = 0.1, protocol: str = "HTTP/1.1"):
        self.protocol = protocol
        self.slow_seconds = slow_seconds
        self.trickle_interval = trickle_interval
        self._requests: list[RecordedRequest] = []
        self._overrides: dict[str, tuple[int, Any]] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._bodies = {orgnr: load(name) for orgnr, name in ENHETER.items()}
        self._bodies[FLAKY_500_THEN_200] = _flaky_body()
        self._sub_bodies = {orgnr: load(name) for orgnr, name in UNDERENHETER.items()}
        self._gone_body = load("fjernet_410.json")
        self.url = ""

    # --- lifecycle

    def start(self) -> FakeBrreg:
        handler = type("Handler", (_Handler,), {"protocol_version": self.protocol})
        server = _Server(("127.0.0.1", 0), handler)
        server.fake = self
        self._server = server
        self._stopping.clear()
        host, port = server.server_address[:2]
        self.url = f"http://{host}:{port}"
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-brreg", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering and close the port: later requests get "connection refused"."""
        self._stopping.set()  # wakes sleeping and trickling handlers
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server.close_connections()  # kept-alive connections too: nothing answers any more
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._server is not None

    def __enter__(self) -> FakeBrreg:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # --- what was asked

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def count(self, path: str | None = None) -> int:
        return len([r for r in self.requests if path is None or r.path == path])

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()

    def set_response(self, path: str, status: int, body: Any) -> None:
        """Make `path` answer `status` with `body` (JSON-encoded unless bytes)."""
        self._overrides[path] = (status, body)

    # --- answering (called from handler threads)

    def _record(self, path: str, user_agent: str | None, client_port: int) -> int:
        with self._lock:
            self._requests.append(RecordedRequest(path, time.monotonic(), user_agent, client_port))
            return sum(1 for r in self._requests if r.path == path)

    def _handle(self, handler: _Handler) -> None:
        path = handler.path.split("?", 1)[0].rstrip("/")
        nth = self._record(path, handler.headers.get("User-Agent"), handler.client_address[1])
        if path in self._overrides:
            status, body = self._overrides[path]
            return handler.send(status, body)
        parts = path.strip("/").split("/")
        if len(parts) != 2 or parts[0] not in {"enheter", "underenheter"}:
            return handler.send(404, {"status": 404, "feilmelding": "Ukjent adresse"})
        kind, orgnr = parts

        if orgnr == SLOW:
            if self._stopping.wait(self.slow_seconds):
                return handler.drop()
            return handler.send(200, self._bodies[BEDRIFTSHELSETJENESTE] | {"organisasjonsnummer": SLOW})
        if orgnr == DROPPED:
            return handler.drop()
        if orgnr == ALWAYS_500:
            return handler.send(500, {"status": 500, "error": "Internal Server Error"})
        if orgnr == FJERNET:
            return handler.send(410, self._gone_body)

        if kind == "underenheter":
            if orgnr in self._sub_bodies:
                return handler.send(200, self._sub_bodies[orgnr])
            return handler.send(404, b"")

        if orgnr == FLAKY_500_THEN_200 and nth == 1:
            return handler.send(500, {"status": 500, "error": "Internal Server Error"})
        if orgnr == MALFORMED_JSON:
            return handler.send(200, b'{"organisasjonsnummer": "987654058", "navn": "HALVFERDIG')
        if orgnr == WRONG_SHAPE:
            return handler.send(200, [{"organisasjonsnummer": WRONG_SHAPE, "navn": "LISTE AS"}])
        if orgnr == TRICKLE:
            return handler.trickle(self._encode(self._bodies[BEDRIFTSHELSETJENESTE] | {"organisasjonsnummer": TRICKLE}))
        if orgnr in self._bodies:
            return handler.send(200, self._bodies[orgnr])
        return handler.send(404, b"")

    @staticmethod
    def _encode(body: Any) -> bytes:
        return body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")


class BlackHole:
    """A listening port that never completes a connection: connects to it time out."""

    def __init__(self):
        self._listener: socket.socket | None = None
        self._fillers: list[socket.socket] = []
        self.url = ""

    def start(self) -> BlackHole:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)  # never accepted: the queue fills and later SYNs are dropped
        self._listener = listener
        port = listener.getsockname()[1]
        for _ in range(3):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            self._fillers.append(filler)
        time.sleep(0.05)  # let the handshakes of the fillers settle
        self.url = f"http://127.0.0.1:{port}"
        return self

    def stop(self) -> None:
        for sock in [*self._fillers, self._listener]:
            if sock is not None:
                sock.close()
        self._fillers, self._listener = [], None

    def __enter__(self) -> BlackHole:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeBrreg

    def __init__(self, *args, **kwargs):
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for sock in connections:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a handler waiting for the next request
            except OSError:
                pass

    def handle_error(self, request, client_address) -> None:
        pass  # clients that hang up (timeouts in the tests) are expected


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.server.fake._handle(self)

    def send(self, status: int, body: Any) -> None:
        data = FakeBrreg._encode(body)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass

    def drop(self) -> None:
        """Close the connection without a status line."""
        self.close_connection = True

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:
            pass  # the fake stopped, or the client hung up

    def trickle(self, data: bytes) -> None:
        fake = self.server.fake
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json;charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.flush()
            for i in range(len(data)):
                if fake._stopping.wait(fake.trickle_interval):
                    return
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
        except OSError:
            pass

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass
