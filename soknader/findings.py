"""Findings ("mangler"): what a caseworker would ask for, computed from the application's data.

`find(data)` is a plain function: an `ApplicationData` in, a list of `Finding` out. No ORM and no
request, so the søker's check-answers page, the admin, the export and the regional view all ask the
same function. `application_data()` builds the input from stored objects.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, ngettext

from laeringsarenaer.choices import Arenatype, Plassering
from laeringsarenaer.lmtekst import formater, kort_tittel

from . import completeness, skjema
from .choices import Alvorlighet, Mangelkode, Seksjon, Spesialitet
from .models import Soknad

INSTITUSJONER = frozenset({Arenatype.SYKEHUS, Arenatype.PSYKISK_HELSEVERN, Arenatype.KAD, Arenatype.SYKEHJEM})
HELSEFORETAK = frozenset({Arenatype.SYKEHUS, Arenatype.PSYKISK_HELSEVERN})
INSTITUSJONSMAL = ("ALM-055", "ALM-085")


@dataclass(frozen=True)
class Finding:
    kode: str
    alvorlighet: str
    melding: str
    seksjon: str
    arena_nummer: int | None = None

    @property
    def label(self) -> str:
        return Mangelkode(self.kode).label


@dataclass(frozen=True)
class ArenaData:
    nummer: int  # 1-based, as the user sees it
    type: str
    plassering: str
    annen_virksomhet: str
    koder: frozenset[str]
    feil: tuple[Mapping[str, str], ...] = ()
    avtale_veiledning_supervisjon: bool | None = None  # for an arena in another organisation


@dataclass(frozen=True)
class ApplicationData:
    spesialitet: str
    virksomhetstype: str
    er_kommune: bool
    felt: Mapping[str, Any]  # the application's own fields (sections 1–3)
    arenaer: tuple[ArenaData, ...]
    spesialitet_koder: tuple[str, ...]  # the specialty's objectives in force
    fkm_koder: tuple[str, ...]  # the common objectives in force
    titler: Mapping[str, str] = field(default_factory=dict)  # code → official title, for naming a few codes
    virksomhet_slettet: bool = False
    virksomhet_konkurs: bool = False
    virksomhet_under_avvikling: bool = False

    @property
    def kontekst(self) -> skjema.Kontekst:
        return skjema.Kontekst(self.spesialitet, self.virksomhetstype, self.er_kommune)


def _mangel(kode, melding, seksjon, arena=None) -> Finding:
    return Finding(kode, Alvorlighet.MANGEL, melding, seksjon, arena)


def _advarsel(kode, melding, seksjon, arena=None) -> Finding:
    return Finding(kode, Alvorlighet.ADVARSEL, melding, seksjon, arena)


def _liste(numre: Iterable[int]) -> str:
    return ", ".join(str(n) for n in numre)


def _med_titler(koder: list[str], titler: Mapping[str, str], maks: int = 3) -> str:
    """A few codes with their titles shortened ("ALM-055 Samhandling med godkjente …"), many as compact text."""
    if len(koder) > maks or not any(k in titler for k in koder):
        return formater(koder)
    return "; ".join(f"{k} {kort_tittel(titler[k], 70)}" if k in titler else k for k in koder)


def _og(deler: list[str]) -> str:
    """«ALM-055» or «ALM-055 og ALM-085»."""
    if len(deler) < 2:
        return "".join(deler)
    return gettext("%(liste)s og %(siste)s") % {"liste": ", ".join(deler[:-1]), "siste": deler[-1]}


def find(data: ApplicationData) -> list[Finding]:
    """Every finding for an application, in a stable order (organisation, sections, arenas, coverage)."""
    result: list[Finding] = []
    felt = data.felt
    kontekst = data.kontekst
    alm = data.spesialitet == Spesialitet.ALM

    if data.virksomhet_slettet:
        result.append(
            _mangel(
                Mangelkode.VIRKSOMHET_SLETTET,
                gettext("Virksomheten er slettet i Enhetsregisteret."),
                Seksjon.VIRKSOMHET,
            )
        )
    elif data.virksomhet_konkurs or data.virksomhet_under_avvikling:
        melding = (
            gettext("Enhetsregisteret sier at virksomheten er konkurs.")
            if data.virksomhet_konkurs
            else gettext("Enhetsregisteret sier at virksomheten er under avvikling.")
        )
        result.append(_advarsel(Mangelkode.VIRKSOMHET_SLETTET, melding, Seksjon.VIRKSOMHET))
    if not skjema.kan_soke(data.spesialitet, data.er_kommune):
        result.append(
            _mangel(
                Mangelkode.IKKE_KOMMUNE_ALM,
                gettext("%(spesialitet)s er søkt av en virksomhet som ikke er en kommune.")
                % {"spesialitet": Spesialitet(data.spesialitet).label},
                Seksjon.VIRKSOMHET,
            )
        )
    if completeness.gjelder(skjema.FELT["bht_godkjent_arbeidstilsynet"], kontekst) and (
        felt.get("bht_godkjent_arbeidstilsynet") is not True
    ):
        result.append(
            _mangel(
                Mangelkode.BHT_IKKE_GODKJENT,
                gettext("Bedriftshelsetjenesten har ikke bekreftet at den er godkjent av Arbeidstilsynet."),
                Seksjon.ANSVAR,
            )
        )

    ubekreftet = completeness.ubekreftede(felt, kontekst)
    if ubekreftet:
        labels = "; ".join(str(skjema.etikett(name)) for name in ubekreftet)
        result.append(
            _mangel(
                Mangelkode.ANSVAR_IKKE_BEKREFTET,
                ngettext(
                    "%(antall)d av ansvarspunktene er ikke bekreftet: %(punkter)s.",
                    "%(antall)d av ansvarspunktene er ikke bekreftet: %(punkter)s.",
                    len(ubekreftet),
                )
                % {"antall": len(ubekreftet), "punkter": labels},
                Seksjon.ANSVAR,
            )
        )
    if "veilederkompetanse_plan" in completeness.problems(skjema.FORHOLD, felt, kontekst):
        result.append(
            _mangel(
                Mangelkode.VEILEDERPLAN_MANGLER,
                gettext(
                    "Veilederne mangler helt eller delvis veilederkompetanse, og det er ingen plan for "
                    "hvordan de skal få den."
                ),
                Seksjon.FORHOLD,
            )
        )

    arenaer = data.arenaer
    # The guidance asks every kommune to tick the agreement on ALM 055/085 and says those without one will be
    # contacted: the finding fires whenever the box is not ticked (a hospital arena elsewhere is no substitute).
    if completeness.gjelder(skjema.FELT["hf_avtale_inngatt"], kontekst) and not felt.get("hf_avtale_inngatt"):
        ved_hf = [a.nummer for a in arenaer if a.type in HELSEFORETAK and a.plassering == Plassering.ANNEN]
        melding = gettext(
            "Det er ikke krysset av for en avtale med helseforetak eller annen virksomhet om "
            "læringsmålene ALM-055 og ALM-085. Veiledningen sier at kommuner uten slik avtale "
            "skal kontaktes."
        )
        if ved_hf:
            hint = gettext(
                "Læringsarena %(nr)s er ved sykehus eller psykisk helsevern i en annen virksomhet: finnes "
                "avtalen, må det krysses av for den."
            ) % {"nr": _liste(ved_hf)}
            melding = f"{melding} {hint}"  # two whole sentences, each translated
        result.append(
            _mangel(
                Mangelkode.HF_AVTALE_MANGLER,
                melding,
                Seksjon.ANSVAR,
            )
        )
    if not arenaer:
        result.append(
            _mangel(Mangelkode.INGEN_ARENA, gettext("Søknaden har ingen læringsarenaer."), Seksjon.LAERINGSARENAER)
        )
        return result

    for arena in arenaer:
        if arena.plassering == Plassering.ANNEN and not arena.annen_virksomhet.strip():
            result.append(
                _mangel(
                    Mangelkode.ANNEN_VIRKSOMHET_UTEN_NAVN,
                    gettext("Læringsarena %(nr)s er i en annen virksomhet, men navnet mangler.") % {"nr": arena.nummer},
                    Seksjon.LAERINGSARENAER,
                    arena.nummer,
                )
            )
        if arena.plassering == Plassering.ANNEN and arena.avtale_veiledning_supervisjon is False:
            result.append(
                _mangel(
                    Mangelkode.AVTALE_UTEN_VEILEDNING,
                    gettext(
                        "Læringsarena %(nr)s er i en annen virksomhet, og avtalen sikrer ikke "
                        "veiledning og supervisjon av LIS der."
                    )
                    % {"nr": arena.nummer},
                    Seksjon.LAERINGSARENAER,
                    arena.nummer,
                )
            )
        if not arena.koder:
            result.append(
                _mangel(
                    Mangelkode.ARENA_UTEN_LM,
                    gettext("Læringsarena %(nr)s har ingen læringsmål.") % {"nr": arena.nummer},
                    Seksjon.LAERINGSARENAER,
                    arena.nummer,
                )
            )
        if arena.feil:
            biter = "; ".join(f"«{f['tekst']}»" for f in arena.feil)
            result.append(
                _mangel(
                    Mangelkode.LM_UGYLDIG,
                    gettext("Læringsarena %(nr)s: dette kunne ikke leses som læringsmål: %(biter)s.")
                    % {"nr": arena.nummer, "biter": biter},
                    Seksjon.LAERINGSARENAER,
                    arena.nummer,
                )
            )

    dekket: set[str] = set().union(*(a.koder for a in arenaer))
    if alm:
        koder = (Mangelkode.ALM055_MANGLER, Mangelkode.ALM085_MANGLER)
        for kode, mangelkode in zip(INSTITUSJONSMAL, koder, strict=True):
            if kode not in dekket:
                result.append(
                    _mangel(
                        mangelkode,
                        gettext("Ingen læringsarena dekker %(kode)s.")
                        % {"kode": f"{kode} {kort_tittel(data.titler[kode], 70)}" if kode in data.titler else kode},
                        Seksjon.LAERINGSARENAER,
                    )
                )
        uten_institusjon = [
            kode
            for kode in INSTITUSJONSMAL
            if kode in dekket and not any(kode in a.koder and a.type in INSTITUSJONER for a in arenaer)
        ]
        if uten_institusjon:
            result.append(
                _advarsel(
                    Mangelkode.ALM055_085_UTEN_INSTITUSJON,
                    ngettext(
                        "%(koder)s dekkes bare ved arenaer som ikke er sykehus, psykisk helsevern, KAD eller sykehjem.",
                        "%(koder)s dekkes bare ved arenaer som ikke er sykehus, psykisk helsevern, KAD eller sykehjem.",
                        len(uten_institusjon),
                    )
                    % {"koder": _og(uten_institusjon)},
                    Seksjon.LAERINGSARENAER,
                )
            )
    result += _dekning(data.spesialitet, data.spesialitet_koder, dekket, data.titler)
    result += _dekning("FKM", data.fkm_koder, dekket, data.titler)
    return result


def _dekning(gruppe: str, koder: Iterable[str], dekket: set[str], titler: Mapping[str, str]) -> list[Finding]:
    """Objectives no arena covers (every list is official: spesialistforskriften vedlegg 2)."""
    udekket = [k for k in koder if k not in dekket]
    if not udekket:
        return []
    if gruppe == "FKM":
        return [
            _mangel(
                Mangelkode.FKM_UDEKKET,
                ngettext(
                    "%(antall)d felles kompetansemål er ikke plassert på noen arena: %(koder)s.",
                    "%(antall)d felles kompetansemål er ikke plassert på noen arena: %(koder)s.",
                    len(udekket),
                )
                % {"antall": len(udekket), "koder": _med_titler(udekket, titler)},
                Seksjon.LAERINGSARENAER,
            )
        ]
    return [
        _mangel(
            Mangelkode.LM_UDEKKET,
            ngettext(
                "%(antall)d læringsmål dekkes ikke av noen arena: %(koder)s.",
                "%(antall)d læringsmål dekkes ikke av noen arena: %(koder)s.",
                len(udekket),
            )
            % {"antall": len(udekket), "koder": _med_titler(udekket, titler)},
            Seksjon.LAERINGSARENAER,
        )
    ]


# ---- building the input from stored objects ---------------------------------------------------------


def application_data(soknad: Soknad, arenaer, katalog) -> ApplicationData:
    """The input of `find` for a stored application, its arenas (in order) and the catalogue in force."""
    virksomhet = soknad.virksomhet
    return ApplicationData(
        spesialitet=soknad.spesialitet,
        virksomhetstype=soknad.virksomhetstype,
        er_kommune=virksomhet.er_kommune,
        felt={name: getattr(soknad, name) for name in skjema.SOKNAD_FELT},
        arenaer=tuple(
            ArenaData(
                nummer=nummer,
                type=a.type,
                plassering=a.plassering,
                annen_virksomhet=a.annen_virksomhet,
                koder=frozenset(a.laeringsmal_koder or ()),
                feil=tuple(a.laeringsmal_feil or ()),
                avtale_veiledning_supervisjon=a.avtale_veiledning_supervisjon,
            )
            for nummer, a in enumerate(arenaer, start=1)
        ),
        spesialitet_koder=tuple(katalog.gruppe(soknad.spesialitet)),
        fkm_koder=tuple(katalog.gruppe(katalog.felles())),
        titler=katalog.titler,
        virksomhet_slettet=virksomhet.slettet,
        virksomhet_konkurs=virksomhet.konkurs,
        virksomhet_under_avvikling=virksomhet.under_avvikling,
    )
