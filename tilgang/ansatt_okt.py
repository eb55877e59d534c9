"""How long a staff session lasts, and how often its roles are checked again (docs/sikkerhet.md).

Staff (caseworkers and ALIS-kontor users, through the directorate's login, and anyone with `is_staff`, such as the
emergency superuser) get roles that open every application. The directorate's provider tells us a person's groups
only in the ID token of a login; it offers no way to ask again without one. So:

- roles from the directorate's login are checked again every ANSATT_ROLLER_MINUTTER: the first page view after
  that sends the user through the directorate's login once more (with the provider's own single sign-on this
  needs no typing) and comes back to the same page with the roles the token now gives;
- a form sent while that check is due is still accepted until ANSATT_ROLLER_FRIST_MINUTTER after the last
  check (time to finish what was started); after that nothing is, the session ends and the person logs in again;
- a staff session ends after ANSATT_INAKTIV_MINUTTER without a request, and ANSATT_OKT_MAKS_TIMER after the
  login whatever happens.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from . import audit
from .models import Hendelsestype, Innloggingskilde
from .session import PROVIDER

START = "tilgang_okt_start"
SIST_AKTIV = "tilgang_sist_aktiv"
ROLLER_SJEKKET = "tilgang_roller_sjekket"
UNNTATT = ("/logg-inn/", "/logg-ut/", "/helse/", "/static/", "/sprak/")


def er_ansatt_okt(request) -> bool:
    return request.session.get(PROVIDER) == Innloggingskilde.ANSATT or request.user.is_staff


def innlogget(request) -> None:
    """At every login (the user_logged_in receiver): the session's clocks start."""
    now = timezone.now().isoformat()
    request.session[START] = now
    request.session[SIST_AKTIV] = now
    if request.session.get(PROVIDER) == Innloggingskilde.ANSATT:
        request.session[ROLLER_SJEKKET] = now


def _tid(request, key) -> dt.datetime | None:
    value = request.session.get(key)
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _minutter(value: float) -> dt.timedelta:
    return dt.timedelta(minutes=value)


def sjekk(request):
    """None: go on. Otherwise the answer: the session ended, or the roles must be checked at the provider first."""
    if request.path_info.startswith(UNNTATT):
        return None
    now = timezone.now()
    start, sist = _tid(request, START), _tid(request, SIST_AKTIV)
    if start is None or sist is None:  # a staff session from before these limits: log in again
        return _avslutt(request, "økt uten tidspunkter", gettext("Logg inn på nytt."))
    if now - sist > _minutter(settings.ANSATT_INAKTIV_MINUTTER):
        return _avslutt(
            request,
            "inaktiv",
            gettext("Du ble logget ut fordi du ikke hadde gjort noe på %(minutter)s minutter. Logg inn på nytt.")
            % {"minutter": f"{settings.ANSATT_INAKTIV_MINUTTER:g}"},
        )
    if now - start > dt.timedelta(hours=settings.ANSATT_OKT_MAKS_TIMER):
        return _avslutt(
            request,
            "maksimal lengde",
            gettext("Du ble logget ut fordi økten varte lenger enn %(timer)s timer. Logg inn på nytt.")
            % {"timer": f"{settings.ANSATT_OKT_MAKS_TIMER:g}"},
        )
    if request.session.get(PROVIDER) == Innloggingskilde.ANSATT:
        sjekket = _tid(request, ROLLER_SJEKKET) or start
        if now - sjekket > _minutter(settings.ANSATT_ROLLER_FRIST_MINUTTER):
            return _avslutt(
                request,
                "rollene ikke bekreftet",
                gettext(
                    "Du ble logget ut fordi rollene dine ikke er bekreftet av Helsedirektoratets innlogging på "
                    "%(minutter)s minutter. Logg inn på nytt."
                )
                % {"minutter": f"{settings.ANSATT_ROLLER_FRIST_MINUTTER:g}"},
            )
        if (
            now - sjekket > _minutter(settings.ANSATT_ROLLER_MINUTTER)
            and request.method in ("GET", "HEAD")
            and request.headers.get("x-requested-with") != "XMLHttpRequest"
        ):
            # through the directorate's login again, and back to this page with the roles the token gives now
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('tilgang:start', args=[Innloggingskilde.ANSATT])}?{query}")
    if now - sist > dt.timedelta(seconds=60):  # the session is written at most once a minute for this
        request.session[SIST_AKTIV] = now.isoformat()
    return None


def _avslutt(request, grunn: str, melding: str):
    user = request.user
    audit.hendelse_log(
        hendelse=Hendelsestype.OKT_UTLOPT,
        kilde=request.session.get(PROVIDER) or Innloggingskilde.PASSORD,
        bruker=user,
        detalj=grunn,
    )
    auth.logout(request)
    messages.info(request, melding)
    next_url = request.get_full_path() if request.method in ("GET", "HEAD") else ""
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return HttpResponseRedirect(reverse(settings.LOGIN_URL) + query)
