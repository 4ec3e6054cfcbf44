"""Family E: ordered name lists on award certificates and project proofs, in layouts real
issuers use and families A/B/D lack.

| kind | E layouts |
|---|---|
| award_certificate | landscape 奖励证书 with a completer table (排名/姓名/工作单位/职称/主要贡献, two-character names spaced 张　三) · per-person 荣誉证书 (获奖者 + 排名第N / 第N完成人 / 完成人位次) · portrait 获奖证书 with the completers in a grid of 4–5 names a row or one a line (numbered or not) |
| award_certificate (2) | provincial/city label：value certificate (科技厅/教育厅/卫健委/市政府 wordings): completers joined by 、，or spaces and wrapped, in a 2–4 column grid from the label's line, 主持人 + 参与人, a list over two lines, enumerated 1.X 2.Y · per-person 授予：X（第三完成人） / 获奖者 + 排名 · completer table with a rank column (1 / 第一 / 第一完成人), birth month, name column headed 完成人姓名/获奖者姓名 |
| project_proof | 科学技术成果鉴定证书 with 主要研制人员名单 (序号/姓名/性别/学历/职称/工作单位/贡献) · 项目任务书 members page: 项目负责人 form + 项目组主要成员 table without the leader · landscape 结项证书 with 主持人 and a member grid / one-per-line list with units |
| project_proof (2) | 立项通知书 letter + attached 项目组成员 table (序号 or 角色 负责人/成员 | 成员姓名 | 性别 | 出生年月 | 职称/职务 | 工作单位 | 分工), leader in row 1 · 结题/结项证书 of label：value lines with many member label words (课题组成员, 主要研究人员, 项目参加人, 协作人员 …), joined, under the label 3–4 a line, or two columns with units · prose proof naming the members in a sentence · 结项验收表 form whose member row holds the names in one wrapped cell or a few cells, the label column sometimes so narrow its labels wrap |

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


def _award_kv_list(d: dict, rng: random.Random) -> Composer:
    """Provincial / city certificate (科技厅、教育厅、卫健委、市政府 wordings) of label：value lines,
    the completers after one of their labels: joined by 、，or spaces (wrapping over lines),
    in a 2–4 column grid starting on the label's line, or under a 主持人 + 参与人 pair."""
    a, name = d["award"], d["name"]
    _, gprint = _award_bits(a, rng)
    land = rng.random() < 0.4
    c = _comp(rng, landscape=land, size=14, margins=(96, 96, 64, 56) if land else (84, 80, 88, 70))
    c.frame(rng.choice([GOLD, DARK_RED, RED]), inset=20, width=2.6)
    c.y = 70 if land else 118
    c.line_text(a["name"] if rng.random() < 0.5 else a["issuer"], align="c", role="heib", size=18, color=RED, after=2)
    c.line_text(rng.choice(["证　书", "奖 励 证 书", "获奖证书", "荣 誉 证 书"]), align="c", role="heib", size=30, color=RED,
                after=14)
    c.para(rng.choice([f"为表彰{a['year']}年度{a['name']}获得者，特颁发此证书。",
                       f"经评审，下列项目荣获{a['year']}年度{a['name']}，特发此证。",
                       f"为表彰在科学技术进步工作中作出突出贡献的单位和个人，特颁发{a['year']}年度{a['name']}证书，以资鼓励。"]),
           size=14, leading=1.9)
    c.kv(rng.choice(["获奖项目", "项目名称", "成果名称", "获奖成果"]), a["project"], size=14)
    c.kv(rng.choice(["奖励等级", "获奖等级", "等　　级", "奖　　级"]), gprint, size=14)
    c.kv(rng.choice(["完成单位", "主要完成单位", "获奖单位"]), a["unit"], size=14)
    members = a["members"]
    form = rng.choice(["join", "join", "grid", "lead", "two_lines", "enum"])
    spaced = rng.random() < 0.5
    if form == "join":  # one paragraph, wrapped where the width ends (a name may be cut)
        label = rng.choice(["主要完成人", "获奖人员", "获奖者", "完成人（排名）", "主要完成人员", "完成人员",
                            "获奖者（按贡献排序）", "项目主要完成人"])
        sep = rng.choice(["、", "，", "　", "  ", "、"])
        c.kv(label, sep.join(members), size=14, label_chars=0)
    elif form == "grid":  # names in slots: the first row on the label's line, the others under it
        label = rng.choice(["主要完成人", "获奖人员", "完成人", "获奖者", "主要完成者"])
        per = rng.choice([2, 3, 3, 4])
        size = 14
        lw = (len(label) + 1) * size
        c.ensure(size * 2)
        c.at(c.left, c.y + size, f"{label}：", role=c.role, size=size)
        slot = (c.content_width - lw) / per
        for i in range(0, len(members), per):
            c.ensure(size * 2)
            for k, n in enumerate(members[i:i + per]):
                c.at(c.left + lw + k * slot, c.y + size, _sp(n, spaced), role=c.role, size=size)
            c.y += size * 1.9
    elif form == "lead":  # 主持人 + 参与人 (教育科学研究 / 社科成果 certificates)
        c.kv(rng.choice(["主持人", "成果主持人", "第一完成人", "负责人"]), members[0], size=14)
        if len(members) > 1:
            c.kv(rng.choice(["参与人", "主要参与人", "参加人员", "成员", "课题组成员"]),
                 rng.choice(["、", "，", "　"]).join(members[1:]), size=14)
    elif form == "two_lines":  # the label's line full, the rest on a line of its own
        label = rng.choice(["主要完成人", "获奖人员", "完成人员"])
        cut = max(2, (len(members) + 1) // 2)
        sep = rng.choice(["、", "　"])
        c.line_text(f"{label}：{sep.join(members[:cut])}{sep if sep == '、' else ''}", size=14)
        if members[cut:]:
            c.line_text(sep.join(members[cut:]), x=c.left + (len(label) + 1) * 14, size=14)
    else:  # enumerated on one line or two: 1.张三 2.李四 …
        label = rng.choice(["完成人（排名）", "主要完成人及排序", "获奖人员名单"])
        items = [f"{i}.{n}" if rng.random() < 0.5 else f"（{i}）{n}" for i, n in enumerate(members, 1)]
        c.kv(label, "　".join(items), size=14)
    c.space(10)
    c.line_text(f"{rng.choice(['证书编号', '证书号', '编号'])}：{a['cert_no']}", x=c.left, size=12)
    _award_fields(c, a, name, gprint)
    if form != "lead" or len(members) > 1:
        c.field("awardees", names_json(members))
    _sign(c, a["issuer"], a["issue_date"], rng, before=10)
    return c


def _award_grant(d: dict, rng: random.Random) -> Composer:
    """Per-person certificate '授予：XXX（第三完成人）' / '获奖者：XXX　排名：第三'."""
    a, name = d["award"], d["name"]
    _, gprint = _award_bits(a, rng)
    r = a["rank"]
    c = _comp(rng, size=15, margins=(90, 86, 84, 70))
    c.frame(GOLD, inset=24, width=2.4)
    c.y = 126
    c.line_text(rng.choice(["证　书", "奖 励 证 书", "荣誉证书"]), align="c", role="heib", size=34, color=RED, after=30)
    style = rng.randrange(3)
    rank_cn = rng.choice([f"第{upper_number(r)}完成人", f"第{r}完成人", f"第{upper_number(r)}获奖人"])
    if style == 0:
        c.kv("授予", f"{name}{rng.choice(['', '同志'])}（{rank_cn}）", size=15)
        c.kv("获奖项目", a["project"], size=15)
        c.kv("奖励等级", f"{a['name']}{gprint}", size=15)
    elif style == 1:
        c.kv("获奖者", name, size=15)
        c.kv(rng.choice(["排　　名", "排名", "完成人排名", "位　　次"]),
             rng.choice([f"第{upper_number(r)}", f"第{r}名", f"第{upper_number(r)}名"]), size=15)
        c.kv("项目名称", a["project"], size=15)
        c.kv("奖项", a["name"], size=15)
        c.kv("等级", gprint, size=15)
    else:
        c.para(f"授予{name}同志（{rank_cn}）{a['year']}年度{a['name']}{gprint}，以表彰其在“{a['project']}”"
               f"项目中作出的突出贡献。", leading=2.0)
    c.space(16)
    c.line_text(f"证书号：{a['cert_no']}", x=c.left, size=12)
    _award_fields(c, a, name, gprint)
    _sign(c, a["issuer"], a["issue_date"], rng, before=20)
    return c


def _award_rank_table(d: dict, rng: random.Random) -> Composer:
    """Portrait 获奖证书 (附件) with a completer table: 排名 column, birth month, title, unit;
    the rank column written as 1, 第一, or 第1完成人; the name column headed in other words."""
    a, name = d["award"], d["name"]
    _, gprint = _award_bits(a, rng)
    c = _comp(rng, size=13, margins=(70, 66, 70, 60))
    c.line_text(a["issuer"], align="c", role="heib", size=16, after=2)
    head = rng.choice([f"{a['name']}获奖证书", "获奖证书（附件）", f"{a['name']}完成人名单"])
    c.line_text(head, align="c", role="heib", size=20, after=10)
    if a["name"] not in head:
        c.kv(rng.choice(["奖励类别", "奖项名称"]), a["name"], size=13)
    c.kv(rng.choice(["获奖项目", "项目名称"]), a["project"], size=13)
    c.kv("奖励等级", gprint, size=13)
    c.kv("证书编号", a["cert_no"], size=13)
    c.space(4)
    c.line_text(rng.choice(["主要完成人情况", "获奖人员名单", "完成人名单（按排名）", "项目主要完成人"]), align="c",
                role="heib", size=14, after=4)
    rank_style = rng.choice(["num", "num", "cn", "who"])
    name_head = rng.choice(["姓名", "姓　名", "完成人姓名", "获奖人姓名", "完成人", "获奖者姓名"])
    head = [rng.choice(["排名", "排序", "完成人排名", "名次"]), name_head, "性别", "出生年月",
            rng.choice(["技术职称", "职称/职务", "专业技术职务"]), "工作单位", rng.choice(["完成单位", "学历"])]
    rows = [head]
    p = d["person"]
    for i, (n, u, t, _) in enumerate(_completer_rows(a, d, rng), 1):
        rk = {"num": str(i), "cn": f"第{upper_number(i)}", "who": f"第{upper_number(i)}完成人"}[rank_style]
        birth = p.birth if n == name else dt.date(rng.randint(1965, 1992), rng.randint(1, 12), 1)
        rows.append([rk, n, _gender(rng, n, d), f"{birth.year}.{birth.month:02d}", t, u,
                     a["unit"] if head[-1] == "完成单位" else rng.choice(DEGREES)])
    c.table(rows, widths=[1.0, 1.1, 0.6, 1.1, 1.3, 2.2, 1.8], size=9.5)
    _award_fields(c, a, name, gprint)
    c.field("awardees", names_json(a["members"]))
    _sign(c, a["issuer"], a["issue_date"], rng, before=18)
    return c


def award_certificate(d: dict, fam: str, rng: random.Random):
    return rng.choice([_award_table, _award_personal, _award_grid, _award_kv_list, _award_grant, _award_rank_table])(d, rng)


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


_MEMBER_LABELS_E = ["课题组成员", "主要研究人员", "主要参加人员", "参与人员", "项目参加人", "研究人员", "协作人员",
                    "课题组主要成员", "项目主要参加人员", "项目组成员", "课题参与人", "主要参与人", "成　　员"]


def _project_notice_table(d: dict, rng: random.Random) -> Composer:
    """立项通知书 (a letter to the unit) with the 项目组成员 table attached: 序号|姓名|性别|出生年月|
    职称/职务|工作单位|分工, the leader in row 1 (分工 负责人); or the rows headed by the role."""
    pj, name = d["project"], d["name"]
    p = d["person"]
    c = _comp(rng, size=13)
    project_fields(c, pj, name)
    c.line_text(pj["issuer"], align="c", role="heib", size=18, color=RED, after=2)
    c.rule(RED, 1.6, after=10)
    c.title(rng.choice(["立项通知书", "项目立项通知书", "课题立项通知书", f"关于{pj['source']}立项的通知"]), size=19, role="heib",
            after=8)
    c.line_text(f"{pj['owner']}：", size=13, after=2)
    num_lab = rng.choice(["项目编号", "立项编号", "批准号"])
    c.para(f"经专家评审和公示，你单位申报的“{pj['title']}”被批准列入{pj['source']}（{num_lab}：{pj['number']}），"
           f"研究期限为{pj['start'].year}年{pj['start'].month}月至{pj['end'].year}年{pj['end'].month}月。请按照项目任务书的要求认真组织实施。",
           size=13, leading=1.8)
    c.field("start_date", pj["start"].isoformat(), raw=f"{pj['start'].year}年{pj['start'].month}月")
    c.field("end_date", pj["end"].isoformat(), raw=f"{pj['end'].year}年{pj['end'].month}月")
    c.line_text(rng.choice(["附件：项目组成员名单", "附：项目组成员情况表", "项目组成员", "附件　课题组成员名单"]), size=13,
                role="heib", after=4)
    style = rng.choice(["seq", "seq", "role"])
    name_head = rng.choice(["姓名", "姓　名", "成员姓名", "人员姓名"])
    title_head = rng.choice(["职称/职务", "职务/职称", "专业技术职务", "职称"])
    task_head = rng.choice(["分工", "承担任务", "项目分工", "在项目中承担的任务"])
    first = "序号" if style == "seq" else rng.choice(["项目角色", "角色", "类别"])
    rows = [[first, name_head, "性别", "出生年月", title_head, "工作单位", task_head]]
    spaced = rng.random() < 0.5
    for i, (mn, mu, mt, mr) in enumerate(pj["member_rows"], 1):
        birth = p.birth if mn == name else dt.date(rng.randint(1962, 1994), rng.randint(1, 12), 1)
        lead_word = rng.choice(["负责人", "项目负责人", "主持人"])
        cell0 = str(i) if style == "seq" else (lead_word if i == 1 else "成员")
        task = (rng.choice([lead_word, "总体设计、组织实施"]) if i == 1 else mr)
        rows.append([cell0, _sp(mn, spaced), _gender(rng, mn, d), f"{birth.year}.{birth.month:02d}", mt, mu, task])
    c.table(rows, widths=[0.9, 1.0, 0.6, 1.1, 1.3, 2.4, 1.8], size=9.5)
    _sign(c, pj["issuer"], pj["issue_date"], rng, before=18)
    return c


def _project_closing_labels(d: dict, rng: random.Random) -> Composer:
    """结题/结项证书 of label：value lines: the 主持人 apart, the members after one of many label
    words, joined by 、，or spaces (wrapping), on lines of their own under the label, or in
    two columns with the unit after each name."""
    pj, name = d["project"], d["name"]
    c = _comp(rng, size=14, margins=(86, 82, 84, 66))
    project_fields(c, pj, name)
    c.frame(rng.choice([GOLD, DARK_RED]), inset=22, width=2.4)
    c.y = 104
    c.line_text(rng.choice(["结 题 证 书", "结项证书", "结 项 证 书", "课题结题证书", "验收合格证书"]), align="c", role="heib",
                size=30, color=RED, after=6)
    c.line_text(f"{rng.choice(['编号', '证书编号', '结题证号'])}：{rng.choice(['JT', 'JX', 'YS'])}{pj['issue_date'].year}"
                f"{rng.randint(1000, 9999)}", align="r", size=11.5, after=8)
    c.kv(rng.choice(["课题名称", "项目名称"]), pj["title"], size=14)
    c.kv(rng.choice(["课题编号", "项目编号", "立项编号"]), pj["number"], size=14)
    c.kv(rng.choice(["课题类别", "项目类别", "项目来源"]), pj["source"], size=14)
    c.kv(rng.choice(["承担单位", "课题承担单位", "主持单位"]), pj["owner"], size=14)
    members = pj["members"]
    lead_lab = rng.choice(["课题主持人", "项目负责人", "主持人", "课题负责人", "项目主持人"])
    label = rng.choice(_MEMBER_LABELS_E)
    form = rng.choice(["join", "join", "lines", "cols", "together"])
    spaced = rng.random() < 0.5
    if form == "together":  # the leader first in the one list: 课题组成员：主持人 + others
        c.kv(rng.choice(["课题组成员", "项目组成员", "主要研究人员", "研究人员"]), rng.choice(["、", "，", "　"]).join(members),
             size=14)
    else:
        c.kv(lead_lab, members[0], size=14)
        others = members[1:]
        if form == "join":
            c.kv(label, rng.choice(["、", "，", "　", "  "]).join(others), size=14)
        elif form == "lines":  # names on the lines under the label, 3–4 to a line, spaced apart
            c.line_text(f"{label}：", size=14)
            per = rng.choice([3, 4])
            for i in range(0, len(others), per):
                c.line_text("　　".join(_sp(n, spaced) for n in others[i:i + per]), x=c.left + 28, size=14)
        else:  # two columns of 'name  unit'
            c.line_text(f"{label}：", size=14)
            rows = pj["member_rows"][1:]
            half = c.content_width / 2
            for i in range(0, len(rows), 2):
                c.ensure(30)
                for k, (mn, mu, _, _) in enumerate(rows[i:i + 2]):
                    c.at(c.left + 28 + k * half, c.y + 13, f"{_sp(mn, spaced)}（{mu}）", role=c.role, size=13)
                c.y += 13 * 1.9
    c.space(6)
    c.para(rng.choice(["经专家组鉴定，该课题已完成预期研究任务，准予结题。", "经审核，该项目已按计划完成研究任务，同意结项，特发此证。"]),
           size=14, leading=1.8)
    _sign(c, pj["issuer"], pj["issue_date"], rng, before=14)
    return c


def _project_sentence(d: dict, rng: random.Random) -> Composer:
    """A 项目证明 / 结项通知 written as prose: the members named inside a sentence
    ('项目组成员有：…', '由X主持，Y、Z等同志参加了该项研究', '参加研究的人员有…')."""
    pj, name = d["project"], d["name"]
    c = _comp(rng, size=14)
    project_fields(c, pj, name)
    c.title(rng.choice(["证　明", "项目完成情况证明", "课题研究证明", "结项通知"]), size=22, role="heib", after=14)
    lead, others = pj["members"][0], pj["members"][1:]
    j = rng.choice(["、", "，"]).join
    style = rng.randrange(4)
    intro = (f"“{pj['title']}”为{pj['source']}（{rng.choice(['项目编号', '批准号'])}：{pj['number']}），"
             f"由{pj['owner']}承担")
    if style == 0:
        c.para(f"{intro}，项目负责人为{lead}同志，项目组成员有：{j(others)}。该项目已于{pj['issue_date'].year}年通过验收。",
               leading=2.0)
    elif style == 1:
        c.para(f"{intro}，由{lead}同志主持，{j(others)}等同志参加了该项研究。该项目已按期完成各项研究任务。", leading=2.0)
    elif style == 2:
        c.para(f"{intro}。课题负责人：{lead}；参加研究的人员有：{j(others)}。", leading=2.0)
    else:
        c.para(f"{intro}。课题组由{lead}（主持人）及{j(others)}等{len(others)}位成员组成，现已完成研究任务，准予结项。",
               leading=2.0)
    c.para("特此证明。", leading=2.0)
    _sign(c, pj["issuer"], pj["issue_date"], rng, before=24)
    return c


def _project_form_cell(d: dict, rng: random.Random) -> Composer:
    """结项验收表 / 立项审批表: a ruled form whose 项目负责人 row names the leader and whose
    成员 row holds the members in one cell (joined, wrapped) or a few cells of names."""
    pj, name = d["project"], d["name"]
    c = _comp(rng, size=12)
    project_fields(c, pj, name)
    c.title(rng.choice([f"{pj['source']}结项验收表", "科研项目结题鉴定表", "项目立项审批表", "课题结题验收书"]), size=18, role="heib",
            after=8)
    lead, others = pj["members"][0], pj["members"][1:]
    lu, lt = pj["member_rows"][0][1], pj["member_rows"][0][2]
    mlab = rng.choice(["项目组成员", "课题组成员", "主要参加人员", "主要研究人员", "项目参加人", "参与人员"])
    rows = [[rng.choice(["项目名称", "课题名称"]), pj["title"], "", ""],
            [rng.choice(["项目编号", "立项编号"]), pj["number"], "项目类别", pj["source"]],
            [rng.choice(["项目负责人", "课题负责人", "主持人"]), lead, "职称", lt],
            ["所在单位", lu, "联系电话", f"13{rng.randint(100000000, 999999999)}"]]
    narrow = rng.random() < 0.4  # a label column so narrow its labels wrap ('项目组' / '成员')
    if rng.random() < 0.6:
        rows.append([mlab, rng.choice(["、", "，", "  "]).join(others), "", ""])
        c.table(rows, widths=[0.7, 3.2, 1.1, 2.2] if narrow else [1.3, 2.6, 1.1, 2.2], header=False, size=11,
                align=["c", "l", "c", "l"])
    else:  # the members over several cells of the row, then a second row
        per = 3
        chunks = [others[i:i + per] for i in range(0, len(others), per)]
        for k, ch in enumerate(chunks):
            rows.append([mlab if k == 0 else "", *(ch + [""] * (per - len(ch)))])
        c.table(rows, widths=[0.7, 2.3, 1.8, 2.4] if narrow else [1.3, 2.0, 1.5, 2.4], header=False, size=11,
                align=["c", "l", "c", "l"])
    c.space(8)
    c.para(rng.choice(["验收意见：该项目完成了任务书规定的研究内容，同意通过验收。", "专家组意见：同意结题。"]), size=12)
    _sign(c, pj["issuer"], pj["issue_date"], rng, prefix=rng.choice(["科研管理部门（盖章）", None]), before=16)
    return c


def project_proof(d: dict, fam: str, rng: random.Random):
    return rng.choice([_project_appraisal, _project_task_book, _project_closing, _project_notice_table,
                       _project_closing_labels, _project_sentence, _project_form_cell])(d, rng)


BUILDERS: dict = {"award_certificate": award_certificate, "project_proof": project_proof}
