"""Issue 18: sessions that hold an ID token in clear (the fødselsnummer and the name, stored by the login before this
change, also for refused logins) are deleted (their users log in again), and the names ID-porten gave søkere are
taken off their users (the name now lives in the session only, encrypted)."""

from django.conf import settings
from django.db import migrations

TOKEN_KEYS = ("oidc_id_token", "oidc_access_token")


def remove_tokens_and_names(apps, schema_editor):
    from django.contrib.sessions.backends.db import SessionStore

    Session = apps.get_model("sessions", "Session")
    store = SessionStore()
    doomed = [
        key
        for key, data in Session.objects.values_list("session_key", "session_data").iterator()
        if any(k in store.decode(data) for k in TOKEN_KEYS)  # decode gives {} for what it cannot read
    ]
    for start in range(0, len(doomed), 500):
        Session.objects.filter(session_key__in=doomed[start : start + 500]).delete()
    User = apps.get_model(settings.AUTH_USER_MODEL)
    User.objects.filter(person__kilde="idporten").update(first_name="", last_name="")


class Migration(migrations.Migration):
    dependencies = [
        ("sessions", "0001_initial"),
        ("tilgang", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(remove_tokens_and_names, migrations.RunPython.noop)]
