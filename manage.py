#!/usr/bin/env python3
"""Django's command-line utility: `./manage.py COMMAND` from a checkout, as the README shows it.

In a checkout set up by `make run` (or `make install`), two things make the README's commands run as written:
- the Python of the checkout's virtualenv is used (`.venv/bin/python`), whichever `python3` started this file;
- `.env` (written by make, never committed) gives the development settings (`DJANGO_DEBUG=1`). A variable set in
  the environment wins over the file, and with DJANGO_SECRET_KEY set the file is not read at all: whoever gives the
  key configures the rest too. Production has no `.env`: without DJANGO_SECRET_KEY it refuses to start.
"""

import os
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent


def read_env_file(path: Path) -> None:
    """KEY=VALUE lines (blank lines and # comments skipped) into os.environ, unless already set there."""
    if not path.is_file() or os.environ.get("DJANGO_SECRET_KEY"):
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip().strip("\"'"))


def use_checkout_venv() -> None:
    """Run again with the checkout's virtualenv when this Python cannot import Django."""
    venv_python = CHECKOUT / ".venv" / "bin" / "python"
    try:
        import django  # noqa: F401
    except ImportError:
        if venv_python.exists() and Path(sys.executable).absolute() != venv_python.absolute():
            os.execv(str(venv_python), [str(venv_python), *sys.argv])
        raise ImportError(
            "Fant ikke Django. Kjør «make run» (eller «make install») først: den lager .venv, som manage.py da "
            "bruker av seg selv."
        ) from None


def main():
    """Run administrative tasks."""
    use_checkout_venv()
    read_env_file(CHECKOUT / ".env")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registrering.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
