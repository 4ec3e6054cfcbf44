"""The bundled sample (data/raw) through the whole flow with live OCR: proposals with
explanations for all 16 categories, every flag code, and exactly the flags its labels expect."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from schemas.kinds import FlagCode

pytestmark = [pytest.mark.e2e, pytest.mark.ocr]
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture
def sample_db(sample_run_db):
    """The session's live-OCR run of data/raw (tests/conftest.py): built once, shared with the
    review app's browser test."""
    return sample_run_db


def test_every_category_has_an_explained_proposal(sample_db):
    with duckdb.connect(str(sample_db), read_only=True) as con:
        rows = con.execute("SELECT category, hours, rule_id, explanation FROM hour_proposals").fetchall()
    assert {r[0] for r in rows} == set(range(1, 17))
    for cat, hours, rule, text in rows:
        assert f"规则{rule}" in text and "→" in text
        assert (hours is None) == (cat == 16)


def test_every_flag_code_and_exactly_the_expected_flags(sample_db):
    labels = json.loads((RAW / "labels.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(sample_db), read_only=True) as con:
        rows = con.execute("SELECT person_id, claim_id, code FROM flags").fetchall()
        views = {v: con.execute(f"SELECT count(*) FROM {v}").fetchone()[0]
                 for v in ("person_year_summary", "review_queue", "category_stats")}
    assert {r[2] for r in rows} == {c.value for c in FlagCode}
    raised: dict[tuple[str, str], set[str]] = {}
    for p, c, code in rows:
        raised.setdefault((p, c), set()).add(code)
    wrong = {c["claim_id"]: (sorted(c["expected_flags"]), sorted(raised.get((c["person_id"], c["claim_id"]), set())))
             for c in labels["claims"] if not c.get("quarantined_only")
             and set(c["expected_flags"]) != raised.get((c["person_id"], c["claim_id"]), set())}
    assert wrong == {}
    assert views["category_stats"] == 16 and views["review_queue"] == 40 and views["person_year_summary"] >= 20


def test_run_summary_shows_an_explained_proposal_per_category(sample_run_db):
    from pipeline.summary import render, summarize

    text = render(summarize(sample_run_db))
    examples = [line for line in text.splitlines() if line.strip().startswith("e.g. ")]
    assert len(examples) == 16 and all("→" in e and "规则" in e for e in examples)
    assert "persons × years:" in text
