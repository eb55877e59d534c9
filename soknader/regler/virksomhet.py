"""Findings about the organisation itself (section 1): what Enhetsregisteret says, and who may apply."""

from collections.abc import Iterator, Mapping
from typing import Any

from django.utils.translation import gettext

from ..choices import Alvorlighet, Mangelkode, Seksjon, Spesialitet
from . import hvem
from .grunnlag import SoknadData
from .kilder import BRUKERVEILEDNING, Kilde
from .regel import Mangel, Regel


class VirksomhetSlettet(Regel):
    kode = Mangelkode.VIRKSOMHET_SLETTET
    seksjon = Seksjon.VIRKSOMHET
    leser = ("virksomhet_slettet", "virksomhet_konkurs", "virksomhet_under_avvikling")
    kilde = Kilde(
        BRUKERVEILEDNING,
        "Organisasjonsnummer: Det er virksomhetens (for eksempel kommune eller BHT) organisasjonsnummer som fylles "
        "ut. Skjemaet er koblet til Brønnøysundregisteret, så navn på virksomheten skal automatisk komme opp i "
        "skjemaet.",
        lesning="A unit deleted in Enhetsregisteret cannot be registered (a mangel); one that is bankrupt or being "
        "wound up still exists, so it is only worth a look (an advarsel).",
    )

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        if data.virksomhet_slettet:
            yield self.mangel(grunn="slettet")
        elif data.virksomhet_konkurs:
            yield self.mangel(grunn="konkurs", alvorlighet=Alvorlighet.ADVARSEL)
        elif data.virksomhet_under_avvikling:
            yield self.mangel(grunn="under_avvikling", alvorlighet=Alvorlighet.ADVARSEL)

    def tekst(self, params: Mapping[str, Any]) -> str:
        if params["grunn"] == "konkurs":
            return gettext("Enhetsregisteret sier at virksomheten er konkurs.")
        if params["grunn"] == "under_avvikling":
            return gettext("Enhetsregisteret sier at virksomheten er under avvikling.")
        return gettext("Virksomheten er slettet i Enhetsregisteret.")


class IkkeKommuneAlm(Regel):
    kode = Mangelkode.IKKE_KOMMUNE_ALM
    seksjon = Seksjon.VIRKSOMHET
    leser = ("spesialitet", "er_kommune")
    kilde = hvem.KILDE

    def finn(self, data: SoknadData) -> Iterator[Mangel]:
        if not hvem.kan_soke(data.spesialitet, data.er_kommune):
            yield self.mangel(spesialitet=data.spesialitet)

    def tekst(self, params: Mapping[str, Any]) -> str:
        return gettext("%(spesialitet)s er søkt av en virksomhet som ikke er en kommune.") % {
            "spesialitet": Spesialitet(params["spesialitet"]).label
        }
