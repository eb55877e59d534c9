"""What the session holds for a person who logged in through ID-porten, and the refresh of their organisations.

Altinn is asked by fødselsnummer, also during the session, so the session keeps it: encrypted (Fernet, with a key
derived from TILGANG_PERSON_KEY), so the session table never holds it in clear; it is gone when the session ends.
It is never shown.
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
PROVIDER = "tilgang_provider"
LAST_ASKED = "tilgang_altinn_spurt"


def _fernet() -> Fernet:
    key = (settings.TILGANG_PERSON_KEY or settings.SECRET_KEY).encode()
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"tilgang-session:" + key).digest()))


def pid_store(request, pid: str) -> None:
    request.session[PID] = _fernet().encrypt(pid.encode()).decode()


def pid_read(request) -> str | None:
    token = request.session.get(PID)
    if not token:
        return None
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return None


def refresh_organisations(request, *, force: bool = False) -> services.Oppslag | None:
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
