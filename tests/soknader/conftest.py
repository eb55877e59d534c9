"""Fixtures shared by the caseworkers' tests: a caseworker, and a client logged in as her (a module that needs
another caseworker defines its own)."""

import pytest

from tests.soknader.factories import saksbehandler_bruker


@pytest.fixture
def siri():
    return saksbehandler_bruker("siri", first_name="Siri", last_name="Saksbehandler")


@pytest.fixture
def sb_client(client, siri):
    client.force_login(siri)
    return client
