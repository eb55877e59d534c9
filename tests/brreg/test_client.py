"""The Enhetsregisteret client against a fake registry over real HTTP (see fake_brreg.py). No database."""

import dataclasses
import logging
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from brreg import client
from brreg.client import BrregClient, BrregError, Enhet, NotFound, Removed, Unavailable, get_enhet
from tests.brreg import fake_brreg as fb

MARGIN = 0.3  # seconds of slack on timing assertions
UTILGJENGELIG = (
    "Vi får ikke kontakt med Enhetsregisteret nå. Du kan skrive navnet selv og fortsette; vi prøver igjen senere."
)


def timed(func, *args):
    """(result or exception, seconds)."""
    started = time.monotonic()
    try:
        result = func(*args)
    except Exception as error:  # noqa: BLE001
        result = error
    return result, time.monotonic() - started


# --- Units found ----------------------------------------------------------------------------------------


def test_kommune(fake_brreg):
    enhet = get_enhet("972 418 013")

    assert enhet == Enhet(
        organisasjonsnummer="972418013",
        navn="BODØ KOMMUNE",
        organisasjonsform="KOMM",
        organisasjonsform_beskrivelse="Kommune",
        kommunenummer="1804",
        kommune="BODØ",
        konkurs=False,
        under_avvikling=False,
        slettedato=None,
        er_underenhet=False,
    )
    assert enhet.er_kommune and not enhet.slettet
    assert enhet.data["institusjonellSektorkode"]["kode"] == "6500"
    assert fake_brreg.paths == ["/enheter/972418013"]


def test_sends_the_apps_user_agent(fake_brreg):
    get_enhet(fb.KOMMUNE_BODO)
    assert fake_brreg.requests[0].user_agent == "ASA-registrering/1.0 (Helsedirektoratet)"


def test_private_company(fake_brreg):
    enhet = get_enhet(fb.BEDRIFTSHELSETJENESTE)

    assert enhet.navn == "NORDLYS BEDRIFTSHELSETJENESTE AS"
    assert (enhet.organisasjonsform, enhet.organisasjonsform_beskrivelse) == ("AS", "Aksjeselskap")
    assert (enhet.kommunenummer, enhet.kommune) == ("5501", "TROMSØ")
    assert not enhet.er_kommune and not enhet.er_underenhet
    assert not enhet.konkurs and not enhet.under_avvikling and not enhet.slettet


def test_konkurs(fake_brreg):
    enhet = get_enhet(fb.KONKURS)
    assert enhet.konkurs is True
    assert enhet.under_avvikling is False
    assert enhet.data["konkursdato"] == "2024-09-16"


def test_under_avvikling_with_empty_date_strings(fake_brreg):
    enhet = get_enhet(fb.UNDER_AVVIKLING)
    assert enhet.under_avvikling is True
    assert enhet.konkurs is False
    assert enhet.slettedato is None


def test_under_tvangsavvikling_counts_as_under_avvikling(fake_brreg):
    body = fb.load("bedriftshelsetjeneste_as.json") | {"underTvangsavviklingEllerTvangsopplosning": True}
    fake_brreg.set_response(f"/enheter/{fb.BEDRIFTSHELSETJENESTE}", 200, body)
    assert get_enhet(fb.BEDRIFTSHELSETJENESTE).under_avvikling is True


def test_empty_slettedato_means_not_deleted(fake_brreg):
    body = fb.load("bedriftshelsetjeneste_as.json") | {"slettedato": ""}
    fake_brreg.set_response(f"/enheter/{fb.BEDRIFTSHELSETJENESTE}", 200, body)
    enhet = get_enhet(fb.BEDRIFTSHELSETJENESTE)
    assert enhet.slettedato is None and not enhet.slettet


def test_deleted_unit_with_minimal_body(fake_brreg):
    enhet = get_enhet(fb.SLETTET)

    assert enhet.slettedato == date(2022, 8, 9)
    assert enhet.slettet
    assert enhet.organisasjonsnummer == fb.SLETTET
    assert enhet.navn == ""
    assert enhet.organisasjonsform is None and enhet.kommunenummer is None and enhet.kommune is None
    assert not enhet.er_kommune
    assert fake_brreg.paths == [f"/enheter/{fb.SLETTET}"]


def test_deleted_unit_without_organisasjonsnummer_in_body(fake_brreg):
    fake_brreg.set_response(f"/enheter/{fb.SLETTET}", 200, {"slettedato": "2021-06-30", "navn": "GAMMEL AS"})
    enhet = get_enhet(fb.SLETTET)
    assert (enhet.organisasjonsnummer, enhet.navn, enhet.slettedato) == (fb.SLETTET, "GAMMEL AS", date(2021, 6, 30))


def test_sub_unit_found_under_underenheter(fake_brreg):
    enhet = get_enhet(fb.UNDERENHET)

    assert enhet.er_underenhet
    assert enhet.navn == "NORDLYS BEDRIFTSHELSETJENESTE AS AVD BODØ"
    assert enhet.organisasjonsform == "BEDR"
    assert (enhet.kommunenummer, enhet.kommune) == ("1804", "BODØ")  # from beliggenhetsadresse
    assert enhet.data["overordnetEnhet"] == fb.BEDRIFTSHELSETJENESTE
    assert fake_brreg.paths == [f"/enheter/{fb.UNDERENHET}", f"/underenheter/{fb.UNDERENHET}"]


def test_enhet_is_frozen(fake_brreg):
    enhet = get_enhet(fb.KOMMUNE_BODO)
    with pytest.raises(dataclasses.FrozenInstanceError):
        enhet.navn = "Noe annet"  # type: ignore[misc]
    assert hash(enhet) == hash(dataclasses.replace(enhet))


# --- Not found, removed ---------------------------------------------------------------------------------


def test_not_found_anywhere(fake_brreg):
    with pytest.raises(NotFound) as caught:
        get_enhet(fb.IKKE_FUNNET)

    assert caught.value.melding == "Organisasjonsnummeret 123 456 785 finnes ikke i Enhetsregisteret."
    assert caught.value.organisasjonsnummer == fb.IKKE_FUNNET
    assert isinstance(caught.value, BrregError)
    assert fake_brreg.paths == [f"/enheter/{fb.IKKE_FUNNET}", f"/underenheter/{fb.IKKE_FUNNET}"]


def test_removed_410(fake_brreg):
    with pytest.raises(Removed) as caught:
        get_enhet(fb.FJERNET)

    assert caught.value.melding == "Organisasjonsnummeret 912 345 068 er fjernet fra Enhetsregisteret."
    assert caught.value.feilmelding == "Enheten med organisasjonsnummer 912345068 er fjernet fra Enhetsregisteret"
    assert fake_brreg.paths == [f"/enheter/{fb.FJERNET}"]  # no retry, no sub-unit lookup


def test_removed_410_with_unreadable_body(fake_brreg):
    fake_brreg.set_response(f"/enheter/{fb.FJERNET}", 410, b"<html>Gone</html>")
    with pytest.raises(Removed) as caught:
        get_enhet(fb.FJERNET)
    assert caught.value.feilmelding is None


# --- A bad number never reaches the network -------------------------------------------------------------


@pytest.mark.parametrize("value", [fb.INVALID_CHECKSUM, "12345", "9724180133", "97241801A", "", "../enheter"])
def test_bad_number_makes_no_request(fake_brreg, value):
    with pytest.raises(ValidationError):
        get_enhet(value)
    assert fake_brreg.requests == []


# --- Registry errors and retries ------------------------------------------------------------------------


def test_500_every_time_is_retried_then_utilgjengelig(fake_brreg):
    with pytest.raises(Unavailable) as caught:
        get_enhet(fb.ALWAYS_500)

    assert caught.value.melding == UTILGJENGELIG
    assert str(caught.value) == UTILGJENGELIG
    assert caught.value.organisasjonsnummer == fb.ALWAYS_500
    assert "HTTP 500" in caught.value.detalj
    assert fake_brreg.count(f"/enheter/{fb.ALWAYS_500}") == 3  # first attempt + BRREG_RETRIES
    assert fake_brreg.count() == 3  # no sub-unit lookup after a 5xx


def test_retries_setting_is_read_at_call_time(fake_brreg, settings):
    settings.BRREG_RETRIES = 0
    with pytest.raises(Unavailable):
        get_enhet(fb.ALWAYS_500)
    assert fake_brreg.count() == 1


def test_retries_back_off_exponentially(fake_brreg, settings):
    settings.BRREG_BACKOFF = 0.1
    with pytest.raises(Unavailable):
        get_enhet(fb.ALWAYS_500)
    times = [r.time for r in fake_brreg.requests]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # BRREG_BACKOFF * 2**(n-1), jittered to 50-100 %: 0.05-0.1 s, then 0.1-0.2 s
    assert 0.045 <= gaps[0] <= 0.1 + MARGIN
    assert 0.095 <= gaps[1] <= 0.2 + MARGIN


def test_500_then_200_succeeds_on_retry(fake_brreg):
    enhet = get_enhet(fb.FLAKY_500_THEN_200)

    assert enhet.navn == "LOFOTEN LEGESENTER AS"
    assert enhet.organisasjonsnummer == fb.FLAKY_500_THEN_200
    assert fake_brreg.paths == [f"/enheter/{fb.FLAKY_500_THEN_200}"] * 2


def test_dropped_connection_is_retried_then_utilgjengelig(fake_brreg):
    with pytest.raises(Unavailable) as caught:
        get_enhet(fb.DROPPED)
    assert caught.value.melding == UTILGJENGELIG
    assert fake_brreg.count(f"/enheter/{fb.DROPPED}") == 3


def test_slow_registry_gives_up_after_the_read_timeout(fake_brreg, settings):
    result, seconds = timed(get_enhet, fb.SLOW)

    assert isinstance(result, Unavailable)
    assert result.melding == UTILGJENGELIG
    assert seconds < settings.BRREG_READ_TIMEOUT + MARGIN
    assert fake_brreg.count() == 1  # a read timeout is not retried


def test_hanging_registry_never_holds_us_past_the_total_deadline(fake_brreg, settings):
    settings.BRREG_CONNECT_TIMEOUT = 5.0
    settings.BRREG_READ_TIMEOUT = 5.0
    settings.BRREG_TOTAL_TIMEOUT = 0.6

    result, seconds = timed(get_enhet, fb.SLOW)

    assert isinstance(result, Unavailable)
    assert seconds < settings.BRREG_TOTAL_TIMEOUT + MARGIN


def test_trickling_body_is_cut_at_the_total_deadline(fake_brreg, settings):
    settings.BRREG_TOTAL_TIMEOUT = 0.6  # each byte comes within the read timeout; only the deadline stops it

    result, seconds = timed(get_enhet, fb.TRICKLE)

    assert isinstance(result, Unavailable)
    assert settings.BRREG_TOTAL_TIMEOUT - 0.1 < seconds < settings.BRREG_TOTAL_TIMEOUT + MARGIN
    assert fake_brreg.count() == 1


@pytest.mark.parametrize("protocol", ["HTTP/1.1", "HTTP/1.0"])
def test_slow_bytes_are_cut_at_the_deadline_not_after_a_read_timeout(settings, protocol):
    """A byte every 0.45 s never trips the 0.5 s read timeout; the read after the first byte must end at the
    deadline (0.5 s), not 0.45 s later. Kept-alive (1.1) and closing (1.0) connections hold the socket apart."""
    with fb.FakeBrreg(trickle_interval=0.45, protocol=protocol) as fake:
        settings.BRREG_BASE_URL = fake.url
        settings.BRREG_READ_TIMEOUT = 0.5
        settings.BRREG_TOTAL_TIMEOUT = 0.5

        result, seconds = timed(get_enhet, fb.TRICKLE)

    assert isinstance(result, Unavailable)
    assert seconds < settings.BRREG_TOTAL_TIMEOUT + 0.15


def test_kept_alive_connection_is_reused(fake_brreg):
    assert fake_brreg.protocol == "HTTP/1.1"
    get_enhet(fb.KOMMUNE_BODO)
    get_enhet(fb.BEDRIFTSHELSETJENESTE)
    assert fake_brreg.count() == 2
    assert len({r.client_port for r in fake_brreg.requests}) == 1


def test_retries_stop_at_the_total_deadline(fake_brreg, settings):
    settings.BRREG_RETRIES = 50
    settings.BRREG_TOTAL_TIMEOUT = 0.6

    result, seconds = timed(get_enhet, fb.ALWAYS_500)

    assert isinstance(result, Unavailable)
    assert seconds < settings.BRREG_TOTAL_TIMEOUT + MARGIN
    assert 3 < fake_brreg.count() < 15  # backoff 0.02 s doubling: about 6 attempts fit


def test_connect_timeouts_are_retried_within_the_deadline(fake_brreg, settings, caplog):
    caplog.set_level(logging.INFO, logger="brreg.client")
    settings.BRREG_CONNECT_TIMEOUT = 0.2
    settings.BRREG_TOTAL_TIMEOUT = 0.5
    settings.BRREG_RETRIES = 5

    with fb.BlackHole() as black_hole:
        settings.BRREG_BASE_URL = black_hole.url
        result, seconds = timed(get_enhet, fb.KOMMUNE_BODO)

    assert isinstance(result, Unavailable)
    assert seconds < settings.BRREG_TOTAL_TIMEOUT + MARGIN
    outcomes = [r.brreg_outcome for r in caplog.records if r.name == "brreg.client" and r.levelno == logging.INFO]
    assert outcomes[:2] == ["connect_timeout", "connect_timeout"]  # retried, the last attempt cut short


def test_registry_down_is_utilgjengelig_quickly(fake_brreg):
    fake_brreg.stop()

    result, seconds = timed(get_enhet, fb.KOMMUNE_BODO)

    assert isinstance(result, Unavailable)
    assert result.melding == UTILGJENGELIG
    assert seconds < 0.5  # refused at once; only the two short backoffs


def test_registry_down_after_a_successful_call(fake_brreg):
    """A pooled connection to a registry that has gone must not hang or leak another error."""
    assert get_enhet(fb.KOMMUNE_BODO).er_kommune
    fake_brreg.stop()
    with pytest.raises(Unavailable):
        get_enhet(fb.KOMMUNE_BODO)


def test_5xx_on_the_sub_unit_lookup(fake_brreg):
    fake_brreg.set_response(f"/underenheter/{fb.IKKE_FUNNET}", 503, b"")
    with pytest.raises(Unavailable):
        get_enhet(fb.IKKE_FUNNET)
    assert fake_brreg.count(f"/underenheter/{fb.IKKE_FUNNET}") == 3


@pytest.mark.parametrize("status", [301, 400, 403, 429])
def test_other_statuses_are_utilgjengelig_without_retry(fake_brreg, status):
    fake_brreg.set_response(f"/enheter/{fb.KOMMUNE_BODO}", status, {"status": status})
    with pytest.raises(Unavailable):
        get_enhet(fb.KOMMUNE_BODO)
    assert fake_brreg.count() == 1


# --- Bodies we cannot use -------------------------------------------------------------------------------


def test_malformed_json(fake_brreg):
    with pytest.raises(Unavailable) as caught:
        get_enhet(fb.MALFORMED_JSON)
    assert caught.value.melding == UTILGJENGELIG
    assert fake_brreg.count() == 1


def test_json_list_instead_of_object(fake_brreg):
    with pytest.raises(Unavailable) as caught:
        get_enhet(fb.WRONG_SHAPE)
    assert caught.value.melding == UTILGJENGELIG


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"navn": "UTEN NUMMER AS"}, id="no-organisasjonsnummer"),
        pytest.param({"organisasjonsnummer": fb.BEDRIFTSHELSETJENESTE}, id="no-navn"),
        pytest.param({"organisasjonsnummer": fb.KOMMUNE_BODO, "navn": "FEIL"}, id="other-number"),
        pytest.param({"organisasjonsnummer": 912345009, "navn": "TALL AS"}, id="number-not-string"),
        pytest.param({"organisasjonsnummer": fb.BEDRIFTSHELSETJENESTE, "navn": ["A"]}, id="navn-list"),
        pytest.param(
            {"organisasjonsnummer": fb.BEDRIFTSHELSETJENESTE, "navn": "X AS", "konkurs": "false"}, id="konkurs-string"
        ),
        pytest.param(
            {"organisasjonsnummer": fb.BEDRIFTSHELSETJENESTE, "navn": "X AS", "organisasjonsform": "AS"},
            id="organisasjonsform-string",
        ),
        pytest.param(
            {"organisasjonsnummer": fb.BEDRIFTSHELSETJENESTE, "navn": "X AS", "forretningsadresse": ["Storgata 1"]},
            id="adresse-list",
        ),
        pytest.param(
            {"organisasjonsnummer": fb.BEDRIFTSHELSETJENESTE, "navn": "X AS", "slettedato": "i fjor"},
            id="slettedato-not-a-date",
        ),
        pytest.param("912345009", id="json-string"),
        pytest.param(None, id="json-null"),
        pytest.param(b"", id="empty-body"),
        pytest.param(b"\xff\xfe\x00garbage", id="not-utf8"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="deeply-nested"),
        pytest.param(b" " * 1_100_000, id="too-large"),
    ],
)
def test_body_of_unexpected_shape_is_utilgjengelig(fake_brreg, body):
    fake_brreg.set_response(f"/enheter/{fb.BEDRIFTSHELSETJENESTE}", 200, body)
    with pytest.raises(Unavailable) as caught:
        get_enhet(fb.BEDRIFTSHELSETJENESTE)
    assert caught.value.melding == UTILGJENGELIG


# --- Logging and construction ---------------------------------------------------------------------------


def test_every_call_is_logged(fake_brreg, caplog):
    caplog.set_level(logging.INFO, logger="brreg.client")
    with pytest.raises(Unavailable):
        get_enhet(fb.ALWAYS_500)
    get_enhet(fb.UNDERENHET)
    fake_brreg.stop()
    with pytest.raises(Unavailable):
        get_enhet(fb.KOMMUNE_BODO)

    records = [r for r in caplog.records if r.name == "brreg.client" and r.levelno == logging.INFO]
    calls = [(r.brreg_path, r.brreg_outcome, r.brreg_attempt) for r in records]
    assert calls == [
        (f"/enheter/{fb.ALWAYS_500}", 500, 1),
        (f"/enheter/{fb.ALWAYS_500}", 500, 2),
        (f"/enheter/{fb.ALWAYS_500}", 500, 3),
        (f"/enheter/{fb.UNDERENHET}", 404, 1),
        (f"/underenheter/{fb.UNDERENHET}", 200, 1),
        (f"/enheter/{fb.KOMMUNE_BODO}", "refused", 1),
        (f"/enheter/{fb.KOMMUNE_BODO}", "refused", 2),
        (f"/enheter/{fb.KOMMUNE_BODO}", "refused", 3),
    ]
    assert all(isinstance(r.brreg_ms, int) and r.brreg_ms >= 0 for r in records)
    assert records[0].getMessage().startswith(f"GET /enheter/{fb.ALWAYS_500} -> 500 in ")
    assert records[0].getMessage().endswith("(attempt 1)")
    warnings = [r.getMessage() for r in caplog.records if r.name == "brreg.client" and r.levelno == logging.WARNING]
    assert len(warnings) == 2  # one per lookup that gave up, with the technical detail
    assert warnings[0].startswith(
        f"Enhetsregisteret unavailable for {fb.ALWAYS_500}: /enheter/{fb.ALWAYS_500}: HTTP 500"
    )


def test_error_kinds_in_the_log(fake_brreg, caplog):
    caplog.set_level(logging.INFO, logger="brreg.client")
    for number in (fb.SLOW, fb.DROPPED):
        with pytest.raises(Unavailable):
            get_enhet(number)
    outcomes = {r.brreg_outcome for r in caplog.records if r.name == "brreg.client" and r.levelno == logging.INFO}
    assert outcomes == {"read_timeout", "dropped"}


def test_explicit_client_ignores_settings(fake_brreg, settings):
    settings.BRREG_BASE_URL = "http://127.0.0.1:9"  # nothing there
    explicit = BrregClient(base_url=fake_brreg.url + "/", connect_timeout=1, read_timeout=1, total_timeout=2, retries=0)
    assert explicit.get_enhet(fb.KOMMUNE_BODO).er_kommune
    assert client.default_client() is client.default_client()
