"""Benchmark: read the LM texts of one application (50 arenas) and compute coverage.

Run from the repository root:

    .venv/bin/python bench/lm_parsing.py [--dato 2026-03-01] [--runder 300]

Builds a Katalog from laeringsmal/data/laeringsmal.csv (codes valid on the
date), makes 50 arena texts that are all varied "Alle bortsett fra ..." lists,
and times ``tolk`` on all 50 plus ``dekning`` over the result, many times.
Prints the median and worst time per application in milliseconds.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))

from laeringsmal.lmtekst import Katalog, dekning, tolk  # noqa: E402

CSV = ROT / "laeringsmal" / "data" / "laeringsmal.csv"


def les_katalog(dato: str) -> Katalog:
    """Catalogue of the codes valid on ``dato`` (ISO date) according to the CSV."""
    with CSV.open(encoding="utf-8", newline="") as fh:
        return Katalog(
            rad["kode"]
            for rad in csv.DictReader(fh)
            if rad["gyldig_fra"] <= dato and (not rad["gyldig_til"] or dato <= rad["gyldig_til"])
        )


def lag_tekster(katalog: Katalog, spesialitet: str, antall: int, rng: random.Random) -> list[str]:
    """Varied "Alle bortsett fra ..." texts in the styles applicants write."""
    tall = [int(k.split("-")[1]) for k in katalog.gruppe(spesialitet)]
    # the common objectives: FKM 1-14 from 2026-03-01, before that the old list LM-04 … LM-75
    felles = katalog.felles()
    fkm = [int(k.split("-")[1]) for k in katalog.gruppe(felles)]
    innledninger = ["Alle bortsett fra", "alle unntatt", "Alle utenom", "Alle, med unntak av", "ALLE bortsett fra:"]
    tekster: list[str] = []
    for i in range(antall):
        valgt = sorted(rng.sample(tall, rng.randint(1, 12)))
        biter: list[str] = []
        for j, n in enumerate(valgt):
            stil = (i + j) % 6
            if stil == 0:
                biter.append(f"{spesialitet}-{n:03d}")
            elif stil == 1:
                biter.append(f"{spesialitet} {n}")
            elif stil == 2:
                biter.append(f"{spesialitet.lower()}{n:03d}")
            elif stil == 3 and j:
                biter.append(str(n))  # prefix carried over
            elif stil == 4 and n + 3 <= tall[-1]:
                biter.append(f"{spesialitet} {n}-{n + 3}")
            else:
                biter.append(f"{spesialitet} {n:03d} til {min(n + 2, tall[-1]):03d}")
        skille = [", ", " og ", "; ", "\n- "][i % 4]
        tekst = f"{innledninger[i % len(innledninger)]} " + skille.join(biter)
        if i % 3 == 0:
            tekst += f".\nAlle FKM unntatt {felles} {rng.choice(fkm)}"
        elif i % 3 == 1:
            tekst += f"; {felles} {fkm[0]}-{rng.choice(fkm)}"
        tekster.append(tekst)
    return tekster


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dato", default=date.today().isoformat(), help="catalogue date (ISO)")
    parser.add_argument("--spesialitet", default="ALM", choices=["ALM", "SAM", "ARB"])
    parser.add_argument("--arenaer", type=int, default=50)
    parser.add_argument("--runder", type=int, default=300, help="timed applications")
    args = parser.parse_args()

    katalog = les_katalog(args.dato)
    rng = random.Random(2026)
    soknader = [lag_tekster(katalog, args.spesialitet, args.arenaer, rng) for _ in range(20)]
    relevante = katalog.gruppe(args.spesialitet) + katalog.gruppe(katalog.felles())

    # Sanity check: the generated texts must read without errors.
    for tekster in soknader:
        for tekst in tekster:
            feil = tolk(tekst, args.spesialitet, katalog).feil
            assert not feil, (tekst, feil)

    def en_soknad(tekster: list[str]) -> None:
        arenaer = {i: tolk(t, args.spesialitet, katalog).koder for i, t in enumerate(tekster)}
        dekning(arenaer, relevante)

    for tekster in soknader[:5]:  # warm-up
        en_soknad(tekster)
    tider: list[float] = []
    for runde in range(args.runder):
        tekster = soknader[runde % len(soknader)]
        start = time.perf_counter()
        en_soknad(tekster)
        tider.append((time.perf_counter() - start) * 1000)

    print(f"katalog {args.dato}: {katalog!r}")
    print(f"{args.runder} søknader × {args.arenaer} arenaer ({args.spesialitet}, tolk + dekning per søknad)")
    print(f"median {statistics.median(tider):.2f} ms, verste {max(tider):.2f} ms per søknad")


if __name__ == "__main__":
    main()
