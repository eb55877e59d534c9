"""Settings for bench/last.py: the production settings (DEBUG off), plus the bench's own reference pages."""

from registrering.settings import *  # noqa: F403

ROOT_URLCONF = "bench.last_urls"
