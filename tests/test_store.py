"""The DuckDB store: schema, atomic bulk landing, idempotent quarantine, claim replacement."""

import duckdb
import pandas as pd
import pytest

from pipeline import store

CONTRACT = {
    "documents": {"doc_id", "claim_id", "person_id", "path", "sha256", "doc_kind", "doc_kind_confidence",
                  "text_source", "ocr_engine", "pages"},
    "fields": {"doc_id", "name", "value", "confidence", "page"},
    "claims": {"claim_id", "person_id", "year", "category", "category_confidence"},
    "hour_proposals": {"claim_id", "person_id", "year", "category", "hours", "rule_id", "assumed", "explanation"},
    "flags": {"claim_id", "doc_id", "code", "severity", "message"},
    "quarantine": {"path", "reason"},
    "reviews": {"claim_id", "reviewer", "level", "decision", "hours", "reason", "decided_at"},
}


def _columns(db, table):
    with duckdb.connect(str(db), read_only=True) as con:
        return {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}


def test_schema_has_every_contract_column(tmp_path):
    db = tmp_path / "x.duckdb"
    store.init_db(db)
    store.init_db(db)  # opening twice is harmless
    for table, cols in CONTRACT.items():
        assert cols <= _columns(db, table), table


def _claim(claim_id, hours):
    return {
        "claims": pd.DataFrame([dict(claim_id=claim_id, person_id="P1", year=2023, category=7, category_confidence=0.9)]),
        "hour_proposals": pd.DataFrame([dict(claim_id=claim_id, person_id="P1", year=2023, category=7, hours=hours,
                                             rule_id="7.invention.2", assumed=True, explanation="x")]),
    }


def test_landing_is_atomic(tmp_path):
    db = tmp_path / "x.duckdb"
    store.land(db, store.Batch(frames=_claim("C1", 50.0), touched=[("P1", "C1")]))
    broken = _claim("C2", 40.0)
    broken["flags"] = pd.DataFrame([dict(claim_id="C2", person_id="P1", doc_id=None, code=None,
                                         severity="error", message="code is NOT NULL")])
    with pytest.raises(duckdb.Error):
        store.land(db, store.Batch(frames=broken, touched=[("P1", "C2")]))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT claim_id FROM claims").fetchall() == [("C1",)]
        assert con.execute("SELECT count(*) FROM hour_proposals").fetchone()[0] == 1


def test_touched_claims_are_replaced_not_duplicated(tmp_path):
    db = tmp_path / "x.duckdb"
    store.land(db, store.Batch(frames=_claim("C1", 50.0), touched=[("P1", "C1")]))
    store.land(db, store.Batch(frames=_claim("C1", 60.0), touched=[("P1", "C1")]))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT hours FROM hour_proposals").fetchall() == [(60.0,)]


def test_quarantine_rows_are_idempotent(tmp_path):
    db = tmp_path / "x.duckdb"
    q = pd.DataFrame([dict(path="P1/C1/a.pdf", reason="empty file", sha256="", size_bytes=0)])
    store.land(db, store.Batch(frames={"quarantine": q}))
    store.land(db, store.Batch(frames={"quarantine": q}))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 1
    known = store.read_known(db, "rapid", [])
    assert ("P1/C1/a.pdf", "") in known.quarantined
