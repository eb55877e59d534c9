"""A læringsarena: a unit where LIS works and can reach learning objectives."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from drift.valg import RaskeValg

from .choices import Arenatype, Plassering
from .lmtekst import formater


class Laeringsarena(RaskeValg, models.Model):
    soknad = models.ForeignKey("soknader.Soknad", on_delete=models.CASCADE, related_name="laeringsarenaer")
    type = models.CharField(_("type læringsarena"), max_length=30, choices=Arenatype.choices, blank=True)
    plassering = models.CharField(
        _("læringsarenaen befinner seg"), max_length=10, choices=Plassering.choices, blank=True
    )
    annen_virksomhet = models.CharField(_("navn på annen virksomhet"), max_length=200, blank=True)
    ny_veileder = models.BooleanField(
        _("Skal LIS få ny veileder under oppholdet ved denne arenaen?"), null=True, blank=True
    )
    avtale_veiledning_supervisjon = models.BooleanField(
        _("Sikrer avtalen med den andre virksomheten veiledning og supervisjon av LIS ved denne arenaen?"),
        null=True,
        blank=True,
    )
    laeringsmal = models.TextField(_("læringsmål som kan oppnås her"), blank=True)
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
    supervisjon = models.JSONField(_("supervisjon vil foregå ved"), default=list, blank=True)
    supervisjon_annet = models.TextField(_("annen supervisjon"), blank=True)
    opprettet = models.DateTimeField(_("opprettet"), auto_now_add=True)
    endret = models.DateTimeField(_("sist endret"), auto_now=True)

    class Meta:
        verbose_name = _("læringsarena")
        verbose_name_plural = _("læringsarenaer")
        ordering = ["soknad", "pk"]

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


def feil_i_sprak(feil: list[dict]) -> list[dict]:
    """The stored unreadable pieces with their message in the active language (rows saved before
    tolking.tolk_tekst kept one per language hold only the bokmål "melding")."""
    sprak = translation.get_language()
    return [{"tekst": f["tekst"], "melding": (f.get("meldinger") or {}).get(sprak) or f["melding"]} for f in feil]


class Laeringsmal(models.Model):
    """One learning objective (LM) in one version of the catalogue.

    Every row is from the official lists (data/offisielt/). The common objectives changed on 2026-03-01: the
    old del 2–3 objectives `LM-04` … `LM-75` (group LM) until 2026-02-28, `FKM-001` … `FKM-014` from then; an
    application is read against the versions valid on its søknadsdato.
    """

    class Gruppe(models.TextChoices):
        ALM = "ALM", _("Allmennmedisin")
        SAM = "SAM", _("Samfunnsmedisin")
        ARB = "ARB", _("Arbeidsmedisin")
        FKM = "FKM", _("Felles kompetansemål")
        LM = "LM", _("Felles kompetansemål til 28.02.2026 (LM)")

    kode = models.CharField(_("kode"), max_length=7)
    gruppe = models.CharField(_("gruppe"), max_length=3, choices=Gruppe.choices)
    seksjon = models.CharField(
        _("seksjon"),
        max_length=100,
        blank=True,
        help_text=_("Seksjonen i forskriften, for eksempel «21.4 Kommunikasjon og samhandling»."),
    )
    tittel = models.TextField(_("tittel"), blank=True)
    gyldig_fra = models.DateField(_("gyldig fra"))
    gyldig_til = models.DateField(_("gyldig til"), null=True, blank=True)
    kilde = models.CharField(_("kilde"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("læringsmål")
        verbose_name_plural = _("læringsmål")
        ordering = ["gruppe", "kode", "gyldig_fra"]
        constraints = [models.UniqueConstraint(fields=["kode", "gyldig_fra"], name="unik_laeringsmal_versjon")]
        indexes = [models.Index(fields=["gruppe", "gyldig_fra", "gyldig_til"])]

    def __str__(self) -> str:
        return f"{self.kode} {self.tittel}".strip()
