"""Structured logs: one JSON object per line, for the platform's log collector.

`logger.info("hendelse", extra={...})`: the message is the event's name, the extras become fields.
Loggers of ours: asa.brreg (registry calls), asa.status (status changes), asa.epost (mail), asa.innlogging
(logins, for the audit log), see docs/drift.md."""

import datetime as dt
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonLinjer(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "tid": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "niva": record.levelname,
            "logger": record.name,
            "hendelse": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                data[key] = value
        if record.exc_info:
            data["unntak"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


@contextmanager
def quiet(*names: str, level: int = logging.WARNING) -> Iterator[None]:
    """Only warnings and errors from these loggers for a while (a command whose summary says the rest)."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old in zip(loggers, levels, strict=True):
            logger.setLevel(old)
