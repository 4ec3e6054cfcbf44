"""Hour proposals under the default policy (rules/luohe_2018.toml) and policy overrides."""

import json

import pytest

from pipeline.policy import load_policy, propose
from pipeline.policy.engine import DEFAULT_POLICY
from schemas.kinds import DocKind
from schemas.records import ClaimContext, ClaimDocument, ExtractedField


def doc(kind, **fields):
    values = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)) for k, v in fields.items()}
    return ClaimDocument(doc_id=f"d-{kind}", path=f"p/{kind}.pdf", doc_kind=DocKind(kind), doc_kind_confidence=0.9,
                         fields=[ExtractedField(name=k, value=v) for k, v in values.items()])


def claim(*docs, year=2023, name="王小明"):
    return ClaimContext(claim_id="c1", person_id="p1", year=year, person_name=name, documents=list(docs))


POLICY = load_policy()


def test_policy_file_has_every_rule_with_assumed_flag():
    expected = {"1.stated", "1.per_day", "2.stated", "2.per_day", "3.courses", "4.national", "4.provincial",
                "5.national.main", "5.national.sub", "5.provincial.main", "5.provincial.sub", "6.paper.national",
                "6.paper.provincial", "6.book.chief_editor", "6.book.deputy_editor", "6.book.contributor",
                "7.invention", "7.utility_model", "7.design", "8.national", "8.provincial", "8.city", "9.pass",
                "10.provincial", "10.city", "10.county", "11.six_months", "11.per_month", "12.per_day", "13.stated",
                "14.stated", "15.maternity", "15.sick", "15.overseas", "16.route", "year.out_of_year"}
    assert expected <= set(POLICY.rules)
    assert all(isinstance(r.get("assumed"), bool) for r in POLICY.rules.values())
    assumed = {rid for rid, r in POLICY.rules.items() if r["assumed"]}
    assert {"1.per_day", "6.paper.national", "7.invention", "8.provincial", "10.city", "11.six_months", "12.per_day"} <= assumed
    assert not assumed & {"1.stated", "3.courses", "4.national", "5.national.main", "9.pass", "15.maternity"}
    assert POLICY.annual == {"required_hours": 90, "public_hours": 30, "compulsory_hours": 24, "professional_hours": 60}
    assert POLICY.rules["5.national.main"]["by_rank"] == [64, 56, 48, 40, 32]


def test_patent_second_inventor():
    p = propose(claim(doc("patent_certificate", patent_type="invention", inventors=["张三", "王小明", "李四"],
                          grant_date="2023-06-13")), 7, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (50, "7.invention", True)
    assert p.explanation == "发明专利，第2发明人，授权公告日2023-06-13 → 50学时（规则7.invention.2，暂定标准）"


def test_patent_granted_in_another_year_is_zero():
    p = propose(claim(doc("patent_certificate", patent_type="utility_model", inventors=["王小明"],
                          grant_date="2022-11-01")), 7, POLICY)
    assert (p.hours, p.rule_id) == (0, "year.out_of_year") and "不在2023年度" in p.explanation


def test_patent_fourth_inventor_gets_nothing_and_ocr_name_matches():
    p = propose(claim(doc("patent_certificate", patent_type="design", inventors=["甲一", "乙二", "丙三", "王小明"],
                          grant_date="2023-02-01")), 7, POLICY)
    assert p.hours == 0
    p = propose(claim(doc("patent_certificate", patent_type="design", inventors=["王小朋"], grant_date="2023-02-01")), 7, POLICY)
    assert p.hours == 30 and "OCR近似匹配" in p.explanation


def test_training_stated_and_per_day():
    p = propose(claim(doc("completion_certificate", hours_stated="40", start_date="2023-05-08", end_date="2023-05-12")), 1, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (40, "1.stated", False)
    p = propose(claim(doc("training_notice", start_date="2023-05-08", end_date="2023-05-10", title="护理培训班")), 2, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (24, "2.per_day", True) and "3天×8学时" in p.explanation


def test_training_without_hours_or_days_is_no_proposal():
    p = propose(claim(doc("completion_certificate", issue_date="2023-05-08")), 2, POLICY)
    assert p.hours is None and "需人工核定" in p.explanation


def test_department_training_marks_pending_plan_check():
    p = propose(claim(doc("training_notice", hours_stated="16", start_date="2023-04-01", end_date="2023-04-02")), 13, POLICY)
    assert (p.hours, p.rule_id) == (16, "13.stated") and "年度培训计划备案尚未核对" in p.explanation


def test_courses_in_declaration_year():
    courses = [{"course": "甲", "passed": True, "year": 2023}, {"course": "乙", "passed": False, "year": 2023},
               {"course": "丙", "passed": True, "year": 2022}, {"course": "丁", "passed": True, "year": None}]
    p = propose(claim(doc("transcript", courses=courses)), 3, POLICY)
    assert (p.hours, p.rule_id) == (30, "3.courses") and "1门未注明学期" in p.explanation


@pytest.mark.parametrize("level, words, hours, rule", [
    ("national", None, 12, "4.national"), ("national", "3500", 20, "4.national"), ("national", "1800", 18, "4.national"),
    ("provincial", "2500", 14, "4.provincial"), ("city", None, 0, "4.other"),
])
def test_conference(level, words, hours, rule):
    docs = [doc("conference_notice", level=level, start_date="2023-09-14", end_date="2023-09-17")]
    if words:
        docs.append(doc("presentation_proof", word_count=words))
    p = propose(claim(*docs), 4, POLICY)
    assert (p.hours, p.rule_id) == (hours, rule)


@pytest.mark.parametrize("level, role, members, hours, rule", [
    ("national", "main", ["甲", "乙", "王小明"], 48, "5.national.main"),
    ("national", "sub", ["王小明"], 48, "5.national.sub"),
    ("provincial", "main", ["甲", "王小明"], 48, "5.provincial.main"),
    ("provincial", "sub", ["甲", "乙", "王小明"], 24, "5.provincial.sub"),
    ("provincial", "main", ["甲", "乙", "丙", "王小明"], 0, "5.other"),
    ("city", "main", ["王小明"], 0, "5.other"),
])
def test_projects(level, role, members, hours, rule):
    p = propose(claim(doc("project_proof", project_level=level, project_role=role, members=members,
                          start_date="2023-01", end_date="2024-12")), 5, POLICY)
    assert (p.hours, p.rule_id) == (hours, rule)


def test_paper_and_book():
    p = propose(claim(doc("journal_pages", level="national", authors=["王小明", "李四"], year="2023",
                          journal_name="中国实用护理杂志")), 6, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (40, "6.paper.national", True)
    p = propose(claim(doc("journal_pages", authors=["李四", "赵六", "王小明"], year="2023")), 6, POLICY)
    assert (p.hours, p.rule_id) == (10, "6.paper.provincial")
    p = propose(claim(doc("book_pages", editors={"主编": ["张三"], "副主编": ["王小明"]}, issue_date="2023-05")), 6, POLICY)
    assert (p.hours, p.rule_id) == (40, "6.book.deputy_editor")


@pytest.mark.parametrize("level, grade, rank, hours", [
    ("national", None, 1, 60), ("national", None, 3, 48), ("provincial", "二等", 3, 38),
    ("provincial", "一等", 1, 60), ("city", "三等", 5, 0), ("city", "一等", 2, 34),
])
def test_awards(level, grade, rank, hours):
    fields = {"award_level": level, "awardee_rank": rank, "issue_date": "2023-12-20"}
    if grade:
        fields["award_grade"] = grade
    p = propose(claim(doc("award_certificate", **fields)), 8, POLICY)
    assert p.hours == hours and p.rule_id == f"8.{level}"


def test_qualification_endorsement_assignment_service():
    assert propose(claim(doc("qualification_certificate", pass_date="2023-05")), 9, POLICY).hours == 60
    p = propose(claim(doc("leader_endorsement", leader_level="city", issue_date="2023-08-16")), 10, POLICY)
    assert (p.hours, p.rule_id) == (30, "10.city")
    p = propose(claim(doc("assignment_document", start_date="2022-08", end_date="2024-08")), 11, POLICY)
    assert (p.hours, p.rule_id) == (60, "11.six_months")
    p = propose(claim(doc("assignment_document", start_date="2023-09-01", end_date="2024-08-31")), 11, POLICY)
    assert (p.hours, p.rule_id) == (40, "11.per_month")
    p = propose(claim(doc("service_notice", days="5", start_date="2023-07-10", end_date="2023-07-14")), 12, POLICY)
    assert (p.hours, p.rule_id) == (40, "12.per_day")
    p = propose(claim(doc("service_notice", days="10", start_date="2023-07-01", end_date="2023-07-10")), 12, POLICY)
    assert p.hours == 60  # capped


@pytest.mark.parametrize("kind, start, end, hours", [
    ("maternity", "2023-01-01", "2023-07-01", 30),  # the seed's own example: half a year → 30
    ("maternity", "2023-04-01", "2023-09-06", 26),
    ("sick", "2023-01-05", "2023-05-04", 0),  # not over 6 months
    ("sick", "2023-01-05", "2023-08-04", 35),
    ("overseas", "2022-09-01", "2023-08-31", 40),  # only the 8 months inside 2023 count
])
def test_absence(kind, start, end, hours):
    doc_kind = {"sick": "sick_leave_proof"}.get(kind, f"{kind}_proof")
    p = propose(claim(doc(doc_kind, leave_kind=kind, leave_start=start, leave_end=end)), 15, POLICY)
    assert (p.hours, p.rule_id) == (hours, f"15.{kind}")


def test_category_16_routes():
    p = propose(claim(doc("other")), 16, POLICY)
    assert (p.hours, p.rule_id) == (None, "16.route") and "市人社局" in p.explanation


def test_policy_override_file(tmp_path):
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("by_rank = [60, 50, 40]", "by_rank = [80, 70, 60]")
    path = tmp_path / "city_2024.toml"
    path.write_text(text, encoding="utf-8")
    p = propose(claim(doc("patent_certificate", patent_type="invention", inventors=["王小明"], grant_date="2023-06-13")),
                7, load_policy(path))
    assert p.hours == 80


def test_book_role_found_on_any_page():
    cover = doc("book_pages", editors={"主编": ["金建华"]}, role="主编", issue_date="2023-07")
    title_page = doc("book_pages", editors={"主编": ["金建华"], "参编": ["林超", "王小明"]})
    p = propose(claim(cover, title_page), 6, POLICY)
    assert (p.hours, p.rule_id) == (20, "6.book.contributor")


def test_paper_rank_from_contents_page_articles():
    toc = doc("journal_pages", level="national", year="2023", authors=["袁立新", "邱雨萱"],
              articles=[{"title": "甲", "authors": ["袁立新", "邱雨萱"]}, {"title": "乙", "authors": ["李四", "王小明"]}])
    p = propose(claim(toc), 6, POLICY)
    assert (p.hours, p.rule_id) == (30, "6.paper.national")
