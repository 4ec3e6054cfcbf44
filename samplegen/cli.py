"""Command line: ``python -m samplegen OUT --claims 30 --seed 1 --year 2023``."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, generate, print a one-line summary. Returns the exit status."""
    ap = argparse.ArgumentParser(prog="samplegen", description="Generate synthetic CE-hour evidence with labels.")
    ap.add_argument("out", type=Path, help="output folder (created; a previous samplegen output there is replaced)")
    ap.add_argument("--claims", type=int, default=30, help="number of regular claims (default 30)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--year", type=int, default=2023)
    ap.add_argument("--families", default="A,B", help="template families, e.g. A,B or C (held-out)")
    ap.add_argument("--no-seeds", action="store_true", help="leave out the five city notices")
    ap.add_argument("--no-bad", action="store_true", help="leave out unreadable files and deliberate defects")
    args = ap.parse_args(argv)
    from samplegen.generate import generate

    t0 = time.perf_counter()
    labels = generate(args.out, args.claims, args.seed, args.year, tuple(f.strip() for f in args.families.split(",") if f.strip()),
                      include_seeds=not args.no_seeds, include_bad=not args.no_bad)
    print(f"samplegen: {len(labels['claims'])} claims, {len(labels['documents'])} documents, "
          f"{len(labels['bad_files'])} bad files -> {args.out} ({time.perf_counter() - t0:.1f}s)")
    return 0
