"""The field map: every key of an interchange record, declared once (JSON key, model attribute, kind, choices,
how an import treats it). Text lengths, e-mail checks and whether a value may be null come from the model field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laeringsmal.lmtekst import sorter

from .. import skjema
from ..choices import (
    Arenatype,
    JaDelvisNei,
    KjentTiltak,
    Plassering,
    Spesialitet,
    Status,
    Supervisjon,
    VeiledereAnsatt,
    Virksomhetstype,
)
from ..models import Laeringsarena, Mangel, Soknad, Statusendring

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# kind -> its type as docs/soknad-format.md names it; a model field that may be null adds " or null"
KINDS = {
    "text": "text",
    "orgnr": "text",  # an organisation number, checked and written without spaces
    "choice": "text",  # one code of `choices`, or "" when not answered
    "codes": "list of codes",  # codes of `choices`, each once
    "bool": "true/false",
    "date": "date",
    "time": "date and time",  # export only
    "object": "object",  # a group of keys onto fields of the same row
    "list": "list of objects",  # related rows, in order
}


@dataclass(frozen=True)
class Field:
    """One key of a record: read by reading.Reader.read_<kind>, written by `dump`."""

    key: str
    kind: str  # one of KINDS
    model: str = ""  # attribute of an `on` row ("virksomhet.navn"); empty for an object
    choices: type[models.TextChoices] | None = None
    what: StrOrPromise = ""  # how an error names a valid code: "en gyldig type"
    # how an import treats the key: required (must be given), read (left out: not answered), optional (left out:
    # kept, defaulted or computed, see the format document), ignored (export only, accepted so it can come back)
    imported: str = "read"
    required_for: frozenset[str] = frozenset()  # the statuses that need it given
    fields: tuple[Field, ...] = ()  # an object's keys, or the keys of each of a list's rows
    on: type[models.Model] = Soknad
    out: Callable[[Any], Any] | None = None  # export: computed from the model value instead of the value itself

    @cached_property
    def model_field(self) -> Any:
        """The model field `model` names (None for an object)."""
        if not self.model:
            return None
        model: Any = self.on  # a model class; each relation's related model
        *relations, name = self.model.split(".")
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        return model._meta.get_field(name)

    @property
    def codes(self) -> list[str]:
        """The valid codes of a choice or codes field."""
        assert self.choices is not None, f"{self.key}: a {self.kind} field names its choices"
        return self.choices.values

    @property
    def max_length(self) -> int | None:
        """The longest text accepted: the form's limit (skjema) for an answer of the form, else the column's."""
        felt = skjema.FELT.get(self.model) if self.on in (Soknad, Laeringsarena) else None
        if felt is not None and felt.maks_lengde:
            return felt.maks_lengde
        return getattr(self.model_field, "max_length", None)

    @property
    def nullable(self) -> bool:
        field = self.model_field
        return field is not None and not field.is_relation and field.null

    @property
    def label(self) -> str:
        """The type as the format document names it."""
        return KINDS[self.kind] + (" or null" if self.nullable else "")

    def value(self, obj: models.Model) -> Any:
        """The stored value (related rows as a list; they are prefetched for an export)."""
        value = attrgetter(self.model)(obj)
        return list(value.all()) if isinstance(value, models.Manager) else value

    def dump(self, obj: models.Model) -> Any:
        """The value of this key in the exported record of `obj`."""
        if self.kind == "object":
            return record(self.fields, obj)
        value = self.value(obj)
        if self.out is not None:
            return self.out(value)
        if self.kind == "list":
            return [record(self.fields, row) for row in value]
        if self.kind == "codes":
            return list(value or [])
        if self.kind == "date":
            return value.isoformat() if value else None
        if self.kind == "time":
            return timezone.localtime(value).isoformat(timespec="seconds")
        return value


def record(fields: Iterable[Field], obj: models.Model) -> dict[str, Any]:
    return {f.key: f.dump(obj) for f in fields}


def flat(fields: Iterable[Field], prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Every field with its path, depth first: `kontaktperson.epost`, `laeringsarenaer[].type`."""
    for f in fields:
        path = prefix + f.key
        yield path, f
        yield from flat(f.fields, path + ("[]." if f.kind == "list" else "."))


def laeringsmal_dekket(arenaer: Iterable[Laeringsarena]) -> list[str]:
    """The sorted union of the codes the arenas' texts were read as."""
    return sorter(set().union(*(set(a.laeringsmal_koder or ()) for a in arenaer)))


def _object(key: str, *fields: Field) -> Field:
    return Field(key, "object", fields=fields)


def _contact(key: str, prefix: str) -> Field:
    return _object(key, *(Field(name, "text", f"{prefix}_{name}") for name in ("navn", "epost", "telefon")))


def _export_only(key: str, kind: str, model: str, on: type[models.Model]) -> Field:
    return Field(key, kind, model, imported="ignored", on=on)


GYLDIG_VERDI = _("en gyldig verdi")


def _choice(
    key: str, model: str, choices: type[models.TextChoices], what: StrOrPromise = GYLDIG_VERDI, **kw: Any
) -> Field:
    return Field(key, "choice", model, choices, what, **kw)


ARENA = (
    _choice("type", "type", Arenatype, _("en gyldig type"), on=Laeringsarena),
    _choice("plassering", "plassering", Plassering, _("en gyldig plassering"), on=Laeringsarena),
    Field("virksomhet", "text", "annen_virksomhet", on=Laeringsarena),
    Field("ny_veileder", "bool", "ny_veileder", on=Laeringsarena),
    Field("avtale_veiledning_supervisjon", "bool", "avtale_veiledning_supervisjon", on=Laeringsarena),
    Field("institusjon_overlege", "bool", "institusjon_overlege", on=Laeringsarena),
    Field("institusjon_veiledning", "bool", "institusjon_veiledning", on=Laeringsarena),
    Field("institusjon_internundervisning", "bool", "institusjon_internundervisning", on=Laeringsarena),
    Field("laeringsmal", "text", "laeringsmal", on=Laeringsarena),
    Field("supervisjon", "codes", "supervisjon", Supervisjon, _("en gyldig supervisjonsmåte"), on=Laeringsarena),
    Field("supervisjon_annet", "text", "supervisjon_annet", on=Laeringsarena),
)

# A record, in the order an export writes it (the export-only keys last).
RECORD = (
    Field("referanse", "text", "referanse", imported="optional"),
    Field("organisasjonsnummer", "orgnr", "virksomhet.organisasjonsnummer", imported="required"),
    Field("navn", "text", "virksomhet.navn", imported="optional"),
    _choice("spesialitet", "spesialitet", Spesialitet, _("en gyldig spesialitet"), imported="required"),
    _choice("virksomhetstype", "virksomhetstype", Virksomhetstype, _("en gyldig virksomhetstype"), imported="optional"),
    _choice("status", "status", Status, _("en gyldig status"), imported="required"),
    Field("soknadsdato", "date", "soknadsdato", required_for=frozenset(Status.values) - {Status.UTKAST}),
    Field("vedtaksdato", "date", "vedtaksdato", required_for=frozenset({Status.REGISTRERT, Status.AVSLATT})),
    Field("registrert_fra", "date", "registrert_fra", imported="optional"),
    Field("registrert_fra_begrunnelse", "text", "registrert_fra_begrunnelse", imported="optional"),
    _contact("kontaktperson", "kontaktperson"),
    _contact("kontaktperson_databehandleravtale", "dba_kontakt"),
    _object("ansvar", *(Field(name.removeprefix("ansvar_"), "bool", name) for name in skjema.BEKREFTELSER)),
    _object("hf_avtale", Field("inngatt", "bool", "hf_avtale_inngatt"), Field("navn", "text", "hf_avtale_navn")),
    Field("bht_godkjent_arbeidstilsynet", "bool", "bht_godkjent_arbeidstilsynet"),
    _object(
        "samarbeid",
        Field("inngatt", "bool", "samarbeid_inngatt"),
        Field("beskrivelse", "text", "samarbeid_beskrivelse"),
    ),
    Field("organisering", "text", "organisering"),
    _object(
        "veiledere_ansatt",
        _choice("valg", "veiledere_ansatt", VeiledereAnsatt),
        Field("beskrivelse", "text", "veiledere_ansatt_beskrivelse"),
    ),
    _object(
        "veilederkompetanse",
        _choice("valg", "veilederkompetanse", JaDelvisNei),
        Field("plan", "text", "veilederkompetanse_plan"),
    ),
    _object(
        "kjent_med_oppgaver",
        _choice("valg", "kjent_med_oppgaver", JaDelvisNei),
        Field("tiltak", "codes", "kjent_tiltak", KjentTiltak, _("et gyldig tiltak")),
        Field("annet", "text", "kjent_annet"),
    ),
    Field("laeringsarenaer", "list", "laeringsarenaer", fields=ARENA),
    Field("avslagsgrunn", "text", "avslagsgrunn"),
    Field("anmodning", "text", "anmodning"),
    Field("laeringsmal_dekket", "codes", "laeringsarenaer", imported="ignored", out=laeringsmal_dekket),
    Field(
        "mangler",
        "list",
        "mangler",
        imported="ignored",
        fields=tuple(_export_only(key, "text", key, Mangel) for key in ("kode", "alvorlighet", "melding")),
    ),
    Field(
        "historikk",
        "list",
        "historikk",
        imported="ignored",
        fields=(
            _export_only("fra", "text", "fra_status", Statusendring),
            _export_only("til", "text", "til_status", Statusendring),
            _export_only("tidspunkt", "time", "tidspunkt", Statusendring),
            _export_only("melding", "text", "melding", Statusendring),
        ),
    ),
)
