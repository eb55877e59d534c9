"""An application that did not come through the form (an import from Altinn) may lack what the form requires:
the caseworker sees it as the form would have said it (issue 20)."""

import datetime as dt

import pytest
from django.utils import translation

from soknader.models import Soknad
from soknader.services import refresh
from tests.soknader.regler.data import COMPLETE, FELT, change, codes, find


def test_a_conditional_description_left_empty_is_flagged_per_section():
    data = change(felt={**FELT, "veiledere_ansatt": "annen", "veiledere_ansatt_beskrivelse": ""})
    [f] = [f for f in find(data) if f.kode == "SVAR_MANGLER"]
    assert f.seksjon == "forhold" and f.params["felt"] == ["veiledere_ansatt_beskrivelse"]
    assert (
        f.tekst == "Ikke besvart i «Forhold ved egen virksomhet»: «Hvordan skaffes veiledere utenfor egen virksomhet?»"
    )
    with translation.override("nn"):
        assert f.tekst.startswith("Ikkje svart på i «Forhold ved eiga verksemd»: «")
    assert "SVAR_MANGLER" not in codes(COMPLETE)


def test_what_other_rules_say_is_not_said_twice():
    data = change(felt={**FELT, "ansvar_forskrift": False, "veilederkompetanse": "nei", "veilederkompetanse_plan": ""})
    assert "SVAR_MANGLER" not in codes(data)


@pytest.mark.django_db
def test_an_imported_application_without_the_description_shows_the_finding():
    from tests.soknader.test_interchange import bodo_alm, import_records

    record = bodo_alm()
    record["veiledere_ansatt"] = {"valg": "annen", "beskrivelse": ""}
    import_records([record])
    soknad = Soknad.objects.get()
    assert soknad.status != "utkast" and soknad.soknadsdato < dt.date.today()
    refresh.mangler_refresh(soknad=soknad)
    [row] = soknad.mangler.filter(kode="SVAR_MANGLER")
    assert "Hvordan skaffes veiledere utenfor egen virksomhet?" in row.tekst
