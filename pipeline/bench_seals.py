"""Seal benchmark: precision / recall / accuracy of `has_seal` against samplegen labels.

    python -m pipeline.bench_seals FOLDER [--engine null|rapid] [--only digital_pdf,scan_pdf]
                                          [--save-misses DIR] [--limit N] [--json OUT]

FOLDER holds a samplegen output (labels.json: documents with path, render, doc_kind,
fields.has_seal "true"/"false"). Each file goes through `read_document`, so render dpi,
picture handling and seal geometry are exactly the pipeline's. With the default
``--engine null`` no text is recognised, which makes a run take seconds instead of minutes
(seal detection happens before OCR and does not depend on it); ``--engine rapid`` reads with
real OCR, to confirm.

A document is predicted "has seal" when any of its pages has a seal box (as
extractors._common.has_seal does). Printed: a table per render kind and per doc kind
(n, TP, FP, FN, TN, precision, recall, accuracy), the misses (false negatives and false
positives), the reading time per page and the time per seal-detection call. ``--save-misses``
writes the page of each miss as a PNG.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from schemas.document import DocumentText


def read_for_seals(path: Path, engine: str = "null") -> DocumentText:
    """Read `path` through the pipeline's readers (`read_document`)."""
    from pipeline.text import read_document

    return read_document(path, engine)


class DetectTimer:
    """Times every `find_seals` call the readers make (they import it by name, so each
    reader module's reference is wrapped for the duration)."""

    MODULES = ("pipeline.readers.seals", "pipeline.readers.pdf", "pipeline.readers.ocrpage")

    def __init__(self) -> None:
        self.calls = 0
        self.seconds = 0.0
        self._saved: list = []

    def __enter__(self) -> "DetectTimer":
        import importlib

        from pipeline.readers import seals

        real = seals.find_seals

        def timed(image):
            t0 = time.perf_counter()
            try:
                return real(image)
            finally:
                self.calls += 1
                self.seconds += time.perf_counter() - t0

        for name in self.MODULES:
            mod = importlib.import_module(name)
            self._saved.append((mod, mod.find_seals))
            mod.find_seals = timed
        return self

    def __exit__(self, *exc) -> None:
        for mod, fn in self._saved:
            mod.find_seals = fn
        self._saved.clear()


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, truth: bool, pred: bool) -> None:
        if truth and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif truth:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def row(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")
        a = (self.tp + self.tn) / self.n if self.n else float("nan")
        return (f"{name:<26} {self.n:>4} {self.tp:>4} {self.fp:>4} {self.fn:>4} {self.tn:>4}"
                f" {p:>6.3f} {r:>6.3f} {a:>6.3f}")


HEADER = f"{'':<26} {'n':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'prec':>6} {'recall':>6} {'acc':>6}"


def _table(title: str, tallies: dict[str, Tally], total: Tally) -> list[str]:
    out = [f"\n== by {title}", HEADER]
    out += [tallies[k].row(k) for k in sorted(tallies)]
    out.append(total.row("ALL"))
    return out


def _save_miss(path: Path, rel: str, page: int, out_dir: Path) -> None:
    """Save page `page` (1-based) of a missed or false file as a PNG to look at."""
    from PIL import Image

    from pipeline.readers.image import to_rgb

    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"{rel.replace('/', '__')}.p{page}.png"
    try:
        if path.suffix.lower() == ".pdf":
            import pypdfium2

            pdf = pypdfium2.PdfDocument(str(path))
            try:
                pdf[min(page, len(pdf)) - 1].render(scale=150 / 72).to_pil().convert("RGB").save(out_dir / name)
            finally:
                pdf.close()
        elif path.suffix.lower() in (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp"):
            arr, _ = to_rgb(Image.open(path), 1600)
            Image.fromarray(arr).save(out_dir / name)
    except Exception:  # a benchmark aid only: never fail the run for it
        pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench_seals", description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--labels", type=Path, default=None, help="labels.json (default FOLDER/labels.json)")
    ap.add_argument("--engine", default="null", help="OCR engine kind: null (no OCR, fast; default) or e.g. rapid")
    ap.add_argument("--only", default="", help="comma-separated render kinds to measure")
    ap.add_argument("--limit", type=int, default=0, help="measure at most this many documents")
    ap.add_argument("--save-misses", type=Path, default=None, help="write page images of misses here")
    ap.add_argument("--json", type=Path, default=None, help="also write per-document results here")
    args = ap.parse_args(argv)

    labels = json.loads((args.labels or args.folder / "labels.json").read_text(encoding="utf-8"))
    docs = [d for d in labels["documents"] if d.get("fields", {}).get("has_seal") in ("true", "false")]
    if args.only:
        keep = set(args.only.split(","))
        docs = [d for d in docs if d["render"] in keep]
    if args.limit:
        docs = docs[: args.limit]

    by_render: dict[str, Tally] = defaultdict(Tally)
    by_kind: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    misses: list[str] = []
    results = []
    pages = 0
    t_all = time.perf_counter()
    with DetectTimer() as timer:
        for d in docs:
            path = args.folder / d["path"]
            truth = d["fields"]["has_seal"] == "true"
            t0 = time.perf_counter()
            doc = None
            try:
                doc = read_for_seals(path, args.engine)
                boxes = [(p.number, p.seals) for p in doc.pages if p.seals]
                err = ""
            except Exception as e:  # an unreadable file counts as "no seal found"
                boxes, err = [], f"{type(e).__name__}: {e}"
            dt = time.perf_counter() - t0
            pages += len(doc.pages) if doc else 1
            pred = bool(boxes)
            total.add(truth, pred)
            by_render[d["render"]].add(truth, pred)
            by_kind[d["doc_kind"]].add(truth, pred)
            results.append({"path": d["path"], "render": d["render"], "doc_kind": d["doc_kind"], "truth": truth,
                            "pred": pred, "seconds": round(dt, 3), "error": err,
                            "boxes": [[n, [b.model_dump() if hasattr(b, "model_dump") else vars(b) for b in bs]]
                                      for n, bs in boxes]})
            if truth != pred:
                what = "MISS" if truth else "FALSE+"
                where = "" if truth else f" found {[(n, len(bs)) for n, bs in boxes]}"
                drawn = f" drawn p{[s.get('page') for s in d.get('seals', [])]}" if truth else ""
                misses.append(f"{what:<6} {d['render']:<12} {d['doc_kind']:<26} {d['path']}{drawn}{where} {err}".rstrip())
                if args.save_misses:
                    drawn_pages = [s.get("page") or 1 for s in d.get("seals", [])]
                    found_pages = [n for n, _ in boxes]
                    _save_miss(path, d["path"], (drawn_pages or found_pages or [1])[0], args.save_misses)
    elapsed = time.perf_counter() - t_all

    lines = [f"seal benchmark: {args.folder} ({len(docs)} documents, {pages} pages, engine {args.engine})"]
    lines += _table("render", by_render, total)
    lines += _table("doc kind", by_kind, total)
    lines.append(f"\n== misses ({len(misses)})")
    lines += misses or ["(none)"]
    lines.append(f"\n{elapsed:.1f} s total, {1000 * elapsed / max(pages, 1):.0f} ms per page (reading incl. render"
                 f"{', OCR' if args.engine != 'null' else ''}); seal detection {timer.calls} calls, "
                 f"{1000 * timer.seconds / max(timer.calls, 1):.0f} ms per call")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
