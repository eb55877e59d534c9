"""Fixtures shared by the caseworkers' tests: a caseworker, and a client logged in as her (a module that needs
another caseworker defines its own)."""

import pytest

from tests.soknader.test_arbeidsko import _sb


@pytest.fixture
def siri():
    return _sb("siri", "Siri")


@pytest.fixture
def sb_client(client, siri):
    client.force_login(siri)
    return client
