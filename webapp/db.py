"""Every read and write of the review app. DuckDB allows one writing process, and the batch
(`cehours run`) is that process while it lands, so the app never keeps a connection: each
request opens one (read-only for reads), does its work, and closes. Writes are one short
transaction, retried while another process holds the lock. Within this process one lock
serialises connections, because DuckDB refuses a read-only and a read-write connection to
the same file at once in one process.
"""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

import duckdb

from pipeline.store import schema_sql

_LOCK = threading.RLock()
LEVELS = ("employer", "department", "hr")


class DecisionRefused(Exception):
    """A decision the rules do not allow (wrong level, evidence not seen, claim closed)."""


def _open(db: Path, read_only: bool, wait_s: float = 20.0) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only)
        except duckdb.IOException as exc:  # another process (the batch) holds the write lock
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def reading(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with _LOCK:
        con = _open(db, read_only=Path(db).exists())
        try:
            yield con
        finally:
            con.close()


@contextmanager
def writing(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """One short transaction; committed on success, rolled back on any error."""
    with _LOCK:
        con = _open(db, read_only=False)
        try:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        finally:
            con.close()


def ensure_schema(db: Path) -> None:
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    with _LOCK:
        con = _open(db, read_only=False)
        try:
            con.execute(schema_sql())
        finally:
            con.close()


def rows(con, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


# ---- accounts and logins -------------------------------------------------------------

def add_account(db: Path, username: str, role: str, units: list[str], pw_hash: str) -> None:
    ensure_schema(db)
    with writing(db) as con:
        if con.execute("SELECT 1 FROM accounts WHERE username = ?", [username]).fetchone():
            raise ValueError(f"user {username!r} exists")
        con.execute("INSERT INTO accounts (username, role, units, pw_hash) VALUES (?, ?, ?, ?)",
                    [username, role, json.dumps(units, ensure_ascii=False), pw_hash])


def _update_account(db: Path, username: str, sql: str, params: list) -> None:
    ensure_schema(db)
    with writing(db) as con:
        if not con.execute("SELECT 1 FROM accounts WHERE username = ?", [username]).fetchone():
            raise ValueError(f"no user {username!r}")
        con.execute(sql, params + [username])


def set_disabled(db: Path, username: str, disabled: bool = True) -> None:
    """Disable (or enable) an account: a disabled user cannot log in and their sessions stop working."""
    _update_account(db, username, "UPDATE accounts SET disabled = ? WHERE username = ?", [disabled])


def set_password(db: Path, username: str, pw_hash: str) -> None:
    """A new password hash; sessions made with the old password stop working (see app.current_user)."""
    _update_account(db, username, "UPDATE accounts SET pw_hash = ? WHERE username = ?", [pw_hash])


def list_accounts(db: Path) -> list[dict]:
    with reading(db) as con:
        found = rows(con, "SELECT username, role, units, disabled, created_at FROM accounts ORDER BY username")
    for a in found:
        a["units"] = json.loads(a["units"] or "[]")
    return found


def get_account(db: Path, username: str) -> dict | None:
    with reading(db) as con:
        found = rows(con, "SELECT * FROM accounts WHERE username = ? AND NOT disabled", [username])
    if not found:
        return None
    acc = found[0]
    acc["units"] = json.loads(acc["units"] or "[]")
    return acc


def failed_logins_since(db: Path, username: str, since: datetime) -> int:
    with reading(db) as con:
        return con.execute("SELECT count(*) FROM login_attempts WHERE username = ? AND NOT ok AND attempted_at > ?",
                           [username, since]).fetchone()[0]


def record_login(db: Path, username: str, client: str, ok: bool) -> None:
    with writing(db) as con:
        con.execute("INSERT INTO login_attempts (username, client, ok, attempted_at) VALUES (?, ?, ?, ?)",
                    [username, client, ok, datetime.now()])


# ---- claims ----------------------------------------------------------------------------

def queue(db: Path) -> list[dict]:
    """Every pending claim (review_queue), most serious first, with when its level started."""
    with reading(db) as con:
        return rows(con, """
            SELECT q.*, s.last_decided_at,
                   CASE WHEN q.next_level = 'employer' THEN q.submitted_at ELSE s.last_decided_at END AS level_since
            FROM review_queue q JOIN claim_status s USING (person_id, claim_id)
            ORDER BY q.priority""")


def years(db: Path) -> list[int]:
    """The declaration years in `claims`, latest first (the queue and overview default to the first)."""
    with reading(db) as con:
        return [r[0] for r in con.execute("SELECT DISTINCT year FROM claims WHERE year IS NOT NULL ORDER BY year DESC").fetchall()]


def review_days(db: Path) -> int:
    with reading(db) as con:
        r = con.execute("SELECT max(review_days) FROM policies").fetchone()
    return int(r[0]) if r and r[0] else 5


def claim(db: Path, person_id: str, claim_id: str) -> dict | None:
    """A claim with its status, proposal, flags, documents, pages, fields and the person's year."""
    with reading(db) as con:
        found = rows(con, """
            SELECT c.*, s.status, s.next_level, s.approved_hours, s.employer_decision, s.department_decision,
                   s.hr_decision, p.hours AS proposed_hours, p.rule_id, p.assumed, p.explanation, p.policy_id
            FROM claims c JOIN claim_status s USING (person_id, claim_id)
            LEFT JOIN hour_proposals p USING (person_id, claim_id)
            WHERE c.person_id = ? AND c.claim_id = ?""", [person_id, claim_id])
        if not found:
            return None
        out = found[0]
        key = [person_id, claim_id]
        out["flags"] = rows(con, """SELECT doc_id, code, severity, message FROM flags WHERE person_id = ? AND claim_id = ?
                                    ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, code""", key)
        out["documents"] = rows(con, "SELECT * FROM documents WHERE person_id = ? AND claim_id = ? ORDER BY path", key)
        ids = [d["doc_id"] for d in out["documents"]] or [""]
        pages = rows(con, "SELECT doc_id, page, width, height, rotation, text FROM document_pages "
                          "WHERE doc_id IN (SELECT unnest(?)) ORDER BY doc_id, page", [ids])
        fields = rows(con, "SELECT doc_id, name, value, confidence, page, bbox FROM fields "
                           "WHERE doc_id IN (SELECT unnest(?)) ORDER BY doc_id, page, name", [ids])
        out["reviews"] = rows(con, "SELECT * FROM reviews WHERE person_id = ? AND claim_id = ? ORDER BY decided_at", key)
        out["year_summary"] = (rows(con, "SELECT * FROM person_year_summary WHERE person_id = ? AND year = ?",
                                    [person_id, out["year"]]) or [None])[0]
    for f in fields:
        f["bbox"] = json.loads(f["bbox"]) if isinstance(f["bbox"], str) else f["bbox"]
    for d in out["documents"]:
        d["page_rows"] = [p for p in pages if p["doc_id"] == d["doc_id"]]
        d["fields"] = [f for f in fields if f["doc_id"] == d["doc_id"]]
    return out


def document(db: Path, doc_id: str) -> dict | None:
    with reading(db) as con:
        found = rows(con, """SELECT d.*, c.unit FROM documents d
                             LEFT JOIN claims c USING (person_id, claim_id) WHERE d.doc_id = ?""", [doc_id])
        if not found:
            return None
        doc = found[0]
        doc["page_rows"] = rows(con, "SELECT page, width, height, lines FROM document_pages WHERE doc_id = ? ORDER BY page", [doc_id])
        doc["fields"] = rows(con, "SELECT name, value, page, bbox FROM fields WHERE doc_id = ?", [doc_id])
    return doc


def record_views(db: Path, reviewer: str, person_id: str, claim_id: str, pages: list[tuple[str, int]]) -> None:
    if not pages:
        return
    with writing(db) as con:
        con.executemany("INSERT INTO evidence_views (reviewer, person_id, claim_id, doc_id, page, viewed_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [[reviewer, person_id, claim_id, d, p, datetime.now()] for d, p in pages])


def _unseen_pages(con, reviewer: str, person_id: str, claim_id: str) -> list[tuple[str, int]]:
    return con.execute("""
        SELECT p.doc_id, p.page FROM document_pages p JOIN documents d USING (doc_id)
        WHERE d.person_id = ? AND d.claim_id = ?
        EXCEPT
        SELECT doc_id, page FROM evidence_views WHERE reviewer = ? AND person_id = ? AND claim_id = ?
        ORDER BY 1, 2""", [person_id, claim_id, reviewer, person_id, claim_id]).fetchall()


def unseen_pages(db: Path, reviewer: str, person_id: str, claim_id: str) -> list[tuple[str, int]]:
    with reading(db) as con:
        return _unseen_pages(con, reviewer, person_id, claim_id)


def decide(db: Path, reviewer: str, level: str, person_id: str, claim_id: str, decision: str,
           hours: float | None, reason: str) -> None:
    """Append one decision to `reviews`, checking inside the same transaction that it is this
    level's turn and that the reviewer was shown every evidence page."""
    if decision not in ("approve", "adjust", "reject"):
        raise DecisionRefused("未知的审核结论 (unknown decision)")
    if not reason.strip():
        raise DecisionRefused("请填写审核意见 (a reason is required)")
    if decision == "adjust" and (hours is None or hours < 0):
        raise DecisionRefused("调整学时须填写不小于0的学时数 (adjust needs hours ≥ 0)")
    with writing(db) as con:
        st = con.execute("SELECT status, next_level, proposed_hours FROM claim_status WHERE person_id = ? AND claim_id = ?",
                         [person_id, claim_id]).fetchone()
        if st is None:
            raise DecisionRefused("申报项不存在 (no such claim)")
        status, next_level, proposed = st
        if status != "pending" or next_level is None:
            raise DecisionRefused(f"该申报已结束（{status}），不能再审核 (claim is {status})")
        if next_level != level:
            raise DecisionRefused(f"尚未轮到本级审核：当前应由 {next_level} 审核 (levels decide in order; next is {next_level})")
        unseen = _unseen_pages(con, reviewer, person_id, claim_id)
        if unseen:
            raise DecisionRefused(f"请先查看全部证明材料页面（还有 {len(unseen)} 页未查看）"
                                  f" (evidence not viewed: {len(unseen)} page(s))")
        if decision == "approve":
            hours = proposed
        elif decision == "reject":
            hours = None
        con.execute("INSERT INTO reviews (claim_id, person_id, reviewer, level, decision, hours, reason, decided_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [claim_id, person_id, reviewer, level, decision, hours, reason.strip(), datetime.now()])


# ---- overview and exports --------------------------------------------------------------

def overview(db: Path, year: int | None = None) -> dict:
    """Persons' years, claims and flags for the overview (one year, or all when `year` is None)."""
    cond, params = ("WHERE year = ?", [year]) if year is not None else ("", [])
    with reading(db) as con:
        return {
            "persons": rows(con, f"SELECT * FROM person_year_summary {cond} ORDER BY unit, person_id", params),
            "claims": rows(con, f"SELECT person_id, claim_id, unit, category, year FROM claims {cond}", params),
            "flags": rows(con, "SELECT DISTINCT f.person_id, f.claim_id, f.code, c.unit FROM flags f "
                               f"JOIN claims c USING (person_id, claim_id) {cond.replace('year', 'c.year')}", params),
        }


def export_claims(db: Path) -> list[dict]:
    with reading(db) as con:
        return rows(con, """
            SELECT c.unit, c.person_id, c.person_name, c.claim_id, c.year, c.category, s.proposed_hours,
                   s.employer_decision, s.department_decision, s.hr_decision, s.status, s.approved_hours,
                   (SELECT string_agg(r.level || ':' || r.decision || ' ' || coalesce(CAST(r.hours AS VARCHAR), '') || ' '
                                      || r.reviewer || ' ' || strftime(r.decided_at, '%Y-%m-%d %H:%M') || ' ' || coalesce(r.reason, ''),
                                      ' | ' ORDER BY r.decided_at)
                    FROM reviews r WHERE r.person_id = c.person_id AND r.claim_id = c.claim_id) AS decisions
            FROM claims c JOIN claim_status s USING (person_id, claim_id)
            ORDER BY c.unit, c.person_id, c.claim_id""")
