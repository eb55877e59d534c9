"""Reads scoped to what a user may see. The only read path for the søker journey.

Selectors take keyword arguments and know no page: one object that is not there (or not the user's) raises the
model's DoesNotExist, which the page turns into its 404 (`views.common.finn`)."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from brreg.models import Helseregion, Virksomhet
from tilgang import selectors as tilgang_selectors

from .choices import Status
from .models import Innsending, Laeringsarena, Mangel, Melding, Regiontilgang, Soknad, Vedlegg, Vedtaksbrev

Bruker = AbstractBaseUser | AnonymousUser  # request.user


def virksomheter_for_bruker(*, bruker: Bruker) -> QuerySet[Virksomhet]:
    """The organisations Altinn says the user may act for now (tilgang keeps Altinn's answer fresh)."""
    return tilgang_selectors.virksomheter_for(bruker)


def soknader_for_bruker(*, bruker: Bruker) -> QuerySet[Soknad]:
    """Every application of the organisations the user acts for."""
    return (
        Soknad.objects.filter(virksomhet__in=tilgang_selectors.virksomheter_for(bruker))
        .select_related("virksomhet")
        .annotate(
            antall_arenaer=Count("laeringsarenaer", distinct=True),
            siste_versjon=Subquery(
                Innsending.objects.filter(soknad=OuterRef("pk"))
                .exclude(pdf=b"")
                .order_by("-versjon")
                .values("versjon")[:1]
            ),
            vedtaksbrev_pk=Subquery(
                Vedtaksbrev.objects.filter(soknad=OuterRef("pk")).order_by("-laget", "-pk").values("pk")[:1]
            ),
            svarfrist=Subquery(  # the deadline of the directorate's latest anmodning (shown while one is open)
                Melding.objects.filter(soknad=OuterRef("pk"), fra=Melding.Fra.SAKSBEHANDLER)
                .order_by("-tidspunkt", "-pk")
                .values("frist")[:1]
            ),
        )
        .order_by("virksomhet__navn", "spesialitet")
    )


def soknad_for_soker(*, bruker: Bruker, pk: int, med_omrade: bool = False) -> Soknad:
    """The application, if the user acts for its organisation; otherwise Soknad.DoesNotExist (the page says
    404: we do not say it exists). `med_omrade`: with the kommune, its fylke and region (the organisation's own
    section shows them); the other pages read one join less, and PostgreSQL plans the query in a quarter of the
    time (every søker page reads it)."""
    relatert = "virksomhet__kommune__fylke__helseregion" if med_omrade else "virksomhet"
    return Soknad.objects.select_related(relatert).get(
        pk=pk, virksomhet_id__in=tilgang_selectors.gyldige_tilganger(bruker).values("virksomhet_id")
    )


def arenaer_for_soknad(*, soknad: Soknad) -> list[Laeringsarena]:
    return list(Laeringsarena.objects.filter(soknad=soknad).order_by("pk"))


def antall_arenaer(*, soknad: Soknad) -> int:
    return Laeringsarena.objects.filter(soknad=soknad).count()


def pdf_venter(*, soknad: Soknad) -> bool:
    """A submission whose PDF the sender process has not made yet (a large application)."""
    return soknad.innsendinger.filter(pdf_storrelse=0).exclude(pdf_html="").exists()


def arena_for_soker(*, soknad: Soknad, pk: int) -> Laeringsarena:
    return Laeringsarena.objects.get(pk=pk, soknad=soknad)


def soknad_for_virksomhet(*, virksomhet: Virksomhet, spesialitet: str) -> Soknad | None:
    return Soknad.objects.filter(virksomhet=virksomhet, spesialitet=spesialitet).first()


# ---- ALIS-kontor: one helseregion ------------------------------------------------------------------


def region_for_bruker(*, bruker: Bruker) -> Helseregion | None:
    """The helseregion an ALIS-kontor user follows, or None."""
    tilgang = Regiontilgang.objects.select_related("helseregion").filter(bruker_id=bruker.pk).first()
    return tilgang.helseregion if tilgang else None


def soknader_for_region(*, helseregion: Helseregion) -> QuerySet[Soknad]:
    """Submitted applications in a region, with their findings prefetched. The contact persons are fields of the
    application: the ALIS-kontor sees them, to help the kommune (docs/personvern.md)."""
    return (
        Soknad.objects.filter(virksomhet__kommune__fylke__helseregion=helseregion)
        .exclude(status=Status.UTKAST)
        .select_related("virksomhet__kommune__fylke")
        .prefetch_related(Prefetch("mangler", queryset=Mangel.objects.order_by("pk")))
        .order_by("virksomhet__kommune__fylke__nummer", "virksomhet__navn", "spesialitet")
    )


def soknad_for_region(*, helseregion: Helseregion, pk: int) -> Soknad:
    return soknader_for_region(helseregion=helseregion).get(pk=pk)


# ---- documents and the exchange about an application (the application is already scoped by the caller) ----


def innsendinger_for_soknad(*, soknad: Soknad) -> QuerySet[Innsending]:
    """Every submission, newest first, without the PDFs themselves (nor the HTML of one still to be made)."""
    return Innsending.objects.filter(soknad=soknad).defer("pdf", "data", "pdf_html").order_by("-versjon", "-pk")


def innsending_pdf(*, soknad: Soknad, versjon: int) -> Innsending:
    return Innsending.objects.only("pdf", "versjon").filter(pdf_storrelse__gt=0).get(soknad=soknad, versjon=versjon)


def meldinger_for_soknad(*, soknad: Soknad) -> QuerySet[Melding]:
    """The thread, oldest first, with who wrote and the attachments' names (not their content)."""
    return (
        Melding.objects.filter(soknad=soknad)
        .select_related("forfatter")
        .prefetch_related(Prefetch("vedlegg", queryset=Vedlegg.objects.defer("innhold")))
        .order_by("tidspunkt", "pk")
    )


def vedlegg_for_soknad(*, soknad: Soknad, pk: int) -> Vedlegg:
    return Vedlegg.objects.get(pk=pk, melding__soknad=soknad)


def vedtaksbrev_for_soknad(*, soknad: Soknad) -> QuerySet[Vedtaksbrev]:
    return Vedtaksbrev.objects.filter(soknad=soknad).defer("pdf").order_by("-laget", "-pk")


def vedtaksbrev_pdf(*, soknad: Soknad, pk: int) -> Vedtaksbrev:
    return Vedtaksbrev.objects.get(pk=pk, soknad=soknad)
