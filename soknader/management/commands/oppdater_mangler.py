"""Read every arena's LM text again and recompute the stored findings of every application (after a new LM
catalogue is loaded or imported: the codes an old text stands for may have changed, e.g. FKM-01 → FKM-001)."""

from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from soknader.models import Laeringsarena, Soknad
from soknader.services import refresh


class Command(BaseCommand):
    help = (
        "Leser læringsmålene og beregner manglene for alle søknader på nytt, for eksempel etter at en ny "
        "læringsmålliste er importert."
    )

    def handle(self, *args, **options):
        soknader = Soknad.objects.select_related("virksomhet").prefetch_related(
            Prefetch("laeringsarenaer", queryset=Laeringsarena.objects.order_by("pk"))
        )
        total = funn = 0
        for soknad in soknader.iterator(chunk_size=200):
            arenaer = list(soknad.laeringsarenaer.all())
            refresh.laeringsmal_reread(soknad=soknad, arenaer=arenaer)
            funn += len(refresh.mangler_refresh(soknad=soknad, arenaer=arenaer))
            total += 1
        self.stdout.write(f"Mangler beregnet på nytt for {total} søknader ({funn} funn).")
