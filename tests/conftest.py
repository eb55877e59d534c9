import pytest


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


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
def _fresh_cache():
    """The cache (rate limits) starts empty for every test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
