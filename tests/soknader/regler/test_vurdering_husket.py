"""«Se over» and the status page keep the judgement in the process under a key of everything it reads
(soknader.regler.vurdering.vurder_husket): an unchanged application is not judged again, and any change to the
application, an arena, the organisation, the catalogue or the language is judged anew, also a write that sends no
signal (a QuerySet.update)."""

import datetime as dt

import pytest
from django.utils import translation

from brreg.models import Virksomhet
from laeringsmal.lmtekst import Katalog
from laeringsmal.tolking import katalog_for_soknad
from soknader.choices import Mangelkode
from soknader.models import Laeringsarena, Soknad
from soknader.regler.vurdering import vurder, vurder_husket
from soknader.selectors import arenaer_for_soknad
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, soker_for

pytestmark = pytest.mark.django_db


def _lest(pk: int) -> tuple[Soknad, list[Laeringsarena]]:
    """The application and its arenas read afresh, as a page reads them."""
    soknad = Soknad.objects.select_related("virksomhet").get(pk=pk)
    return soknad, list(arenaer_for_soknad(soknad=soknad))


def _vurdering(pk: int, katalog: Katalog | None = None):
    soknad, arenaer = _lest(pk)
    return vurder_husket(soknad=soknad, arenaer=arenaer, katalog=katalog or katalog_for_soknad(soknad.soknadsdato))


def _koder(vurdering) -> set[str]:
    return {m.kode for m in vurdering.mangler}


@pytest.fixture
def soknad():
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad)
    LaeringsarenaFactory(soknad=soknad, type="legevakt", laeringsmal="ALM-055, ALM-085")
    return soknad


def test_an_unchanged_application_is_judged_once_and_the_same_as_a_fresh_judgement(soknad):
    forste = _vurdering(soknad.pk)
    assert _vurdering(soknad.pk) is forste  # kept: not judged again
    lest, arenaer = _lest(soknad.pk)
    fersk = vurder(soknad=lest, arenaer=arenaer, katalog=katalog_for_soknad(None))
    assert forste == fersk


def test_a_change_to_the_application_is_judged_anew(soknad):
    assert _vurdering(soknad.pk).kan_sendes
    Soknad.objects.filter(pk=soknad.pk).update(kontaktperson_navn="")  # no save(), no signal
    etter = _vurdering(soknad.pk)
    assert not etter.kan_sendes and etter.problemer["virksomhet"]


def test_a_change_to_an_arena_is_judged_anew_also_without_a_signal(soknad):
    for_ = _vurdering(soknad.pk)
    legevakt = soknad.laeringsarenaer.get(type="legevakt")
    Laeringsarena.objects.filter(pk=legevakt.pk).update(laeringsmal_koder=["ALM-001"])
    etter = _vurdering(soknad.pk)
    assert etter is not for_
    assert etter.dekning != for_.dekning


def test_a_new_arena_is_judged_anew(soknad):
    for_ = _vurdering(soknad.pk)
    LaeringsarenaFactory(soknad=soknad, type="sykehjem", laeringsmal="")
    etter = _vurdering(soknad.pk)
    assert etter.problemer["laeringsarenaer"] and not for_.problemer["laeringsarenaer"]


def test_the_organisation_struck_from_the_register_is_judged_anew(soknad):
    assert Mangelkode.VIRKSOMHET_SLETTET not in _koder(_vurdering(soknad.pk))
    Virksomhet.objects.filter(pk=soknad.virksomhet_id).update(slettedato=dt.date(2026, 11, 30))
    assert Mangelkode.VIRKSOMHET_SLETTET in _koder(_vurdering(soknad.pk))


def test_another_catalogue_and_another_language_are_other_keys(soknad):
    forste = _vurdering(soknad.pk)
    katalog = katalog_for_soknad(None)
    uten_legevakt = Katalog([k for k in katalog if k not in ("ALM-055", "ALM-085")], titler=katalog.titler)
    assert _vurdering(soknad.pk, uten_legevakt) is not forste
    assert Katalog(list(katalog), katalog.titler, katalog.seksjoner).avtrykk == katalog.avtrykk
    assert uten_legevakt.avtrykk != katalog.avtrykk
    with translation.override("nn"):
        assert _vurdering(soknad.pk) is not forste


def test_se_over_shows_an_arena_changed_without_a_signal(client, soknad):
    client.force_login(soker_for(soknad.virksomhet))
    adresse = f"/soknader/{soknad.pk}/se-over/"
    assert "Send inn søknaden" in client.get(adresse).content.decode()
    Laeringsarena.objects.filter(soknad=soknad, type="legevakt").update(laeringsmal="", laeringsmal_koder=[])
    side = client.get(adresse).content.decode()
    assert "Send inn søknaden" not in side and 'id="kan-ikke-sendes"' in side
