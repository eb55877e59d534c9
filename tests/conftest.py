import os

import pytest
from django.core.management import call_command
from hypothesis import settings as hypothesis_settings

# CI runs the property tests with a fixed seed, so a red CI can always be reproduced and is never chance; a
# developer's run explores new examples each time (and hypothesis keeps the failing ones in .hypothesis/).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database gets the reference data (kommune register, LM catalogue) once, from the same command as
    `make run` and deployment; every test in a transaction that is rolled back keeps seeing it."""
    with django_db_blocker.unblock():
        call_command("last_referansedata", verbosity=0)


def _transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return (
        bool(marker and marker.kwargs.get("transaction"))
        or "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
    )


@pytest.fixture(autouse=True)
def _referansedata(request):
    """A transactional test (the browser journeys) leaves an emptied database behind, reference data included:
    load it again before each one (a no-op while the data is still there). Django's flush recreates the caseworker
    group itself, through post_migrate, as migrate does."""
    if _transactional(request):
        request.getfixturevalue("transactional_db")
        call_command("last_referansedata", verbosity=0)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_real_registry(settings):
    """No test reaches the real Enhetsregisteret: by default the registry is 'down' (a closed local port).

    Tests that need answers use the `fake_brreg` fixture, a real HTTP server on 127.0.0.1.
    """
    settings.BRREG_BASE_URL = "http://127.0.0.1:9/enhetsregisteret/api"
    settings.BRREG_CONNECT_TIMEOUT = 0.5
    settings.BRREG_READ_TIMEOUT = 0.5
    settings.BRREG_TOTAL_TIMEOUT = 2.0


@pytest.fixture
def fake_brreg(settings):
    """A running fake Enhetsregisteret (real HTTP on 127.0.0.1), with the client pointed at it and small timeouts."""
    from tests.brreg.fake_brreg import FakeBrreg

    fake = FakeBrreg().start()
    settings.BRREG_BASE_URL = fake.url
    settings.BRREG_CONNECT_TIMEOUT = 0.5
    settings.BRREG_READ_TIMEOUT = 0.5
    settings.BRREG_TOTAL_TIMEOUT = 2.0
    settings.BRREG_RETRIES = 2
    settings.BRREG_BACKOFF = 0.02  # 0.2 s in production
    yield fake
    fake.stop()


@pytest.fixture(autouse=True)
def _bokmal_after_each_test():
    """A request in nynorsk leaves nynorsk active in the thread (LocaleMiddleware activates, nothing deactivates):
    every test starts in bokmål, the source language, whatever the test before it asked for."""
    from django.utils import translation

    yield
    translation.activate("nb")


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """The cache (a table in the database, shared by every worker) starts empty for every test that uses the
    database; rate limits are counted in the database itself, so a test's rollback forgets them (and the portions
    this process took from them, and what it kept of the cache, are forgotten here)."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker or {"db", "transactional_db", "live_server"} & set(request.fixturenames)):
        yield
        return
    from django.core.cache import cache

    from drift import limits
    from drift.minne import MINNE

    cache.clear()
    limits.glem()
    MINNE.glem()
    yield
    cache.clear()
    limits.glem()
    MINNE.glem()


@pytest.fixture(scope="session")
def oidc_provider():
    """One real OpenID Connect provider (oidc-provider-mock) on 127.0.0.1 for the whole test run."""
    from tests.tilgang.oidc_provider import OidcProvider

    provider = OidcProvider().start()
    yield provider
    provider.stop()


def _provider_settings(settings, name, issuer, **extra):
    providers = {key: dict(value) for key, value in settings.OIDC_PROVIDERS.items()}
    providers[name] |= {"issuer": issuer, "client_id": f"asa-{name}", "client_secret": f"hemmelig-{name}", **extra}
    settings.OIDC_PROVIDERS = providers


@pytest.fixture
def idporten(settings, oidc_provider):
    """ID-porten is the local provider (client asa-idporten); returns the provider."""
    _provider_settings(settings, "idporten", oidc_provider.url)
    settings.OIDC_TIMEOUT = 2
    return oidc_provider


@pytest.fixture
def ansatt_login(settings, oidc_provider):
    """The directorate's provider is the same local provider with a second client; groups map to our roles."""
    _provider_settings(
        settings, "ansatt", oidc_provider.url, roller={"asa-saksbehandlere": "saksbehandler", "alis-nord": "alis:nord"}
    )
    return oidc_provider


@pytest.fixture
def fake_altinn(settings):
    """A running fake Altinn (real HTTP on 127.0.0.1), with the client pointed at it and small timeouts."""
    from tests.tilgang.fake_altinn import FakeAltinn

    fake = FakeAltinn().start()
    settings.ALTINN_BASE_URL = fake.url
    settings.ALTINN_TOKEN = "altinn-token-for-test"
    settings.ALTINN_SUBSCRIPTION_KEY = "abonnement-for-test"
    settings.ALTINN_CONNECT_TIMEOUT = 0.5
    settings.ALTINN_READ_TIMEOUT = 0.5
    settings.ALTINN_TOTAL_TIMEOUT = 2.0
    settings.ALTINN_RETRIES = 2
    settings.ALTINN_BACKOFF = 0.02
    yield fake
    fake.stop()
