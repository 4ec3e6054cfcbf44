"""samplegen: determinism, coverage, check digits, and that the files really are what the
labels say (decodable images, PDFs with / without a text layer, DOCX text)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from samplegen import generate, identifiers  # noqa: E402
from samplegen.render import RENDERS  # noqa: E402

WS = re.compile(r"\s+")
N_CLAIMS = 16


def _hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("sg") / "raw"
    labels = generate(root, n_claims=N_CLAIMS, seed=3, year=2023, families=("A", "B"))
    return root, labels


def _bad_paths(labels: dict) -> set[str]:
    return {b["path"] for b in labels["bad_files"]}


def test_deterministic(sample, tmp_path):
    root, labels = sample
    again = tmp_path / "again"
    generate(again, n_claims=N_CLAIMS, seed=3, year=2023, families=("A", "B"))
    assert _hashes(root) == _hashes(again)


def test_labels_on_disk_match_return_value(sample):
    root, labels = sample
    assert json.loads((root / "labels.json").read_text(encoding="utf-8")) == json.loads(json.dumps(labels, ensure_ascii=False))
    assert labels["generator"]["seed"] == 3 and labels["generator"]["families"] == ["A", "B"]


def test_coverage(sample):
    _, labels = sample
    cats = {c["category"] for c in labels["claims"] if c["category"] is not None}
    assert cats == set(range(1, 17))
    renders = {d["render"] for d in labels["documents"]}
    assert set(RENDERS) <= renders
    kinds = {d["doc_kind"] for d in labels["documents"]}
    assert {"training_notice", "completion_certificate", "employer_proof", "patent_certificate", "transcript",
            "policy_notice", "plan_filing"} <= kinds
    orient = [d["orientation"] for d in labels["documents"] if d.get("orientation")]
    assert any(o["exif_orientation"] for o in orient) and any(not o["exif_orientation"] for o in orient)
    assert {d["family"] for d in labels["documents"] if d["doc_kind"] != "policy_notice"} <= {"A", "B"}


def test_claim_labels(sample):
    root, labels = sample
    ids = [c["claim_id"] for c in labels["claims"]]
    assert len(ids) == len(set(ids))
    for c in labels["claims"]:
        assert re.fullmatch(r"C\d{4}", c["claim_id"]) and re.fullmatch(r"(P|HR)\d{4}", c["person_id"])
        for p in c["documents"]:
            assert (root / p).is_file()
        if c["category"] == 16:
            assert c["hours"] is None
        elif c["category"] is not None:
            assert isinstance(c["hours"], float)
            assert c["rule_id"].startswith(f"{c['category']}.") or c["rule_id"] == "year.out_of_year"
            assert ("assumed_rule" in c["expected_flags"]) == c["assumed"]
    flags = {f for c in labels["claims"] for f in c["expected_flags"]}
    assert {"invalid_checksum", "out_of_year", "name_mismatch", "no_seal", "missing_evidence", "duplicate_file",
            "city_hr_review"} <= flags


RULE_ID = re.compile(
    r"1\.(stated|per_day)|2\.(stated|per_day)|3\.courses|4\.(national|provincial)(\.paper_(short|long))?|"
    r"5\.(national\.main\.[1-5]|(national\.sub|provincial\.(main|sub))\.[1-3]|other)|"
    r"6\.(paper\.(national|provincial)\.[1-3]|book\.(chief_editor|deputy_editor|contributor)|other)|"
    r"7\.((invention|utility_model|design)\.[1-3]|other)|8\.(national|(provincial|city)\.[123])|9\.pass|"
    r"10\.(provincial|city|county)|11\.(six_months|per_month)|12\.per_day|1[34]\.(stated|unfiled)|"
    r"15\.(maternity|(sick|overseas)(\.short)?)|16\.route|year\.out_of_year")


def test_label_conventions(sample):
    """Labels follow domain.md and the pipeline's rule ids (pipeline/policy/rules/*.toml keys
    with the specific case appended)."""
    _, labels = sample
    for c in labels["claims"]:
        if c["category"] is not None:
            assert RULE_ID.fullmatch(c["rule_id"]), c["rule_id"]
        if c["rule_id"] == "year.out_of_year":
            assert c["hours"] == 0 and not c["assumed"] and "out_of_year" in c["expected_flags"]
        if c["category"] in (13, 14):
            assert (c["rule_id"].endswith(".unfiled")) == ("unfiled_plan" in c["expected_flags"])
    for d in labels["documents"]:
        f = d["fields"]
        if "award_grade" in f:
            assert f["award_grade"] in ("一等", "二等", "三等")
        if "courses_passed" in f:
            assert int(f["courses_passed"]) == sum(1 for r in json.loads(f["courses"]) if r["passed"])
        if "role" in f:
            assert f["role"] in ("主编", "副主编", "参编")


def test_manifest_and_layout(sample):
    root, labels = sample
    rows = list(csv.DictReader((root / "manifest.csv").open(encoding="utf-8")))
    assert list(rows[0]) == ["person_id", "person_name", "unit", "year", "claim_id", "declared_category", "declared_hours"]
    assert [r["claim_id"] for r in rows] == [c["claim_id"] for c in labels["claims"]]
    for d in labels["documents"]:
        parts = Path(d["path"]).parts
        assert parts[0] == d["person_id"]
        if len(parts) == 2:  # a file directly under the person folder is a claim of its own
            assert Path(parts[1]).stem == d["claim_id"]
        else:
            assert len(parts) == 3 and parts[1] == d["claim_id"]


def test_check_digits(sample):
    _, labels = sample
    for p in labels["persons"]:
        assert identifiers.resident_id_valid(p["id_number"])
    validators = {"id_number": identifiers.resident_id_valid, "patent_number": identifiers.patent_valid,
                  "issn": identifiers.issn_valid, "isbn": identifiers.isbn_valid}
    seen_bad = set()
    for d in labels["documents"]:
        for name, ok in validators.items():
            v = d["fields"].get(name)
            if v is None:
                continue
            if name in d["bad_values"]:
                assert not ok(v), (d["path"], name, v)
                seen_bad.add(name)
            else:
                assert ok(v), (d["path"], name, v)
        if "patent_number" in d["fields"]:
            assert re.fullmatch(r"ZL\d{12}\.[0-9X]", d["fields"]["patent_number"])
            assert d["fields"]["patent_number"][6] == {"invention": "1", "utility_model": "2", "design": "3"}[d["fields"]["patent_type"]]
    assert {"patent_number"} <= seen_bad


def test_patent_check_digit_known_value():
    # 2023 1 0123456: weights 2..9,2..5 -> check digit by the CNIPA rule
    app = "202310123456"
    s = sum(int(c) * w for c, w in zip(app, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5))) % 11
    assert identifiers.patent_check(app) == ("X" if s == 10 else str(s))
    assert identifiers.format_patent(f"ZL{app}.{identifiers.patent_check(app)}", "spaced").startswith("ZL 2023 1 0123456.")


def test_field_values_normalised(sample):
    _, labels = sample
    iso = re.compile(r"\d{4}-\d{2}-\d{2}")
    for d in labels["documents"]:
        f = d["fields"]
        assert f["has_seal"] in ("true", "false")
        for k, v in f.items():
            assert isinstance(v, str)
            if k.endswith("_date") or k in ("leave_start", "leave_end"):
                assert iso.fullmatch(v), (d["path"], k, v)
            if k in ("inventors", "authors", "members", "trainings", "courses"):
                assert isinstance(json.loads(v), list)


def test_images_decode(sample):
    from PIL import Image

    root, labels = sample
    bad = _bad_paths(labels)
    by_path = {d["path"]: d for d in labels["documents"]}
    n = 0
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.suffix.lower() not in (".jpg", ".jpeg", ".png") or rel in bad:
            continue
        with Image.open(p) as im:
            im.load()
            assert 900 <= max(im.size) <= 2300
            o = by_path[rel].get("orientation")
            tag = im.getexif().get(0x0112)
            assert tag == (o["exif_orientation"] if o else None)
        n += 1
    assert n >= 3


def test_pdfs(sample):
    import pdfplumber

    root, labels = sample
    bad = _bad_paths(labels)
    for d in labels["documents"]:
        if not d["path"].endswith(".pdf") or d["path"] in bad:
            continue
        with pdfplumber.open(root / d["path"]) as pdf:
            assert len(pdf.pages) == d["pages"]
            text = WS.sub("", "".join(pg.extract_text() or "" for pg in pdf.pages))
            if d["render"] == "digital_pdf":
                assert len(text) > 40
                for k, v in d["fields_raw"].items():
                    assert WS.sub("", v) in text, (d["path"], k, v)
                assert WS.sub("", d["text"])[:12] in text
            else:
                assert d["render"] == "scan_pdf"
                assert text == "" and all(pg.images for pg in pdf.pages)


def test_docx(sample):
    import docx

    root, labels = sample
    docs = [d for d in labels["documents"] if d["render"] == "docx"]
    assert docs
    for d in docs:
        doc = docx.Document(str(root / d["path"]))
        text = "".join(p.text for p in doc.paragraphs) + "".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
        text = WS.sub("", text)
        for k, v in d["fields_raw"].items():
            assert WS.sub("", v) in text, (d["path"], k, v)


def test_bad_files(sample):
    import pikepdf

    root, labels = sample
    kinds = {b["kind"]: root / b["path"] for b in labels["bad_files"]}
    assert set(kinds) == {"empty_pdf", "truncated_pdf", "text_as_pdf", "encrypted_pdf", "empty_jpg"}
    assert kinds["empty_pdf"].stat().st_size == 0 and kinds["empty_jpg"].stat().st_size == 0
    assert kinds["truncated_pdf"].read_bytes().startswith(b"%PDF") and b"%%EOF" not in kinds["truncated_pdf"].read_bytes()[-64:]
    assert not kinds["text_as_pdf"].read_bytes().startswith(b"%PDF")
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(kinds["encrypted_pdf"])
    assert all(b["reason_keyword"] for b in labels["bad_files"])


def test_seed_notices(sample):
    _, labels = sample
    seeds = [d for d in labels["documents"] if d["doc_kind"] == "policy_notice" and d["render"] == "digital_pdf"]
    numbers = {d["fields"]["document_number"] for d in seeds}
    assert {"宛人社〔2018〕114号", "平人社办〔2023〕130号", "漯人社专技〔2018〕1号", "郑人社办〔2020〕106号",
            "安人社函〔2025〕44号"} == numbers
    assert all(d["person_id"] == "HR0000" and d["fields"]["required_hours"] == "90" for d in seeds)


def test_held_out_family_c_via_cli(tmp_path):
    from samplegen import main

    out = tmp_path / "eval"
    assert main([str(out), "--claims", "4", "--seed", "2", "--families", "C", "--no-seeds", "--no-bad"]) == 0
    labels = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    assert labels["documents"] and {d["family"] for d in labels["documents"]} == {"C"}
    assert not labels["bad_files"]
    assert all(not c["expected_flags"] or set(c["expected_flags"]) <= {"assumed_rule", "unfiled_plan", "city_hr_review"}
               for c in labels["claims"])


def test_family_d_renders_every_kind(tmp_path):
    """Family D has a builder for every kind, labels at least the fields family A labels for
    it, and prints every raw field value (digital PDF text layer, DOCX text)."""
    import docx
    import pdfplumber

    from samplegen.render import DOCX_KINDS
    from samplegen.single import SOURCES, expected_label, render_document
    from samplegen.templates import FAMILIES, TEMPLATES
    from samplegen.templates.family_d import BUILDERS

    assert "D" in FAMILIES and set(BUILDERS) == set(TEMPLATES)
    for kind, srcs in SOURCES.items():
        for seed in range(2):
            sub = ("notice", "participation")[seed] if kind == "service_notice" else None
            cat, var = srcs[seed % len(srcs)]
            want = set(expected_label(kind, "A", "digital_pdf", seed, category=cat, variant=var, sub=sub)["fields"])
            for render in ("digital_pdf", "docx") if kind in DOCX_KINDS else ("digital_pdf",):
                lab = render_document(kind, "D", render, seed, tmp_path, category=cat, variant=var, sub=sub)
                assert lab["family"] == "D" and lab["template"] == f"{kind}/D"
                assert want <= set(lab["fields"]), (kind, seed, want - set(lab["fields"]))
                path = tmp_path / lab["path"]
                if render == "docx":
                    doc = docx.Document(str(path))
                    text = "".join(p.text for p in doc.paragraphs) + "".join(
                        c.text for t in doc.tables for r in t.rows for c in r.cells)
                else:
                    with pdfplumber.open(path) as pdf:
                        text = "".join(pg.extract_text() or "" for pg in pdf.pages)
                text = WS.sub("", text)
                for k, v in lab["fields_raw"].items():
                    assert WS.sub("", v) in text, (kind, render, k, v)


def test_family_d_via_cli(tmp_path):
    from samplegen import main

    out = tmp_path / "d"
    assert main([str(out), "--claims", "4", "--seed", "2", "--families", "D", "--no-seeds", "--no-bad"]) == 0
    labels = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    assert labels["documents"] and {d["family"] for d in labels["documents"]} == {"D"}


def test_bundled_seed_texts_match_shared():
    from samplegen.seeds import SEED_DIR, seed_files

    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    files = seed_files()
    assert len(files) == 5 and all(f.parent == SEED_DIR for f in files)
    if shared.is_dir():
        assert {f.name: f.read_bytes() for f in files} == {f.name: f.read_bytes() for f in sorted(shared.glob("*.txt"))}


NAME_LISTS = ("members", "inventors", "authors", "awardees")
DATE_FIELDS = ("start_date", "end_date", "issue_date", "filing_date", "grant_date", "pass_date", "leave_start", "leave_end")


def _date_forms(d) -> set[str]:
    """The ways a document may print date `d`, alone or as one end of a range."""
    from samplegen.dates import fmt_date, upper_number

    forms = {fmt_date(d, s) for s in ("cn", "cn0", "dot", "dot0", "iso", "slash", "upper", "month")}
    return forms | {f"{d.month}月{d.day}日", f"{d.month:02d}月{d.day:02d}日", f"{d.month}.{d.day}", f"{d.month:02d}.{d.day:02d}",
                    f"{d.month:02d}-{d.day:02d}", f"{d.day}日", f"{upper_number(d.month)}月{upper_number(d.day)}日",
                    f"{upper_number(d.day)}日", f"{d.year}.{d.month:02d}", f"{d.year}年{d.month}月", f"{d.year}年{d.month:02d}月"}


@pytest.mark.parametrize("family", ["A", "B", "C", "D", "E"])
def test_labels_are_printed(family, tmp_path):
    """A name-list or date label is only given where the document prints it (every name; the
    date in some form): a label no reader could recover (a proof that names only the
    declarant, an appointment letter that states only the year) counts a right extractor wrong."""
    import datetime as dt

    from samplegen.single import SOURCES, render_document

    seen = 0
    for kind, srcs in SOURCES.items():
        if kind == "policy_notice":
            continue
        for seed in range(3):
            sub = ("notice", "participation")[seed % 2] if kind == "service_notice" else None
            cat, var = srcs[seed % len(srcs)]
            lab = render_document(kind, family, "digital_pdf", seed, tmp_path, category=cat, variant=var, sub=sub)
            text = WS.sub("", lab["text"])
            for field, value in lab["fields"].items():
                if field in NAME_LISTS:
                    missing = [n for n in json.loads(value) if WS.sub("", n) not in text]
                elif field in DATE_FIELDS:
                    missing = [] if any(f in text for f in _date_forms(dt.date.fromisoformat(value))) else [value]
                else:
                    continue
                seen += 1
                assert not missing, (kind, seed, field, len(missing))
    assert seen >= 40, seen
