"""Mail goes through the outbox: the request never fails because the mail server does, the sender retries with
backoff, and the caseworker sees per application what was sent and what failed, and why.

The mail server is real: aiosmtpd on 127.0.0.1, down (nothing listening on its port), then up."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from epost.models import Epost
from epost.services import backoff
from soknader.models import Soknad
from tests.epost.fake_smtp import FakeSmtp
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    saksbehandler_bruker,
    soker_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    """An SMTP server on a fixed local port, not started: the mail server is down until the test starts it."""
    server = FakeSmtp()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    settings.EPOST_BACKOFF = 60
    settings.EPOST_MAX_FORSOK = 3
    yield server
    server.stop()


def send_epost() -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_epost", stdout=out)
    return out.getvalue().strip()


def make_due():
    """The backoff has passed (instead of waiting minutes in a test)."""
    Epost.objects.filter(status="venter").update(neste_forsok=timezone.now())


@pytest.fixture
def ferdig_utfylt(client):
    soknad = KomplettSoknadFactory()
    LaeringsarenaFactory(soknad=soknad, laeringsmal="Alle; Alle FKM")
    client.force_login(soker_for(soknad.virksomhet))
    return soknad


@pytest.fixture
def sb_client(client):
    user = saksbehandler_bruker(username="sb")
    from django.test import Client

    sb = Client()
    sb.force_login(user)
    return sb


def test_submitting_with_the_mail_server_down_succeeds_and_the_receipt_is_sent_when_it_is_up(
    client, ferdig_utfylt, smtp, sb_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("soknader:se_over", args=[ferdig_utfylt.pk]), follow=True)
    assert response.status_code == 200 and "Søknaden er sendt inn" in response.content.decode()
    soknad = Soknad.objects.get(pk=ferdig_utfylt.pk)
    assert soknad.status == "innsendt"
    epost = soknad.eposter.get()
    assert (epost.status, epost.mottaker, epost.forsok) == ("venter", "kari@bodo.kommune.no", 0)

    # the sender runs while the server is down: the message waits, with the reason and a later attempt
    assert send_epost() == "sendt 0, utsatt 1, feilet 0"
    epost.refresh_from_db()
    assert (epost.status, epost.forsok) == ("venter", 1)
    assert "Fikk ikke kontakt med e-postserveren" in epost.siste_feil
    assert epost.neste_forsok > timezone.now() + dt.timedelta(seconds=50)
    assert send_epost() == "sendt 0, utsatt 0, feilet 0"  # not due yet: no second attempt at once

    page = sb_client.get(reverse("admin:soknader_soknad_change", args=[soknad.pk])).content.decode()
    assert "E-post til søkeren" in page and "Venter på sending" in page and "Fikk ikke kontakt" in page

    # the server comes up; once the backoff has passed the receipt goes out
    smtp.start()
    make_due()
    assert send_epost() == "sendt 1, utsatt 0, feilet 0"
    [message] = smtp.messages
    assert message["To"] == "kari@bodo.kommune.no" and soknad.referanse in message["Subject"]
    assert soknad.referanse in message.get_body(preferencelist=("plain",)).get_content()
    [pdf] = message.iter_attachments()  # the application as sent
    assert pdf.get_content_type() == "application/pdf" and pdf.get_filename().startswith(soknad.referanse)
    epost.refresh_from_db()
    assert (epost.status, epost.forsok, epost.siste_feil) == ("sendt", 2, "")
    page = sb_client.get(reverse("admin:soknader_soknad_change", args=[soknad.pk])).content.decode()
    assert "Sendt" in page and "Fikk ikke kontakt" not in page
    assert send_epost() == "sendt 0, utsatt 0, feilet 0"  # sent once only
    assert len(smtp.messages) == 1


def test_the_caseworkers_anmodning_with_the_mail_server_down_succeeds(
    smtp, sb_client, ferdig_utfylt, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("soknader:se_over", args=[ferdig_utfylt.pk]))
    url = reverse("admin:soknader_soknad_handling", args=[ferdig_utfylt.pk, "anmodning_sendt"])
    with django_capture_on_commit_callbacks(execute=True):
        response = sb_client.post(url, {"status": "innsendt", "melding": "Legg ved avtalen med HF"})
    assert response.status_code == 302
    assert Soknad.objects.get(pk=ferdig_utfylt.pk).status == "anmodning_sendt"
    assert Epost.objects.filter(soknad=ferdig_utfylt, status="venter").count() == 2


def test_backoff_doubles_and_the_message_fails_for_good_after_the_last_attempt(smtp, settings):
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff(30).total_seconds() == 6 * 3600
    epost = Epost.objects.create(mottaker="kari@example.no", emne="Hei", tekst="Tekst", avsender="asa@example.no")
    for _ in range(settings.EPOST_MAX_FORSOK - 1):
        assert send_epost() == "sendt 0, utsatt 1, feilet 0"
        make_due()
    assert send_epost() == "sendt 0, utsatt 0, feilet 1"
    epost.refresh_from_db()
    assert (epost.status, epost.forsok) == ("feilet", 3) and "Fikk ikke kontakt" in epost.siste_feil
    smtp.start()
    make_due()
    assert send_epost() == "sendt 0, utsatt 0, feilet 0"  # failed for good: not retried by itself
    assert smtp.messages == []


def test_a_refused_recipient_fails_at_once_with_the_servers_reason_and_the_rest_are_sent(smtp):
    smtp.refuse.add("finnes.ikke@example.no")
    smtp.start()
    bad = Epost.objects.create(mottaker="finnes.ikke@example.no", emne="A", tekst="A", avsender="asa@example.no")
    Epost.objects.create(mottaker="kari@example.no", emne="B", tekst="B", avsender="asa@example.no")
    assert send_epost() == "sendt 1, utsatt 0, feilet 1"
    bad.refresh_from_db()
    assert bad.status == "feilet" and "avviste mottakeren" in bad.siste_feil and bad.forsok == 1
    assert [m["Subject"] for m in smtp.messages] == ["B"]


def test_a_caseworker_can_send_a_failed_message_again_from_the_outbox(smtp, sb_client):
    epost = Epost.objects.create(
        mottaker="kari@example.no",
        emne="Hei",
        tekst="T",
        avsender="asa@example.no",
        status="feilet",
        forsok=3,
        siste_feil="Fikk ikke kontakt",
    )
    changelist = reverse("admin:epost_epost_changelist")
    page = sb_client.get(changelist + "?status__exact=feilet").content.decode()
    assert "Fikk ikke kontakt" in page and "Hei" in page
    sb_client.post(changelist, {"action": "prov_igjen", "_selected_action": [epost.pk]})
    smtp.start()
    assert send_epost() == "sendt 1, utsatt 0, feilet 0"
    epost.refresh_from_db()
    assert epost.status == "sendt"


def test_the_sender_process_runs_in_a_loop_sends_when_the_server_comes_up_and_stops_on_sigterm(tmp_path):
    """`manage.py send_epost --loop` as production runs it: its own process, the database shared with the app."""
    import signal
    import subprocess
    import time

    from tests.drift.appserver import AppServer

    server = AppServer(tmp_path)
    server.manage("migrate", "--noinput", "-v0")
    smtp = FakeSmtp()
    env = {
        **server.env,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(smtp.port),
        "EPOST_BACKOFF": "0.2",
        "DJANGO_LOG_LEVEL": "INFO",
        "ASA_LOG_LEVEL": "INFO",
    }
    queue = (
        "import django; django.setup(); from epost.services import epost_queue; "
        "epost_queue(mottaker='kari@example.no', emne='Kvittering', tekst='Mottatt')"
    )
    subprocess.run([str(server.python), "-c", queue], cwd=server.code, env=env, check=True)
    sender = subprocess.Popen(
        [str(server.python), "manage.py", "send_epost", "--loop", "--pause", "0.2"],
        cwd=server.code,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # rounds against a server that is down: wait until the sender has tried (it may start slowly on a busy
        # machine), reading the attempt count from the database the sender writes to
        import sqlite3

        database = server.env["DATABASE_URL"].removeprefix("sqlite:///")
        deadline = time.monotonic() + (60 if server.env["DATABASE_URL"].startswith("sqlite:") else 1)
        while time.monotonic() < deadline and database != server.env["DATABASE_URL"]:
            with sqlite3.connect(database) as db:
                if db.execute("SELECT MAX(forsok) FROM epost_epost").fetchone()[0]:
                    break
            time.sleep(0.1)
        else:
            time.sleep(1.0)  # a database this test cannot read directly: give the sender its rounds
        smtp.start()
        deadline = time.monotonic() + 60  # generous: CI machines can be busy
        while not smtp.messages and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [m["Subject"] for m in smtp.messages] == ["Kvittering"]
    finally:
        sender.send_signal(signal.SIGTERM)
        out, err = sender.communicate(timeout=60)
        smtp.stop()
    assert sender.returncode == 0, err
    assert "sendt 1" in out
    logged = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert any(line["hendelse"] == "epost_feilet" and line["status"] == "venter" for line in logged)
    assert any(line["hendelse"] == "epost_sendt" for line in logged)


def test_with_the_server_down_a_round_tries_one_message_and_every_waiting_one_counts_the_attempt(smtp):
    """Issue 18: before, only the first message counted its attempts while the server was down; the rest waited
    uncounted for as long as it stayed down (the behaviour this test asserted until then)."""
    for emne in ("A", "B", "C"):
        Epost.objects.create(mottaker="kari@example.no", emne=emne, tekst=emne, avsender="asa@example.no")
    assert send_epost() == "sendt 0, utsatt 3, feilet 0"
    assert sorted(Epost.objects.values_list("emne", "forsok")) == [("A", 1), ("B", 1), ("C", 1)]
    assert set(Epost.objects.values_list("siste_feil", flat=True)) == {Epost.objects.get(emne="A").siste_feil}
    assert not Epost.objects.filter(neste_forsok__lte=timezone.now()).exists()  # nobody hammers a server that is down
    assert send_epost() == "sendt 0, utsatt 0, feilet 0"
    smtp.start()
    make_due()
    assert send_epost() == "sendt 3, utsatt 0, feilet 0"
    assert sorted(m["Subject"] for m in smtp.messages) == ["A", "B", "C"]


def test_with_the_server_down_for_long_every_waiting_message_fails_after_its_last_attempt(smtp, settings):
    for emne in ("A", "B", "C"):
        Epost.objects.create(mottaker="kari@example.no", emne=emne, tekst=emne, avsender="asa@example.no")
    for _ in range(settings.EPOST_MAX_FORSOK - 1):
        assert send_epost() == "sendt 0, utsatt 3, feilet 0"
        make_due()
    assert send_epost() == "sendt 0, utsatt 0, feilet 3"
    assert sorted(Epost.objects.values_list("emne", "status", "forsok")) == [
        ("A", "feilet", 3),
        ("B", "feilet", 3),
        ("C", "feilet", 3),
    ]
