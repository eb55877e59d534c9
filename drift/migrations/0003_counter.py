# The rate limits' counter named in English, as infrastructure is (docs/ordliste.md); the table is renamed with it.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("drift", "0002_jobrun"),
    ]

    operations = [
        migrations.RenameModel("Teller", "Counter"),
    ]
