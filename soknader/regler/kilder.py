"""The documents a rule quotes its source sentence from (the project's copies are in shared/domain/)."""

from dataclasses import dataclass

BRUKERVEILEDNING = "Helsedirektoratet: Brukerveiledning for registreringsskjema for ASA-spesialitetene"
VEILEDNING_KOMMUNER = "Helsedirektoratet: Godkjenning som registrert utdanningsvirksomhet – veiledning til kommunene"
# the official lists of learning objectives and what was checked against them (shared/domain/laeringsmal/README.md)
LAERINGSMALLISTENE = "Spesialistforskriften (FOR-2016-12-08-1482) vedlegg 2: the project's notes to the official lists"

DOKUMENTER = (BRUKERVEILEDNING, VEILEDNING_KOMMUNER, LAERINGSMALLISTENE)


@dataclass(frozen=True)
class Kilde:
    """Where a rule comes from: the document and the sentence, quoted as it stands there."""

    dokument: str
    sitat: str
    # what we read into the sentence, where the rule says more than the sentence does ("" when it says it all)
    lesning: str = ""
