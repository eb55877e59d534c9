"""The judgement of an application, in one folder.

- `mangler.py`: what a caseworker would notice, as one list of declared rules (`REGLER`), one per
  `choices.Mangelkode` (a code no longer found keeps its rule in `UTGATTE`, to word findings stored before), each
  with its severity, what it reads and the sentence it rests on (`kilder.py`); the rules themselves by part of the
  application in `virksomhet.py`, `ansvar.py`, `arenaer.py` and `dekning.py`, on the plain data of `grunnlag.py`;
  `regel.py` says what a rule and a finding (code + params, worded when read) are.
- `vurdering.vurder()`: the one entry point (problems, findings, coverage) that submission, the PDF and the stored
  findings (`services.mangler_refresh`) ask; «Se over» and the status page ask `vurder_husket()`, the same judgement
  kept per process under a key of everything it reads.
- `status.py`: which status may follow which, and what each means for the søker.
- `hvem.py`: who may apply for what. `gyldig.py`: the format of a single value (phone number, attachment).

The form's own table (what each field asks, when it is required) is `soknader/skjema/`; completeness reads it.
Only `vurdering.py` reaches stored objects (through `seksjoner`); the rest imports no model module, so `models.py` and
`skjema/` may import from here.
"""
