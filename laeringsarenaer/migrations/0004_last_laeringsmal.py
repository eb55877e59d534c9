from django.db import migrations

from laeringsarenaer.katalog import load_catalogue


def forwards(apps, schema_editor):
    load_catalogue(apps.get_model("laeringsarenaer", "Laeringsmal"))


class Migration(migrations.Migration):
    dependencies = [("laeringsarenaer", "0003_laeringsmal")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
