"""A real OpenID Connect provider on 127.0.0.1 for the tests: `oidc-provider-mock` (authlib) in a subprocess.

    provider = OidcProvider().start()       # serves discovery, authorize, token, JWKS, end_session
    provider.url                            # the issuer, e.g. http://127.0.0.1:PORT
    provider.set_user("sub-1", {"pid": "…", "name": "…"})   # claims of a user (put into the ID token)
    provider.stop()                         # the provider is down (connection refused)

It signs ID tokens with RS256 and a key of its own (a new key for every process), requires a nonce, and shows its
own login page: a field for the subject ("sub"), an "Authorize" button and a "Deny" button.

`login(client, provider, sub, start_url)` walks the flow with Django's test client on our side and `requests`
on the provider's side, as a browser would: our start URL -> the provider's authorize page -> POST the
subject -> back to our callback with code and state.

`TamperingProxy` sits in front of a provider (all of its URLs then point to the proxy) and breaks the signature
of the ID token in the token endpoint's answer, or delays that answer.
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import requests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OidcProvider:
    def __init__(self, *extra_args: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.extra_args = extra_args
        self.process: subprocess.Popen | None = None

    def start(self) -> OidcProvider:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-W",
                "ignore",
                "-m",
                "oidc_provider_mock",
                "--port",
                str(self.port),
                "--require-nonce",
                "true",
                *self.extra_args,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/.well-known/openid-configuration", timeout=0.5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("oidc-provider-mock did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)

    def set_user(self, sub: str, claims: dict) -> None:
        response = requests.put(f"{self.url}/users/{sub}", json=claims, timeout=5)
        assert response.status_code == 204, response.text


def provider_step(authorize_url: str, sub: str | None = None, *, deny: bool = False) -> str:
    """What the user does on the provider's page; returns where the provider sends the browser back."""
    page = requests.get(authorize_url, timeout=5)
    assert page.status_code == 200, page.text
    data = {"action": "deny"} if deny else {"sub": sub}
    answer = requests.post(authorize_url, data=data, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def login(client, sub: str, *, provider: str = "idporten", deny: bool = False, next_url: str = ""):
    """Log in through the provider with Django's test client; returns our callback's response."""
    start = f"/logg-inn/{provider}/" + (f"?next={next_url}" if next_url else "")
    redirect = client.get(start)
    assert redirect.status_code == 302, redirect.content
    back = provider_step(redirect["Location"], sub, deny=deny)
    parts = urlsplit(back)
    return client.get(parts.path, parse_qs(parts.query))


def authorize_params(response) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(response["Location"]).query).items()}


class TamperingProxy:
    """A real HTTP proxy in front of a provider. mode "signature": the ID token's signature is altered;
    mode "delay": the token answer comes `delay` seconds late (for an expired token)."""

    def __init__(self, upstream: str, mode: str, delay: float = 0.0):
        self.upstream = urlsplit(upstream)
        self.mode = mode
        self.delay = delay
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _forward(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                conn = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=10)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
                conn.request(self.command, self.path, body=body or None, headers=headers)
                upstream = conn.getresponse()
                data = upstream.read()
                if self.path.startswith("/oauth2/token") and upstream.status == 200:
                    data = proxy._alter(data)
                self.send_response(upstream.status)
                for key, value in upstream.getheaders():
                    if key.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_POST = do_PUT = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _alter(self, data: bytes) -> bytes:
        if self.mode == "delay":
            time.sleep(self.delay)
            return data
        token = json.loads(data)
        header, payload, signature = token["id_token"].split(".")
        raw = bytearray(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)))
        raw[len(raw) // 2] ^= 0x01
        token["id_token"] = ".".join([header, payload, base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()])
        return json.dumps(token).encode()

    def start(self) -> TamperingProxy:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
