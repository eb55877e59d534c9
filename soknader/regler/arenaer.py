"""Findings about the arenas: none at all, and each arena on its own."""

from collections.abc import Iterator, Mapping
from typing import Any

from django.utils.translation import gettext

from .. import skjema
from ..choices import Alvorlighet, Mangelkode, Plassering, Seksjon
from .grunnlag import ArenaData, SoknadData
from .kilder import BRUKERVEILEDNING, VEILEDNING_KOMMUNER, Kilde
from .regel import ArenaRegel, Mangel, Regel


class IngenArena(Regel):
    kode = Mangelkode.INGEN_ARENA
    seksjon = Seksjon.LAERINGSARENAER
    leser = ("arenaer",)
    kilde = Kilde(
        VEILEDNING_KOMMUNER,
        "Alle læringsarenaene som vil bli brukt i spesialistutdanningen, skal føres inn i søknadsskjemaet.",
    )

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        if not data.arenaer:
            yield self.mangel()

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext("Søknaden har ingen læringsarenaer.")


class AnnenVirksomhetUtenNavn(ArenaRegel):
    kode = Mangelkode.ANNEN_VIRKSOMHET_UTEN_NAVN
    leser = ("arenaer.plassering", "arenaer.annen_virksomhet")
    kilde = Kilde(
        BRUKERVEILEDNING,
        'Om det velges "innen annen virksomhet", skal navn på denne virksomheten oppgis.',
    )

    def hit(self, arena: ArenaData) -> dict[str, Any] | None:
        return {} if arena.plassering == Plassering.ANNEN and not arena.annen_virksomhet.strip() else None

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext("Læringsarena %(nr)s er i en annen virksomhet, men navnet mangler.") % {"nr": params["nr"]}


class AvtaleUtenVeiledning(ArenaRegel):
    kode = Mangelkode.AVTALE_UTEN_VEILEDNING
    leser = ("arenaer.plassering", "arenaer.avtale_veiledning_supervisjon")
    kilde = Kilde(
        BRUKERVEILEDNING,
        "Dersom LIS skal gjennomføre tjeneste eller andre læringsaktiviteter i eller tilknyttet virksomheter som "
        "ikke er godkjente eller registrerte utdanningsvirksomheter, må det fremgå av avtalene hvordan veiledningen "
        "og supervisjonen vil bli ivaretatt.",
        lesning="Only an explicit «Nei» counts: an unanswered question is a problem of the form, not a finding.",
    )

    def hit(self, arena: ArenaData) -> dict[str, Any] | None:
        return {} if arena.plassering == Plassering.ANNEN and arena.avtale_veiledning_supervisjon is False else None

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext(
            "Læringsarena %(nr)s er i en annen virksomhet, og avtalen sikrer ikke veiledning og supervisjon av LIS der."
        ) % {"nr": params["nr"]}


class InstitusjonUtenAnbefalteForhold(ArenaRegel):
    """A warning: the guidance recommends, it does not require."""

    kode = Mangelkode.INSTITUSJON_UTEN_ANBEFALT
    alvorlighet = Alvorlighet.ADVARSEL
    leser = ("arenaer.type", "arenaer.koder", "arenaer.institusjon")
    kilde = Kilde(
        VEILEDNING_KOMMUNER,
        "For å oppnå disse to læringsmålene er det anbefalt at ALIS har tjeneste ved godkjent utdanningsvirksomhet "
        "innen kliniske spesialiteter, og/eller i kommunale helseinstitusjoner som har overlege i full stilling, kan "
        "tilby individuell veiledning og supervisjon og har organisert internundervisning.",
        lesning="Gjelder en kommunal institusjon (sykehjem, KAD) som skal dekke ALM-055 eller ALM-085; et ubesvart "
        "spørsmål teller som ikke oppfylt.",
    )

    def hit(self, arena: ArenaData) -> dict[str, Any] | None:
        if arena.type not in skjema.KOMMUNALE_INSTITUSJONER or not {"ALM-055", "ALM-085"} & arena.koder:
            return None
        svar = dict(arena.institusjon)
        mangler = [navn for navn in skjema.INSTITUSJONSSPORSMAL if svar.get(navn) is not True]
        return {"felt": mangler} if mangler else None

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext(
            "Læringsarena %(nr)s er en kommunal institusjon som skal dekke ALM-055/085, men har ikke svart ja på det "
            "Helsedirektoratet anbefaler: %(punkter)s"
        ) % {
            "nr": params["nr"],
            "punkter": ", ".join(f"«{skjema.INSTITUSJONSSPORSMAL[navn]}»" for navn in params["felt"]),
        }


class ArenaUtenLm(ArenaRegel):
    kode = Mangelkode.ARENA_UTEN_LM
    leser = ("arenaer.koder",)
    kilde = Kilde(
        VEILEDNING_KOMMUNER,
        "Det skal føres inn hvilke læringsmål som kan oppnås ved den enkelte læringsarena.",
    )

    def hit(self, arena: ArenaData) -> dict[str, Any] | None:
        return None if arena.koder else {}

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext("Læringsarena %(nr)s har ingen læringsmål.") % {"nr": params["nr"]}


class LmUgyldig(ArenaRegel):
    kode = Mangelkode.LM_UGYLDIG
    leser = ("arenaer.feil",)
    kilde = Kilde(
        BRUKERVEILEDNING,
        'Listen over læringsmål kan beskrives for eksempel med: "Alle", "Alle bortsett fra ...", eller ved å liste '
        'opp de læringsmål som kan oppnås ve læringsarenaen med læringsmål ID som; "ARB-014", "ALM 1-6", osv.',
        lesning="What the reader cannot read as such a list is quoted back, so the søker can write it again.",
    )

    def hit(self, arena: ArenaData) -> dict[str, Any] | None:
        return {"biter": [f["tekst"] for f in arena.feil]} if arena.feil else None

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext("Læringsarena %(nr)s: dette kunne ikke leses som læringsmål: %(biter)s.") % {
            "nr": params["nr"],
            "biter": "; ".join(f"«{bit}»" for bit in params["biter"]),
        }
