"""Does a submission hold SQLite's write lock while its PDF is made? (issue 18, finding 13)

Under gunicorn with 4 workers on the embedded SQLite: one application with many arenas is submitted; while its PDF
is being prepared, another process edits one of its arenas (so the document has changed when the submission
writes); meanwhile unrelated users submit their own applications one after the other until it is done (one
already sent takes the write lock as well, and is told it is sent). Prints how long the unrelated submissions took
(the longest is the wait for the lock). Compare with another checkout:

    .venv/bin/python bench/sqlite_pdf_las.py [--kode /path/to/other/checkout] [--arenaer 50]
"""

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.drift.appserver import ROOT, AppServer  # noqa: E402

ARENAER = r"""
import sys, django
django.setup()
from tests.soknader.factories import LaeringsarenaFactory
from soknader.models import Soknad
LaeringsarenaFactory.create_batch(int(sys.argv[2]), soknad=Soknad.objects.get(pk=int(sys.argv[1])))
"""
ENDRE = r"""
import sys, django
django.setup()
from soknader.models import Laeringsarena
Laeringsarena.objects.filter(soknad_id=int(sys.argv[1])).update(laeringsmal="Alle; Alle FKM")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kode", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    parser.add_argument("--arenaer", type=int, default=50, help="arenas of the large application (50)")
    parser.add_argument("--andre", type=int, default=8, help="unrelated applications submitted meanwhile (8)")
    args = parser.parse_args()

    server = AppServer(Path(tempfile.mkdtemp(prefix="asa-pdf-las-")), code=args.kode, workers=4)
    data = server.setup(args.andre + 1)
    stor, *andre = data["soknader"]
    for script, *argv in ((ARENAER, stor["pk"], args.arenaer),):
        subprocess.run([str(server.python), "-c", script, *map(str, argv)], cwd=server.code, env=server.env, check=True)
    server.start()
    tider: list[float] = []
    try:
        resultat = {}
        stor_tråd = threading.Thread(
            target=lambda: resultat.update(kode=server.submit(stor["sessionid"], stor["pk"]), slutt=time.monotonic())
        )
        start = time.monotonic()
        stor_tråd.start()
        time.sleep(1.0)  # the large one is preparing its document: someone edits it meanwhile
        subprocess.run([str(server.python), "-c", ENDRE, str(stor["pk"])], cwd=server.code, env=server.env, check=True)
        n = 0
        while stor_tråd.is_alive() or n < len(andre):  # until the large one is done (a sent one takes the lock too)
            soknad = andre[n % len(andre)]
            t = time.monotonic()
            kode = server.submit(soknad["sessionid"], soknad["pk"])
            tider.append(time.monotonic() - t)
            print(f"  annen søker: {kode} på {tider[-1]:.2f} s")
            n += 1
        stor_tråd.join()
    finally:
        server.stop()
    print(f"Kode: {args.kode}  (gunicorn -w 4, SQLite i fil)")
    print(f"stor søknad ({args.arenaer} arenaer): {resultat.get('kode')} på {resultat['slutt'] - start:.1f} s")
    print(f"andre innsendinger: lengst {max(tider):.2f} s, median {sorted(tider)[len(tider) // 2]:.2f} s")
    print(f"feil i gunicorn-loggen: {server.server_errors()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
