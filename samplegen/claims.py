"""Claim builders: for each of the 16 categories, the evidence documents (kind + data), the
expected hour proposal (rule table of domain.md) and the flags a reviewer should see.

`build_claim(category, variant, rng, person, year, inject)` returns a `ClaimPlan`.
`inject` holds deliberate defects: invalid_patent, invalid_issn, invalid_isbn, invalid_id,
out_of_year, name_mismatch, no_seal, missing_evidence.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from samplegen import facts, identifiers, rules, vocab
from samplegen.dates import months_in_year
from samplegen.people import Person, make_person

VARIANTS: dict[int, list[str]] = {
    1: ["stated", "per_day"], 2: ["stated", "per_day", "stated"], 3: ["degree", "refresher"],
    4: ["national_paper_long", "provincial", "national", "provincial_paper_short"],
    5: ["national_main", "provincial_sub", "national_sub", "provincial_main"], 6: ["paper", "book"],
    7: ["invention", "utility_model", "design"], 8: ["provincial", "city", "national"], 9: ["exam"],
    10: ["city", "provincial", "county"], 11: ["full", "partial"], 12: ["days"], 13: ["filed", "unfiled"],
    14: ["filed", "unfiled"], 15: ["maternity", "sick", "overseas", "overseas_short"], 16: ["lecture"],
}
# which (category, variant) can carry which deliberate defect
SUPPORTS: dict[str, set] = {
    "invalid_patent": {(7, "*")}, "invalid_issn": {(6, "paper")}, "invalid_isbn": {(6, "book")},
    "invalid_id": {(9, "*"), (2, "*"), (1, "*")}, "out_of_year": {(2, "*"), (7, "*"), (1, "*")},
    "name_mismatch": {(2, "*"), (9, "*"), (1, "*")}, "no_seal": {(2, "*"), (1, "*"), (4, "*"), (12, "*")},
    "missing_evidence": {(2, "*"), (4, "*"), (12, "*"), (1, "*")},
}
INJECT_FLAG = {"invalid_patent": "invalid_checksum", "invalid_issn": "invalid_checksum", "invalid_isbn": "invalid_checksum",
               "invalid_id": "invalid_checksum", "out_of_year": "out_of_year", "name_mismatch": "name_mismatch",
               "no_seal": "no_seal", "missing_evidence": "missing_evidence"}


def supports(defect: str, category: int, variant: str) -> bool:
    """Can a claim of (category, variant) carry `defect`?"""
    s = SUPPORTS[defect]
    return (category, "*") in s or (category, variant) in s


@dataclass
class DocPlan:
    kind: str
    data: dict
    hint: str  # file name stem suggestion
    bad: list[str] = field(default_factory=list)  # label fields deliberately wrong on this document
    sub: str | None = None


@dataclass
class ClaimPlan:
    category: int
    variant: str
    hours: float | None
    rule_id: str | None
    assumed: bool
    flags: list[str]
    notes: list[str]
    docs: list[DocPlan]
    facts: dict = field(default_factory=dict)


def _base(p: Person) -> dict:
    return {"person": p, "name": p.name, "id_number": p.id_number, "unit": p.unit}


def _bad_id(rng: random.Random, number: str) -> str:
    """The same ID with a wrong check character (birth date and area stay valid)."""
    body, check = number[:17], number[17]
    return body + rng.choice([c for c in "0123456789X" if c != check])


def _stranger(rng: random.Random, p: Person) -> Person:
    return make_person(rng, "X", {p.name}, p.profession)


def _cap(d: dt.date) -> dt.date:
    return min(d, dt.date(d.year, 12, 28))


def _employer_proof(rng, p, ev: dict, issue: dt.date, seal: bool = True, id_number: str | None = None) -> DocPlan:
    d = _base(p) | {"event": ev, "issue_date": _cap(issue), "seal": seal, "contact": facts.other_name(rng, p.name),
                    "phone": facts.phone(rng, p.city)}
    if id_number:
        d["id_number"] = id_number
    return DocPlan("employer_proof", d, rng.choice(["单位证明", "派出证明", "证明"]))


def _training_claim(cat: int, source: str, rng, p, year, variant, inject) -> ClaimPlan:
    t = facts.training(rng, p, year, source, stated=(variant == "stated"))
    notes = []
    if "out_of_year" in inject:
        t = facts.shift_year(t, 1)
        notes.append(f"training held in {year - 1}")
    cert = dict(t, issue_date=t["cert_date"])
    cd = _base(p) | {"training": cert}
    bad_cert = []
    if "name_mismatch" in inject:
        other = _stranger(rng, p)
        cd |= {"name": other.name, "id_number": other.id_number}
        notes.append(f"certificate made out to {other.name}")
        bad_cert.append("person_name")
    docs = [DocPlan("training_notice", _base(p) | {"training": t}, rng.choice(["培训通知", "关于举办培训班的通知", "通知"])),
            DocPlan("completion_certificate", cd, rng.choice(["结业证书", "培训证书", "证书"]), bad_cert)]
    ev = {"type": "training", "title": t["title"], "organizer": t["organizer"], "start": t["start"], "end": t["end"]}
    ep_id = p.id_number
    ep_bad = []
    if "invalid_id" in inject:
        ep_id = _bad_id(rng, p.id_number)
        ep_bad.append("id_number")
        notes.append("employer proof prints a resident ID with a wrong check digit")
    ep = _employer_proof(rng, p, ev, t["end"] + dt.timedelta(days=rng.randint(1, 15)), seal="no_seal" not in inject, id_number=ep_id)
    ep.bad = ep_bad
    if "no_seal" in inject:
        ep.bad.append("has_seal")
        notes.append("employer proof without seal")
    if "missing_evidence" in inject:
        notes.append("employer proof missing")
    else:
        docs.append(ep)
    hours, rule, assumed = rules.training_hours(cat, t["hours"], t["days"])
    facts_ = {"days": t["days"], "hours_stated": t["hours"], "base_hours": hours}
    if "out_of_year" in inject:
        hours, rule, assumed = rules.OUT_OF_YEAR
    return ClaimPlan(cat, variant, hours, rule, assumed, [], notes, docs, facts_)


def cat1(rng, p, year, variant, inject):
    """继续教育基地培训班: notice, certificate, employer proof."""
    return _training_claim(1, "base", rng, p, year, variant, inject)


def cat2(rng, p, year, variant, inject):
    """培训、研修: notice, certificate, employer proof."""
    return _training_claim(2, "external", rng, p, year, variant, inject)


def cat3(rng, p, year, variant, inject):
    """学历/进修: transcript (+ dispatch proof and host assessment for 进修)."""
    refresher = variant == "refresher"
    tr = facts.transcript(rng, p, year, refresher)
    docs = []
    if refresher:
        host = tr["university"]
        start = dt.date(year, rng.randint(2, 5), 1)
        end = start + dt.timedelta(days=rng.randint(120, 180))
        dept = rng.choice(["心血管内科", "重症医学科", "急诊科", "超声医学科"])
        tr |= {"issuer": host, "program": "进修学员", "school": dept, "major": p.dept, "enrolled": start,
               "student_no": f"JX{year}{rng.randint(1000, 9999)}", "issue_date": _cap(end + dt.timedelta(days=2))}
        for c in tr["courses"]:  # assessed during the stay
            m = rng.randint(start.month, end.month)
            c |= {"type": rng.choice(["必修", "必修", "选修"]), "term": f"{year}年{m}月", "term_a": f"{year}年{m}月",
                  "term_c": "进修期间", "exam_b": f"{year}.{m:02d}", "exam_c": f"{year}年{m}月",
                  "exam_month": f"{year}-{m:02d}", "in_year": True}
        tr["courses"].sort(key=lambda c: c["exam_month"])
        docs.append(_employer_proof(rng, p, {"type": "dispatch", "host": f"{host}{dept}", "start": start, "end": end},
                                    start - dt.timedelta(days=5)))
        docs.append(DocPlan("assessment_proof", _base(p) | {"assessment": {
            "type": "refresher", "year": year, "result": rng.choice(["合格", "优秀"]), "start": start, "end": end,
            "dept": dept, "mentor": facts.other_name(rng, p.name), "issuer": host, "issue_date": _cap(end + dt.timedelta(days=3))}},
            "进修鉴定"))
    docs.insert(0, DocPlan("transcript", _base(p) | {"transcript": tr}, rng.choice(["成绩单", "课程成绩单"])))
    n = sum(1 for c in tr["courses"] if c["passed"] and c["in_year"])
    h, rule, assumed = rules.courses_hours(n)
    return ClaimPlan(3, variant, h, rule, assumed, [], [f"{n} courses passed in {year}"], docs,
                     {"courses_passed": n})


def cat4(rng, p, year, variant, inject):
    """学术会议: conference notice, employer proof (+ presentation proof)."""
    level = "national" if variant.startswith("national") else "provincial"
    m = facts.conference(rng, p, year, level)
    words = None
    docs = [DocPlan("conference_notice", _base(p) | {"conference": m}, rng.choice(["会议通知", "学术年会通知"]))]
    if "paper" in variant:
        words = rng.randint(1200, 2000) if variant.endswith("short") else rng.randint(2600, 6800)
        pr = {"article_title": facts.paper_title(rng, p.profession), "word_count": words,
              "form": rng.choice(["大会口头报告", "分会场交流发言", "专题发言"]),
              "issue_date": _cap(m["end"] + dt.timedelta(days=rng.randint(0, 10)))}
        docs.append(DocPlan("presentation_proof", _base(p) | {"conference": m, "presentation": pr}, "论文交流证明"))
    ev = {"type": "conference", "title": m["title"], "organizer": m["organizer"], "start": m["start"], "end": m["end"],
          "presented": bool(words)}
    notes = []
    if "missing_evidence" in inject:
        notes.append("employer proof missing")
    else:
        ep = _employer_proof(rng, p, ev, m["end"] + dt.timedelta(days=rng.randint(2, 20)), seal="no_seal" not in inject)
        if "no_seal" in inject:
            ep.bad.append("has_seal")
            notes.append("employer proof without seal")
        docs.append(ep)
    h, rule, assumed = rules.conference_hours(level, words)
    return ClaimPlan(4, variant, h, rule, assumed, [], notes, docs, {"paper_words": words})


PROJECT_SOURCES = {
    ("national", "main"): [("国家自然科学基金面上项目", "国家自然科学基金委员会", "8{y2}7####")],
    ("national", "sub"): [("国家重点研发计划项目课题", "中华人民共和国科学技术部", "{y}YFC########")],
    ("provincial", "main"): [("河南省科技攻关项目", "河南省科学技术厅", "2{y2}102310###")],
    ("provincial", "sub"): [("河南省重点研发专项子课题", "河南省科学技术厅", "2{y2}111######")],
}


def cat5(rng, p, year, variant, inject):
    """课题研究: project proof with level, role and member rank."""
    level, role = variant.split("_")
    source, issuer, pattern = rng.choice(PROJECT_SOURCES[(level, role)])
    max_rank = 5 if (level, role) == ("national", "main") else 3
    rank = rng.randint(1, max_rank)
    members = facts.names_with(rng, p.name, rng.randint(max(rank, 4), 8), rank)
    title = rng.choice(vocab.PROJECTS[p.profession]).format(x=rng.choice(vocab.PROJECT_X[p.profession]))
    owner = p.unit if level == "provincial" or rng.random() < 0.4 else rng.choice(vocab.UNIVERSITIES)
    units = [p.unit if n == p.name else rng.choice([owner, p.unit, rng.choice(vocab.UNIVERSITIES)]) for n in members]
    rows = [(n, u, rng.choice(vocab.TITLES[p.profession]) if n != p.name else p.title,
             "项目负责人" if i == 0 else rng.choice(["数据采集与分析", "方案设计", "技术攻关", "示范推广", "资料整理"]))
            for i, (n, u) in enumerate(zip(members, units))]
    start = dt.date(year - rng.randint(0, 1), 1, 1)
    pj = {"title": title, "source": source, "issuer": issuer, "level": level, "role": role, "rank": rank,
          "members": members, "member_rows": rows, "member_units": units, "owner": owner,
          "number": identifiers.cert_number(rng, pattern.format(y=year, y2=str(year)[2:])), "start": start,
          "end": dt.date(start.year + rng.randint(2, 3), 12, 31), "issue_date": facts.rand_date(rng, year, 2, 11)}
    h, rule, assumed = rules.project_hours(level, role, rank)
    return ClaimPlan(5, variant, h, rule, assumed, [], [], [DocPlan("project_proof", _base(p) | {"project": pj},
                                                                    rng.choice(["立项通知书", "课题证明", "项目证明"]))])


def cat6(rng, p, year, variant, inject):
    """著作/论文: journal pages (cover, TOC, article) or book pages."""
    notes = []
    if variant == "paper":
        level = rng.choice(["national", "provincial"])
        rank = rng.randint(1, 3)
        j = facts.journal(rng, p, year, level, rank, bad_issn="invalid_issn" in inject)
        doc = DocPlan("journal_pages", _base(p) | {"journal": j}, rng.choice(["论文", "期刊封面目录正文", "发表论文"]),
                      ["issn"] if j["bad_issn"] else [])
        if j["bad_issn"]:
            notes.append("ISSN check digit wrong")
        h, rule, assumed = rules.paper_hours(level, rank)
        return ClaimPlan(6, variant, h, rule, assumed, [], notes, [doc], {"journal_level": level})
    role = rng.choice(["主编", "副主编", "参编"])
    b = facts.book(rng, p, year, role, bad_isbn="invalid_isbn" in inject)
    doc = DocPlan("book_pages", _base(p) | {"book": b}, rng.choice(["著作", "封面版权页目录", "出版著作"]),
                  ["isbn"] if b["bad_isbn"] else [])
    if b["bad_isbn"]:
        notes.append("ISBN check digit wrong")
    h, rule, assumed = rules.book_hours(role)
    return ClaimPlan(6, variant, h, rule, assumed, [], notes, [doc])


def cat7(rng, p, year, variant, inject):
    """专利: patent certificate."""
    rank = rng.randint(1, 3)
    notes = []
    pt = facts.patent(rng, p, year, variant, rank, bad="invalid_patent" in inject,
                      grant_year=year - 1 if "out_of_year" in inject else None)
    doc = DocPlan("patent_certificate", _base(p) | {"patent": pt}, rng.choice(["专利证书", f"{pt['title'][:6]}专利证书"]))
    if pt["bad"]:
        doc.bad.append("patent_number")
        notes.append("patent number check digit wrong")
    h, rule, assumed = rules.patent_hours(variant, rank)
    base = h
    if "out_of_year" in inject:
        h, rule, assumed = rules.OUT_OF_YEAR
        notes.append(f"granted in {year - 1}")
    return ClaimPlan(7, variant, h, rule, assumed, [], notes, [doc], {"base_hours": base})


def cat8(rng, p, year, variant, inject):
    """获奖: award certificate."""
    a = facts.award(rng, p, year, variant)
    h, rule, assumed = rules.award_hours(a["level"], a["grade"], a["rank"])
    return ClaimPlan(8, variant, h, rule, assumed, [], [], [DocPlan("award_certificate", _base(p) | {"award": a},
                                                                    rng.choice(["获奖证书", "荣誉证书", "科技进步奖证书"]))])


def cat9(rng, p, year, variant, inject):
    """资格考试: qualification certificate (or score certificate)."""
    q = facts.qualification(rng, p, year)
    d = _base(p) | {"qualification": q}
    doc = DocPlan("qualification_certificate", d, rng.choice(["资格证书", "职业资格证书", "合格证明"]))
    notes = []
    if "name_mismatch" in inject:
        other = _stranger(rng, p)
        d |= {"name": other.name, "id_number": other.id_number}
        doc.bad.append("person_name")
        notes.append(f"certificate belongs to {other.name}")
    if "invalid_id" in inject:
        d["id_number"] = _bad_id(rng, d["id_number"])
        doc.bad.append("id_number")
        notes.append("resident ID check digit wrong")
    h, rule, assumed = rules.qualification_hours()
    return ClaimPlan(9, variant, h, rule, assumed, [], notes, [doc])


def cat10(rng, p, year, variant, inject):
    """调研报告批示: the endorsement."""
    e = facts.endorsement(rng, p, year, variant)
    h, rule, assumed = rules.endorsement_hours(variant)
    return ClaimPlan(10, variant, h, rule, assumed, [], [], [DocPlan("leader_endorsement", _base(p) | {"endorsement": e},
                                                                     rng.choice(["批示件", "领导批示", "调研报告批示"]))])


def cat11(rng, p, year, variant, inject):
    """援派/挂职: assignment document and annual assessment."""
    s = facts.assignment(rng, p, year, variant == "full")
    miy = months_in_year(s["start"], s["end"], year)
    docs = [DocPlan("assignment_document", _base(p) | {"assignment": s}, rng.choice(["选派文件", "援派证明", "挂职证明"])),
            DocPlan("assessment_proof", _base(p) | {"assessment": {
                "type": "annual", "year": year, "result": rng.choice(["优秀", "合格"]), "context": f"{s['kind']}期间",
                "issuer": s["issuer"] if rng.random() < 0.5 else p.unit, "issue_date": dt.date(year, 12, rng.randint(10, 28))}},
                "年度考核")]
    h, rule, assumed = rules.assignment_hours(miy)
    return ClaimPlan(11, variant, h, rule, assumed, [], [f"{miy} months in {year}"], docs, {"months_in_year": miy})


def cat12(rng, p, year, variant, inject):
    """服务基层: activity notice, participation proof, employer proof."""
    s = facts.service(rng, p, year)
    docs = [DocPlan("service_notice", _base(p) | {"service": s, "sub": "notice"}, rng.choice(["活动通知", "服务基层通知"]), sub="notice"),
            DocPlan("service_notice", _base(p) | {"service": dict(s, issue_date=_cap(s["proof_date"])), "sub": "participation"},
                    rng.choice(["参与证明", "服务证明"]), sub="participation")]
    notes = []
    if "missing_evidence" in inject:
        notes.append("employer proof missing")
    else:
        ep = _employer_proof(rng, p, {"type": "service", "title": s["activity"], "organizer": s["organizer"],
                                      "start": s["start"], "end": s["end"], "days": s["days"]},
                             s["proof_date"] + dt.timedelta(days=3), seal="no_seal" not in inject)
        if "no_seal" in inject:
            ep.bad.append("has_seal")
            notes.append("employer proof without seal")
        docs.append(ep)
    h, rule, assumed = rules.service_hours(s["days"])
    return ClaimPlan(12, variant, h, rule, assumed, [], notes, docs, {"days": s["days"]})


def _planned(cat: int, rng, p, year, variant, inject) -> ClaimPlan:
    t = facts.training(rng, p, year, "department" if cat == 13 else "employer", stated=True)
    filed = variant == "filed"
    pl = facts.plan(rng, p, year, t if filed else None, cat)
    docs = [DocPlan("training_notice", _base(p) | {"training": t}, rng.choice(["培训通知", "通知"])),
            DocPlan("completion_certificate", _base(p) | {"training": dict(t, issue_date=t["cert_date"])},
                    rng.choice(["培训证明", "结业证书", "参训证明"]))]
    notes = []
    if filed or rng.random() < 0.6:
        docs.append(DocPlan("plan_filing", _base(p) | {"plan": pl}, rng.choice(["培训计划备案表", "备案回执", "年度培训计划"])))
        if not filed:
            notes.append("the filed plan does not list this training")
    else:
        notes.append("no plan filing")
    h, rule, assumed = rules.planned_training_hours(cat, filed, t["hours"])
    flags = [] if filed else ["unfiled_plan"]
    # settle_plans (below) decides, over the whole set, whether a filed plan lists it
    return ClaimPlan(cat, variant, h, rule, assumed, flags, notes, docs,
                     {"hours_stated": t["hours"], "training": {k: t[k] for k in ("title", "topic", "organizer", "year")}})


def cat13(rng, p, year, variant, inject):
    """行业主管部门培训: notice, participation proof, plan filing."""
    return _planned(13, rng, p, year, variant, inject)


def cat14(rng, p, year, variant, inject):
    """用人单位培训: notice, participation proof, plan filing."""
    return _planned(14, rng, p, year, variant, inject)


def cat15(rng, p, year, variant, inject):
    """境外/病假/产假: leave evidence (+ employer proof for sick leave)."""
    if variant == "maternity":
        lv = facts.maternity(rng, p, year, cross_year=rng.random() < 0.3)
        docs = [DocPlan("maternity_proof", _base(p) | {"leave": lv}, rng.choice(["生育证明", "产假证明"]))]
    elif variant == "sick":
        lv = facts.sick_leave(rng, p, year, rng.randint(7, 10))
        docs = [DocPlan("sick_leave_proof", _base(p) | {"leave": lv}, rng.choice(["诊断证明", "病假证明", "疾病证明书"])),
                _employer_proof(rng, p, {"type": "sick", "start": lv["start"], "end": lv["end"], "months": lv["months"],
                                         "diagnosis": lv["diagnosis"]}, lv["end"] + dt.timedelta(days=5))]
    else:
        lv = facts.overseas(rng, p, year, long=(variant == "overseas"))
        docs = [DocPlan("overseas_proof", _base(p) | {"leave": lv}, rng.choice(["出国证明", "境外工作证明"]))]
    miy = months_in_year(lv["start"], lv["end"], year)
    h, rule, assumed = rules.absence_hours(lv["kind"], miy)
    return ClaimPlan(15, variant, h, rule, assumed, [], [f"{miy} months absent in {year}"], docs,
                     {"months_in_year": miy, "leave_kind": lv["kind"]})


def cat16(rng, p, year, variant, inject):
    """其他: decided by the city HR bureau."""
    o = facts.other_activity(rng, p, year)
    h, rule, assumed = rules.other_hours()
    return ClaimPlan(16, variant, h, rule, assumed, ["city_hr_review"], [], [DocPlan("other", _base(p) | {"other": o},
                                                                                    rng.choice(["证明材料", "其他证明", "聘书"]))])


BUILDERS = {1: cat1, 2: cat2, 3: cat3, 4: cat4, 5: cat5, 6: cat6, 7: cat7, 8: cat8, 9: cat9, 10: cat10,
            11: cat11, 12: cat12, 13: cat13, 14: cat14, 15: cat15, 16: cat16}


def build_claim(category: int, variant: str, rng: random.Random, person: Person, year: int,
                inject: list[str]) -> ClaimPlan:
    """Build one claim; adds the flags implied by its rule and defects."""
    plan = BUILDERS[category](rng, person, year, variant, set(inject))
    for d in inject:
        f = INJECT_FLAG[d]
        if f not in plan.flags:
            plan.flags.append(f)
    if plan.assumed and "assumed_rule" not in plan.flags:
        plan.flags.append("assumed_rule")
    return plan


def settle_plans(plans: list, docs: list[dict]) -> None:
    """Categories 13/14: whether the training is in a filed annual plan, judged over the
    whole set the way a reviewer holding every filing would. A row of a plan filing of the
    same year lists it when it names the same topic and — where the filing prints each row's
    organiser (family A) — the same organiser; where it does not, the row counts if the
    filing is the claim's own or by the same filer (the organising department for 13, the
    employer's competent department for 14). The random rows of an "unfiled" plan
    sometimes hit the claimed topic; such a claim is filed after all."""
    filings = [(d["cid"], d["plan"].data["plan"], d["family"]) for d in docs if d["plan"].kind == "plan_filing"]
    for cid, person, plan in plans:
        t = plan.facts.get("training")
        if plan.category not in (13, 14) or not t:
            continue
        filer = vocab.AUTHORITY[person.profession][0].format(c=person.city)
        hit = next((r for c, pl, fam in filings if pl["year"] == t["year"] for r in pl["trainings"]
                    if r.get("topic") == t["topic"] and (r["organizer"] == t["organizer"] if fam == "A"
                                                          else c == cid or pl["filer"] == filer)), None)
        filed = hit is not None
        if filed == (plan.rule_id == f"{plan.category}.stated"):
            continue
        plan.hours, plan.rule_id, plan.assumed = rules.planned_training_hours(plan.category, filed, plan.facts["hours_stated"])
        plan.flags = [f for f in plan.flags if f != "unfiled_plan"] + ([] if filed else ["unfiled_plan"])
        plan.notes.append(f"a filed plan lists “{hit['title']}” ({hit['organizer']})" if filed
                          else "no filed plan lists this training")
