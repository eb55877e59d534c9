"""Læringsarena moves here from the app labelled laeringsarenaer (the package laeringsmal): in Django's state only.

The table keeps its name (`db_table`) and its rows; nothing in the database changes but the content type's app
label, so that the permissions given on arenas (to the caseworker group or to one user) and the admin's log of
changes to them follow the model. laeringsarenaer 0007 then removes the model from that app's state.
"""

import django.db.models.deletion
from django.db import migrations, models


def _flytt_innholdstype(fra: str, til: str):
    def flytt(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        rows = ContentType.objects.using(schema_editor.connection.alias)
        if not rows.filter(app_label=til, model="laeringsarena").exists():
            rows.filter(app_label=fra, model="laeringsarena").update(app_label=til)
        ContentType.objects.clear_cache()

    return flytt


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("laeringsarenaer", "0006_feil_per_sprak"),
        ("soknader", "0013_mangelkode_apen_praksis"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Laeringsarena",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "type",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("fastlege", "Fastlegekontor"),
                                    ("legevakt", "Legevakt"),
                                    ("kad", "Kommunal akutt døgnenhet (KAD)"),
                                    ("sykehjem", "Sykehjem/helsehus"),
                                    ("helsestasjon", "Helsestasjon og skolehelsetjeneste"),
                                    ("fengselshelsetjeneste", "Fengselshelsetjeneste"),
                                    ("annen_kommunal", "Annen kommunal tjeneste"),
                                    ("samfunnsmedisin", "Samfunnsmedisinsk enhet/kommuneoverlege"),
                                    ("sykehus", "Sykehusavdeling (helseforetak)"),
                                    ("psykisk_helsevern", "Psykisk helsevern/DPS"),
                                    ("bht", "Bedriftshelsetjeneste"),
                                    ("arbeidsmedisinsk_avdeling", "Arbeidsmedisinsk avdeling"),
                                    ("stami", "Statens arbeidsmiljøinstitutt (STAMI)"),
                                    ("statlig", "Statlig etat (FHI, statsforvalter o.l.)"),
                                    ("annet", "Annet"),
                                ],
                                max_length=30,
                                verbose_name="type læringsarena",
                            ),
                        ),
                        (
                            "plassering",
                            models.CharField(
                                blank=True,
                                choices=[("egen", "Innen egen virksomhet"), ("annen", "Innen annen virksomhet")],
                                max_length=10,
                                verbose_name="læringsarenaen befinner seg",
                            ),
                        ),
                        (
                            "annen_virksomhet",
                            models.CharField(blank=True, max_length=200, verbose_name="navn på annen virksomhet"),
                        ),
                        (
                            "ny_veileder",
                            models.BooleanField(
                                blank=True,
                                null=True,
                                verbose_name="Skal LIS få ny veileder under oppholdet ved denne arenaen?",
                            ),
                        ),
                        (
                            "avtale_veiledning_supervisjon",
                            models.BooleanField(
                                blank=True,
                                null=True,
                                verbose_name="Sikrer avtalen med den andre virksomheten veiledning og supervisjon av LIS ved denne arenaen?",
                            ),
                        ),
                        ("laeringsmal", models.TextField(blank=True, verbose_name="læringsmål som kan oppnås her")),
                        (
                            "laeringsmal_koder",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Kodene teksten ble tolket til, sortert.",
                                verbose_name="læringsmål (tolket)",
                            ),
                        ),
                        (
                            "laeringsmal_feil",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Deler av teksten som ikke kunne tolkes: [{tekst, melding, meldinger: {nb, nn}}].",
                                verbose_name="læringsmål som ikke kunne leses",
                            ),
                        ),
                        (
                            "supervisjon",
                            models.JSONField(blank=True, default=list, verbose_name="supervisjon vil foregå ved"),
                        ),
                        ("supervisjon_annet", models.TextField(blank=True, verbose_name="annen supervisjon")),
                        ("opprettet", models.DateTimeField(auto_now_add=True, verbose_name="opprettet")),
                        ("endret", models.DateTimeField(auto_now=True, verbose_name="sist endret")),
                        (
                            "soknad",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="laeringsarenaer",
                                to="soknader.soknad",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "læringsarena",
                        "verbose_name_plural": "læringsarenaer",
                        "db_table": "laeringsarenaer_laeringsarena",
                        "ordering": ["soknad", "pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            _flytt_innholdstype("laeringsarenaer", "soknader"),
            _flytt_innholdstype("soknader", "laeringsarenaer"),
            elidable=False,
        ),
    ]
