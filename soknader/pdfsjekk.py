"""An applicant's attachment is a PDF that cannot act when opened, kept under a name we make.

The file is read as a PDF (pikepdf, on qpdf), not judged by its first bytes: one that does not parse, needs a
password, runs JavaScript, launches a program or carries files inside is refused with a message. The name keeps
only the letters, digits, spaces, hyphens, underscores and brackets of what the applicant called it (no extension
of theirs, no control or direction characters such as U+202E that make «fdp.exe» read as «exe.pdf»), and always
ends in .pdf.
"""

import io
import re
import unicodedata

from django.utils.translation import gettext

# Actions that run something when the file is opened or clicked: scripts, programs, forms sent elsewhere, other
# files opened. Links (/URI) and moves within the document (/GoTo) are harmless and stay.
FARLIGE_HANDLINGER = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/RichMediaExecute"}
MAKS_NAVN = 100


def trygt_filnavn(navn: str) -> str:
    """The name an attachment is stored and offered under: the applicant's name without its extension, reduced to
    letters, digits, spaces, -, _ and brackets, then «.pdf»; «vedlegg.pdf» when nothing is left."""
    navn = unicodedata.normalize("NFKC", (navn or "").replace("\\", "/").rsplit("/", 1)[-1])
    navn = "".join(tegn for tegn in navn if not unicodedata.category(tegn).startswith("C"))  # control, format …
    stamme = navn.rsplit(".", 1)[0] if "." in navn else navn
    stamme = re.sub(r"[^\w \-()]+", "-", stamme)
    stamme = re.sub(r"\s+", " ", re.sub(r"-{2,}", "-", stamme)).strip(" -_.")[:MAKS_NAVN].strip(" -_")
    return f"{stamme or 'vedlegg'}.pdf"


def pdf_problem(innhold: bytes, filnavn: str) -> str | None:
    """What makes this file unfit as an attachment, in Norwegian, or None for a plain PDF. (A PDF that opens without
    a password but forbids editing is a plain PDF: signed agreements often come so.)"""
    import pikepdf  # only where an attachment is checked

    if not innhold.startswith(b"%PDF-"):  # by content, not by name: a renamed file is refused
        return gettext("«%(fil)s» er ikke en PDF-fil. Vedlegget må være en PDF-fil.") % {"fil": filnavn}
    try:
        with pikepdf.open(io.BytesIO(innhold)) as pdf:
            return _aktivt_innhold(pdf, filnavn)
    except pikepdf.PasswordError:
        return gettext("«%(fil)s» er passordbeskyttet. Legg ved en PDF-fil uten passord.") % {"fil": filnavn}
    except (pikepdf.PdfError, ValueError, RecursionError):
        return gettext("«%(fil)s» kan ikke leses som en PDF-fil. Lagre den som PDF på nytt og prøv igjen.") % {
            "fil": filnavn
        }


def _aktivt_innhold(pdf, filnavn: str) -> str | None:
    import pikepdf

    navn = pdf.Root.get("/Names")
    if isinstance(navn, pikepdf.Dictionary) and "/EmbeddedFiles" in navn:
        return _innebygde_filer(filnavn)
    for obj in pdf.objects:  # every indirect object of the file, whatever refers to it (or nothing does)
        for ordbok in _ordboker(obj):
            if ordbok.get("/Type") == "/EmbeddedFile" or (ordbok.get("/Type") == "/Filespec" and "/EF" in ordbok):
                return _innebygde_filer(filnavn)
            if "/JS" in ordbok or str(ordbok.get("/S", "")) in FARLIGE_HANDLINGER:
                return gettext(
                    "«%(fil)s» inneholder skript eller handlinger som kjøres når filen åpnes, og kan ikke legges "
                    "ved. Skriv den ut til en ny PDF-fil (for eksempel med «Skriv ut» → «Lagre som PDF») og prøv "
                    "igjen."
                ) % {"fil": filnavn}
    return None


def _ordboker(obj, dybde: int = 0):
    """The dictionaries of one object: itself and those written inside it (an /OpenAction or /AA written in place),
    not following references to other objects (those are visited on their own)."""
    import pikepdf

    if dybde > 50:
        raise ValueError("for dypt")
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Dictionary):
        yield obj
        barn = obj.values()
    elif isinstance(obj, pikepdf.Array):
        barn = list(obj)
    else:
        return
    for verdi in barn:
        if isinstance(verdi, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream) and not verdi.is_indirect:
            yield from _ordboker(verdi, dybde + 1)


def _innebygde_filer(filnavn: str) -> str:
    return gettext(
        "«%(fil)s» har andre filer inni seg, og kan ikke legges ved. Legg ved hver fil for seg, som PDF."
    ) % {"fil": filnavn}
