"""How the case page shows an application: its answers as the søker's form shows them, and its arenas."""

import functools

from django.contrib import admin
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from drift import htmlcache

from .. import avtrykk, seksjoner, skjema


def svar(navn: str):
    """A read-only field showing a stored answer as the applicant's form does (labels and values from skjema)."""

    def vis(obj):
        return skjema.vis_verdi(navn, getattr(obj, navn))

    vis.__name__ = navn
    return admin.display(description=skjema.etikett(navn))(vis)


def svarene(del_: skjema.Del) -> list:
    return [svar(navn) for navn in del_.feltnavn]


def tolket_som(arena) -> str:
    """What the arena's LM text was read as, for the caseworker (HTML-safe)."""
    tolkning = arena.tolkning
    if not tolkning:
        return "–"
    if tolkning["kort"]:
        text = gettext("%(antall)s læringsmål: %(kort)s") % {"antall": tolkning["antall"], "kort": tolkning["kort"]}
    else:
        text = gettext("ingen læringsmål")
    if tolkning.get("delvis"):  # issue 20: covered in part, counted (the guide accepts it), shown as such
        text = format_html("{}<br><strong>{}</strong> {}", text, gettext("Kan delvis oppnås:"), tolkning["delvis"])
    if tolkning["feil"]:
        return format_html(
            "{}<br><strong>{}</strong> {}",
            text,
            gettext("Kunne ikke leses:"),
            "; ".join(f["melding"] for f in tolkning["feil"]),
        )
    return text


SVAR = '<td class="sb-fritekst">{}</td>'


# Bump when the tables' HTML below changes: the cache keeps what the old code drew.
TABELLVERSJON = "1"


def arenatabeller(arenaer) -> str:
    """Each arena as a table of its answers (label, text; the fields shown as the søker's form shows them) and what
    its LM text was read as. Built here rather than in a template loop, and instead of the admin's stacked inline:
    30 read-only arenas (270 fields through the admin's field templates) were most of the time of the change view.
    Kept in the shared cache while nothing they show changes (`soknader.avtrykk`)."""
    arenaer = list(arenaer)
    innhold = [TABELLVERSJON, *(avtrykk.arena_avtrykk(a) for a in arenaer)]
    return htmlcache.hent("arenatabeller", innhold, lambda: _tabeller(arenaer))


def _tabeller(arenaer) -> str:
    return SafeString(
        "\n".join(
            f'<table class="sb-arena"><caption>{nummer}. {escape(arena)}</caption><tbody>'
            + "".join(
                f'<tr><th scope="row">{escape(etikett)}</th>{SVAR.format(conditional_escape(verdi))}</tr>'
                for etikett, verdi in [
                    *seksjoner.answers(arena, skjema.LAERINGSARENA, None),
                    (gettext("tolket som"), tolket_som(arena)),
                ]
            )
            + "</tbody></table>"
            for nummer, arena in enumerate(arenaer, start=1)
        )
    )


@functools.cache
def bekreftelser(navnene: tuple[str, ...]) -> object:
    """One read-only field for the confirmations that apply ("9 av 9 bekreftet"), naming the ones not confirmed,
    in place of a row "Ja" for each (issue 21: a compact case page). One per set of fields (cached): the admin
    finds it again among the read-only fields."""

    def vis(obj):
        mangler = [skjema.etikett(navn) for navn in navnene if not getattr(obj, navn)]
        tekst = gettext("%(ja)s av %(alle)s bekreftet") % {"ja": len(navnene) - len(mangler), "alle": len(navnene)}
        if not mangler:
            return tekst
        return format_html(
            "{}. {} <ul>{}</ul>",
            tekst,
            gettext("Ikke bekreftet:"),
            SafeString("".join(str(format_html("<li>{}</li>", m)) for m in mangler)),
        )

    vis.__name__ = "bekreftelser"
    return admin.display(description=_("Bekreftelser"))(vis)
