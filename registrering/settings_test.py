"""Settings for the test suite, chosen explicitly: pytest names this module (pyproject.toml,
DJANGO_SETTINGS_MODULE), and subprocesses started by tests name it in their environment.

The production settings never look at how they were imported: without DJANGO_SECRET_KEY and with DJANGO_DEBUG off,
they refuse to start. Only this module, which production never names, brings its own key.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-" + "k" * 50)

from .settings import *  # noqa: E402,F403
from .settings import STORAGES, env_bool  # noqa: E402

TESTING = True

# Søkere log in with a password in the tests, as in development (production: ID-porten only).
PASSWORD_LOGIN_FOR_APPLICANTS = env_bool("PASSWORD_LOGIN_FOR_APPLICANTS", True)

# Static files straight from the finders, as in development (no collectstatic before a test run).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The test client and the live server speak plain HTTP.
SECURE_SSL_REDIRECT = False
