"""The application form, declared once: every field's label, help, who it applies to, when it is shown and
what is said when it is missing.

This is the one place to read or change a rule of the form. The section forms (fields, widgets, the
`data-vis-*` attributes and the no-JavaScript hint), completeness (`completeness.py`), the findings
(`regler/`), the check-answers page, the diff between submissions and the model's own labels all read
from here. Plain data and small functions: no ORM, no request.

Sources: the form's user guide and the directorate's guidance (`shared/domain/`), and the regulation
(spesialistforskriften §§ 23, 25 og 26 for the responsibilities of section 2).

The package: `felt.py` says what a field and a section are; `deler.py` holds sections 1–3 and `arena.py` section 4
(one learning arena); here the index of every field, read by the rest of the app as `skjema.X`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext, ngettext

from ..choices import JaDelvisNei

# who may apply for what is declared in regler/hvem.py; named here too, as the form's table uses it
from ..regler.hvem import (  # noqa: F401
    BHT_IKKE_GODKJENT,
    IKKE_KOMMUNE_ALM,
    Spesialitetsvalg,
    bht_kan_ikke_soke_enna,
    godkjenning_i_stedet,
    kan_soke,
    spesialiteter_for,
)
from .arena import (  # noqa: F401
    ARENATYPER,
    ARENATYPER_FOR_KOMMUNER,
    INSTITUSJONSSPORSMAL,
    KOMMUNALE_INSTITUSJONER,
    LAERINGSARENA,
    arenatyper_for,
    laeringsmal_hjelp,
)
from .deler import (  # noqa: F401
    ANSVAR,
    BEKREFT,
    DELVIS_ELLER_NEI,
    FORHOLD,
    VIRKSOMHET,
)
from .felt import (  # noqa: F401
    ALLE,
    ALM,
    BHT_ARB,
    IKKE_KOMMUNER,
    KOMMUNE_ALM,
    KOMMUNER,
    MAKS_LENGDE,
    Del,
    Felt,
    Gjelder,
    Gruppe,
    Kontekst,
    Naar,
    Regel,
    Type,
    tomt,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The three sections stored on the application itself, in the form's order (section 4 is its arenas).
SEKSJONER: dict[str, Del] = {d.seksjon: d for d in (VIRKSOMHET, ANSVAR, FORHOLD)}
SOKNAD_FELT: tuple[str, ...] = tuple(navn for d in SEKSJONER.values() for navn in d.feltnavn)
ARENA_FELT: tuple[str, ...] = LAERINGSARENA.feltnavn
FELT: dict[str, Felt] = {f.navn: f for d in (*SEKSJONER.values(), LAERINGSARENA) for f in d.felt}
BEKREFTELSER: tuple[str, ...] = tuple(f.navn for f in ANSVAR.felt if f.type is Type.BEKREFT)


def vis_verdi(navn: str, verdi: Any) -> str:
    """Any stored answer of the form as a person reads it (the one display function for answers)."""
    return FELT[navn].vis(verdi)


def maks(navn: str) -> int:
    """The longest text the field accepts: declared here once, the model's max_length and the form's check both
    read it."""
    lengde = FELT[navn].maks_lengde
    assert lengde is not None, navn
    return lengde


def etikett(navn: str) -> StrOrPromise:
    """The field's label, lazily: in the language active where it is shown (also as a model field's name)."""
    return FELT[navn].etikett


def hjelp(navn: str) -> str:
    return hjelpetekst(FELT[navn])


def hjelpetekst(felt: Felt) -> str:
    """The field's help as the form shows it: when a conditional field is to be filled in, then its own help."""
    return " ".join(str(t) for t in (betingelse_tekst(felt), felt.hjelp) if t)


def betingelse_tekst(felt: Felt) -> str:
    """When a conditional field is to be filled in, in words (the hint shown without JavaScript), from the field
    its showing depends on."""
    if felt.vis_naar is None:
        return ""
    trigger = FELT[felt.vis_naar.felt]
    if trigger.type in (Type.AVKRYSNING, Type.BEKREFT):
        return gettext("Fylles ut hvis du har krysset av over.")
    if trigger.type is Type.JA_NEI:
        return gettext("Fylles ut hvis du svarte «Ja».")
    labels: dict[Any, str] = dict(trigger.valg.choices) if trigger.valg else {}
    valgt = [str(labels[v]) for v in felt.vis_naar.verdier]
    tekst = f"«{valgt[-1]}»"
    for forrige in reversed(valgt[:-1]):  # «Delvis» eller «Nei»
        tekst = gettext("«%(forste)s» eller %(resten)s") % {"forste": forrige, "resten": tekst}
    if trigger.valg is JaDelvisNei:
        return gettext("Fylles ut hvis du svarte %(valg)s.") % {"valg": tekst}
    return gettext("Fylles ut hvis du valgte %(valg)s.") % {"valg": tekst}


def bekreftelser_mangler(navn: list[str]) -> str:
    """The one message for the confirmations not given, naming them by their short titles."""
    punkter = ", ".join(f"«{FELT[n].kort or FELT[n].etikett}»" for n in navn)
    return ngettext(
        "Bekreft alle punktene – %(antall)d mangler: %(punkter)s.",
        "Bekreft alle punktene – %(antall)d mangler: %(punkter)s.",
        len(navn),
    ) % {"antall": len(navn), "punkter": punkter}
