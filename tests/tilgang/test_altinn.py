"""Which organisations a person may act for: the Altinn client against a fake Altinn on 127.0.0.1, and the
cache of its answers as a logged-in person sees it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.soknader.factories import UserFactory
from tests.tilgang.fake_altinn import RESOURCE, party
from tilgang import altinn, session
from tilgang.models import Hendelse, Person, Virksomhetstilgang
from tilgang.selectors import virksomheter_for
from tilgang.services import organisasjoner_refresh

pytestmark = pytest.mark.django_db

PID = "24079410876"
BODO, BHT, SUB, OTHER = "972418013", "999888771", "912345041", "940643112"


def orgnrs(items) -> list[str]:
    return sorted(v.organisasjonsnummer for v in items)


# ---- the client -----------------------------------------------------------------------------------


def test_the_request_has_altinns_shape_and_our_credentials(fake_altinn):
    fake_altinn.set_parties(PID, [party(BODO, "BODØ KOMMUNE")])
    assert altinn.authorized_virksomheter(PID) == [altinn.AltinnVirksomhet(BODO, "BODØ KOMMUNE")]
    path, query, body, headers = fake_altinn.requests[-1]
    assert path == "/accessmanagement/api/v1/resourceowner/authorizedparties" and query == "includeAltinn2=true"
    assert body == {"type": "urn:altinn:person:identifier-no", "value": PID}
    assert headers["Authorization"] == "Bearer altinn-token-for-test"
    assert headers["Ocp-Apim-Subscription-Key"] == "abonnement-for-test"


def test_only_organisations_with_our_resource_count_and_sub_units_inherit(fake_altinn):
    fake_altinn.set_parties(
        PID,
        [
            party(PID, "Kari Nordmann", kind="Person"),  # the person themself
            party(BODO, "BODØ KOMMUNE"),
            party(BHT, "NORDLYS BHT AS", resources=["en-annen-tjeneste"]),  # rights, but not to our service
            party("912345009", "HOVEDENHET AS", subunits=[party(SUB, "UNDERENHET AVD TROMSØ", resources=[])]),
            party(
                "912345017",
                "BARE HIERARKI AS",
                resources=[],
                hierarchy_only=True,
                subunits=[party("912345025", "EGEN RETT AVD", resources=[RESOURCE])],
            ),
            party("912345033", "SLETTET AS", deleted=True),
        ],
    )
    found = {v.organisasjonsnummer: v for v in altinn.authorized_virksomheter(PID)}
    assert sorted(found) == sorted([BODO, "912345009", SUB, "912345025"])
    assert found[SUB].hovedenhet == "912345009" and found["912345025"].hovedenhet == ""


@pytest.mark.parametrize("fault", ["500", "timeout", "malformed", "wrong_shape"])
def test_faults_become_one_clear_exception(fake_altinn, fault):
    fake_altinn.slow_seconds = 3
    fake_altinn.set_fault(PID, fault)
    with pytest.raises(altinn.AltinnUnavailable):
        altinn.authorized_virksomheter(PID)
    expected = {"500": 3, "timeout": {2, 3, 4}, "malformed": 1, "wrong_shape": 1}[fault]
    assert fake_altinn.count(PID) in (expected if isinstance(expected, set) else {expected})


def test_a_passing_failure_is_retried(fake_altinn):
    fake_altinn.set_parties(PID, [party(BODO)])
    fake_altinn.set_fault(PID, "flaky")
    assert orgnrs(altinn.authorized_virksomheter(PID)) == [BODO] and fake_altinn.count(PID) == 2


def test_altinn_down_is_a_clear_exception(fake_altinn):
    fake_altinn.stop()
    with pytest.raises(altinn.AltinnUnavailable):
        altinn.authorized_virksomheter(PID)


# ---- the cache ------------------------------------------------------------------------------------


@pytest.fixture
def person():
    user = UserFactory()
    Person.objects.create(bruker=user, kilde="idporten", ident="x" * 64)
    return user


def test_a_refresh_replaces_the_cache_and_logs_each_change(fake_altinn, person):
    fake_altinn.set_parties(PID, [party(BODO, "BODØ KOMMUNE"), party(BHT, "NORDLYS BHT AS")])
    assert organisasjoner_refresh(bruker=person, pid=PID).ok
    assert orgnrs(virksomheter_for(person)) == [BODO, BHT]
    fake_altinn.set_parties(PID, [party(BODO, "BODØ KOMMUNE")])
    result = organisasjoner_refresh(bruker=person, pid=PID)
    assert result.fjernet == [BHT] and orgnrs(virksomheter_for(person)) == [BODO]
    rows = list(Hendelse.objects.filter(bruker=person).order_by("pk").values_list("hendelse", "organisasjonsnummer"))
    assert rows == [("tilgang_gitt", BODO), ("tilgang_gitt", BHT), ("tilgang_fjernet", BHT)]
    assert Person.objects.get(bruker=person).organisasjoner_hentet is not None


def test_with_altinn_down_the_last_answer_is_used_for_a_limited_time(fake_altinn, person, settings):
    fake_altinn.set_parties(PID, [party(BODO)])
    organisasjoner_refresh(bruker=person, pid=PID)
    fake_altinn.set_fault(PID, "500")
    result = organisasjoner_refresh(bruker=person, pid=PID)
    assert not result.ok and result.fra_lager and orgnrs(virksomheter_for(person)) == [BODO]
    old = timezone.now() - dt.timedelta(hours=settings.ALTINN_GRACE_HOURS, minutes=1)
    Virksomhetstilgang.objects.update(hentet=old)
    Person.objects.update(organisasjoner_hentet=old)
    result = organisasjoner_refresh(bruker=person, pid=PID)
    assert not result.brukbar and list(virksomheter_for(person)) == []
    assert Hendelse.objects.filter(hendelse="altinn_utilgjengelig").count() == 2


def test_development_rows_do_not_count_once_altinn_is_set_up(fake_altinn, person, settings):
    from brreg.services import virksomhet_get_or_create
    from tilgang.services import organisasjoner_set

    organisasjoner_set(bruker=person, virksomheter=[virksomhet_get_or_create(organisasjonsnummer=BODO)])
    assert list(virksomheter_for(person)) == []
    settings.ALTINN_BASE_URL = ""
    assert orgnrs(virksomheter_for(person)) == [BODO]


# ---- a logged-in person ---------------------------------------------------------------------------


def _logged_in_person(client, user, pid=PID):
    """As after an ID-porten login: the pid in the (server-side) session."""
    client.force_login(user)
    from django.test import RequestFactory

    store = client.session
    request = RequestFactory().get("/")
    request.session = store
    session.pid_store(request, pid)
    store[session.PROVIDER] = "idporten"
    store.save()


def test_rights_withdrawn_between_two_requests_are_gone_at_once(client, fake_altinn, person, settings):
    settings.ALTINN_REFRESH_MINUTES = 0
    fake_altinn.set_parties(PID, [party(BODO, "BODØ KOMMUNE"), party(BHT, "NORDLYS BHT AS")])
    _logged_in_person(client, person)
    text = client.get(reverse("soknader:ny")).content.decode()
    assert "Bodø (org.nr. 972 418 013)" in text and "NORDLYS BHT AS" in text
    fake_altinn.set_parties(PID, [party(BODO, "BODØ KOMMUNE")])
    text = client.get(reverse("soknader:ny")).content.decode()
    assert "NORDLYS BHT AS" not in text and "ikke lenger kan søke for" in text


def test_altinn_is_asked_at_most_every_n_minutes(client, fake_altinn, person, settings):
    settings.ALTINN_REFRESH_MINUTES = 5
    fake_altinn.set_parties(PID, [party(BODO)])
    _logged_in_person(client, person)
    for _ in range(3):
        client.get(reverse("soknader:mine"))
    assert fake_altinn.count(PID) == 1


def test_with_altinn_down_the_person_is_told_and_keeps_working(client, fake_altinn, person, settings):
    settings.ALTINN_REFRESH_MINUTES = 0
    fake_altinn.set_parties(PID, [party(BODO, "BODØ KOMMUNE")])
    _logged_in_person(client, person)
    client.get(reverse("soknader:mine"))
    fake_altinn.stop()
    text = client.get(reverse("soknader:ny")).content.decode()
    assert "Vi får ikke kontakt med Altinn nå" in text and "Bodø" in text


def test_login_with_altinn_down_and_no_previous_answer_gives_a_clear_page(client, idporten, fake_altinn):
    import uuid

    from tests.tilgang.oidc_provider import login

    sub = f"p-{uuid.uuid4().hex[:6]}"
    idporten.set_user(sub, {"pid": PID, "acr": "idporten-loa-substantial"})
    fake_altinn.set_fault(PID, "500")
    response = login(client, sub)
    text = response.content.decode()
    assert response.status_code == 503 and "Vi får ikke hentet tilgangene dine fra Altinn" in text
    assert "Prøv igjen om litt" in text


def test_login_with_altinn_down_uses_the_previous_answer_and_says_so(client, idporten, fake_altinn):
    import uuid

    from tests.tilgang.oidc_provider import login

    sub = f"p-{uuid.uuid4().hex[:6]}"
    idporten.set_user(sub, {"pid": PID, "acr": "idporten-loa-substantial"})
    fake_altinn.set_parties(PID, [party(BODO, "BODØ KOMMUNE")])
    login(client, sub)
    client.post(reverse("logout"))
    fake_altinn.set_fault(PID, "500")
    response = login(client, sub)
    assert response.status_code == 302
    text = client.get(response["Location"], follow=True).content.decode()
    assert "Vi får ikke kontakt med Altinn nå" in text and "Bodø" in text


# ---- our token: Maskinporten, exchanged at Altinn ----------------------------------------------------


@pytest.fixture
def maskinporten(fake_altinn, settings):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    fake_altinn.maskinporten_public_key = key.public_key()
    settings.ALTINN_TOKEN = ""
    settings.MASKINPORTEN_TOKEN_URL = fake_altinn.url + "/maskinporten/token"
    settings.MASKINPORTEN_AUDIENCE = "https://test.maskinporten.no/"
    settings.MASKINPORTEN_CLIENT_ID = "asa-maskinporten"
    settings.MASKINPORTEN_PRIVATE_KEY = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return fake_altinn


def test_altinn_is_called_with_a_maskinporten_token_exchanged_at_altinn_and_reused(maskinporten):
    maskinporten.set_parties(PID, [party(BODO)])
    assert orgnrs(altinn.authorized_virksomheter(PID)) == [BODO]
    assert orgnrs(altinn.authorized_virksomheter(PID)) == [BODO]
    assert maskinporten.count(path="/maskinporten/token") == 1
    assert maskinporten.count(path="/authentication/api/v1/exchange/maskinporten") == 1
    bearer = maskinporten.requests[-1][3]["Authorization"]
    assert bearer.startswith("Bearer altinn-")


def test_a_token_altinn_no_longer_accepts_is_replaced(maskinporten):
    maskinporten.set_parties(PID, [party(BODO)])
    altinn.authorized_virksomheter(PID)
    maskinporten.accepted_tokens.clear()  # Altinn forgets the token (expired, revoked)
    with pytest.raises(altinn.AltinnUnavailable):
        altinn.authorized_virksomheter(PID)
    assert orgnrs(altinn.authorized_virksomheter(PID)) == [BODO]
    assert maskinporten.count(path="/authentication/api/v1/exchange/maskinporten") == 2


def test_a_wrong_maskinporten_key_is_a_clear_exception(maskinporten, settings):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    settings.MASKINPORTEN_PRIVATE_KEY = other.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    with pytest.raises(altinn.AltinnUnavailable, match="Maskinporten svarte HTTP 400"):
        altinn.authorized_virksomheter(PID)
    assert maskinporten.count(PID) == 0
