"""Bases for mix-ins, so that the type checker checks a mix-in as the class it is mixed into.

A mix-in that calls `super()` or the methods of the class it is mixed into (a ModelAdmin, a form) names that class
as its base while type checking, and `object` when running: the concrete class lists the mix-in before that class
(`class SoknadAdmin(HandlingAdmin, admin.ModelAdmin)`), so `super()` reaches it there, as with Django's own mix-ins.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django import forms
    from django.contrib.admin import ModelAdmin

    AdminMixin = ModelAdmin[Any]
    FormMixin = forms.BaseForm
else:
    AdminMixin = FormMixin = object
