"""A real SMTP server on 127.0.0.1 (aiosmtpd) that a test can start and stop on one port: the mail server is down,
then up again."""

import email
import socket
from email.policy import default

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, server):
        self.server = server

    async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):
        if address in self.server.refuse:
            return "550 5.1.1 Mottakeren finnes ikke"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp, session, envelope):
        self.server.messages.append(email.message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted for delivery"


class FakeSmtp:
    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.messages = []
        self.refuse: set[str] = set()
        self._controller = None

    def start(self) -> "FakeSmtp":
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller:
            self._controller.stop()
            self._controller = None
