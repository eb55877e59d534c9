"""Maskinporten: the token that lets us (Helsedirektoratet) call Altinn as a resource owner.

A JWT grant (RFC 7523) signed with our business certificate's or our client's RSA key:
`POST {MASKINPORTEN_TOKEN_URL}` with `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` and `assertion`
(claims aud, iss = client id, scope, iat, exp ≤ 120 s, jti). The access token is reused until shortly before it
expires. The call goes through the shared HTTP client (drift/http.py) with the ALTINN_* timeouts. Errors become
MaskinportenError; altinn.py turns them into AltinnUnavailable.
"""

from __future__ import annotations

import logging
import time
import uuid

import jwt
from django.conf import settings
from django.core.cache import cache

from drift import http

logger = logging.getLogger(__name__)

GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
# the token URL is a full address; the Altinn timeouts apply (Maskinporten is asked on the way to Altinn)
CLIENT = http.Client(
    lambda: settings.MASKINPORTEN_TOKEN_URL,
    timeouts=lambda: http.Timeouts.from_settings("ALTINN"),
    policy=http.Policy(keep_alive=False),  # a token lasts two minutes: asked seldom
)


class MaskinportenError(Exception):
    pass


def er_satt_opp() -> bool:
    return bool(settings.MASKINPORTEN_CLIENT_ID and _private_key())


def _private_key() -> str:
    if settings.MASKINPORTEN_PRIVATE_KEY:
        return settings.MASKINPORTEN_PRIVATE_KEY
    if settings.MASKINPORTEN_PRIVATE_KEY_FILE:
        with open(settings.MASKINPORTEN_PRIVATE_KEY_FILE, encoding="ascii") as key_file:
            return key_file.read()
    return ""


def access_token(scope: str) -> str:
    cache_key = f"maskinporten:{settings.MASKINPORTEN_CLIENT_ID}:{scope}"
    token = cache.get(cache_key)
    if token:
        return token
    now = int(time.time())
    claims = {
        "aud": settings.MASKINPORTEN_AUDIENCE,
        "iss": settings.MASKINPORTEN_CLIENT_ID,
        "scope": scope,
        "iat": now,
        "exp": now + 100,
        "jti": str(uuid.uuid4()),
    }
    headers = {"kid": settings.MASKINPORTEN_KEY_ID} if settings.MASKINPORTEN_KEY_ID else None
    try:
        assertion = jwt.encode(claims, _private_key(), algorithm="RS256", headers=headers)
    except (ValueError, TypeError, jwt.PyJWTError) as error:
        raise MaskinportenError(f"kan ikke signere med MASKINPORTEN_PRIVATE_KEY: {type(error).__name__}") from None
    try:  # a POST that issues a token: sent again only when it never reached Maskinporten
        answer = CLIENT.post(settings.MASKINPORTEN_TOKEN_URL, data={"grant_type": GRANT_TYPE, "assertion": assertion})
    except http.Unavailable as error:
        raise MaskinportenError(f"Maskinporten svarte ikke: {error.kind}") from None
    if answer.status != 200:
        logger.error("maskinporten svarte %s: %s", answer.status, answer.text[:200])
        raise MaskinportenError(f"Maskinporten svarte HTTP {answer.status}")
    try:
        body = answer.json()
        token, expires_in = body["access_token"], int(body.get("expires_in", 120))
    except (ValueError, KeyError, TypeError):
        raise MaskinportenError("Maskinporten svarte med uventet innhold") from None
    cache.set(cache_key, token, max(1, expires_in - 30))
    return token
