"""The shared HTTP client (drift/http.py) against a small scripted HTTP server on 127.0.0.1: real sockets, no mocks.
Brreg's and Altinn's own behaviour through it is tested against their fakes (tests/brreg, tests/tilgang)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from drift import http

MARGIN = 0.3  # seconds of slack on timing assertions
FAST = http.Timeouts(connect=0.5, read=0.5, total=2.0, retries=2, backoff=0.02)


@dataclass
class Step:
    status: int = 200
    body: bytes = b'{"ok": true}'
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the status line
    trickle: float = 0.0  # seconds between the body's bytes


class Scripted:
    """Answers each path with its steps in turn (the last one repeats); records (method, path, monotonic time)."""

    def __init__(self, protocol: str = "HTTP/1.1"):
        self.steps: dict[str, list[Step]] = {}
        self.seen: list[tuple[str, str, float]] = []
        self.headers: list[dict[str, str]] = []  # of each request, in order
        scripted = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = protocol

            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                scripted.seen.append((self.command, self.path, time.monotonic()))
                scripted.headers.append(dict(self.headers))
                steps = scripted.steps.get(self.path.split("?")[0], [Step(404, b"{}")])
                step = steps.pop(0) if len(steps) > 1 else steps[0]
                time.sleep(step.delay)
                self.send_response(step.status)
                for name, value in {"Content-Length": str(len(step.body)), **step.headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                for i in range(len(step.body)) if step.trickle else ():
                    self.wfile.write(step.body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(step.trickle)
                if not step.trickle:
                    self.wfile.write(step.body)

            do_GET = do_POST = do_PUT = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *args: None  # a client that gave up: nothing to report
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def on(self, path: str, *steps: Step) -> None:
        self.steps[path] = list(steps)

    def count(self, path: str) -> int:
        return sum(1 for _, p, _ in self.seen if p.split("?")[0] == path)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    scripted = Scripted()
    yield scripted
    scripted.stop()


def client_for(url: str, *, attempts: list | None = None, **kwargs) -> http.Client:
    return http.Client(
        url,
        timeouts=kwargs.pop("timeouts", FAST),
        on_attempt=attempts.append if attempts is not None else None,
        **kwargs,
    )


def timed(func):
    started = time.monotonic()
    try:
        result = func()
    except Exception as error:  # noqa: BLE001
        result = error
    return result, time.monotonic() - started


# --- Retries --------------------------------------------------------------------------------------------


def test_a_get_is_retried_after_a_503_and_the_answer_is_returned(server):
    server.on("/enhet", Step(503, b""), Step(200, '{"navn": "BODØ"}'.encode()))
    attempts: list[http.Attempt] = []
    answer = client_for(server.url, attempts=attempts).get("/enhet")
    assert (answer.status, answer.json()) == (200, {"navn": "BODØ"})
    assert [(a.method, a.path, a.outcome, a.number) for a in attempts] == [
        ("GET", "/enhet", 503, 1),
        ("GET", "/enhet", 200, 2),
    ]


def test_a_status_that_stays_bad_is_returned_after_the_retries(server):
    server.on("/enhet", Step(502, b"bad gateway"))
    answer = client_for(server.url).get("/enhet")
    assert answer.status == 502 and answer.text == "bad gateway"
    assert server.count("/enhet") == 3  # the first attempt and FAST.retries


def test_a_500_is_an_answer_and_not_retried_unless_the_policy_says_so(server):
    server.on("/a", Step(500))
    assert client_for(server.url).get("/a").status == 500
    assert server.count("/a") == 1
    widened = client_for(server.url, policy=http.Policy(retry_statuses=frozenset(range(500, 600))))
    assert widened.get("/a").status == 500
    assert server.count("/a") == 4


def test_a_post_that_is_not_idempotent_is_not_retried(server):
    server.on("/token", Step(503, b""), Step(200))
    answer = client_for(server.url).post("/token", data={"grant_type": "x"})
    assert answer.status == 503
    assert server.count("/token") == 1


def test_a_post_marked_idempotent_is_retried(server):
    server.on("/sok", Step(503, b""), Step(200))
    assert client_for(server.url).post("/sok", json={"value": 1}, idempotent=True).status == 200
    assert server.count("/sok") == 2


def test_a_dropped_connection_is_retried_for_a_get_but_not_for_a_post():
    """The server reads the request and closes the socket: a POST may have been acted on, so it is not sent again."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = []

    def drop():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(conn.recv(65536))
            conn.close()

    threading.Thread(target=drop, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    try:
        for method, expected in (("GET", 3), ("POST", 1)):
            accepted.clear()
            attempts: list[http.Attempt] = []
            with pytest.raises(http.Unavailable) as caught:
                client_for(url, attempts=attempts).request(method, "/x")
            assert caught.value.kind == "dropped"
            assert [a.outcome for a in attempts] == ["dropped"] * expected
    finally:
        listener.close()


def test_a_refused_connection_is_retried_even_for_a_post_since_nothing_was_sent():
    with socket.create_server(("127.0.0.1", 0)) as closed:
        url = f"http://127.0.0.1:{closed.getsockname()[1]}"
    attempts: list[http.Attempt] = []
    with pytest.raises(http.Unavailable) as caught:
        client_for(url, attempts=attempts).post("/token", data={"a": "b"})
    assert caught.value.kind == "refused"
    assert [a.outcome for a in attempts] == ["refused"] * 3


# --- Retry-After ----------------------------------------------------------------------------------------


def test_retry_after_is_waited_for_when_it_fits_in_the_deadline(server):
    server.on("/enhet", Step(503, b"", {"Retry-After": "1"}), Step(200))
    timeouts = http.Timeouts(connect=0.5, read=0.5, total=3.0, retries=2, backoff=0.02)
    answer = client_for(server.url, timeouts=timeouts).get("/enhet")
    assert answer.status == 200
    first, second = (t for _, _, t in server.seen)
    assert 1.0 <= second - first < 1.0 + MARGIN


def test_retry_after_past_the_deadline_returns_the_answer_at_once(server):
    server.on("/enhet", Step(503, b"", {"Retry-After": "30"}), Step(200))
    answer, seconds = timed(lambda: client_for(server.url).get("/enhet"))
    assert answer.status == 503 and answer.headers["Retry-After"] == "30"
    assert seconds < MARGIN and server.count("/enhet") == 1


def test_retry_after_as_an_http_date(server):
    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 2))
    server.on("/enhet", Step(503, b"", {"Retry-After": when}), Step(200))
    timeouts = http.Timeouts(connect=0.5, read=0.5, total=4.0, retries=1, backoff=0.02)
    assert client_for(server.url, timeouts=timeouts).get("/enhet").status == 200
    first, second = (t for _, _, t in server.seen)
    assert 0.9 <= second - first < 2.0 + MARGIN  # the date has whole seconds


# --- The deadline ---------------------------------------------------------------------------------------


def test_a_slow_answer_is_a_read_timeout_and_not_retried_by_default(server):
    server.on("/slow", Step(delay=2))
    result, seconds = timed(lambda: client_for(server.url).get("/slow"))
    assert isinstance(result, http.Unavailable) and result.kind == "read_timeout"
    assert seconds < FAST.read + MARGIN and server.count("/slow") == 1


def test_read_timeouts_retried_when_the_policy_says_so_stop_at_the_deadline(server):
    server.on("/slow", Step(delay=3))
    # Two whole attempts and their backoff take at most 1.06 s; the 0.44 s left is well above MIN_ATTEMPT_SECONDS
    # also on a loaded machine (with total=1.2 only 0.04 s of slack was left, and CI once started no third attempt).
    timeouts = http.Timeouts(connect=0.5, read=0.5, total=1.5, retries=10, backoff=0.02)
    policy = http.Policy(retry_read_timeout=True)
    result, seconds = timed(lambda: client_for(server.url, timeouts=timeouts, policy=policy).get("/slow"))
    assert isinstance(result, http.Unavailable)
    assert seconds < timeouts.total + MARGIN
    assert server.count("/slow") == 3  # 0.5 + 0.5 + what was left


@pytest.mark.parametrize("protocol", ["HTTP/1.1", "HTTP/1.0"])
def test_a_trickling_body_is_cut_at_the_deadline(protocol):
    """Each byte comes well within the read timeout; only the deadline stops it, also when the server closes the
    connection after the answer (HTTP/1.0), where http.client no longer holds the socket."""
    server = Scripted(protocol)
    try:
        server.on("/trickle", Step(body=b"x" * 100, trickle=0.2))
        timeouts = http.Timeouts(connect=0.5, read=0.5, total=0.7, retries=2, backoff=0.02)
        result, seconds = timed(lambda: client_for(server.url, timeouts=timeouts).get("/trickle"))
    finally:
        server.stop()
    assert isinstance(result, http.DeadlineExceeded) and result.kind == "deadline"
    assert timeouts.total - 0.1 < seconds < timeouts.total + 0.15
    assert server.count("/trickle") == 1


def test_a_shorter_total_for_one_call(server):
    server.on("/slow", Step(delay=2))
    timeouts = http.Timeouts(connect=0.5, read=5.0, total=5.0, retries=0)
    result, seconds = timed(lambda: client_for(server.url, timeouts=timeouts).get("/slow", total=0.4))
    assert isinstance(result, http.Unavailable)
    assert seconds < 0.4 + MARGIN


def test_no_attempt_starts_after_a_shared_deadline(server):
    server.on("/a", Step())
    with pytest.raises(http.DeadlineExceeded):
        client_for(server.url).get("/a", deadline=time.monotonic() + 0.05)
    assert server.count("/a") == 0


def test_a_body_over_the_limit_is_refused(server):
    server.on("/big", Step(body=b"x" * 5_000))
    with pytest.raises(http.Unavailable) as caught:
        client_for(server.url, policy=http.Policy(max_body=1_000)).get("/big")
    assert caught.value.kind == "too_large"


# --- Sessions, headers and settings ---------------------------------------------------------------------


def test_connections_are_kept_alive_per_base_url_unless_the_policy_says_not(server):
    server.on("/a", Step())
    for policy in (http.Policy(), http.Policy(), http.Policy(keep_alive=False), http.Policy(keep_alive=False)):
        answer = client_for(server.url, policy=policy).get("/a")
        assert answer.status == 200
    assert http.session(server.url) is http.session(server.url)
    assert http.session(server.url) is not http.session(server.url + "/annen")
    assert [h.get("Connection") for h in server.headers] == ["keep-alive", "keep-alive", "close", "close"]


def test_our_headers_and_the_callers_parameters_are_sent(server):
    server.on("/q", Step())
    client = http.Client(server.url + "/", timeouts=FAST, headers={"Accept": "application/json"})
    client.get("/q", params={"a": "1"}, headers={"X-Test": "ja"})
    assert server.seen[-1][:2] == ("GET", "/q?a=1")
    sent = server.headers[-1]
    assert (sent["User-Agent"], sent["Accept"], sent["X-Test"]) == (http.USER_AGENT, "application/json", "ja")


def test_timeouts_come_from_the_settings_with_overrides(settings):
    settings.EKSEMPEL_CONNECT_TIMEOUT = 1.5
    settings.EKSEMPEL_RETRIES = 4
    timeouts = http.Timeouts.from_settings("EKSEMPEL", total=9)
    assert timeouts == http.Timeouts(connect=1.5, read=3.0, total=9.0, retries=4, backoff=0.2)
