"""Forms of the søker journey: only about input (types, formats, which fields are shown).

Each section form is built from the form's table (`skjema/`): its fields, labels, help, widgets, who they
apply to and when they are shown. Whether a section is complete is decided by `completeness`, on the saved
data, so that a draft can always be saved. Conditional fields carry `data-vis-felt`/`data-vis-verdier`
attributes: `static/js/skjema.js` hides them until their trigger is chosen; without JavaScript they are all
shown, with a hint saying when they apply.
"""

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.http import QueryDict
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from drift.bootstrap_forms import BootstrapForm, Slot

from . import completeness, grenser, skjema
from .changes import fingerprint
from .choices import Spesialitet
from .models import Laeringsarena, Soknad
from .regler import gyldig, hvem
from .skjema import Del, Felt, Kontekst, Type

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

JA_NEI = [(True, _("Ja")), (False, _("Nei"))]

UGYLDIG_EPOST = _("Oppgi en gyldig e-postadresse, for eksempel navn@kommune.no.")

phone_validator = RegexValidator(gyldig.TELEFON, gyldig.UGYLDIG_TELEFON)  # the rule: regler/gyldig.py


def formfield(felt: Felt, model_field: "models.Field[Any, Any]") -> forms.Field:
    """The form field for one row of the table: its type decides the widget, the table its texts."""
    kwargs: dict[str, Any] = {"label": felt.etikett, "help_text": skjema.hjelpetekst(felt), "required": False}
    if felt.type in (Type.VALG, Type.NEDTREKK, Type.FLERVALG):
        choices = felt.valgliste
        if felt.type is Type.FLERVALG:
            return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **kwargs)
        if felt.type is Type.NEDTREKK:
            velg = gettext("Velg %(hva)s") % {"hva": str(felt.etikett).lower()}
            return forms.ChoiceField(choices=[("", velg)] + choices, **kwargs)
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **kwargs)
    if felt.type is Type.JA_NEI:
        return yes_no_field(**kwargs)
    if felt.type in (Type.BEKREFT, Type.AVKRYSNING):
        return forms.BooleanField(**kwargs)
    attrs = {"autocomplete": felt.autocomplete} if felt.autocomplete else {}
    if felt.maks_lengde:  # the browser lets one type more and the server names the limit (see MaksLengde)
        kwargs["validators"] = [MaksLengde(felt)]
    if felt.type is Type.TELEFON:
        kwargs["validators"].append(phone_validator)
        return forms.CharField(widget=forms.TextInput(attrs={"type": "tel", **attrs}), **kwargs)
    if felt.type is Type.LANGTEKST:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": felt.rader}), **kwargs)
    field = model_field.formfield(max_length=None, **kwargs)  # the limit is the table's, with its message
    assert field is not None  # text, e-mail and number columns all have one
    field.widget.attrs.update(attrs)
    if felt.type is Type.EPOST:  # our words, with an example, instead of Django's
        field.error_messages["invalid"] = UGYLDIG_EPOST
    return field


class MaksLengde:
    """A text longer than the table's limit for its field: the message names the length and the limit."""

    def __init__(self, felt: Felt):
        self.felt = felt

    def __call__(self, value) -> None:
        melding = self.felt.for_lang(value)
        if melding:
            raise forms.ValidationError(melding, code="max_length")

    def __eq__(self, other) -> bool:
        return isinstance(other, MaksLengde) and other.felt == self.felt


def yes_no_field(**kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        choices=JA_NEI,
        coerce=lambda v: v in (True, "True"),
        empty_value=None,
        widget=forms.RadioSelect,
        **kwargs,
    )


class UtkastForm(BootstrapForm, forms.ModelForm):
    """A section (or an arena) as the table declares it. Nothing is required here, and conflicts are detected."""

    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)
    del_: Del
    # a template included right after a field, in the page's context (e.g. what an LM text was read as)
    etter_felt: dict[str, str] = {}

    def __init__(self, *args, kontekst: Kontekst | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kontekst = kontekst
        for felt in self.del_.felt:
            if completeness.i_skjema(felt, kontekst):
                self.fields[felt.navn] = formfield(felt, self._meta.model._meta.get_field(felt.navn))
                if felt.vis_naar:
                    boks = skjema.FELT[felt.vis_naar.felt].type in (Type.BEKREFT, Type.AVKRYSNING)
                    verdier = ("on" if v is True and boks else str(v) for v in felt.vis_naar.verdier)
                    self.fields[felt.navn].widget.attrs.update(
                        {"data-vis-felt": felt.vis_naar.felt, "data-vis-verdier": " ".join(verdier)}
                    )
            else:
                del self.fields[felt.navn]
        self.fields["fingerprint"].initial = fingerprint(self.stored_values())
        for gruppe in (g for g in self.del_.innhold if isinstance(g, skjema.Gruppe)):
            for felt in gruppe.felt:  # a confirmation's one message is named by its group in the error summary
                if felt.navn in self.fields and felt.type is Type.BEKREFT and felt.mangler:
                    # read by feiloppsummering.html: the summary names the group, not the one box
                    self.fields[felt.navn].oppsummering = gruppe.tittel  # type: ignore[attr-defined]

    def layout(self) -> Iterator[Slot]:
        """The section as the table orders it: its groups as fieldsets, the fields shown in this context, and the
        fingerprint last."""
        yield from self._slots(self.del_.innhold)
        yield Slot(field=self["fingerprint"])

    def _slots(self, innhold: Iterable[Felt | skjema.Gruppe]) -> Iterator[Slot]:
        for item in innhold:
            if isinstance(item, skjema.Gruppe):
                yield Slot(legend=item.tittel, group=tuple(self._slots(item.felt)))
            elif item.navn in self.fields:
                yield Slot(field=self[item.navn], after=self.etter_felt.get(item.navn, ""))

    @property
    def data_fields(self) -> list[str]:
        return [name for name in self.fields if name != "fingerprint"]

    def is_blank(self) -> bool:
        """Nothing typed or chosen in any shown field (a save would only store an empty row)."""
        getlist = getattr(self.data, "getlist", lambda name: [self.data.get(name)])
        return not any(str(v or "").strip() for name in self.data_fields for v in getlist(name))

    def stored_values(self) -> dict[str, Any]:
        return {name: getattr(self.instance, name) for name in self._meta.fields or ()}

    def valid_values(self) -> dict[str, Any]:
        """What may be saved: every shown field that passed its format checks."""
        return {name: self.cleaned_data[name] for name in self.data_fields if name in self.cleaned_data}

    def refresh_fingerprint(self, instance) -> None:
        """After a save, the next save compares against what is stored now."""
        self.instance = instance
        self._set_fingerprint(self.stored_values())

    def _set_fingerprint(self, values: Mapping[str, Any]) -> None:
        """The posted data with the fingerprint of `values` (a copy: the request's data cannot be changed)."""
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data["fingerprint"] = fingerprint(values)
        self.data = data

    def show_conflict(self, lagret: Mapping[str, Any]) -> None:
        """Someone else saved meanwhile: point at each field where their value differs from ours."""
        self._set_fingerprint({name: lagret[name] for name in self._meta.fields or ()})
        verdier = self.valid_values()
        for name in self.data_fields:
            if name in verdier and verdier[name] != lagret.get(name):
                vist = skjema.vis_verdi(name, lagret.get(name))
                self.add_error(
                    name,
                    gettext(
                        "Noen andre har nettopp lagret «%(verdi)s» her. Det du skrev står fortsatt i feltet: "
                        "velg hva som skal gjelde, og lagre på nytt."
                    )
                    % {"verdi": vist},
                )

    def show_problems(self, problemer: Mapping[str, "StrOrPromise"]) -> None:
        for name, melding in problemer.items():
            field = None if name == "__all__" else name
            if (field is None or field in self.fields) and (field is None or field not in self.errors):
                self.add_error(field, melding)


class OrganisasjonSelect(forms.RadioSelect):
    """The organisations as radio buttons, each saying whether it is a kommune (the browser then greys out the
    specialties only kommuner may apply for)."""

    kommuner: frozenset[str] = frozenset()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["attrs"]["data-kommune"] = "1" if value in self.kommuner else "0"
        return option


def _spesialitet_hjelp() -> str:
    """The specialty's help on the start page, in the language active when it is shown."""
    return gettext(
        "Det sendes én søknad per spesialitet. %(bare_kommuner)s kan bare søkes av kommuner. Sykehusavdelinger og "
        "STAMI kan i stedet søke om godkjenning som utdanningsvirksomhet i arbeidsmedisin, med et eget skjema (se "
        "lenken under skjemaet)."
    ) % {"bare_kommuner": " og ".join(str(Spesialitet(s).label) for s in sorted(hvem.BARE_KOMMUNER))}


class StartForm(BootstrapForm, forms.Form):
    """Which organisation (one of those Altinn says the user may act for) and which specialty."""

    organisasjonsnummer = forms.ChoiceField(
        label=_("Virksomhet"),
        widget=OrganisasjonSelect,
        help_text=_(
            "Virksomhetene du kan søke for, slik Altinn viser dem. Mangler en virksomhet, må den som styrer "
            "tilganger i virksomheten gi deg tilgang til tjenesten i Altinn."
        ),
        error_messages={
            "required": _("Velg virksomheten du søker for."),
            "invalid_choice": _(
                "Du kan bare starte en søknad for virksomheter som har gitt deg tilgang til tjenesten i Altinn."
            ),
        },
    )
    spesialitet = forms.ChoiceField(
        label=_("Spesialitet"),
        choices=Spesialitet.choices,
        widget=forms.RadioSelect,
        help_text=lazy(_spesialitet_hjelp, str)(),
        error_messages={
            "required": _("Velg spesialiteten dere søker for."),
            "invalid_choice": _("Velg en av spesialitetene."),
        },
    )

    def __init__(self, *args, virksomheter=(), **kwargs):
        super().__init__(*args, **kwargs)
        virksomheter = list(virksomheter)
        field = self.fields["organisasjonsnummer"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (
                v.organisasjonsnummer,
                gettext("%(navn)s (org.nr. %(orgnr)s)") % {"navn": v.navn, "orgnr": v.organisasjonsnummer_formatert},
            )
            for v in virksomheter
        ]
        # not known to be anything else until the registry has answered: then the server decides on save
        field.widget.kommuner = frozenset(
            v.organisasjonsnummer for v in virksomheter if v.er_kommune or not v.navn_verifisert
        )
        if len(virksomheter) == 1:
            field.initial = virksomheter[0].organisasjonsnummer
        self._offer_specialties(virksomheter)

    def _offer_specialties(self, virksomheter) -> None:
        """Offer what the organisation may apply for, with the reason for the rest (hvem.spesialiteter_for).

        The organisation is known when there is only one, or when the form was posted, and the kommune register or
        Enhetsregisteret has said what it is; otherwise every specialty is
        offered and the browser greys out the ones the chosen organisation may not apply for (and the server checks
        again when it is posted)."""
        valgt = self.data.get("organisasjonsnummer") if self.is_bound else None
        kjent = [v for v in virksomheter if v.organisasjonsnummer == valgt] or (
            virksomheter if len(virksomheter) == 1 else []
        )
        if kjent and kjent[0].navn_verifisert:  # the register or Enhetsregisteret has said what it is
            valg = hvem.spesialiteter_for(er_kommune=kjent[0].er_kommune, navn=kjent[0].navn)
        else:
            valg = hvem.spesialiteter_for(er_kommune=None)
        field = self.fields["spesialitet"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(v.spesialitet, v.etikett) for v in valg if v.kan_velges]
        field.widget.attrs["data-bare-kommuner"] = " ".join(hvem.BARE_KOMMUNER)
        grunner = [v.grunn for v in valg if not v.kan_velges]
        if grunner:
            field.help_text = " ".join([gettext("Det sendes én søknad per spesialitet."), *grunner])
            field.error_messages = {**field.error_messages, "invalid_choice": " ".join(grunner)}


class LaeringsarenaForm(UtkastForm):
    del_ = skjema.LAERINGSARENA
    etter_felt = {"laeringsmal": "soknader/_tolkning.html"}

    class Meta:
        model = Laeringsarena
        fields = skjema.LAERINGSARENA.feltnavn

    def __init__(self, *args, soknad_kontekst: Kontekst | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if soknad_kontekst is not None:  # only the types this specialty and organisation may use (skjema.ARENATYPER)
            tillatt = {*skjema.arenatyper_for(soknad_kontekst), "", self.instance.type}
            felt = self.fields["type"]
            assert isinstance(felt, forms.ChoiceField)
            valg = cast(list[tuple[str, str]], felt.choices)  # Django keeps them as a list of pairs
            felt.choices = [(verdi, tekst) for verdi, tekst in valg if verdi in tillatt]
            self.fields["laeringsmal"].help_text = skjema.laeringsmal_hjelp(soknad_kontekst.spesialitet)
        self.fields["laeringsmal"].widget.attrs["aria-describedby"] = "id_laeringsmal_helptext lm-tolkning"
        # read by skjema/felt.html: the long hint above, the live reading right below the input
        self.fields["laeringsmal"].hjelp_over = True  # type: ignore[attr-defined]


def _seksjonsskjema(del_: Del) -> type[UtkastForm]:
    """The form of one of sections 1–3: the application's fields as the table declares them."""
    # a subclass of `form`, as modelform_factory makes it (typed as a plain ModelForm)
    form_class = cast(type[UtkastForm], forms.modelform_factory(Soknad, form=UtkastForm, fields=del_.feltnavn))
    form_class.del_ = del_
    return form_class


SEKSJON_SKJEMA: dict[str, type[UtkastForm]] = {navn: _seksjonsskjema(del_) for navn, del_ in skjema.SEKSJONER.items()}


class FlereFilerInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FlereFilerField(forms.FileField):
    """Several files in one field (Django's documented way): a list of uploaded files, possibly empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", FlereFilerInput(attrs={"accept": "application/pdf,.pdf", "class": "form-control"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(FlereFilerField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


def _vedlegg_hjelp() -> str:
    """The attachments' help with the limits (soknader/grenser.py), in the language active when it is shown."""
    return " ".join(
        [
            gettext("Du kan legge ved en eller flere PDF-filer, for eksempel en avtale."),
            gettext("Høyst %(antall)s filer og %(mb)s MB til sammen i ett svar, og høyst %(mb_fil)s MB per fil.")
            % {
                "antall": settings.VEDLEGG_MAKS_ANTALL_PER_SVAR,
                "mb": grenser.mb(settings.VEDLEGG_MAKS_BYTES_PER_SVAR),
                "mb_fil": grenser.mb(settings.VEDLEGG_MAKS_BYTES),
            },
        ]
    )


class SvarForm(forms.Form):
    """The applicant's answer to an anmodning: words, and PDF files if the directorate asked for documents."""

    def __init__(self, *args, besvart: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if besvart:  # answered already: more words are welcome, not needed to send the application in again
            self.fields["tekst"].label = _("Mer til Helsedirektoratet (valgfritt)")
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-hjelp"

    def add_error(self, field, error):
        super().add_error(field, error)
        for name in self.errors:  # the message next to the field is read with it
            if name in self.fields and "is-invalid" not in self.fields[name].widget.attrs["class"]:
                attrs = self.fields[name].widget.attrs
                attrs["class"] += " is-invalid"
                attrs["aria-describedby"] = " ".join(filter(None, [attrs.get("aria-describedby"), f"id_{name}-feil"]))

    tekst = forms.CharField(
        label=_("Svar til Helsedirektoratet"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
        error_messages={"max_length": _("Svaret kan være høyst %(limit_value)d tegn (nå %(show_value)d).")},
    )
    vedlegg = FlereFilerField(
        label=_("Vedlegg (PDF)"),
        required=False,
        help_text=lazy(_vedlegg_hjelp, str)(),
    )


class KopierForm(forms.Form):
    """A new application as a copy of another of the same organisation: which specialty, and what to copy."""

    spesialitet = forms.ChoiceField(
        label=_("Spesialitet for den nye søknaden"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Velg spesialiteten den nye søknaden gjelder."),
            "invalid_choice": _("Velg en av spesialitetene."),
        },
    )
    seksjoner = forms.MultipleChoiceField(
        label=_("Kopier disse delene"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    arenaer = forms.MultipleChoiceField(
        label=_("Kopier disse læringsarenaene"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Læringsmålene leses på nytt for den nye spesialiteten; det som ikke passer, vises på arenaen."),
    )

    def __init__(self, *args, spesialiteter=(), seksjoner=(), arenaer=(), **kwargs):
        super().__init__(*args, **kwargs)
        spesialitet, deler, valgte_arenaer = (
            self.fields["spesialitet"],
            self.fields["seksjoner"],
            self.fields["arenaer"],
        )
        assert isinstance(spesialitet, forms.ChoiceField) and isinstance(deler, forms.ChoiceField)
        assert isinstance(valgte_arenaer, forms.ChoiceField)
        spesialitet.choices = [(s, Spesialitet(s).label) for s in spesialiteter]
        if spesialiteter:  # the first one not applied for yet (SAM after ALM): two clicks for the common case
            spesialitet.initial = spesialiteter[0]
        deler.choices = list(seksjoner)
        deler.initial = [key for key, _ in seksjoner]
        valgte_arenaer.choices = [(str(a.pk), str(a)) for a in arenaer]
        valgte_arenaer.initial = [str(a.pk) for a in arenaer]


class ArenafilForm(forms.Form):
    """A file of arenas (from «Last ned læringsarenaene»); after the preview, its content comes back as text."""

    fil = forms.FileField(
        label=_("Fil med læringsarenaer"),
        required=False,
        help_text=_("En JSON-fil lastet ned fra «Last ned læringsarenaene som fil» i en annen søknad."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/json,.json", "class": "form-control"}),
    )
    innhold = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean() or {}
        if not cleaned.get("fil") and not cleaned.get("innhold"):
            self.add_error("fil", gettext("Velg filen med læringsarenaene."))
        return cleaned
