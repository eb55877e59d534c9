"""What the services refuse with: the views and the admin catch these and tell the user."""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from ..models import Soknad


class NotEditable(Exception):
    """The application is not open for changes by the søker (submitted, under review, decided)."""


class Conflict(Exception):
    """Someone else saved the same fields after the user opened the form."""

    def __init__(self, stored: Mapping[str, Any]):
        super().__init__("Konflikt")
        self.stored = dict(stored)


class SubmitRefused(Exception):
    def __init__(self, problemer: Mapping[str, Mapping[str, "StrOrPromise"]]):
        super().__init__("Søknaden er ikke fullført")
        self.problemer = problemer


class TransitionRefused(Exception):
    def __init__(self, melding: "StrOrPromise"):
        super().__init__(melding)
        self.melding = melding


class AlreadyApplied(Exception):
    """The organisation has an open application for the specialty already (`samtidig`: started a moment ago by
    someone else). The page that catches it links to `soknad`."""

    def __init__(self, soknad: "Soknad", *, samtidig: bool = False):
        super().__init__("Søknaden finnes")
        self.soknad = soknad
        self.samtidig = samtidig
