"""The evaluation arithmetic: normalisation for comparison, macro-F1, and a report on a tiny DB."""

import pandas as pd

from pipeline import evaluate, store


def test_canon_normalises_forms_not_content():
    assert evaluate.canon("ZL 2023 1 0123456.7") == evaluate.canon("ZL202310123456.7")
    assert evaluate.canon("８") == evaluate.canon("8.0") == evaluate.canon(8)
    assert evaluate.canon('["张三", "李四"]') == evaluate.canon('["张三","李四"]')
    assert evaluate.canon('["张三", "李四"]') != evaluate.canon('["李四", "张三"]')  # order matters
    assert evaluate.canon("2023-05-08") != evaluate.canon("2023-05-09")
    assert evaluate.canon(None) is None and evaluate.canon("") != evaluate.canon(None)


def test_macro_f1():
    assert evaluate.macro_f1([1, 2, 3], [1, 2, 3]) == 1.0
    # class 1: tp1 fp0 fn1 → 2/3; class 2: tp1 fp1 fn0 → 2/3
    assert abs(evaluate.macro_f1([1, 1, 2], [1, 2, 2]) - 2 / 3) < 1e-9


def test_report_counts_right_and_wrong(tmp_path):
    db = tmp_path / "x.duckdb"
    docs = pd.DataFrame([dict(doc_id="d1", claim_id="C1", person_id="P1", path="P1/C1/a.pdf", sha256="s",
                              doc_kind="patent_certificate", doc_kind_confidence=0.9, text_source="pdf_text",
                              ocr_engine=None, pages=1)])
    fields = pd.DataFrame([dict(doc_id="d1", name="patent_number", value="ZL202310123456.7", confidence=1.0),
                           dict(doc_id="d1", name="grant_date", value="2023-06-14", confidence=1.0)])
    claims = pd.DataFrame([dict(claim_id="C1", person_id="P1", year=2023, category=7, category_confidence=0.9)])
    hours = pd.DataFrame([dict(claim_id="C1", person_id="P1", year=2023, category=7, hours=50.0,
                               rule_id="7.invention.2", assumed=True, explanation="x")])
    store.land(db, store.Batch(frames={"documents": docs, "fields": fields, "claims": claims, "hour_proposals": hours}))
    labels = {"documents": [{"path": "P1/C1/a.pdf", "doc_kind": "patent_certificate", "render": "digital_pdf",
                             "fields": {"patent_number": "ZL 2023 1 0123456.7", "grant_date": "2023-06-13"}}],
              "claims": [{"person_id": "P1", "claim_id": "C1", "category": 7, "hours": 50}]}
    fig = evaluate.summary_figures(evaluate.evaluate(db, labels))
    assert fig["doc_kind_accuracy"] == 1.0 and fig["category_accuracy"] == 1.0 and fig["hours_exact"] == 1.0
    assert fig["key_field_accuracy"] == 0.5  # the grant date is a day off
    text = evaluate.render(evaluate.evaluate(db, labels))
    assert "grant_date: '2023-06-13' → '2023-06-14'" in text


def test_label_field_aliases():
    """A label naming an award's completer list 'authors' is compared with the extractor's
    'awardees'; a field the pipeline reports under the label's own name wins."""
    got = {"awardees": '["赵芳", "冯文博"]', "assignment_kind": "援藏"}
    assert evaluate.predicted_value("award_certificate", "authors", got) == '["赵芳", "冯文博"]'
    assert evaluate.predicted_value("assignment_document", "title", got) == "援藏"
    assert evaluate.predicted_value("journal_pages", "authors", got) is None
    assert evaluate.predicted_value("award_certificate", "authors", {**got, "authors": "[]"}) == "[]"
