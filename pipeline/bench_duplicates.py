"""Benchmark of the cross-database duplicate checks: `python -m pipeline.bench_duplicates [N]`.

Builds an index of N synthetic landed documents (random Chinese texts of 80–400 characters,
random 256-bit perceptual hashes, three personal kinds) and times the checks of 200 claims
against it. Prints the figures; asserts nothing."""

from __future__ import annotations

import random
import sys
import time
import resource

from pipeline.duplicates import EvidenceIndex, EvidenceRef, check_duplicates
from schemas.kinds import DocKind as K
from schemas.records import ClaimContext


def main(argv: list[str] | None = None) -> int:
    n = int((argv or sys.argv[1:] or ["50000"])[0])
    rng = random.Random(0)
    chars = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 3000))
    kinds = [K.completion_certificate, K.qualification_certificate, K.employer_proof]
    refs = [EvidenceRef(f"P{i}", f"C{i}", f"d{i}", "x", rng.choice(kinds), f"{i:064x}", f"{rng.getrandbits(256):064x}",
                        "".join(rng.choice(chars) for _ in range(rng.randint(80, 400))),
                        {"certificate_number": f"N{i}"}) for i in range(n)]
    t0 = time.perf_counter()
    index = EvidenceIndex(refs)
    t1 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    for i in range(200):
        check_duplicates(ClaimContext(claim_id=f"C{i}", person_id=f"P{i}", year=2023), index)
    t2 = time.perf_counter()
    print(f"index of {n} landed documents: {t1 - t0:.2f} s, {peak / 2**20:.0f} MiB peak RSS of the process; "
          f"checks: {1000 * (t2 - t1) / 200:.1f} ms per claim")
    return 0


if __name__ == "__main__":
    sys.exit(main())
