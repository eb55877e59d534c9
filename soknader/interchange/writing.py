"""Import: checked records written in one transaction, through the services the application uses."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext, ngettext

from brreg import client as brreg_client
from brreg import orgnr
from brreg import services as brreg_services
from brreg.models import Virksomhet
from laeringsmal.tolking import katalog_for_soknad, tolk_laeringsmal

from ..choices import Status, Virksomhetstype
from ..models import Laeringsarena, Soknad, registrert_fra
from ..services.innsending import innsending_create, referanse_assign
from ..services.refresh import mangler_refresh
from ..services.transitions import status_change
from .reading import Parsed, parse

IMPORT_MELDING = "Importert fra Altinn"
IMPORT_OPPDATERT_MELDING = "Oppdatert ved import fra Altinn"

ORGNR, NAVN = "virksomhet.organisasjonsnummer", "virksomhet.navn"


class ImportRefused(Exception):
    """The file has errors; nothing was imported."""

    def __init__(self, errors: list[str]):
        super().__init__(
            ngettext(
                "%(antall)d feil i filen; ingenting er importert.",
                "%(antall)d feil i filen; ingenting er importert.",
                len(errors),
            )
            % {"antall": len(errors)}
        )
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    warnings: list[str] = field(default_factory=list)
    soknader: list[Soknad] = field(default_factory=list)


Found = tuple[brreg_services.Lookup | None, str]  # what the registry said (None: not verified), the name then


def _virksomheter_lookup(parsed: list[Parsed]) -> tuple[dict[str, Found], list[str]]:
    """Look up the organisations we do not know locally, before any transaction is opened.

    After the first time Enhetsregisteret cannot be reached, the rest are not asked (each attempt costs
    seconds); they are created as not verified like the first.
    """
    organisations: dict[str, Found] = {}
    warnings: list[str] = []
    unavailable: list[str] = []
    registry_down = False
    navn_i_filen = {p.values[ORGNR]: p.values[NAVN] for p in reversed(parsed) if p.values[NAVN]}  # the first one
    for p in parsed:
        nummer = p.values[ORGNR]
        if nummer in organisations:
            continue
        navn = navn_i_filen.get(nummer) or nummer
        found = brreg_services.lookup_local(nummer)
        if found is None and not registry_down:
            try:
                found = brreg_services.lookup(nummer)
            except (brreg_client.NotFound, brreg_client.Removed) as error:
                melding = gettext("Virksomheten er opprettet som «%(navn)s», ikke verifisert.") % {"navn": navn}
                warnings.append(f"Post {p.post}: {error.melding} {melding}")
            except brreg_client.Unavailable:
                registry_down = True
        if found is None and registry_down:
            unavailable.append(
                gettext("%(orgnr)s «%(navn)s» (post %(post)s)")
                % {"orgnr": orgnr.format_orgnr(nummer), "navn": navn, "post": p.post}
            )
        if found is not None and found.slettet:
            melding = gettext("%(navn)s er slettet i Enhetsregisteret (%(dato)s).") % {
                "navn": found.navn or orgnr.format_orgnr(nummer),
                "dato": f"{found.slettedato:%d.%m.%Y}",
            }
            warnings.append(f"Post {p.post}: {melding}")
        organisations[nummer] = (found, navn)
    if unavailable:
        warnings.append(
            gettext(
                "Fikk ikke kontakt med Enhetsregisteret. Disse virksomhetene er opprettet med navnet fra "
                "filen (eller organisasjonsnummeret), ikke verifisert: %(virksomheter)s."
            )
            % {"virksomheter": "; ".join(unavailable)}
        )
    return organisations, warnings


def _save_arenas(soknad: Soknad, rows: list[dict[str, Any]], katalog) -> list[Laeringsarena]:
    """Replace the arenas position by position (arena n keeps its id, so later changes can be shown)."""
    arenaer = list(Laeringsarena.objects.filter(soknad=soknad).order_by("pk"))
    Laeringsarena.objects.filter(pk__in=[a.pk for a in arenaer[len(rows) :]]).delete()
    arenaer = arenaer[: len(rows)] + [Laeringsarena(soknad=soknad) for _ in range(len(rows) - len(arenaer))]
    for arena, values in zip(arenaer, rows, strict=True):
        tolket = tolk_laeringsmal(tekst=values["laeringsmal"], spesialitet=soknad.spesialitet, katalog=katalog)
        for name, value in (values | tolket.felter).items():
            setattr(arena, name, value)
        arena.save()
    return arenaer


def _write(p: Parsed, virksomhet: Virksomhet, *, bruker, reserved: set[str], katalog_for) -> tuple[Soknad, bool]:
    """One application created or updated with the record's values; status, history, reference, the submission
    snapshot and the findings through the services."""
    values = {name: value for name, value in p.values.items() if name not in (ORGNR, NAVN)}
    arenaer, status, referanse = values.pop("laeringsarenaer"), values.pop("status"), values.pop("referanse")
    found = Soknad.objects.select_for_update().filter(virksomhet=virksomhet, spesialitet=values["spesialitet"]).first()
    created = found is None
    soknad = found if found is not None else Soknad(virksomhet=virksomhet, opprettet_av=bruker)
    for name, value in values.items():
        setattr(soknad, name, value)
    if not soknad.virksomhetstype:  # not given: a kommune is one, an answer about Arbeidstilsynet means BHT
        soknad.virksomhetstype = (
            Virksomhetstype.KOMMUNE
            if virksomhet.er_kommune
            else Virksomhetstype.BHT
            if soknad.bht_godkjent_arbeidstilsynet is not None
            else ""
        )
    if soknad.registrert_fra is None and status == Status.REGISTRERT and soknad.soknadsdato:
        soknad.registrert_fra = registrert_fra(soknad.soknadsdato)
    soknad.referanse = referanse or soknad.referanse
    soknad.save()
    if created or soknad.status != status:
        status_change(
            soknad=soknad, til=status, bruker=bruker, melding=IMPORT_MELDING if created else IMPORT_OPPDATERT_MELDING
        )
    referanse_assign(soknad=soknad, reserved=reserved)
    saved = _save_arenas(soknad, arenaer, katalog_for(soknad.soknadsdato))
    if soknad.status != Status.UTKAST:  # what it looked like when it came in, as on a submission
        innsending_create(soknad=soknad, arenaer=saved, only_if_changed=not created)
    mangler_refresh(soknad=soknad, arenaer=saved)
    return soknad, created


def import_records(records: Any, *, bruker=None) -> ImportResult:
    """Bring in applications sent through Altinn: all of them, or (on any error) none.

    Every record is checked first (`validate_records`); then organisations unknown here are looked up in
    Enhetsregisteret (outside the transaction); then everything is written in one transaction. An
    application that exists for the same organisation and specialty is updated (fields and arenas replaced),
    so importing the same file twice changes nothing the second time. Raises ImportRefused with the errors.
    """
    parsed, errors = parse(records)
    if errors:
        raise ImportRefused(errors)
    organisations, warnings = _virksomheter_lookup(parsed)
    result = ImportResult(warnings=warnings)
    reserved = {p.values["referanse"] for p in parsed if p.values["referanse"]}
    katalog_for = functools.cache(katalog_for_soknad)  # one catalogue per søknadsdato
    with transaction.atomic():
        virksomheter = {
            nummer: brreg_services.virksomhet_from_lookup(found)
            if found is not None
            else brreg_services.virksomhet_create_unverified(organisasjonsnummer=nummer, navn=navn)
            for nummer, (found, navn) in organisations.items()
        }
        for p in parsed:
            soknad, created = _write(
                p, virksomheter[p.values[ORGNR]], bruker=bruker, reserved=reserved, katalog_for=katalog_for
            )
            result.soknader.append(soknad)
            result.created += created
            result.updated += not created
    return result
