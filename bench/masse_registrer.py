"""Benchmark (issue 21): bulk register of 20 clean cases in one request, on PostgreSQL.

Run from the repository root (your own database; a test database `test_<name>` is made beside it and dropped):

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/asa_NAME .venv/bin/python bench/masse_registrer.py

Makes 20 submitted applications with nothing missing (one kommune each), logs a caseworker in, selects them in the
changelist and confirms "Registrer de valgte som ikke har mangler": one POST. Prints the request's time and checks
what it must leave: 20 decision letters (PDF), 20 history rows, 20 mails in the outbox. The goal: under 10 s.
"""

import os
import sys
import time
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registrering.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/asa_bench")


def main(antall: int = 20) -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.BRREG_BASE_URL = "http://127.0.0.1:9/enhetsregisteret/api"  # no real registry
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    gammel = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("last_referansedata", verbosity=0)
        return _mal(antall, Client())
    finally:
        connection.creation.destroy_test_db(gammel, verbosity=0)


def _mal(antall: int, client) -> int:
    from django.contrib.auth.models import Group
    from django.db import connection

    from brreg.models import Kommune
    from epost.models import Epost
    from soknader.models import Soknad, Statusendring, Vedtaksbrev
    from soknader.roles import SAKSBEHANDLERE
    from soknader.services import innsending
    from tests.brreg.factories import KommuneVirksomhetFactory
    from tests.soknader.factories import KomplettSoknadFactory, LaeringsarenaFactory, UserFactory, soker_for

    sb = UserFactory(username="siri", is_staff=True)
    sb.groups.add(Group.objects.get(name=SAKSBEHANDLERE))
    pks = []
    for nummer in Kommune.objects.order_by("nummer").values_list("nummer", flat=True)[:antall]:
        soknad = KomplettSoknadFactory(virksomhet=KommuneVirksomhetFactory(kommunenummer=nummer))
        LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
        pks.append(innsending.soknad_submit(soknad=soknad, bruker=soker_for(soknad.virksomhet)).pk)
    assert not Soknad.objects.filter(pk__in=pks, mangler__alvorlighet="mangel").exists(), "not clean"
    client.force_login(sb)
    for_historikk, for_epost = Statusendring.objects.count(), Epost.objects.count()
    data = {"action": "masse_registrer", "_selected_action": pks, "bekreft": "1", "index": "0"}
    start = time.perf_counter()
    response = client.post("/admin/soknader/soknad/", data)
    sekunder = time.perf_counter() - start
    brev = Vedtaksbrev.objects.filter(soknad__in=pks).count()
    historikk = Statusendring.objects.count() - for_historikk
    eposter = Epost.objects.count() - for_epost
    print(f"{connection.vendor}: bulk register of {antall} clean cases in one request: {sekunder:.2f} s")
    print(f"  HTTP {response.status_code}; {brev} letters, {historikk} history rows, {eposter} mails queued")
    ok = brev == historikk == eposter == antall and sekunder < 10
    print("  OK (under 10 s)" if ok else "  NOT OK")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
