"""Forms drawn as Bootstrap 5 markup by our own templates (`templates/skjema/`), included in the page's context.

The markup is what crispy-forms' Bootstrap 5 pack drew, with our one change (a field's error message stands above
its input, after the label or legend: WCAG 3.3.1, as GOV.UK and Designsystemet do it), at a fraction of the cost
per field: no layout objects rendered one by one, no template per widget attribute. A form opts in with
`BootstrapForm` and is drawn with `{% include "skjema/skjema.html" %}`; `layout()` says what is drawn in which
order (every field by default; the søker's sections draw their groups as fieldsets).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django import forms
from django.forms.boundfield import BoundField

from .mixins import FormMixin

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# the CSS class of each kind of input (Bootstrap 5); `is-invalid` is added when the field has errors
_CSS = {"checkbox": "form-check-input", "select": "form-select", "input": "form-control"}


class BootstrapBoundField(BoundField):
    @cached_property
    def kind(self) -> str:
        """How the field is drawn: hidden, checkbox (one box), choices (radio buttons or boxes in a fieldset),
        select or input."""
        widget = self.field.widget
        if widget.is_hidden:
            return "hidden"
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            return "choices"
        if isinstance(widget, forms.CheckboxInput):
            return "checkbox"
        if isinstance(widget, forms.Select):
            return "select"
        return "input"

    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        if self.kind in _CSS:
            own = (widget or self.field.widget).attrs.get("class", "")
            classes = [*own.split(), _CSS[self.kind], *(["is-invalid"] if self.errors else [])]
            attrs["class"] = " ".join(dict.fromkeys(classes))
        return attrs

    @property
    def options(self) -> list[tuple[str | None, list[dict[str, Any]], int]]:
        """The radio buttons or boxes with their attributes (id, checked, the field's own), as the widget groups
        them: (group label or None, options, index)."""
        widget = self.field.widget
        id_ = widget.attrs.get("id") or self.auto_id
        attrs = self.build_widget_attrs({"id": id_} if id_ else {})
        return widget.optgroups(self.html_name, widget.format_value(self.value()), attrs)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Slot:
    """One place in a drawn form: a field, with a template included right after it in the page's context (e.g. the
    live reading of an LM text); or a group of slots under a heading (a fieldset with its legend)."""

    field: BoundField | None = None
    after: str = ""  # the name of a template included after the field
    legend: StrOrPromise = ""  # a group's heading
    group: tuple[Slot, ...] = ()


class BootstrapForm(FormMixin):
    """Form mix-in: drawn by templates/skjema/skjema.html, each field by templates/skjema/felt.html."""

    bound_field_class = BootstrapBoundField

    def layout(self) -> Iterator[Slot]:
        """What is drawn, in order: every field."""
        for name in self.fields:
            yield Slot(field=self[name])
