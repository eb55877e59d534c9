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
        from brreg.signals import virksomhet_oppdatert
        from epost.signals import for_runde
        from tilgang.signals import ansatt_roller

        from . import kotall
        from .models import Melding, Soknad, Statusendring
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
