"""The caseworker's case actions in the admin, one form each: what was typed, checked before any service is called.

Every form carries the status the caseworker saw (a hidden field), so that a change made by someone else in the
meantime is caught by the service (`expected_status`) instead of being overwritten.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import Status
from ..models import tidligere_registrering_feil, tidligere_registrering_mulig

STATUS_MANGLER = _("Siden manglet søknadens status. Last siden på nytt og prøv igjen.")


class HandlingForm(forms.Form):
    status = forms.ChoiceField(
        choices=Status.choices,
        widget=forms.HiddenInput,
        error_messages={"required": STATUS_MANGLER, "invalid_choice": STATUS_MANGLER},
    )

    def __init__(self, *args, soknadsdato: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.soknadsdato = soknadsdato

    def full_clean(self):
        super().full_clean()
        for name in self.errors:  # screen readers read the message with the field (the template gives it this id)
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-feil"


class StartReviewForm(HandlingForm):
    pass


class AnmodningForm(HandlingForm):
    melding = forms.CharField(
        label=_("Be om flere opplysninger (sendes til kontaktpersonen)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv hva søkeren må gjøre eller svare på.")},
    )
    frist = forms.DateField(
        label=_("Svarfrist"),
        required=False,  # left empty: the usual ANMODNING_FRIST_DAGER from today
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _("Svarfristen er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 20.12.2026."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault(
            "frist", timezone.localdate() + dt.timedelta(days=settings.ANMODNING_FRIST_DAGER)
        )
        super().__init__(*args, **kwargs)

    def clean_frist(self) -> dt.date:
        frist = self.cleaned_data["frist"] or timezone.localdate() + dt.timedelta(days=settings.ANMODNING_FRIST_DAGER)
        if frist <= timezone.localdate():
            raise forms.ValidationError(gettext("Svarfristen må være etter dagens dato."))
        return frist


class VedtakForm(HandlingForm):
    """A decision: the date it was made, not after today and not before the application was submitted."""

    vedtaksdato = forms.DateField(
        label=_("Vedtaksdato"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Skriv vedtaksdatoen."),
            "invalid": _("Vedtaksdatoen er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 20.11.2026."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("vedtaksdato", timezone.localdate())
        super().__init__(*args, **kwargs)

    def clean_vedtaksdato(self) -> dt.date:
        dato = self.cleaned_data["vedtaksdato"]
        if dato > timezone.localdate():
            raise forms.ValidationError(gettext("Vedtaksdatoen kan ikke være etter dagens dato."))
        if self.soknadsdato and dato < self.soknadsdato:
            raise forms.ValidationError(
                gettext("Vedtaksdatoen kan ikke være før søknadsdatoen (%(dato)s).")
                % {"dato": f"{self.soknadsdato:%d.%m.%Y}"}
            )
        return dato


class RegisterForm(VedtakForm):
    """Registration; for an application made before 31 December 2023 the caseworker may also decide that the
    virksomhet counts as registered from an earlier date, with a reason (spesialistforskriften § 38 third sentence)."""

    tidligere_fra = forms.DateField(
        label=_("Registrert fra en tidligere dato (valgfritt)"),
        required=False,
        help_text=_(
            "Spesialistforskriften § 38 tredje punktum: virksomheter som søkte før 31. desember 2023 og har gitt "
            "utdanning i samsvar med §§ 23 og 25, kan regnes som registrert fra et tidligere tidspunkt enn "
            "søknadstidspunktet. La stå tom for søknadsdatoen."
        ),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _("Datoen er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 1.3.2019.")
        },
    )
    tidligere_begrunnelse = forms.CharField(
        label=_("Begrunnelse for den tidligere datoen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not tidligere_registrering_mulig(self.soknadsdato):
            del self.fields["tidligere_fra"], self.fields["tidligere_begrunnelse"]

    def clean(self):
        cleaned = super().clean() or {}
        fra = cleaned.get("tidligere_fra")
        if fra is not None and self.soknadsdato is not None:
            feil = tidligere_registrering_feil(self.soknadsdato, fra, cleaned.get("tidligere_begrunnelse", ""))
            if feil:  # the date is right and only the reason is missing, or the date is wrong
                dato_ok = tidligere_registrering_feil(self.soknadsdato, fra, "-") is None
                self.add_error("tidligere_begrunnelse" if dato_ok else "tidligere_fra", feil)
        return cleaned


class RejectForm(VedtakForm):
    begrunnelse = forms.CharField(
        label=_("Begrunnelse for avslag"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv begrunnelsen for avslaget.")},
    )
    field_order = ["status", "begrunnelse", "vedtaksdato"]


class OppfolgingForm(AnmodningForm):
    """A further message on the open anmodning, with the deadline it sets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["melding"].label = _("Melding til søkeren (sendes til kontaktpersonen)")


class FristForm(HandlingForm):
    frist = forms.DateField(
        label=_("Ny svarfrist"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Skriv den nye svarfristen."),
            "invalid": _("Svarfristen er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 20.12.2026."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault(
            "frist", timezone.localdate() + dt.timedelta(days=settings.ANMODNING_FRIST_DAGER)
        )
        super().__init__(*args, **kwargs)

    def clean_frist(self) -> dt.date:
        frist = self.cleaned_data["frist"]
        if frist <= timezone.localdate():
            raise forms.ValidationError(gettext("Svarfristen må være etter dagens dato."))
        return frist


class ForelopigSvarForm(HandlingForm):
    """Forvaltningsloven § 11a: why the case takes time and when the applicant can expect an answer."""

    melding = forms.CharField(
        label=_("Hvorfor saken tar tid (sendes til kontaktpersonen)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Skriv hvorfor saken tar tid.")},
    )
    forventet = forms.DateField(
        label=_("Forventet svar innen"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Skriv når søkeren kan vente svar."),
            "invalid": _("Datoen er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel 20.12.2026."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("forventet", timezone.localdate() + dt.timedelta(days=60))
        super().__init__(*args, **kwargs)

    def clean_forventet(self) -> dt.date:
        dato = self.cleaned_data["forventet"]
        if dato <= timezone.localdate():
            raise forms.ValidationError(gettext("Datoen for svar må være etter dagens dato."))
        return dato


class PaminnelseForm(HandlingForm):
    pass


class TrekkAnmodningForm(HandlingForm):
    melding = forms.CharField(
        label=_("Melding til søkeren (valgfritt)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MasseAnmodningForm(AnmodningForm):
    """The same anmodning to each selected case (each sees its own status: no hidden field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["status"]


class MangelvurderingForm(forms.Form):
    """A finding assessed as in order: why, in a sentence (required)."""

    notat = forms.CharField(
        label=_("Hvorfor er dette i orden?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Skriv kort hvorfor mangelen er i orden.")},
    )


class NotatForm(forms.Form):
    tekst = forms.CharField(
        label=_("Internt notat (vises aldri for søkeren)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv notatet.")},
    )


class LagretFilterForm(forms.Form):
    navn = forms.CharField(
        label=_("Lagre dette utvalget som"),
        max_length=60,
        error_messages={"required": _("Gi filteret et navn.")},
    )
    sporring = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)
