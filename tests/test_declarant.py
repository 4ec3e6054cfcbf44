"""Declarant resolution in the claim stage: the declarant's person_name, rank and book role
on each document, added once as fields, used by the policy and the flags."""

import json
from pathlib import Path

import pandas as pd

from pipeline import assemble, claims
from pipeline.declarant import declarant_name, find_in_list, merge_fields, resolve_claim
from pipeline.flags import name_mismatch
from pipeline.intake import Candidate, ManifestRow
from pipeline.policy import propose
from pipeline.understand import DocRecord
from schemas.document import BBox, DocumentText, Page
from schemas.kinds import DocKind, FlagCode, TextSource
from schemas.records import ClaimContext, ClaimDocument, ExtractedField, KindGuess

LIST_BOX = BBox(x0=10, y0=200, x1=400, y1=230)


def doc(kind, text="", doc_id=None, **fields):
    rows = []
    for k, v in fields.items():
        value = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)
        rows.append(ExtractedField(name=k, value=value, confidence=0.8, page=1, bbox=LIST_BOX))
    return ClaimDocument(doc_id=doc_id or f"d-{kind}", path=f"p1/c1/{kind}.pdf", doc_kind=DocKind(kind),
                         doc_kind_confidence=0.9, text=text, fields=rows, char_count=len(text))


def claim(*docs, name="王小明"):
    return ClaimContext(claim_id="c1", person_id="p1", year=2023, person_name=name, documents=list(docs))


def fields_of(d: ClaimDocument) -> dict[str, ExtractedField]:
    out = {}
    for f in d.fields:
        assert f.name not in out, f"two rows of {f.name}"
        out[f.name] = f
    return out


def test_patent_rank_and_name_with_the_lists_place():
    ctx = resolve_claim(claim(doc("patent_certificate", inventors=["张三", "王小明", "李四"], patent_type="invention")))
    f = fields_of(ctx.documents[0])
    assert f["inventor_rank"].value == "2" and f["person_name"].value == "王小明"
    assert f["inventor_rank"].page == 1 and f["inventor_rank"].bbox == LIST_BOX and 0 < f["inventor_rank"].confidence < 1


def test_ocr_variant_in_a_list_is_the_declarant():
    ctx = resolve_claim(claim(doc("project_proof", members=["甲乙", "王小朋", "丙丁"])))
    f = fields_of(ctx.documents[0])
    assert f["member_rank"].value == "2" and f["person_name"].value == "王小明"  # as printed; OCR read 朋


def test_printed_name_with_a_look_alike_glyph_is_the_declarant():
    ctx = resolve_claim(claim(doc("assessment_proof", person_name="沈字"), name="沈宇"))  # 宇 read 字
    f = fields_of(ctx.documents[0])
    assert f["person_name"].value == "沈宇" and f["person_name"].confidence < 0.8
    ctx = resolve_claim(claim(doc("assessment_proof", person_name="李滔"), name="李涛"))  # 涛/滔: another person
    assert fields_of(ctx.documents[0])["person_name"].value == "李滔"


def test_glued_list_entries_are_split():
    ctx = resolve_claim(claim(doc("journal_pages", authors=["卢燕·曾林·武磊", "赖婷"]), name="武磊"))
    assert fields_of(ctx.documents[0])["author_rank"].value == "3"
    ctx = resolve_claim(claim(doc("project_proof", members=["陈红", "邱萍", "魏子豪·曹美玲", "白健"]), name="曹美玲"))
    assert fields_of(ctx.documents[0])["member_rank"].value == "4"
    assert find_in_list("买买提·艾力", ["买买提·艾力", "张三"]).rank == 1  # a real middle dot stays


def test_two_character_names_need_more_than_the_surname():
    ctx = resolve_claim(claim(doc("journal_pages", articles=[{"title": "甲", "authors": ["石晶", "谢涛"]}]), name="谢敏"))
    assert "author_rank" not in fields_of(ctx.documents[0]) and "person_name" not in fields_of(ctx.documents[0])


def test_written_rank_beats_a_one_name_list():
    ctx = resolve_claim(claim(doc("award_certificate", awardees=["王小明"], awardee_rank="3", person_name="王小明")))
    f = fields_of(ctx.documents[0])
    assert f["awardee_rank"].value == "3" and f["person_name"].value == "王小明"


def test_book_role_and_a_cover_naming_somebody_else():
    cover = doc("book_pages", doc_id="cover", editors={"主编": ["金建华"]}, role="主编")
    inner = doc("book_pages", doc_id="inner", editors={"主编": ["金建华"], "副主编": ["李四"], "编委": ["林超", "王小明"]})
    ctx = resolve_claim(claim(cover, inner))
    by_id = {d.doc_id: fields_of(d) for d in ctx.documents}
    assert "role" not in by_id["cover"]  # the cover's 主编 is 金建华, not the declarant
    assert by_id["inner"]["role"].value == "参编" and by_id["inner"]["person_name"].value == "王小明"
    p = propose(ctx, 6, None)
    assert (p.hours, p.rule_id) == (20, "6.book.contributor")


def test_name_found_in_running_text():
    text = "关于职业教育产教融合情况的调研报告\n郑州市畜牧技术服务中心姜海燕何华 赖晓燕\n为深入了解……"
    ctx = resolve_claim(claim(doc("leader_endorsement", text=text, authors=["赖晓燕"], person_name="赖晓燕"), name="姜海燕"))
    assert fields_of(ctx.documents[0])["person_name"].value == "姜海燕"


def test_two_character_name_with_a_look_alike_glyph_after_its_label():
    """'姓名：候佳' on a photo is 侯佳 (the extractor found no name: 候 is no surname); a
    two-character name elsewhere in running text is not matched so loosely."""
    ctx = resolve_claim(claim(doc("transcript", text="进修学员成绩证明\n姓名：候佳\n学员编号：2023"), name="侯佳"))
    assert fields_of(ctx.documents[0])["person_name"].value == "侯佳"
    ctx = resolve_claim(claim(doc("transcript", text="进修学员成绩证明\n指导老师候佳明\n"), name="侯佳"))
    assert "person_name" not in fields_of(ctx.documents[0])


def test_a_labelled_name_cell_read_with_look_alike_slips_is_the_declarant():
    """A form's '姓名' cell read as its own line under the label, its characters misread as
    look-alikes that make no real name ('阀浩' for 阎浩: 阀 is no surname; '美一鸡' for 姜一鸣);
    a cell naming someone with a real surname stays that person (黄桂英 is not 龚桂英)."""
    for printed, declarant in (("阀浩", "阎浩"), ("美一鸡", "姜一鸣"), ("宽志强", "贾志强")):
        text = f"继续教育培训合格证\n姓名\n{printed}\n性别\n男\n身份证号\n411102199609193014"
        ctx = resolve_claim(claim(doc("completion_certificate", text=text), name=declarant))
        assert fields_of(ctx.documents[0])["person_name"].value == declarant, printed
    text = "继续教育培训合格证\n姓名\n黄桂英\n性别\n女"
    ctx = resolve_claim(claim(doc("completion_certificate", text=text, person_name="黄桂英"), name="龚桂英"))
    assert fields_of(ctx.documents[0])["person_name"].value == "黄桂英"
    assert [f.code for f in name_mismatch(ctx)] == [FlagCode.name_mismatch]
    # an unlike glyph in the cell (本 for 阎) is no slip: no name is found
    ctx = resolve_claim(claim(doc("completion_certificate", text="姓名\n本浩\n性别"), name="阎浩"))
    assert "person_name" not in fields_of(ctx.documents[0])


def test_single_person_documents_keep_a_different_name():
    """A borrowed certificate: the name on it is someone else's, and stays so (flagged)."""
    ctx = resolve_claim(claim(doc("qualification_certificate", text="姓名：许国庆", person_name="许国庆"), name="史刚"))
    assert fields_of(ctx.documents[0])["person_name"].value == "许国庆"
    assert [f.code for f in name_mismatch(ctx)] == [FlagCode.name_mismatch]


def test_absent_from_the_list_leaves_the_rank_unknown_and_flags():
    ctx = resolve_claim(claim(doc("patent_certificate", inventors=["张三", "李四"], grant_date="2023-06-01",
                                  patent_type="invention")))
    assert "inventor_rank" not in fields_of(ctx.documents[0])
    flags = name_mismatch(ctx)
    assert [f.code for f in flags] == [FlagCode.name_mismatch] and "发明人" in flags[0].message
    assert propose(ctx, 7, None).hours == 0


def test_without_a_manifest_name_the_certificates_name_is_used():
    cert = doc("employer_proof", doc_id="ep", person_name="王小明")
    pat = doc("patent_certificate", doc_id="pat", inventors=["张三", "王小明"], patent_type="utility_model",
              grant_date="2023-03-01")
    ctx = claim(cert, pat, name=None)
    assert declarant_name(ctx) == ("王小明", "documents")
    ctx = resolve_claim(ctx)
    assert fields_of(ctx.documents[1])["inventor_rank"].value == "2"
    assert propose(ctx, 7, None).rule_id == "7.utility_model.2"
    assert name_mismatch(claim(pat, name=None)) == []  # nobody to compare with


def test_resolving_twice_adds_nothing():
    d = doc("patent_certificate", inventors=["张三", "王小明"], person_name="张三")
    once = resolve_claim(claim(d))
    twice = resolve_claim(once)
    assert [f.model_dump() for f in once.documents[0].fields] == [f.model_dump() for f in twice.documents[0].fields]
    assert [f.name for f in twice.documents[0].fields].count("person_name") == 1
    assert merge_fields(d.fields, {}) == d.fields


def _record(tmp_path: Path, name: str, kind: DocKind, fields: list[ExtractedField]) -> DocRecord:
    cand = Candidate(path=tmp_path / name, rel=f"P1/C1/{name}", person_id="P1", claim_id="C1", size=1, sha256=name * 4)
    text = DocumentText(source=TextSource.pdf_text, pages=[Page(number=1, width=100, height=100, lines=[])])
    return DocRecord(cand=cand, text=text, kind=KindGuess(kind=kind, confidence=0.9), fields=fields)


def test_fields_are_landed_once_for_new_documents_only(tmp_path):
    """First run: the patent is new, its resolved rank and name land with it. Second run: a
    new document joins the claim; the patent (landed) is recomputed but not landed again,
    and it carries one row per field."""
    manifest = {("P1", "C1"): ManifestRow(person_id="P1", claim_id="C1", person_name="王小明", year=2023)}
    inventors = ExtractedField(name="inventors", value='["张三", "王小明"]', confidence=0.8, page=1, bbox=LIST_BOX)
    patent = _record(tmp_path, "a", DocKind.patent_certificate, [inventors])
    empty = pd.DataFrame()
    results = claims.classify_claims(claims.build_contexts([patent], empty, empty, manifest, 2023))
    frame = assemble.fields_frame([patent], "run1", results)
    assert sorted(frame["name"]) == ["inventor_rank", "inventors", "person_name"]
    rank = frame[frame["name"] == "inventor_rank"].iloc[0]
    assert rank["value"] == "2" and rank["page"] == 1 and json.loads(rank["bbox"])["y0"] == 200
    assert patent.fields == [inventors]  # the extractor's record is left as it was

    landed = pd.DataFrame([dict(doc_id=patent.doc_id, path=patent.cand.rel, person_id="P1", claim_id="C1",
                                doc_kind="patent_certificate", doc_kind_confidence=0.9, text="", mean_confidence=1.0,
                                char_count=0)])
    proof = _record(tmp_path, "b", DocKind.employer_proof,
                    [ExtractedField(name="person_name", value="王小明", confidence=0.9)])
    results = claims.classify_claims(claims.build_contexts([proof], landed, frame, manifest, 2023))
    old = next(d for d in results[0].ctx.documents if d.doc_id == patent.doc_id)
    assert sorted(f.name for f in old.fields) == ["inventor_rank", "inventors", "person_name"]
    frame2 = assemble.fields_frame([proof], "run2", results)
    assert set(frame2["doc_id"]) == {proof.doc_id} and list(frame2["name"]) == ["person_name"]


def test_a_date_without_a_year_takes_the_claims_year(tmp_path):
    """A leader's '蔡婷 3.19' on a page naming no year: issue_date in the claim's year, less sure
    than the month and day read; lands once, and the extractor's record is left as it was."""
    manifest = {("P1", "C1"): ManifestRow(person_id="P1", claim_id="C1", person_name="王小明", year=2023)}
    md = ExtractedField(name="issue_month_day", value="--03-19", confidence=0.7, page=1, bbox=LIST_BOX)
    rec = _record(tmp_path, "a", DocKind.leader_endorsement, [md])
    results = claims.classify_claims(claims.build_contexts([rec], pd.DataFrame(), pd.DataFrame(), manifest, 2023))
    frame = assemble.fields_frame([rec], "run1", results)
    got = frame[frame["name"] == "issue_date"]
    assert list(got["value"]) == ["2023-03-19"] and got.iloc[0]["confidence"] < 0.7 and got.iloc[0]["page"] == 1
    assert rec.fields == [md]
    leap = _record(tmp_path, "b", DocKind.leader_endorsement, [md.model_copy(update={"value": "--02-29"})])
    results = claims.classify_claims(claims.build_contexts([leap], pd.DataFrame(), pd.DataFrame(), manifest, 2023))
    assert "issue_date" not in set(assemble.fields_frame([leap], "run1", results)["name"])


def test_plans_landed_earlier_are_found(tmp_path):
    from pipeline import store

    db = tmp_path / "x.duckdb"
    docs = pd.DataFrame([dict(doc_id="pf1", claim_id="C9", person_id="P9", path="P9/C9/plan.pdf", sha256="s",
                              doc_kind="plan_filing", text_source="pdf_text")])
    fields = pd.DataFrame([dict(doc_id="pf1", name="trainings", value='["2023年院感防控专业技术人员培训班"]', confidence=0.8),
                           dict(doc_id="pf1", name="year", value="2023", confidence=0.9),
                           dict(doc_id="pf1", name="filer", value="新乡市卫生健康委员会", confidence=0.9)])
    store.land(db, store.Batch(frames={"documents": docs, "fields": fields}))
    plans = claims.landed_plans(db)
    assert [(p.trainings, p.year, p.filer) for p in plans] == [(("2023年院感防控专业技术人员培训班",), 2023, "新乡市卫生健康委员会")]
    assert claims.landed_plans(tmp_path / "none.duckdb") == []
