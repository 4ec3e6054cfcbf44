"""Writers for manifest.csv and labels.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path

MANIFEST_COLUMNS = ["person_id", "person_name", "unit", "year", "claim_id", "declared_category", "declared_hours"]


def fmt_hours(h) -> str:
    """Hours as a plain string: 40 not 40.0; '' for None."""
    if h is None or h == "":
        return ""
    return str(int(h)) if float(h).is_integer() else str(h)


def write_manifest(path: Path, rows: list[dict]) -> None:
    """manifest.csv: one row per claim, columns of the contract."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in MANIFEST_COLUMNS})


def write_labels(path: Path, labels: dict) -> None:
    """labels.json, UTF-8, stable key order, indented."""
    path.write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_labels(root: Path) -> dict:
    """Read `<root>/labels.json`."""
    return json.loads((Path(root) / "labels.json").read_text(encoding="utf-8"))
