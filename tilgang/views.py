"""Login and logout: the OIDC start and callback for each provider, our login page and logout."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from drift.client import client_address
from drift.limits import hit

from . import audit, oidc, session
from .forms import LoginForm
from .models import Hendelsestype, Innloggingskilde

logger = logging.getLogger(__name__)

NAVN = {Innloggingskilde.IDPORTEN: "ID-porten", Innloggingskilde.ANSATT: _("Helsedirektoratets innlogging")}

# The error codes a provider may send back (RFC 6749 4.1.2.1, OpenID Connect Core 3.1.2.6): only these reach the
# audit log; anything else is written as "ukjent" (the query is anyone's to write).
KJENTE_FEILKODER = frozenset(
    {
        "invalid_request",
        "unauthorized_client",
        "access_denied",
        "unsupported_response_type",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable",
        "interaction_required",
        "login_required",
        "account_selection_required",
        "consent_required",
        "invalid_request_uri",
        "invalid_request_object",
        "request_not_supported",
        "request_uri_not_supported",
        "registration_not_supported",
        # the token endpoint's (RFC 6749 5.2)
        "invalid_grant",
        "invalid_client",
        "unsupported_grant_type",
    }
)


def _kode_avvist(error: Exception) -> str | None:
    """The token endpoint answered 4xx: it refused our code (e.g. a code another client was given, sent to this
    callback), which is not "the provider does not answer". Its OAuth error code, or "ukjent"."""
    response = getattr(error, "response", None)
    if not isinstance(error, requests.HTTPError) or response is None or not 400 <= response.status_code < 500:
        return None
    try:
        code = response.json().get("error")
    except (ValueError, AttributeError):
        code = None
    return code if code in KJENTE_FEILKODER else "ukjent"


def _for_mange(request, provider: str | None):
    """429 for a client address over the limit: nothing is written (no session, no audit row)."""
    return _feil(
        request,
        tittel=gettext("For mange innloggingsforsøk"),
        status=429,
        provider=provider,
        melding=gettext(
            "Det har kommet svært mange innloggingsforsøk fra din adresse det siste minuttet. Vent et minutt, og "
            "prøv igjen."
        ),
    )


def _feil(request, *, tittel: str, melding: str, status: int, provider: str | None = None, detalj: str = ""):
    """The Norwegian page for a login that did not happen; `detalj` also writes it to the audit log, at most
    INNLOGGING_FEIL_RATE_LIMIT rows per client address per minute (anyone can send a failed answer)."""
    if detalj and hit(
        "innlogging-feil", hvem=client_address(request), grense=settings.INNLOGGING_FEIL_RATE_LIMIT, vindu=60
    ):
        return _for_mange(request, provider)
    if detalj:
        audit.hendelse_log(hendelse=Hendelsestype.INNLOGGING_FEILET, kilde=provider or "", detalj=detalj)
    return render(
        request,
        "tilgang/feil.html",
        {
            "tittel": tittel,
            "melding": melding,
            "provider": provider,
            "next": request.session.get("oidc_login_next") or "",
        },
        status=status,
    )


def _provider_or_404(provider: str) -> str:
    if provider not in NAVN or not oidc.configured(provider):
        raise Http404(gettext("Denne innloggingen er ikke satt opp."))
    return provider


class StartView(OIDCAuthenticationRequestView):
    """Send the user to the provider (with state, nonce and a PKCE challenge kept in the session)."""

    def __init__(self, *args, **kwargs):  # the endpoints are read per request, from the provider's discovery
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request, provider):
        _provider_or_404(provider)
        # an anonymous start makes a session (state, nonce, PKCE): limited per client address (a logged-in user's,
        # such as a caseworker's roles checked again, uses the session it has)
        if not request.user.is_authenticated and hit(
            "innlogging-start", hvem=client_address(request), grense=settings.INNLOGGING_START_RATE_LIMIT
        ):
            return _for_mange(request, provider)
        try:
            config = oidc.provider_config(provider)
        except oidc.ProviderUnavailable:
            return _feil(
                request,
                detalj="innloggingstjenesten svarte ikke (start)",
                tittel=gettext("%(tjeneste)s svarer ikke") % {"tjeneste": NAVN[provider]},
                status=503,
                provider=provider,
                melding=gettext(
                    "Vi får ikke kontakt med %(tjeneste)s akkurat nå. Ingenting du har lagret er borte. "
                    "Prøv igjen om litt."
                )
                % {"tjeneste": NAVN[provider]},
            )
        self._settings = oidc.mozilla_settings(config)
        self.OIDC_OP_AUTH_ENDPOINT = self._settings["OIDC_OP_AUTHORIZATION_ENDPOINT"]
        self.OIDC_RP_CLIENT_ID = self._settings["OIDC_RP_CLIENT_ID"]
        return super().get(request)

    def get_settings(self, attr, *args):
        if attr in getattr(self, "_settings", {}):
            return self._settings[attr]
        return super().get_settings(attr, *args)


def _avbrutt(request, provider, states, state):
    """The provider answered with an error: the user cancelled, or the login failed there."""
    if states.pop(state, None) is not None:  # an anonymous answer without a login of ours makes no session
        request.session["oidc_states"] = states
    error = request.GET["error"] if request.GET["error"] in KJENTE_FEILKODER else "ukjent"
    if error == "access_denied":
        return _feil(
            request,
            detalj=f"avbrutt: {error}",
            tittel=gettext("Innloggingen ble avbrutt"),
            status=200,
            provider=provider,
            melding=gettext(
                "Du avbrøt innloggingen hos %(tjeneste)s. Du er ikke logget inn. Ingenting du har lagret er borte."
            )
            % {"tjeneste": NAVN[provider]},
        )
    return _feil(
        request,
        detalj=f"avbrutt: {error}",
        tittel=gettext("Innloggingen mislyktes"),
        status=400,
        provider=provider,
        melding=gettext("%(tjeneste)s kunne ikke logge deg inn. Prøv igjen.") % {"tjeneste": NAVN[provider]},
    )


def _logg_inn(request, provider, user, backend):
    """Log the user in, keep what the session needs, and (ID-porten) ask Altinn whom they may act for."""
    next_url = request.session.get("oidc_login_next")
    request.session[session.PROVIDER] = provider
    auth.login(request, user, backend=oidc.BACKEND)
    session.login_store(
        request, id_token=backend.id_token, navn=backend.navn if provider == Innloggingskilde.IDPORTEN else ""
    )
    if provider == Innloggingskilde.IDPORTEN:
        session.pid_store(request, str(backend.claims[backend.config.get("subject_claim", "pid")]))
        oppslag = session.virksomheter_refresh(request, force=True)
        if oppslag is not None and not oppslag.brukbar:
            return _feil(
                request,
                tittel=gettext("Vi får ikke hentet tilgangene dine fra Altinn"),
                status=503,
                provider=provider,
                melding=gettext(
                    "Du er logget inn, men Altinn svarer ikke, så vi vet ikke hvilke virksomheter du kan "
                    "søke for. Prøv igjen om litt."
                ),
            )
    return HttpResponseRedirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


def callback(request, provider):
    """The provider sends the user back here with a code (or an error)."""
    _provider_or_404(provider)
    states = request.session.get("oidc_states") or {}
    state = request.GET.get("state", "")
    if request.GET.get("error"):
        return _avbrutt(request, provider, states, state)
    if not request.GET.get("code") or state not in states:
        return _feil(
            request,
            detalj="ukjent state",
            tittel=gettext("Innloggingen ble avvist"),
            status=400,
            provider=provider,
            melding=gettext(
                "Svaret fra innloggingstjenesten hørte ikke til en innlogging startet her, eller den "
                "er allerede brukt. Start innloggingen på nytt."
            ),
        )
    flow = states.pop(state)
    request.session["oidc_states"] = states
    request.session.save()
    try:
        backend = oidc.OIDCBackend(provider)
        user = backend.authenticate(request, nonce=flow.get("nonce"), code_verifier=flow.get("code_verifier"))
    except (oidc.ProviderUnavailable, requests.RequestException) as error:
        if avvist := _kode_avvist(error):
            assert isinstance(error, requests.HTTPError) and error.response is not None  # as _kode_avvist checked
            logger.warning("oidc %s: koden ble avvist: %s", provider, avvist)
            return _feil(
                request,
                detalj=f"innloggingstjenesten avviste koden: {avvist} (HTTP {error.response.status_code})",
                tittel=gettext("Innloggingen ble avvist"),
                status=400,
                provider=provider,
                melding=gettext(
                    "%(tjeneste)s godtok ikke svaret fra innloggingen, så du er ikke logget inn. Start innloggingen "
                    "på nytt."
                )
                % {"tjeneste": NAVN[provider]},
            )
        logger.warning("oidc %s: token/jwks feilet: %s", provider, error)
        return _feil(
            request,
            detalj=f"innloggingstjenesten svarte ikke: {type(error).__name__}",
            tittel=gettext("%(tjeneste)s svarer ikke") % {"tjeneste": NAVN[provider]},
            status=503,
            provider=provider,
            melding=gettext(
                "Vi fikk ikke fullført innloggingen fordi %(tjeneste)s ikke svarte. Ingenting du "
                "har lagret er borte. Prøv igjen om litt."
            )
            % {"tjeneste": NAVN[provider]},
        )
    except SuspiciousOperation as error:
        logger.warning("oidc %s: avvist: %s", provider, error)
        return _feil(
            request,
            detalj=str(error)[:200],
            tittel=gettext("Innloggingen ble avvist"),
            status=400,
            provider=provider,
            melding=gettext(
                "Vi kunne ikke bekrefte svaret fra innloggingstjenesten, så du er ikke logget inn. "
                "Start innloggingen på nytt."
            ),
        )
    except oidc.GroupsOmitted:
        logger.warning("oidc %s: gruppene er utelatt av tokenet (group overage)", provider)
        return _feil(
            request,
            detalj="gruppene er utelatt (over 200 grupper)",
            tittel=gettext("Vi fikk ikke vite rollen din"),
            status=403,
            provider=provider,
            melding=gettext(
                "Innloggingen sendte ikke med gruppene dine, fordi du er med i svært mange grupper. Uten dem vet vi "
                "ikke om du er saksbehandler eller jobber ved et ALIS-kontor, så du er ikke logget inn. Kontakt "
                "brukerstøtten og be dem gi tjenesten bare gruppene som er tildelt den."
            ),
        )
    if user is None or not user.is_active:
        return _feil(
            request,
            detalj="ingen gyldig bruker",
            tittel=gettext("Innloggingen ble avvist"),
            status=403,
            provider=provider,
            melding=gettext("Vi fikk ikke de opplysningene vi trenger fra innloggingstjenesten."),
        )
    return _logg_inn(request, provider, user, backend)


class LoginView(auth_views.LoginView):
    """The login page: ID-porten for søkere, the directorate's login for staff, and (where allowed) a password."""

    form_class = LoginForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        next_url = self.get_redirect_url()
        query = f"?{urlencode({'next': next_url})}" if next_url else ""
        context.update(
            {
                "idporten_url": reverse("tilgang:start", args=["idporten"]) + query
                if oidc.configured("idporten")
                else "",
                "ansatt_url": reverse("tilgang:start", args=["ansatt"]) + query if oidc.configured("ansatt") else "",
                "passord_for_sokere": settings.PASSWORD_LOGIN_FOR_APPLICANTS,
            }
        )
        return context


@require_POST
@never_cache
def logout(request):
    """End the session here, then at the provider (end_session_endpoint) when the user came from one.

    The provider gets the ID token back as `id_token_hint` (ID-porten requires it) in a form posted by the browser
    (OpenID Connect RP-Initiated Logout allows POST), so the token, which holds the fødselsnummer, never stands in
    an address: not in the browser's history, nor in a proxy's log."""
    provider = request.session.get(session.PROVIDER)
    id_token = session.id_token_read(request)
    target = resolve_url(settings.LOGOUT_REDIRECT_URL)
    end_session = None
    if provider and oidc.configured(provider):
        try:
            end_session = oidc.provider_config(provider).get("end_session_endpoint")
        except oidc.ProviderUnavailable:
            end_session = None
    auth.logout(request)
    messages.info(request, gettext("Du er logget ut."))
    if not end_session:
        return HttpResponseRedirect(target)
    params = {
        "post_logout_redirect_uri": request.build_absolute_uri(target),
        "client_id": oidc.client_id(provider),
    }
    if id_token:
        params["id_token_hint"] = id_token
    return render(
        request, "tilgang/utlogging.html", {"end_session": end_session, "params": params, "tjeneste": NAVN[provider]}
    )
