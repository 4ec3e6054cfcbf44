"""pipeline.textcat: labelled texts from a text cache, damage, calibration arithmetic, and the
spaCy text classifier (trained tiny, to check the plumbing, not the accuracy)."""

import json
import random

import pytest

from extractors._base import doc_from_text
from pipeline import textcat
from pipeline.classify import CALIBRATION
from pipeline.intake import sha256_of
from pipeline.store import connect

TEXTS = {
    "training_notice": ["关于举办2023年护理培训班的通知\n培训时间：6月1日\n培训地点：郑州", "培训通知\n定于5月举办培训班，参训人员请报到。"],
    "completion_certificate": ["结业证书\n王明同志参加培训，经考核合格，准予结业。", "培训合格证书\n姓名：李华\n学时：24"],
    "patent_certificate": ["发明专利证书\n发明名称：一种装置\n专利号：ZL 2021 1 0123456.7", "实用新型专利证书\n专利权人：某医院"],
}


def _folder(tmp_path, engine="rapid"):
    """A labelled folder of text files (family A and B) and a cache DB holding their texts."""
    root = tmp_path / "set"
    docs = []
    for kind, texts in TEXTS.items():
        for i, text in enumerate(texts):
            rel = f"P0001/C{kind[:4]}{i}/doc.pdf"
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
            docs.append({"path": rel, "doc_kind": kind, "family": "AB"[i], "render": "digital_pdf", "text": text})
    (root / "labels.json").write_text(json.dumps({"documents": docs, "claims": []}, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "cache.duckdb"
    with connect(db) as con:
        for d in docs:
            con.execute("INSERT INTO text_cache (sha256, engine, document) VALUES (?, ?, ?)",
                        [sha256_of(root / d["path"]), engine, doc_from_text(d["text"]).model_dump_json()])
    return root, db


def test_load_labelled_maps_cached_texts_to_labels(tmp_path):
    root, db = _folder(tmp_path)
    examples = textcat.load_labelled(root, db)
    assert len(examples) == 6
    assert {e.family for e in examples} == {"A", "B"}
    for e in examples:
        assert e.text.text in TEXTS[e.kind]


def test_load_labelled_skips_files_without_text(tmp_path):
    root, db = _folder(tmp_path)
    (root / "P0001/Ctrai0/doc.pdf").write_text("changed bytes", encoding="utf-8")
    assert len(textcat.load_labelled(root, db)) == 5


def test_damage_is_a_copy_and_repeatable():
    doc = doc_from_text("结业证书\n王明同志参加培训，经考核合格，准予结业。\n共计40学时\n某某培训中心\n2023年5月")
    a = textcat.damage(doc, random.Random(1))
    b = textcat.damage(doc, random.Random(1))
    assert a.text == b.text and a.text != doc.text
    assert doc.pages[0].lines[0].text == "结业证书"  # the original is untouched


def test_reliability_and_ece():
    pairs = [(0.95, True)] * 9 + [(0.95, False)] + [(0.55, True), (0.55, False)]
    ece, rows = textcat.reliability(pairs)
    assert [(r[2], round(r[4], 2)) for r in rows] == [(2, 0.5), (10, 0.9)]
    assert ece == pytest.approx((2 * 0.05 + 10 * 0.05) / 12)


def test_fit_calibration_returns_grid_constants():
    items = [(k, doc_from_text(t)) for k, ts in TEXTS.items() for t in ts] + [("other", doc_from_text("王明\n2023年"))]
    params = textcat.fit_calibration(items)
    assert set(params) == set(CALIBRATION) and 0 < params["other_plain"] < 1


def test_model_text_repeats_the_title_and_is_bounded():
    doc = doc_from_text("結業證書\n" + "正文内容\n" * 1000)
    text = textcat.model_text(doc)
    assert text.startswith("结业证书") and text.count("结业证书") == 2 and len(text) <= textcat.MODEL_CHARS


def test_train_tiny_model_and_predict():
    items = [(k, t) for k, ts in TEXTS.items() for t in ts] * 3
    nlp = textcat.train_textcat(items, arch="bow", epochs=8, length=2 ** 12)
    probs = textcat.textcat_probs(nlp, [TEXTS["patent_certificate"][0]])[0]
    assert set(probs) == set(textcat.KINDS) and sum(probs.values()) == pytest.approx(1, abs=1e-3)


def test_compare_across_families(tmp_path):
    root, db = _folder(tmp_path)
    res = textcat.compare(textcat.load_labelled(root, db), arch="bow", epochs=2, log=lambda m: None)
    assert set(res) == {"train B+seed → test A", "train B+seed → test A damaged",
                        "train A+seed → test B", "train A+seed → test B damaged"}
    for r in res.values():
        assert set(r) == set(textcat.METHODS) and r["rules"]["n"] == 3
    assert "rules" in textcat.render_comparison(res)


def test_cli_train_textcat(tmp_path, capsys):
    from flows.cli import main

    root, db = _folder(tmp_path)
    out = tmp_path / "model"
    assert main(["train-textcat", str(root), "--cache", str(db), "--out", str(out), "--arch", "bow", "--epochs", "2"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["documents"] == 6 and (out / "textcat").is_dir() and summary["bytes"] > 0


def test_cli_train_textcat_without_texts(tmp_path, capsys):
    from flows.cli import main

    root, _ = _folder(tmp_path)
    empty = tmp_path / "empty.duckdb"
    with connect(empty):
        pass
    assert main(["train-textcat", str(root), "--cache", str(empty), "--out", str(tmp_path / "m")]) == 2
