"""An arena's partial objectives («ALM 55 (delvis)»): the column on the arena's table (laeringsarenaer_laeringsarena),
added here once, now that the model lives in soknader."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("soknader", "0017_mangelkode_svar"),
    ]

    operations = [
        migrations.AddField(
            model_name="laeringsarena",
            name="laeringsmal_delvis",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Koder teksten sier kan oppnås delvis («ALM 55 (delvis)»); de er også med i de tolkede kodene.",
                verbose_name="læringsmål som bare delvis kan oppnås",
            ),
        ),
    ]
