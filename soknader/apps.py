import logging

from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save


class SoknaderConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "soknader"
    verbose_name = "Søknader"

    def ready(self):
        from django.contrib.auth import get_user_model

        from brreg.models import Fylke, Helseregion, Kommune, Virksomhet
        from brreg.signals import virksomhet_oppdatert
        from epost.signals import for_runde
        from tilgang.signals import ansatt_roller

        from . import kotall, listecache
        from .models import Innsending, Mangelvurdering, Melding, Soknad, Statusendring
        from .roles import apply_staff_roles, ensure_groups

        post_migrate.connect(ensure_groups, sender=self)
        post_save.connect(_audit_status, sender=Statusendring, dispatch_uid="soknader-revisjonslogg-status")
        ansatt_roller.connect(apply_staff_roles, dispatch_uid="soknader-roller-fra-innlogging")
        virksomhet_oppdatert.connect(_mangler_refresh, dispatch_uid="soknader-mangler-ved-brreg")
        post_save.connect(_log_status_change, sender=Statusendring, dispatch_uid="soknader-logg-status")
        user_logged_in.connect(_remember_region, dispatch_uid="soknader-alis-region-i-menyen")
        for_runde.connect(_make_pending_pdfs, dispatch_uid="soknader-pdf-i-senderen")
        # the work queue's counts (kotall): a case or its messages change; the findings call it themselves (refresh)
        for signal in (post_save, post_delete):
            signal.connect(kotall.soknad_endret, sender=Soknad, dispatch_uid=f"soknader-kotall-soknad-{signal}")
            signal.connect(kotall.endret, sender=Melding, dispatch_uid=f"soknader-kotall-melding-{signal}")
        # who may be given a case (the case page's «Gi saken til»): users, their groups and permissions
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed

        from .admin.ko import saksbehandlere_endret

        Bruker = get_user_model()
        for tilgangsmodell in (Bruker, Group):
            for signal in (post_save, post_delete):
                signal.connect(
                    saksbehandlere_endret, sender=tilgangsmodell, dispatch_uid=f"soknader-sb-{tilgangsmodell}-{signal}"
                )
        for gjennom in (Bruker.groups.through, Bruker.user_permissions.through, Group.permissions.through):
            m2m_changed.connect(saksbehandlere_endret, sender=gjennom, dispatch_uid=f"soknader-sb-{gjennom}")
        # a case's history on the case page (sakscache): its rows, and the outbox's updates without a save
        from epost.models import Epost
        from epost.signals import eposter_endret

        from . import sakscache
        from .models import Notat, Vedlegg, Vedtaksbrev

        for modell in (Statusendring, Melding, Vedlegg, Innsending, Vedtaksbrev, Notat, Epost):
            for signal in (post_save, post_delete):
                signal.connect(
                    sakscache.rad_endret, sender=modell, dispatch_uid=f"soknader-sak-{modell.__name__}-{signal}"
                )
        eposter_endret.connect(sakscache.eposter_endret, dispatch_uid="soknader-sak-eposter")
        # the caseworkers' texts the anmodning is drafted from
        from .models import Mangeltekst
        from .services.anmodningsbrev import mangeltekster_endret

        for signal in (post_save, post_delete):
            signal.connect(mangeltekster_endret, sender=Mangeltekst, dispatch_uid=f"soknader-mangeltekst-{signal}")
        # the caseworkers' list's pages (listecache): whatever a row shows or a tab reads; the findings' refresh
        # (bulk_create) calls it itself
        vist = (Soknad, Innsending, Mangelvurdering, Melding, Virksomhet, Kommune, Fylke, Helseregion, get_user_model())
        for signal in (post_save, post_delete):
            for vist_modell in vist:
                signal.connect(
                    listecache.endret,
                    sender=vist_modell,
                    dispatch_uid=f"soknader-liste-{vist_modell.__name__}-{signal}",
                )


def _make_pending_pdfs(sender, **kwargs):
    """In the sender process: the PDFs of submissions too large to be made in their request, and their receipts."""
    from .services.innsending import innsendinger_pdf_make

    innsendinger_pdf_make()


def _remember_region(sender, request, user, **kwargs):
    """An ALIS-kontor user's region, for the menu of every page (read once at login, not on every page)."""
    from .selectors import region_for_bruker

    region = region_for_bruker(bruker=user)
    if region is not None:
        request.session["alis_region"] = region.navn
    else:
        request.session.pop("alis_region", None)


def _mangler_refresh(sender, virksomhet, **kwargs):
    """What Enhetsregisteret says (deleted, bankrupt) is part of an application's findings."""
    from .services.refresh import mangler_refresh_for_virksomhet

    mangler_refresh_for_virksomhet(virksomhet)


def _log_status_change(sender, instance, created, **kwargs):
    """One structured log line per status change, once it is committed (see docs/drift.md)."""
    if not created:
        return
    fields = {
        "soknad_id": instance.soknad_id,
        "fra_status": instance.fra_status,
        "til_status": instance.til_status,
        "utfort_av": instance.utfort_av_id,
    }
    transaction.on_commit(lambda: logging.getLogger("asa.status").info("statusendring", extra=fields))


def _audit_status(sender, instance, created, **kwargs):
    """Every status change (services, import) is also a row of tilgang's audit log."""
    if not created:
        return
    from tilgang import audit

    soknad = instance.soknad
    audit.statusendring(
        virksomhet=soknad.virksomhet,
        fra=instance.fra_status,
        til=instance.til_status,
        bruker=instance.utfort_av,
        soknad_id=soknad.pk,
        referanse=soknad.referanse or "",
    )
