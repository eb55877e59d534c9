"""Who may apply for what: the one place for the rule (start page, copy, the form's type check, the findings).

The guide: "En registrert utdanningsvirksomhet er en kommune som er registrert [...] i spesialiteten
allmennmedisin. For spesialitetene samfunnsmedisin og arbeidsmedisin, er en registrert utdanningsvirksomhet en
kommune eller en annen offentlig virksomhet eller en privat virksomhet".
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import Spesialitet
from .kilder import BRUKERVEILEDNING, Kilde

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

KILDE = Kilde(
    BRUKERVEILEDNING,
    "En registrert utdanningsvirksomhet er en kommune som er registrert for å legge til rette for gjennomføring av "
    "utdanning i spesialiteten allmennmedisin. For spesialitetene samfunnsmedisin og arbeidsmedisin, er en "
    "registrert utdanningsvirksomhet en kommune eller en annen offentlig virksomhet eller en privat virksomhet som "
    "er registrert for å legge til rette for gjennomføring av utdanning i spesialiteten samfunnsmedisin eller "
    "arbeidsmedisin.",
)

BARE_KOMMUNER = frozenset({Spesialitet.ALM})


def kan_soke(spesialitet: str, er_kommune: bool) -> bool:
    return er_kommune or spesialitet not in BARE_KOMMUNER


IKKE_KOMMUNE_ALM = _("Allmennmedisin kan bare søkes av en kommune.")


@dataclass(frozen=True)
class Spesialitetsvalg:
    """One specialty on the start page: whether this organisation may choose it, and why not."""

    spesialitet: str
    kan_velges: bool
    grunn: str = ""

    @property
    def etikett(self) -> "StrPromise":
        return Spesialitet(self.spesialitet).label


def spesialiteter_for(*, er_kommune: bool | None, navn: str = "") -> list[Spesialitetsvalg]:
    """The specialties an organisation may apply for, with the reason for each it may not.

    `er_kommune` None: not known yet (the organisation is not looked up), so every specialty is offered and the
    rule is said in the help text.
    """
    hvem = navn or gettext("Virksomheten")
    return [
        Spesialitetsvalg(s, True)
        if er_kommune is not False or kan_soke(s, False)
        else Spesialitetsvalg(
            s,
            False,
            gettext("%(spesialitet)s kan bare søkes av en kommune, og %(hvem)s er ikke en kommune.")
            % {"spesialitet": Spesialitet(s).label, "hvem": hvem},
        )
        for s in Spesialitet.values
    ]


def grunn_til_avslag(spesialitet: str, *, er_kommune: bool, navn: str = "") -> str:
    """Why this organisation may not apply for the specialty ("" when it may): the start page's words."""
    if kan_soke(spesialitet, er_kommune):
        return ""
    valg = spesialiteter_for(er_kommune=er_kommune, navn=navn)
    return " ".join(v.grunn for v in valg if v.spesialitet == spesialitet)


# Enhetsregisteret: organisasjonsform HF = helseforetak. Names as the register writes them (capitals).
_GODKJENNING_ORGFORMER = frozenset({"HF"})
_GODKJENNING_NAVN = ("SYKEHUS", "HELSEFORETAK", "STATENS ARBEIDSMILJØINSTITUTT", "STAMI")


def godkjenning_i_stedet(*, spesialitet: str, navn: str, organisasjonsform: str = "") -> str:
    """A notice (not a refusal) for an ARB applicant that looks like a hospital or STAMI; "" otherwise.

    The guide: "Virksomheter som skal utdanne leger i arbeidsmedisin, kan søke om godkjenning som
    utdanningsvirksomhet (f.eks. sykehusavdelinger og STAMI) i stedet for registrering. Da skal søknadskjema for
    godkjenning brukes."
    """
    if spesialitet != Spesialitet.ARB:
        return ""
    ord_ = navn.upper().replace("-", " ").split()
    hit = (
        organisasjonsform.upper() in _GODKJENNING_ORGFORMER
        or ord_[-1:] == ["HF"]
        or any(n in navn.upper() for n in _GODKJENNING_NAVN)
    )
    if not hit:
        return ""
    return gettext(
        "%(navn)s ser ut til å være et sykehus, et helseforetak eller STAMI. Slike virksomheter "
        "kan søke om godkjenning som utdanningsvirksomhet i arbeidsmedisin i stedet for registrering, med "
        "søknadsskjemaet for godkjenning (kravene er noe strengere, spesialistforskriften § 22). Du kan likevel "
        "søke om registrering her."
    ) % {"navn": navn or gettext("Virksomheten")}


# ---- a bedriftshelsetjeneste applying for arbeidsmedisin --------------------------------------------------

# Where hospitals and STAMI apply for godkjenning instead: the directorate's page for helseforetak and
# utdanningsvirksomheter, as the guide links it ("Helsedirektoratets nettsider … #for-helseforetak").
GODKJENNING_URL = (
    "https://helsedirektoratet.no/autorisasjon-utdanning-og-godkjenning/spesialistutdanning-og-spesialistgodkjenning/"
    "lege/ny-spesialistutdanning/for-kommuner-fylkesmenn-helseforetak-og-utdanningsvirksomheter#for-helseforetak"
)
FORSKRIFT_ARBEIDSTILSYNET_URL = "https://lovdata.no/dokument/SF/forskrift/2011-12-06-1357/KAPITTEL_2"

BHT_KILDE = Kilde(
    BRUKERVEILEDNING,
    "For at en bedriftshelsetjeneste skal kunne registrere seg som utdanningsvirksomhet for spesialiteten "
    "arbeidsmedisin, må bedriftshelsetjenesten være godkjent av Arbeidstilsynet, jf. forskrift om administrative "
    "ordninger på arbeidsmiljølovens område Kapittel 2.",
    lesning="Spørsmålet stilles alle som søker for arbeidsmedisin og er en bedriftshelsetjeneste, enten de selv har "
    "valgt typen eller Enhetsregisteret beskriver næringen som bedriftshelsetjeneste. Svarer de «Nei», kan de ikke "
    "søke ennå.",
)

_BHT_ORD = "bedriftshelsetjeneste"
_NAERINGSKODER = ("naeringskode1", "naeringskode2", "naeringskode3")


def registeret_sier_bht(brreg_data: object) -> bool:
    """Enhetsregisteret describes one of the unit's næringskoder as bedriftshelsetjeneste (its own description
    text: the code numbers are not relied on, and a BHT may be registered under a wider code)."""
    if not isinstance(brreg_data, dict):
        return False
    for nokkel in _NAERINGSKODER:
        kode = brreg_data.get(nokkel)
        if isinstance(kode, dict) and _BHT_ORD in str(kode.get("beskrivelse", "")).lower():
            return True
    return False


def bht_kan_ikke_soke_enna(*, spesialitet: str, er_bht: bool, godkjent: bool | None) -> bool:
    """A bedriftshelsetjeneste that says it is not approved by Arbeidstilsynet may not apply for ARB yet."""
    return spesialitet == Spesialitet.ARB and er_bht and godkjent is False


BHT_IKKE_GODKJENT = _(
    "En bedriftshelsetjeneste må være godkjent av Arbeidstilsynet før den kan søke om registrering for arbeidsmedisin."
)
