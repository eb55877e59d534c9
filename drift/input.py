"""Bad input answered as bad input at the edge: a request whose address, query parameters or session/CSRF cookie
hold a NUL character gets 400 with a Norwegian page, before any view, filter or session lookup sees it, and an
address longer than a proxy would pass gets 414.

PostgreSQL cannot hold NUL in text: a NUL in an admin filter (`?status__exact=%00`), a search, a primary key in
the path or the session cookie ended as a 500 there, while SQLite let it through. No address of this application
has a reason to contain one. Form fields are checked by the forms (Django's CharField refuses NUL with a message
next to the field, and the input is kept); the request body is left to them. Two kinds of admin form field need
more than Django gives: a JSON field (JSON may spell a NUL as \\u0000, or a lone surrogate as \\ud800, which
cannot even be shown again) and a many-to-many choice of ids (a 40-digit id overflows SQLite); `SafeForm` gives
a ModelAdmin both, with Norwegian messages next to the field.
"""

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .mixins import AdminMixin, FormMixin

MELDING = _("Adressen inneholder et null-tegn (%00), som ikke kan brukes. Fjern det fra adressen og prøv igjen.")
FOR_LANG = _("Adressen er for lang. Søk med færre ord, eller gå tilbake og prøv igjen.")
# An address longer than a proxy lets through (nginx's default header buffer is 8 KiB) is refused here as well, so
# every database sees the same: SQLite refuses a LIKE pattern over 50,000 bytes with an error (a 500 in a search).
MAKS_SPORRESTRENG = 8 * 1024
# The methods any address here may answer; anything else (TRACE, CONNECT, made-up methods) is 405 at the edge.
METODER = frozenset({"GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"})


def _has_nul(request) -> bool:
    if "\x00" in request.path_info:
        return True
    if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
        return True
    cookies = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    return any("\x00" in request.COOKIES.get(name, "") for name in cookies)


class RejectInvalidInput:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in METODER:  # TRACE echoes the request (cookies included), CONNECT is for proxies
            return HttpResponseNotAllowed(sorted(METODER))
        if len(request.META.get("QUERY_STRING", "")) > MAKS_SPORRESTRENG:
            return self._refuse(request, FOR_LANG, status=414)
        if _has_nul(request):
            return self._refuse(request, MELDING, status=400)
        return self.get_response(request)

    @staticmethod
    def _refuse(request, melding, *, status):
        # before LocaleMiddleware: the language from the cookie (or the browser), checked against LANGUAGES
        with translation.override(translation.get_language_from_request(request)):
            return render(request, "ugyldig_inndata.html", {"melding": melding}, status=status)


UGYLDIGE_TEGN = _("Teksten inneholder et null-tegn (\\u0000) eller en ugyldig tegnkode, som ikke kan lagres.")


def kan_ikke_lagres(value) -> bool:
    """A NUL or a lone surrogate anywhere in a text, a list or an object (keys included)."""
    if isinstance(value, str):
        return "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, dict):
        return any(kan_ikke_lagres(k) or kan_ikke_lagres(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(kan_ikke_lagres(v) for v in value)
    return False


class TrygtJSONFelt(forms.JSONField):
    """JSON that can be stored and shown again: no NUL, no lone surrogate."""

    def to_python(self, value):
        converted = super().to_python(value)
        if kan_ikke_lagres(converted):
            raise ValidationError(UGYLDIGE_TEGN, code="invalid")
        return converted

    def bound_data(self, data, initial):
        value = super().bound_data(data, initial)
        return forms.fields.InvalidJSONInput(data) if kan_ikke_lagres(value) else value  # shown as typed


class SafeMultipleChoice(forms.ModelMultipleChoiceField):
    """Ids too large for the database are not valid choices (SQLite raised OverflowError)."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)  # type: ignore[misc]  # Django's, not in the stubs
        except OverflowError:
            raise ValidationError(
                gettext("Ugyldig valg: et av tallene er for stort."), code="invalid_pk_value"
            ) from None


class SafeForm(AdminMixin):
    """A ModelAdmin mix-in: JSON and many-to-many fields that answer bad input with a message, never a 500; and a
    form posted with a NUL anywhere is refused with a message, shown again without the NUL (an autocomplete widget
    looks its bound value up in the database while rendering, which PostgreSQL refuses for a NUL)."""

    formfield_overrides = {
        models.JSONField: {"form_class": TrygtJSONFelt},
        models.ManyToManyField: {"form_class": SafeMultipleChoice},
    }

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> "type[forms.ModelForm[Any]]":
        form = super().get_form(request, obj, change=change, **kwargs)  # by name: auth.UserAdmin takes no `change`
        return type(f"Trygt{form.__name__}", (UtenNul, form), {})


class UtenNul(FormMixin):
    """Form mix-in: NUL characters are taken out of the posted data before any field or widget sees them, and the
    form is then invalid with a message saying why."""

    def __init__(self, data=None, *args, **kwargs):
        self.hadde_nul = False
        lists = data.lists() if data is not None and hasattr(data, "lists") else ()
        if any("\x00" in key or any("\x00" in str(v) for v in values) for key, values in lists):
            self.hadde_nul = True
            data = data.copy()
            for key, values in list(data.lists()):
                data.setlist(key, [v.replace("\x00", "") if isinstance(v, str) else v for v in values])
        super().__init__(data, *args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.hadde_nul:
            raise ValidationError(UGYLDIGE_TEGN, code="nul")
        return cleaned


class ValidChoices(AdminMixin):
    """A ModelAdmin mix-in: the rows ticked for an action (`_selected_action`) that cannot be an id in the database
    (not digits, or past a 64-bit integer: SQLite raised OverflowError, a 500) are left out, as rows that no longer
    exist are; with none left the admin says that nothing was chosen."""

    def response_action(self, request, queryset):
        from django.contrib.admin import helpers

        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        valid = [value for value in selected if re.fullmatch(r"[0-9]{1,19}", value) and int(value) < 2**63]
        if valid != selected:
            request.POST = request.POST.copy()
            request.POST.setlist(helpers.ACTION_CHECKBOX_NAME, valid)
        return super().response_action(request, queryset)
