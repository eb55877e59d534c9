"""Bulk actions on the selected cases (issue 21): start the review, send the same anmodning, register the clean
ones. Each after one confirmation page listing what will be done to which case and what is left out; then all in
one transaction (services.masse). Mixed into SoknadAdmin."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from drift.mixins import AdminMixin

from ..roles import BEHANDLE_SOKNAD
from ..services import errors, masse
from .forms import MasseAnmodningForm


class IngenFelt(forms.Form):
    pass


class MasseAdmin(AdminMixin):
    def has_behandle_permission(self, request) -> bool:
        return request.user.has_perm(BEHANDLE_SOKNAD)

    @admin.action(description=_("Start behandling av de valgte"), permissions=["behandle"])
    def masse_start(self, request, queryset):
        return self._masse(request, queryset, "masse_start", masse.kan_starte, IngenFelt, masse.soknader_start_review)

    @admin.action(description=_("Send samme anmodning til de valgte"), permissions=["behandle"])
    def masse_anmodning(self, request, queryset):
        return self._masse(
            request,
            queryset,
            "masse_anmodning",
            masse.kan_anmodes,
            MasseAnmodningForm,
            masse.soknader_request_information,
        )

    @admin.action(description=_("Registrer de valgte som ikke har mangler"), permissions=["behandle"])
    def masse_registrer(self, request, queryset):
        return self._masse(request, queryset, "masse_registrer", masse.rene, IngenFelt, masse.soknader_register)

    def _masse(self, request, queryset, action, velg, form_class, service):
        """The confirmation page; on its "Bekreft", the action on every case it listed, or on none."""
        ok, utenfor = velg(list(queryset.order_by("pk")))
        form = form_class(request.POST if "bekreft" in request.POST else None)
        if "bekreft" in request.POST and ok and form.is_valid():
            try:
                antall = service(soknader=ok, bruker=request.user, **form.cleaned_data)
            except errors.TransitionRefused as refused:
                self.message_user(
                    request, gettext("Ingenting er gjort: %(feil)s") % {"feil": refused.melding}, messages.ERROR
                )
                return None
            melding = ngettext("%(antall)d søknad er behandlet.", "%(antall)d søknader er behandlet.", antall)
            self.message_user(request, melding % {"antall": antall}, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Bekreft: %(handling)s") % {"handling": getattr(self, action).short_description},
            "action": action,
            "ok": ok,
            "utenfor": utenfor,
            "valgt": [s.pk for s in ok + utenfor],
            "form": form,
            "checkbox": helpers.ACTION_CHECKBOX_NAME,
            "vedtaksdato": timezone.localdate() if action == "masse_registrer" else None,
        }
        return TemplateResponse(request, "admin/soknader/soknad/masse_bekreft.html", context)
