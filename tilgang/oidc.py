"""OpenID Connect login through mozilla-django-oidc, for two providers configured in settings.OIDC_PROVIDERS:

- "idporten": søkere (ID-porten in production). The person is the `pid` claim (fødselsnummer).
- "ansatt": Helsedirektoratet's staff and ALIS-kontor users (the directorate's provider, e.g. Entra ID); roles
  come from a group claim, mapped to our roles in settings (`roller`).

Each provider is given by its issuer; the endpoints come from the issuer's discovery document
(`/.well-known/openid-configuration`, cached OIDC_DISCOVERY_TTL seconds). The flow is the authorization code
flow with PKCE (S256), `state` and `nonce` (mozilla-django-oidc's), and the ID token is checked here: RS256
signature against the provider's JWKS, issuer, audience (our client id), expiry, nonce, and `acr` when the
provider sends one.
"""

from __future__ import annotations

import logging
from typing import Any, cast

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from .models import Innloggingskilde, Person
from .services import person_ident
from .signals import ansatt_roller

logger = logging.getLogger(__name__)

BACKEND = "tilgang.oidc.OIDCBackend"
# ID-porten's levels, weakest first: a stronger level than the one asked for is accepted.
ACR_ORDER = ["idporten-loa-low", "idporten-loa-substantial", "idporten-loa-high"]


class ProviderUnavailable(Exception):
    """The identity provider's discovery document could not be fetched."""


class GroupsOmitted(Exception):
    """The provider left the group claim out and pointed elsewhere for it (Entra ID does so for a member of more than
    200 groups: "group overage", `_claim_names`). The roles cannot be known from the token, so the login is refused
    before any user is made or changed: the roles a person had are neither kept for a new session nor taken away."""


def _providers() -> dict[str, dict[str, Any]]:
    return cast(dict[str, dict[str, Any]], settings.OIDC_PROVIDERS)


def client_id(provider: str) -> str:
    return str(_providers()[provider]["client_id"])


def configured(provider: str) -> bool:
    config = _providers().get(provider) or {}
    return bool(config.get("issuer") and config.get("client_id"))


def provider_config(provider: str) -> dict:
    """The provider's settings merged with its discovery document; raises ProviderUnavailable."""
    config = dict(_providers()[provider])
    issuer = config["issuer"].rstrip("/")
    cache_key = f"oidc-discovery:{issuer}"
    discovery = cache.get(cache_key)
    if discovery is None:
        try:
            response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            discovery = response.json()
            missing = {"authorization_endpoint", "token_endpoint", "jwks_uri"} - set(discovery)
            if missing:
                raise ValueError(f"mangler {sorted(missing)}")
        except (requests.RequestException, ValueError) as error:
            logger.warning("oidc %s: discovery feilet: %s", provider, error)
            raise ProviderUnavailable(provider) from error
        cache.set(cache_key, discovery, settings.OIDC_DISCOVERY_TTL)
    return {**discovery, **config, "issuer": discovery.get("issuer", issuer), "provider": provider}


def mozilla_settings(config: dict) -> dict:
    """The names mozilla-django-oidc reads, for one provider."""
    extra = {"ui_locales": "nb"}
    if config.get("acr_values"):
        extra["acr_values"] = config["acr_values"]
    return {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": config["authorization_endpoint"],
        "OIDC_OP_TOKEN_ENDPOINT": config["token_endpoint"],
        "OIDC_OP_USER_ENDPOINT": config.get("userinfo_endpoint", ""),
        "OIDC_OP_JWKS_ENDPOINT": config["jwks_uri"],
        "OIDC_RP_CLIENT_ID": config["client_id"],
        "OIDC_RP_CLIENT_SECRET": config.get("client_secret", ""),
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_RP_IDP_SIGN_KEY": None,
        "OIDC_RP_SCOPES": config.get("scopes", "openid"),
        "OIDC_USE_NONCE": True,
        "OIDC_USE_PKCE": True,
        "OIDC_PKCE_CODE_CHALLENGE_METHOD": "S256",
        # never into the session by the library (it would store it before the claims are checked, and in clear):
        # the callback keeps it encrypted after a successful login (tilgang.session)
        "OIDC_STORE_ID_TOKEN": False,
        "OIDC_STORE_ACCESS_TOKEN": False,
        "OIDC_TIMEOUT": settings.OIDC_TIMEOUT,
        "OIDC_VERIFY_KID": True,
        "OIDC_ALLOW_UNSECURED_JWT": False,
        "OIDC_TOKEN_USE_BASIC_AUTH": config.get("basic_auth", False),
        "OIDC_AUTH_REQUEST_EXTRA_PARAMS": extra,
        "OIDC_AUTHENTICATION_CALLBACK_URL": f"tilgang:svar_{config['provider']}",
        "OIDC_CREATE_USER": True,
    }


class OIDCBackend(OIDCAuthenticationBackend):
    """Used only by our callback view, which constructs it for one provider. In AUTHENTICATION_BACKENDS so that
    the session remembers how the user logged in; `authenticate` does nothing when Django's login form asks."""

    def __init__(self, provider: str | None = None, config: dict | None = None):
        self.UserModel = get_user_model()
        self.provider = provider
        self.claims: dict = {}
        self.id_token = ""
        self.navn = ""
        if provider is None:
            return
        self.config = config or provider_config(provider)
        self._settings = mozilla_settings(self.config)
        super().__init__()

    def get_settings(self, attr, *args):
        if self.provider and attr in self._settings:
            return self._settings[attr]
        return import_from_settings(attr, *args)

    def authenticate(self, request, **kwargs):
        if self.provider is None or "username" in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def get_user(self, user_id):
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None

    # ---- the ID token ------------------------------------------------------------------------------

    def _verify_jws(self, payload, key):
        """RS256 signature, issuer, audience, expiry; several audiences only with `azp` = our client id."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != "RS256":
            raise SuspiciousOperation("ID-tokenet er ikke signert med RS256")
        try:
            claims = jwt.decode(
                payload,
                key,
                algorithms=["RS256"],
                audience=self.config["client_id"],
                issuer=self.config["issuer"],
                leeway=settings.OIDC_LEEWAY,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"ID-tokenet ble avvist: {type(error).__name__}") from None
        # OIDC Core 3.1.3.7: a token for several audiences is ours only when we are its authorized party (azp);
        # an azp naming another client is never ours
        aud = claims.get("aud")
        several = isinstance(aud, list) and len(aud) > 1
        if (several or "azp" in claims) and claims.get("azp") != self.config["client_id"]:
            raise SuspiciousOperation("ID-tokenet ble avvist: flere mottakere (aud) uten azp lik vår klient")
        return claims

    def retrieve_matching_jwk(self, token):
        """The provider's signing key for this token: by `kid`, or the only RSA signing key when the token names
        none (providers that publish one key). A key of another type or algorithm is never used."""
        response = requests.get(self.config["jwks_uri"], timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        try:
            header = jwt.get_unverified_header(token)
            keys = [
                k
                for k in response.json()["keys"]
                if k.get("kty") == "RSA" and k.get("use", "sig") == "sig" and k.get("alg", "RS256") == "RS256"
            ]
        except (jwt.PyJWTError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise SuspiciousOperation(f"ugyldig nøkkelsett eller token: {type(error).__name__}") from None
        if header.get("kid") is not None:
            keys = [k for k in keys if k.get("kid") == header["kid"]]
        if len(keys) != 1:
            raise SuspiciousOperation("fant ingen entydig signaturnøkkel for ID-tokenet")
        try:
            return jwt.PyJWK(keys[0])
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"ugyldig nøkkel: {type(error).__name__}") from None

    def store_tokens(self, access_token, id_token):
        """Kept on this object only: the callback stores the ID token (encrypted) once the login has succeeded."""
        self.id_token = id_token or ""

    def get_userinfo(self, access_token, id_token, payload):
        """The claims are the verified ID token's (ID-porten and Entra ID put pid/name/groups there)."""
        return payload

    def verify_claims(self, claims):
        groups_claim = self.config.get("groups_claim", "groups")
        if (
            self.provider == Innloggingskilde.ANSATT
            and groups_claim not in claims
            and groups_claim in (claims.get("_claim_names") or {})
        ):
            raise GroupsOmitted(groups_claim)
        if not claims.get(self.config.get("subject_claim", "sub")):
            logger.warning("oidc %s: mangler %s i ID-tokenet", self.provider, self.config.get("subject_claim"))
            return False
        wanted = self.config.get("acr_values")
        got = claims.get("acr")
        # a level above the one asked for is accepted; below it, unknown or missing is not (we asked for one)
        if wanted and not got:
            logger.warning("oidc %s: mangler sikkerhetsnivå (acr), ba om %s", self.provider, wanted)
            return False
        if wanted in ACR_ORDER and (got not in ACR_ORDER or ACR_ORDER.index(got) < ACR_ORDER.index(wanted)):
            logger.warning("oidc %s: for lavt sikkerhetsnivå %s", self.provider, got)
            return False
        return True

    # ---- the user ----------------------------------------------------------------------------------

    def _ident(self, claims) -> str:
        assert self.provider is not None  # the callback constructs the backend for its provider
        return person_ident(self.provider, str(claims[self.config.get("subject_claim", "sub")]))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(person__ident=self._ident(claims))

    def create_user(self, claims):
        ident = self._ident(claims)
        with transaction.atomic():
            user = self.UserModel.objects.create_user(f"{self.provider}-{ident[:16]}")
            user.set_unusable_password()
            assert self.provider is not None  # only the callback, for one provider, logs in
            Person.objects.create(bruker=user, kilde=Innloggingskilde(self.provider), ident=ident)
            return self.update_user(user, claims)

    def update_user(self, user, claims):
        """A søker's name is kept in the session only (tilgang.session), never on the user: the fødselsnummer's
        owner is not to be found by name in the database or its backups. Staff are stored with name and e-mail:
        they sign the case history and are assigned cases."""
        self.claims = claims
        fornavn, etternavn = _tekst(claims.get("given_name")), _tekst(claims.get("family_name"))
        if not (fornavn or etternavn) and claims.get("name"):
            fornavn, _, etternavn = _tekst(claims["name"]).rpartition(" ")
        self.navn = " ".join(n for n in (fornavn, etternavn) if n)
        if self.provider == Innloggingskilde.ANSATT:
            if fornavn or etternavn:
                user.first_name, user.last_name = fornavn[:150], etternavn[:150]
            if claims.get("email"):
                user.email = _tekst(claims["email"])[:254]
        else:
            user.first_name = user.last_name = ""
        user.save()
        if self.provider == Innloggingskilde.ANSATT:
            ansatt_roller.send(sender=OIDCBackend, bruker=user, roller=self.roller(claims))
        return user

    def roller(self, claims) -> set[str]:
        """Our roles from the provider's group claim, by the mapping in settings (unknown groups are ignored)."""
        groups = claims.get(self.config.get("groups_claim", "groups")) or []
        if isinstance(groups, str):
            groups = [groups]
        mapping = self.config.get("roller") or {}
        return {mapping[g] for g in groups if g in mapping}


def _tekst(value) -> str:
    """A claim as text, without control characters (a NUL cannot be stored in PostgreSQL)."""
    return "".join(c for c in str(value or "") if c.isprintable()).strip()
