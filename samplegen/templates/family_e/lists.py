"""Family E: ordered name lists on award certificates and project proofs, in layouts real
issuers use and families A/B/D lack.

| kind | E layouts |
|---|---|
| award_certificate | landscape 奖励证书 with a completer table (排名/姓名/工作单位/职称/主要贡献, two-character names spaced 张　三) · per-person 荣誉证书 (获奖者 + 排名第N / 第N完成人 / 完成人位次) · portrait 获奖证书 with the completers in a grid of 4–5 names a row or one a line (numbered or not) |
| project_proof | 科学技术成果鉴定证书 with 主要研制人员名单 (序号/姓名/性别/学历/职称/工作单位/贡献) · 项目任务书 members page: 项目负责人 form + 项目组主要成员 table without the leader · landscape 结项证书 with 主持人 and a member grid / one-per-line list with units |

Each builder registers the fields family D registers for its kind, plus the ordered list
(`awardees` / `members`, names_json, printed order) wherever the completers are printed.
"""

from __future__ import annotations

import datetime as dt
import random

from samplegen import vocab
from samplegen.dates import fmt_date, upper_number, upper_year
from samplegen.layout import A4, A4_LANDSCAPE, BLACK, RED, Composer
from samplegen.templates.common import names_json, project_fields

GOLD = (176, 132, 52)
DARK_RED = (150, 30, 30)
CONTRIB = ["总体方案设计与组织实施", "关键技术研究", "试验研究与数据分析", "技术集成与示范应用", "推广应用",
           "现场试验与技术服务", "标准与规范编制", "样品检测与统计分析", "文献调研与资料整理"]
TASKS = ["课题总体设计", "数据采集与分析", "方案设计", "技术攻关", "示范推广", "资料整理", "试验实施", "质量控制"]
DEGREES = ["博士研究生", "硕士研究生", "大学本科", "博士", "硕士", "本科"]


def _comp(rng: random.Random, landscape: bool = False, size: float | None = None, margins=None) -> Composer:
    margins = margins or ((78, 78, 60, 56) if landscape else (72, 68, 66, 62))
    return Composer(size=A4_LANDSCAPE if landscape else A4, margins=margins,
                    role=rng.choice(["song", "fang", "kai"]) if not landscape else rng.choice(["song", "fang"]),
                    font_size=size or rng.choice([12.5, 13, 14]), rng=rng)


def _sp(name: str, on: bool) -> str:
    """A two-character name spaced to the width of three (张　三), as tables and grids print them."""
    return f"{name[0]}　{name[1]}" if on and len(name) == 2 else name


def _sign_date(d: dt.date, rng: random.Random) -> str:
    return fmt_date(d, rng.choice(["upper", "upper", "cn", "cn0"]))


def _sign(c: Composer, org: str, d: dt.date, rng: random.Random, prefix: str | None = None, before: float = 24,
          seal_sub: str = "") -> None:
    s = _sign_date(d, rng)
    c.sign(org, s, seal=True, prefix=prefix, before=before, seal_sub=seal_sub)
    c.field("organization", org)
    c.field("issue_date", d.isoformat(), raw=s)


def _sign_corner(c: Composer, org: str, d: dt.date, rng: random.Random) -> None:
    """Issuer and date at the page's bottom right under a seal (a certificate whose table
    leaves no room for a flowing signature block)."""
    s = _sign_date(d, rng)
    size = 13
    cx = c.width - c.right - max(len(org), len(s)) * size * 0.55
    y0 = max(c.y + size * 2.2, c.height - c.bottom - size * 2.4)
    c.at(cx, y0, org, role=c.role, size=size, align="c")
    c.at(cx, y0 + size * 1.7, s, role=c.role, size=size, align="c")
    c.seal(cx + rng.uniform(-14, 14), y0 + rng.uniform(-8, 6), org)
    c.field("organization", org)
    c.field("issue_date", d.isoformat(), raw=s)


def _grid(c: Composer, names: list[str], per_row: int, spaced: bool, size: float, x0: float | None = None,
          width: float | None = None) -> None:
    """Names in fixed slots, `per_row` to a row (each slot one printed box)."""
    x0 = c.left if x0 is None else x0
    width = width or (c.width - c.right - x0)
    slot = width / per_row
    for i in range(0, len(names), per_row):
        c.ensure(size * 2)
        base = c.y + size
        for k, n in enumerate(names[i:i + per_row]):
            c.at(x0 + k * slot, base, _sp(n, spaced), role=c.role, size=size)
        c.y += size * 1.9


def _award_bits(a: dict, rng: random.Random) -> tuple[str, str]:
    grade = a["grade"]
    gprint = rng.choice([f"{grade}等奖", f"{grade}等奖", {"一": "壹", "二": "贰", "三": "叁"}[grade] + "等奖", f"{grade}等"])
    return grade, gprint


def _award_fields(c: Composer, a: dict, name: str, gprint: str) -> None:
    c.field("certificate_number", a["cert_no"], raw=a["cert_no"])
    c.field("award_name", a["name"], raw=a["name"])
    c.field("award_level", a["level"])
    c.field("award_grade", f"{a['grade']}等", raw=gprint)
    c.field("awardee_rank", str(a["rank"]))
    c.field("person_name", name)
    c.field("title", a["project"], raw=a["project"])


def _completer_rows(a: dict, d: dict, rng: random.Random) -> list[tuple[str, str, str, str]]:
    p = d["person"]
    titles = vocab.TITLES[p.profession]
    rows = []
    for i, n in enumerate(a["members"]):
        if n == d["name"]:
            unit, title = p.unit, p.title
        else:
            unit = rng.choice([p.unit, p.unit, rng.choice(vocab.UNIVERSITIES)])
            title = rng.choice(titles)
        rows.append((n, unit, title, CONTRIB[0] if i == 0 else rng.choice(CONTRIB[1:])))
    return rows


# --- award certificates --------------------------------------------------------------------

def _award_table(d: dict, rng: random.Random) -> Composer:
    """Landscape 奖励证书 whose completers are a table of several columns."""
    a, name = d["award"], d["name"]
    _, gprint = _award_bits(a, rng)
    c = _comp(rng, landscape=True, size=12.5, margins=(84, 84, 50, 44))
    c.frame(GOLD, inset=18, width=3)
    c.y = 52
    c.line_text(a["name"], align="c", role="heib", size=20, color=RED, after=0)
    c.line_text(rng.choice(["奖 励 证 书", "获 奖 证 书", "科技成果奖励证书"]), align="c", role="heib", size=26, color=RED,
                after=2)
    c.line_text(f"{rng.choice(['证书编号', '证书号', 'No.'])}：{a['cert_no']}", align="r", size=11, after=0)
    if len(a["members"]) <= 6:
        c.para(f"为表彰{a['year']}年度{a['name']}获奖者，特颁发此证书。", size=12.5)
    c.kv(rng.choice(["项目名称", "获奖项目", "成果名称"]), a["project"], size=12.5)
    c.kv(rng.choice(["奖励等级", "获奖等级", "奖　　级"]), gprint, size=12.5)
    c.kv(rng.choice(["主要完成单位", "完成单位"]), a["unit"], size=12.5)
    c.line_text(rng.choice(["主要完成人员：", "主要完成人：", "项目完成人员名单", "获奖人员："]), size=12.5, after=0)
    spaced = rng.random() < 0.7
    head = rng.choice([["排名", "姓名", "工作单位", "职称", "主要贡献"], ["序号", "姓　名", "工作单位", "技术职称", "主要贡献"],
                       ["完成人排序", "完成人", "所在单位", "职称", "对本项目的贡献"]])
    rows = [head] + [[str(i), _sp(n, spaced), u, t, ctb] for i, (n, u, t, ctb) in enumerate(_completer_rows(a, d, rng), 1)]
    c.table(rows, widths=[0.9, 1.1, 2.6, 1.3, 2.6], size=10.5, align=["c", "c", "l", "c", "l"], pad=3.2,
            total=c.content_width * 0.8)
    _award_fields(c, a, name, gprint)
    c.field("awardees", names_json(a["members"]))
    _sign_corner(c, a["issuer"], a["issue_date"], rng)
    return c


def _award_personal(d: dict, rng: random.Random) -> Composer:
    """Per-person 荣誉证书: one awardee with a written rank."""
    a, name = d["award"], d["name"]
    _, gprint = _award_bits(a, rng)
    r = a["rank"]
    c = _comp(rng, size=15, margins=(88, 88, 80, 70))
    c.frame(RED, inset=26, width=2.2)
    c.y = 130
    c.line_text(rng.choice(["荣 誉 证 书", "获 奖 证 书", "证　书"]), align="c", role="heib", size=36, color=RED, after=34)
    style = rng.randrange(3)
    rank_txt = rng.choice([f"排名第{r}", f"第{upper_number(r)}完成人", f"第{r}完成人", f"完成人位次：第{upper_number(r)}"])
    if style == 0:
        c.kv("获奖者", f"{name}（{rank_txt}）" if "：" not in rank_txt else name, size=15)
        if "：" in rank_txt:
            c.line_text(rank_txt, size=15)
        c.kv("项目名称", a["project"], size=15)
        c.kv("奖励类别", a["name"], size=15)
        c.kv("奖励等级", gprint, size=15)
    elif style == 1:
        c.line_text(f"{name}{rng.choice(['同志', ''])}：", size=15, after=6)
        c.para(f"在“{a['project']}”项目中做出重要贡献，该项目荣获{a['year']}年度{a['name']}{gprint}，"
               f"您为该项目{rank_txt}。", leading=2.0)
        c.para("特发此证，以资鼓励。", leading=2.0)
    else:
        c.para(f"为表彰在{a['name']}评审工作中获奖的科技工作者，特授予{name}同志{a['year']}年度{a['name']}{gprint}。",
               leading=2.0)
        c.kv("获奖项目", a["project"], size=15)
        c.kv(rng.choice(["完成人排序", "本人排名", "获奖者排名"]), rng.choice([f"第{r}", f"第{upper_number(r)}名", f"{r}"]),
             size=15)
    c.space(16)
    c.line_text(f"证书编号：{a['cert_no']}", x=c.left, size=12)
    _award_fields(c, a, name, gprint)
    _sign(c, a["issuer"], a["issue_date"], rng, before=20)
    return c


def _award_grid(d: dict, rng: random.Random) -> Composer:
    """Portrait 获奖证书: narrative, then the completers in a grid or one per line."""
    a, name = d["award"], d["name"]
    _, gprint = _award_bits(a, rng)
    c = _comp(rng, size=14, margins=(84, 80, 78, 68))
    c.frame(DARK_RED, inset=22, width=2.4)
    c.y = 110
    c.line_text(rng.choice(["获 奖 证 书", "荣 誉 证 书"]), align="c", role="heib", size=34, color=RED, after=26)
    c.para(f"{a['unit']}等单位完成的“{a['project']}”项目，荣获{a['year']}年度{a['name']}{gprint}。", leading=1.9)
    label = rng.choice(["主要完成人", "主要完成人员", "项目完成人员", "获奖人员", "主要研究人员", "主要完成者"])
    form = rng.choice(["grid", "grid", "lines", "numbered"])
    spaced = rng.random() < 0.75
    if form == "grid":
        c.line_text(f"{label}：", size=14, after=4)
        _grid(c, a["members"], rng.choice([4, 5]) if len(a["members"]) > 4 else 4, spaced, 14, x0=c.left + 28)
    elif form == "lines":
        c.line_text(f"{label}：", size=14, after=2)
        for n in a["members"]:
            c.line_text(_sp(n, spaced), x=c.left + 56, size=14)
    else:
        c.line_text(f"{label}（按贡献大小排序）：" if rng.random() < 0.5 else f"{label}：", size=14, after=2)
        for i, n in enumerate(a["members"], 1):
            c.line_text(f"{i}．{_sp(n, spaced)}", x=c.left + 42, size=14)
    c.space(8)
    c.line_text(f"证书编号：{a['cert_no']}", x=c.left, size=12)
    _award_fields(c, a, name, gprint)
    c.field("awardees", names_json(a["members"]))
    _sign(c, a["issuer"], a["issue_date"], rng, before=16)
    return c


def award_certificate(d: dict, fam: str, rng: random.Random):
    return rng.choice([_award_table, _award_personal, _award_grid])(d, rng)


# --- project proofs ------------------------------------------------------------------------

def _month_range(c: Composer, a: dt.date, b: dt.date, rng: random.Random) -> str:
    """Month-only period (start: the 1st of its month, end: the month's last day)."""
    s = rng.choice([f"{a.year}.{a.month:02d}—{b.year}.{b.month:02d}", f"{a.year}年{a.month}月—{b.year}年{b.month}月",
                    f"{upper_year(a.year)}年{upper_number(a.month)}月至{upper_year(b.year)}年{upper_number(b.month)}月",
                    f"{a.year}-{a.month:02d}至{b.year}-{b.month:02d}"])
    c.field("start_date", a.isoformat(), raw=s)
    c.field("end_date", b.isoformat(), raw=s)
    return s


def _gender(rng: random.Random, n: str, d: dict) -> str:
    return d["person"].gender if n == d["name"] else rng.choice(["男", "女"])


def _project_appraisal(d: dict, rng: random.Random) -> Composer:
    """科学技术成果鉴定证书: form of the project, then the 研制人员 table (leader first)."""
    pj, name = d["project"], d["name"]
    c = _comp(rng, size=12.5)
    project_fields(c, pj, name)
    c.line_text(rng.choice(["科学技术成果鉴定证书", "科技成果评价证书", "科研成果鉴定证书"]), align="c", role="heib", size=22,
                after=12)
    rows = [["成果名称", pj["title"]], [rng.choice(["项目来源", "计划类别"]), pj["source"]],
            [rng.choice(["项目编号", "批准号", "立项编号"]), pj["number"]], ["完成单位", pj["owner"]],
            ["鉴定形式", rng.choice(["会议鉴定", "函审鉴定", "现场鉴定"])], ["组织鉴定单位", pj["issuer"]]]
    if rng.random() < 0.6:
        rows.append(["研究起止时间", _month_range(c, pj["start"], pj["end"], rng)])
    c.table(rows, widths=[1.3, 5.0], header=False, size=11, align=["c", "l"])
    c.space(10)
    c.line_text(rng.choice(["主要研制人员名单", "主要研究人员名单", "主要完成人员名单"]), align="c", role="heib", size=14, after=6)
    spaced = rng.random() < 0.7
    head = rng.choice([["序号", "姓名", "性别", "学历", "技术职称", "工作单位", "对成果创造性贡献"],
                       ["排名", "姓　名", "性别", "学历", "职称", "工作单位", "主要贡献"]])
    rows = [head]
    for i, (mn, mu, mt, _) in enumerate(pj["member_rows"], 1):
        rows.append([str(i), _sp(mn, spaced), _gender(rng, mn, d), rng.choice(DEGREES), mt, mu,
                     CONTRIB[0] if i == 1 else rng.choice(CONTRIB[1:])])
    c.table(rows, widths=[0.6, 1.0, 0.6, 1.2, 1.3, 2.4, 2.4], size=9.5)
    c.space(4)
    c.para("鉴定委员会认为，该成果资料齐全，技术路线合理，达到国内先进水平，同意通过鉴定。", size=11.5)
    _sign(c, pj["issuer"], pj["issue_date"], rng, prefix="组织鉴定单位（盖章）")
    return c


def _project_task_book(d: dict, rng: random.Random) -> Composer:
    """项目任务书 members page: the leader in a form of their own, the others in a table."""
    pj, name = d["project"], d["name"]
    p = d["person"]
    c = _comp(rng, size=12)
    project_fields(c, pj, name)
    c.line_text(f"{pj['source']}", align="c", role="heib", size=16, after=2)
    c.line_text(rng.choice(["任　务　书", "项目任务书", "课题任务书"]), align="c", role="heib", size=22, after=10)
    c.kv(rng.choice(["项目编号", "合同编号", "课题编号"]), pj["number"], size=12)
    c.kv(rng.choice(["项目名称", "课题名称"]), pj["title"], size=12)
    c.kv("承担单位", pj["owner"], size=12)
    c.kv(rng.choice(["起止年限", "执行期限", "研究期限"]), _month_range(c, pj["start"], pj["end"], rng), size=12)
    c.space(6)
    c.line_text(rng.choice(["三、项目负责人及项目组成员", "四、课题组人员情况", "二、项目人员"]), role="heib", size=13, after=4)
    lead, lu, lt, _ = pj["member_rows"][0]
    lead_lab = rng.choice(["项目负责人", "课题负责人", "项目主持人"])
    lead_g = p.gender if lead == name else rng.choice(["男", "女"])
    c.table([[lead_lab, "姓名", lead, "性别", lead_g, "职称", lt], ["", "所在单位", lu, "", "", "", ""]],
            widths=[1.3, 0.9, 1.3, 0.7, 0.6, 0.8, 1.4], header=False, size=10.5)
    c.space(6)
    c.line_text(rng.choice(["项目组主要成员（不含负责人）", "项目组主要成员", "课题组成员", "主要参加人员"]), role="heib", size=12, after=4)
    spaced = rng.random() < 0.7
    rows = [["序号", "姓名", "性别", "职称", "工作单位", "项目分工", "签字"]]
    for i, (mn, mu, mt, mr) in enumerate(pj["member_rows"][1:], 1):
        rows.append([str(i), _sp(mn, spaced), _gender(rng, mn, d), mt, mu, mr, ""])
    c.table(rows, widths=[0.6, 1.0, 0.6, 1.3, 2.6, 1.5, 0.8], size=10)
    c.space(6)
    c.para("项目组成员已阅知本任务书内容，承诺按任务书要求完成研究任务。", size=11.5)
    _sign(c, pj["issuer"], pj["issue_date"], rng, prefix=rng.choice(["项目管理单位（盖章）", "甲方（项目下达单位）"]))
    return c


def _project_closing(d: dict, rng: random.Random) -> Composer:
    """Landscape 结项证书: the 主持人 named apart, the members in a grid or one per line."""
    pj, name = d["project"], d["name"]
    c = _comp(rng, landscape=True, size=14, margins=(90, 90, 62, 54))
    project_fields(c, pj, name)
    c.frame((40, 80, 140), inset=20, width=2.6)
    c.y = 66
    c.line_text(pj["issuer"], align="c", role="hei", size=15, after=2)
    c.line_text(rng.choice(["结 项 证 书", "结 题 证 书", "验 收 证 书"]), align="c", role="heib", size=30, color=RED, after=8)
    c.line_text(f"{rng.choice(['证书编号', '结项编号'])}：JX{pj['issue_date'].year}{rng.randint(100, 999)}", align="r", size=11,
                after=4)
    lead_lab = rng.choice(["课题主持人", "项目负责人", "主持人"])
    c.para(f"{pj['owner']}承担的{pj['source']}“{pj['title']}”（{rng.choice(['批准号', '项目编号'])}：{pj['number']}），"
           f"经专家组评审，已完成研究任务，准予结项。", size=14, leading=1.8)
    c.kv(lead_lab, pj["members"][0], size=14)
    others = pj["members"][1:]
    label = rng.choice(["课题组成员", "项目组主要成员", "参加人员", "主要研究人员"])
    form = rng.choice(["grid", "grid", "units"])
    spaced = rng.random() < 0.7
    if form == "grid":
        c.line_text(f"{label}：", size=14, after=2)
        _grid(c, others, 5 if len(others) > 4 else 4, spaced, 14, x0=c.left + 42)
    else:
        c.line_text(f"{label}：", size=14, after=2)
        rows = pj["member_rows"][1:]
        for i, (mn, mu, _, _) in enumerate(rows):
            c.line_text(f"{_sp(mn, spaced)}　　{mu}", x=c.left + 42, size=13)
    _sign(c, pj["issuer"], pj["issue_date"], rng, before=6)
    return c


def project_proof(d: dict, fam: str, rng: random.Random):
    return rng.choice([_project_appraisal, _project_task_book, _project_closing])(d, rng)


BUILDERS: dict = {"award_certificate": award_certificate, "project_proof": project_proof}
