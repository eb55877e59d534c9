"""Documents made from an application: the application as sent (one PDF per submission) and the decision letter.

Each document is an HTML template rendered to PDF by WeasyPrint, with the print stylesheet static/css/pdf.css.
WeasyPrint (and the Pango libraries it needs) is imported only in `pdf_from_html`, where a PDF is made.
Every PDF is made to be archived (issue 22): PDF/A-2u (fonts embedded, an sRGB output intent, the text mapped to
Unicode) and tagged (a structure tree and MarkInfo, the document's language and title), so it can be read aloud.
The HTML of the decision letter is also what the caseworker previews before sending.
Both are written in the søker's language (`Soknad.sprak`), whoever makes them.
"""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from laeringsmal.lmtekst import Katalog
from laeringsmal.tolking import dekning_kontekst, katalog_for_soknad

from . import seksjoner, skjema
from .choices import Status
from .models import OVERGANGSREGEL_FRA, Laeringsarena, Soknad, overgangsregel_gjelder
from .regler.vurdering import Vurdering, vurder

PDF_CSS = "css/pdf.css"
PDF_VARIANT = "pdf/a-2u"  # PDF/A part 2, conformance U; WeasyPrint writes the XMP identification and output intent


def pdf_from_html(html: str) -> bytes:
    from weasyprint import CSS, HTML  # only here: the system libraries are needed where a PDF is made

    return HTML(string=html).write_pdf(
        stylesheets=[CSS(filename=finders.find(PDF_CSS))], pdf_variant=PDF_VARIANT, pdf_tags=True
    )


def fil_response(data, filnavn: str, content_type: str = "application/pdf") -> HttpResponse:
    """A stored file, only ever returned by a view that has checked who asks: never cached by others, never
    sniffed, always downloaded (a PDF from an applicant is not rendered in our origin)."""
    response = HttpResponse(bytes(data), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filnavn) or "attachment"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def soknad_kontekst(
    soknad: Soknad, arenaer: list[Laeringsarena], vurdering: Vurdering | None = None, katalog: Katalog | None = None
) -> dict:
    """Everything the document shows: the answers of every section (labels from skjema), every arena with its
    objectives as written and as understood, coverage with the catalogue's titles, and the findings now
    (`vurdering` and `katalog`, when the caller has just judged the application against it)."""
    kontekst = seksjoner.context(soknad)
    katalog = katalog or katalog_for_soknad(soknad.soknadsdato)
    if vurdering is None:
        vurdering = vurder(soknad=soknad, arenaer=arenaer, katalog=katalog)
    svar = [(seksjon, seksjoner.answers(soknad, del_, kontekst)) for seksjon, del_ in skjema.SEKSJONER.items()]
    svar[0][1][:0] = [
        (_("Virksomhet"), soknad.virksomhet.fullt_navn),
        (_("Organisasjonsnummer"), soknad.virksomhet.organisasjonsnummer_formatert),
        (_("Spesialitet"), soknad.get_spesialitet_display()),
    ]
    dekning = dekning_kontekst(arenaer, soknad.spesialitet, katalog, soknad.soknadsdato)
    titler = katalog.titler
    delvis = dekning["dekning_delvis"]
    laeringsmal = [
        (
            dekning["dekning_seksjoner"].get(kode, ""),
            kode,
            titler.get(kode, ""),
            [(nummer, kode in delvis[nummer - 1]) for nummer, dekket in enumerate(rad, start=1) if dekket],
        )
        for kode, rad in dekning["dekning"].matrise
    ]
    return {
        "soknad": soknad,
        "svar": svar,
        "arenaer": [(a, seksjoner.answers(a, skjema.LAERINGSARENA, None), a.tolkning) for a in arenaer],
        "laeringsmal": laeringsmal,
        "mangler": vurdering.mangler,
        **dekning,
    }


def soknad_html(
    soknad: Soknad,
    arenaer: list[Laeringsarena],
    *,
    versjon: int,
    tidspunkt,
    vurdering: Vurdering | None = None,
    katalog: Katalog | None = None,
) -> str:
    with translation.override(soknad.sprak):  # labels and findings too: worded inside
        return render_to_string(
            "soknader/pdf/soknad.html",
            {**soknad_kontekst(soknad, arenaer, vurdering, katalog), "versjon": versjon, "tidspunkt": tidspunkt},
        )


def soknad_pdf(soknad: Soknad, arenaer: list[Laeringsarena], *, versjon: int, tidspunkt=None) -> bytes:
    return pdf_from_html(soknad_html(soknad, arenaer, versjon=versjon, tidspunkt=tidspunkt or timezone.now()))


class Forhandslaget:
    """A PDF made before the write transaction from the HTML it was made of (making it takes about half a second;
    the write lock must not be held that long). In the transaction the HTML is made again from the locked rows,
    which is quick: the same HTML means the same document, otherwise it is made there after all (rare)."""

    def __init__(self, html: str | None = None):
        self.html = html
        self.pdf = pdf_from_html(html) if html else b""

    def pdf_for(self, html: str) -> bytes:
        return self.pdf if html == self.html else pdf_from_html(html)


def soknad_filnavn(soknad: Soknad, versjon: int) -> str:
    return f"{soknad.referanse or 'soknad'}-versjon-{versjon}.pdf"


def vedtaksbrev_html(soknad: Soknad, *, dokument: bool = True) -> str:
    """The letter for a decided application (status, vedtaksdato, registrert_fra or avslagsgrunn set, saved or
    not: the preview passes an unsaved copy). `dokument=False` gives the letter's body only, for the preview page."""
    context = {
        "soknad": soknad,
        "registrert": soknad.status == Status.REGISTRERT,
        # § 38: deemed registered from 1 March 2019 (second sentence), or an earlier date decided (third sentence)
        "overgangsregel": soknad.registrert_fra == OVERGANGSREGEL_FRA and overgangsregel_gjelder(soknad.soknadsdato),
        "tidligere": bool(soknad.registrert_fra_begrunnelse),
        "dato": soknad.vedtaksdato or timezone.localdate(),
    }
    with translation.override(soknad.sprak):  # the caseworker previews it in the søker's language too
        if not dokument:
            return render_to_string("soknader/pdf/_vedtaksbrev.html", context)
        return render_to_string("soknader/pdf/vedtaksbrev.html", context)


def vedtaksbrev_pdf(soknad: Soknad) -> bytes:
    return pdf_from_html(vedtaksbrev_html(soknad))


def vedtaksbrev_filnavn(soknad: Soknad) -> str:
    return f"{soknad.referanse or 'soknad'}-vedtaksbrev.pdf"
