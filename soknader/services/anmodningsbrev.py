"""The anmodning drafted from the application's findings (issue 21): a polite letter in the applicant's language that
names each missing point (the caseworkers' text per kind of finding, `Mangeltekst`) and the finding as found (which
arena, which goals). The caseworker edits it before sending."""

from django.utils import translation
from django.utils.translation import gettext

from drift.cacheversion import CacheVersion
from drift.minne import MINNE

from ..models import Mangel, Mangeltekst, Soknad
from .mangelvurdering import apne_mangler

# The caseworkers' texts: every save in the admin replaces it (connected in apps.py).
TEKSTER = CacheVersion("mangeltekster")


def mangeltekster() -> dict[str, Mangeltekst]:
    """Every kind of finding's text, by code: a small table the case page drafts from on every view, kept per process
    under its version."""
    tekster: dict[str, Mangeltekst] = MINNE.hent_lokalt(
        f"mangeltekster:{TEKSTER.current()}",
        lambda: {t.kode: t for t in Mangeltekst.objects.all()},
        storrelse=lambda tekster: sum(len(t.bokmal) + len(t.nynorsk) + 200 for t in tekster.values()),
    )
    return tekster


def mangeltekster_endret(**_kwargs: object) -> None:
    """Receiver of post_save and post_delete of Mangeltekst: a new version now and again at the commit."""
    TEKSTER.bump()
    TEKSTER.bump_on_commit()


def anmodning_utkast(soknad: Soknad, *, mangler: list[Mangel] | None = None) -> str:
    """The draft, or an empty string when nothing is missing; `mangler`: the case's open findings of severity
    «mangel» in order, when the caller has read them already (a finding assessed as in order is not asked for)."""
    if mangler is None:
        mangler = list(apne_mangler().filter(soknad=soknad).order_by("pk"))
    if not mangler:
        return ""
    tekster = mangeltekster()
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
