"""Every command in the README's command table runs as written from a checkout (no variables of one's own), and the
table names exactly the options each command has."""

import os
import re
import shlex
import subprocess
import sys

import pytest
from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand

from tests.drift.appserver import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _table_commands() -> list[str]:
    section = README.split("## Kommandoer", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE)


COMMANDS = _table_commands()
MANAGE = [command for command in COMMANDS if command.startswith("./manage.py ")]


def _env() -> dict:
    """A new user's shell: none of our variables set (the checkout's .env, written by make, is all there is)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    if not (ROOT / ".venv" / "bin" / "python").exists():  # a checkout whose Python is elsewhere: it on PATH first
        env["PATH"] = f"{os.path.dirname(sys.executable)}:{env['PATH']}"
    return env


def _options(name: str) -> set[str]:
    own = {o for a in BaseCommand().create_parser("manage.py", "x")._actions for o in a.option_strings}
    parser = load_command_class(get_commands()[name], name).create_parser("manage.py", name)
    return {o for a in parser._actions for o in a.option_strings if o.startswith("--")} - own


def test_the_table_lists_every_command_of_ours():
    ours = {
        name for name, app in get_commands().items() if app in {"brreg", "laeringsmal", "soknader", "epost", "drift"}
    }
    listed = {command.split()[1] for command in MANAGE}
    assert ours - {"makemessages"} <= listed, ours - listed


@pytest.mark.parametrize("command", MANAGE, ids=lambda c: c.split()[1])
def test_each_command_runs_as_written_and_the_table_has_its_options(command):
    subprocess.run(["make", "--no-print-directory", ".env"], cwd=ROOT, check=True, capture_output=True)
    name = command.split()[1]
    result = subprocess.run(
        f"{shlex.join(command.split()[:2])} --help", shell=True, cwd=ROOT, env=_env(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith(f"usage: manage.py {name}")
    assert set(re.findall(r"--[a-z][a-z-]*", command)) == _options(name)


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.startswith("make ")])
def test_each_make_target_exists(command):
    result = subprocess.run(["make", "-n", *command.split()[1:]], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_production_still_refuses_to_start_without_a_secret_key(tmp_path):
    """Production has no .env: manage.py there refuses to start without DJANGO_SECRET_KEY. And given a key, manage.py
    reads nothing from a checkout's .env: whoever gives the key configures the rest (DEBUG stays off)."""
    (tmp_path / "manage.py").write_text((ROOT / "manage.py").read_text())
    env = {**_env(), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "DJANGO_SECRET_KEY must be set" in result.stderr
    env["DJANGO_SECRET_KEY"] = "k" * 60
    subprocess.run(["make", "--no-print-directory", ".env"], cwd=ROOT, check=True, capture_output=True)
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(["./manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr[-2000:]
