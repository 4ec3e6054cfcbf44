"""Filed annual plans from CSV registers and plan_filing documents (the plan_filings table)."""

import pytest

from flows.cli import main
from pipeline.claims import landed_plans
from pipeline.plans import PlanFileError, read_plan_csv, read_registers

REGISTER = ("年度,备案单位,培训项目,主办单位,备案日期\n"
            "2020,郑州市卫生健康委员会,2020年医院感染预防与控制专业技术人员培训班,郑州市卫生健康委员会,2020年4月18日\n"
            "2020,郑州市卫生健康委员会,2020年急危重症救治技术培训班,,2020.5.6\n"
            ",郑州市卫生健康委员会,没有年度的一行,,\n")


def test_register_with_chinese_headers(tmp_path):
    f = tmp_path / "plans.csv"
    f.write_text(REGISTER, encoding="utf-8-sig")
    df, problems = read_plan_csv(f)
    assert list(df["training_title"]) == ["2020年医院感染预防与控制专业技术人员培训班", "2020年急危重症救治技术培训班"]
    assert [d.isoformat() for d in df["filed_date"]] == ["2020-04-18", "2020-05-06"]
    assert df["organizer"].isna().tolist() == [False, True] and len(problems) == 1 and "line 4" in problems[0]


def test_register_without_required_columns_says_which(tmp_path):
    f = tmp_path / "plans.csv"
    f.write_text("单位,备注\n甲,乙\n", encoding="utf-8")
    with pytest.raises(PlanFileError, match="year, training_title"):
        read_plan_csv(f)
    (tmp_path / "plan_filings.csv").write_text("单位\n甲\n", encoding="utf-8")
    reg = read_registers(tmp_path)  # at a folder's root: reported, not fatal
    assert reg.plans.empty and "missing column" in reg.problems[0]


def test_load_plans_then_the_database_knows_them(tmp_path, capsys):
    f = tmp_path / "plans.csv"
    f.write_text(REGISTER, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    assert main(["load-plans", str(f), "--db", str(db)]) == 0
    assert main(["load-plans", str(f), "--db", str(db)]) == 0  # loading twice replaces, never doubles
    assert "loaded 2 filed trainings" in capsys.readouterr().out
    plans = landed_plans(db)
    assert sorted(len(p.trainings) for p in plans) == [1, 1] and {p.year for p in plans} == {2020}
    assert {p.filed_date.isoformat() for p in plans} == {"2020-04-18", "2020-05-06"}
    assert main(["load-plans", str(tmp_path / "missing.csv"), "--db", str(db)]) == 2
