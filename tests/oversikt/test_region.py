"""The ALIS-kontor view: one's own region only, status and findings, no contact persons."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from brreg.models import Helseregion
from soknader.models import Regiontilgang
from soknader.services import refresh
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.soknader.factories import KomplettSoknadFactory, SoknadFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alis_nord(client):
    user = UserFactory()
    Regiontilgang.objects.create(bruker=user, helseregion=Helseregion.objects.get(kode="nord"))
    client.force_login(user)
    return user


def _submitted(kommunenummer, **kwargs):
    soknad = KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer=kommunenummer),
        status="innsendt",
        soknadsdato="2026-10-01",
        **kwargs,
    )
    refresh.mangler_refresh(soknad=soknad)
    return soknad


def test_the_region_list_shows_status_and_findings_but_no_contact_persons(client, alis_nord):
    tromso = _submitted("5501")
    bergen = _submitted("4601")
    SoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="1804"))  # a draft: not shown
    page = client.get(reverse("oversikt:region")).content.decode()
    assert tromso.virksomhet.navn in page and "Ingen læringsarena" in page and "Sendt inn" in page
    assert bergen.virksomhet.navn not in page and "Bodø" not in page.split("<main", 1)[1]
    assert "Kari Nordmann" not in page and "kari@bodo.kommune.no" not in page
    detail = client.get(reverse("oversikt:region_soknad", args=[tromso.pk])).content.decode()
    assert "Ingen læringsarena" in detail and "Søknaden har ingen læringsarenaer." in detail
    assert "INGEN_ARENA" not in detail  # the label, not the internal code
    assert "Kari Nordmann" not in detail and "75 55 50 00" not in detail


def test_another_regions_application_answers_404(client, alis_nord):
    bergen = _submitted("4601")
    draft_in_nord = SoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="1804"))
    assert client.get(reverse("oversikt:region_soknad", args=[bergen.pk])).status_code == 404
    assert client.get(reverse("oversikt:region_soknad", args=[draft_in_nord.pk])).status_code == 404


def test_users_without_a_region_are_refused_and_anonymous_must_log_in(client):
    soknad = _submitted("5501")
    for url in (reverse("oversikt:region"), reverse("oversikt:region_soknad", args=[soknad.pk])):
        assert client.get(url)["Location"].startswith(reverse("login"))
    client.force_login(UserFactory())
    for url in (reverse("oversikt:region"), reverse("oversikt:region_soknad", args=[soknad.pk])):
        assert client.get(url).status_code == 403


def test_region_list_query_count_is_flat(client, alis_nord):
    _submitted("5501")
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("oversikt:region"))
    for nummer in ("1806", "1811", "1812", "1813", "1815", "5601", "5603"):
        _submitted(nummer)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("oversikt:region")).content.decode()
    assert page.count("Ingen læringsarena") == 8
    assert len(one.captured_queries) == len(many.captured_queries)


def test_filter_by_specialty(client, alis_nord):
    _submitted("5501")
    page = client.get(reverse("oversikt:region") + "?spesialitet=SAM").content.decode()
    assert "Ingen innsendte søknader i regionen." in page


def test_a_kommune_that_applied_by_1_june_2019_is_shown_as_temporarily_registered_from_1_march(client, alis_nord):
    # The guidance: "alle kommuner som søkte innen 1. juni 2019, har en midlertidig registrering fra 1. mars 2019"
    soknad = KomplettSoknadFactory(
        virksomhet=KommuneVirksomhetFactory(kommunenummer="5501"), status="innsendt", soknadsdato="2019-06-01"
    )
    assert "Midlertidig registrert fra 1. mars 2019" in client.get(reverse("oversikt:region")).content.decode()
    detail = client.get(reverse("oversikt:region_soknad", args=[soknad.pk])).content.decode()
    assert "Midlertidig registrert fra 1. mars 2019" in detail
