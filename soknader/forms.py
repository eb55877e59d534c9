"""Forms of the søker journey: only about input (types, formats, which fields are shown).

Whether a section is complete is decided by `regler`, on the saved data, so that a draft can always
be saved. Conditional fields carry `data-vis-felt`/`data-vis-verdier` attributes: `skjema.js` hides
them until their trigger is chosen; without JavaScript they are all shown with a hint.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.core.validators import RegexValidator

from laeringsarenaer.choices import Arenatype, Plassering, Supervisjon
from laeringsarenaer.models import Laeringsarena

from .models import Soknad
from .choices import JaDelvisNei, KjentTiltak, Spesialitet, VeiledereAnsatt, Virksomhetstype
from .completeness import Context
from .sections import ARENA_FIELDS, SECTION_FIELDS

JA_NEI = [(True, "Ja"), (False, "Nei")]

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{6,18}[0-9]$",
    "Skriv et gyldig telefonnummer, for eksempel 75 55 50 00 eller +47 755 55 000.",
)


def fingerprint(values: Mapping[str, Any]) -> str:
    """A short hash of what was stored when a form was shown; a different hash on save means a conflict."""
    data = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()[:20]


def yes_no_field(label: str, **kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=JA_NEI,
        coerce=lambda v: v in (True, "True"),
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        **kwargs,
    )


class DraftForm(forms.ModelForm):
    """Base for forms that save drafts: nothing is required here, and conflicts are detected."""

    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    # field -> (trigger field, values of the trigger that show it, hint shown without JavaScript)
    conditions: dict[str, tuple[str, tuple[str, ...]]] = {}

    def __init__(self, *args, kontekst: Context | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kontekst = kontekst
        for field in self.fields.values():
            field.required = False
        self.fields["fingerprint"].initial = fingerprint(self.stored_values())
        for name, (trigger, values) in self.conditions.items():
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"data-vis-felt": trigger, "data-vis-verdier": " ".join(values)}
                )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @property
    def data_fields(self) -> list[str]:
        return [name for name in self.fields if name != "fingerprint"]

    def stored_values(self) -> dict[str, Any]:
        return {name: getattr(self.instance, name) for name in self._meta.fields}

    def valid_values(self) -> dict[str, Any]:
        """What may be saved: every shown field that passed its format checks."""
        return {name: self.cleaned_data[name] for name in self.data_fields if name in self.cleaned_data}

    def is_shown(self, name: str) -> bool:
        """False for a conditional field whose trigger is not chosen in the stored data."""
        if name not in self.conditions:
            return True
        trigger, wanted = self.conditions[name]
        if not self.is_shown(trigger):
            return False
        value = getattr(self.instance, trigger)
        chosen = ["on"] if value is True else value if isinstance(value, list) else [value]
        return any(v in wanted for v in chosen)

    def answers(self) -> list[tuple[str, str]]:
        """The stored answers as (label, text), for reading back to the user; hidden fields left out."""
        return [
            (str(self.fields[name].label), _vis_verdi(self.fields[name], getattr(self.instance, name)))
            for name in self.data_fields
            if self.is_shown(name)
        ]

    def refresh_fingerprint(self, instance) -> None:
        """After a save, the next save compares against what is stored now."""
        self.instance = instance
        self.data = self.data.copy()
        self.data["fingerprint"] = fingerprint(self.stored_values())

    def show_conflict(self, lagret: Mapping[str, Any]) -> None:
        """Someone else saved meanwhile: point at each field where their value differs from ours."""
        self.data = self.data.copy()
        self.data["fingerprint"] = fingerprint({name: lagret[name] for name in self._meta.fields})
        verdier = self.valid_values()
        for name in self.data_fields:
            if name in verdier and verdier[name] != lagret.get(name):
                vist = _vis_verdi(self.fields[name], lagret.get(name))
                self.add_error(
                    name,
                    f"Noen andre har nettopp lagret «{vist}» her. Det du skrev står fortsatt i feltet: "
                    "velg hva som skal gjelde, og lagre på nytt.",
                )

    def show_problems(self, problemer: Mapping[str, str]) -> None:
        for name, melding in problemer.items():
            field = None if name == "__all__" else name
            if field is None or field in self.fields:
                if field is None or field not in self.errors:
                    self.add_error(field, melding)


def _vis_verdi(field: forms.Field, value: Any) -> str:
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value) or "(tomt)"
    if isinstance(value, bool):
        return "Ja" if value else "Nei"
    return str(choices.get(value, value)) if value not in (None, "") else "(tomt)"


class StartForm(forms.Form):
    """Which organisation (one of those Altinn says the user may act for) and which specialty."""

    organisasjonsnummer = forms.ChoiceField(
        label="Virksomhet",
        widget=forms.RadioSelect,
        help_text="Virksomhetene du kan søke for, slik Altinn viser dem. Mangler en virksomhet, må den som styrer "
        "tilganger i virksomheten gi deg tilgang til tjenesten i Altinn.",
        error_messages={
            "required": "Velg virksomheten du søker for.",
            "invalid_choice": "Du kan bare starte en søknad for virksomheter som har gitt deg tilgang til tjenesten "
            "i Altinn.",
        },
    )
    spesialitet = forms.ChoiceField(
        label="Spesialitet",
        choices=Spesialitet.choices,
        widget=forms.RadioSelect,
        help_text="Det sendes én søknad per spesialitet. Allmennmedisin kan bare søkes av kommuner.",
        error_messages={"required": "Velg spesialiteten dere søker for.", "invalid_choice": "Velg en av spesialitetene."},
    )

    def __init__(self, *args, virksomheter=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(v.organisasjonsnummer, f"{v.navn} (org.nr. {v.organisasjonsnummer_formatert})")
                   for v in virksomheter]
        self.fields["organisasjonsnummer"].choices = choices
        if len(choices) == 1:
            self.fields["organisasjonsnummer"].initial = choices[0][0]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class VirksomhetForm(DraftForm):
    kontaktperson_telefon = forms.CharField(
        label="Kontaktpersonens telefon", max_length=30, validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    dba_kontakt_telefon = forms.CharField(
        label="Telefon til kontaktperson for databehandleravtale", max_length=30, validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel"}),
    )

    class Meta:
        model = Soknad
        fields = SECTION_FIELDS["virksomhet"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.kontekst and self.kontekst.er_kommune:
            del self.fields["virksomhetstype"]  # set for the user: the kommune register says so
        else:
            self.fields["virksomhetstype"].choices = [
                (value, label) for value, label in Virksomhetstype.choices if value != Virksomhetstype.KOMMUNE
            ]
            self.fields["virksomhetstype"].widget = forms.RadioSelect(choices=self.fields["virksomhetstype"].choices)
        self.fields["dba_kontakt_navn"].label = "Navn på kontaktperson for databehandleravtale"
        self.fields["dba_kontakt_epost"].label = "E-post til kontaktperson for databehandleravtale"
        self.helper.layout = Layout(
            *([] if "virksomhetstype" not in self.fields else ["virksomhetstype"]),
            Fieldset("Kontaktperson", "kontaktperson_navn", "kontaktperson_epost", "kontaktperson_telefon"),
            Fieldset("Kontaktperson for databehandleravtale", "dba_kontakt_navn", "dba_kontakt_epost",
                     "dba_kontakt_telefon"),
            "fingerprint",
        )
        self.fields["kontaktperson_navn"].help_text = (
            "Personen som tar imot henvendelser om utdanningsløpet i spesialiteten, nå og senere."
        )
        self.fields["kontaktperson_navn"].widget.attrs["autocomplete"] = "name"
        self.fields["kontaktperson_epost"].widget.attrs["autocomplete"] = "email"
        self.fields["dba_kontakt_navn"].help_text = (
            "Personen Helsedirektoratet kan kontakte om databehandleravtalen for kompetanseportalen."
        )


class AnsvarForm(DraftForm):
    conditions = {"hf_avtale_navn": ("hf_avtale_inngatt", ("on",))}

    bht_godkjent_arbeidstilsynet = yes_no_field(
        "Er bedriftshelsetjenesten godkjent av Arbeidstilsynet?",
        help_text="En bedriftshelsetjeneste må være godkjent av Arbeidstilsynet for å kunne registreres "
        "for arbeidsmedisin.",
    )

    class Meta:
        model = Soknad
        fields = SECTION_FIELDS["ansvar"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ktx = self.kontekst
        if ktx and not ktx.er_kommune:
            del self.fields["ansvar_apen_uselektert_praksis"]
        if ktx and ktx.spesialitet != Spesialitet.ALM:
            del self.fields["hf_avtale_inngatt"], self.fields["hf_avtale_navn"]
        if ktx and not ktx.er_bht_arb:
            del self.fields["bht_godkjent_arbeidstilsynet"]
        hjelp = {
            "ansvar_helhetlig_utdanningslop": "Virksomheten trenger ikke dekke alle læringsmål selv, men må "
            "sørge for, eventuelt gjennom avtaler, at LIS kan nå alle i løpet av utdanningen.",
            "ansvar_bekreftelse_tjeneste": "Bekreftelsen viser bare hvor lenge legen har arbeidet hvor, i "
            "hvilken stilling og eventuelt fravær. LIS trenger den når de søker spesialistgodkjenning.",
            "ansvar_databehandleravtale": "Avtalen inngås med leverandøren av kompetanseportalen. Kommuner "
            "som allerede har avtale for LIS1, trenger ikke en ny.",
            "ansvar_apen_uselektert_praksis": "Gjelder bare kommuner.",
            "hf_avtale_inngatt": "Læringsmålene ALM-055 og ALM-085 oppnås vanligvis i institusjonstjeneste, "
            "for eksempel ved et helseforetak eller en KAD.",
        }
        for name, text in hjelp.items():
            if name in self.fields:
                self.fields[name].help_text = text


class ForholdForm(DraftForm):
    conditions = {
        "samarbeid_beskrivelse": ("samarbeid_inngatt", ("on",)),
        "veiledere_ansatt_beskrivelse": ("veiledere_ansatt", (VeiledereAnsatt.ANNEN,)),
        "veilederkompetanse_plan": ("veilederkompetanse", (JaDelvisNei.DELVIS, JaDelvisNei.NEI)),
        "kjent_tiltak": ("kjent_med_oppgaver", (JaDelvisNei.DELVIS, JaDelvisNei.NEI)),
        "kjent_annet": ("kjent_tiltak", (KjentTiltak.ANNET,)),
    }

    veiledere_ansatt = forms.ChoiceField(
        label="Veilederne er ansatt", choices=VeiledereAnsatt.choices, widget=forms.RadioSelect,
        help_text="Velg «Annen, spesifiser» hvis veilederne ikke er ansatt i egen virksomhet.",
    )
    veilederkompetanse = forms.ChoiceField(
        label="Veilederne har dokumentert veilederkompetanse", choices=JaDelvisNei.choices, widget=forms.RadioSelect,
        help_text="Velg «Delvis» hvis noen av veilederne har dokumentert kompetanse og andre ikke.",
    )
    kjent_med_oppgaver = forms.ChoiceField(
        label="Er veilederne godt kjent med veileders oppgaver i spesialistutdanningen?",
        choices=JaDelvisNei.choices, widget=forms.RadioSelect,
        help_text="Velg «Delvis» hvis noen veiledere kjenner oppgavene godt og andre ikke.",
    )
    kjent_tiltak = forms.MultipleChoiceField(
        label="Hvordan skal veilederne bli kjent med oppgavene?", choices=KjentTiltak.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Fylles ut hvis du svarte «Delvis» eller «Nei». Velg én eller flere.",
    )

    class Meta:
        model = Soknad
        fields = SECTION_FIELDS["forhold"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("veiledere_ansatt", "veilederkompetanse", "kjent_med_oppgaver"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
        self.fields["samarbeid_inngatt"].help_text = (
            "For eksempel interkommunalt samarbeid om veilederpooler eller læringsaktiviteter. Dette er noe "
            "annet enn avtaler om læringsarenaer, og det er frivillig å svare."
        )
        self.fields["samarbeid_beskrivelse"].help_text = "Fylles ut hvis det er inngått samarbeid."
        self.fields["organisering"].help_text = (
            "Få med hvor i organisasjonen ansvaret for å godkjenne læringsmål ligger (linjeleder kan delegere "
            "oppgaven, ikke ansvaret), hvordan oppnådde læringsmål skal vurderes, og hvem som legger til rette "
            "for læringsaktivitetene."
        )
        self.fields["veiledere_ansatt_beskrivelse"].help_text = (
            "Fylles ut hvis du valgte «Annen». For eksempel samarbeid med andre kommuner eller bedriftshelsetjenester, "
            "eller en pensjonert spesialist."
        )
        self.fields["veilederkompetanse_plan"].help_text = (
            "Fylles ut hvis du svarte «Delvis» eller «Nei». For eksempel statsforvalterens eller "
            "Legeforeningens veilederkurs."
        )
        self.fields["kjent_annet"].help_text = "Fylles ut hvis du valgte «Annet»."
        for name in ("samarbeid_beskrivelse", "organisering", "veiledere_ansatt_beskrivelse",
                     "veilederkompetanse_plan", "kjent_annet"):
            self.fields[name].widget.attrs["rows"] = 4


class LaeringsarenaForm(DraftForm):
    conditions = {
        "annen_virksomhet": ("plassering", (Plassering.ANNEN,)),
        "supervisjon_annet": ("supervisjon", (Supervisjon.ANNET,)),
    }

    type = forms.ChoiceField(
        label="Type læringsarena", choices=[("", "Velg type")] + Arenatype.choices,
        help_text="En læringsarena er en enhet med en leder, der LIS kan nå læringsmål.",
    )
    plassering = forms.ChoiceField(
        label="Læringsarenaen befinner seg", choices=Plassering.choices, widget=forms.RadioSelect,
    )
    ny_veileder = yes_no_field(
        "Skal LIS få ny veileder under oppholdet ved denne arenaen?",
        help_text="LIS bør ha samme veileder over tid, men det kan være riktig å bytte, for eksempel ved "
        "overgang til sykehus.",
    )
    supervisjon = forms.MultipleChoiceField(
        label="Supervisjon vil foregå ved", choices=Supervisjon.choices, widget=forms.CheckboxSelectMultiple,
        help_text="Velg én eller flere måter LIS får supervisjon på her.",
    )

    class Meta:
        model = Laeringsarena
        fields = ARENA_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annen_virksomhet"].help_text = (
            "Fylles ut hvis arenaen er i en annen virksomhet. Bruk navnet på overordnet nivå, for eksempel "
            "«Universitetssykehuset Nord-Norge» eller «Drammen kommune»."
        )
        self.fields["laeringsmal"].help_text = (
            "Skriv hvilke læringsmål som kan oppnås her, også der bare deler av målet kan oppnås. For eksempel "
            "«Alle», «Alle bortsett fra ALM-055 og ALM-085», «ALM 1-6» eller «ARB-014». Før også opp felles "
            "kompetansemål (FKM) på arenaene der de oppnås, for eksempel «FKM 1-5»."
        )
        self.fields["laeringsmal"].widget.attrs["rows"] = 3
        self.fields["supervisjon_annet"].help_text = "Fylles ut hvis du valgte «Annet»."
        self.fields["supervisjon_annet"].widget.attrs["rows"] = 2
        self.fields["supervisjon_annet"].label = "Beskriv annen supervisjon"
        self.fields["laeringsmal"].widget.attrs["aria-describedby"] = "id_laeringsmal_helptext lm-tolkning"
        self.helper.layout = Layout(
            "type", "plassering", "annen_virksomhet", "ny_veileder", "laeringsmal",
            HTML('{% include "laeringsarenaer/_tolkning.html" %}'),
            "supervisjon", "supervisjon_annet", "fingerprint",
        )
