"""One lookup against the real Enhetsregisteret. Runs only with BRREG_LIVE=1 (it needs the internet)."""

import os

import pytest

from brreg.client import get_enhet

pytestmark = pytest.mark.skipif(os.environ.get("BRREG_LIVE") != "1", reason="set BRREG_LIVE=1 to call data.brreg.no")


def test_bodo_kommune_in_the_real_registry(settings):
    # tests/conftest.py points every test at a closed local port with short timeouts; undo that here.
    settings.BRREG_BASE_URL = "https://data.brreg.no/enhetsregisteret/api"
    settings.BRREG_CONNECT_TIMEOUT = 2.0
    settings.BRREG_READ_TIMEOUT = 3.0
    settings.BRREG_TOTAL_TIMEOUT = 5.0
    settings.BRREG_RETRIES = 2

    enhet = get_enhet("972418013")

    assert enhet.organisasjonsnummer == "972418013"
    assert "BODØ" in enhet.navn.upper()
    assert enhet.er_kommune
    assert enhet.kommunenummer == "1804"
    assert not enhet.er_underenhet and not enhet.slettet and not enhet.konkurs
