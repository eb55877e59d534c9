"""Loaded the LM catalogue until November 2026. Reference data is now loaded by `manage.py last_referansedata`
(versioned by the data's own date, see brreg/referansedata.py), so this migration does nothing; it is kept so that
databases that ran it and new ones have the same migration history. A migration never imports app code."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("laeringsarenaer", "0003_laeringsmal")]
    operations = []
