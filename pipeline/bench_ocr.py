"""OCR benchmark: seconds per page and character error rate (CER) per engine.

    python -m pipeline.bench_ocr FOLDER [--labels labels.json] [--engines rapid,paddle]

labels.json: {"documents": [{"path": "relative/to/FOLDER.jpg", "text": "ground truth"}]}.
Without labels every PDF/image/DOCX under FOLDER is timed (speed only). CER is the
Levenshtein distance over characters, whitespace removed and normalize_text applied to both
sides, divided by the reference length; "micro" CER pools all documents' edits and characters;
"CER OCR" is the micro CER over OCR'd documents only (scans and photos, not text layers).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from pipeline.normalize import normalize_text

SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".docx"}


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings (rapidfuzz if installed, else the project's DP)."""
    try:
        from rapidfuzz.distance import Levenshtein

        return Levenshtein.distance(a, b)
    except ImportError:
        from extractors._text.fuzzy import edit_distance

        return edit_distance(a, b)


def canon(s: str) -> str:
    """The form CER compares: normalize_text, then all whitespace removed."""
    return re.sub(r"\s+", "", normalize_text(s))


def cer_counts(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edits, reference characters) after canon() on both sides."""
    ref, hyp = canon(reference), canon(hypothesis)
    return levenshtein(ref, hyp), len(ref)


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate of `hypothesis` against `reference` (0 is perfect; may exceed 1)."""
    edits, n = cer_counts(reference, hypothesis)
    return edits / n if n else float(bool(canon(hypothesis)))


def load_labels(path: Path) -> dict[str, str]:
    """Map relative path → ground-truth text from a labels JSON file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {d["path"]: d["text"] for d in data["documents"]}


def bench_engine(folder: Path, files: list[str], labels: dict[str, str], engine: str) -> dict:
    """Read `files` with `engine`; return timing and CER totals."""
    from pipeline.ocr import get_engine
    from pipeline.text import read_one

    t = time.perf_counter()
    get_engine(engine)
    startup = time.perf_counter() - t
    row = {"engine": engine, "startup_s": startup, "files": 0, "pages": 0, "ocr_pages": 0,
           "seconds": 0.0, "ocr_seconds": 0.0, "edits": 0, "ref_chars": 0, "doc_cers": [], "unreadable": 0,
           "ocr_edits": 0, "ocr_ref_chars": 0}
    for rel in files:
        res = read_one(str(folder / rel), engine)
        row["files"] += 1
        if not res.ok:
            row["unreadable"] += 1
            print(f"  {engine:7s} {rel}: unreadable: {res.reason}", file=sys.stderr)
            continue
        doc = res.document
        n_ocr = len(doc.pages) if doc.source == "ocr" else 0
        row["pages"] += len(doc.pages)
        row["seconds"] += res.seconds
        if n_ocr:
            row["ocr_pages"] += n_ocr
            row["ocr_seconds"] += res.seconds
        if rel in labels:
            edits, n = cer_counts(labels[rel], doc.text)
            row["edits"] += edits
            row["ref_chars"] += n
            row["doc_cers"].append(edits / n if n else 0.0)
            if n_ocr:  # scans and photos only: what the OCR engine itself gets right
                row["ocr_edits"] += edits
                row["ocr_ref_chars"] += n
        print(f"  {engine:7s} {rel}: {len(doc.pages)} page(s) {res.seconds:.2f}s"
              + (f" CER {row['doc_cers'][-1]:.3f}" if rel in labels else ""), file=sys.stderr)
    return row


def report(rows: list[dict]) -> str:
    """A plain-text table of the benchmark rows."""
    out = [f"{'engine':8s} {'startup s':>9s} {'files':>5s} {'pages':>5s} {'s/page':>7s} {'s/OCR page':>10s} "
           f"{'CER mean':>8s} {'CER micro':>9s} {'CER OCR':>7s} {'unread':>6s}"]
    for r in rows:
        spp = r["seconds"] / r["pages"] if r["pages"] else float("nan")
        sop = r["ocr_seconds"] / r["ocr_pages"] if r["ocr_pages"] else float("nan")
        mean = sum(r["doc_cers"]) / len(r["doc_cers"]) if r["doc_cers"] else float("nan")
        micro = r["edits"] / r["ref_chars"] if r["ref_chars"] else float("nan")
        ocr = r["ocr_edits"] / r["ocr_ref_chars"] if r["ocr_ref_chars"] else float("nan")
        out.append(f"{r['engine']:8s} {r['startup_s']:9.2f} {r['files']:5d} {r['pages']:5d} {spp:7.2f} {sop:10.2f} "
                   f"{mean:8.3f} {micro:9.3f} {ocr:7.3f} {r['unreadable']:6d}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; prints the report table to stdout."""
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench_ocr", description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--labels", type=Path, help="labels JSON (default: FOLDER/labels.json if present)")
    ap.add_argument("--engines", default="rapid,paddle", help="comma-separated engine kinds")
    ap.add_argument("--limit", type=int, default=0, help="read at most N files")
    args = ap.parse_args(argv)
    labels_path = args.labels or (args.folder / "labels.json")
    labels = load_labels(labels_path) if labels_path.is_file() else {}
    if labels:
        files = sorted(labels)
    else:
        files = sorted(str(p.relative_to(args.folder)) for p in args.folder.rglob("*")
                       if p.is_file() and p.suffix.lower() in SUFFIXES)
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no readable files under {args.folder}", file=sys.stderr)
        return 1
    rows = [bench_engine(args.folder, files, labels, e.strip()) for e in args.engines.split(",") if e.strip()]
    print(report(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
