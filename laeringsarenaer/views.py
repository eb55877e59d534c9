"""JSON endpoints for the learning-objective catalogue and for reading LM texts while the user types."""

import datetime as dt
from dataclasses import asdict

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from . import lmtekst
from .lmtekst import SPESIALITETER, formater
from .selectors import katalog_for, laeringsmal_in_force

MAKS_TEKST = 5000


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
    rows = laeringsmal_in_force(grupper=[spesialitet, "FKM", "LM"]).values("kode", "tittel", "seksjon", "gruppe")
    rows = sorted(rows, key=lambda r: (r["gruppe"] != spesialitet, r["kode"]))
    return JsonResponse([{"kode": r["kode"], "tittel": r["tittel"], "seksjon": r["seksjon"]} for r in rows], safe=False)


@login_required
@require_GET
def tolk(request):
    """What an LM text means for a specialty: {"koder": [...], "feil": [{"tekst", "melding"}]}."""
    spesialitet = _spesialitet(request)
    if spesialitet is None:
        return _ugyldig_spesialitet()
    tekst = request.GET.get("tekst", "")
    if len(tekst) > MAKS_TEKST:
        return JsonResponse(
            {"melding": gettext("Teksten er for lang (over %(maks)d tegn).") % {"maks": MAKS_TEKST}}, status=400
        )
    try:  # the application's date: its catalogue (before 2026-03-01 the old common objectives LM-04 … LM-75)
        dato = dt.date.fromisoformat(request.GET["dato"]) if request.GET.get("dato") else None
    except ValueError:
        dato = None
    katalog = katalog_for(dato)
    tolkning = lmtekst.tolk(tekst, spesialitet, katalog)  # read once, in the language of the page asking
    koder = list(tolkning.koder)
    delvis = set(tolkning.delvis)
    return JsonResponse(
        {
            "koder": koder,
            "feil": [asdict(f) for f in tolkning.feil],
            "kort": formater(koder),
            # what was read that is not a plain code (a section, a partial objective, a comment), and the codes
            # with their titles under the regulation's sections
            "merknader": [asdict(f) for f in tolkning.merknader],
            "delvis": sorted(delvis),
            "grupper": [
                {
                    "seksjon": seksjon,
                    "bokmal": seksjon[:1].isdigit(),  # a section of the regulation, not our group name
                    "mal": [
                        {"kode": k, "tittel": lmtekst.kort_tittel(katalog.titler.get(k, ""), 90), "delvis": k in delvis}
                        for k in gruppe
                    ],
                }
                for seksjon, gruppe in lmtekst.etter_seksjon(koder, katalog)
            ],
        }
    )
