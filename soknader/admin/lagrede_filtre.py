"""Saved filters in the work queue (issue 21): a caseworker saves the queue's current filter and search under a
name, finds their own as links at the top of the queue, and deletes them. Never shown to anyone else. Writes go
through services.lagrede_filtre. Mixed into SoknadAdmin."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from drift.mixins import AdminMixin

from ..roles import BEHANDLE_SOKNAD
from ..services import errors, lagrede_filtre
from .forms import LagretFilterForm


class LagredeFiltreAdmin(AdminMixin):
    change_list_template = "admin/soknader/soknad/change_list.html"

    def filter_urls(self):
        return [
            path(
                "filter/lagre/", self.admin_site.admin_view(self.lagre_filter_view), name="soknader_soknad_lagre_filter"
            ),
            path(
                "filter/<int:filter_id>/slett/",
                self.admin_site.admin_view(self.slett_filter_view),
                name="soknader_soknad_slett_filter",
            ),
        ]

    def changelist_view(self, request, extra_context=None):
        """The queue with the user's own saved filters (one query) and the form that saves the current one."""
        if request.user.has_perm(BEHANDLE_SOKNAD):
            extra_context = {
                "lagrede_filtre": list(lagrede_filtre.filtre_for(request.user)),
                "lagre_filter_form": LagretFilterForm(
                    initial={"sporring": request.GET.urlencode()}, auto_id="sb-filter-%s"
                ),
                **(extra_context or {}),
            }
        return super().changelist_view(request, extra_context)

    def _til_koen(self, sporring=""):
        return HttpResponseRedirect(reverse("admin:soknader_soknad_changelist") + (f"?{sporring}" if sporring else ""))

    def lagre_filter_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        form = LagretFilterForm(request.POST)
        if not form.is_valid():
            self.message_user(request, str(next(iter(form.errors.values()))[0]), messages.ERROR)
            return self._til_koen(request.POST.get("sporring", ""))
        try:
            lagret = lagrede_filtre.filter_save(bruker=request.user, **form.cleaned_data)
        except errors.TransitionRefused as refused:
            self.message_user(request, refused.melding, messages.ERROR)
            return self._til_koen()
        self.message_user(request, gettext("Filteret «%(navn)s» er lagret.") % {"navn": lagret.navn}, messages.SUCCESS)
        return self._til_koen(lagret.sporring)

    def slett_filter_view(self, request, filter_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            lagrede_filtre.filter_delete(bruker=request.user, filter_id=filter_id)
        except errors.TransitionRefused as refused:
            self.message_user(request, refused.melding, messages.ERROR)
        else:
            self.message_user(request, gettext("Filteret er slettet."), messages.SUCCESS)
        tilbake = request.POST.get("neste", "")
        if tilbake and url_has_allowed_host_and_scheme(tilbake, allowed_hosts={request.get_host()}):
            return HttpResponseRedirect(tilbake)
        return self._til_koen()
