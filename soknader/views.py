"""Thin views of the søker journey: parse input, call a selector or a service, render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from drift.grenser import treff
from laeringsmal import views as laeringsmal_views
from laeringsmal.tolking import dekning_kontekst, katalog_for_soknad, tolk_laeringsmal
from tilgang.session import navn_read

from . import completeness, dokumenter, grenser, sections, selectors, services, skjema
from .choices import Seksjon, Seksjonsstatus, Spesialitet
from .forms import SEKSJON_SKJEMA, ArenafilForm, KopierForm, LaeringsarenaForm, StartForm, SvarForm
from .interchange import arenaer as arenafil
from .models import Laeringsarena
from .regler import hvem
from .regler import status as statusregler
from .regler.status import AVSLUTTEDE_STATUSER
from .regler.vurdering import vurder
from .roles import BEHANDLE_SOKNAD

IKKE_REDIGERBAR = _("Søknaden er sendt inn og kan ikke endres nå.")
KONFLIKT = _(
    "Noen andre har lagret endringer i denne delen mens du skrev. Det du skrev er ikke lagret ennå: "
    "se over feltene som er markert, og lagre på nytt."
)
DELVIS_LAGRET = _("Vi har lagret det du skrev, unntatt feltene som er markert med feil.")
FOR_MANGE_STARTER = _("Du har startet mange søknader på kort tid. Vent et minutt og prøv igjen.")


def forside(request):
    """The service's front door: what it is for a visitor; for a logged-in user their role's own start page
    (caseworker → the admin, ALIS-kontor → their region, søker → their applications)."""
    if not request.user.is_authenticated:
        return render(request, "forside.html", {"bare_kommuner": hvem.IKKE_KOMMUNE_ALM})
    if request.user.is_staff and request.user.has_perm(BEHANDLE_SOKNAD):
        return redirect("admin:index")
    if selectors.region_for_bruker(request.user) and not selectors.virksomheter_for_bruker(request.user).exists():
        return redirect("oversikt:region")
    return redirect("soknader:mine")


@login_required
def mine_soknader(request):
    return render(
        request,
        "soknader/mine_soknader.html",
        {
            "soknader": selectors.soknader_for_bruker(request.user),
            "virksomheter": selectors.virksomheter_for_bruker(request.user),
            "helseregion": selectors.region_for_bruker(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ny_soknad(request):
    virksomheter = list(selectors.virksomheter_for_bruker(request.user))
    form = StartForm(request.POST or None, virksomheter=virksomheter)
    status = 200
    # starts per user are counted in the database, so the limit holds across workers and instances
    if (
        request.method == "POST"
        and form.is_valid()
        and treff("soknad-start", hvem=request.user.pk, grense=settings.SOKNAD_START_RATE_LIMIT, vindu=60)
    ):
        form.add_error(None, FOR_MANGE_STARTER)
        status = 429
    if request.method == "POST" and form.is_valid():
        try:
            soknad = services.soknad_create(bruker=request.user, sprak=translation.get_language(), **form.cleaned_data)
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                for message in messages_:
                    form.add_error(field, message)
        else:
            messages.success(
                request, gettext("Søknaden er opprettet. Du kan fylle ut delene i den rekkefølgen du vil.")
            )
            virksomhet = soknad.virksomhet
            merknad = hvem.godkjenning_i_stedet(
                spesialitet=soknad.spesialitet, navn=virksomhet.navn, organisasjonsform=virksomhet.organisasjonsform
            )
            if merknad:
                messages.info(request, merknad)
            if virksomhet.konkurs or virksomhet.under_avvikling:
                if virksomhet.konkurs:
                    melding = gettext(
                        "Enhetsregisteret sier at %(navn)s er konkurs. Helsedirektoratet vil se på dette når "
                        "søknaden behandles."
                    )
                else:
                    melding = gettext(
                        "Enhetsregisteret sier at %(navn)s er under avvikling. Helsedirektoratet vil se på dette "
                        "når søknaden behandles."
                    )
                messages.warning(request, melding % {"navn": virksomhet.navn})
            if not virksomhet.navn_verifisert:
                messages.info(
                    request,
                    gettext(
                        "Vi fikk ikke bekreftet navnet i Enhetsregisteret nå. Vi bruker navnet fra "
                        "Altinn, og prøver igjen senere."
                    ),
                )
            return redirect("soknader:oppgaver", soknad.pk)
    godkjenning = [  # ARB from a hospital or STAMI: they may seek godkjenning instead (told, not blocked)
        merknad
        for v in virksomheter
        if (merknad := hvem.godkjenning_i_stedet(spesialitet="ARB", navn=v.navn, organisasjonsform=v.organisasjonsform))
    ]
    return render(
        request,
        "soknader/ny_soknad.html",
        {"form": form, "virksomheter": virksomheter, "godkjenning": godkjenning},
        status=status,
    )


@login_required
def oppgaver(request, pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    arenaer = selectors.arenaer_for_soknad(soknad)
    statuser = sections.statuses(soknad, arenaer)
    return render(
        request,
        "soknader/oppgaver.html",
        {
            "soknad": soknad,
            "seksjoner": [(seksjon, statuser[seksjon]) for seksjon in Seksjon],
            "antall_fullfort": sum(s == Seksjonsstatus.FULLFORT for s in statuser.values()),
            "antall_arenaer": len(arenaer),
            "neste_del": next(
                ((s, _seksjon_url(soknad, s)) for s in Seksjon if statuser[s] != Seksjonsstatus.FULLFORT), None
            ),
        },
    )


def _neste(request, soknad) -> str:
    """Where the user came from (e.g. «Se over»), if it is one of this application's own pages; else ""."""
    neste = request.POST.get("neste") or request.GET.get("neste") or ""
    egen = reverse("soknader:oppgaver", args=[soknad.pk])
    if (
        neste.startswith(egen)
        and url_has_allowed_host_and_scheme(neste, allowed_hosts=None)
        and "\\" not in neste
        and not any(c in neste for c in "\r\n")
    ):
        return neste
    return ""


def _seksjon_url(soknad, seksjon) -> str:
    if seksjon == Seksjon.LAERINGSARENAER:
        return reverse("soknader:laeringsarenaer", args=[soknad.pk])
    return reverse("soknader:seksjon", args=[soknad.pk, seksjon])


@login_required
@require_http_methods(["GET", "POST"])
def seksjon(request, pk, seksjon):
    soknad = selectors.soknad_for_soker(request.user, pk)
    if seksjon not in SEKSJON_SKJEMA:
        raise Http404(gettext("Fant ikke denne delen av skjemaet."))
    seksjon = Seksjon(seksjon)
    form_class = SEKSJON_SKJEMA[seksjon]
    kontekst = sections.context(soknad)
    if not soknad.er_redigerbar:
        messages.info(request, IKKE_REDIGERBAR)
        return redirect("soknader:se_over", soknad.pk)
    form = form_class(request.POST or None, instance=soknad, kontekst=kontekst, initial=_forslag(request, soknad))
    if request.method == "POST":
        valid = form.is_valid()
        try:
            soknad = services.seksjon_save(
                soknad=soknad,
                seksjon=seksjon,
                values=form.valid_values(),
                expected=form.cleaned_data.get("fingerprint", ""),
            )
        except services.NotEditable:
            messages.error(request, IKKE_REDIGERBAR)
            return redirect("soknader:se_over", soknad.pk)
        except services.Conflict as conflict:
            form.show_conflict(conflict.stored)
            messages.error(request, KONFLIKT)
        else:
            problemer = sections.section_problems(soknad, seksjon)
            if valid and "fortsett" in request.POST and not problemer:
                messages.success(request, gettext("«%(del)s» er lagret og fullført.") % {"del": seksjon.label})
                return redirect(_neste(request, soknad) or _neste_url(soknad, seksjon))
            if valid and "fortsett" not in request.POST:
                messages.success(request, gettext("Utkastet er lagret."))
                return redirect(_neste(request, soknad) or reverse("soknader:oppgaver", args=[soknad.pk]))
            form.refresh_fingerprint(soknad)
            if "fortsett" in request.POST:
                form.show_problems(problemer)
            if valid:
                messages.warning(request, gettext("Vi har lagret det du skrev, men delen er ikke fullført ennå."))
            else:
                messages.warning(request, DELVIS_LAGRET)
    return render(
        request,
        "soknader/seksjon.html",
        {
            "soknad": soknad,
            "seksjon": seksjon,
            "form": form,
            "kontekst": kontekst,
            "valgfrie_bekreftelser": completeness.valgfrie_bekreftelser(kontekst),
            "neste": _neste(request, soknad),
        },
    )


def _forslag(request, soknad) -> dict:
    """The contact person suggested from the logged-in user (name, and e-mail if ID-porten gave one) while the
    application has none: shown in the fields, stored only when the user saves."""
    if soknad.kontaktperson_navn or soknad.kontaktperson_epost:
        return {}
    forslag = {"kontaktperson_navn": navn_read(request), "kontaktperson_epost": request.user.email}
    return {felt: verdi for felt, verdi in forslag.items() if verdi}


def _neste_url(soknad, seksjon) -> str:
    order = list(Seksjon)
    return _seksjon_url(soknad, order[order.index(seksjon) + 1])


@login_required
def laeringsarenaer(request, pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    arenaer = selectors.arenaer_for_soknad(soknad)
    arena_problemer = [(arena, sections.arena_problems(arena)) for arena in arenaer]
    return render(
        request,
        "soknader/laeringsarenaer.html",
        {"soknad": soknad, "arenaer": arena_problemer},
    )


@login_required
def laeringsmal_tolkning(request, pk):
    """The live reading of the LM text while the søker types: the application's own catalogue (its søknadsdato, a
    draft today's) and specialty, so that what is shown is what saving stores; GET ?tekst=."""
    soknad = selectors.soknad_for_soker(request.user, pk)  # first: another's application is 404 whatever the method
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return laeringsmal_views.tolkning_svar(
        tekst=request.GET.get("tekst", ""),
        spesialitet=soknad.spesialitet,
        katalog=katalog_for_soknad(soknad.soknadsdato),
        maks=skjema.FELT["laeringsmal"].maks_lengde,
    )


@login_required
@require_http_methods(["GET", "POST"])
def laeringsarena(request, pk, arena_pk=None):
    soknad = selectors.soknad_for_soker(request.user, pk)
    arena = selectors.arena_for_soker(soknad, arena_pk) if arena_pk else None
    if not soknad.er_redigerbar:
        messages.info(request, IKKE_REDIGERBAR)
        return redirect("soknader:se_over", soknad.pk)
    form = LaeringsarenaForm(request.POST or None, instance=arena)
    if request.method == "GET" and arena and request.GET.get("mangler"):
        # Just saved with gaps and sent here (its own URL): name the gaps as the save did.
        form = LaeringsarenaForm(_som_postdata(LaeringsarenaForm(instance=arena)), instance=arena)
        form.is_valid()
        form.show_problems(sections.arena_problems(arena))
    if request.method == "POST" and arena is None and (form.is_blank() or not form.is_valid()):
        # A new arena is created only from input that can be stored: otherwise the user's input, errors and all,
        # stays in the form at /ny/ and nothing is created (a half-created arena at /ny/ was saved twice).
        if form.is_blank():
            form.is_valid()
            form.add_error(None, gettext("Du har ikke fylt ut noe ennå. Fyll ut læringsarenaen før du lagrer."))
        else:
            messages.error(
                request, gettext("Rett det som er markert, så lagrer vi læringsarenaen. Ingenting er lagret ennå.")
            )
        return render(
            request,
            "soknader/laeringsarena.html",
            {"soknad": soknad, "arena": None, "form": form, "neste": _neste(request, soknad)},
        )
    if request.method == "POST":
        ny = arena is None
        valid = form.is_valid()
        try:
            arena = services.laeringsarena_save(
                soknad=soknad,
                arena=arena,
                values=form.valid_values(),
                expected=form.cleaned_data.get("fingerprint", "") if arena else "",
            )
        except services.NotEditable:
            messages.error(request, IKKE_REDIGERBAR)
            return redirect("soknader:se_over", soknad.pk)
        except ValidationError as error:  # one arena too many: nothing is saved, the input stays in the form
            form.add_error(None, error.messages[0])
            return render(
                request,
                "soknader/laeringsarena.html",
                {"soknad": soknad, "arena": arena, "form": form, "neste": _neste(request, soknad)},
            )
        except services.Conflict as conflict:
            if not conflict.stored:
                messages.error(
                    request,
                    gettext("Læringsarenaen er slettet av en annen mens du skrev. Lagre for å legge den til på nytt."),
                )
                return render(
                    request,
                    "soknader/laeringsarena.html",
                    {"soknad": soknad, "arena": None, "form": LaeringsarenaForm(request.POST)},
                )
            form.show_conflict(conflict.stored)
            messages.error(request, KONFLIKT)
        else:
            problemer = sections.arena_problems(arena)
            if valid and not problemer and arena.laeringsmal_feil:
                # saved, but part of the learning objectives could not be read: not counted, so not a success
                messages.warning(
                    request,
                    gettext(
                        "Læringsarenaen «%(arena)s» er lagret, men deler av læringsmålene kunne ikke leses og er ikke "
                        "telt med: %(biter)s. Rett teksten, ellers må saksbehandleren sjekke den."
                    )
                    % {"arena": arena, "biter": ", ".join(f"«{f['tekst']}»" for f in arena.laeringsmal_feil)},
                )
                return redirect(_neste(request, soknad) or reverse("soknader:laeringsarenaer", args=[soknad.pk]))
            if valid and not problemer:
                messages.success(request, gettext("Læringsarenaen «%(arena)s» er lagret.") % {"arena": arena})
                return redirect(_neste(request, soknad) or reverse("soknader:laeringsarenaer", args=[soknad.pk]))
            messages.warning(request, gettext("Vi har lagret det du skrev, men læringsarenaen mangler opplysninger."))
            if ny:  # from now on the arena's own page, so the next save changes this arena, not a new one
                url = reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk])
                return redirect(f"{url}?{urlencode({'mangler': 1, 'neste': _neste(request, soknad)})}")
            form.refresh_fingerprint(arena)
            form.show_problems(problemer)
    return render(
        request,
        "soknader/laeringsarena.html",
        {
            "soknad": soknad,
            "arena": arena,
            "form": form,
            "tolkning": arena.tolkning if arena else None,
            "neste": _neste(request, soknad),
        },
    )


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
    soknad = selectors.soknad_for_soker(request.user, pk)
    arena = selectors.arena_for_soker(soknad, arena_pk)
    if request.method == "POST":
        try:
            services.laeringsarena_delete(soknad=soknad, arena=arena)
        except services.NotEditable:
            messages.error(request, IKKE_REDIGERBAR)
            return redirect("soknader:se_over", soknad.pk)
        messages.success(request, gettext("Læringsarenaen «%(arena)s» er slettet.") % {"arena": arena})
        return redirect("soknader:laeringsarenaer", soknad.pk)
    return render(request, "soknader/slett_laeringsarena.html", {"soknad": soknad, "arena": arena})


@login_required
@require_http_methods(["GET", "POST"])
def se_over(request, pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    arenaer = selectors.arenaer_for_soknad(soknad)
    if request.method == "POST":
        try:
            soknad = services.soknad_submit(soknad=soknad, bruker=request.user, sprak=translation.get_language())
        except services.NotEditable:
            messages.error(request, gettext("Søknaden er allerede sendt inn."))
        except services.SubmitRefused:
            messages.error(
                request, gettext("Søknaden kan ikke sendes inn før alle delene er fullført. Se hva som mangler under.")
            )
        else:
            return redirect("soknader:kvittering", soknad.pk)
    katalog = katalog_for_soknad(soknad.soknadsdato)
    vurdering = vurder(soknad=soknad, arenaer=arenaer, katalog=katalog)
    problemer = vurdering.problemer
    kontekst = sections.context(soknad)
    svar = [
        (seksjon, _seksjon_url(soknad, seksjon), sections.answers(soknad, del_, kontekst), problemer[seksjon])
        for seksjon, del_ in skjema.SEKSJONER.items()
    ]
    svar[0][2][:0] = [
        (gettext("Virksomhet"), soknad.virksomhet.navn),
        (gettext("Organisasjonsnummer"), soknad.virksomhet.organisasjonsnummer_formatert),
        (gettext("Spesialitet"), soknad.get_spesialitet_display()),
    ]
    return render(
        request,
        "soknader/se_over.html",
        {
            "soknad": soknad,
            "svar": svar,
            "arenaproblemer": problemer[Seksjon.LAERINGSARENAER],
            "arenaer": [
                (a, sections.answers(a, skjema.LAERINGSARENA, None), sections.arena_problems(a)) for a in arenaer
            ],
            "antall_ufullstendige": sum(1 for p in problemer.values() if p),
            **dekning_kontekst(arenaer, soknad.spesialitet, katalog, soknad.soknadsdato),
            "mangler": vurdering.mangler,
            "kan_trekkes": statusregler.kan_trekkes(soknad.status),
            "kan_sendes": vurdering.kan_sendes and soknad.er_redigerbar,
            **_dokumenter_kontekst(soknad),
        },
    )


def _dokumenter_kontekst(soknad, svar_form=None) -> dict:
    """The exchange with the directorate and the documents of the case, for the application's page."""
    if not soknad.referanse:  # never sent in: no messages, no documents (and no queries for them)
        return {}
    return {
        "meldinger": selectors.meldinger_for_soknad(soknad),
        "innsendinger": [i for i in selectors.innsendinger_for_soknad(soknad) if i.har_pdf],
        "vedtaksbrev": selectors.vedtaksbrev_for_soknad(soknad),
        "svar_form": svar_form or (SvarForm() if statusregler.kan_svare(soknad.status) else None),
    }


@login_required
def innsending_pdf(request, pk, versjon):
    soknad = selectors.soknad_for_soker(request.user, pk)
    innsending = selectors.innsending_pdf(soknad, versjon)
    return dokumenter.fil_response(innsending.pdf, dokumenter.soknad_filnavn(soknad, versjon))


@login_required
def vedlegg(request, pk, vedlegg_pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    fil = selectors.vedlegg_for_soknad(soknad, vedlegg_pk)
    return dokumenter.fil_response(fil.innhold, fil.filnavn)


@login_required
def vedtaksbrev(request, pk, brev_pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    brev = selectors.vedtaksbrev_pdf(soknad, brev_pk)
    return dokumenter.fil_response(brev.pdf, dokumenter.vedtaksbrev_filnavn(soknad))


@login_required
@require_http_methods(["GET", "POST"])
def svar(request, pk):
    """The applicant's answer to an anmodning (words and PDFs); shown again with the error next to the field."""
    soknad = selectors.soknad_for_soker(request.user, pk)
    if request.method == "GET":  # the form lives on the application's page
        return redirect(reverse("soknader:se_over", args=[soknad.pk]) + "#dialog")
    form = SvarForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.soknad_answer(
                soknad=soknad,
                bruker=request.user,
                tekst=form.cleaned_data["tekst"],
                vedlegg=form.cleaned_data["vedlegg"],
                sprak=translation.get_language(),
            )
        except services.NotEditable:
            messages.error(request, gettext("Søknaden venter ikke på svar fra deg nå."))
            return redirect("soknader:se_over", soknad.pk)
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                for message in messages_:
                    form.add_error(field, message)
        else:
            messages.success(
                request,
                gettext(
                    "Svaret er sendt til Helsedirektoratet. Gjør eventuelle endringer, og send søknaden inn på nytt."
                ),
            )
            return redirect(reverse("soknader:se_over", args=[soknad.pk]) + "#dialog")
    messages.error(request, gettext("Svaret ble ikke sendt. Se feilen under."))
    arenaer = selectors.arenaer_for_soknad(soknad)
    return render(
        request,
        "soknader/svar.html",
        {"soknad": soknad, "arenaer": arenaer, **_dokumenter_kontekst(soknad, svar_form=form)},
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def kopier(request, pk):
    """Start a new application of the same organisation from this one (e.g. SAM from ALM)."""
    kilde = selectors.soknad_for_soker(request.user, pk)
    arenaer = selectors.arenaer_for_soknad(kilde)
    apne = set(
        selectors.soknader_for_bruker(request.user)
        .filter(virksomhet=kilde.virksomhet)
        .exclude(status__in=AVSLUTTEDE_STATUSER)
        .values_list("spesialitet", flat=True)
    )
    spesialiteter = [s for s in Spesialitet.values if s not in apne and hvem.kan_soke(s, kilde.virksomhet.er_kommune)]
    form = KopierForm(
        request.POST or None,
        spesialiteter=spesialiteter,
        seksjoner=[(s, Seksjon(s).label) for s in skjema.SEKSJONER],
        arenaer=arenaer,
    )
    if request.method == "POST" and form.is_valid():
        try:
            ny = services.soknad_copy(
                bruker=request.user,
                kilde=kilde,
                spesialitet=form.cleaned_data["spesialitet"],
                seksjoner=form.cleaned_data["seksjoner"],
                arenaer=[int(a) for a in form.cleaned_data["arenaer"]],
                sprak=translation.get_language(),
            )
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                for message in messages_:
                    form.add_error(field, message)
        else:
            nye = selectors.arenaer_for_soknad(ny)
            passer_ikke = [a for a in nye if a.laeringsmal_feil]
            messages.success(
                request,
                gettext(
                    "Søknaden om %(ny)s er opprettet som kopi av søknaden om %(kilde)s. Se over alle delene før du "
                    "sender inn."
                )
                % {"ny": ny.get_spesialitet_display().lower(), "kilde": kilde.get_spesialitet_display().lower()},
            )
            if passer_ikke:
                messages.warning(
                    request,
                    gettext(
                        "Læringsmålene er lest på nytt for %(spesialitet)s. På %(antall)s av %(alle)s læringsarenaer "
                        "er det deler som ikke passer: se «Læringsarenaer»."
                    )
                    % {
                        "spesialitet": ny.get_spesialitet_display().lower(),
                        "antall": len(passer_ikke),
                        "alle": len(nye),
                    },
                )
            return redirect("soknader:oppgaver", ny.pk)
    return render(
        request,
        "soknader/kopier.html",
        {"kilde": kilde, "form": form, "arenaer": arenaer, "spesialiteter": spesialiteter},
    )


@login_required
def kvittering(request, pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    return render(request, "soknader/kvittering.html", {"soknad": soknad, "pdf_venter": selectors.pdf_venter(soknad)})


@login_required
@require_http_methods(["GET", "POST"])
def slett_utkast(request, pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    if request.method == "POST":
        try:
            services.soknad_delete_draft(soknad=soknad)
        except services.NotEditable:
            messages.error(request, gettext("Bare utkast som aldri er sendt inn, kan slettes."))
            return redirect("soknader:oppgaver", soknad.pk)
        messages.success(request, gettext("Utkastet er slettet."))
        return redirect("soknader:mine")
    return render(request, "soknader/slett_utkast.html", {"soknad": soknad})


@login_required
@require_http_methods(["GET", "POST"])
def trekk(request, pk):
    soknad = selectors.soknad_for_soker(request.user, pk)
    if request.method == "POST":
        try:
            services.soknad_withdraw(soknad=soknad, bruker=request.user, melding=request.POST.get("melding", ""))
        except services.TransitionRefused as refused:
            messages.error(request, refused.melding)
        else:
            messages.success(request, gettext("Søknaden er trukket."))
        return redirect("soknader:se_over", soknad.pk)
    return render(request, "soknader/trekk.html", {"soknad": soknad})


@login_required
def arenaer_fil(request, pk):
    """The application's arenas as a file of the interchange format's `laeringsarenaer`."""
    soknad = selectors.soknad_for_soker(request.user, pk)
    data = arenafil.dump(selectors.arenaer_for_soknad(soknad)).encode()
    navn = f"laeringsarenaer-{soknad.virksomhet.organisasjonsnummer}-{soknad.spesialitet}.json"
    return dokumenter.fil_response(data, navn, "application/json")


@login_required
@require_http_methods(["GET", "POST"])
def arenaer_importer(request, pk):
    """Arenas from a file into this draft: read, shown as they will be added (and understood), then added."""
    soknad = selectors.soknad_for_soker(request.user, pk)
    if not soknad.er_redigerbar:
        messages.info(request, IKKE_REDIGERBAR)
        return redirect("soknader:se_over", soknad.pk)
    form = ArenafilForm(request.POST or None, request.FILES or None)
    forhandsvisning, innhold = None, ""
    if request.method == "POST" and form.is_valid():
        fil = form.cleaned_data["fil"]
        # read no more than the limit and one byte: a file larger than it says is not read to its end
        data = fil.read(settings.ARENAFIL_MAKS_BYTES + 1) if fil else form.cleaned_data["innhold"].encode()
        rows, errors = arenafil.read(data)
        if not errors and (melding := grenser.arenaer_for_mange(har=selectors.antall_arenaer(soknad), nye=len(rows))):
            errors = [melding]
        for error in errors:
            form.add_error("fil", error)
        if not errors and "bekreft" in request.POST:
            try:
                added = services.laeringsarenaer_import(soknad=soknad, rows=rows)
            except services.NotEditable:
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
        if not errors:
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
