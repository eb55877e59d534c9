"""Kept parts of pages (drift.htmlcache, drift.minne, drift.utgave): a process's memory stays bounded, a kept form
carries each viewer's own CSRF token, and a new release never serves what the old one drew."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from drift import htmlcache, utgave
from drift.minne import Minne
from soknader.models import Mangel
from tests.soknader.factories import saksbehandler_bruker
from tests.soknader.test_mangelvurdering import _uten_hf_avtale

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.mark.django_db
def test_the_memory_keeps_the_recently_used_within_its_bound():
    minne = Minne(grense=100)
    laget = []

    def lag(verdi):
        def _lag():
            laget.append(verdi)
            return verdi

        return _lag

    assert minne.hent("a", lag("a" * 25), levetid=60) == "a" * 25
    minne.hent("b", lag("b" * 25), levetid=60)
    minne.hent("a", lag("x"), levetid=60)  # kept: not drawn again, and now the most recently used
    minne.hent("c", lag("c" * 25), levetid=60)
    minne.hent("d", lag("d" * 25), levetid=60)
    minne.hent("e", lag("e" * 25), levetid=60)  # over the bound: "b", the least recently used, goes
    assert laget == [n * 25 for n in "abcde"]
    assert set(minne._verdier) == {"a", "c", "d", "e"}
    minne.glem()
    # a value of more than a quarter of the bound is not kept in the process (the shared cache has it)
    minne.hent("stor", lag("s" * 30), levetid=60)
    assert "stor" not in minne._verdier
    assert minne.hent_lokalt("k", lambda: [1, 2], storrelse=lambda v: 10) == [1, 2]
    assert minne.hent_lokalt("k", lambda: [3], storrelse=lambda v: 10) == [1, 2]


@pytest.mark.django_db
def test_a_kept_form_carries_each_viewers_own_csrf_token():
    """The findings section is kept drawn (with its assessment forms); each caseworker's page has their own token
    there, and the form posts with it under Django's CSRF check."""
    brukere = []
    for navn in ("siri", "ola"):
        bruker = saksbehandler_bruker(username=navn)
        brukere.append(bruker)
    soknad = _uten_hf_avtale(brukere[0])
    mangel = Mangel.objects.get(soknad=soknad, kode="HF_AVTALE_MANGLER")
    vurder = reverse("admin:soknader_soknad_vurder", args=[soknad.pk, mangel.pk])
    sider = []
    for bruker in brukere:
        client = Client(enforce_csrf_checks=True)
        client.force_login(bruker)
        side = client.get(reverse("admin:soknader_soknad_change", args=[soknad.pk])).content.decode()
        skjema = side[side.index(f'action="{vurder}"') :]
        token = CSRF.search(skjema).group(1)
        assert htmlcache.csrf_plass() not in side
        sider.append((client, token))
    # the second page's section came from the cache, with its own token in it
    (forste, _), (andre, token) = sider
    assert andre.post(vurder, {"notat": "Avtalen finnes.", "csrfmiddlewaretoken": token}).status_code == 302
    assert forste.post(vurder, {"notat": "Uten token."}).status_code == 403


def test_a_new_release_is_a_new_key(settings, tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "regler.py").write_text("TEKST = 'Avtale med HF mangler'\n")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "pakke.py").write_text("x = 1\n")
    settings.BASE_DIR = tmp_path
    utgave.avtrykk.cache_clear()
    try:
        for_ = utgave.avtrykk()
        (tmp_path / ".venv" / "pakke.py").write_text("x = 2\n")  # not ours: the same release
        utgave.avtrykk.cache_clear()
        assert utgave.avtrykk() == for_
        (tmp_path / "app" / "regler.py").write_text("TEKST = 'Det mangler avtale med et helseforetak'\n")
        utgave.avtrykk.cache_clear()
        assert utgave.avtrykk() != for_
    finally:
        utgave.avtrykk.cache_clear()
