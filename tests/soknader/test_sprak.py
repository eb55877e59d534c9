"""Bokmål og nynorsk in the form's rules: every text of the table has its nynorsk, and what the søker is told
(findings, a section's errors, the LM reader's messages, an organisation number refused) comes out in nynorsk
when nynorsk is chosen."""

import dataclasses

import pytest
from django.urls import reverse
from django.utils import translation

from brreg import orgnr
from laeringsmal.lmtekst import Katalog, tolk
from soknader import completeness, skjema
from soknader.choices import Mangelkode
from soknader.forms import SEKSJON_SKJEMA, StartForm
from soknader.regler.mangler import finn
from tests.soknader.factories import SoknadFactory, soker_for
from tests.soknader.regler.data import COMPLETE, FELT, arena

# Texts whose nynorsk is written the same as the bokmål (checked one by one, not forgotten).
SAMME_PA_NYNORSK = {
    "Har institusjonen overlege i full stilling?",
    "Har institusjonen organisert internundervisning?",
    "Ja",
    "Nei",
    "Delvis",
    "Kurs",
    "Kommune",
    "Utkast",
    "Sendt inn",
    "Under behandling",
    "Registrert",
    "Avslått",
    "Mangel",
    "Læringsarenaer",
    "Fullført",
    "Ingen læringsarena",
    "Kontaktperson",
    "Type læringsarena",
    "Fastlegekontor",
    "Legevakt",
    "Psykisk helsevern/DPS",
    "Arbeidsmedisinsk avdeling",
    "Statens arbeidsmiljøinstitutt (STAMI)",
    "Supervisjon på vakt",
    "Allmennmedisin",
    "Samfunnsmedisin",
    "Arbeidsmedisin",
    "Skriv telefonnummeret til kontaktpersonen.",
    # issue 22
    "Svar Helsedirektoratet",
    "Send svar og oppdatert søknad",
    "Send oppdatert søknad",
    "Send inn den oppdaterte søknaden",
    "Endre svaret om godkjenning",
    "Svar Helsedirektoratet og send inn på nytt",
    "Les vedtaksbrevet (PDF, %(dato)s)",
    "Kompetanseportalen",
    "Supervisjon",
    "Vurdering av læringsmål",
    "Vedtaksdato: %(dato)s.",
}


@pytest.fixture(autouse=True)
def _bokmal_after():
    """A request with the nynorsk cookie leaves nynorsk active in the thread: the next test starts in bokmål."""
    yield
    translation.deactivate()


def _tekster() -> list[str]:
    """Every text of the form's table as written in bokmål: labels, help, messages, choices, group titles."""
    tekster = []
    for del_ in (*skjema.SEKSJONER.values(), skjema.LAERINGSARENA):
        for item in del_.innhold:
            if isinstance(item, skjema.Gruppe):
                tekster.append(item.tittel)
        for felt in del_.felt:
            tekster += [felt.etikett, felt.hjelp, felt.mangler]
            if felt.valg is not None:
                tekster += [label for _, label in felt.valg.choices]
    tekster += [label for _, label in Mangelkode.choices]
    return [t for t in tekster if t]


@pytest.mark.parametrize("tekst", _tekster(), ids=lambda t: str(t)[:40])
def test_every_text_of_the_table_has_its_nynorsk(tekst):
    with translation.override("nb"):
        bokmal = str(tekst)
    with translation.override("nn"):
        nynorsk = str(tekst)
    assert nynorsk != bokmal or bokmal in SAMME_PA_NYNORSK, f"no nynorsk for «{bokmal}»"


def test_labels_choices_and_answers_follow_the_active_language():
    translation.activate("nb")
    assert skjema.etikett("kontaktperson_navn") == "Kontaktpersonens navn"
    assert skjema.vis_verdi("veiledere_ansatt", "annen") == "Annen, spesifiser"
    assert skjema.vis_verdi("kontaktperson_navn", "") == "(tomt)"
    with translation.override("nn"):
        assert skjema.etikett("kontaktperson_navn") == "Namnet til kontaktpersonen"
        assert skjema.vis_verdi("veiledere_ansatt", "annen") == "Anna, spesifiser"
        assert skjema.vis_verdi("kjent_tiltak", ["kurs", "veiledersamling"]) == "Kurs, Rettleiarsamling"
        assert skjema.hjelp("veilederkompetanse_plan").startswith("Fyll ut dersom du svarte «Delvis» eller «Nei».")
    assert skjema.hjelp("veilederkompetanse_plan").startswith("Fylles ut hvis du svarte «Delvis» eller «Nei».")


def test_findings_shown_to_the_soker_come_out_in_nynorsk():
    data = dataclasses.replace(
        COMPLETE,
        felt={**FELT, "ansvar_forskrift": False, "hf_avtale_inngatt": False},
        arenaer=(arena(koder=[]),),
    )
    with translation.override("nn"):
        meldinger = {f.kode: f.tekst for f in finn(data)}
    assert meldinger["ANSVAR_IKKE_BEKREFTET"] == (
        "1 av ansvarspunkta er ikkje stadfesta: Verksemda følgjer spesialistforskrifta."
    )
    assert meldinger["HF_AVTALE_MANGLER"].startswith("Det er ikkje kryssa av for ein avtale med helseføretak")
    assert meldinger["LM_UDEKKET"].startswith("88 læringsmål blir ikkje dekte av nokon arena: ALM 1-88")
    # the same data in bokmål, as the caseworker's record is stored
    with translation.override("nb"):
        bokmal = {f.kode: f.tekst for f in finn(data)}
    assert bokmal["ANSVAR_IKKE_BEKREFTET"].startswith("1 av ansvarspunktene er ikke bekreftet: Virksomheten følger")


def test_a_sections_missing_answers_and_rules_come_out_in_nynorsk():
    kontekst = skjema.Kontekst("ALM", "bht", er_kommune=False)
    with translation.override("nn"):
        data = {"kontaktperson_navn": "x" * 201, "virksomhetstype": "bht"}
        problemer = completeness.problems(skjema.VIRKSOMHET, data, kontekst)
        assert problemer["kontaktperson_navn"] == "Teksten er for lang (201 teikn). Han kan vere på høgst 200 teikn."
        assert problemer["kontaktperson_epost"] == "Skriv e-postadressa til kontaktpersonen."
        assert problemer["virksomhetstype"] == "Allmennmedisin kan berre søkjast av ein kommune."
        assert completeness.laeringsarenaer([]) == {"__all__": "Legg til minst éin læringsarena."}


def test_form_errors_and_the_lm_readers_messages_come_out_in_nynorsk():
    with translation.override("nn"):
        form = StartForm(data={})
        assert not form.is_valid()
        assert form.errors["organisasjonsnummer"] == ["Vel verksemda du søkjer for."]
        skjema_ = SEKSJON_SKJEMA["virksomhet"](data={"kontaktperson_telefon": "abc"})
        skjema_.is_valid()
        assert "Skriv eit gyldig telefonnummer, til dømes 75 55 50 00 eller +47 755 55 000." in str(skjema_.errors)
        with pytest.raises(Exception) as feil:
            orgnr.validate("12345")
        assert "Organisasjonsnummeret må ha ni siffer, til dømes 972 418 013." in str(feil.value)
        katalog = Katalog({f"ALM-{i:03d}" for i in range(1, 98)})
        (melding,) = [f.melding for f in tolk("ALM 55, tull", "ALM", katalog).feil]
        assert melding == "Forstod ikkje «tull». Skriv til dømes «Alle», «Alle bortsett frå ALM 1» eller «ALM 1-6, 8»."
        # issue 20: an exception that cannot be read takes its clause with it, and says so
        (melding,) = [f.melding for f in tolk("Alle bortsett frå ALM 55, tull", "ALM", katalog).feil]
        assert melding == "Forstod ikkje unntaket «tull», så ingen læringsmål er talde med frå «Alle»."
    # the reader understands the nynorsk words for an exception
    assert "ALM-055" not in tolk("Alle bortsett frå ALM 55", "ALM", katalog).koder
    assert "ALM-055" not in tolk("alle unnateke 55", "ALM", katalog).koder


@pytest.mark.django_db
def test_a_section_page_in_nynorsk_shows_the_tables_nynorsk(client):
    soknad = SoknadFactory()
    client.force_login(soker_for(soknad.virksomhet))
    client.cookies["django_language"] = "nn"
    url = reverse("soknader:seksjon", args=[soknad.pk, "virksomhet"])
    page = client.post(url, {"kontaktperson_navn": "Kari", "fortsett": "1"}).content.decode()
    assert "Namnet til kontaktpersonen" in page and "Skriv e-postadressa til kontaktpersonen." in page
    assert 'value="Kari"' in page
    assert "Kontaktpersonens navn" not in page and "Skriv e-postadressen" not in page
