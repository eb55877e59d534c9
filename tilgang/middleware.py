from django.utils.cache import add_never_cache_headers

from drift import oppslag

from . import ansatt_okt, session


class OrganisasjonerMiddleware:
    """For a person logged in through ID-porten: ask Altinn again at most every ALTINN_REFRESH_MINUTES, before
    the view runs, so an organisation Altinn no longer lists is gone from every page at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if oppslag.gyldig(request) is None and request.user.is_authenticated and session.PID in request.session:
            session.virksomheter_refresh(request)
        return self.get_response(request)


class AnsattOktMiddleware:
    """Staff sessions: idle timeout, a maximum length, and the roles checked again at the directorate's login at
    most every ANSATT_ROLLER_MINUTTER (tilgang/ansatt_okt.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if oppslag.gyldig(request) is None and request.user.is_authenticated and ansatt_okt.er_ansatt_okt(request):
            answer = ansatt_okt.sjekk(request)
            if answer is not None:
                return answer
        return self.get_response(request)


class IngenLagringMiddleware:
    """Every page of a logged-in user may hold personal data (the søker's answers, names, the cases): no browser or
    proxy keeps a copy (`Cache-Control: no-store, private`), so the back button after logout on a shared machine
    shows nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if oppslag.gyldig(request) is not None:  # a live lookup with its page's key (drift/oppslag.py): no session read
            add_never_cache_headers(response)
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response
