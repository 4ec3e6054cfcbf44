"""Each implemented flag, positive and negative, and check_claim over a whole claim."""

import json

from pipeline.flags import (
    assumed_rule, check_claim, city_hr_review, invalid_checksum, low_confidence, missing_evidence, name_mismatch,
    no_seal, out_of_year, unfiled_plan, unreadable)
from pipeline.policy import load_policy, propose
from schemas.kinds import DocKind, FlagCode, Severity
from schemas.records import CategoryGuess, ClaimContext, ClaimDocument, ExtractedField, Proposal

POLICY = load_policy()


def doc(kind, path=None, text="某某材料的正文内容，足够长的文字用于测试。", conf=0.9, read=0.95, **fields):
    values = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)) for k, v in fields.items()}
    return ClaimDocument(doc_id=f"d-{kind}", path=path or f"p1/c1/{kind}.pdf", doc_kind=DocKind(kind),
                         doc_kind_confidence=conf, text=text, char_count=len(text), mean_confidence=read,
                         fields=[ExtractedField(name=k, value=v) for k, v in values.items()])


def claim(*docs, name="王小明", declared=None):
    return ClaimContext(claim_id="c1", person_id="p1", year=2023, person_name=name, declared_category=declared,
                        documents=list(docs))


def codes(flags):
    return [f.code for f in flags]


def test_out_of_year():
    flags = out_of_year(claim(doc("patent_certificate", grant_date="2021-06-13")), 7)
    assert codes(flags) == [FlagCode.out_of_year] and flags[0].severity == Severity.error and "2021-06-13" in flags[0].message
    assert out_of_year(claim(doc("patent_certificate", grant_date="2023-06-13")), 7) == []
    assert out_of_year(claim(doc("completion_certificate", start_date="2022-12-28", end_date="2023-01-03")), 2) == []
    assert out_of_year(claim(doc("completion_certificate")), 2) == []  # undated: nothing to say


def test_out_of_year_transcript():
    old = [{"course": "甲", "passed": True, "year": 2021}]
    assert codes(out_of_year(claim(doc("transcript", courses=old)), 3)) == [FlagCode.out_of_year]
    assert out_of_year(claim(doc("transcript", courses=old + [{"course": "乙", "year": 2023}])), 3) == []


def test_name_mismatch():
    flags = name_mismatch(claim(doc("completion_certificate", person_name="李四")))
    assert codes(flags) == [FlagCode.name_mismatch] and "completion_certificate.pdf" in flags[0].message
    assert name_mismatch(claim(doc("completion_certificate", person_name="王小明"))) == []
    assert name_mismatch(claim(doc("completion_certificate", person_name="王小朋"))) == []  # OCR-confusable
    assert codes(name_mismatch(claim(doc("completion_certificate", person_name="王晓明")))) == [FlagCode.name_mismatch]
    assert name_mismatch(claim(doc("policy_notice", person_name="李四"))) == []  # not about a person


def test_name_missing_from_list():
    flags = name_mismatch(claim(doc("patent_certificate", inventors=["张三", "李四"])))
    assert codes(flags) == [FlagCode.name_mismatch] and "发明人" in flags[0].message
    assert name_mismatch(claim(doc("patent_certificate", inventors=["张三", "王小明"]))) == []
    assert name_mismatch(claim(doc("patent_certificate", inventors=["张三"]), name=None)) == []


def test_missing_evidence():
    flags = missing_evidence(claim(doc("completion_certificate")), 2, POLICY)
    messages = " ".join(f.message for f in flags)
    assert codes(flags) == [FlagCode.missing_evidence] * 2 and "培训通知" in messages and "单位证明" in messages
    assert missing_evidence(claim(doc("training_notice"), doc("completion_certificate"), doc("employer_proof")), 2, POLICY) == []
    core = missing_evidence(claim(doc("employer_proof")), 7, POLICY)
    assert core[0].severity == Severity.error and "专利证书" in core[0].message
    assert all(f.severity == Severity.warning for f in missing_evidence(claim(), 1, POLICY))  # bases declare in bulk
    assert missing_evidence(claim(doc("journal_pages")), 6, POLICY) == []  # journal or book


def test_missing_hospital_proof_for_sick_leave():
    flags = missing_evidence(claim(doc("employer_proof", leave_kind="sick")), 15, POLICY)
    assert codes(flags) == [FlagCode.missing_evidence] and "病假" in flags[0].message
    assert missing_evidence(claim(doc("employer_proof", leave_kind="maternity")), 15, POLICY) == []


def test_invalid_checksum():
    bad = claim(doc("patent_certificate", patent_number="ZL202110123456.8"), doc("journal_pages", issn="1672-7089"),
                doc("qualification_certificate", id_number="410102198506123011"))
    flags = invalid_checksum(bad)
    assert codes(flags) == [FlagCode.invalid_checksum] * 3 and "专利号" in flags[0].message
    good = claim(doc("patent_certificate", patent_number="ZL202110123456.7"), doc("journal_pages", issn="1672-7088"),
                 doc("book_pages", isbn="9787564598761"), doc("qualification_certificate", id_number="410102198506123018"))
    assert invalid_checksum(good) == []


def test_no_seal():
    flags = no_seal(claim(doc("employer_proof", has_seal="false")))
    assert codes(flags) == [FlagCode.no_seal] and flags[0].doc_id == "d-employer_proof"
    assert no_seal(claim(doc("employer_proof", has_seal="true"))) == []
    assert no_seal(claim(doc("completion_certificate", has_seal="false"))) == []  # only employer proofs


def test_assumed_rule():
    assert codes(assumed_rule(Proposal(hours=50, rule_id="7.invention", assumed=True, explanation=""))) == [FlagCode.assumed_rule]
    assert assumed_rule(Proposal(hours=40, rule_id="1.stated", assumed=False, explanation="")) == []
    assert assumed_rule(None) == []


def test_low_confidence():
    guess = CategoryGuess(category=7, confidence=0.9, reason="")
    assert low_confidence(claim(doc("patent_certificate")), guess) == []
    assert codes(low_confidence(claim(doc("patent_certificate", conf=0.3)), guess)) == [FlagCode.low_confidence]
    assert codes(low_confidence(claim(doc("patent_certificate", read=0.4)), guess)) == [FlagCode.low_confidence]
    weak = CategoryGuess(category=2, confidence=0.3, reason="仅有单位证明")
    assert codes(low_confidence(claim(doc("employer_proof")), weak)) == [FlagCode.low_confidence]


def test_declared_category_disagreement():
    guess = CategoryGuess(category=7, confidence=0.9, reason="")
    flags = low_confidence(claim(doc("patent_certificate"), declared=8), guess)
    assert codes(flags) == [FlagCode.low_confidence] and "申报类别8与识别类别7不一致" in flags[0].message
    assert low_confidence(claim(doc("patent_certificate"), declared=7), guess) == []


def test_unreadable():
    flags = unreadable(claim(doc("other", text="  模糊 ")))
    assert codes(flags) == [FlagCode.unreadable] and flags[0].severity == Severity.error
    assert unreadable(claim(doc("other"))) == []


def test_city_hr_review():
    assert codes(city_hr_review(16)) == [FlagCode.city_hr_review]
    assert city_hr_review(2) == []


def test_check_claim_end_to_end():
    ctx = claim(doc("patent_certificate", patent_number="ZL202110123456.8", patent_type="invention",
                    inventors=["张三", "李四"], grant_date="2021-06-13"), declared=8)
    guess = CategoryGuess(category=7, confidence=0.95, reason="含专利证书")
    proposal = propose(ctx, 7, POLICY)
    found = set(codes(check_claim(ctx, guess, proposal, POLICY)))
    assert found == {FlagCode.out_of_year, FlagCode.name_mismatch, FlagCode.invalid_checksum, FlagCode.low_confidence}
    assert proposal.rule_id == "year.out_of_year"  # out of year, so no assumed rule applied


def test_name_lists_are_checked_across_the_claim():
    cover = doc("book_pages", path="p1/c1/cover.jpg", authors=["金建华"])
    inner = doc("book_pages", path="p1/c1/title.jpg", authors=["金建华", "王小明"])
    assert name_mismatch(claim(cover, inner)) == []
    flags = name_mismatch(claim(cover))
    assert codes(flags) == [FlagCode.name_mismatch] and "cover.jpg" in flags[0].message


def test_name_mismatch_once_per_document_and_glued_lists():
    # the name on the patent differs and the declarant is not among its inventors: one flag
    flags = name_mismatch(claim(doc("patent_certificate", person_name="张三", inventors=["张三", "李四"])))
    assert codes(flags) == [FlagCode.name_mismatch]
    # an OCR-glued list entry still holds the declarant
    assert name_mismatch(claim(doc("journal_pages", authors=["李四·王小明", "赵六"]))) == []


def test_name_mismatch_without_a_manifest_name():
    """No manifest name: the single-person documents' name is the declarant's."""
    ep = doc("employer_proof", path="p1/c1/proof.pdf", person_name="王小明")
    cert = doc("completion_certificate", path="p1/c1/cert.pdf", person_name="李四")
    ep2 = doc("assessment_proof", path="p1/c1/assess.pdf", person_name="王小明")
    flags = name_mismatch(claim(ep, cert, ep2, name=None))
    assert codes(flags) == [FlagCode.name_mismatch] and "cert.pdf" in flags[0].message
    assert name_mismatch(claim(ep, name=None)) == []


def test_unfiled_plan():
    notice = doc("training_notice", title="2023年医院感染预防与控制专业技术人员培训班", hours_stated="16",
                 organizer="新乡市卫生健康委员会", start_date="2023-04-01", end_date="2023-04-02")
    other_plan = doc("plan_filing", trainings=["2023年急危重症救治技术专业技术人员培训班"], filer="新乡市卫生健康委员会", year="2023")
    ctx = claim(notice, other_plan)
    proposal = propose(ctx, 13, POLICY)
    flags = unfiled_plan(13, proposal)
    assert codes(flags) == [FlagCode.unfiled_plan] and "未列入备案的年度培训计划" in flags[0].message
    assert FlagCode.unfiled_plan in codes(check_claim(ctx, CategoryGuess(category=13, confidence=0.9), proposal, POLICY))
    filed = claim(notice, doc("plan_filing", trainings=["2023年医院感染预防与控制专业技术人员培训班"], year="2023"))
    assert unfiled_plan(13, propose(filed, 13, POLICY)) == []
    assert unfiled_plan(2, propose(ctx, 2, POLICY)) == []


def test_name_mismatch_tolerates_look_alike_glyphs_not_other_names():
    """An OCR slip between look-alike characters no table lists (字/宇) is the same person;
    a different character sharing a radical (涛/滔) is not."""
    from pipeline.glyphs import glyph_similarity

    assert glyph_similarity("字", "宇") > 0.8 > glyph_similarity("涛", "滔")
    assert name_mismatch(claim(doc("completion_certificate", person_name="徐字"), name="徐宇")) == []
    assert codes(name_mismatch(claim(doc("completion_certificate", person_name="张滔"), name="张涛"))) == [FlagCode.name_mismatch]
    assert codes(name_mismatch(claim(doc("completion_certificate", person_name="宇明"), name="字明"))) == [FlagCode.name_mismatch]
