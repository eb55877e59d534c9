"""Bokmål and nynorsk (docs/sprak.md).

The catalogue in locale/nn holds every message the code and templates have, each with its nynorsk, compiled; the
header's language switch is remembered; and every page a søker meets, rendered in nynorsk, holds no word that only
bokmål writes (a message left unwrapped in Python or a template shows up here as "ikke", "fra", "hvis", ...).
"""

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from soknader.models import Innsending, Melding, Vedlegg, Vedtaksbrev
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, soker_for
from tests.tilgang.test_every_soker_url import SOKNAD_URLS

BASE = Path(settings.BASE_DIR)
PO = BASE / "locale" / "nn" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")


def _entries(path):
    return {(e.msgctxt, e.msgid, e.msgid_plural): e for e in polib.pofile(str(path)) if not e.obsolete}


# --- the catalogue -------------------------------------------------------------------------------------------------


def test_every_message_has_its_nynorsk():
    missing, fuzzy, placeholders = [], [], []
    for entry in polib.pofile(str(PO)):
        if entry.obsolete:
            continue
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if not all(f.strip() for f in forms):
            missing.append(entry.msgid)
        if "fuzzy" in entry.flags:
            fuzzy.append(entry.msgid)
        source = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        if any(set(PLACEHOLDER.findall(f)) - source for f in forms) or (
            not entry.msgid_plural and set(PLACEHOLDER.findall(entry.msgstr)) != source
        ):
            placeholders.append(entry.msgid)
    assert not missing, f"no nynorsk for: {missing[:20]} (translate them in {PO.relative_to(BASE)})"
    assert not fuzzy, f"marked fuzzy (check and remove the flag): {fuzzy[:20]}"
    assert not placeholders, f"placeholders differ from the bokmål: {placeholders[:20]}"


def test_the_compiled_catalogue_is_the_written_one():
    written = {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in polib.pofile(str(PO)) if e.msgid}
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in polib.mofile(str(MO)) if e.msgid}
    assert {k: v for k, v in written.items() if k not in compiled} == {}, "run `make sprak` to compile"
    assert compiled == written, "locale/nn/LC_MESSAGES/django.mo is older than the .po: run `make sprak`"


def _xgettext_available():
    return shutil.which("xgettext") and shutil.which("msgmerge")


@pytest.mark.skipif(
    not _xgettext_available() and not os.environ.get("CI"), reason="needs GNU gettext (apt install gettext)"
)
def test_the_catalogue_holds_exactly_the_messages_of_the_code(tmp_path):
    """What `make sprak` would extract from a copy of the tree equals what the catalogue holds: nothing the code
    says is left without an entry, and nothing is kept that the code no longer says."""
    copy = tmp_path / "tre"
    skip = {".venv", ".git", "node_modules", "staticfiles", "tests", "bench", "build", "__pycache__", ".ruff_cache"}
    shutil.copytree(BASE, copy, ignore=lambda d, names: [n for n in names if n in skip or n.endswith(".egg-info")])
    env = {**os.environ, "DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "registrering.settings"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nn", "--no-location", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh, ours = set(_entries(copy / PO.relative_to(BASE))), set(_entries(PO))
    assert not fresh - ours, (
        f"messages in the code, not in the catalogue (run `make sprak`): {sorted(fresh - ours)[:20]}"
    )
    assert not ours - fresh, f"catalogue entries the code no longer has (run `make sprak`): {sorted(ours - fresh)[:20]}"


# --- the language switch -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_language_chosen_in_the_header_is_remembered_for_a_year(client):
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="nb">' in page and 'name="language" value="nn"' in page
    response = client.post(reverse("set_language"), {"language": "nn", "next": reverse("login")})
    assert response.status_code == 302 and response["Location"] == reverse("login")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "nn" and int(cookie["max-age"]) >= 364 * 24 * 3600
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="nn">' in page and 'name="language" value="nb"' in page
    with translation.override("nn"):
        assert translation.gettext("Hopp til innholdet") in page
    assert "Hopp til innhaldet" in page


@pytest.mark.django_db
def test_a_browser_asking_for_nynorsk_gets_it(client):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="nn-NO,nn;q=0.9,en;q=0.5").content.decode()
    assert '<html lang="nn">' in page


# --- every page in nynorsk -----------------------------------------------------------------------------------------

# Words bokmål writes and nynorsk does not (docs/sprak.md's table). A message not wrapped for translation, or a
# catalogue entry left in bokmål, puts one of them on a nynorsk page.
BARE_BOKMAL = {
    "ikke", "hvis", "hva", "hvordan", "hvem", "hvor", "hvilke", "hvilken", "fra", "være", "bare", "noen", "mye",
    "mer", "flere", "dere", "deres", "gjelder", "finnes", "kreves", "uten", "hver", "hvert", "egen", "eget", "annet",
    "sammen", "samme", "tidligere", "senere", "virksomhet", "virksomheten", "virksomheter", "veileder", "veiledere",
    "veiledning", "søkeren", "tjeneste", "tjenesten", "opplysninger", "mangler", "sykehus", "helseforetak",
    "navn", "velg", "fortsett", "bekreft", "bekreftet", "følgende", "endringer", "meldinger",
}  # fmt: skip


class _Text(HTMLParser):
    """The words a person reads or hears on a page: text outside script and style, and the attributes a screen
    reader speaks or a browser shows. A part marked as bokmål (`lang="nb"`, as the learning objectives' official
    titles are: they are published in bokmål only) is left out, as a screen reader reads it as bokmål."""

    SPOKEN = ("aria-label", "title", "placeholder", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip, self._bokmal = [], 0, []  # _bokmal: [tag, depth] of the lang="nb" part we are in

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attrs = dict(attrs)
        if self._bokmal and tag == self._bokmal[0]:
            self._bokmal[1] += 1
        elif not self._bokmal and attrs.get("lang") == "nb" and tag != "html":
            self._bokmal = [tag, 1]
        if self._bokmal:
            return
        self.parts += [attrs[a] for a in self.SPOKEN if attrs.get(a)]
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if self._bokmal and tag == self._bokmal[0]:
            self._bokmal[1] -= 1
            if not self._bokmal[1]:
                self._bokmal = []

    def handle_data(self, data):
        if not self._skip and not self._bokmal:
            self.parts.append(data)


def bokmal_words(html: str) -> dict[str, str]:
    """Each bokmål-only word on the page, with the line it stands in."""
    parser = _Text()
    parser.feed(html)
    found = {}
    for part in parser.parts:
        for word in re.findall(r"[A-Za-zÆØÅæøå]+", part):
            if word.lower() in BARE_BOKMAL:
                found.setdefault(word.lower(), " ".join(part.split())[:160])
    return found


def test_the_word_check_finds_bokmal_in_text_and_spoken_attributes():
    assert set(bokmal_words('<p>Du har <b>ikke</b> tilgang</p><a aria-label="Velg fil">x</a>')) == {"ikke", "velg"}
    assert bokmal_words("<p>Du har ikkje tilgang frå Altinn</p><script>var ikke = 1</script>") == {}
    # an official title published in bokmål only, marked as such, is not a translation left undone
    assert bokmal_words('<td><span lang="nb">Ha <span>god</span> kunnskap i egen virksomhet</span> ikkje</td>') == {}
    assert bokmal_words('<td><span lang="nb">egen</span> ikke</td>') == {"ikke": "ikke"}


@pytest.fixture
def nynorsk(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    return client


@pytest.fixture
def soknad_med_alt():
    """A complete application with an arena, a submitted version, a message with an attachment and a letter:
    every søker page has something to show. Its data are names and numbers, so no bokmål comes from the data."""
    soknad = KomplettSoknadFactory(
        kontaktperson_navn="Kari Nordmann",
        organisering="Vi har eit eige opplegg.",
    )
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle bortsett frå ALM-055 og ALM-085; FKM 1-14")
    Innsending.objects.create(soknad=soknad, data={}, versjon=1, pdf=b"%PDF-1.7 x", pdf_storrelse=10)
    melding = Melding.objects.create(soknad=soknad, fra=Melding.Fra.SOKER, tekst="Svar")
    Vedlegg.objects.create(melding=melding, filnavn="avtale.pdf", storrelse=10, innhold=b"%PDF-1.7 x")
    Vedtaksbrev.objects.create(soknad=soknad, vedtak="registrert", pdf=b"%PDF-1.7 x")
    return soknad


def _pages(soknad):
    arena = soknad.laeringsarenaer.get()
    pages = [reverse("forside"), reverse("soknader:mine"), reverse("soknader:ny")]
    pages += [build(soknad, arena) for name, build in SOKNAD_URLS.items() if name != "seksjon"]
    pages += [reverse("soknader:seksjon", args=[soknad.pk, s]) for s in ("virksomhet", "ansvar", "forhold")]
    pages += [reverse("oversikt:oversikt"), reverse("tilgjengelighet")]
    return pages


@pytest.mark.django_db
def test_a_logged_out_visitor_meets_only_nynorsk(nynorsk):
    for url in (reverse("forside"), reverse("login"), reverse("oversikt:oversikt"), reverse("tilgjengelighet")):
        response = nynorsk.get(url, follow=True)
        assert response.status_code == 200, url
        assert bokmal_words(response.content.decode()) == {}, url


@pytest.mark.django_db
def test_every_soker_page_in_nynorsk_holds_no_bokmal(nynorsk, soknad_med_alt):
    nynorsk.force_login(soker_for(soknad_med_alt.virksomhet))
    seen = 0
    for url in _pages(soknad_med_alt):
        response = nynorsk.get(url, follow=True)
        assert response.status_code == 200, url
        if "html" in response.get("Content-Type", ""):
            assert bokmal_words(response.content.decode()) == {}, url
            seen += 1
    assert seen >= 15


@pytest.mark.django_db
def test_errors_in_a_nynorsk_form_are_nynorsk(nynorsk, soknad_med_alt):
    nynorsk.force_login(soker_for(soknad_med_alt.virksomhet))
    url = reverse("soknader:seksjon", args=[soknad_med_alt.pk, "virksomhet"])
    response = nynorsk.post(url, {"kontaktperson_epost": "ikkje-ei-adresse", "fortsett": "1"})
    page = response.content.decode()
    assert "ikkje-ei-adresse" in page  # the input is kept
    with translation.override("nn"):
        assert translation.gettext("Feil:") in page
    assert bokmal_words(page) == {}


@pytest.mark.django_db
def test_the_findings_stored_for_the_directorate_stay_bokmal_when_the_soker_writes_nynorsk(nynorsk):
    soknad = KomplettSoknadFactory()
    nynorsk.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:seksjon", args=[soknad.pk, "ansvar"])
    page = nynorsk.get(url).content.decode()
    assert 'lang="nn"' in page
    nynorsk.post(url, {"utkast": "1"})
    stored = " ".join(soknad.mangler.values_list("melding", flat=True))
    assert "er ikke bekreftet" in stored and "ikkje" not in stored, stored


@pytest.mark.django_db
def test_an_unreadable_piece_saved_in_nynorsk_is_explained_in_bokmal_after_switching(nynorsk, soknad_med_alt):
    """The reader's messages are kept per language: a søker who switches, and the caseworker, read their own."""
    nynorsk.force_login(soker_for(soknad_med_alt.virksomhet))
    arena = soknad_med_alt.laeringsarenaer.get()
    url = reverse("soknader:laeringsarena", args=[soknad_med_alt.pk, arena.pk])
    data = {"type": "fastlege", "plassering": "egen", "ny_veileder": "False", "supervisjon": ["til_stede"]}
    nynorsk.post(url, {**data, "laeringsmal": "ALM 1-10; ALM 9999"})
    arena.refresh_from_db()
    assert arena.laeringsmal_feil and set(arena.laeringsmal_feil[0]["meldinger"]) == {"nb", "nn"}
    assert "finnes ikke" in arena.laeringsmal_feil[0]["melding"]  # what code before this change reads
    assert "finst ikkje" in nynorsk.get(url).content.decode()
    nynorsk.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    page = nynorsk.get(url).content.decode()
    assert "finnes ikke" in page and "finst ikkje" not in page


@pytest.mark.django_db
def test_choice_labels_follow_the_language_though_they_are_kept_per_language():
    """drift.choices keeps each field's labels per language (Django rebuilt them on every call): switching back and
    forth gives each language its own label, and a value outside the choices is shown as stored."""
    arena = LaeringsarenaFactory(type="sykehjem")
    with translation.override("nb"):
        bokmal = arena.get_type_display()
    with translation.override("nn"):
        nynorsk = arena.get_type_display()
    assert "Sykehjem" in bokmal and "Sjukeheim" in nynorsk
    with translation.override("nb"):
        assert arena.get_type_display() == bokmal
    arena.type = "ukjent"
    assert arena.get_type_display() == "ukjent"
