"""Which release of the code is running, as a short hash of its content: part of the key of everything kept drawn
(`drift.htmlcache`), so a release that words a finding, a label or a template differently never serves what the
one before drew. The same files give the same hash on every instance, so instances of one release share entries.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings

# What a drawn part is made of: code (labels, rule texts), templates, and the compiled translations.
ENDELSER = {".py", ".html", ".mo"}
IKKE = {".venv", "node_modules", "staticfiles", "static", "tests", "bench", "tmp", "test-artifacts", "media", "docs"}


@cache
def avtrykk() -> str:
    """The hash of this release's code, templates and translations (read once per process)."""
    rot = Path(settings.BASE_DIR)
    summen = hashlib.sha256()
    for sti in sorted(_filer(rot)):
        summen.update(str(sti.relative_to(rot)).encode())
        summen.update(sti.read_bytes())
    return summen.hexdigest()[:16]


def _filer(mappe: Path):
    for sti in mappe.iterdir():
        if sti.name.startswith(".") or sti.name in IKKE:
            continue
        if sti.is_dir():
            yield from _filer(sti)
        elif sti.suffix in ENDELSER:
            yield sti
