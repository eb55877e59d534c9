"""What a single value must look like, checked wherever it comes from: the form, the import, a stored row, a
reply's attachment."""

import pytest

from soknader import completeness, seksjoner, skjema
from soknader.regler import gyldig
from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory


@pytest.mark.parametrize("nummer", ["75 55 50 00", "+47 755 55 000", "22-00-00-00", "+47 (0)22 00 00 00", "", "  "])
def test_phone_numbers_people_write_are_accepted(nummer):
    assert gyldig.telefon_feil(nummer) == ""


@pytest.mark.parametrize("nummer", ["ring sentralbordet", "12345", "75 55 50 00 / 900 00 000", "+47"])
def test_a_phone_number_that_is_none_is_refused_with_an_example(nummer):
    assert (
        gyldig.telefon_feil(nummer) == "Skriv et gyldig telefonnummer, for eksempel 75 55 50 00 eller +47 755 55 000."
    )


@pytest.mark.django_db
def test_a_stored_phone_number_in_the_wrong_format_stops_submission_like_a_missing_one():
    """A row written before the rule reached every entry point (an old import) is caught before it is sent."""
    soknad = KomplettSoknadFactory(dba_kontakt_telefon="ring sentralbordet")
    LaeringsarenaFactory(soknad=soknad)
    problemer = seksjoner.problems(soknad, list(soknad.laeringsarenaer.all()))
    assert problemer["virksomhet"] == {"dba_kontakt_telefon": str(gyldig.UGYLDIG_TELEFON)}
    assert "dba_kontakt_telefon" not in completeness.problems(
        skjema.VIRKSOMHET, {"dba_kontakt_telefon": "75 55 50 01"}, None
    )


def test_an_attachment_must_be_a_pdf_by_its_content_and_not_too_big(settings):
    settings.VEDLEGG_MAKS_BYTES = 1024 * 1024
    assert gyldig.vedlegg_feil("svar.pdf", 2000, b"%PDF-1.7 ...") == ""
    assert gyldig.vedlegg_feil("svar.pdf", 2000, b"PK\x03\x04") == (
        "«svar.pdf» er ikke en PDF-fil. Vedlegget må være en PDF-fil."
    )
    assert gyldig.vedlegg_feil("stor.pdf", 1024 * 1024 + 1, b"") == (
        "«stor.pdf» er for stor. Et vedlegg kan være høyst 1 MB."
    )
