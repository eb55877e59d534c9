"""The anmodning drafted from the application's findings (issue 21): a polite letter in the applicant's language that
names each missing point (the caseworkers' text per kind of finding, `Mangeltekst`) and the finding as found (which
arena, which goals). The caseworker edits it before sending."""

from django.utils import translation
from django.utils.translation import gettext

from ..models import Mangel, Mangeltekst, Soknad
from .mangelvurdering import apne_mangler


def anmodning_utkast(soknad: Soknad, *, mangler: list[Mangel] | None = None) -> str:
    """The draft, or an empty string when nothing is missing; `mangler`: the case's open findings of severity
    «mangel» in order, when the caller has read them already (a finding assessed as in order is not asked for)."""
    if mangler is None:
        mangler = list(apne_mangler().filter(soknad=soknad).order_by("pk"))
    if not mangler:
        return ""
    tekster = {t.kode: t for t in Mangeltekst.objects.filter(kode__in={m.kode for m in mangler})}
    with translation.override(soknad.sprak):
        punkter = []
        for kode in dict.fromkeys(m.kode for m in mangler):  # one point per kind, in the order found
            funn = [m.tekst for m in mangler if m.kode == kode]
            tekst = tekster[kode].tekst(soknad.sprak) if kode in tekster else ""
            punkter.append("\n".join([tekst, *(f"  – {f}" for f in funn)]).strip())
        return "\n\n".join(
            [
                gettext("Takk for søknaden. For å kunne behandle den videre trenger vi dette fra dere:"),
                *(f"{i}. {punkt}" for i, punkt in enumerate(punkter, start=1)),
                gettext("Gjør endringene i søknaden og send den inn på nytt. Ta gjerne kontakt om noe er uklart."),
            ]
        )
