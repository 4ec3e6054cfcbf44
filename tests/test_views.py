"""The analyst views: claim_status, person_year_summary, review_queue, category_stats."""

from datetime import datetime, timedelta

import pandas as pd
import pytest

from pipeline import store
from pipeline.policy import load_policy


def _frames(claims, flags=()):
    c = pd.DataFrame([dict(claim_id=cid, person_id=pid, year=2023, category=cat, category_confidence=conf,
                           person_name={"P1": "王小明", "P2": "李四"}[pid], unit="某医院") for pid, cid, cat, _, conf in claims])
    h = pd.DataFrame([dict(claim_id=cid, person_id=pid, year=2023, category=cat, hours=hrs, rule_id=f"{cat}.x",
                           assumed=cat == 7, explanation="…", policy_id="luohe_2018")
                      for pid, cid, cat, hrs, _ in claims]).astype({"hours": "float64"})
    f = pd.DataFrame([dict(claim_id=cid, person_id=pid, doc_id=None, code=code, severity=sev, message="…")
                      for pid, cid, code, sev in flags], columns=["claim_id", "person_id", "doc_id", "code", "severity", "message"])
    return {"claims": c, "hour_proposals": h, "flags": f,
            "policies": pd.DataFrame([load_policy().row()]),
            "persons": pd.DataFrame([dict(person_id="P1", person_name="王小明", unit="某医院"),
                                     dict(person_id="P2", person_name="李四", unit="某医院")])}


def _review(con, pid, cid, level, decision, hours=None, minutes=0):
    con.execute("INSERT INTO reviews (claim_id, person_id, reviewer, level, decision, hours, reason, decided_at) "
                "VALUES (?, ?, 'r1', ?, ?, ?, 'ok', ?)",
                [cid, pid, level, decision, hours, datetime(2023, 12, 1, 9) + timedelta(minutes=minutes)])


@pytest.fixture
def db(tmp_path):
    db = tmp_path / "v.duckdb"
    claims = [("P1", "C1", 7, 50.0, 0.9), ("P1", "C2", 9, 60.0, 0.95), ("P1", "C3", 2, 24.0, 0.8),
              ("P2", "C4", 1, 40.0, 0.6), ("P2", "C5", 16, None, 0.7)]
    flags = [("P1", "C1", "assumed_rule", "warning"), ("P2", "C4", "name_mismatch", "error"),
             ("P2", "C4", "no_seal", "warning"), ("P2", "C5", "city_hr_review", "info"), ("P1", "C3", "out_of_year", "error")]
    store.land(db, store.Batch(frames=_frames(claims, flags), touched=[(c[0], c[1]) for c in claims]))
    store.load_public_hours(db, pd.DataFrame([dict(person_id="P1", year=2023, hours=30.0, source="platform.csv")]))
    with store.connect(db) as con:
        for level in ("employer", "department"):
            _review(con, "P1", "C1", level, "approve")
            _review(con, "P1", "C2", level, "approve")
        _review(con, "P1", "C1", "hr", "approve")
        _review(con, "P1", "C2", "hr", "adjust", 55.0)
        _review(con, "P1", "C2", "hr", "adjust", 58.0, minutes=5)  # a later decision at the same level wins
        _review(con, "P1", "C3", "employer", "reject")
        _review(con, "P2", "C4", "employer", "approve")
    return db


def test_claim_status_levels_in_order(db):
    with store.connect(db, read_only=True) as con:
        rows = {r[0]: r[1:] for r in con.execute(
            "SELECT claim_id, status, next_level, approved_hours FROM claim_status").fetchall()}
    assert rows["C1"] == ("approved", None, 50.0)
    assert rows["C2"] == ("approved", None, 58.0)
    assert rows["C3"] == ("rejected", None, None)  # a lower level's rejection stops the claim
    assert rows["C4"] == ("pending", "department", None)
    assert rows["C5"] == ("pending", "employer", None)


def test_person_year_summary(db):
    with store.connect(db, read_only=True) as con:
        df = con.execute("SELECT * FROM person_year_summary ORDER BY person_id").df().set_index("person_id")
    p1, p2 = df.loc["P1"], df.loc["P2"]
    assert p1.professional_approved == 108 and p1.professional_proposed == 110  # rejected C3 not proposed
    assert p1.public_hours == 30 and p1.professional_credited == 90  # capped at the year's 90
    assert p1.total_credited == 90 and p1.not_carried_over == 48 and p1.total_shortfall == 0
    assert p1.professional_shortfall == 0 and p1.open_flags == 0  # C3's error is closed by its rejection
    assert p2.professional_approved == 0 and pd.isna(p2.public_hours) and p2.professional_shortfall == 60
    assert p2.professional_shortfall_if_approved == 20 and p2.total_shortfall == 90
    assert (p2.open_flags, p2.open_errors) == (2, 1)  # info flags are not open issues
    assert p1.required_hours == 90 and p1.policy_id == "luohe_2018"


def test_review_queue_most_serious_first(db):
    with store.connect(db, read_only=True) as con:
        rows = con.execute("SELECT claim_id, worst_severity, next_level, priority FROM review_queue ORDER BY priority").fetchall()
    assert [r[0] for r in rows] == ["C4", "C5"]  # decided claims leave the queue
    assert rows[0][1:3] == ("error", "department") and rows[1][1] == "info"


def test_category_stats(db):
    with store.connect(db, read_only=True) as con:
        df = con.execute("SELECT * FROM category_stats").df().set_index("category")
    assert df.loc[9, "hours_approved"] == 58 and df.loc[9, "approved"] == 1
    assert df.loc[2, "rejected"] == 1 and df.loc[1, "flag_rate"] == 1.0 and df.loc[9, "flag_rate"] == 0
    assert df.loc[7, "assumed_share"] == 1.0 and int(df["claims"].sum()) == 5
