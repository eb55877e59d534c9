"""The judgement of an application, in one folder: who may apply (`hvem`), which status may follow which
(`status`), the format of a value (`gyldig`), and what a caseworker would notice (`mangler`: one declared rule per
`choices.Mangelkode`, each with its source sentence). `vurdering.vurder()` is the one entry point that the søker's
check-answers page, the PDF and the stored findings (`services.mangler_refresh`) ask.

The form's own table (what each field asks, when it is required) is `soknader/skjema.py`; completeness reads it.
Nothing here imports a model module, so `models.py` and `skjema.py` may import from here.
"""
