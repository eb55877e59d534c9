"""The regulation's rules on when a virksomhet counts as registered, and who hears the klage (issue 20).

Spesialistforskriften (FOR-2016-12-08-1482):
- § 21: "Når en virksomhet blir registrert, skal virksomheten regnes som registrert fra søknadstidspunktet."
- § 38 second sentence: "Virksomheter som innen 1. juni 2019 søker om registrering som utdanningsvirksomhet, skal
  ansees som registrert utdanningsvirksomhet etter denne forskriften fra 1. mars 2019 og frem til virksomheten er
  registrert som utdanningsvirksomhet etter § 21."
- § 38 third sentence: "Helsedirektoratet kan bestemme at virksomheter som søker om registrering før 31. desember 2023
  og som har gitt utdanning i samsvar med kravene i § 23 og § 25, skal regnes som registrert fra et tidligere
  tidspunkt enn søknadstidspunktet."
- § 35: Helseklage "er klageinstans for vedtak om ... avslag på registrering av utdanningsvirksomhet etter § 21 første
  ledd".
"""

import datetime as dt

import pytest
from django.urls import reverse

from soknader import dokumenter
from soknader.models import Soknad
from soknader.services import errors, innsending, saksbehandling
from tests.soknader.factories import (
    AnnenVirksomhetSoknadFactory,
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def saksbehandler():
    user = saksbehandler_bruker(username="sb", first_name="Siri")
    return user


def _letter_text(soknad) -> str:
    return " ".join(dokumenter.vedtaksbrev_html(Soknad.objects.get(pk=soknad.pk), dokument=False).split())


def test_a_bht_that_applied_in_may_2019_counts_from_1_march_2019_and_says_both_facts(saksbehandler):
    soknad = AnnenVirksomhetSoknadFactory(status="innsendt", soknadsdato=dt.date(2019, 5, 15), referanse="ASA-2019-9")
    assert soknad.midlertidig_registrert_fra == dt.date(2019, 3, 1)
    saksbehandling.soknad_register(soknad=soknad, bruker=saksbehandler, vedtaksdato=dt.date(2020, 2, 1))
    soknad.refresh_from_db()
    assert soknad.registrert_fra == dt.date(2019, 3, 1) and soknad.midlertidig_registrert_fra is None
    text = _letter_text(soknad)
    assert "fra 1. mars 2019 fram til dette vedtaket (spesialistforskriften § 38 andre punktum)" in text
    assert "Registreringen gjelder fra søknadstidspunktet, 15. mai 2019 (§ 21)" in text
    assert "§ 21, jf. § 38" in text


def test_a_kommune_that_applied_on_2_june_2019_is_not_deemed_registered_before_the_decision(saksbehandler):
    soknad = KomplettSoknadFactory(status="innsendt", soknadsdato=dt.date(2019, 6, 2), referanse="ASA-2019-8")
    assert soknad.midlertidig_registrert_fra is None
    saksbehandling.soknad_register(soknad=soknad, bruker=saksbehandler, vedtaksdato=dt.date(2020, 2, 1))
    soknad.refresh_from_db()
    assert soknad.registrert_fra == dt.date(2019, 6, 2)
    text = _letter_text(soknad)
    assert "Registreringen gjelder fra søknadstidspunktet (spesialistforskriften § 21)." in text
    assert "§ 38" not in text


@pytest.mark.parametrize(
    ("soknadsdato", "allowed"),
    [
        (dt.date(2023, 11, 1), True),
        (dt.date(2023, 12, 30), True),
        (dt.date(2023, 12, 31), False),
        (dt.date(2024, 1, 15), False),
    ],
)
def test_an_earlier_date_may_be_set_only_for_applications_before_31_december_2023(saksbehandler, soknadsdato, allowed):
    soknad = KomplettSoknadFactory(status="under_behandling", soknadsdato=soknadsdato, referanse="ASA-2023-1")
    kwargs = {"tidligere_fra": dt.date(2021, 1, 1), "tidligere_begrunnelse": "Har hatt LIS i ALM siden 2021."}
    if not allowed:
        with pytest.raises(errors.TransitionRefused, match="før 31. desember 2023"):
            saksbehandling.soknad_register(soknad=soknad, bruker=saksbehandler, **kwargs)
        assert Soknad.objects.get(pk=soknad.pk).status == "under_behandling"
        return
    saksbehandling.soknad_register(soknad=soknad, bruker=saksbehandler, vedtaksdato=dt.date(2024, 3, 1), **kwargs)
    soknad.refresh_from_db()
    assert soknad.registrert_fra == dt.date(2021, 1, 1)
    assert soknad.registrert_fra_begrunnelse == "Har hatt LIS i ALM siden 2021."
    text = _letter_text(soknad)
    assert (
        "registrert fra 1. januar 2021, som er før søknadstidspunktet (spesialistforskriften § 38 tredje punktum)"
        in text
    )
    assert "Har hatt LIS i ALM siden 2021." in text


def test_the_admin_offers_the_earlier_date_only_where_the_application_date_allows_it(client, saksbehandler):
    early = KomplettSoknadFactory(status="under_behandling", soknadsdato=dt.date(2023, 11, 1), referanse="ASA-2023-2")
    late = KomplettSoknadFactory(
        virksomhet__kommunenummer="5501",
        status="under_behandling",
        soknadsdato=dt.date(2024, 1, 15),
        referanse="ASA-2024-2",
    )
    client.force_login(saksbehandler)
    url = lambda s: reverse("admin:soknader_soknad_change", args=[s.pk])  # noqa: E731
    assert "Registrert fra en tidligere dato" in client.get(url(early)).content.decode()
    assert "Registrert fra en tidligere dato" not in client.get(url(late)).content.decode()
    # a date without a reason is refused next to the field, with the input kept
    handling = reverse("admin:soknader_soknad_handling", args=[early.pk, "registrert"])
    data = {"status": "under_behandling", "vedtaksdato": "2024-03-01", "tidligere_fra": "2021-01-01"}
    page = client.post(handling, data).content.decode()
    assert "Skriv hvorfor virksomheten skal regnes som registrert fra en tidligere dato." in page
    assert 'value="2021-01-01"' in page
    page = client.post(handling, {**data, "tidligere_fra": "2018-01-01", "tidligere_begrunnelse": "x"}).content.decode()
    assert "tidligst 1. mars 2019" in page
    assert Soknad.objects.get(pk=early.pk).status == "under_behandling"
    client.post(handling, {**data, "tidligere_begrunnelse": "Utdanning etter §§ 23 og 25 siden 2021."})
    early.refresh_from_db()
    assert early.status == "registrert" and early.registrert_fra == dt.date(2021, 1, 1)


def test_the_letters_name_helseklage_as_klageinstans(saksbehandler):
    avslag = KomplettSoknadFactory(status="under_behandling", soknadsdato=dt.date(2026, 3, 2), referanse="ASA-2026-7")
    saksbehandling.soknad_reject(soknad=avslag, bruker=saksbehandler, begrunnelse="Mangler læringsarenaer.")
    text = _letter_text(avslag)
    assert "Klageinstans er Nasjonalt klageorgan for helse- og omsorgstjenesten (Helseklage)" in text
    assert "spesialistforskriften § 35" in text and "Klagen sendes til Helsedirektoratet" in text
    registrert = KomplettSoknadFactory(
        virksomhet__kommunenummer="5501",
        status="under_behandling",
        soknadsdato=dt.date(2026, 3, 2),
        referanse="ASA-2026-8",
    )
    saksbehandling.soknad_register(soknad=registrert, bruker=saksbehandler)
    assert "Klageinstans er Nasjonalt klageorgan for helse- og omsorgstjenesten (Helseklage)" in _letter_text(
        registrert
    )


def test_a_pending_2026_application_is_nowhere_called_temporarily_registered(
    client, django_capture_on_commit_callbacks
):
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    soker = soker_for(soknad.virksomhet)
    client.force_login(soker)
    with django_capture_on_commit_callbacks(execute=True):
        innsending.soknad_submit(soknad=soknad, bruker=soker)
    pages = [
        client.get(reverse("soknader:kvittering", args=[soknad.pk])),
        client.get(reverse("soknader:mine")),
        client.get(reverse("oversikt:oversikt")),
        client.get(reverse("forside"), follow=True),
    ]
    for response in pages:
        assert response.status_code == 200
        assert "midlertidig registrert" not in response.content.decode().lower(), response.request["PATH_INFO"]
    from epost.models import Epost

    assert Epost.objects.exists()
    for epost in Epost.objects.all():
        assert "midlertidig registrert" not in epost.tekst.lower()
