"""The public overview's reads: how many have applied, per helseregion, and the status of every kommune.

Every figure comes from an aggregate query grouped by helseregion (conditional COUNTs; the kommuner that have
applied are a COUNT DISTINCT of the kommune over the kommuner's own applications), and the status of each kommune
from one correlated subquery, so the number of queries does not depend on how many applications there are.

A kommune "has applied" for a specialty when an application for it, beyond a draft, exists from a Virksomhet that is
a kommune (er_kommune) and whose kommune is that kommune. Other organisations (SAM, ARB) count as applications in
their kommune's region, but never make a kommune "applied".

Regions are data: a Kommune belongs to a Fylke, which belongs to a Helseregion. The region of an application is
that of its Virksomhet's kommune; an application whose Virksomhet has no kommune counts only in the national
total ("Hele landet").

Order of the regions: by their highest fylkesnummer, descending, then by name. With the 2024 fylke structure
this gives Nord (56), Midt-Norge (50), Vest (46), Sør-Øst (42), the order the ALIS-kontor use, without naming a
region or a fylke in code. If the fylke structure changes, the order follows the data and stays stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Case, CharField, Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brreg.models import Fylke, Kommune
from soknader.choices import Status
from soknader.models import (
    OVERGANGSREGEL_FRA,
    VENTENDE_STATUSER,
    Soknad,
    Statusendring,
    overgangsregel_gjelder,
)

if TYPE_CHECKING:
    from django.utils.functional import Promise
    from django_stubs_ext import WithAnnotations

    class _DatoStatus(TypedDict):
        dato_status: str  # the status at the end of the day asked about (`_soknader_per_dato`)


HELE_LANDET = _("Hele landet")
IKKE_SOKT = _("Ikke søkt")

# An application "counts" once it has been sent in; drafts are nobody's business but the applicant's.
SOKT = tuple(s for s in Status.values if s != Status.UTKAST)
UNDER_BEHANDLING = (Status.INNSENDT, Status.UNDER_BEHANDLING)
# asked for more information, answered or not, not yet decided (the guidance's «anmodning sendt»)
ANMODNING = (Status.ANMODNING_SENDT, Status.SVAR_MOTTATT, Status.SENDT_INN_PA_NYTT)

# The columns of the table and the exports, in order: (field of Regiontall, heading).
KOLONNER = (
    ("soknader", _("Søknader")),
    ("under_behandling", _("Under behandling")),
    ("anmodning_sendt", _("Anmodning sendt")),
    ("registrert", _("Registrert")),
    ("avslatt", _("Avslått")),
    ("trukket", _("Trukket")),
    ("ikke_sokt", IKKE_SOKT),
    ("kommuner", _("Kommuner")),
)


# The status filter of the kommune list: (value in the query string, label, the statuses it takes in); a kommune that
# has not applied has the status "".
STATUSFILTER = (
    ("under_behandling", _("Under behandling"), UNDER_BEHANDLING),
    ("anmodning_sendt", _("Anmodning sendt"), ANMODNING),
    ("registrert", _("Registrert"), (Status.REGISTRERT,)),
    ("avslatt", _("Avslått"), (Status.AVSLATT,)),
    ("trukket", _("Trukket"), (Status.TRUKKET,)),
    ("ikke_sokt", IKKE_SOKT, ("",)),
)


@dataclass(frozen=True)
class Regiontall:
    """The figures of one helseregion (or of the whole country) for one specialty."""

    helseregion: str
    kode: str
    soknader: int = 0
    under_behandling: int = 0
    anmodning_sendt: int = 0
    registrert: int = 0
    avslatt: int = 0
    trukket: int = 0
    ikke_sokt: int = 0
    kommuner: int = 0

    @property
    def verdier(self) -> list[tuple[str, str | Promise, int]]:
        """(field, heading, value) for each column, for templates."""
        return [(felt, tittel, getattr(self, felt)) for felt, tittel in KOLONNER]


@dataclass(frozen=True)
class Oversikt:
    spesialitet: str
    regioner: list[Regiontall]
    hele_landet: Regiontall
    uten_region: int  # applications whose organisation has no kommune (counted only in hele_landet)

    @property
    def rader(self) -> list[Regiontall]:
        return [*self.regioner, self.hele_landet]


@dataclass(frozen=True)
class Kommunestatus:
    nummer: str
    navn: str
    fylke: str
    helseregion: str
    status: str  # a Status value, or "" when the kommune has not applied
    status_tekst: str
    midlertidig_fra: dt.date | None = None  # pending and applied by 1 June 2019: deemed registered from (§ 38)
    registrert_fra: dt.date | None = None  # registered: counts as registered from this date (§ 21, § 38)


def _sokte(spesialitet: str) -> QuerySet[Soknad]:
    """Each organisation's latest application (beyond a draft) for the specialty: one that applies again after an
    avslag or a trekk counts once, with its new application."""
    nyere = Soknad.objects.filter(
        virksomhet=OuterRef("virksomhet"), spesialitet=spesialitet, status__in=SOKT, pk__gt=OuterRef("pk")
    )
    return Soknad.objects.filter(spesialitet=spesialitet, status__in=SOKT).exclude(Exists(nyere))


def _kommunens_soknader(spesialitet: str, kommune_ref: str) -> QuerySet[Soknad]:
    """Applications (beyond a draft) made by the kommune itself: its Virksomhet is a kommune and is in it."""
    return _sokte(spesialitet).filter(virksomhet__er_kommune=True, virksomhet__kommune=OuterRef(kommune_ref))


def _status_counts() -> dict[str, Count]:
    return {
        "soknader": Count("pk"),
        "under_behandling": Count("pk", filter=Q(status__in=UNDER_BEHANDLING)),
        "anmodning_sendt": Count("pk", filter=Q(status__in=ANMODNING)),
        "registrert": Count("pk", filter=Q(status=Status.REGISTRERT)),
        "avslatt": Count("pk", filter=Q(status=Status.AVSLATT)),
        "trukket": Count("pk", filter=Q(status=Status.TRUKKET)),
    }


def _soknader_per_region(spesialitet: str) -> dict[int | None, dict]:
    """Application counts by status, and the number of kommuner that applied themselves, keyed by helseregion id
    (None: the organisation has no kommune). A join and GROUP BY, no correlated subquery."""
    rader = (
        _sokte(spesialitet)
        .values("virksomhet__kommune__fylke__helseregion_id")
        .annotate(
            **_status_counts(),
            kommuner_sokt=Count("virksomhet__kommune", distinct=True, filter=Q(virksomhet__er_kommune=True)),
        )
        .order_by()
    )
    return {rad.pop("virksomhet__kommune__fylke__helseregion_id"): rad for rad in rader}


def _kommuner_per_region() -> list[dict]:
    """One row per helseregion with its number of kommuner, in the overview's order (see the module's docstring)."""
    return list(
        Kommune.objects.values("fylke__helseregion_id", "fylke__helseregion__navn", "fylke__helseregion__kode")
        .annotate(kommuner=Count("pk"), hoyeste_fylke=Max("fylke_id"))
        .order_by("-hoyeste_fylke", "fylke__helseregion__navn")
    )


def _region(rad: dict, soknader: dict) -> Regiontall:
    tall = dict(soknader.get(rad["fylke__helseregion_id"], {}))
    kommuner_sokt = tall.pop("kommuner_sokt", 0)
    return Regiontall(
        helseregion=rad["fylke__helseregion__navn"],
        kode=rad["fylke__helseregion__kode"],
        ikke_sokt=rad["kommuner"] - kommuner_sokt,
        kommuner=rad["kommuner"],
        **tall,
    )


def region_figures(spesialitet: str) -> Oversikt:
    """The figures of every helseregion and of the whole country for one specialty (two queries)."""
    return _oversikt(spesialitet, _soknader_per_region(spesialitet))


def _oversikt(spesialitet: str, soknader: dict[int | None, dict]) -> Oversikt:
    regioner = [_region(rad, soknader) for rad in _kommuner_per_region()]
    hele_landet = Regiontall(
        helseregion=str(HELE_LANDET),  # in the language of the page (or of the file) being made
        kode="",
        ikke_sokt=sum(r.ikke_sokt for r in regioner),
        kommuner=sum(r.kommuner for r in regioner),
        **{felt: sum(rad[felt] for rad in soknader.values()) for felt in _status_counts()},
    )
    uten_region = soknader.get(None, {}).get("soknader", 0)
    return Oversikt(spesialitet=spesialitet, regioner=regioner, hele_landet=hele_landet, uten_region=uten_region)


# The column of the table each status counts in (drafts count nowhere).
KOLONNE_FOR_STATUS = {
    **dict.fromkeys(UNDER_BEHANDLING, "under_behandling"),
    **dict.fromkeys(ANMODNING, "anmodning_sendt"),
    Status.REGISTRERT: "registrert",
    Status.AVSLATT: "avslatt",
    Status.TRUKKET: "trukket",
}


def _dagens_slutt(dato: dt.date) -> dt.datetime:
    """The first moment after `dato` in Norwegian time: a change at 23:59 on the date counts, one at 00:00 the next
    day does not."""
    return timezone.make_aware(dt.datetime.combine(dato + dt.timedelta(days=1), dt.time.min))


def _soknader_per_dato(spesialitet: str, dato: dt.date) -> QuerySet[WithAnnotations[Soknad, _DatoStatus]]:
    """Each organisation's latest application for the specialty that had been sent in by the end of `dato`, with
    its status then (`dato_status`).

    Sent in by then: its søknadsdato (the date of its first submission, kept when it is sent in again) is on or
    before the date. Its status then: the last change in its history (Statusendring) on or before the date. An
    application with no change recorded by then (an imported one gets its history row on the day of the import) was
    sent in and not yet assessed, unless its decision (registered or refused, with its vedtaksdato) was made by then.
    """
    grense = _dagens_slutt(dato)
    siste_endring = (
        Statusendring.objects.filter(soknad=OuterRef("pk"), tidspunkt__lt=grense)
        .order_by("-tidspunkt", "-pk")
        .values("til_status")[:1]
    )
    uten_historikk = Case(
        When(status__in=(Status.REGISTRERT, Status.AVSLATT), vedtaksdato__lte=dato, then=F("status")),
        default=Value(Status.INNSENDT),
        output_field=CharField(),
    )
    nyere = Soknad.objects.filter(
        virksomhet=OuterRef("virksomhet"), spesialitet=spesialitet, soknadsdato__lte=dato, pk__gt=OuterRef("pk")
    )
    return (
        Soknad.objects.filter(spesialitet=spesialitet, soknadsdato__lte=dato)
        .exclude(Exists(nyere))
        .annotate(dato_status=Coalesce(Subquery(siste_endring), uten_historikk, output_field=CharField()))
        .exclude(dato_status=Status.UTKAST)
    )


def region_figures_on(spesialitet: str, dato: dt.date) -> Oversikt:
    """The figures as they were at the end of `dato`, rebuilt from the status history, in two queries whatever the
    number of applications: the kommuner per region, and one aggregate query over the applications (the status of
    each from a correlated subquery on its history) grouped by region, kommune, whether the organisation is the
    kommune itself, and status. The groups are few (at most the kommuner × 2 × the statuses) and are summed here:
    the kommuner that had applied are counted once each, even when two organisations are registered as the same
    kommune.

    The kommuner are today's register: a kommune merged or split since then counts as it is now.
    """
    region = "virksomhet__kommune__fylke__helseregion_id"
    grupper = (
        _soknader_per_dato(spesialitet, dato)
        .values(region, "virksomhet__kommune_id", "virksomhet__er_kommune", "dato_status")
        .annotate(antall=Count("pk"))
        .order_by()
    )
    soknader: dict[int | None, dict] = {}
    kommuner_sokt: dict[int | None, set[str]] = {}
    for rad in grupper:
        tall = soknader.setdefault(rad[region], {**dict.fromkeys(_status_counts(), 0), "kommuner_sokt": 0})
        tall["soknader"] += rad["antall"]
        tall[KOLONNE_FOR_STATUS[rad["dato_status"]]] += rad["antall"]
        if rad["virksomhet__er_kommune"] and rad["virksomhet__kommune_id"]:
            kommuner_sokt.setdefault(rad[region], set()).add(rad["virksomhet__kommune_id"])
    for region_id, kommuner in kommuner_sokt.items():
        soknader[region_id]["kommuner_sokt"] = len(kommuner)
    return _oversikt(spesialitet, soknader)


def kommune_statuses(spesialitet: str, *, helseregion: str = "", fylke: str = "") -> list[Kommunestatus]:
    """Every kommune (optionally of one helseregion kode and/or one fylkesnummer) with its status (one query).

    If a kommune has more than one application for the specialty (two organisations registered as the same
    kommune), the most recently created one gives the status.
    """
    siste = _kommunens_soknader(spesialitet, "pk").order_by("-opprettet", "-pk")
    kommuner = Kommune.objects.select_related("fylke__helseregion").annotate(
        status=Subquery(siste.values("status")[:1]),
        soknadsdato=Subquery(siste.values("soknadsdato")[:1]),
        registrert_fra=Subquery(siste.values("registrert_fra")[:1]),
    )
    if helseregion:
        kommuner = kommuner.filter(fylke__helseregion__kode=helseregion)
    if fylke:
        kommuner = kommuner.filter(fylke_id=fylke)
    return [_kommunestatus(k, k.status, k.soknadsdato, k.registrert_fra) for k in kommuner.order_by("nummer")]


def _kommunestatus(
    k: Kommune, status: str | None, soknadsdato: dt.date | None, registrert_fra: dt.date | None
) -> Kommunestatus:
    return Kommunestatus(
        nummer=k.nummer,
        navn=k.navn,
        fylke=k.fylke.navn,
        helseregion=k.fylke.helseregion.navn,
        status=status or "",
        status_tekst=str(Status(status).label if status else IKKE_SOKT),
        # § 38 second sentence: deemed registered while pending, only when applied by 1 June 2019
        midlertidig_fra=OVERGANGSREGEL_FRA
        if status in VENTENDE_STATUSER and overgangsregel_gjelder(soknadsdato)
        else None,
        registrert_fra=registrert_fra if status == Status.REGISTRERT else None,
    )


def kommune_statuses_on(
    spesialitet: str, dato: dt.date, *, helseregion: str = "", fylke: str = ""
) -> list[Kommunestatus]:
    """Every kommune (optionally of one helseregion kode and/or one fylkesnummer) with its status at the end of
    `dato`, rebuilt from the status history (two queries: the kommuner, and the kommuner's own applications sent in by
    then with their status then; as today, the most recently created one gives the status)."""
    soknader = (
        _soknader_per_dato(spesialitet, dato)
        .filter(virksomhet__er_kommune=True, virksomhet__kommune__isnull=False)
        .order_by("opprettet", "pk")
        .values_list("virksomhet__kommune_id", "dato_status", "soknadsdato", "registrert_fra")
    )
    siste = {kommune: rest for kommune, *rest in soknader}  # a later one replaces an earlier one
    kommuner = Kommune.objects.select_related("fylke__helseregion")
    if helseregion:
        kommuner = kommuner.filter(fylke__helseregion__kode=helseregion)
    if fylke:
        kommuner = kommuner.filter(fylke_id=fylke)
    return [_kommunestatus(k, *siste.get(k.nummer, (None, None, None))) for k in kommuner.order_by("nummer")]


def filter_kommuner(kommuner: list[Kommunestatus], *, status: str = "", sok: str = "") -> list[Kommunestatus]:
    """The kommuner with a status of one of STATUSFILTER's groups, and/or whose name (or number) contains the search
    text, case and accents as written ("ås" finds "Ås" on every database: compared here, not by the database)."""
    if status:
        statuser = next((s for verdi, _tittel, s in STATUSFILTER if verdi == status), ())
        kommuner = [k for k in kommuner if k.status in statuser]
    sok = sok.strip().casefold()
    if sok:
        kommuner = [k for k in kommuner if sok in k.navn.casefold() or sok == k.nummer]
    return kommuner


def fylker() -> list[Fylke]:
    """The fylker with their helseregion, for the filter (one query)."""
    return list(Fylke.objects.select_related("helseregion").order_by("nummer"))


def fylker_by_region(regioner: list[Regiontall], alle_fylker: list[Fylke]) -> list[tuple[Regiontall, list[Fylke]]]:
    """The fylker grouped under their helseregion, regions in the overview's order (no query)."""
    return [(r, [f for f in alle_fylker if f.helseregion.kode == r.kode]) for r in regioner]
