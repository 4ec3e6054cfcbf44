"""One function per category: the claim's fields → (hours, rule, detail). Numbers come
from the policy's rules; the engine adds the year check and the explanation.

A Calc names the policy rule it used (`rule`, a key of the policy file, which says whether
it is assumed) and the specific case of it (`suffix`: rank, grade, paper length…); the
proposal's rule id is the two together, e.g. 7.invention + .2 → 7.invention.2."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from pipeline import declarant
from pipeline.policy.evidence import (
    TRAINING_KINDS, FiledPlan, calendar_months, check_plan, consensus, declarant_rank, evidence_period, field, json_list)
from schemas.kinds import DocKind
from schemas.records import ClaimContext

K = DocKind
TYPE_ZH = {"invention": "发明专利", "utility_model": "实用新型专利", "design": "外观设计专利"}
LEVEL_ZH = {"national": "国家级", "provincial": "省级", "city": "市级", "county": "县级"}
ROLE_RULES = {"主编": "chief_editor", "副主编": "deputy_editor", "参编": "contributor"}
GRADE_IDS = {"特等": "special", "一等": "1", "二等": "2", "三等": "3"}


@dataclass
class Calc:
    hours: float | None
    rule: str  # the policy rule (a key of the policy file)
    detail: str  # what was read, in Chinese
    suffix: str = ""  # the specific case of the rule: rank, grade, paper length
    note: str = ""

    @property
    def rule_id(self) -> str:
        return self.rule + self.suffix


def _num(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _by_rank(rule: dict, rank: int | None) -> float:
    table = rule.get("by_rank", [])
    return float(table[rank - 1]) if rank and 1 <= rank <= len(table) else 0.0


def _rank_text(rank: int | None, how: str, who: str) -> str:
    if rank is None:
        return f"未在{who}名单中找到申报人"
    return f"第{rank}{who}" + ("（姓名按OCR近似匹配）" if how in ("ocr_variant", "loose") else "")


def stated_or_days(ctx: ClaimContext, policy, cat: int, plans: list[FiledPlan] | None = None) -> Calc:
    """Categories 1, 2, 13, 14: stated hours, else (1, 2) days × hours per day. Categories
    13 and 14 count only if the training is in a filed annual plan (else 0, `N.unfiled`)."""
    hours = _num(field(ctx, "hours_stated", TRAINING_KINDS))
    title = consensus(ctx, "title", TRAINING_KINDS[:3]) or "培训"
    note = ""
    if cat in (13, 14):
        deadline = policy.calendar_date("plan_filing_deadline", ctx.year)
        check = check_plan(ctx, plans, cat, deadline)
        if check.late:
            late = check.late[0]
            return Calc(0.0, f"{cat}.unfiled", f"{title}，所列备案计划{late.filed_date.isoformat()}备案，"
                                               f"晚于备案截止日{deadline.isoformat()}（{late.source}）")
        if not check.filed:
            where = f"已核对{len(check.plans_checked)}份备案计划" if check.plans_checked else "未找到备案的年度培训计划"
            return Calc(0.0, f"{cat}.unfiled", f"{title}，未列入备案的年度培训计划（{where}）")
        note = f"；已列入备案计划（{check.entry}{'，' + check.plan.source if check.plan.source else ''}）"
    if hours is not None:
        return Calc(hours, f"{cat}.stated", f"{title}，注明{hours:g}学时", note=note)
    days = _num(consensus(ctx, "days", TRAINING_KINDS))
    if days is None and (p := evidence_period(ctx, cat)) and p[2] == "start_date–end_date":
        days = float((p[1] - p[0]).days + 1)
    if cat in (1, 2) and days:
        per_day = policy.rules[f"{cat}.per_day"]["hours_per_day"]
        return Calc(days * per_day, f"{cat}.per_day", f"{title}，未注明学时，培训{days:g}天×{per_day}学时")
    return Calc(None, f"{cat}.stated", f"{title}，未识别学时或培训天数，需人工核定", note=note)


def courses(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    rows = [c for c in json_list(field(ctx, "courses", (K.transcript,))) if isinstance(c, dict)]
    passed = [c for c in rows if c.get("passed") and c.get("year") in (ctx.year, None)]
    per = policy.rules["3.courses"]["per_course"]
    undated = sum(1 for c in passed if c.get("year") is None)
    note = f"；其中{undated}门未注明学期，按本年度计" if undated else ""
    return Calc(len(passed) * per, "3.courses", f"成绩单{len(rows)}门课程，申报年度内通过{len(passed)}门×{per}学时", note=note)


def conference(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    level = field(ctx, "level", (K.conference_notice, K.presentation_proof))
    rule_id = f"4.{level}" if level in ("national", "provincial") else "4.other"
    rule = policy.rules[rule_id]
    hours, detail, suffix = float(rule["hours"]), f"{LEVEL_ZH.get(level, '级别未识别的')}学术会议", ""
    if K.presentation_proof in ctx.kinds() and rule_id != "4.other":
        words = _num(field(ctx, "word_count", (K.presentation_proof,)))
        long_paper = words is not None and words > rule["paper_threshold_chars"]
        hours += rule["paper_long"] if long_paper else rule["paper_short"]
        suffix = ".paper_long" if long_paper else ".paper_short"
        detail += f"，宣读论文{'（' + format(words, 'g') + '字）' if words else '（字数未识别，按短篇）'}"
    return Calc(hours, rule_id, detail, suffix=suffix)


def project(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    kinds = (K.project_proof,)
    level, role = field(ctx, "project_level", kinds), field(ctx, "project_role", kinds) or "main"
    rank, how = declarant_rank(ctx, "member_rank", "members", kinds)
    rule_id = f"5.{level}.{role}"
    detail = f"{LEVEL_ZH.get(level, '级别未识别的')}{'子课题' if role == 'sub' else '课题'}，{_rank_text(rank, how, '名成员')}"
    if rule_id not in policy.rules or not _by_rank(policy.rules[rule_id], rank):
        return Calc(0.0, "5.other", detail)
    return Calc(_by_rank(policy.rules[rule_id], rank), rule_id, detail, suffix=f".{rank}")


def book_or_paper(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    if K.journal_pages in ctx.kinds():
        kinds = (K.journal_pages,)
        level = field(ctx, "level", kinds)
        rank, how = declarant_rank(ctx, "author_rank", "authors", kinds)
        rule_id = f"6.paper.{level if level == 'national' else 'provincial'}"
        journal = field(ctx, "journal_name", kinds) or "期刊"
        detail = f"《{journal}》论文（{LEVEL_ZH.get(level, '级别未识别，按省级')}），{_rank_text(rank, how, '作者')}"
        if not _by_rank(policy.rules[rule_id], rank):
            return Calc(0.0, "6.other", detail)
        return Calc(_by_rank(policy.rules[rule_id], rank), rule_id, detail, suffix=f".{rank}")
    title = field(ctx, "title", (K.book_pages,)) or "著作"
    role = book_role(ctx)
    if role not in ROLE_RULES:
        return Calc(0.0, "6.other", f"《{title}》，未识别申报人的编写角色，需人工核定")
    rule_id = f"6.book.{ROLE_RULES[role]}"
    return Calc(float(policy.rules[rule_id]["hours"]), rule_id, f"《{title}》，{role}")


def book_role(ctx: ClaimContext) -> str | None:
    """The declarant's role (主编/副主编/参编): resolved by the claim stage on the pages
    that list the editors, else looked up in those lists, else (no declarant name) the
    role a page states."""
    books = [d for d in ctx.documents if d.doc_kind == K.book_pages]
    name, _ = declarant.declarant_name(ctx)
    if not name:
        return next((r for d in books if (r := d.field("role")) in ROLE_RULES), None)
    found = [r for d in books if (r := declarant.editor_role(name, d))]
    if found:
        return max(found, key=lambda r: declarant.QUALITY[r[1]])[0]
    return None


def patent(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    kinds = (K.patent_certificate,)
    ptype = field(ctx, "patent_type", kinds) or "invention"
    rank, how = declarant_rank(ctx, "inventor_rank", "inventors", kinds)
    grant = field(ctx, "grant_date", kinds)
    rule_id = f"7.{ptype}"
    detail = f"{TYPE_ZH.get(ptype, ptype)}，{_rank_text(rank, how, '发明人')}，授权公告日{grant or '未识别'}"
    if rule_id not in policy.rules or not _by_rank(policy.rules[rule_id], rank):
        return Calc(0.0, "7.other", detail)
    return Calc(_by_rank(policy.rules[rule_id], rank), rule_id, detail, suffix=f".{rank}")


def award(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    """National: one number; provincial and city: by grade (rule id 8.provincial.2 for 二等);
    minus `rank_step` per awardee rank after the first."""
    kinds = (K.award_certificate,)
    level, grade = field(ctx, "award_level", kinds), field(ctx, "award_grade", kinds)
    grade = grade if not grade or grade.endswith("等") or grade.endswith("奖") else grade + "等"
    rank, how = declarant_rank(ctx, "awardee_rank", "awardees", kinds)
    rank_eff = rank or 1
    name = field(ctx, "award_name", kinds) or "奖励"
    who = _rank_text(rank, how, "完成人") if rank or ctx.person_name else "排名未识别，按第1"
    detail = f"{name}（{LEVEL_ZH.get(level, '级别未识别')}{grade or ''}），{who}"
    rule_id = f"8.{level}" if f"8.{level}" in policy.rules else "8.other"
    rule = policy.rules[rule_id]
    suffix = ""
    if "hours" not in rule:
        if grade not in rule.get("by_grade", {}):
            return Calc(0.0, "8.other", detail + "，等次未识别，需人工核定")
        suffix = f".{GRADE_IDS.get(grade, grade)}"
    base = rule.get("hours") if "hours" in rule else rule["by_grade"][grade]
    hours = max(0.0, float(base) - rule.get("rank_step", 0) * (rank_eff - 1))
    return Calc(hours, rule_id, detail, suffix=suffix)


def fixed(rule_id: str, detail: str):
    def calc(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
        return Calc(float(policy.rules[rule_id]["hours"]), rule_id, detail)
    return calc


def endorsement(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    level = field(ctx, "leader_level", (K.leader_endorsement,))
    rule_id = f"10.{level}"
    if rule_id not in policy.rules or level not in LEVEL_ZH:
        return Calc(None, "10.other", "未识别批示领导级别，需人工核定")
    return Calc(float(policy.rules[rule_id]["hours"]), rule_id, f"调研报告获{LEVEL_ZH[level]}领导批示")


def _months(ctx: ClaimContext, cat: int, months_field: str, kinds) -> float | None:
    p = evidence_period(ctx, cat)
    if p:
        return calendar_months(p[0], p[1], ctx.year)
    return _num(field(ctx, months_field, kinds))


def assignment(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    months = _months(ctx, cat, "months", (K.assignment_document, K.employer_proof))
    kind = field(ctx, "assignment_kind", (K.assignment_document,)) or "援派/挂职"
    six = policy.rules["11.six_months"]
    if months is None:
        return Calc(None, "11.six_months", f"{kind}，未识别服务时间，需人工核定")
    if months >= six["min_months"]:
        return Calc(float(six["hours"]), "11.six_months", f"{kind}，年度内{months:g}个月")
    per = policy.rules["11.per_month"]["hours_per_month"]
    return Calc(float(round(months) * per), "11.per_month", f"{kind}，年度内{months:g}个月×{per}学时")


def service(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    rule = policy.rules["12.per_day"]
    days = _num(field(ctx, "days", (K.service_notice, K.employer_proof)))
    if days is None and (p := evidence_period(ctx, cat)):
        days = float((min(p[1], date(ctx.year, 12, 31)) - max(p[0], date(ctx.year, 1, 1))).days + 1)
    if not days:
        return Calc(None, "12.per_day", "服务基层活动，未识别天数，需人工核定")
    return Calc(min(days * rule["hours_per_day"], rule["max_hours"]), "12.per_day",
                f"服务基层活动{days:g}天×{rule['hours_per_day']}学时（封顶{rule['max_hours']}）")


def absence(ctx: ClaimContext, policy, cat: int, **_) -> Calc:
    kinds = (K.maternity_proof, K.sick_leave_proof, K.overseas_proof, K.employer_proof)
    kind = field(ctx, "leave_kind", kinds) or {K.maternity_proof: "maternity", K.sick_leave_proof: "sick",
                                               K.overseas_proof: "overseas"}.get(next(iter(ctx.kinds() & set(kinds)), None), "maternity")
    rule_id = f"15.{kind}"
    rule = policy.rules[rule_id]
    months = _months(ctx, cat, "months_absent", kinds)
    zh = {"maternity": "产假", "sick": "病假", "overseas": "境外工作"}[kind]
    if months is None:
        return Calc(None, rule_id, f"{zh}，未识别缺岗时间，需人工核定")
    if months <= rule.get("min_months", 0) and kind != "maternity":
        return Calc(0.0, rule_id, f"{zh}年度内{months:g}个月，未超过{rule['min_months']}个月", suffix=".short")
    hours = int(rule["annual_hours"] * months / 12 + 0.5)
    return Calc(float(hours), rule_id, f"{zh}年度内{months:g}个月，{rule['annual_hours']}×{months:g}/12")


CALCULATORS = {
    1: stated_or_days, 2: stated_or_days, 3: courses, 4: conference, 5: project, 6: book_or_paper, 7: patent,
    8: award, 9: fixed("9.pass", "通过资格考试"), 10: endorsement, 11: assignment, 12: service,
    13: stated_or_days, 14: stated_or_days, 15: absence,
}
