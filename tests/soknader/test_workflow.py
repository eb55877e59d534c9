"""The case workflow: every transition, the refused ones, history, e-mail, resubmission and its diff."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from soknader.changes import diff
from soknader.models import Innsending, Soknad, Statusendring
from soknader.regler import status as statusregler
from soknader.services import dialog, errors, innsending, saksbehandling
from tests.soknader.factories import (
    AnnenVirksomhetSoknadFactory,
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    UserFactory,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = pytest.mark.django_db
ALL = [
    "utkast",
    "innsendt",
    "under_behandling",
    "anmodning_sendt",
    "svar_mottatt",
    "sendt_inn_pa_nytt",
    "registrert",
    "avslatt",
    "trukket",
]


@pytest.fixture
def saksbehandler():
    return saksbehandler_bruker("sb", first_name="Siri")


@pytest.fixture
def innsendt(django_capture_on_commit_callbacks):
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    soker = soker_for(soknad.virksomhet)
    with django_capture_on_commit_callbacks(execute=True):
        return innsending.soknad_submit(soknad=soknad, bruker=soker)


def _with_status(soknad, status):
    Soknad.objects.filter(pk=soknad.pk).update(status=status)
    soknad.refresh_from_db()
    return soknad


ACTIONS = {
    "under_behandling": lambda s, u: saksbehandling.soknad_start_review(soknad=s, bruker=u),
    "anmodning_sendt": lambda s, u: dialog.soknad_request_information(soknad=s, bruker=u, melding="Mangler HF"),
    "registrert": lambda s, u: saksbehandling.soknad_register(soknad=s, bruker=u),
    "avslatt": lambda s, u: saksbehandling.soknad_reject(soknad=s, bruker=u, begrunnelse="Ikke grunnlag"),
}


@pytest.mark.parametrize("til", list(ACTIONS))
@pytest.mark.parametrize("fra", ALL)
def test_every_caseworker_transition_allowed_or_refused(innsendt, saksbehandler, fra, til):
    soknad = _with_status(innsendt, fra)
    allowed = fra in statusregler.SAKSBEHANDLER_OVERGANGER[til]
    before = Statusendring.objects.count()
    if allowed:
        result = ACTIONS[til](soknad, saksbehandler)
        assert result.status == til
        row = Statusendring.objects.latest("pk")
        assert (row.fra_status, row.til_status, row.utfort_av) == (fra, til, saksbehandler)
    else:
        with pytest.raises(errors.TransitionRefused, match="kan ikke få status"):
            ACTIONS[til](soknad, saksbehandler)
        soknad.refresh_from_db()
        assert soknad.status == fra and Statusendring.objects.count() == before


@pytest.mark.parametrize("til", list(ACTIONS))
def test_only_caseworkers_may_act(innsendt, til):
    for user in (soker_for(innsendt.virksomhet), UserFactory(is_staff=True)):
        with pytest.raises(errors.TransitionRefused, match="Bare saksbehandlere"):
            ACTIONS[til](innsendt, user)
    innsendt.refresh_from_db()
    assert innsendt.status == "innsendt"


@pytest.mark.parametrize("til", list(ACTIONS))
def test_the_permission_without_the_group_is_enough(innsendt, til):
    user = UserFactory(username="direkte")
    user.user_permissions.add(Permission.objects.get(codename="behandle_soknad"))
    assert ACTIONS[til](innsendt, user).status == til


def test_two_caseworkers_at_once_one_wins_the_other_is_told(innsendt, saksbehandler):
    seen = innsendt.status
    saksbehandling.soknad_start_review(soknad=innsendt, bruker=saksbehandler, expected_status=seen)
    with pytest.raises(errors.TransitionRefused, match="endret av en annen"):
        dialog.soknad_request_information(soknad=innsendt, bruker=saksbehandler, melding="x", expected_status=seen)
    assert Soknad.objects.get(pk=innsendt.pk).status == "under_behandling"


# Spesialistforskriften § 38: "Virksomheter som innen 1. juni 2019 søker om registrering ... skal ansees som registrert
# ... fra 1. mars 2019"; "innen 1. juni" includes 1 June. § 21: otherwise "fra søknadstidspunktet".
@pytest.mark.parametrize(
    ("soknadsdato", "expected"),
    [
        (dt.date(2019, 5, 31), dt.date(2019, 3, 1)),
        (dt.date(2019, 6, 1), dt.date(2019, 3, 1)),
        (dt.date(2019, 6, 2), dt.date(2019, 6, 2)),
        (dt.date(2026, 11, 2), dt.date(2026, 11, 2)),
    ],
)
def test_registrering_records_vedtaksdato_and_registrert_fra(innsendt, saksbehandler, soknadsdato, expected):
    Soknad.objects.filter(pk=innsendt.pk).update(soknadsdato=soknadsdato)
    result = saksbehandling.soknad_register(soknad=innsendt, bruker=saksbehandler, vedtaksdato=dt.date(2026, 11, 20))
    assert (result.vedtaksdato, result.registrert_fra) == (dt.date(2026, 11, 20), expected)


def test_the_transitional_rule_is_for_every_virksomhet_not_only_kommuner(saksbehandler):
    """§ 38 says "Virksomheter": a bedriftshelsetjeneste that applied for ARB on 15 May 2019 counts from 1 March 2019
    (an earlier issue said kommuner only; the regulation wins)."""
    soknad = AnnenVirksomhetSoknadFactory(status="innsendt", soknadsdato=dt.date(2019, 5, 15))
    assert soknad.midlertidig_registrert_fra == dt.date(2019, 3, 1)
    result = saksbehandling.soknad_register(soknad=soknad, bruker=saksbehandler, vedtaksdato=dt.date(2020, 1, 1))
    assert result.registrert_fra == dt.date(2019, 3, 1)


def test_a_pending_application_says_it_is_temporarily_registered(client):
    early = KomplettSoknadFactory(status="under_behandling", soknadsdato=dt.date(2019, 6, 1), referanse="ASA-2019-1")
    late = KomplettSoknadFactory(
        virksomhet__kommunenummer="5501", status="innsendt", soknadsdato=dt.date(2024, 2, 3), referanse="ASA-2024-1"
    )
    bht = AnnenVirksomhetSoknadFactory(status="innsendt", soknadsdato=dt.date(2019, 5, 2), referanse="ASA-2019-2")
    assert early.midlertidig_registrert_fra == dt.date(2019, 3, 1)
    assert late.midlertidig_registrert_fra is None  # nobody else counts as registered before the decision
    assert bht.midlertidig_registrert_fra == dt.date(2019, 3, 1)
    assert (
        KomplettSoknadFactory(
            virksomhet__kommunenummer="4601",
            status="registrert",
            soknadsdato=dt.date(2019, 5, 2),
            referanse="ASA-2019-3",
        ).midlertidig_registrert_fra
        is None
    )
    client.force_login(soker_for(early.virksomhet))
    page = client.get(reverse("soknader:se_over", args=[early.pk])).content.decode()
    assert "Midlertidig registrert fra 1. mars 2019" in page
    assert "Midlertidig registrert fra 1. mars 2019" in client.get(reverse("soknader:mine")).content.decode()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:soknader_soknad_change", args=[early.pk])).content.decode()
    assert "01.03.2019 (til søknaden er avgjort)" in page


def test_one_open_application_per_organisation_and_specialty_in_the_database():
    from django.db import IntegrityError, transaction

    first = KomplettSoknadFactory(status="avslatt", referanse="ASA-2020-1")
    Soknad.objects.create(virksomhet=first.virksomhet, spesialitet="ALM")  # allowed: the first is closed
    with pytest.raises(IntegrityError), transaction.atomic():
        Soknad.objects.create(virksomhet=first.virksomhet, spesialitet="ALM")


def test_avslag_needs_a_reason_and_records_it(innsendt, saksbehandler):
    with pytest.raises(errors.TransitionRefused, match="begrunnelsen"):
        saksbehandling.soknad_reject(soknad=innsendt, bruker=saksbehandler, begrunnelse=" ")
    result = saksbehandling.soknad_reject(soknad=innsendt, bruker=saksbehandler, begrunnelse="Mangler avtaler")
    assert result.avslagsgrunn == "Mangler avtaler" and result.vedtaksdato is not None


def _sent() -> list:
    """What the mail sender (the outbox worker) delivers when it runs now."""
    call_command("send_epost", stdout=io.StringIO())
    return mail.outbox


def test_emails_on_submission_anmodning_registrering_and_avslag(
    innsendt, saksbehandler, django_capture_on_commit_callbacks
):
    assert _sent()[-1].to == ["kari@bodo.kommune.no"] and innsendt.referanse in mail.outbox[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        dialog.soknad_request_information(soknad=innsendt, bruker=saksbehandler, melding="Legg ved avtale med HF")
    assert "Legg ved avtale med HF" in _sent()[-1].body
    _with_status(innsendt, "under_behandling")
    with django_capture_on_commit_callbacks(execute=True):
        saksbehandling.soknad_register(soknad=innsendt, bruker=saksbehandler)
    assert "er registrert" in _sent()[-1].subject and "registrert som utdanningsvirksomhet" in mail.outbox[-1].body
    _with_status(innsendt, "under_behandling")
    with django_capture_on_commit_callbacks(execute=True):
        saksbehandling.soknad_reject(soknad=innsendt, bruker=saksbehandler, begrunnelse="Uten grunnlag")
    assert "avslått" in _sent()[-1].subject and "Uten grunnlag" in mail.outbox[-1].body
    assert len(mail.outbox) == 4
    assert list(innsendt.eposter.values_list("status", flat=True)) == ["sendt"] * 4


def test_no_email_when_the_transaction_is_refused(innsendt, saksbehandler, django_capture_on_commit_callbacks):
    count = len(_sent())
    _with_status(innsendt, "registrert")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(errors.TransitionRefused):
        dialog.soknad_request_information(soknad=innsendt, bruker=saksbehandler, melding="x")
    assert len(_sent()) == count and innsendt.eposter.count() == 1


def test_anmodning_then_the_applicant_edits_resubmits_and_the_caseworker_sees_the_diff(client, innsendt, saksbehandler):
    dialog.soknad_request_information(soknad=innsendt, bruker=saksbehandler, melding="Beskriv organiseringen bedre")
    soker = innsendt.virksomhet.tilganger.get().bruker
    client.force_login(soker)
    page = client.get(reverse("soknader:oppgaver", args=[innsendt.pk])).content.decode()
    assert "Beskriv organiseringen bedre" in page
    url = reverse("soknader:seksjon", args=[innsendt.pk, "forhold"])
    shown = client.get(url).context["form"]["fingerprint"].value()
    client.post(
        url,
        {
            "organisering": "Ny og bedre beskrivelse",
            "veiledere_ansatt": "egen_virksomhet",
            "veilederkompetanse": "ja",
            "kjent_med_oppgaver": "ja",
            "fingerprint": shown,
            "utkast": "1",
        },
    )
    client.post(
        reverse("soknader:ny_laeringsarena", args=[innsendt.pk]),
        {
            "type": "legevakt",
            "plassering": "egen",
            "ny_veileder": "False",
            "laeringsmal": "ALM 1-3",
            "supervisjon": ["vakt"],
        },
    )
    client.post(reverse("soknader:se_over", args=[innsendt.pk]))
    innsendt.refresh_from_db()
    assert innsendt.status == "sendt_inn_pa_nytt" and innsendt.soknadsdato is not None
    first, second = Innsending.objects.filter(soknad=innsendt).order_by("pk")
    changes = diff(first.data, second.data)
    assert [(c.before, c.after) for c in changes.felt] == [
        ("Kommuneoverlegen har ansvaret; vurderingskollegium to ganger i året.", "Ny og bedre beskrivelse")
    ]
    assert changes.arenaer_lagt_til == ["Legevakt"] and not changes.arenaer_fjernet
    label = "Beskriv kort hvordan arbeidet med spesialistutdanningen er organisert og hvor ansvaret er plassert"
    assert [c.label for c in changes.felt] == [label]
    history = list(Statusendring.objects.filter(soknad=innsendt).values_list("fra_status", "til_status"))
    assert history == [
        ("utkast", "innsendt"),
        ("innsendt", "anmodning_sendt"),
        ("anmodning_sendt", "sendt_inn_pa_nytt"),
    ]


def test_the_diff_names_fields_and_values_as_the_form_does():
    before = {
        "felt": {"dba_kontakt_navn": "Ola", "kjent_tiltak": ["kurs"]},
        "arenaer": [{"id": 1, "navn": "Legevakt", "supervisjon": ["vakt"], "ny_veileder": None}],
    }
    after = {
        "felt": {"dba_kontakt_navn": "Kari", "kjent_tiltak": ["kurs", "annet"]},
        "arenaer": [{"id": 1, "navn": "Legevakt", "supervisjon": ["vakt", "annet"], "ny_veileder": True}],
    }
    changes = diff(before, after)
    assert [(c.label, c.before_text, c.after_text) for c in changes.felt] == [
        ("Navn på kontaktperson for databehandleravtale", "Ola", "Kari"),
        ("Hvordan skal veilederne bli kjent med oppgavene?", "Kurs", "Kurs, Annet, spesifiser"),
    ]
    ((navn, felt),) = changes.arenaer_endret
    assert [(c.label, c.before_text, c.after_text) for c in felt] == [
        ("Skal LIS få ny veileder under oppholdet ved denne arenaen?", "(tomt)", "Ja"),
        ("Supervisjon vil foregå ved", "Supervisjon på vakt", "Supervisjon på vakt, Annet, spesifiser"),
    ]


@pytest.mark.parametrize("fra", ALL)
def test_the_applicant_may_withdraw_a_submitted_application(client, innsendt, fra):
    soknad = _with_status(innsendt, fra)
    client.force_login(soknad.virksomhet.tilganger.get().bruker)
    client.post(reverse("soknader:trekk", args=[soknad.pk]), {"melding": "Vi slår oss sammen"})
    soknad.refresh_from_db()
    venter = ("innsendt", "under_behandling", "anmodning_sendt", "svar_mottatt", "sendt_inn_pa_nytt")
    expected = "trukket" if fra in venter else fra
    assert soknad.status == expected


def test_findings_are_stored_and_refreshed_on_every_change(client):
    soknad = KomplettSoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    client.post(
        reverse("soknader:ny_laeringsarena", args=[soknad.pk]),
        {
            "type": "fastlege",
            "plassering": "egen",
            "ny_veileder": "False",
            "laeringsmal": "Alle bortsett fra ALM 55",
            "supervisjon": ["til_stede"],
        },
    )
    codes = set(soknad.mangler.values_list("kode", flat=True))
    assert {"ALM055_MANGLER", "FKM_UDEKKET", "LM_UDEKKET"} <= codes and "INGEN_ARENA" not in codes
    arena = soknad.laeringsarenaer.get()
    client.post(reverse("soknader:slett_laeringsarena", args=[soknad.pk, arena.pk]))
    assert set(soknad.mangler.values_list("kode", flat=True)) == {"INGEN_ARENA"}


def test_applicant_sees_the_findings_before_submitting_and_they_do_not_block(client):
    soknad = KomplettSoknadFactory(hf_avtale_inngatt=False, hf_avtale_navn="")
    LaeringsarenaFactory(soknad=soknad, laeringsmal="ALM 1-3", laeringsmal_koder=["ALM-001", "ALM-002", "ALM-003"])
    client.force_login(soker_for(soknad.virksomhet))
    page = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    assert (
        "Dette vil Helsedirektoratet se etter" in page
        and "Ingen læringsarena dekker ALM-055 Ha en godt utviklet samhandlingskompetanse" in page
    )
    assert "Det er ikke krysset av for en avtale med helseforetak" in page
    client.post(reverse("soknader:se_over", args=[soknad.pk]))
    soknad.refresh_from_db()
    assert soknad.status == "innsendt"


def test_oppdater_mangler_recomputes_every_application():
    from io import StringIO

    from django.core.management import call_command

    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="ALM 1", laeringsmal_koder=["ALM-001"])
    assert not soknad.mangler.exists()
    out = StringIO()
    call_command("oppdater_mangler", stdout=out)
    assert "for 1 søknader" in out.getvalue()
    assert soknad.mangler.filter(kode="LM_UDEKKET").exists()


def test_oppdater_mangler_rereads_texts_stored_with_the_old_two_digit_fkm_codes():
    from io import StringIO

    from django.core.management import call_command

    soknad = KomplettSoknadFactory(soknadsdato=dt.date(2026, 3, 2), status="innsendt")
    arena = LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; FKM 1-14", laeringsmal_koder=["FKM-01"])
    call_command("oppdater_mangler", stdout=StringIO())
    arena.refresh_from_db()
    assert arena.laeringsmal_koder[-14:] == [f"FKM-{i:03d}" for i in range(1, 15)]
    assert not soknad.mangler.filter(kode="FKM_UDEKKET").exists()


def test_submission_never_clashes_with_a_reference_kept_from_an_import():
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle")
    import datetime as _dt

    year = _dt.date.today().year
    KomplettSoknadFactory(virksomhet__kommunenummer="5501", referanse=f"ASA-{year}-{soknad.pk:05d}", status="innsendt")
    result = innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet))
    assert result.referanse == f"ASA-{year}-{soknad.pk:05d}-2"
