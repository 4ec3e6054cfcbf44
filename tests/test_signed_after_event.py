"""A proof is not signed a year before what it attests (extractors._common.signed_after_event).

Under a seal's ring the last numeral of 二〇二三 loses its middle stroke and reads 二〇二二; the
date is valid, so no reader rule sees it. The period the document attests settles it: on 40
rendered scan proofs of families A/B/D/E (seeds 1–10), 3 of the 4 issue-date misses were this,
and all 3 came right."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from extractors._common import SIGNED_LEAD_DAYS, signed_after_event
from schemas.records import ExtractedField


def _fields(issue: str, start: str, end: str | None = None, start_name: str = "start_date") -> list[ExtractedField]:
    out = [ExtractedField(name="issue_date", value=issue, confidence=0.8),
           ExtractedField(name=start_name, value=start, confidence=0.8)]
    if end:
        out.append(ExtractedField(name="end_date", value=end, confidence=0.8))
    return out


def _issue(fields: list[ExtractedField]) -> str:
    return next(f.value for f in fields if f.name == "issue_date")


def test_a_proof_dated_a_confusable_year_before_the_training_takes_the_trainings_year():
    got = signed_after_event(_fields("2022-08-21", "2023-08-04", "2023-08-06"))
    assert _issue(got) == "2023-08-21"
    assert next(f for f in got if f.name == "issue_date").confidence < 0.8  # a settled guess, said so


def test_the_leave_period_settles_a_leave_proofs_date_too():
    assert _issue(signed_after_event(_fields("2022-04-02", "2023-02-10", start_name="leave_start"))) == "2023-04-02"


@pytest.mark.parametrize("issue,start", [
    ("2022-12-20", "2023-01-05"),  # a dispatch letter dated shortly before the training: kept
    ("2021-08-21", "2023-08-04"),  # 2021 is no one-digit misread of 2023 that OCR makes: kept
    ("2023-09-01", "2023-08-04"),  # signed after: kept
])
def test_dates_that_can_be_right_are_kept(issue, start):
    assert _issue(signed_after_event(_fields(issue, start))) == issue


def test_a_proof_may_be_dated_up_to_the_lead_before_the_period():
    start = date(2023, 2, 20)
    at_lead, past_lead = (start - timedelta(days=SIGNED_LEAD_DAYS + k) for k in (0, 1))
    assert _issue(signed_after_event(_fields(at_lead.isoformat(), start.isoformat()))) == at_lead.isoformat()
    assert _issue(signed_after_event(_fields(past_lead.isoformat(), start.isoformat()))) == \
        past_lead.replace(year=2023).isoformat()


def test_without_a_period_nothing_changes():
    f = [ExtractedField(name="issue_date", value="2022-08-21", confidence=0.8)]
    assert signed_after_event(f) == f


@pytest.mark.ocr
def test_a_grey_scan_proof_whose_seal_hid_a_stroke_of_its_year_is_dated_right(tmp_path):
    """Rendered employer proof (family A, scan, seed 7): '二〇二三年八月二十一日' under the seal's
    ring reads '二○二二年八月二十一日'; the proof attests training on 2023-08-04…06."""
    from extractors import extract
    from pipeline.text import read_document
    from samplegen.single import render_document

    label = render_document("employer_proof", "A", "scan_pdf", seed=7, out_dir=tmp_path)
    assert label["fields"]["issue_date"] == "2023-08-21"
    doc = read_document(label["abs_path"], "rapid")
    assert "二○二二年八月二十一日" in doc.text or "二〇二二年八月二十一日" in doc.text  # the misread this settles
    got = {f.name: f.value for f in extract("employer_proof", doc)}
    assert got["issue_date"] == "2023-08-21"
    assert got["start_date"] == "2023-08-04"
