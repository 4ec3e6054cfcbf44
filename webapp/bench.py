"""What the review app costs per request: `python -m webapp.bench [--db FILE] [--root FOLDER]`.

Works on a copy of the database (viewing pages records `evidence_views`), logged in as an
analyst (sees every unit; resident IDs are masked, the dearer path), in one process through
FastAPI's TestClient — so the figures are the app's own work (queries, template, page render,
masking, PNG encoding), without the network. Prints ms per claim page and per page image, and
for the queue and the overview. Asserts nothing."""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "benchmark passphrase"


def _timed(client, url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    r = client.get(url)
    ms = 1000 * (time.perf_counter() - t0)
    if r.status_code != 200:
        raise SystemExit(f"{url}: HTTP {r.status_code}")
    return ms, len(r.content)


def _line(name: str, ms: list[float], sizes: list[int]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return (f"{name:<12} n={len(ms):<4} mean {statistics.mean(ms):7.1f} ms  median {statistics.median(ms):7.1f} ms  "
            f"p95 {p95:7.1f} ms  max {ms[-1]:7.1f} ms  mean size {statistics.mean(sizes) / 1024:7.1f} KiB")


def main(argv: list[str] | None = None) -> int:
    from fastapi.testclient import TestClient

    from webapp import create_app
    from webapp.auth import hash_password
    from webapp.db import add_account, rows, reading

    ap = argparse.ArgumentParser(prog="python -m webapp.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="data/curated/cehours.duckdb")
    ap.add_argument("--root", default="data/raw")
    ap.add_argument("--repeat", type=int, default=1, help="times to request each claim page and image")
    args = ap.parse_args(argv)
    if not Path(args.db).is_file():
        print(f"error: no database at {args.db} (run `bash scripts/run-sample.sh` first)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        shutil.copy(args.db, db)
        add_account(db, "bench", "analyst", [], hash_password(PASSWORD, n=2**10))
        with reading(db) as con:
            claims = rows(con, "SELECT person_id, claim_id FROM claims ORDER BY person_id, claim_id")
        client = TestClient(create_app(db, Path(args.root), secret=b"b" * 32), base_url="https://localhost")
        page = client.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        client.post("/login", data=dict(username="bench", password=PASSWORD, csrf=token))
        client.get("/queue")  # warm up: templates compiled, imports done
        found: dict[str, tuple[list[float], list[int]]] = {k: ([], []) for k in ("claim page", "page image", "queue", "overview")}
        images: list[str] = []
        for c in claims:
            html = client.get(f"/claims/{c['person_id']}/{c['claim_id']}").text
            images += re.findall(r'src="(/evidence/[^"]+)"', html)
        for _ in range(args.repeat):
            for c in claims:
                ms, size = _timed(client, f"/claims/{c['person_id']}/{c['claim_id']}")
                found["claim page"][0].append(ms)
                found["claim page"][1].append(size)
            for url in images:
                ms, size = _timed(client, url)
                found["page image"][0].append(ms)
                found["page image"][1].append(size)
            for name, url in (("queue", "/queue"), ("overview", "/overview")):
                for _i in range(5):
                    ms, size = _timed(client, url)
                    found[name][0].append(ms)
                    found[name][1].append(size)
    print(f"review app on {args.db} ({len(claims)} claims, {len(images)} page images), one process, no network:")
    for name, (ms, sizes) in found.items():
        print("  " + _line(name, ms, sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
