"""The only module that writes SQL. Creates the schema, answers what is already landed,
and lands a batch in ONE transaction from DataFrames (bulk, never row by row).

DuckDB allows one writing process at a time, so the batch never holds a connection while it
reads files or runs OCR: it opens, reads what it needs, closes; and at the end opens again
for the single landing transaction.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd

# Tables whose rows a batch replaces per touched claim (claim-level results).
CLAIM_TABLES = ("claims", "hour_proposals", "flags")
# Landing order; every table here has its DataFrame in Batch.frames.
LAND_ORDER = ("persons", "documents", "document_pages", "fields", "text_cache",
              "quarantine", "policies", "plan_filings", "public_hours", "claims", "hour_proposals", "flags", "runs")


def schema_sql() -> str:
    return resources.files("schemas").joinpath("duckdb.sql").read_text(encoding="utf-8")


def _connect(db: Path, read_only: bool, attempts: int = 50) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting briefly while another process holds the write lock."""
    for attempt in range(attempts):
        try:
            return duckdb.connect(str(db), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.2)
    raise AssertionError("unreachable")


@contextmanager
def connect(db: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    db = Path(db)
    if read_only and not db.exists():
        read_only = False  # first run: create it
    db.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(db, read_only)
    try:
        if not read_only:
            con.execute(schema_sql())
        yield con
    finally:
        con.close()


def init_db(db: Path) -> None:
    with connect(db):
        pass


@dataclass
class Known:
    """What the database already holds, read once before a batch."""

    doc_ids: set[str] = field(default_factory=set)
    quarantined: set[tuple[str, str]] = field(default_factory=set)
    cached_texts: dict[str, str] = field(default_factory=dict)  # sha256 -> DocumentText JSON


def read_known(db: Path, engine: str, sha256s: list[str]) -> Known:
    with connect(db) as con:
        doc_ids = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        quarantined = {(r[0], r[1]) for r in con.execute("SELECT path, sha256 FROM quarantine").fetchall()}
        cached: dict[str, str] = {}
        if sha256s:
            con.register("wanted", pd.DataFrame({"sha256": sorted(set(sha256s))}))
            cached = dict(con.execute(
                "SELECT c.sha256, c.document FROM text_cache c JOIN wanted w USING (sha256) WHERE c.engine = ?",
                [engine],
            ).fetchall())
    return Known(doc_ids=doc_ids, quarantined=quarantined, cached_texts=cached)


def load_claim_documents(db: Path, keys: list[tuple[str, str]]) -> pd.DataFrame:
    """Landed documents (with their text) of the given (person_id, claim_id) claims."""
    if not keys:
        return pd.DataFrame()
    with connect(db) as con:
        con.register("keys", pd.DataFrame(keys, columns=["person_id", "claim_id"]))
        return con.execute("""
            SELECT d.*, (SELECT string_agg(p.text, chr(10) ORDER BY p.page)
                         FROM document_pages p WHERE p.doc_id = d.doc_id) AS text
            FROM documents d JOIN keys k USING (person_id, claim_id)
        """).df()


def load_fields(db: Path, doc_ids: list[str]) -> pd.DataFrame:
    if not doc_ids:
        return pd.DataFrame(columns=["doc_id", "name", "value", "confidence", "page", "bbox"])
    with connect(db) as con:
        con.register("ids", pd.DataFrame({"doc_id": doc_ids}))
        return con.execute("SELECT f.* FROM fields f JOIN ids USING (doc_id)").df()


def load_evidence(db: Path) -> list:
    """Every landed document as a duplicates.EvidenceRef (identity fields and, for personal
    documents, the normalised text), for the cross-database duplicate checks."""
    from pipeline.duplicates import SHARED_KINDS, EvidenceRef, IDENTITY, _norm_text
    from schemas.kinds import DocKind

    if not Path(db).exists():
        return []
    names = sorted({n for spec in IDENTITY.values() for n in spec[0]} | {s[1] for s in IDENTITY.values() if s[1]})
    shared = [k.value for k in SHARED_KINDS]
    with connect(db, read_only=True) as con:
        docs = con.execute("""
            SELECT d.person_id, d.claim_id, d.doc_id, d.path, d.doc_kind, d.sha256, d.phash,
                   CASE WHEN d.doc_kind IN (SELECT unnest(?)) THEN ''
                        ELSE (SELECT string_agg(p.text, '' ORDER BY p.page) FROM document_pages p
                              WHERE p.doc_id = d.doc_id) END AS text
            FROM documents d""", [shared]).fetchall()
        fields = con.execute("SELECT doc_id, name, value FROM fields WHERE name IN (SELECT unnest(?))",
                             [names]).fetchall()
    by_doc: dict[str, dict[str, str]] = {}
    for doc_id, name, value in fields:
        by_doc.setdefault(doc_id, {}).setdefault(name, value or "")
    return [EvidenceRef(p, c, d, path, DocKind(kind), sha or "", ph, _norm_text(text or ""), by_doc.get(d, {}))
            for p, c, d, path, kind, sha, ph, text in docs]


def load_plan_rows(db: Path) -> pd.DataFrame:
    """The plan_filings table (one row per filed training)."""
    if not Path(db).exists():
        return pd.DataFrame()
    with connect(db, read_only=True) as con:
        return con.execute("SELECT * FROM plan_filings ORDER BY plan_id, training_title").df()


def load_csv_plans(db: Path, frame: pd.DataFrame) -> int:
    """Add plan_filings rows (from a CSV register); rows already there are replaced."""
    with connect(db) as con:
        con.register("incoming", frame)
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("DELETE FROM plan_filings p USING incoming i WHERE p.plan_id = i.plan_id")
            con.execute("INSERT INTO plan_filings BY NAME SELECT * FROM incoming")
            con.execute("COMMIT")
        finally:
            con.unregister("incoming")
    return len(frame)


def load_public_hours(db: Path, frame: pd.DataFrame) -> int:
    with connect(db) as con:
        con.register("incoming", frame)
        try:
            con.execute("INSERT OR REPLACE INTO public_hours BY NAME SELECT * FROM incoming")
        finally:
            con.unregister("incoming")
    return len(frame)


@dataclass
class Batch:
    """Everything one run lands. `touched` are the claims whose results are replaced."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    touched: list[tuple[str, str]] = field(default_factory=list)


def _insert(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> None:
    if df is None or df.empty:
        return
    con.register("incoming", df)
    try:
        if table == "quarantine":
            con.execute("""INSERT INTO quarantine BY NAME SELECT * FROM incoming i
                           WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.path = i.path AND q.sha256 = i.sha256)""")
        elif table in ("persons", "policies", "plan_filings", "public_hours"):
            con.execute(f"INSERT OR REPLACE INTO {table} BY NAME SELECT * FROM incoming")
        elif table in ("documents", "document_pages", "text_cache"):
            con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM incoming")
        else:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
    finally:
        con.unregister("incoming")


def land(db: Path, batch: Batch) -> None:
    """Land the batch atomically: all of it or (on any error) none of it."""
    with connect(db) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            if batch.touched:
                con.register("touched", pd.DataFrame(batch.touched, columns=["person_id", "claim_id"]))
                for table in CLAIM_TABLES:
                    con.execute(f"DELETE FROM {table} t USING touched k "
                                f"WHERE t.person_id = k.person_id AND t.claim_id = k.claim_id")
            for table in LAND_ORDER:
                _insert(con, table, batch.frames.get(table))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise


def copy_text_cache(src: Path, dst: Path) -> int:
    """Copy text_cache rows from one database into another (skipping ones it has): lets an
    evaluation start from a fresh database without OCRing the same files again."""
    if not Path(src).exists():
        return 0
    with connect(dst) as con:
        con.execute(f"ATTACH '{Path(src)}' AS src (READ_ONLY)")
        try:
            before = con.execute("SELECT count(*) FROM text_cache").fetchone()[0]
            con.execute("INSERT OR IGNORE INTO text_cache SELECT * FROM src.text_cache")
            return con.execute("SELECT count(*) FROM text_cache").fetchone()[0] - before
        finally:
            con.execute("DETACH src")


def record_failed_run(db: Path, run_row: dict) -> None:
    with connect(db) as con:
        con.register("incoming", pd.DataFrame([run_row]))
        con.execute("INSERT OR REPLACE INTO runs BY NAME SELECT * FROM incoming")


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False)
