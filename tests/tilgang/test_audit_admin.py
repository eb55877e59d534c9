"""The audit log in the admin: caseworkers read it, filtered by person and organisation; nobody edits it."""

import pytest
from django.urls import reverse

from soknader.services.innsending import soknad_submit
from soknader.services.saksbehandling import soknad_start_review
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    UserFactory,
    saksbehandler_bruker,
    soker_for,
)
from tilgang.models import Hendelse

pytestmark = pytest.mark.django_db


@pytest.fixture
def saksbehandler():
    user = saksbehandler_bruker(username="sb")
    return user


def test_every_status_change_is_logged_with_the_organisation(saksbehandler):
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad)
    soker = soker_for(soknad.virksomhet)
    soknad = soknad_submit(soknad=soknad, bruker=soker)
    soknad_start_review(soknad=soknad, bruker=saksbehandler)
    rows = Hendelse.objects.filter(hendelse="statusendring").order_by("pk")
    assert [(r.brukernavn, r.organisasjonsnummer, r.detalj) for r in rows] == [
        (soker.username, "972418013", f"søknad {soknad.referanse}: utkast → innsendt"),
        ("sb", "972418013", f"søknad {soknad.referanse}: innsendt → under_behandling"),
    ]


def test_caseworkers_read_and_filter_the_log_but_cannot_change_it(client, saksbehandler):
    soknad = KomplettSoknadFactory()
    soker = soker_for(soknad.virksomhet)
    other = soker_for(KomplettSoknadFactory(virksomhet__kommunenummer="5501").virksomhet)
    client.force_login(saksbehandler)
    url = reverse("admin:tilgang_hendelse_changelist")

    def results(**params):
        page = client.get(url, params).content.decode()
        return page[page.index('id="result_list"') :].split("</table>")[0]

    assert soker.username in results() and other.username in results()
    assert soker.username in results(bruker__id__exact=soker.pk)
    assert other.username not in results(bruker__id__exact=soker.pk)
    assert f'?bruker__id__exact={soker.pk}"' in results()
    assert soker.username in results(organisasjonsnummer__exact="972418013")
    assert other.username not in results(organisasjonsnummer__exact="972418013")
    assert other.username not in results(q="972418013")
    row = Hendelse.objects.first()
    assert client.get(reverse("admin:tilgang_hendelse_add")).status_code == 403
    assert client.post(reverse("admin:tilgang_hendelse_delete", args=[row.pk]), {"post": "yes"}).status_code == 403
    change = client.post(reverse("admin:tilgang_hendelse_change", args=[row.pk]), {"detalj": "endret"})
    assert change.status_code == 403
    row.refresh_from_db()
    assert row.detalj != "endret"


def test_the_persons_list_never_shows_the_identifier_hash(client, saksbehandler):
    from tilgang.models import Person

    Person.objects.create(bruker=UserFactory(), kilde="idporten", ident="a" * 64)
    client.force_login(saksbehandler)
    person = Person.objects.get()
    assert "a" * 64 not in client.get(reverse("admin:tilgang_person_changelist")).content.decode()
    assert "a" * 64 not in client.get(reverse("admin:tilgang_person_change", args=[person.pk])).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "tidspunkt__year=99999999999",
        "tidspunkt__year=9999",
        "tidspunkt__year=9999&tidspunkt__month=12&tidspunkt__day=31",
        "tidspunkt__year=2026&tidspunkt__month=13",
    ],
)
def test_a_date_the_calendar_cannot_hold_is_a_wrong_filter_not_an_error(client, query):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(f"/admin/tilgang/hendelse/?{query}")
    assert response.status_code == 302 and response["Location"].endswith("?e=1")
