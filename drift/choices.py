"""`get_FOO_display` for translated choices, without Django's cost per call.

Django builds a dict of every choice of the field on each call (`Model._get_FIELD_display`), hashing each label;
with translated (lazy) labels every hash is a catalogue lookup. A review page with 30 arenas made some 2,000 of
them, a fifth of its time. Here the labels are looked up once per field and language and kept.
"""

import functools

from django.conf import settings
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


@functools.cache
def _etiketter(field, sprak: str) -> dict:
    with translation.override(sprak):
        return {make_hashable(value): str(label) for value, label in field.flatchoices}


class FastChoices:
    """A model mix-in: `get_FOO_display()` answers from labels kept per field and language."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        sprak = translation.get_language() or settings.LANGUAGE_CODE
        return force_str(_etiketter(field, sprak).get(make_hashable(value), value), strings_only=True)
