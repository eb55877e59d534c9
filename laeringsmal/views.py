"""JSON for the learning-objective catalogue and for reading LM texts while the user types."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from drift.minne import MINNE

from .lmtekst import SPESIALITETER, Katalog
from .selectors import laeringsmal_in_force
from .tolking import tolk_laeringsmal


def _spesialitet(request) -> str | None:
    value = request.GET.get("spesialitet", "ALM").upper()
    return value if value in SPESIALITETER else None


def _ugyldig_spesialitet() -> JsonResponse:
    return JsonResponse({"melding": gettext("Ukjent spesialitet. Bruk ALM, SAM eller ARB.")}, status=400)


@require_GET
def katalog(request):
    """The objectives in force today for a specialty, and the common ones: [{"kode", "tittel", "seksjon"}]."""
    spesialitet = _spesialitet(request)
    if spesialitet is None:
        return _ugyldig_spesialitet()
    lest = laeringsmal_in_force(grupper=[spesialitet, "FKM", "LM"]).values("kode", "tittel", "seksjon", "gruppe")
    rows = sorted(lest, key=lambda r: (r["gruppe"] != spesialitet, r["kode"]))
    return JsonResponse([{"kode": r["kode"], "tittel": r["tittel"], "seksjon": r["seksjon"]} for r in rows], safe=False)


def tolkning_svar(*, tekst: str, spesialitet: str, katalog: Katalog, maks: int) -> HttpResponse:
    """The live reading of an arena's LM text while the søker types, as JSON in the language of the page asking:
    {"koder": [...], "feil": [{"tekst", "melding"}], "kort", "merknader", "delvis", "grupper"} (see
    `Tolket.for_visning`). The application's view (soknader) decides who may ask,
    which catalogue applies (the application's own) and how long the text may be (its rule table)."""
    if len(tekst) > maks:
        return JsonResponse(
            {"melding": gettext("Teksten er for lang (over %(maks)d tegn).") % {"maks": maks}}, status=400
        )
    return HttpResponse(_tolkning_json(tekst, spesialitet, katalog), content_type="application/json")


def _tolkning_json(tekst: str, spesialitet: str, katalog: Katalog) -> bytes:
    """The reading as JSON, kept in the process under the text, the specialty, the catalogue's content and the
    language: the answer depends on nothing else, and the texts applicants write are much alike («Alle bortsett fra
    ALM-055 og ALM-085»), so a text read once is not read again while the catalogue is the same."""
    sprak = translation.get_language()
    nokkel = hashlib.blake2b(f"{katalog.avtrykk}|{spesialitet}|{sprak}|{tekst}".encode(), digest_size=20).hexdigest()

    def les() -> bytes:
        tolket = tolk_laeringsmal(tekst=tekst, spesialitet=spesialitet, katalog=katalog)
        return json.dumps(tolket.for_visning(katalog), cls=DjangoJSONEncoder).encode()

    return MINNE.hent_lokalt(f"lm-tolkning:{nokkel}", les, storrelse=len)
