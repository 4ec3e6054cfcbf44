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
    assert (p.hours, p.rule_id, p.assumed) == (50, "7.invention.2", True)
    assert p.explanation == "发明专利，第2发明人，授权公告日2023-06-13 → 50学时（规则7.invention.2，暂定标准）"


def test_patent_granted_in_another_year_is_zero():
    p = propose(claim(doc("patent_certificate", patent_type="utility_model", inventors=["王小明"],
                          grant_date="2022-11-01")), 7, POLICY)
    assert (p.hours, p.rule_id) == (0, "year.out_of_year") and "不在2023年度" in p.explanation


def test_patent_fourth_inventor_gets_nothing_and_ocr_name_matches():
    p = propose(claim(doc("patent_certificate", patent_type="design", inventors=["甲一", "乙二", "丙三", "王小明"],
                          grant_date="2023-02-01")), 7, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (0, "7.other", True)
    p = propose(claim(doc("patent_certificate", patent_type="design", inventors=["王小朋"], grant_date="2023-02-01")), 7, POLICY)
    assert (p.hours, p.rule_id) == (30, "7.design.1") and "OCR近似匹配" in p.explanation


def test_training_stated_and_per_day():
    p = propose(claim(doc("completion_certificate", hours_stated="40", start_date="2023-05-08", end_date="2023-05-12")), 1, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (40, "1.stated", False)
    p = propose(claim(doc("training_notice", start_date="2023-05-08", end_date="2023-05-10", title="护理培训班")), 2, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (24, "2.per_day", True) and "3天×8学时" in p.explanation


def test_days_and_title_are_what_most_of_the_training_documents_read():
    """The certificate photo reads 3 days and '心理建康'; the notice and the employer's proof
    read 4 days and '心理健康': 4 days × 8, under the title most documents give."""
    title = "2023年心理健康教育实务专业科目培训班"
    p = propose(claim(doc("completion_certificate", days="3", title=title.replace("健", "建")),
                      doc("training_notice", days="4", title=title), doc("employer_proof", days="4", title=title)), 1, POLICY)
    assert (p.hours, p.rule_id) == (32, "1.per_day") and p.explanation.startswith(title)


def test_training_without_hours_or_days_is_no_proposal():
    p = propose(claim(doc("completion_certificate", issue_date="2023-05-08")), 2, POLICY)
    assert p.hours is None and "需人工核定" in p.explanation


TRAINING = "2023年医院感染预防与控制专业技术人员培训班"


def _dept_training(*extra, title=TRAINING, organizer="新乡市卫生健康委员会"):
    return claim(doc("training_notice", title=title, organizer=organizer, hours_stated="16",
                     start_date="2023-04-01", end_date="2023-04-02"), *extra)


def _plan(trainings, filer="新乡市卫生健康委员会", year="2023"):
    return doc("plan_filing", trainings=trainings, filer=filer, year=year)


def test_department_training_in_the_claims_filed_plan():
    ok = _dept_training(_plan(["2023年护理质量与安全管理专业技术人员培训班", "2023年医院感染预防与控制专业技术人员培训班"]))
    p = propose(ok, 13, POLICY)
    assert (p.hours, p.rule_id) == (16, "13.stated") and "已列入备案计划" in p.explanation
    # OCR slips in either title, 院内培训 for 内部培训, a truncated table cell: still the same training
    assert propose(_dept_training(_plan(["2023年医院感梁预防与控制专业技术人员培训"])), 13, POLICY).hours == 16
    emp = claim(doc("completion_certificate", title="2023年BIM技术应用与项目管理内部培训", hours_stated="8",
                    organizer="安阳市建筑设计研究院有限公司", start_date="2023-05-10", end_date="2023-05-10"),
                _plan(["2023年BIM技术应用与项目管理院内培训"], filer="安阳市住房和城乡建设局"))
    assert propose(emp, 14, POLICY).hours == 8


def test_a_plan_row_of_the_same_name_by_another_organiser_is_another_training():
    """The plan's table names each row's organiser (training_organizers): a row of the
    claimed training's name held by another unit does not file the claimed one."""
    cert = doc("completion_certificate", title="2023年县域医共体建设与管理院内培训", hours_stated="8",
               organizer="南阳市第一人民医院", start_date="2023-09-10", end_date="2023-09-10")
    plan = doc("plan_filing", trainings=["2023年急危重症救治技术院内培训", "2023年县域医共体建设与管理院内培训"],
               training_organizers=["南阳市第一人民医院", "南阳市妇幼保健院"], filer="南阳市卫生健康委员会", year="2023")
    assert propose(claim(cert, plan), 14, POLICY).rule_id == "14.unfiled"
    ours = doc("plan_filing", trainings=["2023年急危重症救治技术院内培训", "2023年县域医共体建设与管理院内培训"],
               training_organizers=[None, "南阳市第一人民医院"], filer="南阳市卫生健康委员会", year="2023")
    assert propose(claim(cert, ours), 14, POLICY).rule_id == "14.stated"


def test_training_missing_from_the_filed_plan_is_zero():
    p = propose(_dept_training(_plan(["2023年护理质量与安全管理专业技术人员培训班", "2023年急危重症救治技术专业技术人员培训班"])),
                13, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (0, "13.unfiled", False) and "未列入备案的年度培训计划" in p.explanation
    assert propose(_dept_training(), 13, POLICY).rule_id == "13.unfiled"  # no plan at all
    last_year = _dept_training(_plan([TRAINING], year="2022"))
    assert propose(last_year, 13, POLICY).rule_id == "13.unfiled"


def test_a_plan_row_whose_name_did_not_read_is_matched_by_its_month_and_hours():
    """A photographed plan whose names did not read, or read half alike: the training (April,
    16 学时) is in the one such row whose month and hours, where they read, are its own (one
    of them read); a row reading as another training is not it; two fitting rows, or none,
    leave it unfiled."""
    def plan(*rows):
        keys = ("row", "title", "month", "hours")
        return doc("plan_filing", trainings=["2023年护理质量与安全管理专业技术人员培训班"], filer="新乡市卫生健康委员会",
                   year="2023", plan_rows=[dict(zip(keys, r)) for r in rows])

    p = propose(_dept_training(plan((1, None, 5, 12), (2, None, 4, 16), (3, "2023年护理质量与安全管理专业技术人员培训班", 4, 16))),
                13, POLICY)
    assert (p.hours, p.rule_id) == (16, "13.stated") and "第2行，名称未能识别，4月、16学时与本培训相符" in p.explanation
    half = (2, "2023年医院感柒预坊与栓制专业技术人员培训班", 4, None)  # blurred: half alike, hours unread
    p = propose(_dept_training(plan((1, None, 5, 12), half)), 13, POLICY)
    assert p.hours == 16 and "名称读作“2023年医院感柒预坊与栓制专业技术人员培训班”，4月与本培训相符" in p.explanation
    assert propose(_dept_training(plan((1, None, None, 16), (2, None, 7, 12))), 13, POLICY).hours == 16
    for rows in [((1, None, None, 16), (2, None, 4, None)),  # two rows fit
                 ((1, None, 6, 16), (2, None, 4, 8)),  # none fits
                 ((1, "2023年急危重症救治技术专业技术人员培训班", 4, 16), (2, None, 5, 12)),  # another training's row
                 ((1, None, None, None), (2, None, 5, 12))]:  # nothing of the row read
        assert propose(_dept_training(plan(*rows)), 13, POLICY).rule_id == "13.unfiled", rows


def test_a_plan_filed_elsewhere_for_an_organiser_named_without_its_city():
    """'河南省豫通路桥工程有限公司' names no city: its notice's 文号 does ('漯…' is 漯河), so a
    Luoyang bureau's plan listing a training of that name is another unit's; a plan naming the
    firm beside the training holds it wherever it was filed."""
    from pipeline.policy.evidence import FiledPlan, document_number_city

    assert (document_number_city("漯豫通〔2023〕148号"), document_number_city("宛人社[2023]5号")) == ("漯河", "南阳")
    assert document_number_city("豫人社〔2023〕5号") is None and document_number_city("JX1434-24001") is None
    title, firm = "2023年BIM技术应用与项目管理内部培训", "河南省豫通路桥工程有限公司"

    def ctx(number=None):
        extra = {"document_number": number} if number else {}
        return claim(doc("training_notice", title=title, organizer=firm, hours_stated="16",
                         start_date="2023-08-09", end_date="2023-08-10", **extra))

    luoyang = FiledPlan(("2023年BIM技术应用与项目管理院内培训",), 2023, "洛阳市住房和城乡建设局", "other/plan.pdf")
    assert propose(ctx("漯豫通〔2023〕148号"), 14, POLICY, plans=[luoyang]).rule_id == "14.unfiled"
    assert propose(ctx("洛豫通〔2023〕148号"), 14, POLICY, plans=[luoyang]).hours == 16
    assert propose(ctx(), 14, POLICY, plans=[luoyang]).hours == 16  # nothing tells the city: not excluded
    naming = FiledPlan(luoyang.trainings, 2023, "洛阳市住房和城乡建设局", "other/plan.pdf", (firm,))
    assert propose(ctx("漯豫通〔2023〕148号"), 14, POLICY, plans=[naming]).hours == 16


def test_plan_check_uses_plans_filed_elsewhere():
    from pipeline.policy.evidence import FiledPlan

    right = FiledPlan((TRAINING,), 2023, "新乡市卫生健康委员会", "other/claim.pdf")
    assert propose(_dept_training(), 13, POLICY, plans=[right]).hours == 16
    other_city = FiledPlan((TRAINING,), 2023, "南阳市卫生健康委员会", "other/claim.pdf")  # 南阳 ≠ 新乡
    assert propose(_dept_training(), 13, POLICY, plans=[other_city]).hours == 0
    ocr_slip = FiledPlan((TRAINING,), 2023, "新多市卫生健康委员会", "other/claim.pdf")  # one character off: 新乡
    assert propose(_dept_training(), 13, POLICY, plans=[ocr_slip]).hours == 16
    by_other = FiledPlan((TRAINING,), 2023, "新乡市卫生健康委员会", "t", ("新乡市中心医院",))  # listed, other organiser
    assert propose(_dept_training(), 13, POLICY, plans=[by_other]).hours == 0


def test_courses_in_declaration_year():
    courses = [{"course": "甲", "passed": True, "year": 2023}, {"course": "乙", "passed": False, "year": 2023},
               {"course": "丙", "passed": True, "year": 2022}, {"course": "丁", "passed": True, "year": None}]
    p = propose(claim(doc("transcript", courses=courses)), 3, POLICY)
    assert (p.hours, p.rule_id) == (30, "3.courses") and "1门未注明学期" in p.explanation


@pytest.mark.parametrize("level, words, hours, rule", [
    ("national", None, 12, "4.national"), ("national", "3500", 20, "4.national.paper_long"),
    ("national", "1800", 18, "4.national.paper_short"), ("provincial", "2500", 14, "4.provincial.paper_long"),
    ("city", None, 0, "4.other"),
])
def test_conference(level, words, hours, rule):
    docs = [doc("conference_notice", level=level, start_date="2023-09-14", end_date="2023-09-17")]
    if words:
        docs.append(doc("presentation_proof", word_count=words))
    p = propose(claim(*docs), 4, POLICY)
    assert (p.hours, p.rule_id) == (hours, rule)


@pytest.mark.parametrize("level, role, members, hours, rule", [
    ("national", "main", ["甲", "乙", "王小明"], 48, "5.national.main.3"),
    ("national", "sub", ["王小明"], 48, "5.national.sub.1"),
    ("provincial", "main", ["甲", "王小明"], 48, "5.provincial.main.2"),
    ("provincial", "sub", ["甲", "乙", "王小明"], 24, "5.provincial.sub.3"),
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
    assert (p.hours, p.rule_id, p.assumed) == (40, "6.paper.national.1", True)
    p = propose(claim(doc("journal_pages", authors=["李四", "赵六", "王小明"], year="2023")), 6, POLICY)
    assert (p.hours, p.rule_id) == (10, "6.paper.provincial.3")
    p = propose(claim(doc("journal_pages", authors=["李四", "赵六", "孙七", "王小明"], year="2023")), 6, POLICY)
    assert (p.hours, p.rule_id) == (0, "6.other")
    p = propose(claim(doc("book_pages", editors={"主编": ["张三"], "副主编": ["王小明"]}, issue_date="2023-05")), 6, POLICY)
    assert (p.hours, p.rule_id) == (40, "6.book.deputy_editor")


@pytest.mark.parametrize("level, grade, rank, hours, rule", [
    ("national", None, 1, 60, "8.national"), ("national", None, 3, 48, "8.national"),
    ("provincial", "二等", 3, 38, "8.provincial.2"), ("provincial", "一等", 1, 60, "8.provincial.1"),
    ("provincial", "二", 1, 50, "8.provincial.2"),  # a bare grade character reads as 二等
    ("city", "三等", 5, 0, "8.city.3"), ("city", "一等", 2, 34, "8.city.1"), ("city", None, 1, 0, "8.other"),
    ("county", "一等", 1, 0, "8.other"),
])
def test_awards(level, grade, rank, hours, rule):
    fields = {"award_level": level, "awardee_rank": rank, "issue_date": "2023-12-20"}
    if grade:
        fields["award_grade"] = grade
    p = propose(claim(doc("award_certificate", **fields)), 8, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (hours, rule, True)


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
    ("sick", "2023-01-05", "2023-05-04", 0),  # not over 6 months: 15.sick.short
    ("sick", "2023-01-05", "2023-08-04", 35),
    ("overseas", "2022-09-01", "2023-08-31", 40),  # only the 8 months inside 2023 count
])
def test_absence(kind, start, end, hours):
    doc_kind = {"sick": "sick_leave_proof"}.get(kind, f"{kind}_proof")
    p = propose(claim(doc(doc_kind, leave_kind=kind, leave_start=start, leave_end=end)), 15, POLICY)
    assert (p.hours, p.rule_id) == (hours, f"15.{kind}" + (".short" if hours == 0 else ""))


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
    p = propose(claim(cover), 6, POLICY)  # the cover's 主编 is somebody else
    assert (p.hours, p.rule_id) == (0, "6.other") and "编写角色" in p.explanation


def test_paper_rank_from_contents_page_articles():
    toc = doc("journal_pages", level="national", year="2023", authors=["袁立新", "邱雨萱"],
              articles=[{"title": "甲", "authors": ["袁立新", "邱雨萱"]}, {"title": "乙", "authors": ["李四", "王小明"]}])
    p = propose(claim(toc), 6, POLICY)
    assert (p.hours, p.rule_id) == (30, "6.paper.national.2")


@pytest.mark.parametrize("kind, start, end, hours, rule", [
    ("maternity", "2023-01-01", "2023-06-30", 30, "15.maternity"),  # half a year → 30
    ("maternity", "2022-11-01", "2023-04-30", 20, "15.maternity"),  # 4 of its months in 2023
    ("maternity", "2023-02-01", "2023-06-30", 25, "15.maternity"),  # 5 whole months
    ("overseas", "2022-07-01", "2023-06-30", 0, "15.overseas.short"),  # exactly 6 months in 2023: not over 6
    ("overseas", "2023-03-01", "2023-09-30", 35, "15.overseas"),
])
def test_absence_months_are_calendar_months(kind, start, end, hours, rule):
    p = propose(claim(doc(f"{kind}_proof", leave_kind=kind, leave_start=start, leave_end=end)), 15, POLICY)
    assert (p.hours, p.rule_id) == (hours, rule)


def test_assignment_of_six_calendar_months_is_full():
    p = propose(claim(doc("assignment_document", start_date="2023-02-01", end_date="2023-07-31")), 11, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (60, "11.six_months", True)


def test_out_of_year_and_future_dates():
    p = propose(claim(doc("award_certificate", award_level="city", award_grade="一等", awardee_rank="1",
                          issue_date="2022-12-20")), 8, POLICY)
    assert (p.hours, p.rule_id, p.assumed) == (0, "year.out_of_year", False)
    # a date after today cannot be right (a misread year): not used to place the claim
    p = propose(claim(doc("award_certificate", award_level="city", award_grade="一等", awardee_rank="1",
                          issue_date="2098-04-08")), 8, POLICY)
    assert (p.hours, p.rule_id) == (40, "8.city.1") and "疑为识别错误" in p.explanation


def test_specific_rule_ids_resolve_to_policy_rules():
    assert POLICY.assumed("7.invention.2") and POLICY.assumed("8.provincial.2") and POLICY.assumed("6.book.chief_editor")
    assert not POLICY.assumed("5.national.main.3") and not POLICY.assumed("4.national.paper_long")
    assert not POLICY.assumed("15.sick.short") and not POLICY.assumed("13.unfiled")
    assert POLICY.rule("7.invention.2")["by_rank"] == [60, 50, 40]


def test_endorsement_level_unknown():
    p = propose(claim(doc("leader_endorsement", issue_date="2023-08-16")), 10, POLICY)
    assert (p.hours, p.rule_id) == (None, "10.other")
