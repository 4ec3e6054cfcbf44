"""Shared by the review-app tests: a database built by the real flow on a small generated
folder (plus one certificate whose text holds `<script>` and a resident ID), accounts, login."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

PASSWORD = "correct horse 42"
XSS = "<script>alert('x')</script>"
RESIDENT_ID = "410102199003071234"
TEST_UNIT = "测试单位甲"


def _script_certificate(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 14)
    c.drawString(80, 760, "Certificate of completion")
    c.drawString(80, 730, XSS)
    c.drawString(80, 700, f"ID {RESIDENT_ID}")
    c.save()


def build_review_db(sample: Path, work: Path) -> tuple[Path, Path]:
    """Copy the sample, add claim P9990/C9990, run the batch flow (null OCR) into a new DB."""
    from flows.batch import batch_flow

    root, db = work / "raw", work / "review.duckdb"
    shutil.copytree(sample, root)
    (root / "P9990" / "C9990").mkdir(parents=True)
    _script_certificate(root / "P9990" / "C9990" / "certificate.pdf")
    manifest = root / "manifest.csv"
    with manifest.open(encoding="utf-8") as f:
        cols = next(csv.reader(f))
    with manifest.open("a", encoding="utf-8", newline="") as f:
        row = dict(person_id="P9990", person_name="测试员", unit=TEST_UNIT, year="2023", claim_id="C9990")
        csv.writer(f).writerow([row.get(c, "") for c in cols])
    batch_flow(root=str(root), year=2023, db=str(db), ocr_engine="null", workers=1, progress=False)
    return db, root


def add_user(db: Path, name: str, role: str, units=()) -> None:
    from webapp.auth import hash_password
    from webapp.db import add_account

    add_account(db, name, role, list(units), hash_password(PASSWORD, n=2**10))


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def login(client, name: str, password: str = PASSWORD):
    page = client.get("/login")
    return client.post("/login", data=dict(username=name, password=password, csrf=csrf_of(page.text)),
                       follow_redirects=False)
