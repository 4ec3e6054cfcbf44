"""transcript 成绩单: a real ruled table of courses, scores and terms.

A: 研究生课程成绩单 with 学期 column (2023年春季学期); B: 成绩证明 with 考试日期 column
(2023.06); C: 课程修读记录 with 学年学期 and 考试时间 columns and grade words."""

from __future__ import annotations

import json
import random

from samplegen.dates import fmt_date
from samplegen.templates.common import composer, kv_lines, signoff


def transcript(d: dict, fam: str, rng: random.Random):
    """Render the transcript; fields: person_name, organization, courses (JSON rows, one per
    course: course, score, term as printed in the term or exam-date column, passed, year the
    course counts in), courses_passed (every passed course on the transcript; the policy
    counts those of the declaration year)."""
    t = d["transcript"]
    name = d["name"]
    c = composer(fam, rng, font_size=12, margins=(64, 64, 60, 60))
    if t["program"] == "进修学员":
        title = {"A": f"{t['university']}进修学员理论考核成绩单", "B": f"{t['university']}进修学员成绩证明",
                 "C": f"{t['university']}进修学员课程考核记录"}[fam]
    else:
        title = {"A": f"{t['university']}研究生课程成绩单", "B": f"{t['university']}学生成绩证明",
                 "C": f"{t['university']}{t['program']}课程修读记录"}[fam]
    c.title(title, size=18, role="heib", after=10)
    refresher = t["program"] == "进修学员"
    lab = ("学员编号", "进修科室", "原科室", "进修时间") if refresher else ("学号", "学院", "专业", "入学时间")
    if fam == "B":
        kv_lines(c, [("姓名", name), (lab[0], t["student_no"]), (lab[1], t["school"]), (lab[2], t["major"])], size=11.5)
    else:
        c.table([["姓名", name, lab[0], t["student_no"]], [lab[1], t["school"], lab[2], t["major"]],
                 ["学习形式", t["mode"], lab[3], fmt_date(t["enrolled"], "month")]],
                widths=[1, 2.4, 1, 2.4], header=False, size=11)
        c.space(8)
    rows: list[list[str]]
    if fam == "A":
        rows = [["序号", "课程名称", "课程性质", "学分", "成绩", "学期"]]
        for i, r in enumerate(t["courses"], 1):
            rows.append([str(i), r["course"], r["type"], str(r["credit"]), r["score"], r["term_a"]])
        widths, align = [0.6, 3.6, 1.0, 0.7, 0.8, 1.9], ["c", "l", "c", "c", "c", "c"]
    elif fam == "B":
        rows = [["课程名称", "学分", "成绩", "考试日期"]]
        for r in t["courses"]:
            rows.append([r["course"], str(r["credit"]), r["score"], r["exam_b"]])
        widths, align = [4.0, 0.8, 1.0, 1.4], ["l", "c", "c", "c"]
    else:
        rows = [["课程", "学年学期", "考试时间", "成绩"]]
        for r in t["courses"]:
            rows.append([r["course"], r["term_c"], r["exam_c"], r["score"]])
        widths, align = [3.6, 2.2, 1.3, 0.9], ["l", "c", "c", "c"]
    c.table(rows, widths=widths, size=10.5, align=align)
    c.space(6)
    total = sum(r["credit"] for r in t["courses"] if r["passed"])
    c.para(f"注：成绩60分（合格）及以上为通过。已获学分合计：{total}。", size=10.5, indent=0)
    c.field("person_name", name)
    printed_term = {"A": "term_a", "B": "exam_b", "C": "term_c"}[fam]
    c.field("courses", json.dumps([{"course": r["course"], "score": r["score"], "term": r[printed_term],
                                    "passed": r["passed"], "year": int(r["exam_month"][:4])}
                                   for r in t["courses"]], ensure_ascii=False))
    c.field("courses_passed", str(sum(1 for r in t["courses"] if r["passed"])))
    signoff(c, t["issuer"], t["issue_date"], fam, rng, seal_sub="成绩专用章" if rng.random() < 0.5 else "")
    return c
