"""No URL lets a person act for an organisation Altinn does not list for them.

Walks every URL of the søker journey (GET and POST) for a person logged in through ID-porten whose
organisations come from a fake Altinn: with rights to A only (B's application), after the rights to A are
withdrawn (A's application), and with no rights at all (both). Every answer is 404 and nothing changes.
"""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from soknader import urls as soknader_urls
from soknader.models import Innsending, Melding, Soknad, Statusendring, Vedlegg, Vedtaksbrev
from tests.brreg.factories import KommuneVirksomhetFactory
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, UserFactory
from tests.tilgang.fake_altinn import party
from tilgang import session
from tilgang.models import Person

pytestmark = pytest.mark.django_db

PID = "24079410876"

# name -> how to build the URL for an application and one of its arenas
SOKNAD_URLS = {
    "oppgaver": lambda s, a: reverse("soknader:oppgaver", args=[s.pk]),
    "seksjon": lambda s, a: reverse("soknader:seksjon", args=[s.pk, "virksomhet"]),
    "laeringsarenaer": lambda s, a: reverse("soknader:laeringsarenaer", args=[s.pk]),
    "ny_laeringsarena": lambda s, a: reverse("soknader:ny_laeringsarena", args=[s.pk]),
    "laeringsarena": lambda s, a: reverse("soknader:laeringsarena", args=[s.pk, a.pk]),
    "slett_laeringsarena": lambda s, a: reverse("soknader:slett_laeringsarena", args=[s.pk, a.pk]),
    "tolk_laeringsmal": lambda s, a: reverse("soknader:tolk_laeringsmal", args=[s.pk]),
    "se_over": lambda s, a: reverse("soknader:se_over", args=[s.pk]),
    "kvittering": lambda s, a: reverse("soknader:kvittering", args=[s.pk]),
    "slett_utkast": lambda s, a: reverse("soknader:slett_utkast", args=[s.pk]),
    "trekk": lambda s, a: reverse("soknader:trekk", args=[s.pk]),
    "innsending_pdf": lambda s, a: reverse("soknader:innsending_pdf", args=[s.pk, 1]),
    "vedlegg": lambda s, a: reverse("soknader:vedlegg", args=[s.pk, Vedlegg.objects.get(melding__soknad=s).pk]),
    "vedtaksbrev": lambda s, a: reverse("soknader:vedtaksbrev", args=[s.pk, s.vedtaksbrev.get().pk]),
    "svar": lambda s, a: reverse("soknader:svar", args=[s.pk]),
    "kan_ikke_soke": lambda s, a: reverse("soknader:kan_ikke_soke", args=[s.pk]),
    "kopier": lambda s, a: reverse("soknader:kopier", args=[s.pk]),
    "arenaer_fil": lambda s, a: reverse("soknader:arenaer_fil", args=[s.pk]),
    "arenaer_importer": lambda s, a: reverse("soknader:arenaer_importer", args=[s.pk]),
}
LIST_URLS = {"mine", "ny"}  # not about one application: checked separately below
SEKSJONER = ["virksomhet", "ansvar", "forhold"]
POST_DATA = {
    "kontaktperson_navn": "Inntrenger",
    "kontaktperson_epost": "inntrenger@example.no",
    "utkast": "1",
    "fortsett": "1",
    "melding": "Trukket av en inntrenger",
    "organisering": "Overtatt",
    "type": "fastlege",
    "plassering": "egen",
    "laeringsmal": "ALM 1",
    "supervisjon": ["til_stede"],
    "ny_veileder": "False",
}


def test_the_walk_covers_every_soker_url():
    names = {p.name for p in soknader_urls.urlpatterns}
    assert names == set(SOKNAD_URLS) | LIST_URLS


def _urls(soknad, arena):
    urls = [build(soknad, arena) for name, build in SOKNAD_URLS.items() if name != "seksjon"]
    urls += [reverse("soknader:seksjon", args=[soknad.pk, seksjon]) for seksjon in SEKSJONER]
    return urls


def _state(soknad):
    soknad = Soknad.objects.filter(pk=soknad.pk).first()
    if soknad is None:
        return None
    return (
        model_to_dict(soknad),
        list(soknad.laeringsarenaer.values()),
        Statusendring.objects.filter(soknad=soknad).count(),
    )


@pytest.fixture
def world(client, fake_altinn, settings):
    """Two complete draft applications, A (Bodø) and B (Tromsø), each with an arena; a person logged in
    through ID-porten whom Altinn lists for A only; Altinn is asked on every request."""
    settings.ALTINN_REFRESH_MINUTES = 0
    a = KomplettSoknadFactory()
    b = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer="5501"))
    arena_a, arena_b = LaeringsarenaFactory(soknad=a), LaeringsarenaFactory(soknad=b)
    for soknad in (a, b):  # a document of each kind, to be downloaded by those who may and refused to others
        Innsending.objects.create(soknad=soknad, data={}, versjon=1, pdf=b"%PDF-1.7 x", pdf_storrelse=10)
        melding = Melding.objects.create(soknad=soknad, fra=Melding.Fra.SOKER, tekst="Svar")
        Vedlegg.objects.create(melding=melding, filnavn="avtale.pdf", storrelse=10, innhold=b"%PDF-1.7 x")
        Vedtaksbrev.objects.create(soknad=soknad, vedtak="registrert", pdf=b"%PDF-1.7 x")
    user = UserFactory()
    Person.objects.create(bruker=user, kilde="idporten", ident="y" * 64)
    fake_altinn.set_parties(PID, [party(a.virksomhet.organisasjonsnummer, "BODØ KOMMUNE")])
    client.force_login(user)
    from django.test import RequestFactory

    store = client.session
    request = RequestFactory().get("/")
    request.session = store
    session.pid_store(request, PID)
    store.save()
    return {"a": (a, arena_a), "b": (b, arena_b), "fake": fake_altinn, "client": client}


def _walk_refused(client, soknad, arena):
    before = _state(soknad)
    for url in _urls(soknad, arena):
        for method in ("get", "post"):
            response = getattr(client, method)(url, POST_DATA)
            assert response.status_code == 404, (method, url, response.status_code)
    assert _state(soknad) == before


def test_rights_to_a_only_open_nothing_of_b(world):
    client, (a, arena_a), (b, arena_b) = world["client"], world["a"], world["b"]
    for url in _urls(a, arena_a):  # A's own pages answer (a redirect is fine: e.g. a section of a draft)
        assert client.get(url).status_code in (200, 302), url
    _walk_refused(client, b, arena_b)
    text = client.get(reverse("soknader:mine")).content.decode()
    assert "Bodø" in text and "Tromsø" not in text
    response = client.post(
        reverse("soknader:ny"), {"organisasjonsnummer": b.virksomhet.organisasjonsnummer, "spesialitet": "SAM"}
    )
    assert "gitt deg tilgang til tjenesten i Altinn" in response.content.decode()
    assert Soknad.objects.count() == 2


def test_after_rights_to_a_are_withdrawn_nothing_of_a_opens(world):
    client, (a, arena_a) = world["client"], world["a"]
    assert client.get(reverse("soknader:oppgaver", args=[a.pk])).status_code == 200
    world["fake"].set_parties(PID, [])
    _walk_refused(client, a, arena_a)
    response = client.post(
        reverse("soknader:ny"), {"organisasjonsnummer": a.virksomhet.organisasjonsnummer, "spesialitet": "SAM"}
    )
    assert response.status_code == 200 and Soknad.objects.count() == 2
    assert "Du har ikke tilgang til å søke for noen virksomhet ennå" in response.content.decode()


def test_a_person_with_no_rights_opens_nothing(world):
    client = world["client"]
    world["fake"].set_parties(PID, [party("912345009", "EN ANNEN AS", resources=["en-annen-tjeneste"])])
    for soknad, arena in (world["a"], world["b"]):
        _walk_refused(client, soknad, arena)
    text = client.get(reverse("soknader:mine")).content.decode()
    assert "Du har ikke tilgang til å søke for noen virksomhet ennå" in text and "Bodø" not in text
