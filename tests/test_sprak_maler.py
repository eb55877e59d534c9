"""Every user-facing word in the templates goes through the translation tags, so that nynorsk can replace it.

The checker reads each template with Django's own Lexer: text outside {% translate %} / {% blocktranslate %},
outside <script>, <style>, HTML comments, {# #} and {% comment %}, must hold no letters, and neither may the
attributes a user sees or hears (aria-label, title, placeholder, alt, the value of a submit button, the
description meta, data-tekst-* texts handed to JavaScript, data-label shown by CSS). Literal text in
`default:`/`pluralize:` arguments and in `with name="..."` is caught too. Names that are the same in both
languages are on a short allow-list.
"""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType
from django.template.loader import render_to_string
from django.utils import translation

from tests.soknader.factories import KomplettSoknadFactory, SoknadFactory

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Names, the same in bokmål and nynorsk; removed from a text before it is checked.
ALLOWED = [
    r"ASA-registrering",  # the service's name
    r"Helsedirektoratet",  # the directorate's name (the letterhead, the mails' signature, the footer)
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
    r"\b(?:ALM|SAM|ARB)\b",  # the specialties' codes
    r"\bPDF\b",  # a file format, shown beside links to documents
    r"\bCSV\b",  # a file format, the link to the figures
    r"\bExcel \(XLSX\)",  # a product and its file format, the link to the figures
    r"www\.uutilsynet\.no",  # an address
]
_ALLOWED = re.compile("|".join(ALLOWED))
MARK = "\x1f"  # stands where a tag or a variable was
LETTER = re.compile(r"[^\W\d_]")

TEXT_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
# Literal text inside a variable or tag: {{ x|default:"(ingen)" }}, {{ n|pluralize:"er" }}, {% with side="Slett" %}.
LITERAL_IN_TAG = re.compile(r"""(\bpluralize:|\bdefault:|\b\w+=)(["'])(.*?)\2""")
CODE = re.compile(r"[a-z0-9_-]+")  # a value such as default:'info' is a code or a CSS class, not text


def _has_words(text: str) -> bool:
    return bool(LETTER.search(_ALLOWED.sub("", text)))


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []
        self.raw = None  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.raw = tag
        attrs = {name.strip(MARK): value for name, value in attrs}
        for name, value in attrs.items():
            if value is None:
                continue
            visible = (
                name in TEXT_ATTRIBUTES
                or name.startswith("data-tekst")
                or name == "data-label"  # shown by the CSS of the stacked tables on a phone
                or (
                    name == "value"
                    and tag == "input"
                    and (attrs.get("type") or "").lower() in ("submit", "button", "reset")
                )
                or (name == "content" and tag == "meta" and (attrs.get("name") or "").lower() == "description")
                or (name == "label" and tag in ("optgroup", "option"))
            )
            if visible and _has_words(value):
                self.problems.append((self.getpos()[0], f'{tag} {name}="{" ".join(value.replace(MARK, " ").split())}"'))

    def handle_endtag(self, tag):
        if tag == self.raw:
            self.raw = None

    def handle_data(self, data):
        if self.raw is None:
            # a removed tag or variable ends a piece of text: each piece is reported on its own
            line = self.getpos()[0]
            for piece in data.split(MARK):
                if _has_words(piece):
                    self.problems.append((line + _leading_newlines(piece), " ".join(piece.split())))
                line += piece.count("\n")


def _leading_newlines(text: str) -> int:
    return text[: len(text) - len(text.lstrip())].count("\n")


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, text) for every piece of user-facing text in a template that is not translatable."""
    problems = []
    kept = []  # the template's text with every tag and variable removed, and translated text left out
    skipping = None  # the tag whose end closes the part left out
    for token in Lexer(source).tokenize():
        blank = "\n" * token.contents.count("\n")
        if token.token_type == TokenType.BLOCK:
            words = token.split_contents()
            name = words[0] if words else ""
            if skipping:
                if name == skipping:
                    skipping = None
                    blank = _mark(kept) + blank
                kept.append(blank)
                continue
            if name in ("blocktranslate", "blocktrans"):
                skipping = "end" + name
            elif name == "comment":
                skipping = "endcomment"
            elif name in ("verbatim",):
                skipping = "endverbatim"
            elif name not in ("translate", "trans"):
                problems += _literals(token)
            kept.append(_mark(kept) + blank)
        elif token.token_type == TokenType.VAR:
            if not skipping:
                problems += _literals(token)
            kept.append(_mark(kept) + blank)
        elif token.token_type == TokenType.COMMENT:
            kept.append(_mark(kept) + blank)
        elif skipping:
            kept.append(blank)
        else:
            kept.append(token.contents)
    checker = _Checker()
    checker.feed("".join(kept))
    checker.close()
    return sorted(problems + checker.problems)


def _mark(kept: list[str]) -> str:
    """The separator for a removed tag, or nothing inside an element's name (`<{% if tag %}{{ tag }}...`)."""
    before = "".join(kept[-10:]).rstrip(MARK + "\n")
    return "" if before.endswith(("<", "</")) else MARK


def _literals(token) -> list[tuple[int, str]]:
    return [
        (token.lineno, f"{{{token.contents}}}")
        for kind, _quote, literal in LITERAL_IN_TAG.findall(token.contents)
        if _has_words(literal) and (kind == "pluralize:" or not CODE.fullmatch(literal))
    ]


def _template_files():
    return sorted(p for p in TEMPLATES.rglob("*") if p.is_file() and p.suffix in (".html", ".txt"))


@pytest.mark.parametrize("path", _template_files(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_text_is_translatable(path):
    problems = untranslated(path.read_text(encoding="utf-8"))
    assert not problems, f"Untranslated text in templates/{path.relative_to(TEMPLATES)}:\n" + "\n".join(
        f"  line {line}: {text}" for line, text in problems
    )


def test_the_checker_finds_every_kind_of_untranslated_text():
    source = """{% load i18n %}<!DOCTYPE html>
<title>{% translate "Mine søknader" %} – ASA-registrering</title>
<meta name="description" content="Søk om registrering">
<p>Hei {{ navn }}</p>
<nav aria-label="Brødsmulesti"><a title="{% translate 'Til forsiden' %}">{{ x }}</a></nav>
<img alt="Logo" src="a.png"><input type="search" placeholder="Søk her">
<input type="submit" value="Send inn"><button type="submit" name="ok" value="1">{% translate "Lagre" %}</button>
{% if a %}Bør rettes{% else %}{% translate "Vurder" %}{% endif %}
{{ arena.laeringsmal|default:"(ingen)" }} {{ n }} søknad{{ n|pluralize:"er" }}
{% with side="Slett utkast" %}{{ side }}{% endwith %}
<div data-tekst-feil="Vi kunne ikke lese"></div>
"""
    found = [text for _line, text in untranslated(source)]
    assert any("Søk om registrering" in t for t in found)
    assert "Hei" in found
    assert any('aria-label="Brødsmulesti"' in t for t in found)
    assert any('alt="Logo"' in t for t in found)
    assert any('placeholder="Søk her"' in t for t in found)
    assert any('value="Send inn"' in t for t in found)
    assert "Bør rettes" in found
    assert any('default:"(ingen)"' in t for t in found)
    assert "søknad" in found
    assert any('pluralize:"er"' in t for t in found)
    assert any('side="Slett utkast"' in t for t in found)
    assert any("data-tekst-feil" in t for t in found)
    assert len(found) == 12, found


def test_the_checker_lets_translated_text_and_code_through():
    source = """{% load i18n %}
{# a comment with words #}{% comment %}Words here too{% endcomment %}
<!-- and here -->
<p class="lead" id="x" aria-label="{% translate 'Hovedmeny' %}">{% translate "Hopp til innholdet" %}</p>
{% blocktranslate trimmed with navn=soknad.navn count n=antall %}
  Søknaden fra {{ navn }} har {{ n }} læringsarena.
{% plural %}
  Søknaden fra {{ navn }} har {{ n }} læringsarenaer.
{% endblocktranslate %}
<script>var words = "not checked";</script><style>.a::after { content: "x"; }</style>
<button type="submit" name="fortsett" value="1">{% translate "Lagre og fortsett" %}</button>
{% if s.status == 'utkast' %}{{ s.dato|date:"j. F Y" }}{% endif %}{% url 'soknader:mine' %}
<p>Helsedirektoratet · <a href="mailto:godkjenning@helsedir.no">godkjenning@helsedir.no</a> · ALM, SAM, ARB</p>
<{% if tag %}{{ tag }}{% else %}div{% endif %} class="a">{{ forloop.counter }}. ({{ x }}) – ✓ ×
</{% if tag %}{{ tag }}{% else %}div{% endif %}>
"""
    assert untranslated(source) == []


@pytest.mark.django_db
def test_the_live_readings_sentences_come_translated_with_a_place_for_the_count():
    soknad = SoknadFactory()
    with translation.override("nn"):
        html = render_to_string("soknader/_tolkning.html", {"soknad": soknad})
    assert 'data-tekst-forstatt-en="Forstått som {n} læringsmål"' in html
    assert 'data-tekst-forelopig-flere="Det vi kunne lese, gir førebels {n} læringsmål"' in html
    assert 'data-tekst-feil="Vi kunne ikkje lese heile teksten. Rett dette, elles blir det ikkje talt med:"' in html
    assert 'data-tekst-ikke-rettet="Talet stemmer ikkje før teksten er retta."' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sprak, lines",
    [
        (
            "nb",
            [
                "Helsedirektoratet har mottatt søknaden fra Bodø kommune om registrering som utdanningsvirksomhet for "
                "allmennmedisin.",
                "",
                "Referanse: ASA-2026-0001",
                "Søknadsdato: 2. mars 2026",
                "",
                "Blir virksomheten registrert, gjelder registreringen fra søknadsdatoen. Oppgi referansen hvis du "
                "kontakter oss.",
                "",
                "Søknaden slik den ble sendt inn, ligger ved som PDF. Du finner den også her: https://asa.example/s/1",
                "",
                "Du får denne e-posten fordi adressen er oppgitt som kontaktperson i søknaden. Kjenner du ikke til "
                "søknaden, kan du se bort fra den.",
                "",
                "Vennlig hilsen",
                "Helsedirektoratet",
            ],
        ),
        (
            "nn",
            [
                "Helsedirektoratet har motteke søknaden frå Bodø kommune om registrering som utdanningsverksemd for "
                "allmennmedisin.",
                "",
                "Referanse: ASA-2026-0001",
                "Søknadsdato: 2. mars 2026",
                "",
                "Blir verksemda registrert, gjeld registreringa frå søknadsdatoen. Oppgi referansen dersom du "
                "kontaktar oss.",
                "",
                "Søknaden slik han vart sendt inn, ligg ved som PDF. Du finn han også her: https://asa.example/s/1",
                "",
                "Du får denne e-posten fordi adressa er oppgitt som kontaktperson i søknaden. Kjenner du ikkje til "
                "søknaden, kan du sjå bort frå han.",
                "",
                "Venleg helsing",
                "Helsedirektoratet",
            ],
        ),
    ],
)
def test_a_mail_keeps_its_lines_in_both_languages(sprak, lines):
    """One message per paragraph: `trimmed` joins the lines inside a paragraph, the blank lines between stay."""
    soknad = KomplettSoknadFactory(referanse="ASA-2026-0001", soknadsdato=datetime.date(2026, 3, 2))
    with translation.override(sprak):
        body = render_to_string("soknader/epost/kvittering.txt", {"soknad": soknad, "lenke": "https://asa.example/s/1"})
    assert body.strip("\n").split("\n") == lines
