"""What the session holds for a person who logged in through an identity provider, and the refresh of their
organisations.

Nothing that identifies the person is kept in clear, in the session or anywhere else at rest (issue 18): what the
session needs is encrypted (Fernet, with a key derived from TILGANG_PERSON_KEY) and gone when the session ends.
- the fødselsnummer (ID-porten's `pid`): Altinn is asked by it, also during the session; never shown;
- the person's name from the ID token: shown in the menu and offered as contact person; for søkere it is not stored
  on the user (staff names are: they sign case history);
- the ID token itself: the provider wants it back as `id_token_hint` at logout (ID-porten requires it), sent in a
  POST body, never in an address.
Nothing is stored for a login that was refused: the callback stores these only after the user is logged in.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext

from . import altinn, services
from .models import Innloggingskilde

PID = "tilgang_pid"
NAVN = "tilgang_navn"
ID_TOKEN = "tilgang_id_token"
PROVIDER = "tilgang_provider"
LAST_ASKED = "tilgang_altinn_spurt"


def _fernet() -> Fernet:
    key = (settings.TILGANG_PERSON_KEY or settings.SECRET_KEY).encode()
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"tilgang-session:" + key).digest()))


def _store(request, key: str, value: str) -> None:
    request.session[key] = _fernet().encrypt(value.encode()).decode()


def _read(request, key: str) -> str | None:
    token = request.session.get(key)
    if not token:
        return None
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return None


def pid_store(request, pid: str) -> None:
    _store(request, PID, pid)


def pid_read(request) -> str | None:
    return _read(request, PID)


def login_store(request, *, id_token: str, navn: str = "") -> None:
    """After a successful login: the ID token for the logout, and (for a søker) the name to show."""
    _store(request, ID_TOKEN, id_token)
    if navn:
        _store(request, NAVN, navn)


def id_token_read(request) -> str | None:
    return _read(request, ID_TOKEN)


def navn_read(request) -> str:
    """The logged-in person's name: from the session for a søker (never stored on the user), else the user's."""
    user = getattr(request, "user", None)
    return _read(request, NAVN) or (user.get_full_name() if user is not None and user.is_authenticated else "")


def virksomheter_refresh(request, *, force: bool = False) -> services.Lookup | None:
    """Ask Altinn again if the last question is older than ALTINN_REFRESH_MINUTES (or `force`). None: not due."""
    pid = pid_read(request)
    if not pid or not altinn.er_satt_opp():  # without Altinn (development) the cache is what demo data wrote
        return None
    now = timezone.now()
    last = request.session.get(LAST_ASKED)
    interval = dt.timedelta(minutes=settings.ALTINN_REFRESH_MINUTES)
    if not force and last is not None and now - dt.datetime.fromisoformat(last) < interval:
        return None
    oppslag = services.organisasjoner_refresh(bruker=request.user, pid=pid, kilde=Innloggingskilde.IDPORTEN)
    request.session[LAST_ASKED] = now.isoformat()
    if oppslag.ok:
        if oppslag.fjernet and not force:
            messages.warning(
                request,
                gettext(
                    "Altinn sier at du ikke lenger kan søke for én eller flere virksomheter. "
                    "Søknadene deres vises ikke for deg lenger."
                ),
            )
    elif oppslag.fra_lager:
        messages.warning(
            request,
            gettext(
                "Vi får ikke kontakt med Altinn nå. Du ser virksomhetene Altinn sist ga deg tilgang til "
                "(%(tidspunkt)s). Det du har lagret er ikke borte."
            )
            % {"tidspunkt": f"{timezone.localtime(oppslag.hentet):%d.%m.%Y kl. %H:%M}"},  # "kl." in both
        )
    else:
        messages.error(
            request,
            gettext(
                "Vi får ikke kontakt med Altinn, og har ingen nylige opplysninger om hvilke "
                "virksomheter du kan søke for. Prøv igjen om litt."
            ),
        )
    return oppslag
