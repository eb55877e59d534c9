"""The caseworker's decisions: start the review, register or reject, each with its letter (previewed first)."""

import copy
import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .. import dokumenter, notifications
from ..choices import Status
from ..models import (
    Soknad,
    Vedtaksbrev,
    registrert_fra,
    tidligere_registrering_feil,
)
from ..regler.status import (
    SAKSBEHANDLER_OVERGANGER,
)
from .errors import TransitionRefused
from .transitions import require_saksbehandler, transition


def soknad_start_review(*, soknad: Soknad, bruker: User, expected_status: str | None = None) -> Soknad:
    require_saksbehandler(bruker)
    return transition(
        soknad=soknad,
        til=Status.UNDER_BEHANDLING,
        bruker=bruker,
        expected_status=expected_status,
        allowed=SAKSBEHANDLER_OVERGANGER,
    )


def soknad_register(
    *,
    soknad: Soknad,
    bruker: User,
    vedtaksdato: dt.date | None = None,
    melding: str = "",
    expected_status: str | None = None,
    tidligere_fra: dt.date | None = None,
    tidligere_begrunnelse: str = "",
) -> Soknad:
    """Register the application. `tidligere_fra` with its reason: the directorate's decision under § 38 third
    sentence that the virksomhet counts as registered from a date before the application."""
    require_saksbehandler(bruker)
    vedtaksdato = vedtaksdato or timezone.localdate()
    forhandslaget = _vedtaksbrev_prepare(
        soknad.pk,
        Status.REGISTRERT,
        vedtaksdato,
        tidligere_fra=tidligere_fra,
        tidligere_begrunnelse=tidligere_begrunnelse,
    )
    with transaction.atomic():
        current = Soknad.objects.select_related("virksomhet").get(pk=soknad.pk)
        if current.soknadsdato is None:
            raise TransitionRefused(gettext("Søknaden har ingen søknadsdato og kan ikke registreres."))
        if tidligere_fra is not None and (
            feil := tidligere_registrering_feil(current.soknadsdato, tidligere_fra, tidligere_begrunnelse)
        ):
            raise TransitionRefused(feil)
        result = transition(
            soknad=soknad,
            til=Status.REGISTRERT,
            bruker=bruker,
            expected_status=expected_status,
            melding=melding,
            allowed=SAKSBEHANDLER_OVERGANGER,
            vedtaksdato=vedtaksdato,
            registrert_fra=registrert_fra(current.soknadsdato, tidligere_fra=tidligere_fra),
            registrert_fra_begrunnelse=tidligere_begrunnelse.strip() if tidligere_fra else "",
        )
        _vedtaksbrev_send(result, forhandslaget)
    return result


def vedtak_preview(
    *,
    soknad: Soknad,
    til: str,
    vedtaksdato: dt.date,
    begrunnelse: str = "",
    tidligere_fra: dt.date | None = None,
    tidligere_begrunnelse: str = "",
) -> Soknad:
    """An unsaved copy of the application as the decision would leave it: what the letter is made from."""
    preview = copy.copy(soknad)
    preview.status = til
    preview.vedtaksdato = vedtaksdato
    if til == Status.REGISTRERT:
        assert soknad.soknadsdato is not None, "only a submitted application is decided"
        preview.registrert_fra = registrert_fra(soknad.soknadsdato, tidligere_fra=tidligere_fra)
        preview.registrert_fra_begrunnelse = tidligere_begrunnelse.strip() if tidligere_fra else ""
    else:
        preview.avslagsgrunn = begrunnelse.strip()
    return preview


def _vedtaksbrev_prepare(
    soknad_pk: int, til: str, vedtaksdato: dt.date, begrunnelse: str = "", **tidligere: Any
) -> dokumenter.Forhandslaget:
    """The letter, made before the write transaction (see dokumenter.Forhandslaget)."""
    soknad = Soknad.objects.select_related("virksomhet").get(pk=soknad_pk)
    if soknad.soknadsdato is None:
        return dokumenter.Forhandslaget()  # it will be refused
    preview = vedtak_preview(soknad=soknad, til=til, vedtaksdato=vedtaksdato, begrunnelse=begrunnelse, **tidligere)
    return dokumenter.Forhandslaget(dokumenter.vedtaksbrev_html(preview))


def _vedtaksbrev_send(soknad: Soknad, forhandslaget: dokumenter.Forhandslaget | None = None) -> Vedtaksbrev:
    forhandslaget = forhandslaget or dokumenter.Forhandslaget()
    pdf = forhandslaget.pdf_for(dokumenter.vedtaksbrev_html(soknad))
    brev = Vedtaksbrev.objects.create(soknad=soknad, vedtak=soknad.status, pdf=pdf)
    notifications.vedtak(soknad, vedlegg=[(dokumenter.vedtaksbrev_filnavn(soknad), brev.pdf, "application/pdf")])
    return brev


def soknad_reject(
    *,
    soknad: Soknad,
    bruker: User,
    begrunnelse: str,
    vedtaksdato: dt.date | None = None,
    expected_status: str | None = None,
) -> Soknad:
    require_saksbehandler(bruker)
    if not begrunnelse.strip():
        raise TransitionRefused(gettext("Skriv begrunnelsen for avslaget."))
    vedtaksdato = vedtaksdato or timezone.localdate()
    forhandslaget = _vedtaksbrev_prepare(soknad.pk, Status.AVSLATT, vedtaksdato, begrunnelse)
    with transaction.atomic():
        result = transition(
            soknad=soknad,
            til=Status.AVSLATT,
            bruker=bruker,
            expected_status=expected_status,
            melding=begrunnelse.strip(),
            allowed=SAKSBEHANDLER_OVERGANGER,
            vedtaksdato=vedtaksdato,
            avslagsgrunn=begrunnelse.strip(),
        )
        _vedtaksbrev_send(result, forhandslaget)
    return result
