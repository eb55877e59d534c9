from django.db import migrations

from brreg.kommuneregister import load_kommuneregister


def forwards(apps, schema_editor):
    load_kommuneregister(
        apps.get_model("brreg", "Helseregion"), apps.get_model("brreg", "Fylke"), apps.get_model("brreg", "Kommune")
    )


class Migration(migrations.Migration):
    dependencies = [("brreg", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
