"""Every write of the søker journey: creating, saving sections and arenas, submitting.

Each function runs in one transaction. Saving compares a fingerprint of what the user was shown
with what is stored now, so that two people editing the same application never overwrite each
other silently (the loser is told and keeps what they typed).
"""

import copy
import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from brreg import client as brreg_client
from brreg import services as brreg_services
from brreg.models import Virksomhet
from laeringsmal.tolking import katalog_for_soknad, tolk_laeringsmal
from tilgang import selectors as tilgang_selectors

from . import changes, dokumenter, grenser, notifications, pdfsjekk, sections, skjema
from .changes import fingerprint
from .choices import Spesialitet, Status, Virksomhetstype
from .models import (
    Innsending,
    Laeringsarena,
    Mangel,
    Melding,
    Soknad,
    Statusendring,
    Vedlegg,
    Vedtaksbrev,
    registrert_fra,
    tidligere_registrering_feil,
)
from .regler import gyldig, hvem
from .regler import mangler as mangelregler
from .regler import status as statusregler
from .regler.status import (  # noqa: F401  (named here too: the workflow below applies them)
    AVSLUTTEDE_STATUSER,
    SAKSBEHANDLER_OVERGANGER,
    SOKER_OVERGANGER,
)
from .regler.vurdering import Vurdering, vurder
from .roles import BEHANDLE_SOKNAD

logger = logging.getLogger("asa.pdf")


class NotEditable(Exception):
    """The application is not open for changes by the søker (submitted, under review, decided)."""


class Conflict(Exception):
    """Someone else saved the same fields after the user opened the form."""

    def __init__(self, stored: Mapping[str, Any]):
        super().__init__("Konflikt")
        self.stored = dict(stored)


class SubmitRefused(Exception):
    def __init__(self, problemer: Mapping[str, Mapping[str, str]]):
        super().__init__("Søknaden er ikke fullført")
        self.problemer = problemer


def sprak_gyldig(sprak: str | None) -> str | None:
    """One of settings.LANGUAGES for a language code as `translation.get_language()` gives it ("nn", "nb-no"), or
    None for none given or one we do not write in."""
    kjente = {kode for kode, _navn in settings.LANGUAGES}
    sprak = (sprak or "").lower()
    return next((kode for kode in (sprak, sprak.split("-")[0]) if kode in kjente), None)


def soknad_create(*, bruker, organisasjonsnummer: str, spesialitet: str, sprak: str | None = None) -> Soknad:
    """Start an application for one of the organisations Altinn says the user may act for; raises
    ValidationError keyed by the start form's fields.

    The organisation is looked up in Enhetsregisteret before any transaction is opened, with at most
    BRREG_START_TIMEOUT seconds for the registry (none for BRREG_PAUSE seconds after it used them all up, see
    `brreg.services.lookup_within`). When it cannot be reached in that time, the name Altinn gave is kept as not
    verified (`oppdater_virksomheter` confirms it later). `sprak`: the language the søker uses (mail and letters).
    """
    if not tilgang_selectors.kan_representere(bruker, organisasjonsnummer):
        raise ValidationError({"organisasjonsnummer": IKKE_TILGANG})
    try:
        found = brreg_services.lookup_within(organisasjonsnummer, seconds=settings.BRREG_START_TIMEOUT)
    except (brreg_client.NotFound, brreg_client.Removed) as error:
        raise ValidationError({"organisasjonsnummer": error.melding}) from None
    except brreg_client.Unavailable:
        found = None
    if found is not None and found.slettet:
        melding = gettext("%(navn)s er slettet i Enhetsregisteret (%(dato)s) og kan ikke søke om registrering.")
        navn = found.navn or gettext("Virksomheten")
        raise ValidationError({"organisasjonsnummer": melding % {"navn": navn, "dato": f"{found.slettedato:%d.%m.%Y}"}})
    with transaction.atomic():
        if found is not None:
            virksomhet = brreg_services.virksomhet_from_lookup(found)
        else:
            virksomhet = Virksomhet.objects.get(organisasjonsnummer=organisasjonsnummer)
        if grunn := hvem.grunn_til_avslag(spesialitet, er_kommune=virksomhet.er_kommune, navn=virksomhet.navn):
            raise ValidationError({"spesialitet": grunn})
        apne = Soknad.objects.filter(virksomhet=virksomhet, spesialitet=spesialitet).exclude(
            status__in=AVSLUTTEDE_STATUSER
        )
        existing = apne.first()
        if existing is not None:
            raise ValidationError(
                {
                    "spesialitet": format_html(
                        gettext('{navn} har allerede en søknad om {spesialitet}. <a href="{url}">Gå til søknaden</a>.'),
                        navn=virksomhet.navn,
                        spesialitet=Spesialitet(spesialitet).label.lower(),
                        url=reverse("soknader:oppgaver", args=[existing.pk]),
                    )
                }
            )
        try:
            with transaction.atomic():
                return Soknad.objects.create(
                    virksomhet=virksomhet,
                    spesialitet=spesialitet,
                    virksomhetstype=Virksomhetstype.KOMMUNE if virksomhet.er_kommune else "",
                    opprettet_av=bruker,
                    sprak=sprak_gyldig(sprak) or settings.LANGUAGE_CODE,
                )
        except IntegrityError:  # someone started the same application a moment ago
            existing = apne.get()
            raise ValidationError(
                {
                    "spesialitet": format_html(
                        gettext('Søknaden ble nettopp opprettet av en annen. <a href="{url}">Gå til søknaden</a>.'),
                        url=reverse("soknader:oppgaver", args=[existing.pk]),
                    )
                }
            ) from None


def soknad_copy(
    *,
    bruker,
    kilde: Soknad,
    spesialitet: str,
    seksjoner: Iterable[str],
    arenaer: Iterable[int],
    sprak: str | None = None,
) -> Soknad:
    """Start a new application of the same organisation as a copy of another (cooperating kommuner prepare common
    content but apply one by one): the chosen sections' answers and arenas. Each arena's LM text is read again for
    the new specialty; what does not fit stays in the text and is shown on the arena, never dropped silently.
    Raises ValidationError keyed by the copy form's fields."""
    virksomhet = kilde.virksomhet
    if not tilgang_selectors.kan_representere(bruker, virksomhet.organisasjonsnummer):
        raise ValidationError({"spesialitet": IKKE_TILGANG})
    if not hvem.kan_soke(spesialitet, virksomhet.er_kommune):
        raise ValidationError({"spesialitet": hvem.IKKE_KOMMUNE_ALM})
    felt = [name for seksjon in seksjoner if seksjon in skjema.SEKSJONER for name in skjema.SEKSJONER[seksjon].feltnavn]
    katalog = katalog_for_soknad(None)
    with transaction.atomic():
        apen = (
            Soknad.objects.filter(virksomhet=virksomhet, spesialitet=spesialitet)
            .exclude(status__in=AVSLUTTEDE_STATUSER)
            .first()
        )
        if apen is not None:
            navn = Spesialitet(spesialitet).label.lower()
            raise ValidationError(
                {
                    "spesialitet": gettext("%(navn)s har allerede en søknad om %(spesialitet)s.")
                    % {"navn": virksomhet.navn, "spesialitet": navn}
                }
            )
        try:
            with transaction.atomic():
                ny = Soknad.objects.create(
                    virksomhet=virksomhet,
                    spesialitet=spesialitet,
                    opprettet_av=bruker,
                    sprak=sprak_gyldig(sprak) or kilde.sprak,
                    **{name: getattr(kilde, name) for name in felt},
                )
        except IntegrityError:
            raise ValidationError({"spesialitet": gettext("Søknaden ble nettopp opprettet av en annen.")}) from None
        if not ny.virksomhetstype:
            ny.virksomhetstype = Virksomhetstype.KOMMUNE if virksomhet.er_kommune else ""
            ny.save(update_fields=["virksomhetstype"])
        valgte = Laeringsarena.objects.filter(soknad=kilde, pk__in=list(arenaer)).order_by("pk")
        if melding := grenser.arenaer_for_mange(nye=valgte.count()):
            raise ValidationError({"arenaer": melding})
        Laeringsarena.objects.bulk_create(
            Laeringsarena(
                soknad=ny,
                **{name: getattr(a, name) for name in skjema.ARENA_FELT},
                **tolk_laeringsmal(tekst=a.laeringsmal, spesialitet=spesialitet, katalog=katalog).felter,
            )
            for a in valgte
        )
        mangler_refresh(soknad=ny)
    return ny


IKKE_TILGANG = _(
    "Du kan bare starte en søknad for virksomheter som har gitt deg tilgang til tjenesten i Altinn. Be den som "
    "styrer tilganger i virksomheten (i Altinn) om tilgang, og logg inn på nytt."
)


def _save_fields(obj, values: Mapping[str, Any], field_names: Iterable[str], expected: str) -> None:
    stored = sections.values(obj, field_names)
    if expected and fingerprint(stored) != expected:
        raise Conflict(stored)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save(update_fields=[*values, "endret"])


def _locked_editable(soknad_id: int) -> Soknad:
    soknad = Soknad.objects.select_for_update().select_related("virksomhet").get(pk=soknad_id)
    if not soknad.er_redigerbar:
        raise NotEditable()
    return soknad


def seksjon_save(*, soknad: Soknad, seksjon: str, values: Mapping[str, Any], expected: str) -> Soknad:
    """Save the given fields of one section (a draft may be incomplete)."""
    field_names = skjema.SEKSJONER[seksjon].feltnavn
    unknown = set(values) - set(field_names)
    if unknown:
        raise ValueError(f"Felt utenfor seksjonen {seksjon}: {sorted(unknown)}")
    with transaction.atomic():
        locked = _locked_editable(soknad.pk)
        _save_fields(locked, values, field_names, expected)
        mangler_refresh(soknad=locked)
    return locked


def laeringsarena_save(
    *, soknad: Soknad, arena: Laeringsarena | None, values: Mapping[str, Any], expected: str = ""
) -> Laeringsarena:
    """Save an arena (a new one when `arena` is None). A new arena over the application's limit is refused with
    ValidationError (the message; see grenser)."""
    values = dict(values)
    if "laeringsmal" in values:  # the text is kept as written, the codes it means next to it
        katalog = katalog_for_soknad(soknad.soknadsdato)
        values |= tolk_laeringsmal(tekst=values["laeringsmal"], spesialitet=soknad.spesialitet, katalog=katalog).felter
    with transaction.atomic():
        locked_soknad = _locked_editable(soknad.pk)
        if arena is None:
            _arenaer_check(locked_soknad, nye=1)
            saved = Laeringsarena.objects.create(soknad=soknad, **values)
        else:
            try:
                saved = Laeringsarena.objects.select_for_update().get(pk=arena.pk, soknad=soknad)
            except Laeringsarena.DoesNotExist:
                raise Conflict({}) from None
            _save_fields(saved, values, skjema.ARENA_FELT, expected)
        mangler_refresh(soknad=locked_soknad)
        return saved


def laeringsarenaer_import(*, soknad: Soknad, rows: list[Mapping[str, Any]]) -> list[Laeringsarena]:
    """Add arenas read from a file (interchange.arenaer) to a draft; their LM texts are read for its specialty.
    More than the limits allow (see grenser) is refused with ValidationError (the message)."""
    katalog = katalog_for_soknad(soknad.soknadsdato)
    with transaction.atomic():
        locked = _locked_editable(soknad.pk)
        _arenaer_check(locked, nye=len(rows), fra_fil=True)
        added = Laeringsarena.objects.bulk_create(
            Laeringsarena(
                soknad=locked,
                **row,
                **tolk_laeringsmal(tekst=row["laeringsmal"], spesialitet=locked.spesialitet, katalog=katalog).felter,
            )
            for row in rows
        )
        mangler_refresh(soknad=locked)
    return added


def _arenaer_check(soknad: Soknad, *, nye: int, fra_fil: bool = False) -> None:
    """Refuse (ValidationError with the message) what would take a locked application over the arena limits."""
    har = Laeringsarena.objects.filter(soknad=soknad).count()
    if melding := grenser.arenaer_for_mange(har=har, nye=nye, fra_fil=fra_fil):
        raise ValidationError(melding)


def laeringsarena_delete(*, soknad: Soknad, arena: Laeringsarena) -> None:
    with transaction.atomic():
        locked = _locked_editable(soknad.pk)
        Laeringsarena.objects.filter(pk=arena.pk, soknad=soknad).delete()
        mangler_refresh(soknad=locked)


def referanse_for(soknad: Soknad, dato, reserved: Iterable[str] = ()) -> str:
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
        soknad.referanse = referanse_for(soknad, soknad.soknadsdato, reserved)
        soknad.save(update_fields=["referanse"])


def status_change(*, soknad: Soknad, til: str, bruker, melding: str = "", **updates) -> Soknad:
    """Give a (locked) application a new status and the given values, and record the change in its history.

    The workflow's rules (who may move it where) are the caller's: the workflow below, or an import.
    """
    fra = soknad.status
    soknad.status = til
    for name, value in updates.items():
        setattr(soknad, name, value)
    soknad.save(update_fields=["status", *updates, "endret"])
    Statusendring.objects.create(soknad=soknad, fra_status=fra, til_status=til, utfort_av=bruker, melding=melding)
    return soknad


def innsending_create(
    *, soknad: Soknad, arenaer: list[Laeringsarena], only_if_changed: bool = False
) -> Innsending | None:
    """Keep what the application looks like now, so a later submission can show what changed (version 1, 2, …)."""
    data = changes.snapshot(soknad, arenaer)
    last = Innsending.objects.filter(soknad=soknad).order_by("-tidspunkt", "-pk").first()
    if only_if_changed and last is not None and last.data == data:
        return None
    return Innsending.objects.create(soknad=soknad, data=data, versjon=(last.versjon + 1) if last else 1)


def soknad_submit(*, soknad: Soknad, bruker, sprak: str | None = None) -> Soknad:
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
        locked = _locked_editable(soknad.pk)
        arenaer = list(Laeringsarena.objects.filter(soknad=locked).order_by("pk"))
        rader = _rader(locked, arenaer)
        melding = "Sendt inn på nytt etter anmodning" if locked.status == Status.ANMODNING_SENDT else ""
        locked.soknadsdato = locked.soknadsdato or timezone.localdate()
        if forberedt is None or (forberedt.rader, forberedt.soknadsdato) != (rader, locked.soknadsdato):
            forberedt = None  # someone saved meanwhile (or it is past midnight): made again below
            problemer = sections.problems(locked, arenaer)
        else:
            problemer = forberedt.vurdering.problemer
        problemer = {k: v for k, v in problemer.items() if v}
        if problemer:
            raise SubmitRefused(problemer)
        if forberedt:
            _laeringsmal_save(arenaer, forberedt.tolket)
            vurdering = forberedt.vurdering
        else:  # made again from the locked rows
            katalog = katalog_for_soknad(locked.soknadsdato)
            _laeringsmal_save(arenaer, _tolk(arenaer, locked.spesialitet, katalog))
            vurdering = vurder(soknad=locked, arenaer=arenaer, katalog=katalog)
        updates = {"soknadsdato": locked.soknadsdato}
        if sprak:
            updates["sprak"] = sprak
        if not locked.referanse:  # set with the status, so the history row (and the audit log) can name it
            updates["referanse"] = referanse_for(locked, locked.soknadsdato)
        status_change(soknad=locked, til=Status.INNSENDT, bruker=bruker, melding=melding, **updates)
        innsending = innsending_create(soknad=locked, arenaer=arenaer)
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


@dataclass(frozen=True)
class _Forberedt:
    """A submission made before the write transaction, and the rows it was made from."""

    rader: tuple
    soknadsdato: dt.date  # the catalogue's date, and the document's
    tolket: dict[int, dict]  # arena pk -> what its LM text was read as
    vurdering: Vurdering
    versjon: int = 0
    referanse: str = ""
    html: str = ""  # the document; its PDF is made after the commit


def _rader(soknad: Soknad, arenaer: list[Laeringsarena]) -> tuple:
    """Every stored value a submission is made from: the application, its organisation and its arenas."""

    def verdier(obj) -> tuple:
        return tuple(getattr(obj, f.attname) for f in obj._meta.concrete_fields)

    return verdier(soknad), verdier(soknad.virksomhet), tuple(verdier(a) for a in arenaer)


def _innsending_prepare(soknad_pk: int, tidspunkt, sprak: str | None = None) -> _Forberedt | None:
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
    tolket = _tolk(arenaer, soknad.spesialitet, katalog)
    for arena in arenaer:  # as the transaction will store them
        for name, value in tolket[arena.pk].items():
            setattr(arena, name, value)
    vurdering = vurder(soknad=soknad, arenaer=arenaer, katalog=katalog)
    if not vurdering.kan_sendes:
        return _Forberedt(rader, soknad.soknadsdato, tolket, vurdering)  # it will be refused
    soknad.referanse = soknad.referanse or referanse_for(soknad, soknad.soknadsdato)
    soknad.status = Status.INNSENDT
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


def _tolk(arenaer: list[Laeringsarena], spesialitet: str, katalog) -> dict[int, dict]:
    """Each arena's LM text read against the catalogue: arena pk -> the fields stored next to the text."""
    return {
        arena.pk: tolk_laeringsmal(tekst=arena.laeringsmal, spesialitet=spesialitet, katalog=katalog).felter
        for arena in arenaer
    }


def _laeringsmal_save(arenaer: list[Laeringsarena], tolket: Mapping[int, Mapping[str, Any]]) -> None:
    for arena in arenaer:
        for name, value in tolket[arena.pk].items():
            setattr(arena, name, value)
    Laeringsarena.objects.bulk_update(arenaer, ["laeringsmal_koder", "laeringsmal_feil", "laeringsmal_delvis"])


def laeringsmal_reread(*, soknad: Soknad, arenaer: list[Laeringsarena]) -> None:
    """Read every arena's text again against the catalogue valid on the søknadsdato (today for a draft): after a
    new catalogue is loaded (`oppdater_mangler`)."""
    _laeringsmal_save(arenaer, _tolk(arenaer, soknad.spesialitet, katalog_for_soknad(soknad.soknadsdato)))


def soknad_delete_draft(*, soknad: Soknad) -> None:
    with transaction.atomic():
        locked = Soknad.objects.select_for_update().get(pk=soknad.pk)
        if not statusregler.kan_slettes(locked.status, locked.referanse):
            raise NotEditable()
        locked.delete()


# ---- findings ------------------------------------------------------------------------------------


def mangler_refresh(
    *, soknad: Soknad, arenaer: list[Laeringsarena] | None = None, mangler: list[mangelregler.Mangel] | None = None
) -> list[mangelregler.Mangel]:
    """Store the findings of an application (they are computed, never typed): `mangler` when the caller has just
    judged it, otherwise judged now (`regler.vurdering.vurder`). Each is kept as its rule's code and params, worded
    in the reader's language when shown; its bokmål wording is kept beside it as the directorate's record (the
    export) and for code that reads only that."""
    if mangler is None:
        if arenaer is None:
            arenaer = list(Laeringsarena.objects.filter(soknad=soknad).order_by("pk"))
        katalog = katalog_for_soknad(soknad.soknadsdato)
        mangler = vurder(soknad=soknad, arenaer=arenaer, katalog=katalog).mangler
    with translation.override(settings.LANGUAGE_CODE):
        rader = [
            Mangel(
                soknad=soknad,
                kode=m.kode,
                alvorlighet=m.alvorlighet,
                params=dict(m.params),
                melding=m.tekst,
                seksjon=m.seksjon,
                arena_nummer=m.arena_nummer,
            )
            for m in mangler
        ]
    with transaction.atomic():
        Mangel.objects.filter(soknad=soknad).delete()
        Mangel.objects.bulk_create(rader)
    return mangler


def mangler_refresh_for_virksomhet(virksomhet) -> None:
    for soknad in Soknad.objects.filter(virksomhet=virksomhet).select_related("virksomhet"):
        mangler_refresh(soknad=soknad)


# ---- the case workflow ---------------------------------------------------------------------------


class TransitionRefused(Exception):
    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


def er_saksbehandler(bruker) -> bool:
    """May this user act on applications (the permission `behandle_soknad`, usually through the group)?"""
    return bool(bruker and bruker.has_perm(BEHANDLE_SOKNAD))


def _transition(
    *,
    soknad: Soknad,
    til: str,
    bruker,
    expected_status: str | None,
    melding: str = "",
    allowed: Mapping[str, set],
    **updates,
) -> Soknad:
    with transaction.atomic():
        locked = Soknad.objects.select_for_update().select_related("virksomhet").get(pk=soknad.pk)
        if expected_status is not None and locked.status != expected_status:
            raise TransitionRefused(
                gettext(
                    "Søknaden ble endret av en annen mens du så på den: status er nå «%(status)s». "
                    "Se over søknaden på nytt."
                )
                % {"status": locked.get_status_display()}
            )
        if locked.status not in allowed.get(til, set()):
            raise TransitionRefused(
                gettext("En søknad med status «%(fra)s» kan ikke få status «%(til)s».")
                % {"fra": locked.get_status_display(), "til": Status(til).label}
            )
        return status_change(soknad=locked, til=til, bruker=bruker, melding=melding, **updates)


IKKE_SAKSBEHANDLER = _("Bare saksbehandlere i Helsedirektoratet kan behandle søknader.")


def _require_saksbehandler(bruker) -> None:
    if not er_saksbehandler(bruker):
        raise TransitionRefused(IKKE_SAKSBEHANDLER)


def soknad_start_review(*, soknad: Soknad, bruker, expected_status: str | None = None) -> Soknad:
    _require_saksbehandler(bruker)
    return _transition(
        soknad=soknad,
        til=Status.UNDER_BEHANDLING,
        bruker=bruker,
        expected_status=expected_status,
        allowed=SAKSBEHANDLER_OVERGANGER,
    )


def anmodning_frist_standard() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=settings.ANMODNING_FRIST_DAGER)


def soknad_request_information(
    *, soknad: Soknad, bruker, melding: str, frist: dt.date | None = None, expected_status: str | None = None
) -> Soknad:
    """Ask the applicant for more information by a deadline; they may then answer, edit and submit again."""
    _require_saksbehandler(bruker)
    if not melding.strip():
        raise TransitionRefused(gettext("Skriv hva søkeren må gjøre eller svare på."))
    frist = frist or anmodning_frist_standard()
    if frist <= timezone.localdate():
        raise TransitionRefused(gettext("Svarfristen må være etter dagens dato."))
    with transaction.atomic():
        result = _transition(
            soknad=soknad,
            til=Status.ANMODNING_SENDT,
            bruker=bruker,
            expected_status=expected_status,
            melding=melding.strip(),
            allowed=SAKSBEHANDLER_OVERGANGER,
            anmodning=melding.strip(),
        )
        Melding.objects.create(
            soknad=result, fra=Melding.Fra.SAKSBEHANDLER, forfatter=bruker, tekst=melding.strip(), frist=frist
        )
        notifications.anmodning(result, melding.strip(), frist)
    return result


def soknad_answer(*, soknad: Soknad, bruker, tekst: str, vedlegg: Iterable = (), sprak: str | None = None) -> Melding:
    """The applicant answers an anmodning in words, with PDF attachments if asked. Raises ValidationError keyed by
    the answer form's fields (`tekst`, `vedlegg`). The answer is kept in the thread; the applicant then resubmits.
    `sprak`: the language the søker answers in becomes the application's language for mail and letters."""
    tekst = tekst.strip()
    vedlegg = list(vedlegg)
    filer = []
    tidligere = Vedlegg.objects.filter(melding__soknad=soknad).aggregate(antall=Count("pk"), bytes=Sum("storrelse"))
    melding = grenser.vedlegg_for_mange(
        filer=[(fil.name, fil.size) for fil in vedlegg],
        har_antall=tidligere["antall"],
        har_bytes=tidligere["bytes"] or 0,
    )
    if melding:  # by the sizes the upload declared, before any file is read
        raise ValidationError({"vedlegg": melding})
    for fil in vedlegg:
        innhold = fil.read(settings.VEDLEGG_MAKS_BYTES + 1)  # never more than the limit and a byte
        if melding := gyldig.vedlegg_feil(fil.name, len(innhold), innhold) or pdfsjekk.pdf_problem(innhold, fil.name):
            raise ValidationError({"vedlegg": melding})
        filer.append((pdfsjekk.trygt_filnavn(fil.name), innhold))
    if not tekst and not filer:
        raise ValidationError({"tekst": gettext("Skriv et svar til Helsedirektoratet, eller legg ved en fil.")})
    with transaction.atomic():
        locked = Soknad.objects.select_for_update().get(pk=soknad.pk)
        if not statusregler.kan_svare(locked.status):
            raise NotEditable()
        sprak = sprak_gyldig(sprak)
        if sprak and sprak != locked.sprak:
            locked.sprak = sprak
            locked.save(update_fields=["sprak"])
        if filer:  # again under the lock: two answers sent at once count together
            tidligere = Vedlegg.objects.filter(melding__soknad=locked).aggregate(
                antall=Count("pk"), bytes=Sum("storrelse")
            )
            if feil := grenser.vedlegg_for_mange(
                filer=[(navn, len(innhold)) for navn, innhold in filer],
                har_antall=tidligere["antall"],
                har_bytes=tidligere["bytes"] or 0,
            ):
                raise ValidationError({"vedlegg": feil})
        melding = Melding.objects.create(soknad=locked, fra=Melding.Fra.SOKER, forfatter=bruker, tekst=tekst)
        Vedlegg.objects.bulk_create(
            Vedlegg(melding=melding, filnavn=navn, storrelse=len(innhold), innhold=innhold) for navn, innhold in filer
        )
    return melding


def paminnelser_send() -> int:
    """Remind the applicant once, ANMODNING_PAMINNELSE_DAGER before the deadline, of an anmodning not yet answered
    by a new submission (run daily: `manage.py send_paminnelser`). Returns how many reminders were queued."""
    today = timezone.localdate()
    due = Melding.objects.filter(
        fra=Melding.Fra.SAKSBEHANDLER,
        soknad__status=Status.ANMODNING_SENDT,
        paminnet__isnull=True,
        frist__gte=today,
        frist__lte=today + dt.timedelta(days=settings.ANMODNING_PAMINNELSE_DAGER),
    )
    sent = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            melding = Melding.objects.select_for_update().select_related("soknad__virksomhet").get(pk=pk)
            soknad = melding.soknad
            if melding.paminnet is not None or soknad.siste_anmodning != melding:
                continue  # reminded by another run, or no longer the open anmodning
            melding.paminnet = timezone.now()
            melding.save(update_fields=["paminnet"])
            notifications.paminnelse(soknad, melding)
            sent += 1
    return sent


def soknad_register(
    *,
    soknad: Soknad,
    bruker,
    vedtaksdato: dt.date | None = None,
    melding: str = "",
    expected_status: str | None = None,
    tidligere_fra: dt.date | None = None,
    tidligere_begrunnelse: str = "",
) -> Soknad:
    """Register the application. `tidligere_fra` with its reason: the directorate's decision under § 38 third
    sentence that the virksomhet counts as registered from a date before the application."""
    _require_saksbehandler(bruker)
    vedtaksdato = vedtaksdato or timezone.localdate()
    tidligere = {"tidligere_fra": tidligere_fra, "tidligere_begrunnelse": tidligere_begrunnelse}
    forhandslaget = _vedtaksbrev_prepare(soknad.pk, Status.REGISTRERT, vedtaksdato, **tidligere)
    with transaction.atomic():
        current = Soknad.objects.select_related("virksomhet").get(pk=soknad.pk)
        if current.soknadsdato is None:
            raise TransitionRefused(gettext("Søknaden har ingen søknadsdato og kan ikke registreres."))
        if tidligere_fra is not None and (
            feil := tidligere_registrering_feil(current.soknadsdato, tidligere_fra, tidligere_begrunnelse)
        ):
            raise TransitionRefused(feil)
        result = _transition(
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
        preview.registrert_fra = registrert_fra(soknad.soknadsdato, tidligere_fra=tidligere_fra)
        preview.registrert_fra_begrunnelse = tidligere_begrunnelse.strip() if tidligere_fra else ""
    else:
        preview.avslagsgrunn = begrunnelse.strip()
    return preview


def _vedtaksbrev_prepare(soknad_pk: int, til: str, vedtaksdato: dt.date, begrunnelse: str = "", **tidligere):
    """The letter, made before the write transaction (see dokumenter.Forhandslaget)."""
    soknad = Soknad.objects.select_related("virksomhet").get(pk=soknad_pk)
    if soknad.soknadsdato is None:
        return dokumenter.Forhandslaget()  # it will be refused
    preview = vedtak_preview(soknad=soknad, til=til, vedtaksdato=vedtaksdato, begrunnelse=begrunnelse, **tidligere)
    return dokumenter.Forhandslaget(dokumenter.vedtaksbrev_html(preview))


def _vedtaksbrev_send(soknad: Soknad, forhandslaget=None) -> Vedtaksbrev:
    forhandslaget = forhandslaget or dokumenter.Forhandslaget()
    pdf = forhandslaget.pdf_for(dokumenter.vedtaksbrev_html(soknad))
    brev = Vedtaksbrev.objects.create(soknad=soknad, vedtak=soknad.status, pdf=pdf)
    notifications.vedtak(soknad, vedlegg=[(dokumenter.vedtaksbrev_filnavn(soknad), brev.pdf, "application/pdf")])
    return brev


def soknad_reject(
    *, soknad: Soknad, bruker, begrunnelse: str, vedtaksdato: dt.date | None = None, expected_status: str | None = None
) -> Soknad:
    _require_saksbehandler(bruker)
    if not begrunnelse.strip():
        raise TransitionRefused(gettext("Skriv begrunnelsen for avslaget."))
    vedtaksdato = vedtaksdato or timezone.localdate()
    forhandslaget = _vedtaksbrev_prepare(soknad.pk, Status.AVSLATT, vedtaksdato, begrunnelse)
    with transaction.atomic():
        result = _transition(
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


def soknad_withdraw(*, soknad: Soknad, bruker, melding: str = "") -> Soknad:
    """The applicant withdraws a submitted application."""
    return _transition(
        soknad=soknad,
        til=Status.TRUKKET,
        bruker=bruker,
        expected_status=None,
        melding=melding.strip(),
        allowed=SOKER_OVERGANGER,
    )
