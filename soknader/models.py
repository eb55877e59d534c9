"""The application (søknad) for registration as utdanningsvirksomhet, and who may see it."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from drift.choices import FastChoices
from laeringsmal.lmtekst import formater
from laeringsmal.tolking import feil_i_sprak

from .choices import (
    Alvorlighet,
    Arenatype,
    JaDelvisNei,
    Mangelkode,
    Plassering,
    Seksjon,
    Spesialitet,
    Status,
    VeiledereAnsatt,
    Virksomhetstype,
)
from .regler import mangler as mangelregler
from .regler import status as statusregler
from .regler.status import (  # noqa: F401  (named here too, for the model's readers)
    AVSLUTTEDE_STATUSER,
    REDIGERBARE_STATUSER,
    VENTENDE_STATUSER,
)
from .skjema import etikett, maks

# Spesialistforskriften § 38 second sentence: "Virksomheter som innen 1. juni 2019 søker om registrering som
# utdanningsvirksomhet, skal ansees som registrert utdanningsvirksomhet etter denne forskriften fra 1. mars 2019 og frem
# til virksomheten er registrert som utdanningsvirksomhet etter § 21." Every virksomhet, not only kommuner (the
# guidance speaks of kommuner because it was written for them); "innen 1. juni" includes 1 June.
OVERGANGSREGEL_FRIST = dt.date(2019, 6, 1)
OVERGANGSREGEL_FRA = dt.date(2019, 3, 1)
# § 38 third sentence: "Helsedirektoratet kan bestemme at virksomheter som søker om registrering før 31. desember 2023
# og som har gitt utdanning i samsvar med kravene i § 23 og § 25, skal regnes som registrert fra et tidligere
# tidspunkt enn søknadstidspunktet." Not earlier than the rules for del 2 and 3 came into force (§ 39: 1 March 2019).
TIDLIGERE_REGISTRERING_FRIST = dt.date(2023, 12, 31)
TIDLIGSTE_REGISTRERT_FRA = dt.date(2019, 3, 1)


def overgangsregel_gjelder(soknadsdato: dt.date | None) -> bool:
    """§ 38 second sentence: applied by 1 June 2019, so deemed registered from 1 March 2019 until decided."""
    return soknadsdato is not None and soknadsdato <= OVERGANGSREGEL_FRIST


def tidligere_registrering_mulig(soknadsdato: dt.date | None) -> bool:
    """§ 38 third sentence: the directorate may set an earlier date for an application made before 31 December 2023."""
    return soknadsdato is not None and soknadsdato < TIDLIGERE_REGISTRERING_FRIST


def tidligere_registrering_feil(soknadsdato: dt.date | None, tidligere_fra: dt.date, begrunnelse: str) -> str | None:
    """Why an earlier "registrert fra" (§ 38 third sentence) cannot be set, or None. One rule for the admin form and
    the service."""
    if soknadsdato is None or not tidligere_registrering_mulig(soknadsdato):
        return gettext(
            "En tidligere registreringsdato kan bare bestemmes for søknader sendt før 31. desember 2023 "
            "(spesialistforskriften § 38)."
        )
    if not TIDLIGSTE_REGISTRERT_FRA <= tidligere_fra < soknadsdato:
        return gettext("Datoen må være før søknadsdatoen (%(soknadsdato)s) og tidligst 1. mars 2019.") % {
            "soknadsdato": f"{soknadsdato:%d.%m.%Y}"
        }
    if not begrunnelse.strip():
        return gettext("Skriv hvorfor virksomheten skal regnes som registrert fra en tidligere dato.")
    return None


def registrert_fra(soknadsdato: dt.date, *, tidligere_fra: dt.date | None = None) -> dt.date:
    """The date from which the virksomhet counts as registered when it is registered: § 21 "fra
    søknadstidspunktet"; for an application by 1 June 2019, 1 March 2019 (§ 38 second sentence: deemed registered
    from then until the decision, then from the application date, with no gap between); or an earlier date the
    directorate decided (§ 38 third sentence)."""
    if tidligere_fra is not None:
        return tidligere_fra
    return OVERGANGSREGEL_FRA if overgangsregel_gjelder(soknadsdato) else soknadsdato


class Soknad(FastChoices, models.Model):
    # Sections 1–3: labels (and every rule) come from the form's table in skjema/
    virksomhet = models.ForeignKey(
        "brreg.Virksomhet", verbose_name=_("virksomhet"), on_delete=models.PROTECT, related_name="soknader"
    )
    spesialitet = models.CharField(_("spesialitet"), max_length=3, choices=Spesialitet.choices)
    virksomhetstype = models.CharField(
        etikett("virksomhetstype"), max_length=20, choices=Virksomhetstype.choices, blank=True
    )
    kontaktperson_navn = models.CharField(
        etikett("kontaktperson_navn"), max_length=maks("kontaktperson_navn"), blank=True
    )
    kontaktperson_epost = models.EmailField(etikett("kontaktperson_epost"), blank=True)
    kontaktperson_telefon = models.CharField(
        etikett("kontaktperson_telefon"), max_length=maks("kontaktperson_telefon"), blank=True
    )
    dba_kontakt_navn = models.CharField(etikett("dba_kontakt_navn"), max_length=maks("dba_kontakt_navn"), blank=True)
    dba_kontakt_epost = models.EmailField(etikett("dba_kontakt_epost"), blank=True)
    dba_kontakt_telefon = models.CharField(
        etikett("dba_kontakt_telefon"), max_length=maks("dba_kontakt_telefon"), blank=True
    )

    ansvar_forskrift = models.BooleanField(etikett("ansvar_forskrift"), default=False)
    ansvar_helhetlig_utdanningslop = models.BooleanField(etikett("ansvar_helhetlig_utdanningslop"), default=False)
    ansvar_veileder_oppnevnes = models.BooleanField(etikett("ansvar_veileder_oppnevnes"), default=False)
    ansvar_supervisjon = models.BooleanField(etikett("ansvar_supervisjon"), default=False)
    ansvar_vurdering_lm = models.BooleanField(etikett("ansvar_vurdering_lm"), default=False)
    ansvar_kompetanseportal = models.BooleanField(etikett("ansvar_kompetanseportal"), default=False)
    ansvar_databehandleravtale = models.BooleanField(etikett("ansvar_databehandleravtale"), default=False)
    ansvar_bekreftelse_tjeneste = models.BooleanField(etikett("ansvar_bekreftelse_tjeneste"), default=False)
    ansvar_apen_uselektert_praksis = models.BooleanField(etikett("ansvar_apen_uselektert_praksis"), default=False)
    hf_avtale_inngatt = models.BooleanField(etikett("hf_avtale_inngatt"), null=True, blank=True)
    hf_avtale_navn = models.CharField(etikett("hf_avtale_navn"), max_length=maks("hf_avtale_navn"), blank=True)
    bht_godkjent_arbeidstilsynet = models.BooleanField(etikett("bht_godkjent_arbeidstilsynet"), null=True, blank=True)

    samarbeid_inngatt = models.BooleanField(etikett("samarbeid_inngatt"), null=True, blank=True)
    samarbeid_beskrivelse = models.TextField(etikett("samarbeid_beskrivelse"), blank=True)
    organisering = models.TextField(etikett("organisering"), blank=True)
    veiledere_ansatt = models.CharField(
        etikett("veiledere_ansatt"), max_length=20, choices=VeiledereAnsatt.choices, blank=True
    )
    veiledere_ansatt_beskrivelse = models.TextField(etikett("veiledere_ansatt_beskrivelse"), blank=True)
    veilederkompetanse = models.CharField(
        etikett("veilederkompetanse"), max_length=10, choices=JaDelvisNei.choices, blank=True
    )
    veilederkompetanse_plan = models.TextField(etikett("veilederkompetanse_plan"), blank=True)
    kjent_med_oppgaver = models.CharField(
        etikett("kjent_med_oppgaver"), max_length=10, choices=JaDelvisNei.choices, blank=True
    )
    kjent_tiltak = models.JSONField(etikett("kjent_tiltak"), default=list, blank=True)
    kjent_annet = models.TextField(etikett("kjent_annet"), blank=True)

    # Workflow
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UTKAST)
    referanse = models.CharField(_("referanse"), max_length=20, unique=True, null=True, blank=True)
    soknadsdato = models.DateField(_("søknadsdato"), null=True, blank=True)
    vedtaksdato = models.DateField(_("vedtaksdato"), null=True, blank=True)
    registrert_fra = models.DateField(
        _("registrert fra"),
        null=True,
        blank=True,
        help_text=_(
            "Søknadsdatoen (§ 21), 1. mars 2019 for virksomheter som søkte innen 1. juni 2019 (§ 38 andre punktum), "
            "eller en tidligere dato Helsedirektoratet har bestemt (§ 38 tredje punktum)."
        ),
    )
    registrert_fra_begrunnelse = models.TextField(
        _("begrunnelse for tidligere registreringsdato"),
        blank=True,
        help_text=_(
            "Når Helsedirektoratet har bestemt en tidligere dato etter spesialistforskriften § 38 tredje punktum."
        ),
    )
    avslagsgrunn = models.TextField(_("begrunnelse for avslag"), blank=True)
    anmodning = models.TextField(
        _("anmodning om mer informasjon"), blank=True, help_text=_("Siste melding til søkeren fra Helsedirektoratet.")
    )
    opprettet = models.DateTimeField(_("opprettet"), auto_now_add=True)
    opprettet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    endret = models.DateTimeField(_("sist endret"), auto_now=True)
    # a draft untouched for a long time is told it will be deleted, and deleted later (soknader/personvern.py)
    slettevarsel = models.DateTimeField(_("varslet om sletting"), null=True, blank=True, editable=False)
    # the caseworker's queue (issue 21): who has the case, since when it waits (the last move of either side; empty
    # once decided or withdrawn, so the waiting sort first and the oldest of them on top), the applicant's last move
    saksbehandler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saksbehandler"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    venter_siden = models.DateTimeField(_("venter siden"), null=True, blank=True)
    soker_aktiv = models.DateTimeField(_("søkeren sist aktiv"), null=True, blank=True)
    # forvaltningsloven § 11a: the foreløpig svar, when a case cannot be answered within a month of its receipt
    forelopig_svar = models.DateField(_("foreløpig svar sendt"), null=True, blank=True)
    # the language the søker last used (start, submission, answer): every mail and letter to them is written in it
    sprak = models.CharField(
        _("språk for brev og e-post"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("søknad")
        verbose_name_plural = _("søknader")
        ordering = ["-opprettet"]
        constraints = [
            # one open application per organisation and specialty; after avslag or trekk it may apply again
            models.UniqueConstraint(
                fields=["virksomhet", "spesialitet"],
                condition=~Q(status__in=AVSLUTTEDE_STATUSER),
                name="en_apen_soknad_per_virksomhet_og_spesialitet",
            )
        ]
        permissions = [("behandle_soknad", "Kan behandle søknader")]
        # the caseworkers' list, newest first: read in index order and stop at the page, no sort of every row
        indexes = [
            models.Index(fields=["-soknadsdato", "-id"], name="soknad_nyeste_forst"),
            # the work queue: the waiting, oldest first
            models.Index(fields=["venter_siden", "id"], name="soknad_ko", condition=Q(venter_siden__isnull=False)),
            # the caseworkers' list in its own order (SoknadAdmin.ordering; PostgreSQL's ascending order puts NULL
            # last, as the list asks), so a page of 50 is read from the index instead of sorting every application
            # (14 → 0.5 ms at 10 × national volume, docs/ytelse.md)
            models.Index(fields=["venter_siden", "-soknadsdato", "-id"], name="soknad_liste"),
        ]

    def __str__(self) -> str:
        return f"{self.referanse or 'Utkast'}: {self.get_spesialitet_display()}"

    def get_absolute_url(self) -> str:
        return reverse("soknader:oppgaver", args=[self.pk])

    @property
    def er_redigerbar(self) -> bool:
        return statusregler.er_redigerbar(self.status)

    @property
    def anmodning_apen(self) -> bool:
        """An anmodning waits for the søker: they may answer it, change the application and send it in again."""
        return statusregler.kan_svare(self.status)

    @cached_property
    def siste_anmodning(self) -> "Melding | None":
        """The directorate's latest anmodning (its deadline, its reminder), while the application waits for it."""
        if not statusregler.kan_svare(self.status):
            return None
        return self.meldinger.filter(fra=Melding.Fra.SAKSBEHANDLER).order_by("-tidspunkt", "-pk").first()

    @property
    def midlertidig_registrert_fra(self) -> dt.date | None:
        """While an application made by 1 June 2019 waits for its decision, the virksomhet is deemed registered from
        1 March 2019 (§ 38 second sentence). Nobody else counts as registered before the decision: None."""
        if self.status not in VENTENDE_STATUSER or not overgangsregel_gjelder(self.soknadsdato):
            return None
        return OVERGANGSREGEL_FRA


class Laeringsarena(FastChoices, models.Model):
    """A læringsarena: a unit where LIS works and can reach learning objectives."""

    soknad = models.ForeignKey(Soknad, on_delete=models.CASCADE, related_name="laeringsarenaer")
    # The søker's answers: labels, choices and limits from the rule table (skjema.LAERINGSARENA), declared there once
    type = models.CharField(etikett("type"), max_length=30, choices=Arenatype.choices, blank=True)
    plassering = models.CharField(etikett("plassering"), max_length=10, choices=Plassering.choices, blank=True)
    annen_virksomhet = models.CharField(etikett("annen_virksomhet"), max_length=maks("annen_virksomhet"), blank=True)
    ny_veileder = models.BooleanField(etikett("ny_veileder"), null=True, blank=True)
    avtale_veiledning_supervisjon = models.BooleanField(etikett("avtale_veiledning_supervisjon"), null=True, blank=True)
    institusjon_overlege = models.BooleanField(etikett("institusjon_overlege"), null=True, blank=True)
    institusjon_veiledning = models.BooleanField(etikett("institusjon_veiledning"), null=True, blank=True)
    institusjon_internundervisning = models.BooleanField(
        etikett("institusjon_internundervisning"), null=True, blank=True
    )
    laeringsmal = models.TextField(etikett("laeringsmal"), blank=True)
    laeringsmal_koder = models.JSONField(
        _("læringsmål (tolket)"), default=list, blank=True, help_text=_("Kodene teksten ble tolket til, sortert.")
    )
    laeringsmal_feil = models.JSONField(
        _("læringsmål som ikke kunne leses"),
        default=list,
        blank=True,
        help_text=_("Deler av teksten som ikke kunne tolkes: [{tekst, melding, meldinger: {nb, nn}}]."),
    )
    laeringsmal_delvis = models.JSONField(
        _("læringsmål som bare delvis kan oppnås"),
        default=list,
        blank=True,
        help_text=_("Koder teksten sier kan oppnås delvis («ALM 55 (delvis)»); de er også med i de tolkede kodene."),
    )
    supervisjon = models.JSONField(etikett("supervisjon"), default=list, blank=True)
    supervisjon_annet = models.TextField(etikett("supervisjon_annet"), blank=True)
    opprettet = models.DateTimeField(_("opprettet"), auto_now_add=True)
    endret = models.DateTimeField(_("sist endret"), auto_now=True)

    class Meta:
        verbose_name = _("læringsarena")
        verbose_name_plural = _("læringsarenaer")
        ordering = ["soknad", "pk"]
        # The table of the app that held the model until December 2026 (laeringsarenaer, now laeringsmal): moved
        # in the state only (migrations soknader 0011 and laeringsarenaer 0007), no row moved.
        db_table = "laeringsarenaer_laeringsarena"

    def __str__(self) -> str:
        navn = self.get_type_display() or gettext("Læringsarena")
        if self.plassering == Plassering.ANNEN and self.annen_virksomhet:
            navn = f"{navn} – {self.annen_virksomhet}"
        return navn

    @property
    def tolkning(self) -> dict | None:
        """What the stored LM text was read as, for display; None when there is no text."""
        if not self.laeringsmal.strip():
            return None
        koder = self.laeringsmal_koder or []
        return {
            "antall": len(koder),
            "kort": formater(koder),
            "delvis": formater(self.laeringsmal_delvis or []),
            "feil": feil_i_sprak(self.laeringsmal_feil or []),
        }


class Statusendring(FastChoices, models.Model):
    """One row of an application's history: every change of status, who made it and why."""

    soknad = models.ForeignKey(Soknad, on_delete=models.CASCADE, related_name="historikk")
    fra_status = models.CharField(_("fra"), max_length=20, choices=Status.choices)
    til_status = models.CharField(_("til"), max_length=20, choices=Status.choices)
    utfort_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("utført av"), on_delete=models.SET_NULL, null=True, blank=True
    )
    tidspunkt = models.DateTimeField(_("tidspunkt"), auto_now_add=True)
    melding = models.TextField(_("melding"), blank=True)

    class Meta:
        verbose_name = _("statusendring")
        verbose_name_plural = _("statusendringer")
        ordering = ["tidspunkt", "pk"]

    def __str__(self) -> str:
        return f"{self.get_fra_status_display()} → {self.get_til_status_display()}"


class Regiontilgang(models.Model):
    """An ALIS-kontor user follows one helseregion."""

    bruker = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="regiontilgang")
    helseregion = models.ForeignKey("brreg.Helseregion", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("tilgang til helseregion")
        verbose_name_plural = _("tilganger til helseregioner")

    def __str__(self) -> str:
        return f"{self.bruker} → {self.helseregion}"


class Mangel(FastChoices, models.Model):
    """A finding computed from the application (never typed); refreshed whenever the application changes.

    Kept as its rule's code and params (`regler.mangler`), and worded in the reader's language when shown
    (`tekst`). `melding` holds the bokmål wording as well: the directorate's record as exported, and what rows
    written before params existed (params None) are read from."""

    soknad = models.ForeignKey(Soknad, on_delete=models.CASCADE, related_name="mangler")
    kode = models.CharField(_("kode"), max_length=40, choices=Mangelkode.choices, db_index=True)
    alvorlighet = models.CharField(_("alvorlighet"), max_length=10, choices=Alvorlighet.choices)
    params = models.JSONField(_("verdier"), null=True, blank=True, editable=False)
    melding = models.TextField(_("melding"))
    seksjon = models.CharField(_("del av søknaden"), max_length=20, choices=Seksjon.choices)
    arena_nummer = models.PositiveIntegerField(_("læringsarena nr."), null=True, blank=True)
    # what the finding is about (`regler.mangler.fingeravtrykk`): an assessment of it holds while this is the same
    fingeravtrykk = models.CharField(_("fingeravtrykk"), max_length=64, blank=True, editable=False, db_index=True)
    # Not a column: the assessment that holds for the finding, set where it is read with it (the case page), and
    # what `services.mangelvurdering.er_apen` reads.
    vurdering: "Mangelvurdering | None"

    class Meta:
        verbose_name = _("mangel")
        verbose_name_plural = _("mangler")
        ordering = ["soknad", "pk"]

    def __str__(self) -> str:
        return f"{self.kode}: {self.melding}"

    @property
    def label(self) -> str:
        return self.get_kode_display()

    @property
    def tekst(self) -> str:
        """The finding in words, in the active language (a row from before params: its stored bokmål)."""
        if self.params is None:
            return self.melding
        return mangelregler.tekst(self.kode, self.params)


class Innsending(models.Model):
    """What the application looked like each time it was submitted, so changes can be shown."""

    soknad = models.ForeignKey(Soknad, on_delete=models.CASCADE, related_name="innsendinger")
    tidspunkt = models.DateTimeField(_("sendt inn"), auto_now_add=True)
    data = models.JSONField(_("innhold"))
    versjon = models.PositiveIntegerField(_("versjon"), default=1)
    # The application as sent, as the directorate files it. In the database, like attachments (see Vedlegg).
    pdf = models.BinaryField(_("PDF"), blank=True, default=b"", editable=False)
    pdf_storrelse = models.PositiveIntegerField(_("PDF-størrelse (byte)"), default=0, editable=False)
    # The document as sent, until its PDF is made outside the write transaction (services.innsending_pdf_make)
    pdf_html = models.TextField(_("dokument som venter på PDF"), blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("innsending")
        verbose_name_plural = _("innsendinger")
        ordering = ["soknad", "tidspunkt", "pk"]

    def __str__(self) -> str:
        return f"innsending {self.tidspunkt:%d.%m.%Y %H:%M}" if self.tidspunkt else "innsending"

    @property
    def har_pdf(self) -> bool:
        return bool(self.pdf_storrelse)


class Melding(FastChoices, models.Model):
    """One message of the exchange about an application: the directorate's anmodning (with a deadline) or the
    applicant's answer (with attachments). Shown to both sides in order."""

    class Fra(models.TextChoices):
        SAKSBEHANDLER = "saksbehandler", _("Helsedirektoratet")
        SOKER = "soker", _("Søkeren")

    soknad = models.ForeignKey(Soknad, on_delete=models.CASCADE, related_name="meldinger")
    fra = models.CharField(_("fra"), max_length=15, choices=Fra.choices)
    forfatter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("skrevet av"), on_delete=models.SET_NULL, null=True, blank=True
    )
    tekst = models.TextField(_("melding"))
    frist = models.DateField(_("svarfrist"), null=True, blank=True)
    paminnet = models.DateTimeField(_("påminnelse sendt"), null=True, blank=True)
    tidspunkt = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldinger")
        ordering = ["tidspunkt", "pk"]

    def __str__(self) -> str:
        return f"{self.get_fra_display()} {self.tidspunkt:%d.%m.%Y %H:%M}" if self.tidspunkt else "melding"


class Vedlegg(models.Model):
    """A PDF the applicant attached to an answer.

    Kept in the database, not on a disk: every app instance reads the same database, the file is backed up and
    deleted with the case, and it can only be reached through a view that checks who asks (never a public URL).
    Files are small (VEDLEGG_MAKS_BYTES) and few, so the database carries them well."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="vedlegg")
    filnavn = models.CharField(_("filnavn"), max_length=200)
    storrelse = models.PositiveIntegerField(_("størrelse (byte)"))
    innhold = models.BinaryField(_("innhold"), editable=False)

    class Meta:
        verbose_name = _("vedlegg")
        verbose_name_plural = _("vedlegg")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filnavn


class Vedtaksbrev(FastChoices, models.Model):
    """The letter (PDF) sent with a decision: kept with the case, downloadable by the applicant."""

    soknad = models.ForeignKey(Soknad, on_delete=models.CASCADE, related_name="vedtaksbrev")
    vedtak = models.CharField(_("vedtak"), max_length=20, choices=Status.choices)
    laget = models.DateTimeField(_("laget"), auto_now_add=True)
    pdf = models.BinaryField(_("PDF"), editable=False)

    class Meta:
        verbose_name = _("vedtaksbrev")
        verbose_name_plural = _("vedtaksbrev")
        ordering = ["laget", "pk"]

    def __str__(self) -> str:
        return f"vedtaksbrev ({self.get_vedtak_display().lower()})"


class Mangeltekst(models.Model):
    """What the anmodning says about a kind of finding, in bokmål and nynorsk: data the caseworkers edit in the
    admin, from which one click drafts the anmodning (`services.anmodningsbrev`). Seeded by a data migration."""

    kode = models.CharField(_("mangel"), max_length=40, choices=Mangelkode.choices, unique=True)
    bokmal = models.TextField(_("tekst på bokmål"))
    nynorsk = models.TextField(_("tekst på nynorsk"))

    class Meta:
        verbose_name = _("tekst i anmodning")
        verbose_name_plural = _("tekster i anmodning")
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.get_kode_display()

    def tekst(self, sprak: str) -> str:
        return self.nynorsk if sprak == "nn" else self.bokmal


class Mangelvurdering(models.Model):
    """A caseworker has looked at a finding and found it in order ("Vurdert – i orden"), with a short note.

    Holds for the finding with the same fingerprint (`Mangel.fingeravtrykk`: its code and what it is computed from):
    the findings are stored anew on every change, and a resubmission that changes what the finding is about gives
    it another fingerprint, so the finding is open again. Never deleted: undone (`angret`) or no longer matching,
    it stays as the case's record."""

    soknad = models.ForeignKey(Soknad, on_delete=models.CASCADE, related_name="mangelvurderinger")
    kode = models.CharField(_("mangel"), max_length=40, choices=Mangelkode.choices)
    arena_nummer = models.PositiveIntegerField(_("læringsarena nr."), null=True, blank=True)
    fingeravtrykk = models.CharField(_("fingeravtrykk"), max_length=64)
    melding = models.TextField(_("mangelen slik den lød"))
    notat = models.CharField(_("notat"), max_length=500)
    vurdert_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vurdert av"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    vurdert = models.DateTimeField(_("vurdert"), auto_now_add=True)
    angret = models.DateTimeField(_("angret"), null=True, blank=True)
    angret_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angret av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("vurdert mangel")
        verbose_name_plural = _("vurderte mangler")
        ordering = ["vurdert", "pk"]
        indexes = [models.Index(fields=["soknad", "fingeravtrykk"], name="mangelvurdering_avtrykk")]

    def __str__(self) -> str:
        return f"{self.get_kode_display()}: {self.notat}"


class Notat(models.Model):
    """A caseworker's internal note on a case: in the case page's timeline, never shown to the applicant."""

    soknad = models.ForeignKey(Soknad, on_delete=models.CASCADE, related_name="notater")
    forfatter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("skrevet av"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    tekst = models.TextField(_("notat"))
    tidspunkt = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("internt notat")
        verbose_name_plural = _("interne notater")
        ordering = ["tidspunkt", "pk"]

    def __str__(self) -> str:
        return self.tekst[:50]


class LagretFilter(models.Model):
    """A caseworker's own saved view of the work queue: the changelist's query string under a name. Seen by its
    owner only."""

    bruker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lagrede_filtre")
    navn = models.CharField(_("navn"), max_length=60)
    sporring = models.CharField(_("filter"), max_length=1000, blank=True)
    opprettet = models.DateTimeField(_("opprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("lagret filter")
        verbose_name_plural = _("lagrede filtre")
        ordering = ["navn", "pk"]
        constraints = [models.UniqueConstraint(fields=["bruker", "navn"], name="lagret_filter_navn_per_bruker")]

    def __str__(self) -> str:
        return self.navn
