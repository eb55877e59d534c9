"""An application as plain data for the rules' tests: COMPLETE gives no finding; `change` alters it."""

import dataclasses

from soknader.regler.grunnlag import ArenaData, SoknadData
from soknader.regler.mangler import finn as find
from soknader.skjema import BEKREFTELSER

ALM = tuple(f"ALM-{i:03d}" for i in range(1, 89))  # the official list: ALM-001 … ALM-088
ARB = tuple(f"ARB-{i:03d}" for i in range(1, 121))
FKM = tuple(f"FKM-{i:03d}" for i in range(1, 15))  # the official del 2–3 list from 2026-03-01
FELT = {
    **dict.fromkeys(BEKREFTELSER, True),
    "hf_avtale_inngatt": True,
    "bht_godkjent_arbeidstilsynet": None,
    "veilederkompetanse": "ja",
    "veilederkompetanse_plan": "",
    # what the form requires besides (SvarMangler speaks of it when missing)
    "kontaktperson_navn": "Kari Nordmann",
    "kontaktperson_epost": "kari@bodo.kommune.no",
    "kontaktperson_telefon": "75 55 50 00",
    "dba_kontakt_navn": "Ola Nordmann",
    "dba_kontakt_epost": "ola@bodo.kommune.no",
    "dba_kontakt_telefon": "75 55 50 01",
    "hf_avtale_navn": "Nordlandssykehuset HF",
    "organisering": "Kommuneoverlegen har ansvaret.",
    "veiledere_ansatt": "egen_virksomhet",
    "kjent_med_oppgaver": "ja",
}


def arena(nummer=1, type="fastlege", plassering="egen", annen_virksomhet="", koder=ALM + FKM, feil=()):
    return ArenaData(nummer, type, plassering, annen_virksomhet, frozenset(koder), tuple(feil))


def sykehus(nummer=2, koder=("ALM-055", "ALM-085"), avtale=True):
    return dataclasses.replace(
        arena(nummer, "sykehus", "annen", "Nordlandssykehuset HF", koder), avtale_veiledning_supervisjon=avtale
    )


COMPLETE = SoknadData(
    spesialitet="ALM",
    virksomhetstype="kommune",
    er_kommune=True,
    felt=FELT,
    arenaer=(arena(koder=[k for k in ALM + FKM if k not in ("ALM-055", "ALM-085")]), sykehus()),
    spesialitet_koder=ALM,
    fkm_koder=FKM,
)


def codes(data) -> list[str]:
    return [f.kode for f in find(data)]


def change(**kwargs) -> SoknadData:
    return dataclasses.replace(COMPLETE, **kwargs)
