"""The søker sends the application (first time or again), its snapshot and PDF; or withdraws it."""

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from laeringsmal.tolking import katalog_for_soknad

from .. import changes, dokumenter, notifications, seksjoner
from ..choices import Status
from ..models import (
    Innsending,
    Laeringsarena,
    Soknad,
)
from ..regler import status as statusregler
from ..regler.status import (
    SOKER_OVERGANGER,
)
from ..regler.vurdering import Vurdering, vurder
from .errors import SubmitRefused
from .refresh import arenaer_tolk, laeringsmal_store, mangler_refresh
from .transitions import status_change, transition
from .utkast import locked_editable, sprak_gyldig

logger = logging.getLogger("asa.pdf")


def referanse_for(soknad: Soknad, dato: dt.date, reserved: Iterable[str] = ()) -> str:
    """ASA-{year}-{pk:05d}; with a suffix (-2, -3 …) if an imported application already carries that reference."""
    base = f"ASA-{dato.year}-{soknad.pk:05d}"
    reserved = set(reserved)
    candidate, n = base, 1
    while candidate in reserved or Soknad.objects.filter(referanse=candidate).exclude(pk=soknad.pk).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def referanse_assign(*, soknad: Soknad, reserved: Iterable[str] = ()) -> None:
    """Give an application that has left draft its reference, once (dated by its søknadsdato)."""
    if not soknad.referanse and soknad.status != Status.UTKAST:
        assert soknad.soknadsdato is not None  # given when it left draft
        soknad.referanse = referanse_for(soknad, soknad.soknadsdato, reserved)
        soknad.save(update_fields=["referanse"])


def innsending_create(
    *, soknad: Soknad, arenaer: list[Laeringsarena], only_if_changed: bool = False
) -> Innsending | None:
    """Keep what the application looks like now, so a later submission can show what changed (version 1, 2, …)."""
    data = changes.snapshot(soknad, arenaer)
    last = Innsending.objects.filter(soknad=soknad).order_by("-tidspunkt", "-pk").first()
    if only_if_changed and last is not None and last.data == data:
        return None
    return Innsending.objects.create(soknad=soknad, data=data, versjon=(last.versjon + 1) if last else 1)


def soknad_submit(*, soknad: Soknad, bruker: User, sprak: str | None = None) -> Soknad:
    """Send the application to Helsedirektoratet (first time, or again after an anmodning).

    Every section must be complete. The søknadsdato and reference are set the first time only; each
    submission is kept as a snapshot so the caseworker can see what changed. `sprak`, the language the søker
    submits in, becomes the application's language for mail and letters (the receipt and its PDF are in it).

    Each arena's LM text is read, the application judged and its document made as HTML once, before the write
    transaction. In the transaction they are used as made if the locked rows are the rows they were made from;
    otherwise (someone saved meanwhile: rare) they are made again there (quick: no PDF). The HTML is kept with the
    snapshot, and the PDF is made from it after the commit, never while the write lock is held: in this request
    for a small application (within SOKNAD_PDF_I_FORESPORSEL_MAKS_HTML bytes of HTML, a few seconds at most), by
    the sender process (`send_epost --loop`) for a larger one, so no request holds a worker for a long document.
    The receipt is queued with the PDF once it exists (`innsending_pdf_make`).
    """
    tidspunkt = timezone.now()
    sprak = sprak_gyldig(sprak)
    forberedt = _innsending_prepare(soknad.pk, tidspunkt, sprak)
    with transaction.atomic():
        locked = locked_editable(soknad.pk)
        arenaer = list(Laeringsarena.objects.filter(soknad=locked).order_by("pk"))
        rader = _rader(locked, arenaer)
        til = statusregler.etter_innsending(locked.status)
        melding = "Sendt inn på nytt etter anmodning" if til == Status.SENDT_INN_PA_NYTT else ""
        locked.soknadsdato = locked.soknadsdato or timezone.localdate()
        if forberedt is None or (forberedt.rader, forberedt.soknadsdato) != (rader, locked.soknadsdato):
            forberedt = None  # someone saved meanwhile (or it is past midnight): made again below
            problemer = seksjoner.problems(locked, arenaer)
        else:
            problemer = forberedt.vurdering.problemer
        problemer = {k: v for k, v in problemer.items() if v}
        if problemer:
            raise SubmitRefused(problemer)
        if forberedt:
            laeringsmal_store(arenaer, forberedt.tolket)
            vurdering = forberedt.vurdering
        else:  # made again from the locked rows
            katalog = katalog_for_soknad(locked.soknadsdato)
            laeringsmal_store(arenaer, arenaer_tolk(arenaer, locked.spesialitet, katalog))
            vurdering = vurder(soknad=locked, arenaer=arenaer, katalog=katalog)
        updates: dict[str, object] = {"soknadsdato": locked.soknadsdato}
        if sprak:
            updates["sprak"] = sprak
        if not locked.referanse:  # set with the status, so the history row (and the audit log) can name it
            updates["referanse"] = referanse_for(locked, locked.soknadsdato)
        status_change(soknad=locked, til=til, bruker=bruker, melding=melding, **updates)
        innsending = innsending_create(soknad=locked, arenaer=arenaer)
        assert innsending is not None  # without only_if_changed there is always a new one
        mangler_refresh(soknad=locked, arenaer=arenaer, mangler=vurdering.mangler)
        # the application as sent, as a document: its PDF is kept with this submission and attached to the receipt
        if forberedt and (forberedt.versjon, forberedt.referanse) == (innsending.versjon, locked.referanse):
            innsending.pdf_html = forberedt.html
        else:
            innsending.pdf_html = dokumenter.soknad_html(
                locked, arenaer, versjon=innsending.versjon, tidspunkt=tidspunkt, vurdering=vurdering
            )
        innsending.save(update_fields=["pdf_html"])
    if len(innsending.pdf_html.encode()) <= settings.SOKNAD_PDF_I_FORESPORSEL_MAKS_HTML:
        innsending_pdf_make(innsending_id=innsending.pk, html=innsending.pdf_html)
    return locked


# The stored values of the application, its organisation and each arena
_Rader = tuple[tuple[Any, ...], tuple[Any, ...], tuple[tuple[Any, ...], ...]]


@dataclass(frozen=True)
class _Forberedt:
    """A submission made before the write transaction, and the rows it was made from."""

    rader: _Rader
    soknadsdato: dt.date  # the catalogue's date, and the document's
    tolket: dict[int, dict[str, list[Any]]]  # arena pk -> what its LM text was read as
    vurdering: Vurdering
    versjon: int = 0
    referanse: str = ""
    html: str = ""  # the document; its PDF is made after the commit


def _rader(soknad: Soknad, arenaer: list[Laeringsarena]) -> _Rader:
    """Every stored value a submission is made from: the application, its organisation and its arenas."""

    def verdier(obj: Model) -> tuple[Any, ...]:
        return tuple(getattr(obj, f.attname) for f in obj._meta.concrete_fields)

    return verdier(soknad), verdier(soknad.virksomhet), tuple(verdier(a) for a in arenaer)


def _innsending_prepare(soknad_pk: int, tidspunkt: dt.datetime, sprak: str | None = None) -> _Forberedt | None:
    """The submission about to be made (arenas read, judgement, document), from the rows as they are now, outside
    any transaction. None when it will be refused for its status; no document when for what it lacks."""
    soknad = Soknad.objects.select_related("virksomhet").get(pk=soknad_pk)
    arenaer = list(Laeringsarena.objects.filter(soknad=soknad).order_by("pk"))
    if not soknad.er_redigerbar:
        return None
    rader = _rader(soknad, arenaer)
    soknad.sprak = sprak or soknad.sprak
    soknad.soknadsdato = soknad.soknadsdato or timezone.localdate()
    katalog = katalog_for_soknad(soknad.soknadsdato)
    tolket = arenaer_tolk(arenaer, soknad.spesialitet, katalog)
    for arena in arenaer:  # as the transaction will store them
        for name, value in tolket[arena.pk].items():
            setattr(arena, name, value)
    vurdering = vurder(soknad=soknad, arenaer=arenaer, katalog=katalog)
    if not vurdering.kan_sendes:
        return _Forberedt(rader, soknad.soknadsdato, tolket, vurdering)  # it will be refused
    soknad.referanse = soknad.referanse or referanse_for(soknad, soknad.soknadsdato)
    soknad.status = statusregler.etter_innsending(soknad.status)
    last = Innsending.objects.filter(soknad=soknad).order_by("-tidspunkt", "-pk").only("versjon").first()
    versjon = last.versjon + 1 if last else 1
    html = dokumenter.soknad_html(
        soknad, arenaer, versjon=versjon, tidspunkt=tidspunkt, vurdering=vurdering, katalog=katalog
    )
    return _Forberedt(rader, soknad.soknadsdato, tolket, vurdering, versjon, soknad.referanse, html)


def innsending_pdf_make(*, innsending_id: int, html: str | None = None) -> bool:
    """Make the PDF of a submission from the HTML kept when it was sent (`html`: that HTML, when the caller has it),
    outside any transaction, then store it and queue the receipt with it in one short transaction. False when there
    was nothing to make (made already, by this or another process)."""
    if html is None:
        html = Innsending.objects.filter(pk=innsending_id).values_list("pdf_html", flat=True).first()
    if not html:
        return False
    pdf = dokumenter.pdf_from_html(html)
    with transaction.atomic():
        innsending = Innsending.objects.select_for_update().select_related("soknad__virksomhet").get(pk=innsending_id)
        if not innsending.pdf_html:
            return False
        innsending.pdf, innsending.pdf_storrelse, innsending.pdf_html = pdf, len(pdf), ""
        innsending.save(update_fields=["pdf", "pdf_storrelse", "pdf_html"])
        soknad = innsending.soknad
        filnavn = dokumenter.soknad_filnavn(soknad, innsending.versjon)
        notifications.kvittering(soknad, vedlegg=[(filnavn, innsending.pdf, "application/pdf")])
    return True


def innsendinger_pdf_make() -> int:
    """Make every PDF still waiting (larger applications, or a request that ended before its PDF): run by the
    sender process after each round of mail. Returns how many were made."""
    ventende = Innsending.objects.filter(pdf_storrelse=0).exclude(pdf_html="").order_by("pk")
    laget = 0
    for pk in ventende.values_list("pk", flat=True):
        try:
            laget += innsending_pdf_make(innsending_id=pk)
        except Exception as error:  # noqa: BLE001 - one document that cannot be made must not stop the others
            logger.error("innsending_pdf_feilet", extra={"innsending_id": pk, "feil": str(error)[:300]})
    return laget


def soknad_withdraw(*, soknad: Soknad, bruker: User, melding: str = "") -> Soknad:
    """The applicant withdraws a submitted application."""
    return transition(
        soknad=soknad,
        til=Status.TRUKKET,
        bruker=bruker,
        expected_status=None,
        melding=melding.strip(),
        allowed=SOKER_OVERGANGER,
    )
