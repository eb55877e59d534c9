"""Validation: a file's records read against the field map, every problem named by post and field."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from brreg import orgnr

from .. import grenser, skjema
from ..choices import Spesialitet
from ..models import Soknad
from .fields import RECORD, Field

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_DATO = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Parsed:
    """A record checked and turned into model terms."""

    post: int  # 1-based position in the file
    values: dict[str, Any]  # model attribute of each key read ("virksomhet.navn", "laeringsarenaer": [{...}])

    @property
    def key(self) -> tuple[str, str]:
        """Organisation and specialty: what identifies an application."""
        return self.values["virksomhet.organisasjonsnummer"], self.values["spesialitet"]


def _type_name(value: Any) -> str:
    names = (
        (type(None), "null"),
        (bool, "true/false"),
        (str, _("tekst")),
        ((int, float), _("et tall")),
        (list, _("en liste")),
        (dict, _("et objekt")),
    )
    return str(next((name for types, name in names if isinstance(value, types)), type(value).__name__))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _short(value: Any, limit: int = 60) -> str:
    try:
        text = value if isinstance(value, str) else repr(value)
    except RecursionError:  # a list nested too deep to print
        text = _type_name(value)
    text = _UGYLDIGE_TEGN.sub("\ufffd", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# NUL cannot be stored in PostgreSQL text, and a lone surrogate (a JSON escape such as "\ud800") is no character
# at all: neither can be stored, so a text holding one is refused with the rest of the file's errors
_UGYLDIGE_TEGN = re.compile("[\x00\ud800-\udfff]")


def ugyldige_tegn(value: str) -> str | None:
    """What is wrong with the characters of a text, in Norwegian, or None."""
    if "\x00" in value:
        return gettext("inneholder et null-tegn (\\u0000), som ikke kan lagres. Fjern det.")
    if _UGYLDIGE_TEGN.search(value):
        return gettext(
            "inneholder en ugyldig tegnkode (en enslig surrogat som \\ud800), som ikke kan lagres. Fjern den."
        )
    return None


# kind -> the JSON type its value must have, how an error names that type, and what null (not answered) reads as
_JSON: dict[str, tuple[type, StrOrPromise, Any]] = {
    "text": (str, _("tekst"), ""),
    "choice": (str, _("tekst"), ""),
    "orgnr": (str, _("tekst (ni siffer i anførselstegn)"), ""),
    "date": (str, _("en dato som tekst (ÅÅÅÅ-MM-DD)"), None),
    "bool": (bool, _("true eller false"), False),
    "codes": (list, _("en liste"), []),
    "list": (list, _("en liste"), []),
}


class Reader:
    """Reads one record by the field map, collecting every problem as «Post N, felt: melding».

    A value of the right JSON type is converted by `read_<kind>(value, path, field)`.
    """

    def __init__(self, post: int, errors: list[str]):
        self.post = post
        self.errors = errors

    def error(self, path: str, melding: str) -> None:
        # a key may hold the characters it is told about: shown as �, so the message can always be printed
        self.errors.append(_UGYLDIGE_TEGN.sub("\ufffd", f"Post {self.post}, {path}: {melding}"))

    def read(self, fields: tuple[Field, ...], value: Any, path: str = "") -> dict[str, Any]:
        """An object's keys as model attribute -> value (the keys of an object inside it merged in)."""
        obj = self._object(value, path, fields)
        values: dict[str, Any] = {}
        for f in fields:
            if f.imported == "ignored":
                continue
            where, raw = f"{path}.{f.key}" if path else f.key, obj.get(f.key)
            if f.imported == "required" and _blank(raw):
                self.error(where, gettext("må fylles ut."))
                values[f.model] = ""
            elif values.get("status") in f.required_for and _blank(raw):  # the map has the status first
                self.error(where, gettext("må fylles ut når status er «%(status)s».") % {"status": values["status"]})
                values[f.model] = None
            elif f.kind == "object":
                values |= self.read(f.fields, raw, where)
            else:
                values[f.model] = self._value(raw, where, f)
        return values

    def _object(self, value: Any, path: str, fields: tuple[Field, ...]) -> dict[str, Any]:
        """A JSON object with only known keys (export-only keys are accepted); null reads as empty."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(path, gettext("må være et objekt, ikke %(type)s.") % {"type": _type_name(value)})
            return {}
        keys = [f.key for f in fields if f.imported != "ignored"]
        for key in value:
            if not any(f.key == key for f in fields):
                forslag = difflib.get_close_matches(str(key), keys, n=1)
                if forslag:
                    melding = gettext("ukjent felt. Mente du «%(forslag)s»?") % {"forslag": forslag[0]}
                else:
                    melding = gettext("ukjent felt. Kjente felt: %(felt)s.") % {"felt": ", ".join(keys)}
                self.error(f"{path}.{key}" if path else str(key), melding)
        return value

    def _value(self, value: Any, path: str, f: Field) -> Any:
        json_type, named, empty = _JSON[f.kind]
        empty = None if f.nullable else copy.copy(empty)
        if value is None or (value == "" and f.kind in ("choice", "date")):
            return empty
        if not isinstance(value, json_type):
            if f.kind == "bool":
                named = gettext("true, false eller null") if f.nullable else named
                self.error(
                    path,
                    gettext("må være %(riktig)s, ikke %(type)s («%(verdi)s»).")
                    % {"riktig": named, "type": _type_name(value), "verdi": _short(value)},
                )
            else:
                self.error(
                    path, gettext("må være %(riktig)s, ikke %(type)s.") % {"riktig": named, "type": _type_name(value)}
                )
            return empty
        convert = getattr(self, f"read_{f.kind}", None)  # a bool needs no converting
        return convert(value, path, f) if convert else value

    def read_text(self, value: str, path: str, f: Field) -> str | None:
        if melding := ugyldige_tegn(value):
            self.error(path, melding)
            return "" if not f.nullable else None
        value, max_length = value.strip(), f.max_length
        if max_length is not None and len(value) > max_length:
            self.error(
                path,
                gettext("er for lang (%(lengde)d tegn, høyst %(maks)d).") % {"lengde": len(value), "maks": max_length},
            )
        skjemafelt = skjema.FELT.get(getattr(f.model_field, "name", ""))
        if value and skjemafelt is not None and (melding := skjemafelt.ugyldig(value)):
            self.error(path, melding)  # as the form says it (regler/gyldig.py)
        if value and isinstance(f.model_field, models.EmailField):
            try:
                validate_email(value)
            except ValidationError:
                self.error(path, gettext("«%(verdi)s» er ikke en gyldig e-postadresse.") % {"verdi": _short(value)})
        return value or (None if f.nullable else "")

    def read_orgnr(self, value: str, path: str, f: Field) -> str:
        try:
            return orgnr.validate(value)
        except ValidationError as error:
            self.error(path, error.messages[0])
            return ""

    def read_choice(self, value: str, path: str, f: Field) -> str:
        if value in f.codes:
            return value
        self._not_a_code(value, path, f)
        return ""

    def read_codes(self, value: list, path: str, f: Field) -> list[str]:
        result: list[str] = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str) or item not in f.codes:
                self._not_a_code(item, f"{path}[{i}]", f)
            elif item in result:
                self.error(f"{path}[{i}]", gettext("«%(verdi)s» står mer enn én gang.") % {"verdi": item})
            else:
                result.append(item)
        return result

    def _not_a_code(self, value: Any, path: str, f: Field) -> None:
        self.error(
            path,
            gettext("«%(verdi)s» er ikke %(hva)s (gyldige: %(gyldige)s).")
            % {"verdi": _short(value), "hva": f.what, "gyldige": ", ".join(f.codes)},
        )

    def read_date(self, value: str, path: str, f: Field) -> dt.date | None:
        try:
            if not _DATO.fullmatch(value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(
                path,
                gettext("«%(verdi)s» er ikke en gyldig dato (skriv ÅÅÅÅ-MM-DD, for eksempel 2019-05-20).")
                % {"verdi": _short(value)},
            )
            return None

    def read_list(self, value: list, path: str, f: Field) -> list[dict[str, Any]]:
        if f.model == "laeringsarenaer" and (melding := grenser.arenaer_for_mange(nye=len(value))):
            self.error(path, melding)  # the limit every way in shares; the arenas are not read one by one
            return []
        rows = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                self.error(f"{path}[{i}]", gettext("må være et objekt, ikke %(type)s.") % {"type": _type_name(item)})
            rows.append(self.read(f.fields, item if isinstance(item, dict) else {}, f"{path}[{i}]"))
        return rows


def _check_dates(r: Reader, values: dict[str, Any]) -> None:
    """The dates' rules beyond their keys: not in the future, the decision not before the application."""
    for key in ("soknadsdato", "vedtaksdato"):
        if values[key] and values[key] > timezone.localdate():
            r.error(key, gettext("%(dato)s er fram i tid.") % {"dato": f"{values[key]:%Y-%m-%d}"})
    if values["soknadsdato"] and values["vedtaksdato"] and values["vedtaksdato"] < values["soknadsdato"]:
        r.error("vedtaksdato", gettext("kan ikke være før søknadsdatoen."))


def parse(data: Any) -> tuple[list[Parsed], list[str]]:
    """Every record read and checked, and every problem found (structure first, then the database)."""
    if not isinstance(data, list):
        return [], [
            gettext("Filen må inneholde en JSON-liste med søknader (objekter), ikke %(type)s.")
            % {"type": _type_name(data)}
        ]
    errors: list[str] = []
    parsed = []
    for post, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            melding = gettext("må være et objekt, ikke %(type)s.") % {"type": _type_name(record)}
            errors.append(f"Post {post}: {melding}")
            continue
        reader = Reader(post, errors)
        values = reader.read(RECORD, record)
        _check_dates(reader, values)
        parsed.append(Parsed(post, values))

    forste: dict[tuple[str, str], int] = {}
    referanser: dict[str, int] = {}
    for p in parsed:
        if all(p.key) and forste.setdefault(p.key, p.post) != p.post:
            nummer, spesialitet = p.key
            melding = gettext("%(orgnr)s har allerede en søknad om %(spesialitet)s i post %(post)s.") % {
                "orgnr": orgnr.format_orgnr(nummer),
                "spesialitet": str(Spesialitet(spesialitet).label).lower(),
                "post": forste[p.key],
            }
            errors.append(f"Post {p.post}, organisasjonsnummer: {melding}")
        referanse = p.values["referanse"]
        if referanse and referanser.setdefault(referanse, p.post) != p.post:
            melding = gettext("«%(referanse)s» er også brukt i post %(post)s.") % {
                "referanse": referanse,
                "post": referanser[referanse],
            }
            errors.append(f"Post {p.post}, referanse: {melding}")

    if not errors and referanser:
        errors += _referanse_conflicts(parsed)
    return parsed, errors


def _referanse_conflicts(parsed: list[Parsed]) -> list[str]:
    """A reference given in the file must not belong to another stored application (one query)."""
    given = {p.values["referanse"]: p for p in parsed if p.values["referanse"]}
    errors = []
    for soknad in Soknad.objects.filter(referanse__in=given).select_related("virksomhet"):
        p = given[soknad.referanse]
        if (soknad.virksomhet.organisasjonsnummer, soknad.spesialitet) != p.key:
            melding = gettext("«%(referanse)s» tilhører en annen søknad (%(navn)s, %(spesialitet)s).") % {
                "referanse": soknad.referanse,
                "navn": soknad.virksomhet.navn,
                "spesialitet": str(soknad.get_spesialitet_display()).lower(),
            }
            errors.append((p.post, f"Post {p.post}, referanse: {melding}"))
    return [melding for _, melding in sorted(errors)]


def validate_records(data: Any) -> list[str]:
    """Every problem with the file's data, in Norwegian, each naming the post (1-based) and the field.

    Checks the structure of every record (types, codes, dates, organisation numbers, e-mail addresses, unknown
    keys, duplicates within the file) and that a given reference does not belong to another application.
    An incomplete application is valid data: it is imported and gets its findings.
    """
    return parse(data)[1]


def planned_counts(data: Any) -> tuple[int, int]:
    """For a valid file: how many applications an import would create and how many it would update (an application
    for the same organisation and specialty exists already)."""
    parsed, _ = parse(data)
    keys = {p.key for p in parsed}
    existing = set(
        Soknad.objects.filter(virksomhet__organisasjonsnummer__in={nummer for nummer, _ in keys}).values_list(
            "virksomhet__organisasjonsnummer", "spesialitet"
        )
    )
    updated = len(keys & existing)
    return len(keys) - updated, updated
