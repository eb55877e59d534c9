"""The naming rule of docs/ordliste.md, kept by a test: domain words from the regulation and the form are Norwegian
(one word per idea: `soknad`, never "application"), infrastructure is English (drift's modules and names)."""

import ast
from pathlib import Path

import pytest

ROT = Path(__file__).resolve().parent.parent
APPER = ("brreg", "drift", "epost", "laeringsmal", "oversikt", "registrering", "soknader", "tilgang")

# An English word for a domain idea that has its Norwegian word in the glossary (docs/ordliste.md).
ENGELSK_FOR_DOMENEORD = {
    "application": "soknad",
    "applicant": "soker",
    "caseworker": "saksbehandler",
    "decision": "vedtak",
    "draft": "utkast",
    "finding": "mangel",
    "objective": "laeringsmal",
    "organisation": "virksomhet",
    "organization": "virksomhet",
    "section": "seksjon",
    "submission": "innsending",
    "supervisor": "veileder",
}
# Norwegian words for infrastructure ideas, which are English (drift is infrastructure only).
NORSK_FOR_INFRASTRUKTUR = ("grense", "klient", "logg", "valg", "inndata", "lesevisning", "teller", "treff", "feil")


def _navn(app: str):
    """(file, kind, name) for every module, class and function defined in the app (migrations aside)."""
    for fil in sorted((ROT / app).rglob("*.py")):
        if "migrations" in fil.parts:
            continue
        relativ = fil.relative_to(ROT)
        if fil.stem != "__init__":
            yield relativ, "modul", fil.stem
        for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                yield relativ, "navn", node.name


@pytest.mark.parametrize("app", APPER)
def test_domain_ideas_have_their_norwegian_word(app):
    brudd = [
        f"{fil}: {navn} (bruk «{norsk}»)"
        for fil, _art, navn in _navn(app)
        for engelsk, norsk in ENGELSK_FOR_DOMENEORD.items()
        if engelsk in navn.lower()
    ]
    assert not brudd, "\n".join(brudd)


def test_infrastructure_is_english():
    brudd = [
        f"{fil}: {navn}"
        for fil, _art, navn in _navn("drift")
        for norsk in NORSK_FOR_INFRASTRUKTUR
        if norsk in navn.lower()
    ]
    assert not brudd, "\n".join(brudd)


def test_exceptions_are_english_and_say_what_happened():
    """`NotEditable`, `Conflict`, `BrregError`: never `…Feil` (docs/ordliste.md, «Navneregel»)."""
    brudd = []
    for app in APPER:
        for fil in sorted((ROT / app).rglob("*.py")):
            for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
                er_unntak = isinstance(node, ast.ClassDef) and any(
                    isinstance(b, ast.Name) and (b.id.endswith(("Exception", "Error")) or b.id in _unntak())
                    for b in node.bases
                )
                if er_unntak and ("feil" in node.name.lower() or "avvist" in node.name.lower()):
                    brudd.append(f"{fil.relative_to(ROT)}: {node.name}")
    assert not brudd, "\n".join(brudd)


def _unntak() -> set[str]:
    return {"NotEditable", "Conflict", "BrregError", "AltinnError"}
