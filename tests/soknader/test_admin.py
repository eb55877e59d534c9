"""The caseworkers' admin: who gets in, the changelist (findings, filters, flat query count), the actions."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from brreg.models import Helseregion
from soknader.models import Regiontilgang, Soknad
from soknader.roles import SAKSBEHANDLERE
from soknader.services import innsending, refresh
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    SoknadFactory,
    UserFactory,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/soknader/soknad/"


@pytest.fixture
def saksbehandler():
    return saksbehandler_bruker("sb")


@pytest.fixture
def sb_client(client, saksbehandler):
    client.force_login(saksbehandler)
    return client


def _submitted(kommunenummer="1804", **kwargs):
    soknad = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer=kommunenummer), **kwargs)
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    return innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet))


def test_soker_and_alis_user_get_nothing_in_the_admin(client):
    soknad = _submitted()
    alis = UserFactory()
    Regiontilgang.objects.create(bruker=alis, helseregion=Helseregion.objects.get(kode="nord"))
    for user in (soknad.virksomhet.tilganger.get().bruker, alis):
        client.force_login(user)
        for url in ("/admin/", CHANGELIST, f"{CHANGELIST}{soknad.pk}/change/"):
            response = client.get(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
        response = client.post(reverse("admin:soknader_soknad_handling", args=[soknad.pk, "under_behandling"]))
        assert response.status_code == 302
    soknad.refresh_from_db()
    assert soknad.status == "innsendt"


def test_staff_outside_the_group_sees_no_applications(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(CHANGELIST).status_code == 403


def test_changelist_shows_findings_as_short_labels(sb_client):
    soknad = _submitted()
    page = sb_client.get(CHANGELIST).content.decode()
    assert "Bodø (972418013)" in page and "Nord" in page and "Sendt inn" in page
    # "Alle; Alle FKM" at a fastlegekontor only: ALM-055/085 are not at an institution
    assert "ALM-055/085 uten institusjon" in page and soknad.mangler.count() == 1


def test_filters_har_mangler_code_status_region(sb_client):
    with_findings = _submitted("1804", hf_avtale_inngatt=False, hf_avtale_navn="")
    clean = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="4601"))
    LaeringsarenaFactory(soknad=clean, laeringsmal="Alle bortsett fra ALM 55 og 85; Alle FKM")
    LaeringsarenaFactory(
        soknad=clean, type="sykehus", plassering="annen", annen_virksomhet="Haukeland", laeringsmal="ALM 55, 85"
    )
    clean = innsending.soknad_submit(soknad=clean, bruker=soker_for(clean.virksomhet))
    assert not clean.mangler.exists(), list(clean.mangler.values_list("melding", flat=True))

    def listed(query):
        return set(sb_client.get(CHANGELIST + query).context["cl"].queryset.values_list("pk", flat=True))

    assert listed("?har_mangler=ja") == {with_findings.pk}
    assert listed("?har_mangler=nei") == {clean.pk}
    assert listed("?mangel=HF_AVTALE_MANGLER") == {with_findings.pk}
    assert listed("?mangel=INGEN_ARENA") == set()
    vest = Helseregion.objects.get(kode="vest")
    assert listed(f"?virksomhet__kommune__fylke__helseregion__id__exact={vest.pk}") == {clean.pk}
    assert listed("?virksomhet__kommune__fylke__nummer__exact=18") == {with_findings.pk}
    assert listed("?status__exact=innsendt&spesialitet__exact=ALM") == {with_findings.pk, clean.pk}
    assert listed("?q=4601") == set() and listed("?q=Bergen") == {clean.pk}
    assert listed(f"?q={with_findings.referanse}") == {with_findings.pk}


def test_changelist_query_count_is_flat(sb_client):
    _submitted()
    sb_client.get(CHANGELIST)  # the queue's counts are cached until a case changes (soknader.kotall)
    with CaptureQueriesContext(connection) as one:
        assert sb_client.get(CHANGELIST).status_code == 200
    kommuner = ["1806", "1811", "1812", "1813", "1815", "1816", "1818", "1820", "1822", "1824"]
    for nummer in kommuner:
        soknad = SoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer=nummer))
        refresh.mangler_refresh(soknad=soknad)
    sb_client.get(CHANGELIST)
    with CaptureQueriesContext(connection) as many:
        assert sb_client.get(CHANGELIST).status_code == 200
    assert len(one.captured_queries) == len(many.captured_queries), (len(one), len(many))
    # 12: the queue's counts are two cache reads (the version, the counts); the total is not counted twice; one
    # reads the caseworker's own saved filters (issue 21)
    assert len(many.captured_queries) <= 12, [q["sql"] for q in many.captured_queries]


def test_change_view_shows_answers_findings_coverage_history_and_actions(sb_client):
    soknad = _submitted()
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    for text in (
        "Kari Nordmann",
        "Mangler og advarsler",
        "Hvilke læringsmål dekkes?",
        "Historikk",
        "Start behandling",
        "Send anmodning",
        "Registrer",
        "Avslå",
        "Nordlandssykehuset HF",
    ):
        assert text in page, text
    assert 'name="_save"' not in page  # read-only
    # issues 11 and 20: the caseworker sees which catalogue (date, version) the application was read against
    assert "Lest mot læringsmålene i spesialistforskriften vedlegg 2 som gjaldt" in page
    assert "katalogversjon 04.12.2026" in page and "allmennmedisin: 88 mål (ALM-001–ALM-088)" in page


def test_change_view_shows_answers_with_the_form_labels_and_readable_values(sb_client):
    soknad = _submitted(
        kjent_med_oppgaver="delvis",
        kjent_tiltak=["kurs", "annet"],
        kjent_annet="Mentorordning",
        dba_kontakt_navn="Ola Dataansvarlig",
    )
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert "Kurs, Annet, spesifiser" in page  # stored as codes, shown as the form's choices
    assert "[&quot;kurs&quot;" not in page and '["kurs"' not in page
    assert "Navn på kontaktperson for databehandleravtale" in page
    assert "Supervisjon på vakt" in page or "Supervisør" in page  # the arenas' multi-choice too


def test_change_view_shows_every_arena_and_costs_the_same_queries_for_1_and_30(sb_client):
    soknad = _submitted()
    url = f"{CHANGELIST}{soknad.pk}/change/"
    # The read-only answers and the arena tables come from the shared cache while they are unchanged
    # (soknader.avtrykk): a view after a change writes them once; the next view only reads.
    sb_client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert sb_client.get(url).status_code == 200
    LaeringsarenaFactory.create_batch(
        29, soknad=soknad, type="sykehus", plassering="annen", annen_virksomhet="Haukeland", laeringsmal="ALM 55, 85"
    )
    with CaptureQueriesContext(connection) as changed:
        sb_client.get(url)
    with CaptureQueriesContext(connection) as many:
        page = sb_client.get(url).content.decode()
    assert len(one.captured_queries) == len(many.captured_queries), (len(one), len(many))
    assert len(changed.captured_queries) <= len(many.captured_queries) + 12  # two parts drawn and written again
    assert "Læringsarenaer (30)" in page
    assert page.count("Haukeland") >= 29  # each arena's answers, as the form labels them
    assert page.count('<th scope="row">tolket som</th>') == 30  # what each LM text was read as
    assert "30 arenaer" in page  # the coverage matrix


def test_changelist_rows_can_be_selected_for_export(sb_client):
    soknad = _submitted()
    page = sb_client.get(CHANGELIST).content.decode()
    assert f'name="_selected_action" value="{soknad.pk}" class="action-select"' in page
    response = sb_client.post(CHANGELIST, {"action": "eksporter_json", "_selected_action": [soknad.pk]})
    assert response.status_code == 200 and soknad.referanse in response.content.decode()


def test_actions_through_the_admin(sb_client, saksbehandler):
    soknad = _submitted()
    url = lambda action: reverse("admin:soknader_soknad_handling", args=[soknad.pk, action])  # noqa: E731
    assert sb_client.get(url("under_behandling")).status_code == 405
    sb_client.post(url("under_behandling"), {"status": "innsendt"})
    soknad.refresh_from_db()
    assert soknad.status == "under_behandling"
    # a second caseworker still looking at "innsendt" is told
    response = sb_client.post(url("anmodning_sendt"), {"status": "innsendt", "melding": "x"}, follow=True)
    assert "endret av en annen" in response.content.decode()
    sb_client.post(url("anmodning_sendt"), {"status": "under_behandling", "melding": "Send avtalen"})
    soknad.refresh_from_db()
    assert soknad.status == "anmodning_sendt" and soknad.anmodning == "Send avtalen"
    response = sb_client.post(url("under_behandling"), {"status": "anmodning_sendt"}, follow=True)
    assert "kan ikke få status" in response.content.decode()


def _handling(soknad, action):
    return reverse("admin:soknader_soknad_handling", args=[soknad.pk, action])


@pytest.mark.parametrize(
    ("vedtaksdato", "melding"),
    [
        ("2026-02-30", "Vedtaksdatoen er ikke en gyldig dato"),
        ("i morgen", "Vedtaksdatoen er ikke en gyldig dato"),
        ("", "Skriv vedtaksdatoen."),
        ("2999-01-01", "kan ikke være etter dagens dato"),
        ("2019-01-01", "kan ikke være før søknadsdatoen"),
    ],
)
def test_register_refuses_a_bad_decision_date_next_to_the_field_and_keeps_it(sb_client, vedtaksdato, melding):
    soknad = _submitted()
    response = sb_client.post(_handling(soknad, "registrert"), {"status": "innsendt", "vedtaksdato": vedtaksdato})
    assert response.status_code == 200
    page = response.content.decode()
    assert melding in page
    # the message sits with the date field, which is announced with it and still holds what was typed
    assert 'id="registrer-vedtaksdato-feil"' in page and 'aria-describedby="registrer-vedtaksdato-feil"' in page
    assert f'value="{vedtaksdato}"' in page or not vedtaksdato
    assert 'aria-invalid="true"' in page
    soknad.refresh_from_db()
    assert soknad.status == "innsendt" and soknad.vedtaksdato is None
    assert list(soknad.historikk.values_list("til_status", flat=True)) == ["innsendt"]


def test_reject_keeps_the_date_when_the_reason_is_missing_then_records_both(sb_client):
    soknad = _submitted()
    page = sb_client.post(
        _handling(soknad, "avslatt"),
        {"status": "innsendt", "begrunnelse": "  ", "vedtaksdato": str(soknad.soknadsdato)},
    )
    page = page.content.decode()
    assert "Skriv begrunnelsen for avslaget." in page and f'value="{soknad.soknadsdato}"' in page
    assert Soknad.objects.get(pk=soknad.pk).status == "innsendt"
    sb_client.post(
        _handling(soknad, "avslatt"),
        {"status": "innsendt", "begrunnelse": "Mangler avtale", "vedtaksdato": str(soknad.soknadsdato)},
    )
    soknad.refresh_from_db()
    assert (soknad.status, soknad.avslagsgrunn, soknad.vedtaksdato) == ("avslatt", "Mangler avtale", soknad.soknadsdato)


def test_register_with_a_valid_decision_date(sb_client):
    soknad = _submitted()
    Soknad.objects.filter(pk=soknad.pk).update(soknadsdato=dt.date(2019, 5, 2))
    response = sb_client.post(
        _handling(soknad, "registrert"), {"status": "innsendt", "vedtaksdato": "03.06.2019"}, follow=True
    )
    assert "Søknaden har nå status «Registrert»" in response.content.decode()
    soknad.refresh_from_db()
    assert (soknad.vedtaksdato, soknad.registrert_fra) == (dt.date(2019, 6, 3), dt.date(2019, 3, 1))


def test_the_permission_not_the_group_decides_who_may_act(client):
    soknad = _submitted()
    group = Group.objects.get(name=SAKSBEHANDLERE)
    assert group.permissions.filter(codename="behandle_soknad", content_type__app_label="soknader").exists()
    # a user given the permissions directly, in no group, may act
    direct = UserFactory(username="direkte", is_staff=True)
    direct.user_permissions.add(*Permission.objects.filter(codename__in=["view_soknad", "behandle_soknad"]))
    assert not direct.groups.exists()
    client.force_login(direct)
    assert "Start behandling" in client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    client.post(_handling(soknad, "under_behandling"), {"status": "innsendt"})
    assert Soknad.objects.get(pk=soknad.pk).status == "under_behandling"
    # one who may look but not act sees no buttons and is refused
    viewer = UserFactory(username="leser", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_soknad"))
    client.force_login(viewer)
    page = client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert "Behandle søknaden" not in page and "Send anmodning" not in page
    response = client.post(
        _handling(soknad, "registrert"),
        {"status": "under_behandling", "vedtaksdato": str(soknad.soknadsdato)},
        follow=True,
    )
    assert "Bare saksbehandlere" in response.content.decode()
    # staff in no group and without permissions get nowhere
    client.force_login(UserFactory(username="ingen", is_staff=True))
    client.post(_handling(soknad, "registrert"), {"status": "under_behandling", "vedtaksdato": str(soknad.soknadsdato)})
    assert Soknad.objects.get(pk=soknad.pk).status == "under_behandling"


def test_export_actions(sb_client):
    soknad = _submitted()
    for action, content_type in (
        ("eksporter_json", "application/json"),
        ("eksporter_csv", "text/csv"),
        ("eksporter_xlsx", "spreadsheetml"),
    ):
        response = sb_client.post(CHANGELIST, {"action": action, "_selected_action": [soknad.pk]})
        assert response.status_code == 200 and content_type in response["Content-Type"], action


@pytest.mark.parametrize("action", ["eksporter_json", "eksporter_csv", "eksporter_xlsx"])
def test_an_export_with_an_id_too_large_for_the_database_is_no_error(sb_client, action):
    """SQLite cannot take a 40-digit integer (OverflowError); such a row cannot exist, so it is left out."""
    soknad = _submitted()
    response = sb_client.post(CHANGELIST, {"action": action, "_selected_action": ["1" * 40, soknad.pk]})
    assert response.status_code == 200
    if action == "eksporter_json":
        assert soknad.referanse in response.content.decode()
    response = sb_client.post(CHANGELIST, {"action": action, "_selected_action": ["1" * 40, "x"]})
    assert response.status_code == 302  # back to the list: nothing was chosen


def test_a_kommunes_application_shows_no_bht_question_and_the_admin_speaks_norwegian(sb_client):
    soknad = _submitted()
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert "Kontaktpersonens navn" in page or "Virksomhetens ansvar" in page
    assert "Er bedriftshelsetjenesten godkjent av Arbeidstilsynet?" not in page  # not asked of a kommune
    changelist = sb_client.get(CHANGELIST).content.decode()
    assert "Show counts" not in changelist and "Hide counts" not in changelist


def test_the_case_reads_top_to_bottom_with_a_table_of_contents_and_no_internal_codes(sb_client):
    """Issue 13: coverage and history sat below "Lukk" on a 4,800 px page; findings showed codes such as
    HF_AVTALE_MANGLER; the list's "antall" column did not say what it counted."""
    soknad = _submitted(hf_avtale_inngatt=False, hf_avtale_navn="")
    assert soknad.mangler.filter(kode="HF_AVTALE_MANGLER").exists()
    page = sb_client.get(f"{CHANGELIST}{soknad.pk}/change/").content.decode()
    assert "HF_AVTALE_MANGLER" not in page and "Avtale med HF mangler" in page
    close = page.index('class="closelink"')
    for section in ("sb-arenaer-tittel", "dekning-tittel", "sb-historikk-tittel", "sb-dokumenter-tittel", "sb-epost"):
        assert page.index(f'id="{section}"') < close, f"{section} comes after the close button"
    contents = page[page.index('class="sb-innhold"') :]
    contents = contents[: contents.index("</nav>")]
    targets = re.findall(r'href="#([\w-]+)"', contents)
    assert len(targets) >= 7 and all(f'id="{t}"' in page for t in targets), targets
    listing = sb_client.get(CHANGELIST).content.decode()
    assert "antall mangler" in listing.lower()


def test_caseworkers_read_the_arenas_at_their_new_address_and_old_bookmarks_lead_there(sb_client):
    """The arena model moved from the app labelled laeringsarenaer to soknader in December 2026."""
    soknad = _submitted()
    arena = soknad.laeringsarenaer.get()
    page = sb_client.get(f"/admin/soknader/laeringsarena/{arena.pk}/change/")
    assert page.status_code == 200 and "Alle; Alle FKM" in page.content.decode()
    old = sb_client.get(f"/admin/laeringsarenaer/laeringsarena/{arena.pk}/change/?a=1")
    assert (old.status_code, old["Location"]) == (301, f"/admin/soknader/laeringsarena/{arena.pk}/change/?a=1")
    assert sb_client.get("/admin/laeringsarenaer/laeringsmal/").status_code == 200  # the catalogue stays where it was
