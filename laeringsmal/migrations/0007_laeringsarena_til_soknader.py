"""Læringsarena now lives in soknader (soknader 0011 took it over, same table): removed from this app's state only.
The table laeringsarenaer_laeringsarena stays, with its rows; the database is not touched."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("laeringsarenaer", "0006_feil_per_sprak"),
        ("soknader", "0014_laeringsarena_fra_laeringsarenaer"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Laeringsarena")],
            database_operations=[],
        ),
    ]
