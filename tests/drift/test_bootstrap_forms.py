"""A form drawn by templates/skjema/ (drift.bootstrap_forms): what a user, or a screen reader, meets on the page."""

import re

from django import forms
from django.template.loader import render_to_string

from drift.bootstrap_forms import BootstrapForm, Slot


class Eksempel(BootstrapForm, forms.Form):
    navn = forms.CharField(label="Navn", help_text="Som i registeret.", max_length=5)
    type = forms.ChoiceField(label="Type", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    fylke = forms.ChoiceField(label="Fylke", choices=[("", "Velg"), ("1", "Nordland")], required=False)
    bekreft = forms.BooleanField(label="Jeg bekrefter", required=False)
    skjult = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("Noe stemmer ikke.")


def draw(form) -> str:
    return render_to_string("skjema/skjema.html", {"form": form})


def test_an_error_stands_after_the_label_and_above_the_input_which_is_marked_invalid():
    html = draw(Eksempel({"navn": "for langt navn", "type": "x"}))
    label, error, field = (html.index(s) for s in ('for="id_navn"', 'id="id_navn_error"', 'name="navn"'))
    assert label < error < field
    tag = re.search(r"<input[^>]*name=\"navn\"[^>]*>", html).group()
    assert 'class="form-control is-invalid"' in tag and 'aria-invalid="true"' in tag
    assert 'value="for langt navn"' in tag  # what was typed stays
    assert '<span class="visually-hidden">Feil: </span>' in html


def test_the_hint_is_tied_to_its_input_and_choices_are_a_fieldset_with_a_legend():
    html = draw(Eksempel())
    tag = re.search(r"<input[^>]*name=\"navn\"[^>]*>", html).group()
    assert 'aria-describedby="id_navn_helptext"' in tag and 'id="id_navn_helptext"' in html
    assert re.search(
        r'<div id="div_id_type" class="mb-3">\s*<fieldset><legend class="form-label requiredField fs-6">', html
    )
    assert html.count('type="radio"') == 2 and 'class="form-check-input"' in html
    assert re.search(r'<select name="fylke" class="form-select"', html)
    assert re.search(r'<input type="checkbox" name="bekreft" class="form-check-input"', html)
    assert '<input type="hidden" name="skjult"' in html and 'id="div_id_skjult"' not in html


def test_radio_buttons_are_marked_invalid_and_a_form_wide_error_is_shown_once():
    html = draw(Eksempel({"navn": "ok", "type": "x"}))
    assert html.count('class="form-check-input is-invalid"') == 2
    assert html.count("Noe stemmer ikke.") == 1 and "alert alert-block alert-danger" in html


class Gruppert(Eksempel):
    def layout(self):
        yield Slot(legend="Om virksomheten", group=(Slot(field=self["navn"], after="skjema/hjelp.html"),))


def test_a_group_is_a_fieldset_and_only_the_slots_of_the_layout_are_drawn():
    form = Gruppert()
    html = render_to_string("skjema/skjema.html", {"form": form, "field": form["navn"]})
    assert re.search(r"<fieldset><legend>Om virksomheten</legend>\s*<div id=\"div_id_navn\"", html)
    assert 'name="type"' not in html
    assert html.count('id="id_navn_helptext"') == 2  # the template after it sees the page's context
