"""Submitting reads each arena's LM text once, judges the application once and renders its document once (issue
19: before, two arenas were read 4 times each, the findings run 3 times and the HTML rendered twice, in 31 queries
here)."""

import pytest
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from laeringsmal import tolking
from laeringsmal.selectors import katalog_lastet
from laeringsmal.tolking import katalog_for_soknad
from soknader.choices import Status
from soknader.regler import mangler
from soknader.services import innsending
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, soker_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def kall(monkeypatch):
    """Counts, without changing them: LM texts read, judgements made, application documents rendered."""
    antall = {"lest": 0, "vurdert": 0, "html": 0}

    def teller(navn, funksjon):
        def talt(*args, **kwargs):
            antall[navn] += 1
            return funksjon(*args, **kwargs)

        return talt

    monkeypatch.setattr(tolking, "tolk", teller("lest", tolking.tolk))
    monkeypatch.setattr(mangler, "finn", teller("vurdert", mangler.finn))

    def rendret(sender, template, **kwargs):
        if template.name == "soknader/pdf/soknad.html":
            antall["html"] += 1

    template_rendered.connect(rendret)
    yield antall
    template_rendered.disconnect(rendret)


def _soknad_med_to_arenaer():
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad)
    LaeringsarenaFactory(
        soknad=soknad,
        type="sykehus",
        plassering="annen",
        annen_virksomhet="Nordlandssykehuset HF",
        laeringsmal="ALM-055, ALM-085",
    )
    katalog_for_soknad(timezone.localdate())  # the catalogue is read once per process, not per submission
    katalog_lastet()  # and so is the record of the lists it was loaded from
    return soknad


def test_submit_with_two_arenas_reads_judges_and_renders_once(kall):
    soknad = _soknad_med_to_arenaer()
    bruker = soker_for(soknad.virksomhet)
    with CaptureQueriesContext(connection) as queries:
        innsending.soknad_submit(soknad=soknad, bruker=bruker)
    assert kall == {"lest": 2, "vurdert": 1, "html": 1}
    # 6 to prepare (application, arenas, the catalogue's version twice, reference, version), 21 to write (the
    # document kept as HTML with the snapshot; the case page's kept history dropped for each new row:
    # soknader.sakscache), then 6 to store the PDF made after the commit (issue 18: in its own short transaction:
    # lock, store, the receipt and its attachment)
    assert len(queries) == 33, [q["sql"][:80] for q in queries]
    soknad.refresh_from_db()
    assert soknad.status == Status.INNSENDT
    sendt = soknad.innsendinger.get()
    assert bytes(sendt.pdf).startswith(b"%PDF-")
    assert soknad.mangler.exists() and all(m.params is not None for m in soknad.mangler.all())
    assert [a.laeringsmal_koder[:2] for a in soknad.laeringsarenaer.order_by("pk")][1] == ["ALM-055", "ALM-085"]


def test_a_change_between_preparing_and_locking_is_judged_again_in_the_lock(kall, monkeypatch):
    """Someone saves an arena while the PDF is being made: what is stored and sent is what the rows say then."""
    soknad = _soknad_med_to_arenaer()
    sykehus = soknad.laeringsarenaer.order_by("pk").last()
    prepare = innsending._innsending_prepare

    def prepare_then_change(*args, **kwargs):
        forberedt = prepare(*args, **kwargs)
        sykehus.laeringsmal = "ALM-055"
        sykehus.save()
        return forberedt

    monkeypatch.setattr(innsending, "_innsending_prepare", prepare_then_change)
    innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet))
    assert kall == {"lest": 4, "vurdert": 2, "html": 2}
    sykehus.refresh_from_db()
    assert sykehus.laeringsmal_koder == ["ALM-055"]
    assert "ALM085_MANGLER" in set(soknad.mangler.values_list("kode", flat=True))
