"""The interchange format: applications as one JSON array of objects, in and out.

    records = export_records(Soknad.objects.filter(...))     # constant number of queries
    errors = validate_records(data)                          # [] or Norwegian messages naming post and field
    result = import_records(data, bruker=user)               # all or nothing; raises ImportRefused

The format is described in docs/soknad-format.md. The one field map (`fields.py`) drives export (here),
validation (`reading.py`) and import (`writing.py`); an import writes through the application's services.
"""

from django.db.models import Case, CharField, F, OuterRef, Prefetch, QuerySet, Subquery, Value, When
from django.db.models.functions import Concat, TruncDate

from ..models import Laeringsarena, Mangel, Mangelvurdering, Soknad, Statusendring
from .fields import RECORD, laeringsmal_dekket, record
from .reading import planned_counts, validate_records
from .writing import ImportRefused, ImportResult, import_records

__all__ = [
    "ImportRefused",
    "ImportResult",
    "export_records",
    "import_records",
    "laeringsmal_dekket",
    "planned_counts",
    "prefetched",
    "to_record",
    "validate_records",
]


def prefetched(queryset: QuerySet[Soknad]) -> QuerySet[Soknad]:
    """The applications with everything an export reads: four queries, however many applications.

    Prefetches the queryset already has (an admin list's) are replaced by these, ordered as the export needs.
    """
    queryset = queryset.select_related("virksomhet__kommune__fylke__helseregion").prefetch_related(None)
    return (
        queryset.prefetch_related(Prefetch("laeringsarenaer", queryset=Laeringsarena.objects.order_by("pk")))
        .prefetch_related(Prefetch("mangler", queryset=_med_vurdering(Mangel.objects.order_by("pk"))))
        .prefetch_related(Prefetch("historikk", queryset=Statusendring.objects.order_by("tidspunkt", "pk")))
    )


def _med_vurdering(mangler: QuerySet[Mangel]) -> QuerySet[Mangel]:
    """Each finding with the assessment that holds for it ("Vurdert – i orden": note, who, day), in the same query:
    the spreadsheets mark it."""
    vurdering = Mangelvurdering.objects.filter(
        soknad=OuterRef("soknad"), fingeravtrykk=OuterRef("fingeravtrykk"), angret__isnull=True
    ).order_by("-vurdert", "-pk")
    navn = Case(
        When(vurdert_av__first_name="", then=F("vurdert_av__username")),
        default=Concat("vurdert_av__first_name", Value(" "), "vurdert_av__last_name", output_field=CharField()),
    )
    return mangler.annotate(
        _vurdert_notat=Subquery(vurdering.values("notat")[:1]),
        _vurdert_av=Subquery(vurdering.annotate(_navn=navn).values("_navn")[:1]),
        _vurdert_dato=Subquery(vurdering.annotate(_dato=TruncDate("vurdert")).values("_dato")[:1]),
    )


def to_record(soknad: Soknad) -> dict:
    """One application as an interchange record (the arenas in the order the user sees them)."""
    return record(RECORD, soknad)


def export_records(queryset: QuerySet[Soknad]) -> list[dict]:
    """Every application of the queryset as a record, in the queryset's order (four queries in all)."""
    return [to_record(soknad) for soknad in prefetched(queryset)]
