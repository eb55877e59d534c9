"""The learning arenas: the list, one arena, the live reading of its LM text, deleting, the file in and out."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_http_methods

from drift import oppslag
from drift.shortcuts import or_404
from laeringsmal import views as laeringsmal_views
from laeringsmal.selectors import katalog_for_oppslag
from laeringsmal.tolking import katalog_for_soknad, tolk_laeringsmal

from .. import dokumenter, grenser, seksjoner, selectors, skjema
from ..forms import ArenafilForm, LaeringsarenaForm
from ..interchange import arenaer as arenafil
from ..models import Laeringsarena
from ..services import errors, utkast
from .common import IKKE_FUNNET_ARENA, IKKE_REDIGERBAR, KONFLIKT, neste_fra, soknad_eller_404


@login_required
def laeringsarenaer(request, pk):
    soknad = soknad_eller_404(request, pk)
    arenaer = selectors.arenaer_for_soknad(soknad=soknad)
    arena_problemer = [(arena, seksjoner.arena_problems(arena)) for arena in arenaer]
    return render(
        request,
        "soknader/laeringsarenaer.html",
        {"soknad": soknad, "arenaer": arena_problemer},
    )


TOLKNING = "laeringsmal-tolkning"  # the kind of lookup a key from the arena page allows (drift/oppslag.py)


def tolkning_nokkel(request, soknad) -> str:
    """The arena page's key to its live reading: who asked, for which application, and what the reading needs of it
    (its specialty and søknadsdato), so that a lookup with it reads neither the session nor the application. None
    for staff (their sessions have checks a key would skip) and for anyone not logged in."""
    user = request.user
    if not user.is_authenticated or user.is_staff:
        return ""
    return oppslag.lag(
        bruker=user.pk,
        hva=TOLKNING,
        pk=soknad.pk,
        spesialitet=soknad.spesialitet,
        dato=soknad.soknadsdato.isoformat() if soknad.soknadsdato else None,
    )


@oppslag.tar_nokkel(TOLKNING)
def laeringsmal_tolkning(request, pk):
    """The live reading of the LM text while the søker types: the application's own catalogue (its søknadsdato, a
    draft today's) and specialty, so that what is shown is what saving stores; GET ?tekst=. With the page's key
    (`tolkning_nokkel`) it is answered from the key alone, without a query; else from the session."""
    nokkel = oppslag.gyldig(request)
    if nokkel is None:
        return _tolkning_med_okt(request, pk)
    dato = dt.date.fromisoformat(nokkel["dato"]) if nokkel["dato"] else None
    return _tolkning(request, nokkel["spesialitet"], katalog_for_oppslag(dato))


@login_required
def _tolkning_med_okt(request, pk):
    soknad = soknad_eller_404(request, pk)  # first: another's application is 404 whatever the method
    return _tolkning(request, soknad.spesialitet, katalog_for_soknad(soknad.soknadsdato))


def _tolkning(request, spesialitet, katalog):
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return laeringsmal_views.tolkning_svar(
        tekst=request.GET.get("tekst", ""),
        spesialitet=spesialitet,
        katalog=katalog,
        maks=skjema.maks("laeringsmal"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def laeringsarena(request, pk, arena_pk=None):
    soknad = soknad_eller_404(request, pk)
    arena = or_404(selectors.arena_for_soker, IKKE_FUNNET_ARENA, soknad=soknad, pk=arena_pk) if arena_pk else None
    if not soknad.er_redigerbar:
        messages.info(request, IKKE_REDIGERBAR)
        return redirect("soknader:se_over", soknad.pk)
    if request.method == "POST":
        return _laeringsarena_lagre(request, soknad, arena)
    form = _arena_form(soknad, instance=arena)
    if arena and request.GET.get("mangler"):
        # Just saved with gaps and sent here (its own URL): name the gaps as the save did.
        form = _arena_form(soknad, _som_postdata(form), instance=arena)
        form.is_valid()
        form.show_problems(seksjoner.arena_problems(arena))
    return _arena_side(request, soknad, arena, form)


def _arena_form(soknad, *args, **kwargs) -> LaeringsarenaForm:
    """The arena form, offering the arena types this application's specialty and organisation may use."""
    return LaeringsarenaForm(*args, soknad_kontekst=seksjoner.context(soknad), **kwargs)


def _arena_side(request, soknad, arena, form):
    return render(
        request,
        "soknader/laeringsarena.html",
        {
            "soknad": soknad,
            "arena": arena,
            "form": form,
            "tolkning": arena.tolkning if arena else None,
            "tolkning_nokkel": tolkning_nokkel(request, soknad),
            "neste": neste_fra(request, soknad),
        },
    )


def _laeringsarena_lagre(request, soknad, arena):
    form = _arena_form(soknad, request.POST, instance=arena)
    if arena is None and (form.is_blank() or not form.is_valid()):
        # A new arena is created only from input that can be stored: otherwise the user's input, errors and all,
        # stays in the form at /ny/ and nothing is created (a half-created arena at /ny/ was saved twice).
        if form.is_blank():
            form.is_valid()
            form.add_error(None, gettext("Du har ikke fylt ut noe ennå. Fyll ut læringsarenaen før du lagrer."))
        else:
            messages.error(
                request, gettext("Rett det som er markert, så lagrer vi læringsarenaen. Ingenting er lagret ennå.")
            )
        return _arena_side(request, soknad, None, form)
    valid = form.is_valid()
    try:
        lagret = utkast.laeringsarena_save(
            soknad=soknad,
            arena=arena,
            values=form.valid_values(),
            expected=form.cleaned_data.get("fingerprint", "") if arena else "",
        )
    except errors.NotEditable:
        messages.error(request, IKKE_REDIGERBAR)
        return redirect("soknader:se_over", soknad.pk)
    except ValidationError as error:  # one arena too many: nothing is saved, the input stays in the form
        form.add_error(None, error.messages[0])
        return _arena_side(request, soknad, arena, form)
    except errors.Conflict as conflict:
        if not conflict.stored:
            messages.error(
                request,
                gettext("Læringsarenaen er slettet av en annen mens du skrev. Lagre for å legge den til på nytt."),
            )
            return _arena_side(request, soknad, None, _arena_form(soknad, request.POST))
        form.show_conflict(conflict.stored)
        messages.error(request, KONFLIKT)
        return _arena_side(request, soknad, arena, form)
    return _etter_lagring(request, soknad, lagret, form, valid=valid, ny=arena is None)


def _etter_lagring(request, soknad, arena, form, *, valid: bool, ny: bool):
    """After an arena is saved: back to the list when it is complete, else the arena again with what it lacks."""
    problemer = seksjoner.arena_problems(arena)
    if valid and not problemer:
        if arena.laeringsmal_feil:  # saved, but part of the objectives could not be read: not counted, no success
            messages.warning(
                request,
                gettext(
                    "Læringsarenaen «%(arena)s» er lagret, men deler av læringsmålene kunne ikke leses og er ikke "
                    "telt med: %(biter)s. Rett teksten, ellers må saksbehandleren sjekke den."
                )
                % {"arena": arena, "biter": ", ".join(f"«{f['tekst']}»" for f in arena.laeringsmal_feil)},
            )
        else:
            messages.success(request, gettext("Læringsarenaen «%(arena)s» er lagret.") % {"arena": arena})
        return redirect(neste_fra(request, soknad) or reverse("soknader:laeringsarenaer", args=[soknad.pk]))
    messages.warning(request, gettext("Vi har lagret det du skrev, men læringsarenaen mangler opplysninger."))
    if ny:  # from now on the arena's own page, so the next save changes this arena, not a new one
        url = reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk])
        return redirect(f"{url}?{urlencode({'mangler': '1', 'neste': neste_fra(request, soknad)})}")
    form.refresh_fingerprint(arena)
    form.show_problems(problemer)
    return _arena_side(request, soknad, arena, form)


def _som_postdata(form) -> QueryDict:
    """An unbound form's shown values as a browser would post them."""
    data = QueryDict(mutable=True)
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list | tuple):
            data.setlist(name, [str(v) for v in value])
        elif value is not None:
            data[name] = str(value)
    return data


@login_required
@require_http_methods(["GET", "POST"])
def slett_laeringsarena(request, pk, arena_pk):
    soknad = soknad_eller_404(request, pk)
    arena = or_404(selectors.arena_for_soker, IKKE_FUNNET_ARENA, soknad=soknad, pk=arena_pk)
    if request.method == "POST":
        try:
            utkast.laeringsarena_delete(soknad=soknad, arena=arena)
        except errors.NotEditable:
            messages.error(request, IKKE_REDIGERBAR)
            return redirect("soknader:se_over", soknad.pk)
        messages.success(request, gettext("Læringsarenaen «%(arena)s» er slettet.") % {"arena": arena})
        return redirect("soknader:laeringsarenaer", soknad.pk)
    return render(request, "soknader/slett_laeringsarena.html", {"soknad": soknad, "arena": arena})


@login_required
def arenaer_fil(request, pk):
    """The application's arenas as a file of the interchange format's `laeringsarenaer`."""
    soknad = soknad_eller_404(request, pk)
    data = arenafil.dump(selectors.arenaer_for_soknad(soknad=soknad)).encode()
    navn = f"laeringsarenaer-{soknad.virksomhet.organisasjonsnummer}-{soknad.spesialitet}.json"
    return dokumenter.fil_response(data, navn, "application/json")


@login_required
@require_http_methods(["GET", "POST"])
def arenaer_importer(request, pk):
    """Arenas from a file into this draft: read, shown as they will be added (and understood), then added."""
    soknad = soknad_eller_404(request, pk)
    if not soknad.er_redigerbar:
        messages.info(request, IKKE_REDIGERBAR)
        return redirect("soknader:se_over", soknad.pk)
    form = ArenafilForm(request.POST or None, request.FILES or None)
    forhandsvisning, innhold = None, ""
    if request.method == "POST" and form.is_valid():
        fil = form.cleaned_data["fil"]
        # read no more than the limit and one byte: a file larger than it says is not read to its end
        data = fil.read(settings.ARENAFIL_MAKS_BYTES + 1) if fil else form.cleaned_data["innhold"].encode()
        rows, feil = arenafil.read(data)
        har = selectors.antall_arenaer(soknad=soknad)
        if not feil and (melding := grenser.arenaer_for_mange(har=har, nye=len(rows))):
            feil = [melding]
        for melding in feil:
            form.add_error("fil", melding)
        if not feil and "bekreft" in request.POST:
            try:
                added = utkast.laeringsarenaer_import(soknad=soknad, rows=rows)
            except errors.NotEditable:
                messages.error(request, IKKE_REDIGERBAR)
                return redirect("soknader:se_over", soknad.pk)
            except ValidationError as error:
                form.add_error("fil", error.messages[0])
                return render(
                    request,
                    "soknader/arenaer_importer.html",
                    {"soknad": soknad, "form": form, "forhandsvisning": None, "innhold": ""},
                )
            messages.success(
                request,
                ngettext(
                    "%(antall)s læringsarena er lagt til fra filen.",
                    "%(antall)s læringsarenaer er lagt til fra filen.",
                    len(added),
                )
                % {"antall": len(added)},
            )
            return redirect("soknader:laeringsarenaer", soknad.pk)
        if not feil:
            katalog = katalog_for_soknad(soknad.soknadsdato)
            forhandsvisning = [
                Laeringsarena(
                    **row,
                    **tolk_laeringsmal(
                        tekst=row["laeringsmal"], spesialitet=soknad.spesialitet, katalog=katalog
                    ).felter,
                )
                for row in rows
            ]
            innhold = data.decode("utf-8-sig")
    return render(
        request,
        "soknader/arenaer_importer.html",
        {"soknad": soknad, "form": form, "forhandsvisning": forhandsvisning, "innhold": innhold},
    )
