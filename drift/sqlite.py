"""The embedded SQLite database file is readable by its owner only: it holds personal data (contact persons, the
audit log, sessions). Called from the settings, before any connection opens the file.

SQLite creates its -wal and -shm files with the permissions of the database file, so making the file private
before the first connection makes them private too. A file made earlier with wider permissions is narrowed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE = 0o600


def private_file(name: str | os.PathLike) -> None:
    """Create the database file 0600 if it does not exist (an empty file is an empty SQLite database), else take
    group and other permissions away from it and its -wal/-shm files."""
    if not name or str(name) == ":memory:" or str(name).startswith("file:"):
        return
    path = Path(name)
    if not path.parent.is_dir():
        return
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
    except FileExistsError:
        pass
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            mode = stat.S_IMODE(candidate.stat().st_mode)
            if mode & 0o077:
                candidate.chmod(mode & 0o700)
        except FileNotFoundError:
            continue
        except PermissionError:  # not ours to change (a read-only deployment): leave it as the operator set it
            continue
