"""How much one applicant may put into the service: arenas, attachments, uploads. The numbers are settings
(registrering/settings.py, overridable from the environment; why these numbers: docs/sikkerhet.md, «Grenser for
søkere»); the checks are here, once, and every way in calls them:

- arenas: the arena form and a copy (`services.laeringsarena_save`, `services.soknad_copy`), the web import
  (`interchange.arenaer.read` per file, `services.laeringsarenaer_import` with what the draft has) and the file
  import from Altinn (`interchange.reading`, per application) all ask `arenaer_for_mange`;
- attachments: `services.soknad_answer` asks `vedlegg_for_mange` (count and bytes per answer and per application);
- uploads: `OpplastingsGrense` refuses a request by its declared size (Content-Length) before anything reads the
  body, so an upload over the limit never reaches memory or a temporary file.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext, ngettext

# Room for the form's other fields and the multipart framing around the files (a few kB in practice).
SKJEMA_OVERHEAD = 64 * 1024


def mb(antall_bytes: int) -> str:
    """Bytes as whole megabytes (MiB, as a file manager shows them) for a message."""
    return f"{antall_bytes / (1024 * 1024):.0f}"


def arenaer_for_mange(*, nye: int, har: int = 0, fra_fil: bool = False) -> str | None:
    """The one check of how many læringsarenaer an application may have: `har` already there, `nye` to be added
    (one from the form, many from a file). With `fra_fil`, one file may also hold at most ARENAER_MAKS_PER_IMPORT.
    Returns the message in Norwegian (the active language), or None when it is within the limits."""
    per_soknad, per_import = settings.ARENAER_MAKS_PER_SOKNAD, settings.ARENAER_MAKS_PER_IMPORT
    if fra_fil and nye > per_import:
        return ngettext(
            "Filen har %(antall)s læringsarenaer. Én fil kan ha høyst %(maks)s læringsarena.",
            "Filen har %(antall)s læringsarenaer. Én fil kan ha høyst %(maks)s læringsarenaer.",
            per_import,
        ) % {"antall": nye, "maks": per_import}
    if har + nye <= per_soknad:
        return None
    if har == 0:
        return ngettext(
            "Søknaden har %(antall)s læringsarenaer. En søknad kan ha høyst %(maks)s læringsarena.",
            "Søknaden har %(antall)s læringsarenaer. En søknad kan ha høyst %(maks)s læringsarenaer.",
            per_soknad,
        ) % {"antall": nye, "maks": per_soknad}
    return ngettext(
        "Søknaden har %(har)s læringsarenaer, og en søknad kan ha høyst %(maks)s. Det er plass til %(plass)s til, "
        "ikke %(antall)s. Slå sammen eller slett læringsarenaer først.",
        "Søknaden har %(har)s læringsarenaer, og en søknad kan ha høyst %(maks)s. Det er plass til %(plass)s til, "
        "ikke %(antall)s. Slå sammen eller slett læringsarenaer først.",
        per_soknad,
    ) % {"har": har, "maks": per_soknad, "plass": max(per_soknad - har, 0), "antall": nye}


def vedlegg_for_mange(*, filer: list[tuple[str, int]], har_antall: int, har_bytes: int) -> str | None:
    """The one check of attachments: the files of one answer (name, size in bytes) against the limits per file,
    per answer and per application (`har_*`: what the application's earlier answers hold). The message or None."""
    maks_fil = settings.VEDLEGG_MAKS_BYTES
    for navn, storrelse in filer:
        if storrelse > maks_fil:
            return gettext("«%(fil)s» er for stor. Et vedlegg kan være høyst %(maks)s MB.") % {
                "fil": navn,
                "maks": maks_fil // (1024 * 1024),
            }
    storrelser = [storrelse for _navn, storrelse in filer]
    antall, total = len(storrelser), sum(storrelser)
    if antall > settings.VEDLEGG_MAKS_ANTALL_PER_SVAR:
        return gettext("Du kan legge ved høyst %(maks)s filer i ett svar (du valgte %(antall)s).") % {
            "maks": settings.VEDLEGG_MAKS_ANTALL_PER_SVAR,
            "antall": antall,
        }
    if total > settings.VEDLEGG_MAKS_BYTES_PER_SVAR:
        return gettext("Vedleggene i ett svar kan til sammen være høyst %(maks)s MB (nå %(total)s MB).") % {
            "maks": mb(settings.VEDLEGG_MAKS_BYTES_PER_SVAR),
            "total": mb(total),
        }
    if har_antall + antall > settings.VEDLEGG_MAKS_ANTALL_PER_SOKNAD:
        return gettext(
            "En søknad kan ha høyst %(maks)s vedlegg i alt, og denne har %(har)s. Samle dokumentene i færre "
            "PDF-filer, eller kontakt Helsedirektoratet."
        ) % {"maks": settings.VEDLEGG_MAKS_ANTALL_PER_SOKNAD, "har": har_antall}
    if har_bytes + total > settings.VEDLEGG_MAKS_BYTES_PER_SOKNAD:
        return gettext(
            "Vedleggene til en søknad kan til sammen være høyst %(maks)s MB, og denne har %(har)s MB. Gjør "
            "filene mindre, eller kontakt Helsedirektoratet."
        ) % {"maks": mb(settings.VEDLEGG_MAKS_BYTES_PER_SOKNAD), "har": mb(har_bytes)}
    return None


def opplasting_maks_bytes(url_name: str | None) -> int:
    """The largest request body the address takes: an answer with its files, a file of arenas; anything else
    (forms of text) no more than an answer."""
    if url_name == "soknader:arenaer_importer":
        # the file, or its text posted back after the preview (percent-encoded: up to three bytes per byte)
        return settings.ARENAFIL_MAKS_BYTES * 3 + SKJEMA_OVERHEAD
    return settings.VEDLEGG_MAKS_BYTES_PER_SVAR + SKJEMA_OVERHEAD


class OpplastingsGrense:
    """Refuse a request whose declared body (Content-Length) is larger than its address takes, with 413 and a page
    that names the limit, before anything (the CSRF check, a form) reads the body. Django reads no more than
    Content-Length says, so a body without one is read as empty. The proxy in front checks the same declared size
    (client_max_body_size, docs/drift.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            lengde = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengde = 0
        if lengde > settings.ARENAFIL_MAKS_BYTES:  # below every limit: no need to look at the address
            try:
                url_name = resolve(request.path_info).view_name
            except Resolver404:
                url_name = None
            maks = opplasting_maks_bytes(url_name)
            if lengde > maks:
                return self._for_stor(request, url_name, lengde)
        return self.get_response(request)

    def _for_stor(self, request, url_name: str | None, lengde: int):
        if url_name == "soknader:arenaer_importer":
            melding = gettext("Filen med læringsarenaer kan være høyst %(maks)s kB.") % {
                "maks": settings.ARENAFIL_MAKS_BYTES // 1024
            }
        else:
            melding = gettext(
                "Det du sendte, er for stort (%(storrelse)s MB). Vedleggene i ett svar kan til sammen være høyst "
                "%(maks)s MB, og hvert vedlegg høyst %(maks_fil)s MB. Ingenting er lagret: gå tilbake, velg færre "
                "eller mindre filer, og send på nytt."
            ) % {
                "storrelse": mb(lengde),
                "maks": mb(settings.VEDLEGG_MAKS_BYTES_PER_SVAR),
                "maks_fil": mb(settings.VEDLEGG_MAKS_BYTES),
            }
        response = render(request, "for_stor.html", {"melding": melding, "tilbake": request.path}, status=413)
        response["Connection"] = "close"  # the body is not read: do not leave it to be taken as the next request
        return response
