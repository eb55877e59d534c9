"""Run the processes of a development machine side by side, and stop them all together (`make run`, `make run-oidc`).

    python -m drift.devserver "python manage.py send_epost --loop" "python manage.py runserver 127.0.0.1:8000"

Each command runs in its own process group, so the whole tree of each (runserver's reloader and its child too) is
stopped. Ctrl+C or a TERM to this process (GNU make passes a TERM on to it) stops every one, as does one of them
ending by itself; a process that ignores the TERM for STOP_SECONDS is killed. Imports nothing of Django.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time

STOP_SECONDS = 10.0


class Processes:
    def __init__(self, commands: list[str]):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # lines in the order they happen, also into a pipe
        self.children = [
            subprocess.Popen(shlex.split(command), env=env, start_new_session=True) for command in commands
        ]
        self.stopping = False

    def request_stop(self, signum=None, frame=None) -> None:
        self.stopping = True

    def wait(self) -> int:
        """Until a signal or a child ending; then stop them all. The exit code: the first child's that ended."""
        code = 0
        while not self.stopping:
            ended = [child for child in self.children if child.poll() is not None]
            if ended:
                code = ended[0].returncode
                break
            time.sleep(0.2)
        self.stop()
        return code

    def stop(self) -> None:
        for child in self.children:
            _signal_group(child, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        for child in self.children:
            try:
                child.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(child, signal.SIGKILL)  # what is left of its group (a reloader's child)
            child.wait()


def _signal_group(child: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(child.pid, signum)
    except ProcessLookupError:
        pass


def main(argv: list[str]) -> int:
    processes = Processes(argv)
    signal.signal(signal.SIGTERM, processes.request_stop)
    signal.signal(signal.SIGINT, processes.request_stop)
    signal.signal(signal.SIGHUP, processes.request_stop)
    return processes.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
