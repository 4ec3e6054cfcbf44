"""The whole batch flow with live OCR on a small rendered folder: every contract table is
filled from the files, bad files are quarantined with reasons, and a re-run changes nothing."""

from __future__ import annotations

import json
import os
import shutil
import struct
import zlib

import duckdb
import pytest

from flows.batch import batch_flow

pytestmark = [pytest.mark.e2e, pytest.mark.ocr]

CONTRACT_TABLES = ("documents", "fields", "claims", "hour_proposals", "flags", "quarantine")


def _huge_png(path, side=20000):
    """A valid 20000×20000 PNG header+data (1-bit, compresses to a few kB) without decoding it."""
    raw = zlib.compress(b"".join(b"\0" + b"\0" * (side // 8) for _ in range(side)), 9)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def evidence(small_sample, tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e") / "raw"
    shutil.copytree(small_sample, root, symlinks=True)
    bad = root / "P9990" / "C9990"
    bad.mkdir(parents=True)
    _huge_png(bad / "huge.png")
    outside = root.parent / "outside.pdf"
    outside.write_bytes(b"%PDF-1.4 outside the root")
    os.symlink(outside, bad / "escape.pdf")
    return root


def _snapshot(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
                for t in CONTRACT_TABLES + ("document_pages", "persons")}


def test_flow_lands_every_table_and_is_idempotent(prefect_harness, evidence, tmp_path):
    labels = json.loads((evidence / "labels.json").read_text(encoding="utf-8"))
    db = tmp_path / "x.duckdb"
    summary = batch_flow(root=str(evidence), year=2023, db=str(db), ocr_engine="rapid", workers=2, progress=False)

    with duckdb.connect(str(db), read_only=True) as con:
        docs = con.execute("SELECT path, doc_kind, text_source, pages FROM documents").fetchall()
        quarantine = dict(con.execute("SELECT path, reason FROM quarantine").fetchall())
        claims = con.execute("SELECT claim_id, category FROM claims").fetchall()
        proposals = con.execute("SELECT claim_id, rule_id, explanation FROM hour_proposals").fetchall()
        n_fields = con.execute("SELECT count(*) FROM fields").fetchone()[0]
        n_flags = con.execute("SELECT count(*) FROM flags").fetchone()[0]
        runs = con.execute("SELECT status, documents_added FROM runs").fetchall()

    good = [d for d in labels["documents"]]
    assert {p for p, *_ in docs} == {d["path"] for d in good}
    assert {s for _, _, s, _ in docs} >= {"pdf_text", "ocr"}
    # Each document's kind is right for most of the folder even at this first version.
    truth = {d["path"]: d["doc_kind"] for d in good}
    right = sum(truth[p] == k for p, k, _, _ in docs)
    assert right / len(docs) >= 0.8, f"{right}/{len(docs)} kinds right"
    assert {c for c, _ in claims} == {c["claim_id"] for c in labels["claims"] if not c.get("quarantined_only")}
    assert len(proposals) == len(claims) and all(rule and expl for _, rule, expl in proposals)
    assert n_fields > 3 * len(docs) and n_flags > 0
    for bad in labels["bad_files"]:
        reason = quarantine[bad["path"]].lower()
        assert any(k in reason for k in bad["reason_keywords"]), (bad["kind"], reason)
    assert "decompression bomb" in quarantine["P9990/C9990/huge.png"].lower() or \
        "too large" in quarantine["P9990/C9990/huge.png"].lower()
    assert "escapes the upload root" in quarantine["P9990/C9990/escape.pdf"]
    assert runs == [("landed", len(docs))]
    assert summary["documents"] == len(docs)

    before = _snapshot(db)
    again = batch_flow(root=str(evidence), year=2023, db=str(db), ocr_engine="rapid", workers=2, progress=False)
    assert _snapshot(db) == before
    assert again["run"]["files_new"] == 0 and again["run"]["documents_added"] == 0


def test_new_file_is_the_only_one_processed(prefect_harness, evidence, tmp_path):
    db = tmp_path / "x.duckdb"
    batch_flow(root=str(evidence), year=2023, db=str(db), ocr_engine="null", workers=1, progress=False)
    first_pdf = next(p for p in sorted(evidence.rglob("*.pdf")) if p.stat().st_size > 1000 and "P99" not in str(p))
    target = evidence / "P0001" / "CNEW"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(first_pdf, target / "new.pdf")
    try:
        again = batch_flow(root=str(evidence), year=2023, db=str(db), ocr_engine="null", workers=1, progress=False)
    finally:
        shutil.rmtree(target)
    assert again["run"]["files_new"] == 1 and again["run"]["claims_updated"] == 1
    # Same bytes as a file already read: its text comes from the cache, nothing is read again.
    assert again["run"]["texts_read"] == 0 and again["run"]["texts_cached"] == 1
