"""Bad input answered as bad input at the edge: a request whose address, query parameters or session/CSRF cookie
hold a NUL character gets 400 with a Norwegian page, before any view, filter or session lookup sees it.

PostgreSQL cannot hold NUL in text: a NUL in an admin filter (`?status__exact=%00`), a search, a primary key in
the path or the session cookie ended as a 500 there, while SQLite let it through. No address of this application
has a reason to contain one. Form fields are checked by the forms (Django's CharField refuses NUL with a message
next to the field, and the input is kept); the request body is left to them.
"""

from django.conf import settings
from django.shortcuts import render

MELDING = "Adressen inneholder et null-tegn (%00), som ikke kan brukes. Fjern det fra adressen og prøv igjen."


def _has_nul(request) -> bool:
    if "\x00" in request.path_info:
        return True
    if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
        return True
    cookies = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    return any("\x00" in request.COOKIES.get(name, "") for name in cookies)


class AvvisUgyldigInndata:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return render(request, "ugyldig_inndata.html", {"melding": MELDING}, status=400)
        return self.get_response(request)
