"""What the form's table is made of: a field (`Felt`) with its type, label, help and message when missing; who it
applies to (`Gjelder`, read against the application's `Kontekst`); when it is shown (`Naar`); groups of fields and a
section (`Del`) with the rules that read several fields."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext

from ..choices import (
    Spesialitet,
    Virksomhetstype,
)
from ..regler import gyldig

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def tomt() -> str:
    """What is shown for an unanswered field."""
    return gettext("(tomt)")


# ---- what decides which rules apply --------------------------------------------------------------


@dataclass(frozen=True)
class Kontekst:
    """What decides which rules apply to an application: the specialty and who applies."""

    spesialitet: str
    virksomhetstype: str
    er_kommune: bool
    registeret_sier_bht: bool = False  # Enhetsregisteret's næringskode says bedriftshelsetjeneste

    @property
    def er_bht(self) -> bool:
        """A bedriftshelsetjeneste by its own answer or by the registry's data."""
        return self.virksomhetstype == Virksomhetstype.BHT or self.registeret_sier_bht


@dataclass(frozen=True)
class Gjelder:
    """Who a field applies to. None means "any"."""

    spesialiteter: frozenset[str] | None = None
    kommune: bool | None = None
    virksomhetstyper: frozenset[str] | None = None
    bht: bool | None = None  # a bedriftshelsetjeneste by its answer or the registry's (Kontekst.er_bht)

    def passer(self, kontekst: Kontekst | None) -> bool:
        if kontekst is None:  # no context known (a bare form): every field is shown
            return True
        return (
            (self.spesialiteter is None or kontekst.spesialitet in self.spesialiteter)
            and (self.kommune is None or kontekst.er_kommune == self.kommune)
            and (self.virksomhetstyper is None or kontekst.virksomhetstype in self.virksomhetstyper)
            and (self.bht is None or kontekst.er_bht == self.bht)
        )


ALLE = Gjelder()
KOMMUNER = Gjelder(kommune=True)
IKKE_KOMMUNER = Gjelder(kommune=False)
ALM = Gjelder(spesialiteter=frozenset({Spesialitet.ALM}))
KOMMUNE_ALM = Gjelder(spesialiteter=frozenset({Spesialitet.ALM}), kommune=True)
# hvem.BHT_KILDE: asked of every ARB applicant that is a BHT by its own answer or by the registry's data
BHT_ARB = Gjelder(spesialiteter=frozenset({Spesialitet.ARB}), bht=True)


@dataclass(frozen=True)
class Naar:
    """A field is shown (and may be required) only when another field holds one of these values."""

    felt: str
    verdier: tuple[Any, ...]

    def oppfylt(self, verdi: Any) -> bool:
        valgt = verdi if isinstance(verdi, list | tuple) else [verdi]
        return any(v in self.verdier for v in valgt)


class Type(Enum):
    TEKST = "tekst"
    LANGTEKST = "langtekst"
    EPOST = "epost"
    TELEFON = "telefon"
    VALG = "valg"  # one of a few choices, as radio buttons
    NEDTREKK = "nedtrekk"  # one of many choices, as a drop-down
    FLERVALG = "flervalg"  # one or more choices, as checkboxes
    BEKREFT = "bekreft"  # a confirmation: only a ticked box counts as answered
    AVKRYSNING = "avkrysning"  # a box that may be ticked or not; both are answers
    JA_NEI = "ja_nei"  # Ja or Nei; no answer is possible too


def _tall(n: int) -> str:
    """A number as Norwegian writes it: 20 000 (a no-break space between thousands)."""
    return f"{n:,}".replace(",", "\u00a0")


# The longest text accepted, per type, unless a field says otherwise (`Felt.maks`). Chosen far above anything a real
# application writes (a long description in the Altinn form runs to a page or two, 2 000–6 000 characters), and far
# below what hurts: a 2 MB LM text once made every page that shows it 30 MB. Short texts match their database column.
MAKS_LENGDE: dict[Type, int] = {
    Type.TEKST: 200,
    Type.EPOST: 254,
    Type.TELEFON: 30,
    Type.LANGTEKST: 20_000,
}


@dataclass(frozen=True)
class Felt:
    navn: str
    etikett: StrOrPromise
    type: Type
    hjelp: StrOrPromise = ""
    valg: builtins.type[TextChoices] | None = None  # `type` alone is the field above
    valg_utenom: tuple[str, ...] = ()  # choices not offered in the form
    gjelder: Gjelder = ALLE
    vis_naar: Naar | None = None
    mangler: StrOrPromise = ""  # the message when it is required and missing; "" means optional
    kreves_for: Gjelder | None = None  # required only in these contexts (None: wherever it is shown)
    maks: int | None = None  # the longest text accepted (None: the type's default, MAKS_LENGDE)
    automatisk: Gjelder | None = None  # filled in for the user in these contexts, so not shown in the form
    autocomplete: str = ""
    rader: int = 4
    kort: StrOrPromise = ""  # a short title, where several are named in one message (the confirmations)

    def kreves(self, kontekst: Kontekst | None) -> bool:
        """An answer is required (when the field is shown) for this applicant."""
        # a translated message is never empty: no need to look it up in the catalogue to know (this runs per field
        # and arena on every page)
        finnes = isinstance(self.mangler, Promise) or bool(self.mangler)
        return finnes and (self.kreves_for is None or self.kreves_for.passer(kontekst))

    @property
    def maks_lengde(self) -> int | None:
        return self.maks or MAKS_LENGDE.get(self.type)

    def for_lang(self, verdi: Any) -> str:
        """The message when a text is longer than the field accepts; "" when it is not."""
        maks = self.maks_lengde
        if maks is None or not isinstance(verdi, str) or len(verdi) <= maks:
            return ""
        return gettext("Teksten er for lang (%(lengde)s tegn). Den kan være høyst %(maks)s tegn.") % {
            "lengde": _tall(len(verdi)),
            "maks": _tall(maks),
        }

    def ugyldig(self, verdi: Any) -> str:
        """The message when a value is not in the field's format (a phone number); "" when it is, or is empty."""
        if self.type is Type.TELEFON and isinstance(verdi, str):
            return gyldig.telefon_feil(verdi)
        return ""

    @property
    def valgliste(self) -> list[tuple[str, str]]:
        assert self.valg is not None, self.navn
        return [(v, label) for v, label in self.valg.choices if v not in self.valg_utenom]

    def er_tom(self, verdi: Any) -> bool:
        if self.type is Type.BEKREFT:
            return verdi is not True
        if self.type is Type.AVKRYSNING:
            return False
        return verdi is None or (isinstance(verdi, str) and not verdi.strip()) or verdi in ([], ())

    def vis(self, verdi: Any) -> str:
        """The value as a person reads it: Ja/Nei, choice labels, lists joined, (tomt) for nothing."""
        if self.type in (Type.BEKREFT, Type.AVKRYSNING) and not verdi:
            return gettext("Nei")
        if verdi is None or verdi == "" or verdi == [] or verdi == ():
            return tomt()
        if isinstance(verdi, bool):
            return gettext("Ja") if verdi else gettext("Nei")
        etiketter: dict[Any, str] = dict(self.valg.choices) if self.valg else {}
        if isinstance(verdi, list | tuple):
            return ", ".join(str(etiketter.get(v, v)) for v in verdi)
        return str(etiketter.get(verdi, verdi))


@dataclass(frozen=True)
class Gruppe:
    """Fields shown together under a heading (a fieldset)."""

    tittel: StrOrPromise
    felt: tuple[Felt, ...]


Regel = Callable[[Mapping[str, Any], Kontekst], dict[str, str]]


@dataclass(frozen=True)
class Del:
    """A section of the form (or the arena form): its fields in order, and rules across fields."""

    seksjon: str
    innhold: tuple[Felt | Gruppe, ...]
    regler: tuple[Regel, ...] = field(default=())

    @property
    def felt(self) -> tuple[Felt, ...]:
        return tuple(f for item in self.innhold for f in (item.felt if isinstance(item, Gruppe) else (item,)))

    @property
    def feltnavn(self) -> tuple[str, ...]:
        return tuple(f.navn for f in self.felt)
