"""The interchange format: applications as one JSON array of objects, in and out.

    records = export_records(Soknad.objects.filter(...))     # constant number of queries
    errors = validate_records(data)                          # [] or Norwegian messages naming post and field
    result = import_records(data, bruker=user)               # all or nothing; raises ImportRefused

The format is described in docs/soknad-format.md. A record maps onto the model like this: nested objects
(`kontaktperson`, `ansvar`, `hf_avtale`, ...) are groups of model fields, an arena's `virksomhet` is
`Laeringsarena.annen_virksomhet`. `laeringsmal_dekket`, `mangler` and `historikk` are export-only: they are
computed or recorded here, so an import accepts them (an exported file can be imported again) and ignores them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from brreg import client as brreg_client
from brreg import orgnr
from brreg import services as brreg_services
from brreg.models import Virksomhet
from laeringsarenaer.choices import Arenatype, Plassering, Supervisjon
from laeringsarenaer.lmtekst import sorter
from laeringsarenaer.models import Laeringsarena
from laeringsarenaer.tolking import katalog_for_soknad, tolk_tekst

from . import changes, skjema
from .choices import JaDelvisNei, KjentTiltak, Spesialitet, Status, VeiledereAnsatt, Virksomhetstype
from .models import Innsending, Mangel, Soknad, Statusendring
from .services import mangler_refresh, referanse_for, registrert_fra

IMPORT_MELDING = "Importert fra Altinn"
IMPORT_OPPDATERT_MELDING = "Oppdatert ved import fra Altinn"

# ---- the shape of a record -----------------------------------------------------------------------

# JSON key of each confirmation in "ansvar" -> model field
ANSVAR_KEYS: dict[str, str] = {name.removeprefix("ansvar_"): name for name in skjema.BEKREFTELSER}
KONTAKT_KEYS = ("navn", "epost", "telefon")

# Top-level keys an import reads, in the order an export writes them (export-only keys come last).
IMPORT_KEYS = (
    "referanse",
    "organisasjonsnummer",
    "navn",
    "spesialitet",
    "virksomhetstype",
    "status",
    "soknadsdato",
    "vedtaksdato",
    "registrert_fra",
    "kontaktperson",
    "kontaktperson_databehandleravtale",
    "ansvar",
    "hf_avtale",
    "bht_godkjent_arbeidstilsynet",
    "samarbeid",
    "organisering",
    "veiledere_ansatt",
    "veilederkompetanse",
    "kjent_med_oppgaver",
    "laeringsarenaer",
    "avslagsgrunn",
    "anmodning",
)
EXPORT_ONLY_KEYS = ("laeringsmal_dekket", "mangler", "historikk")
REQUIRED_KEYS = ("organisasjonsnummer", "spesialitet", "status")
ARENA_KEYS = ("type", "plassering", "virksomhet", "ny_veileder", "laeringsmal", "supervisjon", "supervisjon_annet")

# Statuses that need a decision date.
VEDTAK_STATUSER = frozenset({Status.REGISTRERT, Status.AVSLATT})


def _max_length(model, name: str) -> int | None:
    return model._meta.get_field(name).max_length


# ---- export --------------------------------------------------------------------------------------

def prefetched(queryset: QuerySet[Soknad]) -> QuerySet[Soknad]:
    """The applications with everything an export reads: four queries, however many applications."""
    return queryset.select_related("virksomhet__kommune__fylke__helseregion").prefetch_related(
        Prefetch("laeringsarenaer", queryset=Laeringsarena.objects.order_by("pk"), to_attr="eksport_arenaer"),
        Prefetch("mangler", queryset=Mangel.objects.order_by("pk"), to_attr="eksport_mangler"),
        Prefetch("historikk", queryset=Statusendring.objects.order_by("tidspunkt", "pk"), to_attr="eksport_historikk"),
    )


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def laeringsmal_dekket(arenaer: Iterable[Laeringsarena]) -> list[str]:
    """The sorted union of the codes the arenas' texts were read as."""
    return sorter(set().union(*(set(a.laeringsmal_koder or ()) for a in arenaer)))


def _arena_record(arena: Laeringsarena) -> dict[str, Any]:
    return {
        "type": arena.type,
        "plassering": arena.plassering,
        "virksomhet": arena.annen_virksomhet,
        "ny_veileder": arena.ny_veileder,
        "laeringsmal": arena.laeringsmal,
        "supervisjon": list(arena.supervisjon or []),
        "supervisjon_annet": arena.supervisjon_annet,
    }


def to_record(soknad: Soknad, arenaer: Sequence[Laeringsarena], mangler: Iterable[Mangel],
              historikk: Iterable[Statusendring]) -> dict[str, Any]:
    """One application as an interchange record (the arenas in the order the user sees them)."""
    s = soknad
    return {
        "referanse": s.referanse,
        "organisasjonsnummer": s.virksomhet.organisasjonsnummer,
        "navn": s.virksomhet.navn,
        "spesialitet": s.spesialitet,
        "virksomhetstype": s.virksomhetstype,
        "status": s.status,
        "soknadsdato": _date(s.soknadsdato),
        "vedtaksdato": _date(s.vedtaksdato),
        "registrert_fra": _date(s.registrert_fra),
        "kontaktperson": {"navn": s.kontaktperson_navn, "epost": s.kontaktperson_epost,
                          "telefon": s.kontaktperson_telefon},
        "kontaktperson_databehandleravtale": {"navn": s.dba_kontakt_navn, "epost": s.dba_kontakt_epost,
                                              "telefon": s.dba_kontakt_telefon},
        "ansvar": {key: getattr(s, name) for key, name in ANSVAR_KEYS.items()},
        "hf_avtale": {"inngatt": s.hf_avtale_inngatt, "navn": s.hf_avtale_navn},
        "bht_godkjent_arbeidstilsynet": s.bht_godkjent_arbeidstilsynet,
        "samarbeid": {"inngatt": s.samarbeid_inngatt, "beskrivelse": s.samarbeid_beskrivelse},
        "organisering": s.organisering,
        "veiledere_ansatt": {"valg": s.veiledere_ansatt, "beskrivelse": s.veiledere_ansatt_beskrivelse},
        "veilederkompetanse": {"valg": s.veilederkompetanse, "plan": s.veilederkompetanse_plan},
        "kjent_med_oppgaver": {"valg": s.kjent_med_oppgaver, "tiltak": list(s.kjent_tiltak or []),
                               "annet": s.kjent_annet},
        "laeringsarenaer": [_arena_record(a) for a in arenaer],
        "avslagsgrunn": s.avslagsgrunn,
        "anmodning": s.anmodning,
        "laeringsmal_dekket": laeringsmal_dekket(arenaer),
        "mangler": [{"kode": m.kode, "alvorlighet": m.alvorlighet, "melding": m.melding} for m in mangler],
        "historikk": [
            {"fra": h.fra_status, "til": h.til_status,
             "tidspunkt": timezone.localtime(h.tidspunkt).isoformat(timespec="seconds"), "melding": h.melding}
            for h in historikk
        ],
    }


def export_records(queryset: QuerySet[Soknad]) -> list[dict[str, Any]]:
    """Every application of the queryset as a record, in the queryset's order (four queries in all)."""
    return [
        to_record(s, s.eksport_arenaer, s.eksport_mangler, s.eksport_historikk) for s in prefetched(queryset)
    ]


# ---- validation ----------------------------------------------------------------------------------

_DATO = re.compile(r"\d{4}-\d{2}-\d{2}")


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


@dataclass
class ParsedArena:
    values: dict[str, Any]  # Laeringsarena field -> value (without the codes read from the text)


@dataclass
class ParsedRecord:
    """A record checked and turned into model terms."""

    post: int  # 1-based position in the file
    organisasjonsnummer: str = ""
    spesialitet: str = ""
    status: str = ""
    referanse: str | None = None
    navn: str = ""
    virksomhetstype: str | None = None  # None: not given, use the default
    registrert_fra_given: bool = False
    felt: dict[str, Any] = field(default_factory=dict)  # Soknad field -> value
    arenaer: list[ParsedArena] = field(default_factory=list)


class _Reader:
    """Reads one record, collecting every problem as «Post N, felt: melding»."""

    def __init__(self, post: int, errors: list[str]):
        self.post = post
        self.errors = errors

    def error(self, path: str, melding: str) -> None:
        self.errors.append(f"Post {self.post}, {path}: {melding}")

    def object(self, value: Any, path: str, keys: Sequence[str], ignored: Sequence[str] = ()) -> dict[str, Any]:
        """A JSON object with only known keys; null or a missing object reads as empty."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(path, f"må være et objekt, ikke {_type_name(value)}.")
            return {}
        for key in value:
            if key not in keys and key not in ignored:
                where = f"{path}.{key}" if path else str(key)
                forslag = difflib.get_close_matches(str(key), keys, n=1)
                hint = f" Mente du «{forslag[0]}»?" if forslag else f" Kjente felt: {', '.join(keys)}."
                self.error(where, f"ukjent felt.{hint}")
        return value

    def text(self, obj: Mapping, key: str, path: str, *, max_length: int | None = None, email: bool = False) -> str:
        value = obj.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.error(path, f"må være tekst, ikke {_type_name(value)}.")
            return ""
        value = value.strip()
        if max_length is not None and len(value) > max_length:
            self.error(path, f"er for lang ({len(value)} tegn, høyst {max_length}).")
        if email and value:
            try:
                validate_email(value)
            except ValidationError:
                self.error(path, f"«{_short(value)}» er ikke en gyldig e-postadresse.")
        return value

    def boolean(self, obj: Mapping, key: str, path: str, *, nullable: bool = False) -> bool | None:
        value = obj.get(key)
        if value is None:
            return None if nullable else False
        if not isinstance(value, bool):
            lovlig = "true, false eller null" if nullable else "true eller false"
            self.error(path, f"må være {lovlig}, ikke {_type_name(value)} («{_short(value)}»).")
            return None if nullable else False
        return value

    def choice(self, obj: Mapping, key: str, path: str, choices: Sequence[str], what: str) -> str:
        """One code of `choices`, or "" when not answered; `what` names it with its article ("en gyldig type")."""
        value = obj.get(key)
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            self.error(path, f"må være tekst, ikke {_type_name(value)}.")
            return ""
        if value not in choices:
            self.error(path, f"«{_short(value)}» er ikke {what} (gyldige: {', '.join(choices)}).")
            return ""
        return value

    def codes(self, obj: Mapping, key: str, path: str, choices: Sequence[str], what: str) -> list[str]:
        """A list of codes, each given once (null reads as an empty list)."""
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, f"må være en liste, ikke {_type_name(value)}.")
            return []
        result: list[str] = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str) or item not in choices:
                self.error(f"{path}[{i}]",
                           f"«{_short(item)}» er ikke {what} (gyldige: {', '.join(choices)}).")
            elif item in result:
                self.error(f"{path}[{i}]", f"«{item}» står mer enn én gang.")
            else:
                result.append(item)
        return result

    def date(self, obj: Mapping, key: str, path: str) -> dt.date | None:
        value = obj.get(key)
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


def _read_contact(r: _Reader, record: Mapping, key: str, prefix: str) -> dict[str, Any]:
    obj = r.object(record.get(key), key, KONTAKT_KEYS)
    return {
        f"{prefix}_navn": r.text(obj, "navn", f"{key}.navn", max_length=_max_length(Soknad, f"{prefix}_navn")),
        f"{prefix}_epost": r.text(obj, "epost", f"{key}.epost", max_length=_max_length(Soknad, f"{prefix}_epost"),
                                  email=True),
        f"{prefix}_telefon": r.text(obj, "telefon", f"{key}.telefon",
                                    max_length=_max_length(Soknad, f"{prefix}_telefon")),
    }


def _read_arena(r: _Reader, value: Any, path: str) -> ParsedArena:
    obj = r.object(value, path, ARENA_KEYS)
    if value is None:
        r.error(path, "må være et objekt, ikke null.")
    return ParsedArena({
        "type": r.choice(obj, "type", f"{path}.type", Arenatype.values, "en gyldig type"),
        "plassering": r.choice(obj, "plassering", f"{path}.plassering", Plassering.values, "en gyldig plassering"),
        "annen_virksomhet": r.text(obj, "virksomhet", f"{path}.virksomhet",
                                   max_length=_max_length(Laeringsarena, "annen_virksomhet")),
        "ny_veileder": r.boolean(obj, "ny_veileder", f"{path}.ny_veileder", nullable=True),
        "laeringsmal": r.text(obj, "laeringsmal", f"{path}.laeringsmal"),
        "supervisjon": r.codes(obj, "supervisjon", f"{path}.supervisjon", Supervisjon.values,
                                "en gyldig supervisjonsmåte"),
        "supervisjon_annet": r.text(obj, "supervisjon_annet", f"{path}.supervisjon_annet"),
    })


def _read_record(post: int, value: Any, errors: list[str]) -> ParsedRecord | None:
    r = _Reader(post, errors)
    if not isinstance(value, dict):
        errors.append(f"Post {post}: må være et objekt, ikke {_type_name(value)}.")
        return None
    record = r.object(value, "", IMPORT_KEYS, ignored=EXPORT_ONLY_KEYS)
    parsed = ParsedRecord(post=post)

    for key in REQUIRED_KEYS:
        if _blank(record.get(key)):
            r.error(key, "må fylles ut.")
    nummer = record.get("organisasjonsnummer")
    if isinstance(nummer, str) and not _blank(nummer):
        try:
            parsed.organisasjonsnummer = orgnr.validate(nummer)
        except ValidationError as error:
            r.error("organisasjonsnummer", error.messages[0])
    elif not _blank(nummer):
        r.error("organisasjonsnummer", f"må være tekst (ni siffer i anførselstegn), ikke {_type_name(nummer)}.")
    parsed.spesialitet = r.choice(record, "spesialitet", "spesialitet", Spesialitet.values, "en gyldig spesialitet")
    parsed.status = r.choice(record, "status", "status", Status.values, "en gyldig status")

    if not _blank(record.get("referanse")):
        parsed.referanse = r.text(record, "referanse", "referanse", max_length=_max_length(Soknad, "referanse")) or None
    parsed.navn = r.text(record, "navn", "navn", max_length=_max_length(Virksomhet, "navn"))
    virksomhetstype = r.choice(record, "virksomhetstype", "virksomhetstype", Virksomhetstype.values,
                               "en gyldig virksomhetstype")
    parsed.virksomhetstype = virksomhetstype or None

    felt = parsed.felt
    for key in ("soknadsdato", "vedtaksdato", "registrert_fra"):
        felt[key] = r.date(record, key, key)
    parsed.registrert_fra_given = felt["registrert_fra"] is not None
    idag = timezone.localdate()
    for key in ("soknadsdato", "vedtaksdato"):
        if felt[key] and felt[key] > idag:
            r.error(key, f"{felt[key]:%Y-%m-%d} er fram i tid.")
    if parsed.status and parsed.status != Status.UTKAST and _blank(record.get("soknadsdato")):
        r.error("soknadsdato", f"må fylles ut når status er «{parsed.status}».")
    if parsed.status in VEDTAK_STATUSER and _blank(record.get("vedtaksdato")):
        r.error("vedtaksdato", f"må fylles ut når status er «{parsed.status}».")
    if felt["soknadsdato"] and felt["vedtaksdato"] and felt["vedtaksdato"] < felt["soknadsdato"]:
        r.error("vedtaksdato", "kan ikke være før søknadsdatoen.")

    felt |= _read_contact(r, record, "kontaktperson", "kontaktperson")
    felt |= _read_contact(r, record, "kontaktperson_databehandleravtale", "dba_kontakt")

    ansvar = r.object(record.get("ansvar"), "ansvar", tuple(ANSVAR_KEYS))
    for key, name in ANSVAR_KEYS.items():
        felt[name] = r.boolean(ansvar, key, f"ansvar.{key}")

    hf = r.object(record.get("hf_avtale"), "hf_avtale", ("inngatt", "navn"))
    felt["hf_avtale_inngatt"] = r.boolean(hf, "inngatt", "hf_avtale.inngatt")
    felt["hf_avtale_navn"] = r.text(hf, "navn", "hf_avtale.navn", max_length=_max_length(Soknad, "hf_avtale_navn"))
    felt["bht_godkjent_arbeidstilsynet"] = r.boolean(record, "bht_godkjent_arbeidstilsynet",
                                                     "bht_godkjent_arbeidstilsynet", nullable=True)

    samarbeid = r.object(record.get("samarbeid"), "samarbeid", ("inngatt", "beskrivelse"))
    felt["samarbeid_inngatt"] = r.boolean(samarbeid, "inngatt", "samarbeid.inngatt")
    felt["samarbeid_beskrivelse"] = r.text(samarbeid, "beskrivelse", "samarbeid.beskrivelse")
    felt["organisering"] = r.text(record, "organisering", "organisering")

    ansatt = r.object(record.get("veiledere_ansatt"), "veiledere_ansatt", ("valg", "beskrivelse"))
    felt["veiledere_ansatt"] = r.choice(ansatt, "valg", "veiledere_ansatt.valg", VeiledereAnsatt.values,
                                           "en gyldig verdi")
    felt["veiledere_ansatt_beskrivelse"] = r.text(ansatt, "beskrivelse", "veiledere_ansatt.beskrivelse")

    kompetanse = r.object(record.get("veilederkompetanse"), "veilederkompetanse", ("valg", "plan"))
    felt["veilederkompetanse"] = r.choice(kompetanse, "valg", "veilederkompetanse.valg", JaDelvisNei.values,
                                         "en gyldig verdi")
    felt["veilederkompetanse_plan"] = r.text(kompetanse, "plan", "veilederkompetanse.plan")

    kjent = r.object(record.get("kjent_med_oppgaver"), "kjent_med_oppgaver", ("valg", "tiltak", "annet"))
    felt["kjent_med_oppgaver"] = r.choice(kjent, "valg", "kjent_med_oppgaver.valg", JaDelvisNei.values,
                                         "en gyldig verdi")
    felt["kjent_tiltak"] = r.codes(kjent, "tiltak", "kjent_med_oppgaver.tiltak", KjentTiltak.values,
                                   "et gyldig tiltak")
    felt["kjent_annet"] = r.text(kjent, "annet", "kjent_med_oppgaver.annet")

    felt["avslagsgrunn"] = r.text(record, "avslagsgrunn", "avslagsgrunn")
    felt["anmodning"] = r.text(record, "anmodning", "anmodning")

    arenaer = record.get("laeringsarenaer")
    if arenaer is not None and not isinstance(arenaer, list):
        r.error("laeringsarenaer", f"må være en liste, ikke {_type_name(arenaer)}.")
    elif arenaer:
        parsed.arenaer = [_read_arena(r, a, f"laeringsarenaer[{i}]") for i, a in enumerate(arenaer, start=1)]
    return parsed


def _parse(data: Any) -> tuple[list[ParsedRecord], list[str]]:
    """Every record read and checked, and every problem found (structure first, then the database)."""
    if not isinstance(data, list):
        return [], [f"Filen må inneholde en JSON-liste med søknader (objekter), ikke {_type_name(data)}."]
    errors: list[str] = []
    parsed = [p for i, value in enumerate(data, start=1) if (p := _read_record(i, value, errors)) is not None]

    forste: dict[tuple[str, str], int] = {}
    referanser: dict[str, int] = {}
    for p in parsed:
        if p.organisasjonsnummer and p.spesialitet:
            key = (p.organisasjonsnummer, p.spesialitet)
            if key in forste:
                errors.append(
                    f"Post {p.post}, organisasjonsnummer: {orgnr.format_orgnr(p.organisasjonsnummer)} har allerede en "
                    f"søknad om {Spesialitet(p.spesialitet).label.lower()} i post {forste[key]}."
                )
            else:
                forste[key] = p.post
        if p.referanse:
            if p.referanse in referanser:
                errors.append(
                    f"Post {p.post}, referanse: «{p.referanse}» er også brukt i post {referanser[p.referanse]}."
                )
            else:
                referanser[p.referanse] = p.post

    if not errors and referanser:
        errors += _referanse_conflicts(parsed)
    return parsed, errors


def _referanse_conflicts(parsed: list[ParsedRecord]) -> list[str]:
    """A reference given in the file must not belong to another stored application (one query)."""
    given = {p.referanse: p for p in parsed if p.referanse}
    errors = []
    for soknad in Soknad.objects.filter(referanse__in=given).select_related("virksomhet"):
        p = given[soknad.referanse]
        if (soknad.virksomhet.organisasjonsnummer, soknad.spesialitet) != (p.organisasjonsnummer, p.spesialitet):
            errors.append((p.post, (
                f"Post {p.post}, referanse: «{p.referanse}» tilhører en annen søknad "
                f"({soknad.virksomhet.navn}, {soknad.get_spesialitet_display().lower()})."
            )))
    return [melding for _, melding in sorted(errors)]


def validate_records(data: Any) -> list[str]:
    """Every problem with the file's data, in Norwegian, each naming the post (1-based) and the field.

    Checks the structure of every record (types, codes, dates, organisation numbers, e-mail addresses, unknown
    keys, duplicates within the file) and that a given reference does not belong to another application.
    An incomplete application is valid data: it is imported and gets its findings.
    """
    return _parse(data)[1]


# ---- import --------------------------------------------------------------------------------------

class ImportRefused(Exception):
    """The file has errors; nothing was imported."""

    def __init__(self, errors: list[str]):
        super().__init__(f"{len(errors)} feil i filen; ingenting er importert.")
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    warnings: list[str] = field(default_factory=list)
    soknader: list[Soknad] = field(default_factory=list)


@dataclass(frozen=True)
class _Organisation:
    """How an organisation number becomes a stored Virksomhet once the transaction is open."""

    organisasjonsnummer: str
    found: brreg_services.Lookup | None  # None: create it as not verified
    navn: str = ""


def _resolve_organisations(parsed: list[ParsedRecord]) -> tuple[dict[str, _Organisation], list[str]]:
    """Look up the organisations we do not know locally, before any transaction is opened.

    After the first time Enhetsregisteret cannot be reached, the rest are not asked (each attempt costs
    seconds); they are created as not verified like the first.
    """
    organisations: dict[str, _Organisation] = {}
    warnings: list[str] = []
    unavailable: list[str] = []
    registry_down = False
    navn_i_filen: dict[str, str] = {}
    for p in parsed:
        if p.navn:
            navn_i_filen.setdefault(p.organisasjonsnummer, p.navn)
    for p in parsed:
        nummer = p.organisasjonsnummer
        if nummer in organisations:
            continue
        navn = navn_i_filen.get(nummer) or nummer
        found = brreg_services.lookup_local(nummer)
        if found is None and not registry_down:
            try:
                found = brreg_services.lookup(nummer)
            except (brreg_client.NotFound, brreg_client.Removed) as error:
                warnings.append(f"Post {p.post}: {error.melding} Virksomheten er opprettet som «{navn}», "
                                "ikke verifisert.")
            except brreg_client.Unavailable:
                registry_down = True
        if found is None and registry_down:
            unavailable.append(f"{orgnr.format_orgnr(nummer)} «{navn}» (post {p.post})")
        if found is not None and found.slettet:
            warnings.append(f"Post {p.post}: {found.navn or orgnr.format_orgnr(nummer)} er slettet i "
                            f"Enhetsregisteret ({found.slettedato:%d.%m.%Y}).")
        organisations[nummer] = _Organisation(nummer, found, navn)
    if unavailable:
        warnings.append("Fikk ikke kontakt med Enhetsregisteret. Disse virksomhetene er opprettet med navnet fra "
                        "filen (eller organisasjonsnummeret), ikke verifisert: " + "; ".join(unavailable) + ".")
    return organisations, warnings


def _virksomhet(organisation: _Organisation, cache: dict[str, Virksomhet]) -> Virksomhet:
    nummer = organisation.organisasjonsnummer
    if nummer not in cache:
        if organisation.found is not None:
            cache[nummer] = brreg_services.virksomhet_from_lookup(organisation.found)
        else:
            cache[nummer] = brreg_services.virksomhet_create_unverified(organisasjonsnummer=nummer,
                                                                        navn=organisation.navn)
    return cache[nummer]


def _default_virksomhetstype(virksomhet: Virksomhet, p: ParsedRecord) -> str:
    if virksomhet.er_kommune:
        return Virksomhetstype.KOMMUNE
    if p.felt["bht_godkjent_arbeidstilsynet"] is not None:
        return Virksomhetstype.BHT
    return ""


def _save_arenas(soknad: Soknad, parsed: list[ParsedArena], katalog) -> list[Laeringsarena]:
    """Replace the arenas position by position (arena n keeps its id, so later changes can be shown)."""
    existing = list(Laeringsarena.objects.filter(soknad=soknad).order_by("pk"))
    saved = []
    for i, arena_data in enumerate(parsed):
        values = arena_data.values | tolk_tekst(arena_data.values["laeringsmal"], soknad.spesialitet, katalog)
        if i < len(existing):
            arena = existing[i]
            for name, value in values.items():
                setattr(arena, name, value)
            arena.save()
        else:
            arena = Laeringsarena.objects.create(soknad=soknad, **values)
        saved.append(arena)
    Laeringsarena.objects.filter(pk__in=[a.pk for a in existing[len(parsed):]]).delete()
    return saved


def _save_snapshot(soknad: Soknad, arenaer: list[Laeringsarena], created: bool) -> None:
    """A submitted application keeps what it looked like when it came in, as on a submission."""
    if soknad.status == Status.UTKAST:
        return
    data = changes.snapshot(soknad, arenaer)
    if not created:
        last = Innsending.objects.filter(soknad=soknad).order_by("-tidspunkt", "-pk").first()
        if last is not None and last.data == data:
            return
    Innsending.objects.create(soknad=soknad, data=data)


def _write(p: ParsedRecord, virksomhet: Virksomhet, *, bruker, reserved: set[str],
           katalog_for: Callable[[dt.date | None], Any]) -> tuple[Soknad, bool]:
    soknad = Soknad.objects.select_for_update().filter(virksomhet=virksomhet, spesialitet=p.spesialitet).first()
    created = soknad is None
    if created:
        soknad = Soknad(virksomhet=virksomhet, spesialitet=p.spesialitet, opprettet_av=bruker)
    fra = soknad.status
    for name, value in p.felt.items():
        setattr(soknad, name, value)
    soknad.status = p.status
    soknad.virksomhetstype = p.virksomhetstype or _default_virksomhetstype(virksomhet, p)
    if not p.registrert_fra_given:
        soknad.registrert_fra = (
            registrert_fra(soknad.soknadsdato, er_kommune=virksomhet.er_kommune)
            if p.status == Status.REGISTRERT and soknad.soknadsdato else None
        )
    if p.referanse:
        soknad.referanse = p.referanse
    soknad.save()
    if not soknad.referanse and soknad.status != Status.UTKAST:
        soknad.referanse = referanse_for(soknad, soknad.soknadsdato, reserved)
        soknad.save(update_fields=["referanse"])

    arenaer = _save_arenas(soknad, p.arenaer, katalog_for(soknad.soknadsdato))
    if created:
        Statusendring.objects.create(soknad=soknad, fra_status=Status.UTKAST, til_status=soknad.status,
                                     utfort_av=bruker, melding=IMPORT_MELDING)
    elif fra != soknad.status:
        Statusendring.objects.create(soknad=soknad, fra_status=fra, til_status=soknad.status, utfort_av=bruker,
                                     melding=IMPORT_OPPDATERT_MELDING)
    _save_snapshot(soknad, arenaer, created)
    mangler_refresh(soknad=soknad, arenaer=arenaer)
    return soknad, created


def import_records(records: Any, *, bruker=None) -> ImportResult:
    """Bring in applications sent through Altinn: all of them, or (on any error) none.

    Every record is checked first (`validate_records`); then organisations unknown here are looked up in
    Enhetsregisteret (outside the transaction); then everything is written in one transaction. An
    application that exists for the same organisation and specialty is updated (fields and arenas replaced),
    so importing the same file twice changes nothing the second time. Raises ImportRefused with the errors.
    """
    parsed, errors = _parse(records)
    if errors:
        raise ImportRefused(errors)
    organisations, warnings = _resolve_organisations(parsed)
    result = ImportResult(warnings=warnings)
    reserved = {p.referanse for p in parsed if p.referanse}
    katalog_cache: dict[dt.date | None, Any] = {}

    def katalog_for(dato: dt.date | None):
        if dato not in katalog_cache:
            katalog_cache[dato] = katalog_for_soknad(dato)
        return katalog_cache[dato]

    virksomheter: dict[str, Virksomhet] = {}
    with transaction.atomic():
        for p in parsed:
            virksomhet = _virksomhet(organisations[p.organisasjonsnummer], virksomheter)
            soknad, created = _write(p, virksomhet, bruker=bruker, reserved=reserved, katalog_for=katalog_for)
            result.soknader.append(soknad)
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result
