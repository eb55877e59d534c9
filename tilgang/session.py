"""What the session holds for a person who logged in through ID-porten, and the refresh of their organisations.

The fødselsnummer is kept in the (server-side) session only, so Altinn can be asked again during the session;
it is gone when the session ends. It is never written to the database or shown.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.utils import timezone

from . import altinn, services
from .models import Innloggingskilde

PID = "tilgang_pid"
PROVIDER = "tilgang_provider"
LAST_ASKED = "tilgang_altinn_spurt"


def refresh_organisations(request, *, force: bool = False) -> services.Oppslag | None:
    """Ask Altinn again if the last question is older than ALTINN_REFRESH_MINUTES (or `force`). None: not due."""
    pid = request.session.get(PID)
    if not pid or not altinn.er_satt_opp():  # without Altinn (development) the cache is what demo data wrote
        return None
    now = timezone.now()
    last = request.session.get(LAST_ASKED)
    if not force and last is not None:
        if now - dt.datetime.fromisoformat(last) < dt.timedelta(minutes=settings.ALTINN_REFRESH_MINUTES):
            return None
    oppslag = services.organisasjoner_refresh(bruker=request.user, pid=pid, kilde=Innloggingskilde.IDPORTEN)
    request.session[LAST_ASKED] = now.isoformat()
    if oppslag.ok:
        if oppslag.fjernet and not force:
            messages.warning(request, "Altinn sier at du ikke lenger kan søke for én eller flere virksomheter. "
                             "Søknadene deres vises ikke for deg lenger.")
    elif oppslag.fra_lager:
        messages.warning(request, "Vi får ikke kontakt med Altinn nå. Du ser virksomhetene Altinn sist ga deg "
                         f"tilgang til ({timezone.localtime(oppslag.hentet):%d.%m.%Y kl. %H:%M}). Det du har lagret "
                         "er ikke borte.")
    else:
        messages.error(request, "Vi får ikke kontakt med Altinn, og har ingen nylige opplysninger om hvilke "
                       "virksomheter du kan søke for. Prøv igjen om litt.")
    return oppslag
