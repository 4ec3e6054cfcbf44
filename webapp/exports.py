"""Per-unit and per-person exports of decisions (CSV for any tool, XLSX for reviewers)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from webapp import db as wdb
from webapp.access import User, can_see_unit

COLUMNS = {
    "claims": ["unit", "person_id", "person_name", "claim_id", "year", "category", "proposed_hours",
               "employer_decision", "department_decision", "hr_decision", "status", "approved_hours", "decisions"],
    "persons": ["unit", "person_id", "person_name", "year", "claims", "claims_pending", "claims_rejected",
                "professional_proposed", "professional_approved", "public_hours", "required_hours",
                "total_credited", "total_shortfall", "open_flags"],
}


def table(db: Path, user: User, what: str, unit: str = "", person: str = "") -> list[dict]:
    found = wdb.export_claims(db) if what == "claims" else wdb.overview(db)["persons"]
    return [r for r in found if can_see_unit(user, r["unit"])
            and (not unit or r["unit"] == unit) and (not person or r["person_id"] == person)]


def render(rows: list[dict], what: str, fmt: str) -> tuple[bytes, str]:
    cols = COLUMNS[what]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        w.writerows([[r.get(c) for c in cols] for r in rows])
        return buf.getvalue().encode("utf-8-sig"), "text/csv; charset=utf-8"
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = what
    ws.append(cols)
    for r in rows:
        ws.append([r.get(c) for c in cols])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
