"""The case actions as a table: for each status a caseworker can move an application to, its form (forms.py), the
prefix of its field ids on the page, the service that does it, and which of the form's values the service takes.
`SoknadAdmin.handling_view` looks the action up here; adding one is a row, not a branch."""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..choices import Status
from ..models import Soknad
from ..services import casework, dialogue
from .forms import AnmodningForm, HandlingForm, RegisterForm, RejectForm, StartReviewForm


@dataclass(frozen=True)
class Handling:
    form: type[HandlingForm]
    prefix: str  # of the field ids on the case page
    service: Callable[..., Soknad]  # called with soknad, bruker, expected_status and `verdier`
    verdier: tuple[str, ...] = ()  # the form's cleaned values the service takes, by name
    valgfrie: Mapping[str, Any] = field(default_factory=dict)  # and those it takes when given, with their default
    vedtak: bool = False  # a decision: its letter can be previewed before it is sent

    def argumenter(self, data: Mapping[str, Any]) -> dict[str, Any]:
        return {navn: data[navn] for navn in self.verdier} | {
            navn: data.get(navn, standard) for navn, standard in self.valgfrie.items()
        }


HANDLINGER: dict[str, Handling] = {
    Status.UNDER_BEHANDLING: Handling(StartReviewForm, "start", casework.soknad_start_review),
    Status.ANMODNING_SENDT: Handling(
        AnmodningForm, "anmodning", dialogue.soknad_request_information, verdier=("melding", "frist")
    ),
    Status.REGISTRERT: Handling(
        RegisterForm,
        "registrer",
        casework.soknad_register,
        verdier=("vedtaksdato",),
        valgfrie={"tidligere_fra": None, "tidligere_begrunnelse": ""},
        vedtak=True,
    ),
    Status.AVSLATT: Handling(
        RejectForm, "avslag", casework.soknad_reject, verdier=("begrunnelse", "vedtaksdato"), vedtak=True
    ),
}


def handling_form(handling: str, data=None, *, status: str = "", soknadsdato: dt.date | None = None) -> HandlingForm:
    """The form for one action, bound to `data` when given, else showing the current status and today's date."""
    rad = HANDLINGER[handling]
    return rad.form(data, initial={"status": status}, auto_id=f"{rad.prefix}-%s", soknadsdato=soknadsdato)
