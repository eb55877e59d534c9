"""A fake Altinn 3 Access Management: a real HTTP server on 127.0.0.1 answering the resource owner's
"authorized parties" API like Altinn does (POST /accessmanagement/api/v1/resourceowner/authorizedparties).

    fake = FakeAltinn().start()
    fake.url                                   # use as ALTINN_BASE_URL
    fake.set_parties(pid, [party(A), party(B, subunits=[party(C, resources=[])])])
    fake.set_fault(pid, "500" | "timeout" | "malformed" | "wrong_shape" | "flaky")
    fake.requests                              # [(path, query, json body, headers)]
    fake.stop()                                # Altinn is down (connection refused)

It also plays Maskinporten (`POST /maskinporten/token`: checks the JWT grant's RS256 signature against
`fake.maskinporten_public_key`, and its aud, iss, scope and expiry) and Altinn's token exchange
(`GET /authentication/api/v1/exchange/maskinporten`: a Maskinporten token it issued -> an Altinn token).
The parties API answers 401 unless the bearer token is in `fake.accepted_tokens` (None: no check).

A pid nobody set answers an empty list (the person may act for no organisation). The resource id in
`authorizedResources` is RESOURCE unless a party says otherwise.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

PATH = "/accessmanagement/api/v1/resourceowner/authorizedparties"
RESOURCE = "helsedir-asa-registrering"


def party(
    orgnr: str,
    name: str = "",
    *,
    resources=(RESOURCE,),
    subunits=(),
    deleted=False,
    kind="Organization",
    hierarchy_only=False,
) -> dict:
    """One entry shaped like Altinn's AuthorizedParty."""
    return {
        "partyUuid": f"00000000-0000-4000-8000-{orgnr.rjust(12, '0')}",
        "name": name or f"Virksomhet {orgnr}",
        "organizationNumber": orgnr if kind == "Organization" else None,
        "personId": orgnr if kind == "Person" else None,
        "partyId": int(orgnr[:8]),
        "type": kind,
        "unitType": "KOMM" if kind == "Organization" else None,
        "isDeleted": deleted,
        "onlyHierarchyElementWithNoAccess": hierarchy_only,
        "authorizedAccessPackages": [],
        "authorizedResources": list(resources),
        "authorizedRoles": ["DAGL"] if resources else [],
        "authorizedInstances": [],
        "subunits": list(subunits),
    }


class FakeAltinn:
    def __init__(self):
        self.parties: dict[str, list] = {}
        self.faults: dict[str, str] = {}
        self.requests: list[tuple] = []
        self.slow_seconds = 5.0
        self._flaky_seen: set[str] = set()
        self.accepted_tokens: set[str] | None = {"altinn-token-for-test"}
        self.maskinporten_public_key = None
        self.maskinporten_client_id = "asa-maskinporten"
        self.maskinporten_audience = "https://test.maskinporten.no/"
        self.maskinporten_tokens: set[str] = set()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _send(self, status: int, body: bytes, content_type="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                parts = urlsplit(self.path)
                fake.requests.append((parts.path, parts.query, None, dict(self.headers)))
                if parts.path != "/authentication/api/v1/exchange/maskinporten":
                    return self._send(404, b'{"title":"Not found"}')
                bearer = self.headers.get("Authorization", "").removeprefix("Bearer ")
                if bearer not in fake.maskinporten_tokens:
                    return self._send(401, b'{"title":"Unauthorized"}')
                token = f"altinn-{uuid.uuid4().hex}"
                if fake.accepted_tokens is not None:
                    fake.accepted_tokens.add(token)
                self._send(200, token.encode(), "text/plain")

            def _maskinporten(self, raw: bytes):
                from urllib.parse import parse_qs

                import jwt

                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                try:
                    assert form.get("grant_type") == "urn:ietf:params:oauth:grant-type:jwt-bearer"
                    claims = jwt.decode(
                        form["assertion"],
                        fake.maskinporten_public_key,
                        algorithms=["RS256"],
                        audience=fake.maskinporten_audience,
                        issuer=fake.maskinporten_client_id,
                        options={"require": ["exp", "iat", "jti", "scope"]},
                    )
                    assert claims["exp"] - claims["iat"] <= 120
                    assert claims["scope"] == "altinn:accessmanagement/authorizedparties.resourceowner"
                except (AssertionError, KeyError, jwt.PyJWTError):
                    return self._send(400, b'{"error":"invalid_grant"}')
                token = f"mp-{uuid.uuid4().hex}"
                fake.maskinporten_tokens.add(token)
                self._send(
                    200,
                    json.dumps(
                        {"access_token": token, "token_type": "Bearer", "expires_in": 119, "scope": claims["scope"]}
                    ).encode(),
                )

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                parts = urlsplit(self.path)
                if parts.path == "/maskinporten/token":
                    fake.requests.append((parts.path, parts.query, None, dict(self.headers)))
                    return self._maskinporten(raw)
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = None
                fake.requests.append((parts.path, parts.query, body, dict(self.headers)))
                if parts.path != PATH or not isinstance(body, dict):
                    return self._send(404 if parts.path != PATH else 400, b'{"title":"Bad request"}')
                bearer = self.headers.get("Authorization", "").removeprefix("Bearer ")
                if fake.accepted_tokens is not None and bearer not in fake.accepted_tokens:
                    return self._send(401, b'{"title":"Unauthorized"}')
                if body.get("type") != "urn:altinn:person:identifier-no":
                    return self._send(400, b'{"title":"Unsupported type"}')
                pid = str(body.get("value"))
                fault = fake.faults.get(pid)
                if fault == "500":
                    return self._send(500, b'{"title":"Internal Server Error"}')
                if fault == "flaky" and pid not in fake._flaky_seen:
                    fake._flaky_seen.add(pid)
                    return self._send(503, b'{"title":"Service Unavailable"}')
                if fault == "timeout":
                    time.sleep(fake.slow_seconds)
                if fault == "malformed":
                    return self._send(200, b'[{"partyUuid": "0000", "name": "Bod')
                if fault == "wrong_shape":
                    return self._send(200, b'{"parties": "not a list"}')
                self._send(200, json.dumps(fake.parties.get(pid, [])).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def set_parties(self, pid: str, parties: list) -> None:
        self.parties[pid] = parties
        self.faults.pop(pid, None)

    def set_fault(self, pid: str, fault: str) -> None:
        self.faults[pid] = fault

    def count(self, pid: str | None = None, path: str | None = None) -> int:
        if path is not None:
            return sum(1 for r in self.requests if r[0] == path)
        return sum(1 for r in self.requests if r[0] == PATH and (pid is None or (r[2] or {}).get("value") == pid))

    def start(self) -> FakeAltinn:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# `make run-oidc`: the fake Altinn for trying the real login on a development machine.
DEMO_PID = "24079410876"  # the demo søker's made-up fødselsnummer (the local provider's user "kari.kommune")


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="A fake Altinn on 127.0.0.1 for development (make run-oidc).")
    parser.add_argument("--port", type=int, default=9401)
    args = parser.parse_args()
    fake = FakeAltinn()
    fake.accepted_tokens = None  # make run-oidc sets no Altinn credentials
    fake.server.server_close()
    fake.server = ThreadingHTTPServer(("127.0.0.1", args.port), fake.server.RequestHandlerClass)
    fake.set_parties(
        DEMO_PID,
        [
            party("972418013", "BODØ KOMMUNE"),
            party("999888771", "NORDLYS BEDRIFTSHELSETJENESTE AS (DEMO)"),
        ],
    )
    print(f"Fake Altinn på http://127.0.0.1:{args.port} (kari.kommune kan søke for Bodø og Nordlys BHT)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        fake.server.serve_forever()


if __name__ == "__main__":
    main()
