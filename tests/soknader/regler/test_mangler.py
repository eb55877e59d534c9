"""The list of rules as a whole: one rule per finding code, each with its source; findings in a stable order; a
finding is worded from its code and params in the reader's language, and stored rows from before params read back."""

import dataclasses
import importlib

import pytest
from django.utils import translation

from soknader.choices import Alvorlighet, Mangelkode, Seksjon
from soknader.regler import kilder, mangler
from soknader.regler.regel import Mangel
from soknader.skjema import BEKREFTELSER
from tests.soknader.regler.data import ALM, ARB, COMPLETE, FELT, FKM, arena, change, find, sykehus

OLD_FKM = tuple(f"FKM-{i:03d}" for i in range(1, 25))

# Between them these applications give every finding code there is.
EVERYTHING_WRONG = [
    change(
        virksomhet_slettet=True,
        er_kommune=False,
        virksomhetstype="privat",
        felt={**FELT, "ansvar_apen_uselektert_praksis": False},
        arenaer=(),
    ),
    change(virksomhet_konkurs=True, arenaer=(arena(koder=[k for k in ALM + FKM if k != "ALM-085"]),)),
    change(virksomhet_under_avvikling=True),
    change(felt={**FELT, "ansvar_apen_uselektert_praksis": False}),  # a warning only
    change(felt={**FELT, "veiledere_ansatt": "annen"}),  # as an import may come: the description missing
    change(arenaer=(arena(koder=ALM + FKM), arena(2, "kad", koder=("ALM-055",)))),  # 055 at a KAD, nothing answered
    change(
        spesialitet="ARB",
        virksomhetstype="bht",
        er_kommune=False,
        spesialitet_koder=ARB,
        felt={**FELT, "bht_godkjent_arbeidstilsynet": False, "ansvar_apen_uselektert_praksis": False},
        arenaer=(arena(koder=ARB[:100] + FKM[:10]),),
    ),
    change(
        felt={
            **FELT,
            "ansvar_forskrift": False,
            "ansvar_supervisjon": False,
            "hf_avtale_inngatt": False,
            "veilederkompetanse": "nei",
        },
        arenaer=(
            arena(koder=ALM[:50]),
            dataclasses.replace(sykehus(), annen_virksomhet=" ", avtale_veiledning_supervisjon=False, koder=()),
            arena(3, koder=("ALM-085",), feil=[{"tekst": "ALM 9999", "melding": "…"}, {"tekst": "hei", "melding": ""}]),
        ),
        fkm_koder=OLD_FKM,
    ),
]


def everything() -> list[Mangel]:
    return [m for data in EVERYTHING_WRONG for m in find(data)]


# codes no rule finds any more: their rules only word the findings stored before
UTGATTE_KODER = {"DEKNING_USIKKER"}


def test_every_finding_code_has_its_rule_with_a_source():
    assert {regel.kode for regel in mangler.REGLER} == set(Mangelkode.values) - UTGATTE_KODER
    assert {regel.kode for regel in mangler.UTGATTE} == UTGATTE_KODER
    for regel in mangler.REGLER + mangler.UTGATTE:
        assert regel.kilde.dokument in kilder.DOKUMENTER, regel
        assert len(regel.kilde.sitat) > 40 and (regel.leser or regel in mangler.UTGATTE), regel
        assert regel.seksjon in Seksjon.values and regel.alvorlighet in Alvorlighet.values


def test_a_complete_application_has_no_findings():
    assert find(COMPLETE) == []


def test_the_examples_give_every_code():
    assert {m.kode for m in everything()} == set(Mangelkode.values) - UTGATTE_KODER


def test_findings_come_organisation_first_then_sections_then_arena_by_arena_then_coverage():
    kodene = [(m.kode, m.arena_nummer) for m in find(EVERYTHING_WRONG[-1])]
    assert kodene == [
        ("ANSVAR_IKKE_BEKREFTET", None),
        ("VEILEDERPLAN_MANGLER", None),
        ("HF_AVTALE_MANGLER", None),
        ("ANNEN_VIRKSOMHET_UTEN_NAVN", 2),
        ("AVTALE_UTEN_VEILEDNING", 2),
        ("ARENA_UTEN_LM", 2),
        ("LM_UGYLDIG", 3),
        ("ALM055_MANGLER", None),
        ("ALM055_085_UTEN_INSTITUSJON", None),
        ("LM_UDEKKET", None),
        ("FKM_UDEKKET", None),
    ]


def test_a_finding_is_worded_from_its_code_and_params_in_the_active_language():
    for m in everything():
        with translation.override("nb"):
            bokmal = m.tekst
        with translation.override("nn"):
            nynorsk = m.tekst
        assert bokmal and nynorsk, m
        assert mangler.tekst(m.kode, m.params) in (bokmal, nynorsk)
    [ingen] = [m for m in everything() if m.kode == "INGEN_ARENA"]
    with translation.override("nn"):
        assert ingen.tekst == "Søknaden har ingen læringsarenaer."  # the same in nynorsk
    [plan] = [m for m in everything() if m.kode == "VEILEDERPLAN_MANGLER"]
    with translation.override("nn"):
        assert "rettleiar" in plan.tekst


# codes that came after the migration have no rows stored before params
NYERE_KODER = {"APEN_PRAKSIS_IKKE_BEKREFTET", "SVAR_MANGLER", "INSTITUSJON_UTEN_ANBEFALT"}


@pytest.mark.parametrize("m", [m for m in everything() if m.kode not in NYERE_KODER], ids=lambda m: m.kode)
def test_rows_stored_before_params_read_them_back_from_their_bokmal_text(m):
    migration = importlib.import_module("soknader.migrations.0011_mangel_kode_og_verdier")
    with translation.override("nb"):
        tekst = m.tekst
    data = next(d for d in EVERYTHING_WRONG if m in find(d))
    bekreftelser = {navn: data.felt[navn] for navn in migration.BEKREFTELSER_SOM_KREVES}
    if data.spesialitet == "ALM" and data.er_kommune:
        bekreftelser["ansvar_apen_uselektert_praksis"] = data.felt["ansvar_apen_uselektert_praksis"]
    params = migration.params_fra_tekst(m.kode, tekst, m.arena_nummer, data.spesialitet, bekreftelser)
    assert params == dict(m.params)
    assert set(migration.BEKREFTELSER_SOM_KREVES) | {"ansvar_apen_uselektert_praksis"} == set(BEKREFTELSER)


def test_a_text_that_does_not_read_back_keeps_no_params():
    migration = importlib.import_module("soknader.migrations.0011_mangel_kode_og_verdier")
    assert migration.params_fra_tekst("LM_UDEKKET", "Noe helt annet.", None, "ALM", {}) is None
    # the confirmations not given are read from the application: when they do not add up to the count, none
    tekst = "2 av ansvarspunktene er ikke bekreftet: Virksomheten følger spesialistforskriften; Supervisjon."
    assert migration.params_fra_tekst("ANSVAR_IKKE_BEKREFTET", tekst, None, "ALM", {"ansvar_forskrift": False}) is None
    assert migration.params_fra_tekst("ARENA_UTEN_LM", "Læringsarena ? har ingen læringsmål.", None, "ALM", {}) is None


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_rows_stored_before_params_theirs_and_leaves_the_rest_as_stored():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from soknader.models import Mangel as StoredMangel
    from tests.soknader.factories import KomplettSoknadFactory

    soknad = KomplettSoknadFactory(ansvar_forskrift=False)
    before, after = [("soknader", "0010_soknad_sprak")], [("soknader", "0011_mangel_kode_og_verdier")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("soknader", "Mangel")
    for kode, melding in [
        ("ANSVAR_IKKE_BEKREFTET", "1 av ansvarspunktene er ikke bekreftet: Virksomheten følger spesialistforskriften."),
        ("LM_UDEKKET", "2 læringsmål dekkes ikke av noen arena: ALM 10-11."),
        ("LM_UDEKKET", "Skrevet av en eldre versjon."),
    ]:
        old.objects.create(soknad_id=soknad.pk, kode=kode, alvorlighet="mangel", melding=melding, seksjon="ansvar")
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    ansvar, udekket, ukjent = StoredMangel.objects.order_by("pk")
    assert ansvar.params == {"felt": ["ansvar_forskrift"]} and udekket.params == {"koder": ["ALM-010", "ALM-011"]}
    assert ukjent.params is None and ukjent.tekst == "Skrevet av en eldre versjon."  # shown as stored
    with translation.override("nn"):
        assert udekket.tekst == "2 læringsmål blir ikkje dekte av nokon arena: ALM 10-11."
