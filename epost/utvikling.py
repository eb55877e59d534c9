"""The mail backend of a development machine (`make run`): one line per mail in the terminal, the whole mail in a file.

    e-post til post@example.no: «Kvittering: søknad ASA-2026-00001 er mottatt» + soknad.pdf (45 kB) → tmp/epost/…eml

Each mail is written as it would be sent (MIME, attachments included) to EPOST_UTVIKLING_MAPPE, one `.eml` file per
mail, which any mail program opens. Nothing leaves the machine.
"""

import re
import sys
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone


def _size(n: int) -> str:
    return f"{n} B" if n < 1024 else f"{n / 1024:.0f} kB"


def _attachments(message) -> list[str]:
    out = []
    for attachment in message.attachments:
        if isinstance(attachment, tuple):  # (filename, content, mimetype)
            name, content = attachment[0], attachment[1]
            size = len(content.encode() if isinstance(content, str) else content)
        else:  # a MIMEBase
            name = attachment.get_filename() or "vedlegg"
            size = len(attachment.get_payload(decode=True) or b"")
        out.append(f"{name} ({_size(size)})")
    return out


class DevelopmentBackend(BaseEmailBackend):
    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self.folder = Path(settings.EPOST_UTVIKLING_MAPPE)

    def send_messages(self, email_messages) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            emne = re.sub(r"[^\w.-]+", "-", message.subject)[:60].strip("-")
            path = self.folder / f"{timezone.now():%Y%m%d-%H%M%S-%f}-{emne}.eml"
            path.write_bytes(message.message().as_bytes(linesep="\n"))
            vedlegg = "".join(f" + {item}" for item in _attachments(message))
            mottakere = ", ".join(message.recipients())
            self.stream.write(f"e-post til {mottakere}: «{message.subject}»{vedlegg} → {path}\n")
            self.stream.flush()
        return len(email_messages)
