"""Django's own user and group admins, with form fields that answer bad input with a message (drift.inndata)."""

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .inndata import TrygtSkjema

admin.site.unregister(Group)
admin.site.unregister(get_user_model())


@admin.register(Group)
class GroupAdmin(TrygtSkjema, auth_admin.GroupAdmin):
    pass


@admin.register(get_user_model())
class UserAdmin(TrygtSkjema, auth_admin.UserAdmin):
    pass
