"""Stored findings keep their rule's params (regler.mangler) and are worded when read, in the reader's language.

Rows written before this hold only the bokmål wording (`melding`). Their params are read back from that wording
where it can be done without the catalogue (every text was written in bokmål by one function); a row whose text
does not read back keeps params None and is shown as stored, until the application's next change or
`manage.py oppdater_mangler` recomputes it through the rules.
"""

from django.db import migrations, models

_GRUPPER = {"allmennmedisin": "ALM", "samfunnsmedisin": "SAM", "arbeidsmedisin": "ARB", "felles kompetansemål": "FKM"}


def _koder(tekst: str) -> list[str] | None:
    """The codes of a text `lmtekst.formater` wrote ("ALM 1-3, 55; FKM 2"), or None."""
    koder = []
    for del_ in tekst.split("; "):
        gruppe, _, tall = del_.strip().partition(" ")
        if gruppe not in _GRUPPER.values() or not tall:
            return None
        for bit in tall.split(", "):
            fra, _, til = bit.partition("-")
            if not fra.isdigit() or (til and not til.isdigit()):
                return None
            koder += [f"{gruppe}-{n:03d}" for n in range(int(fra), int(til or fra) + 1)]
    return koder


def _etter(tekst: str, foran: str, bak: str = ".") -> str | None:
    start = tekst.find(foran)
    if start < 0 or not tekst.endswith(bak):
        return None
    return tekst[start + len(foran) : len(tekst) - len(bak)]


def _ved_hf(melding: str, _nr, _spesialitet, _bekreftelser) -> dict | None:
    slutt = melding.find(" er ved sykehus")
    numre = melding[melding.rfind("Læringsarena ", 0, slutt) + len("Læringsarena ") : slutt] if slutt > 0 else ""
    if numre and not all(n.isdigit() for n in numre.split(", ")):
        return None
    return {"ved_hf": [int(n) for n in numre.split(", ")] if numre else []}


def _biter(melding: str, nr, _spesialitet, _bekreftelser) -> dict | None:
    biter = _etter(melding, "dette kunne ikke leses som læringsmål: «", "».")
    return {"nr": nr, "biter": biter.split("»; «")} if biter and nr else None


def _udekket(melding: str, _nr, _spesialitet, _bekreftelser) -> dict | None:
    koder = _koder(_etter(melding, "arena: ") or "")
    return {"koder": koder} if koder else None


def _usikker(melding: str, _nr, _spesialitet, _bekreftelser) -> dict | None:
    navn, _, rest = melding.removeprefix("Listen over læringsmål for ").partition(" er foreløpig: at ")
    koder = _koder(rest.partition(" finnes, er ikke bekreftet")[0])
    gruppe = _GRUPPER.get(navn)
    return {"gruppe": gruppe, "koder": koder} if koder and gruppe else None


def _ubekreftet(melding: str, _nr, _spesialitet, bekreftelser: dict) -> dict | None:
    """The confirmations not given are on the application itself; they must add up to the count in the text."""
    felt = [navn for navn, gitt in bekreftelser.items() if not gitt]
    return {"felt": felt} if felt and melding.partition(" ")[0] == str(len(felt)) else None


def _grunn(melding: str, *_args) -> dict:
    return {"grunn": "konkurs" if "konkurs" in melding else "under_avvikling" if "avvikling" in melding else "slettet"}


def _arena(_melding: str, nr, *_args) -> dict | None:
    return {"nr": nr} if nr else None


_LESERE = {
    "INGEN_ARENA": lambda *_args: {},
    "BHT_IKKE_GODKJENT": lambda *_args: {},
    "VEILEDERPLAN_MANGLER": lambda *_args: {},
    "ARENA_UTEN_LM": _arena,
    "ANNEN_VIRKSOMHET_UTEN_NAVN": _arena,
    "AVTALE_UTEN_VEILEDNING": _arena,
    "ALM055_MANGLER": lambda *_args: {"kode": "ALM-055"},
    "ALM085_MANGLER": lambda *_args: {"kode": "ALM-085"},
    "IKKE_KOMMUNE_ALM": lambda _melding, _nr, spesialitet, _bekreftelser: {"spesialitet": spesialitet},
    "VIRKSOMHET_SLETTET": _grunn,
    "HF_AVTALE_MANGLER": _ved_hf,
    "ALM055_085_UTEN_INSTITUSJON": lambda melding, *_args: {
        "koder": [k for k in ("ALM-055", "ALM-085") if k in melding.split(" dekkes")[0]]
    },
    "LM_UGYLDIG": _biter,
    "LM_UDEKKET": _udekket,
    "FKM_UDEKKET": _udekket,
    "DEKNING_USIKKER": _usikker,
    "ANSVAR_IKKE_BEKREFTET": _ubekreftet,
}


def params_fra_tekst(kode: str, melding: str, arena_nummer, spesialitet: str, bekreftelser: dict) -> dict | None:
    """The params of one stored finding, read back from its bokmål wording; None when it cannot be read."""
    leser = _LESERE.get(kode)
    return leser(melding, arena_nummer, spesialitet, bekreftelser) if leser else None


BEKREFTELSER_SOM_KREVES = (  # required of every applicant: skjema.BEKREFTELSER but open practice (kommune + ALM)
    "ansvar_forskrift",
    "ansvar_helhetlig_utdanningslop",
    "ansvar_veileder_oppnevnes",
    "ansvar_supervisjon",
    "ansvar_vurdering_lm",
    "ansvar_kompetanseportal",
    "ansvar_databehandleravtale",
    "ansvar_bekreftelse_tjeneste",
)


def fyll_params(apps, schema_editor):
    Mangel = apps.get_model("soknader", "Mangel")
    rader = Mangel.objects.filter(params__isnull=True).select_related("soknad", "soknad__virksomhet")
    endret = []
    for mangel in rader.iterator(chunk_size=500):
        soknad = mangel.soknad
        bekreftelser = {navn: getattr(soknad, navn) for navn in BEKREFTELSER_SOM_KREVES}
        if soknad.spesialitet == "ALM" and soknad.virksomhet.er_kommune:  # required of a kommune applying for ALM
            bekreftelser["ansvar_apen_uselektert_praksis"] = soknad.ansvar_apen_uselektert_praksis
        params = params_fra_tekst(mangel.kode, mangel.melding, mangel.arena_nummer, soknad.spesialitet, bekreftelser)
        if params is not None:
            mangel.params = params
            endret.append(mangel)
        if len(endret) >= 500:
            Mangel.objects.bulk_update(endret, ["params"])
            endret = []
    Mangel.objects.bulk_update(endret, ["params"])


class Migration(migrations.Migration):
    dependencies = [
        ("soknader", "0010_soknad_sprak"),
    ]

    operations = [
        migrations.AddField(
            model_name="mangel",
            name="params",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="verdier"),
        ),
        migrations.RunPython(fyll_params, migrations.RunPython.noop, elidable=True),
    ]
