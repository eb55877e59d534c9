"""Validation: a file's records read against the field map, every problem named by post and field."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone

from brreg import orgnr

from ..choices import Spesialitet, Status
from ..models import Soknad
from .fields import RECORD, Field

# Statuses that need a decision date.
VEDTAK_STATUSER = frozenset({Status.REGISTRERT, Status.AVSLATT})

_DATO = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Parsed:
    """A record checked and turned into model terms."""

    post: int  # 1-based position in the file
    values: dict[str, Any]  # model attribute of each key read ("virksomhet.navn", "laeringsarenaer": [{...}])


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, (int, float)):
        return "et tall"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "et objekt"
    return type(value).__name__


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Reader:
    """Reads one record by the field map, collecting every problem as «Post N, felt: melding».

    Each kind of field has its `read_<kind>(value, path, field)`; null or a left-out key means "not answered".
    """

    def __init__(self, post: int, errors: list[str]):
        self.post = post
        self.errors = errors

    def error(self, path: str, melding: str) -> None:
        self.errors.append(f"Post {self.post}, {path}: {melding}")

    def read(self, fields: tuple[Field, ...], value: Any, path: str = "") -> dict[str, Any]:
        """An object's keys as model attribute -> value (an object's own keys merged in)."""
        obj = self._object(value, path, fields)
        values: dict[str, Any] = {}
        for f in fields:
            if f.imported == "ignored":
                continue
            where = f"{path}.{f.key}" if path else f.key
            if f.imported == "required" and _blank(obj.get(f.key)):
                self.error(where, "må fylles ut.")
                values[f.model] = ""
            elif f.kind == "object":
                values |= self.read(f.fields, obj.get(f.key), where)
            else:
                values[f.model] = getattr(self, f"read_{f.kind}")(obj.get(f.key), where, f)
        return values

    def _object(self, value: Any, path: str, fields: tuple[Field, ...]) -> dict[str, Any]:
        """A JSON object with only known keys (export-only keys are accepted); null reads as empty."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(path, f"må være et objekt, ikke {_type_name(value)}.")
            return {}
        keys = [f.key for f in fields if f.imported != "ignored"]
        for key in value:
            if not any(f.key == key for f in fields):
                forslag = difflib.get_close_matches(str(key), keys, n=1)
                hint = f" Mente du «{forslag[0]}»?" if forslag else f" Kjente felt: {', '.join(keys)}."
                self.error(f"{path}.{key}" if path else str(key), f"ukjent felt.{hint}")
        return value

    def read_list(self, value: Any, path: str, f: Field) -> list[dict[str, Any]]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, f"må være en liste, ikke {_type_name(value)}.")
            return []
        rows = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                self.error(f"{path}[{i}]", f"må være et objekt, ikke {_type_name(item)}.")
            rows.append(self.read(f.fields, item if isinstance(item, dict) else {}, f"{path}[{i}]"))
        return rows

    def read_text(self, value: Any, path: str, f: Field) -> str | None:
        empty = None if f.nullable else ""
        if value is None:
            return empty
        if not isinstance(value, str):
            self.error(path, f"må være tekst, ikke {_type_name(value)}.")
            return empty
        value = value.strip()
        max_length = f.model_field.max_length
        if max_length is not None and len(value) > max_length:
            self.error(path, f"er for lang ({len(value)} tegn, høyst {max_length}).")
        if value and isinstance(f.model_field, models.EmailField):
            try:
                validate_email(value)
            except ValidationError:
                self.error(path, f"«{_short(value)}» er ikke en gyldig e-postadresse.")
        return value or empty

    def read_orgnr(self, value: Any, path: str, f: Field) -> str:
        if not isinstance(value, str):
            self.error(path, f"må være tekst (ni siffer i anførselstegn), ikke {_type_name(value)}.")
            return ""
        try:
            return orgnr.validate(value)
        except ValidationError as error:
            self.error(path, error.messages[0])
            return ""

    def read_bool(self, value: Any, path: str, f: Field) -> bool | None:
        empty = None if f.nullable else False
        if value is None:
            return empty
        if not isinstance(value, bool):
            lovlig = "true, false eller null" if f.nullable else "true eller false"
            self.error(path, f"må være {lovlig}, ikke {_type_name(value)} («{_short(value)}»).")
            return empty
        return value

    def read_choice(self, value: Any, path: str, f: Field) -> str:
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            self.error(path, f"må være tekst, ikke {_type_name(value)}.")
            return ""
        if value not in f.choices.values:
            self.error(path, f"«{_short(value)}» er ikke {f.what} (gyldige: {', '.join(f.choices.values)}).")
            return ""
        return value

    def read_codes(self, value: Any, path: str, f: Field) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, f"må være en liste, ikke {_type_name(value)}.")
            return []
        result: list[str] = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str) or item not in f.choices.values:
                self.error(f"{path}[{i}]",
                           f"«{_short(item)}» er ikke {f.what} (gyldige: {', '.join(f.choices.values)}).")
            elif item in result:
                self.error(f"{path}[{i}]", f"«{item}» står mer enn én gang.")
            else:
                result.append(item)
        return result

    def read_date(self, value: Any, path: str, f: Field) -> dt.date | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.error(path, f"må være en dato som tekst (ÅÅÅÅ-MM-DD), ikke {_type_name(value)}.")
            return None
        try:
            if not _DATO.fullmatch(value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(path,
                       f"«{_short(value)}» er ikke en gyldig dato (skriv ÅÅÅÅ-MM-DD, for eksempel 2019-05-20).")
            return None


def _check_dates(r: Reader, record: dict[str, Any], values: dict[str, Any]) -> None:
    """The rules between keys: dates not in the future, the dates a status needs, decision after application."""
    idag = timezone.localdate()
    for key in ("soknadsdato", "vedtaksdato"):
        if values[key] and values[key] > idag:
            r.error(key, f"{values[key]:%Y-%m-%d} er fram i tid.")
    status = values["status"]
    if status and status != Status.UTKAST and _blank(record.get("soknadsdato")):
        r.error("soknadsdato", f"må fylles ut når status er «{status}».")
    if status in VEDTAK_STATUSER and _blank(record.get("vedtaksdato")):
        r.error("vedtaksdato", f"må fylles ut når status er «{status}».")
    if values["soknadsdato"] and values["vedtaksdato"] and values["vedtaksdato"] < values["soknadsdato"]:
        r.error("vedtaksdato", "kan ikke være før søknadsdatoen.")


def parse(data: Any) -> tuple[list[Parsed], list[str]]:
    """Every record read and checked, and every problem found (structure first, then the database)."""
    if not isinstance(data, list):
        return [], [f"Filen må inneholde en JSON-liste med søknader (objekter), ikke {_type_name(data)}."]
    errors: list[str] = []
    parsed = []
    for post, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            errors.append(f"Post {post}: må være et objekt, ikke {_type_name(record)}.")
            continue
        reader = Reader(post, errors)
        values = reader.read(RECORD, record)
        _check_dates(reader, record, values)
        parsed.append(Parsed(post, values))

    forste: dict[tuple[str, str], int] = {}
    referanser: dict[str, int] = {}
    for p in parsed:
        nummer, spesialitet, referanse = (p.values[k] for k in ("virksomhet.organisasjonsnummer", "spesialitet",
                                                                "referanse"))
        if nummer and spesialitet:
            if (nummer, spesialitet) in forste:
                errors.append(
                    f"Post {p.post}, organisasjonsnummer: {orgnr.format_orgnr(nummer)} har allerede en søknad om "
                    f"{Spesialitet(spesialitet).label.lower()} i post {forste[nummer, spesialitet]}."
                )
            else:
                forste[nummer, spesialitet] = p.post
        if referanse:
            if referanse in referanser:
                errors.append(
                    f"Post {p.post}, referanse: «{referanse}» er også brukt i post {referanser[referanse]}."
                )
            else:
                referanser[referanse] = p.post

    if not errors and referanser:
        errors += _referanse_conflicts(parsed)
    return parsed, errors


def _referanse_conflicts(parsed: list[Parsed]) -> list[str]:
    """A reference given in the file must not belong to another stored application (one query)."""
    given = {p.values["referanse"]: p for p in parsed if p.values["referanse"]}
    errors = []
    for soknad in Soknad.objects.filter(referanse__in=given).select_related("virksomhet"):
        p = given[soknad.referanse]
        if (soknad.virksomhet.organisasjonsnummer, soknad.spesialitet) != (
            p.values["virksomhet.organisasjonsnummer"], p.values["spesialitet"]
        ):
            errors.append((p.post, (
                f"Post {p.post}, referanse: «{soknad.referanse}» tilhører en annen søknad "
                f"({soknad.virksomhet.navn}, {soknad.get_spesialitet_display().lower()})."
            )))
    return [melding for _, melding in sorted(errors)]


def validate_records(data: Any) -> list[str]:
    """Every problem with the file's data, in Norwegian, each naming the post (1-based) and the field.

    Checks the structure of every record (types, codes, dates, organisation numbers, e-mail addresses, unknown
    keys, duplicates within the file) and that a given reference does not belong to another application.
    An incomplete application is valid data: it is imported and gets its findings.
    """
    return parse(data)[1]
