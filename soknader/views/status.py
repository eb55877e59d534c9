"""The application read back: its answers and the judgement («Se over»), and, once sent, the status page that
says where the case stands (the decision and its letter first, then what happens next, then the answers)."""

from django.conf import settings
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from laeringsmal.lmtekst import GRUPPENAVN
from laeringsmal.tolking import dekning_kontekst, katalog_for_soknad

from .. import completeness, seksjoner, selectors, skjema
from ..choices import Seksjon, Status
from ..regler import status as statusregler
from ..regler.vurdering import vurder_husket
from .common import dokumenter_kontekst, seksjon_url

# The status page's heading per status (the applicant's side: what has happened to their application)
OVERSKRIFTER = {
    Status.INNSENDT: _("Søknaden er sendt inn"),
    Status.SENDT_INN_PA_NYTT: _("Søknaden er sendt inn på nytt"),
    Status.UNDER_BEHANDLING: _("Søknaden er under behandling"),
    Status.REGISTRERT: _("Virksomheten er registrert"),
    Status.AVSLATT: _("Søknaden er avslått"),
    Status.TRUKKET: _("Søknaden er trukket"),
}


def svar_kontekst(soknad, adresse: str) -> dict:
    """The answers, the arenas, what each section lacks and the findings, for «Se over» and the status page
    (`adresse`: the page's own, which the answers' «Endre» links come back to)."""
    arenaer = selectors.arenaer_for_soknad(soknad=soknad)
    katalog = katalog_for_soknad(soknad.soknadsdato)
    vurdering = vurder_husket(soknad=soknad, arenaer=arenaer, katalog=katalog)
    problemer = vurdering.problemer
    kontekst = seksjoner.context(soknad)
    svar = [
        (seksjon, seksjon_url(soknad, seksjon), seksjoner.answers(soknad, del_, kontekst), problemer[seksjon])
        for seksjon, del_ in skjema.SEKSJONER.items()
    ]
    svar[0][2][:0] = [
        (gettext("Virksomhet"), soknad.virksomhet.navn),
        (gettext("Organisasjonsnummer"), soknad.virksomhet.organisasjonsnummer_formatert),
        (gettext("Spesialitet"), soknad.get_spesialitet_display()),
    ]
    svar = [(s, url, _bekreftelser_samlet(soknad, kontekst, rader), p) for s, url, rader, p in svar]
    return {
        "soknad": soknad,
        "svar": svar,
        # everything the answers show, as the key of their HTML ({% include_cached %}): kept while the same
        "svar_avtrykk": [svar, soknad.er_redigerbar, adresse],
        "arenaproblemer": problemer[Seksjon.LAERINGSARENAER],
        "arenaer": arenaer,  # read back by {% arenablokker %}, from the cache where an arena is unchanged
        "antall_ufullstendige": sum(1 for p in problemer.values() if p),
        **dekning_kontekst(arenaer, soknad.spesialitet, katalog, soknad.soknadsdato, dekning=vurdering.dekning),
        "katalogbeskrivelse": _katalog_i_klartekst(katalog, soknad),
        "mangler": vurdering.mangler,
        "kan_trekkes": statusregler.kan_trekkes(soknad.status),
        "kan_sendes": vurdering.kan_sendes and soknad.er_redigerbar,
        **dokumenter_kontekst(soknad),
    }


def _bekreftelser_samlet(soknad, kontekst, rader: list) -> list:
    """Section 2 read back: the confirmations as one line when all are given («Alle 9 ansvarspunkter er
    bekreftet»), else the ones given and the ones missing by their short titles; the other answers as they are."""
    felt = [f for f in skjema.ANSVAR.felt if f.navn in skjema.BEKREFTELSER and completeness.i_skjema(f, kontekst)]
    etiketter = {str(f.etikett) for f in felt}
    if not felt or not any(str(etikett) in etiketter for etikett, _verdi in rader):
        return rader
    mangler = [f for f in felt if getattr(soknad, f.navn) is not True]
    if not mangler:
        linje = ngettext(
            "Alle %(antall)d ansvarspunkter er bekreftet", "Alle %(antall)d ansvarspunkter er bekreftet", len(felt)
        ) % {"antall": len(felt)}
    else:
        linje = gettext("%(bekreftet)d av %(alle)d bekreftet. Ikke bekreftet: %(punkter)s") % {
            "bekreftet": len(felt) - len(mangler),
            "alle": len(felt),
            "punkter": ", ".join(f"«{f.kort}»" for f in mangler),
        }
    andre = [(etikett, verdi) for etikett, verdi in rader if str(etikett) not in etiketter]
    return [(gettext("Ansvarspunkter"), linje), *andre]


def _katalog_i_klartekst(katalog, soknad) -> str:
    """Which lists of learning objectives the arenas were checked against, in plain words for the applicant."""
    dato = soknad.soknadsdato or timezone.localdate()
    grupper = "; ".join(
        gettext("%(gruppe)s: %(antall)d mål (%(fra)s–%(til)s)")
        % {"gruppe": GRUPPENAVN[gruppe], "antall": len(koder), "fra": koder[0], "til": koder[-1]}
        for gruppe in (soknad.spesialitet, katalog.felles())
        if (koder := katalog.gruppe(gruppe))
    )
    return gettext(
        "Vi har sjekket læringsmålene mot de offisielle listene i spesialistforskriften som gjaldt %(dato)s: "
        "%(grupper)s."
    ) % {"dato": formats.date_format(dato, "j. F Y"), "grupper": grupper}


def status_side(request, soknad):
    """Where a sent application stands: the decision with its letter and date at the top, what happens next and
    how long it usually takes while it waits, the exchange and documents, then the answers read-only."""
    kontekst = svar_kontekst(soknad, request.path)
    vedtaksbrev = kontekst.get("vedtaksbrev")
    return render(
        request,
        "soknader/status.html",
        {
            **kontekst,
            "overskrift": OVERSKRIFTER.get(soknad.status, soknad.get_status_display()),
            "venter": soknad.status in statusregler.VENTENDE_STATUSER,
            "siste_brev": next(iter(vedtaksbrev), None) if vedtaksbrev is not None else None,
            "behandlingstid_uker": settings.SOKNAD_BEHANDLINGSTID_UKER,
        },
    )
