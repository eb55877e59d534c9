"""The case actions as a table: for each action a caseworker can take (a status to move the application to, or a
move on an open anmodning, `regler.status.SAKSBEHANDLER_HANDLINGER`), its form (forms.py), the prefix of its field
ids on the page, the service that does it, and which of the form's values the service takes.
`SoknadAdmin.handling_view` looks the action up here; adding one is a row, not a branch."""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..choices import Status
from ..models import Soknad
from ..regler.status import saksbehandlers_handlinger
from ..services import dialog, frister, oppfolging, saksbehandling
from .forms import (
    AnmodningForm,
    ForelopigSvarForm,
    FristForm,
    HandlingForm,
    OppfolgingForm,
    PaminnelseForm,
    RegisterForm,
    RejectForm,
    StartReviewForm,
    TrekkAnmodningForm,
)


@dataclass(frozen=True)
class Handling:
    form: type[HandlingForm]
    prefix: str  # of the field ids on the case page
    service: Callable[..., Soknad]  # called with soknad, bruker, expected_status and `verdier`
    tittel: str | Promise  # the choice in "Hva vil du gjøre?"
    knapp: str | Promise  # the form's button
    ferdig: str | Promise  # said when done
    verdier: tuple[str, ...] = ()  # the form's cleaned values the service takes, by name
    valgfrie: Mapping[str, Any] = field(default_factory=dict)  # and those it takes when given, with their default
    vedtak: bool = False  # a decision: its letter can be previewed before it is sent
    utkast: bool = False  # a letter that can be drafted from the findings (services.anmodningsbrev)

    def argumenter(self, data: Mapping[str, Any]) -> dict[str, Any]:
        return {navn: data[navn] for navn in self.verdier} | {
            navn: data.get(navn, standard) for navn, standard in self.valgfrie.items()
        }


# in the order the panel offers them: the decision a caseworker usually makes first, the refusal last
HANDLINGER: dict[str, Handling] = {
    Status.REGISTRERT: Handling(
        RegisterForm,
        "registrer",
        saksbehandling.soknad_register,
        tittel=_("Registrere virksomheten"),
        knapp=_("Registrer: forhåndsvis vedtaksbrevet"),
        ferdig=_("Søknaden har nå status «Registrert»."),
        verdier=("vedtaksdato",),
        valgfrie={"tidligere_fra": None, "tidligere_begrunnelse": ""},
        vedtak=True,
    ),
    Status.UNDER_BEHANDLING: Handling(
        StartReviewForm,
        "start",
        saksbehandling.soknad_start_review,
        tittel=_("Starte behandlingen"),
        knapp=_("Start behandling"),
        ferdig=_("Søknaden har nå status «Under behandling»."),
    ),
    Status.ANMODNING_SENDT: Handling(
        AnmodningForm,
        "anmodning",
        dialog.soknad_request_information,
        tittel=_("Be om flere opplysninger"),
        knapp=_("Send anmodning"),
        ferdig=_("Søknaden har nå status «Anmodning om mer informasjon sendt»."),
        verdier=("melding", "frist"),
        utkast=True,
    ),
    "oppfolging": Handling(
        OppfolgingForm,
        "oppfolging",
        oppfolging.soknad_follow_up,
        tittel=_("Sende en oppfølging av anmodningen"),
        knapp=_("Send oppfølgingen"),
        ferdig=_("Oppfølgingen er sendt til søkeren."),
        verdier=("melding", "frist"),
    ),
    "forleng_frist": Handling(
        FristForm,
        "frist",
        oppfolging.soknad_extend_deadline,
        tittel=_("Forlenge svarfristen"),
        knapp=_("Forleng svarfristen"),
        ferdig=_("Svarfristen er forlenget, og søkeren har fått e-post om det."),
        verdier=("frist",),
    ),
    "paminn": Handling(
        PaminnelseForm,
        "paminn",
        oppfolging.soknad_remind,
        tittel=_("Minne søkeren på anmodningen"),
        knapp=_("Send påminnelse nå"),
        ferdig=_("Påminnelsen er sendt til søkeren."),
    ),
    "trekk_anmodning": Handling(
        TrekkAnmodningForm,
        "trekk",
        oppfolging.soknad_withdraw_request,
        tittel=_("Trekke anmodningen tilbake"),
        knapp=_("Trekk anmodningen tilbake"),
        ferdig=_("Anmodningen er trukket tilbake. Søknaden er under behandling igjen."),
        verdier=("melding",),
    ),
    "forelopig_svar": Handling(
        ForelopigSvarForm,
        "forelopig",
        frister.soknad_forelopig_svar,
        tittel=_("Sende foreløpig svar (forvaltningsloven § 11a)"),
        knapp=_("Send foreløpig svar"),
        ferdig=_("Det foreløpige svaret er sendt til søkeren."),
        verdier=("melding", "forventet"),
    ),
    Status.AVSLATT: Handling(
        RejectForm,
        "avslag",
        saksbehandling.soknad_reject,
        tittel=_("Avslå søknaden"),
        knapp=_("Avslå: forhåndsvis vedtaksbrevet"),
        ferdig=_("Søknaden har nå status «Avslått»."),
        verdier=("begrunnelse", "vedtaksdato"),
        vedtak=True,
    ),
}


def handling_form(
    handling: str, data=None, *, status: str = "", soknadsdato: dt.date | None = None, **initial
) -> HandlingForm:
    """The form for one action, bound to `data` when given, else showing the current status, today's date and
    `initial` (a drafted letter)."""
    rad = HANDLINGER[handling]
    return rad.form(data, initial={"status": status, **initial}, auto_id=f"{rad.prefix}-%s", soknadsdato=soknadsdato)


def apne_handlinger(status: str) -> list[str]:
    """The actions open in `status`, in the panel's order."""
    apne = set(saksbehandlers_handlinger(status))
    return [navn for navn in HANDLINGER if navn in apne]
