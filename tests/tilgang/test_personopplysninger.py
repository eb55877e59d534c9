"""Issue 18, finding 1: nothing from the ID token that identifies the person is stored at rest in clear.

A søker logs in through the real local provider (and another is refused for too low a level); then every table and
every column of the database, decoded sessions and cache entries included, and every log line are searched for
the fødselsnummer and the names the token carried."""

from __future__ import annotations

import base64
import binascii
import importlib
import logging
import os
import stat
import uuid
import zlib

import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse

from tests.tilgang.fake_altinn import party
from tests.tilgang.oidc_provider import login

pytestmark = pytest.mark.django_db

PID = "17054412345"
REFUSED_PID = "02118899761"
NAMES = ("Oddveig", "Pidlund-Testesen", "Torbjørg", "Avvistdatter")


class _AllRecords(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))
        self.lines.append(repr(record.__dict__))


@pytest.fixture
def every_log_line():
    """Every record of every logger, at DEBUG: ours (asa.*), Django's, the OIDC library's, requests'."""
    handler = _AllRecords()
    names = ["", "asa", "django", "axes", "mozilla_django_oidc", "urllib3", "tilgang"]
    loggers = [logging.getLogger(n) for n in names]
    before = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.DEBUG)
    yield handler.lines
    for lg, level in before:
        lg.removeHandler(handler)
        lg.setLevel(level)


def _readings(value) -> list[str]:
    """The value as stored, and what it is when decoded the ways this app stores things (signed sessions, base64
    pickles in the cache, zlib), so that encoding is not mistaken for protection."""
    if value is None:
        return []
    if isinstance(value, memoryview | bytes | bytearray):
        raw = bytes(value)
        return [raw.decode("latin1"), raw.decode("utf-8", "ignore")]
    text = str(value)
    found = [text]
    decoded = SessionStore().decode(text) if ":" in text else {}
    if decoded:
        found.append(repr(decoded))
    try:
        raw = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=False)
        found.append(raw.decode("utf-8", "ignore"))
        try:
            found.append(zlib.decompress(raw).decode("utf-8", "ignore"))
        except zlib.error:
            pass
    except (binascii.Error, ValueError):
        pass
    return found


def _database_text() -> list[str]:
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for cell in row:
                    texts.extend(_readings(cell))
    for session in Session.objects.all():  # the session table, decoded by Django itself
        texts.append(repr(session.get_decoded()))
    return texts


def _assert_nowhere(texts, secrets):
    for secret in secrets:
        hits = [t for t in texts if secret in t]
        assert not hits, f"{secret!r} stored: {hits[0][:300]}"


def test_nothing_from_the_id_token_is_stored_in_clear(client, idporten, fake_altinn, every_log_line, settings):
    fake_altinn.set_parties(PID, [party("972418013", "BODØ KOMMUNE")])
    sub = f"person-{uuid.uuid4().hex[:8]}"
    idporten.set_user(sub, {"pid": PID, "given_name": NAMES[0], "family_name": NAMES[1], "acr": "idporten-loa-high"})
    assert login(client, sub).status_code == 302
    # what the person sees: their name in the menu, and offered as contact person
    assert f"{NAMES[0]} {NAMES[1]}" in client.get(reverse("soknader:mine")).content.decode()
    # a login refused for too low a level stores nothing at all
    other = type(client)()
    refused = f"person-{uuid.uuid4().hex[:8]}"
    idporten.set_user(refused, {"pid": REFUSED_PID, "name": f"{NAMES[2]} {NAMES[3]}", "acr": "idporten-loa-low"})
    assert login(other, refused).status_code == 403

    texts = _database_text()
    _assert_nowhere(texts, (PID, REFUSED_PID, *NAMES))
    _assert_nowhere(every_log_line, (PID, REFUSED_PID, *NAMES))
    # the ID token itself (its payload is base64: decoding found neither pid nor names above) is not stored either
    assert not any("oidc_id_token" in t for t in texts)


def test_staff_keep_their_name_for_the_case_history(client, ansatt_login):
    from django.contrib.auth import get_user_model

    sub = f"ansatt-{uuid.uuid4().hex[:6]}"
    ansatt_login.set_user(sub, {"name": "Siri Saksbehandler", "groups": ["asa-saksbehandlere"]})
    assert login(client, sub, provider="ansatt").status_code == 302
    user = get_user_model().objects.get(person__kilde="ansatt")
    assert user.get_full_name() == "Siri Saksbehandler"


def test_a_name_claim_with_control_characters_is_stored_without_them(client, ansatt_login):
    """A NUL cannot be stored in PostgreSQL (it gave a 500)."""
    from django.contrib.auth import get_user_model

    sub = f"ansatt-{uuid.uuid4().hex[:6]}"
    ansatt_login.set_user(sub, {"name": "Siri\x00 Saks\x07behandler", "groups": ["asa-saksbehandlere"]})
    assert login(client, sub, provider="ansatt").status_code == 302
    assert get_user_model().objects.get(person__kilde="ansatt").get_full_name() == "Siri Saksbehandler"


def test_the_migration_removes_sessions_holding_a_token_and_names_of_sokere():
    from django.contrib.auth import get_user_model

    from tests.soknader.factories import UserFactory
    from tilgang.models import Person

    old = SessionStore()
    old["oidc_id_token"] = "eyJ.eyJwaWQiOiIxNzA1NDQxMjM0NSJ9.sig"
    old.create()
    kept = SessionStore()
    kept["tilgang_provider"] = "passord"
    kept.create()
    soker = UserFactory(first_name="Kari", last_name="Kommunelege")
    Person.objects.create(bruker=soker, kilde="idporten", ident="a" * 64)
    staff = UserFactory(first_name="Siri", last_name="Saksbehandler", is_staff=True)
    Person.objects.create(bruker=staff, kilde="ansatt", ident="b" * 64)

    migration = importlib.import_module("tilgang.migrations.0002_okter_og_navn_uten_personopplysninger")
    migration.remove_tokens_and_names(apps, None)

    assert not Session.objects.filter(session_key=old.session_key).exists()
    assert Session.objects.filter(session_key=kept.session_key).exists()
    users = get_user_model().objects
    assert (
        users.get(pk=soker.pk).get_full_name() == "" and users.get(pk=staff.pk).get_full_name() == "Siri Saksbehandler"
    )


def test_the_sqlite_file_is_made_readable_by_its_owner_only(tmp_path):
    from drift.sqlite import private_file

    new = tmp_path / "ny.sqlite3"
    private_file(new)
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    old = tmp_path / "gammel.sqlite3"
    old.write_bytes(b"")
    os.chmod(old, 0o644)
    (tmp_path / "gammel.sqlite3-wal").write_bytes(b"")
    os.chmod(tmp_path / "gammel.sqlite3-wal", 0o664)
    private_file(old)
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "gammel.sqlite3-wal").stat().st_mode) == 0o600
    import sqlite3

    with sqlite3.connect(new) as db:  # an empty file is an empty database
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE t (x)")
    assert stat.S_IMODE((tmp_path / "ny.sqlite3-wal").stat().st_mode) == 0o600
