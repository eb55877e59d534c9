"""The catalogue from the official lists (spesialistforskriften vedlegg 2): sections, long titles, the old common
objectives (group LM), no provisional rows. The arena's partial objectives are soknader 0016.

Going back (as far as soknader 0013 takes this app with it) shortens titles and sources to the old columns' widths
first: PostgreSQL refuses to narrow a column over longer values, and the old version loads its own catalogue again."""

from django.db import migrations, models
from django.db.models.functions import Left


def kort_til_gamle_bredder(apps, schema_editor):
    Laeringsmal = apps.get_model("laeringsarenaer", "Laeringsmal")
    Laeringsmal.objects.update(kilde=Left("kilde", 300), tittel=Left("tittel", 500))


class Migration(migrations.Migration):
    dependencies = [
        ("laeringsarenaer", "0007_laeringsarena_til_soknader"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="laeringsmal",
            name="forelopig",
        ),
        migrations.AddField(
            model_name="laeringsmal",
            name="seksjon",
            field=models.CharField(
                blank=True,
                help_text="Seksjonen i forskriften, for eksempel «21.4 Kommunikasjon og samhandling».",
                max_length=100,
                verbose_name="seksjon",
            ),
        ),
        migrations.AlterField(
            model_name="laeringsmal",
            name="gruppe",
            field=models.CharField(
                choices=[
                    ("ALM", "Allmennmedisin"),
                    ("SAM", "Samfunnsmedisin"),
                    ("ARB", "Arbeidsmedisin"),
                    ("FKM", "Felles kompetansemål"),
                    ("LM", "Felles kompetansemål til 28.02.2026 (LM)"),
                ],
                max_length=3,
                verbose_name="gruppe",
            ),
        ),
        migrations.AlterField(
            model_name="laeringsmal",
            name="kilde",
            field=models.CharField(blank=True, max_length=500, verbose_name="kilde"),
        ),
        migrations.AlterField(
            model_name="laeringsmal",
            name="tittel",
            field=models.TextField(blank=True, verbose_name="tittel"),
        ),
        # backwards this runs first, before the columns are narrowed again
        migrations.RunPython(migrations.RunPython.noop, kort_til_gamle_bredder, elidable=True),
    ]
