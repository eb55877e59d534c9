"""Django's own user and group admins, with form fields that answer bad input with a message (drift.input)."""

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .input import SafeForm
from .models import JobRun

admin.site.unregister(Group)
admin.site.unregister(get_user_model())


@admin.register(Group)
class GroupAdmin(SafeForm, auth_admin.GroupAdmin):
    pass


@admin.register(get_user_model())
class UserAdmin(SafeForm, auth_admin.UserAdmin):
    pass


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    """The daily jobs' runs, read only: what each did, or why it failed (drift/jobs.py)."""

    list_display = ["jobb", "dag", "startet", "ferdig", "resultat", "kort_tekst"]
    list_filter = ["resultat", "jobb"]
    date_hierarchy = "dag"
    readonly_fields = ["jobb", "dag", "startet", "ferdig", "resultat", "tekst", "prosess"]

    @admin.display(description=_("tekst"))
    def kort_tekst(self, run: JobRun) -> str:
        return run.tekst[:120]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
