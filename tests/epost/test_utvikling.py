"""The development mail backend (`make run`): one line per mail in the terminal, the whole mail kept as a file."""

import email
import io

from django.core.mail import EmailMessage

from epost.utvikling import DevelopmentBackend


def test_one_line_per_mail_and_the_whole_mail_in_a_file(settings, tmp_path):
    settings.EPOST_UTVIKLING_MAPPE = str(tmp_path / "epost")
    stream = io.StringIO()
    backend = DevelopmentBackend(stream=stream)
    message = EmailMessage("Kvittering: søknad ASA-2026-00001", "Hei\n" * 200, "a@example.no", ["post@example.no"])
    message.attach("soknad.pdf", b"%PDF-" + b"x" * 4000, "application/pdf")
    message.attach("liten.txt", "tekst", "text/plain")
    plain = EmailMessage("Påminnelse", "Tekst", "a@example.no", ["b@example.no", "c@example.no"])
    assert backend.send_messages([message, plain]) == 2

    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("e-post til post@example.no: «Kvittering: søknad ASA-2026-00001»")
    assert "+ soknad.pdf (4 kB) + liten.txt (5 B)" in lines[0]
    assert lines[1].startswith("e-post til b@example.no, c@example.no: «Påminnelse» → ")
    files = sorted((tmp_path / "epost").glob("*.eml"))
    assert len(files) == 2 and str(files[0]) in lines[0]
    kept = email.message_from_bytes(files[0].read_bytes())
    assert kept["To"] == "post@example.no"
    names = [part.get_filename() for part in kept.walk() if part.get_filename()]
    assert names == ["soknad.pdf", "liten.txt"]
