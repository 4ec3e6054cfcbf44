"""Policy files as data: the bundled city policies agree with the seed notices, `extends`
overrides what a city states, and rule boundaries (table-driven)."""

from pathlib import Path

import pytest

from extractors import extract
from extractors._base import doc_from_text
from pipeline.policy import load_policy, propose
from pipeline.policy.engine import RULES_DIR, PolicyError
from pipeline.policy.evidence import FiledPlan
from schemas.kinds import DocKind
from test_policy import claim, doc  # the claim/document builders of the policy tests

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
POLICY = load_policy()


def _bundled_by_number():
    out = {}
    for f in RULES_DIR.glob("*.toml"):
        pol = load_policy(f)
        out[pol.meta.get("document_number")] = pol
    return out


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_bundled_policy_agrees_with_its_seed_notice(seed):
    """Each seed notice's requirement, read by the policy_notice extractor, is the one in the
    city's policy file (the Luohe default holds Luohe 2018's numbers)."""
    got = {f.name: f.value for f in extract(DocKind.policy_notice, doc_from_text(seed.read_text(encoding="utf-8")))}
    pol = _bundled_by_number()[got["document_number"]]
    assert pol.annual["required_hours"] == int(got["required_hours"])
    assert pol.annual["public_hours"] == int(got["public_hours"])
    assert pol.annual["professional_hours"] == int(got["professional_hours"])
    assert pol.annual.get("compulsory_hours") == (int(got["compulsory_hours"]) if got.get("compulsory_hours") else None)
    if pol.meta.get("year"):
        assert pol.meta["year"] == int(got["year"]) and pol.meta["city"] == got["city"]
        row = pol.row()
        assert (row["declaration_deadline"].isoformat() if row["declaration_deadline"] else None) == got.get("deadline")


def test_every_bundled_policy_loads_with_every_rule():
    base = set(POLICY.rules)
    for f in RULES_DIR.glob("*.toml"):
        pol = load_policy(f.stem)  # by id
        assert set(pol.rules) == base and pol.calendar.get("review_days") == 5
    zz = load_policy("zhengzhou_2020")
    assert zz.calendar_date("plan_filing_deadline", 2020).isoformat() == "2020-04-20"
    assert zz.row()["declaration_deadline"].isoformat() == "2020-12-10"


def test_a_city_overrides_one_number(tmp_path):
    city = tmp_path / "xuchang_2024.toml"
    city.write_text('[policy]\nid = "xuchang_2024"\nextends = "luohe_2018"\nyear = 2024\n'
                    '[rules."7.invention"]\nby_rank = [80, 70, 60]\n', encoding="utf-8")
    pol = load_policy(city)
    patent = claim(doc("patent_certificate", patent_type="invention", inventors=["甲", "王小明"], grant_date="2024-03-01"),
                   year=2024)
    p = propose(patent, 7, pol)
    assert (p.hours, p.rule_id, p.assumed) == (70, "7.invention.2", True)  # 'assumed' inherited, number overridden
    assert pol.rules["7.utility_model"]["by_rank"] == [40, 30, 20]  # the rest is Luohe's
    assert pol.annual == POLICY.annual and pol.calendar == {}  # [annual] inherited when unstated; [calendar] never


def test_a_stated_requirement_is_taken_whole(tmp_path):
    city = tmp_path / "c.toml"
    city.write_text('[policy]\nextends = "luohe_2018"\n[annual]\nrequired_hours = 90\nprofessional_hours = 64\n',
                    encoding="utf-8")
    assert load_policy(city).annual == {"required_hours": 90, "professional_hours": 64}


@pytest.mark.parametrize("text, message", [
    ('[policy]\nextends = "no_such_city"\n', "not found"),
    ('[policy]\nid = "a"\nextends = "a"\n', "extends itself"),
    ("[policy\nid = 1", "not valid TOML"),
    ('[policy]\nid = "x"\n[annual]\nrequired_hours = "ninety"\nprofessional_hours = 60\n', "whole number"),
])
def test_bad_policy_files_say_why(tmp_path, text, message):
    f = tmp_path / "a.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match=message):
        load_policy(f)


def test_cli_refuses_an_unknown_policy(capsys, tmp_path):
    from flows.cli import main

    assert main(["run", str(tmp_path), "--year", "2023", "--db", str(tmp_path / "x.duckdb"), "--policy", "atlantis"]) == 2
    assert "bundled policies" in capsys.readouterr().err


TRAINING = "2020年医院感染预防与控制专业技术人员培训班"


@pytest.mark.parametrize("filed, hours, rule", [
    ("2020-04-20", 16, "13.stated"),   # on the deadline day: counts
    ("2020-04-21", 0, "13.unfiled"),   # a day late: Zhengzhou does not recognise it
    (None, 16, "13.stated"),           # filing date unknown: not held against the claim
])
def test_zhengzhou_plan_filing_deadline(filed, hours, rule):
    from datetime import date

    ctx = claim(doc("training_notice", title=TRAINING, organizer="郑州市卫生健康委员会", hours_stated="16",
                    start_date="2020-06-01", end_date="2020-06-02"), year=2020)
    plan = FiledPlan((TRAINING,), 2020, "郑州市卫生健康委员会", "register.csv",
                     filed_date=date.fromisoformat(filed) if filed else None)
    p = propose(ctx, 13, load_policy("zhengzhou_2020"), plans=[plan])
    assert (p.hours, p.rule_id) == (hours, rule)
    if hours == 0:
        assert "晚于备案截止日2020-04-20" in p.explanation
    assert propose(ctx, 13, POLICY, plans=[plan]).hours == 16  # Luohe has no filing deadline


# --- boundaries, one table ------------------------------------------------------------------

BOUNDARIES = [
    # (category, documents, year, hours, rule id)
    (5, [doc("project_proof", project_level="national", project_role="main", members=["甲", "乙", "丙", "丁", "王小明"],
             start_date="2023-01", end_date="2023-12")], 2023, 32, "5.national.main.5"),
    (5, [doc("project_proof", project_level="national", project_role="main",
             members=["甲", "乙", "丙", "丁", "戊", "王小明"], start_date="2023-01", end_date="2023-12")], 2023, 0, "5.other"),
    (7, [doc("patent_certificate", patent_type="invention", inventors=["王小明"], grant_date="2023-12-31")],
     2023, 60, "7.invention.1"),
    (7, [doc("patent_certificate", patent_type="invention", inventors=["王小明"], grant_date="2024-01-01")],
     2023, 0, "year.out_of_year"),
    (7, [doc("patent_certificate", patent_type="invention", inventors=["王小明"], grant_date="2023-01-01")],
     2023, 60, "7.invention.1"),
    (7, [doc("patent_certificate", patent_type="invention", inventors=["王小明"], grant_date="2022-12-31")],
     2023, 0, "year.out_of_year"),
    (4, [doc("conference_notice", level="national", start_date="2023-05-01", end_date="2023-05-02"),
         doc("presentation_proof", word_count="2000")], 2023, 18, "4.national.paper_short"),
    (4, [doc("conference_notice", level="national", start_date="2023-05-01", end_date="2023-05-02"),
         doc("presentation_proof", word_count="2001")], 2023, 20, "4.national.paper_long"),
    (4, [doc("conference_notice", level="provincial", start_date="2023-05-01", end_date="2023-05-02"),
         doc("presentation_proof", word_count="2000")], 2023, 12, "4.provincial.paper_short"),
    (4, [doc("conference_notice", level="provincial", start_date="2023-05-01", end_date="2023-05-02"),
         doc("presentation_proof", word_count="2001")], 2023, 14, "4.provincial.paper_long"),
    (11, [doc("assignment_document", start_date="2023-01-01", end_date="2023-06-30")], 2023, 60, "11.six_months"),
    (11, [doc("assignment_document", start_date="2023-01-01", end_date="2023-05-31")], 2023, 50, "11.per_month"),
    (15, [doc("sick_leave_proof", leave_kind="sick", leave_start="2023-01-01", leave_end="2023-06-30")],
     2023, 0, "15.sick.short"),  # exactly 6 months: not *over* 6
    (15, [doc("sick_leave_proof", leave_kind="sick", leave_start="2023-01-01", leave_end="2023-07-31")],
     2023, 35, "15.sick"),
    (15, [doc("maternity_proof", leave_kind="maternity", leave_start="2023-01-01", leave_end="2023-06-30")],
     2023, 30, "15.maternity"),  # the seed's own example: half a year of maternity leave = 30
    (12, [doc("service_notice", days="7", start_date="2023-07-01", end_date="2023-07-07")], 2023, 56, "12.per_day"),
    (12, [doc("service_notice", days="8", start_date="2023-07-01", end_date="2023-07-08")], 2023, 60, "12.per_day"),
    (3, [doc("transcript", courses=[{"course": "甲", "passed": True, "year": 2023},
                                    {"course": "乙", "passed": True, "year": 2024}])], 2023, 15, "3.courses"),
    (8, [doc("award_certificate", award_level="city", award_grade="三等", awardee_rank="4", issue_date="2023-06-01")],
     2023, 2, "8.city.3"),  # 20 − 3×6
    (8, [doc("award_certificate", award_level="city", award_grade="三等", awardee_rank="5", issue_date="2023-06-01")],
     2023, 0, "8.city.3"),  # floor 0
    (16, [doc("other")], 2023, None, "16.route"),
]


@pytest.mark.parametrize("category, docs, year, hours, rule", BOUNDARIES,
                         ids=[f"{b[0]}-{b[4]}-{i}" for i, b in enumerate(BOUNDARIES)])
def test_rule_boundaries(category, docs, year, hours, rule):
    p = propose(claim(*docs, year=year), category, POLICY)
    assert (p.hours, p.rule_id) == (hours, rule), p.explanation
    assert f"规则{rule}" in p.explanation  # the explanation names the rule it used
