"""A caseworker marks a finding as assessed ("Vurdert – i orden", issue 21) with a short note, or undoes that.

The findings are stored anew whenever the application changes (`refresh.mangler_refresh`); an assessment holds for
the finding with the same fingerprint (its code and the values it is computed from, `regler.mangler.fingeravtrykk`).
A resubmission that changes what the finding is about gives it another fingerprint: the finding is open again,
and the assessment stays in the case's record. Each assessment and each undo is a row of the case's history (and so
of the audit log), as assigning a case is; the status stays."""

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from .. import kotall
from ..choices import Alvorlighet
from ..models import Mangel, Mangelvurdering, Soknad, Statusendring
from ..regler.status import VENTENDE_STATUSER
from ..roles import visningsnavn
from .errors import TransitionRefused
from .refresh import mangler_refresh
from .transitions import require_saksbehandler

NOTAT_MAKS = 500


def gjeldende(soknad_ref: str = "soknad", avtrykk_ref: str = "fingeravtrykk") -> Exists:
    """Exists: an assessment not undone of the finding at OuterRef(`soknad_ref`, `avtrykk_ref`)."""
    return Exists(
        Mangelvurdering.objects.filter(
            soknad=OuterRef(soknad_ref), fingeravtrykk=OuterRef(avtrykk_ref), angret__isnull=True
        )
    )


def apne_mangler() -> QuerySet[Mangel]:
    """The findings that stop a decision and no caseworker has assessed as in order (the open ones)."""
    return Mangel.objects.filter(alvorlighet=Alvorlighet.MANGEL).exclude(gjeldende())


def er_apen(mangel: Mangel) -> bool:
    """`apne_mangler()` for a finding read with its assessment (`.vurdering`: the one that holds for it, or None)."""
    return mangel.alvorlighet == Alvorlighet.MANGEL and mangel.vurdering is None


def vurderinger_for(soknad: Soknad) -> dict[str, Mangelvurdering]:
    """The assessments of `soknad` not undone, by fingerprint (the latest when there are more): one query."""
    rader = Mangelvurdering.objects.filter(soknad=soknad, angret__isnull=True).select_related("vurdert_av")
    return {v.fingeravtrykk: v for v in rader.order_by("vurdert", "pk")}


def _laast(soknad: Soknad) -> Soknad:
    locked = Soknad.objects.select_for_update(of=("self",)).get(pk=soknad.pk)
    if locked.status not in VENTENDE_STATUSER:
        raise TransitionRefused(
            gettext("Det kan ikke gjøres når søknaden har status «%(status)s».")
            % {"status": locked.get_status_display()}
        )
    return locked


def _historikk(soknad: Soknad, bruker: User, melding: str) -> None:
    Statusendring.objects.create(
        soknad=soknad, fra_status=soknad.status, til_status=soknad.status, utfort_av=bruker, melding=melding
    )
    kotall.endret()  # «Klar for vedtak» counts the open findings


def mangel_assess(*, soknad: Soknad, bruker: User, mangel_id: int, notat: str) -> Mangelvurdering:
    """Mark the finding `mangel_id` of `soknad` as assessed and in order, with `notat` saying why."""
    require_saksbehandler(bruker)
    notat = " ".join(notat.split())
    if not notat:
        raise TransitionRefused(gettext("Skriv kort hvorfor mangelen er i orden."))
    if len(notat) > NOTAT_MAKS:
        raise TransitionRefused(gettext("Notatet kan ha høyst %(maks)s tegn.") % {"maks": NOTAT_MAKS})
    with transaction.atomic():
        locked = _laast(soknad)
        mangel = Mangel.objects.filter(soknad=locked, pk=mangel_id).first()
        if mangel is None:
            raise TransitionRefused(
                gettext("Mangelen finnes ikke lenger: søknaden er endret. Se over manglene på nytt.")
            )
        if not mangel.fingeravtrykk:  # stored before fingerprints existed: judged again, the same finding found
            mangler_refresh(soknad=locked)
            mangel = Mangel.objects.filter(
                soknad=locked, kode=mangel.kode, arena_nummer=mangel.arena_nummer, params=mangel.params
            ).first()
            if mangel is None:
                raise TransitionRefused(gettext("Mangelen finnes ikke lenger. Se over manglene på nytt."))
        if Mangelvurdering.objects.filter(
            soknad=locked, fingeravtrykk=mangel.fingeravtrykk, angret__isnull=True
        ).exists():
            raise TransitionRefused(gettext("Mangelen er allerede vurdert."))
        vurdering = Mangelvurdering.objects.create(
            soknad=locked,
            kode=mangel.kode,
            arena_nummer=mangel.arena_nummer,
            fingeravtrykk=mangel.fingeravtrykk,
            melding=mangel.melding,
            notat=notat,
            vurdert_av=bruker,
        )
        _historikk(
            locked,
            bruker,
            gettext("Mangel vurdert – i orden: «%(mangel)s». Notat: %(notat)s")
            % {"mangel": mangel.tekst, "notat": notat},
        )
    return vurdering


def mangel_unassess(*, soknad: Soknad, bruker: User, vurdering_id: int) -> Mangelvurdering:
    """Undo an assessment: the finding is open again; the assessment stays in the record as undone."""
    require_saksbehandler(bruker)
    with transaction.atomic():
        locked = _laast(soknad)
        vurdering = (
            Mangelvurdering.objects.select_for_update()
            .filter(soknad=locked, pk=vurdering_id, angret__isnull=True)
            .first()
        )
        if vurdering is None:
            raise TransitionRefused(gettext("Vurderingen er allerede angret."))
        vurdering.angret, vurdering.angret_av = timezone.now(), bruker
        vurdering.save(update_fields=["angret", "angret_av"])
        _historikk(
            locked,
            bruker,
            gettext("Vurderingen av mangelen «%(mangel)s» er angret; mangelen er åpen igjen (vurdert av %(navn)s).")
            % {
                "mangel": vurdering.melding,
                "navn": visningsnavn(vurdering.vurdert_av),
            },
        )
    return vurdering
