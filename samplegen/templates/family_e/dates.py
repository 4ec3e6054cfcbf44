"""Family E builders for the kinds whose dates stand under other labels or only in a
signature block (see the package docstring). Written from real documents of each kind:

| kind | E layouts |
|---|---|
| qualification_certificate | two-page landscape 资格证书 card (取得资格时间/批准日期 left, 签发日期 + seal right) · 职业资格证书 with 证书编号 and 考试通过日期 / 发证日期 · 评审通过 资格确认书 with 批准文号 and 评审通过时间 |
| presentation_proof | 论文交流证明 letter signed by the organiser (org line, date line right-aligned under the seal) · 大会发言证明 form with the signature below the table · landscape 优秀论文/交流证书 with 编号 and a handwritten date |
| leader_endorsement | 领导批示件 with the leader's handwritten signature and date only · 批示摘报 signed by the office · 批示呈阅单 form with 收文日期 and 批示时间/批示日期 cells |
| assessment_proof | 年度考核登记表 (form, 考核年度, unit opinion, signature under the table) · 进修鉴定表 with 鉴定日期 · 考核结果证明 with 考核时间 and a 二〇二三 signature |
| conference_notice | numbered 会议通知 with 会议时间 range and 报到 day · 年会 notice with a 日程 table and 报到时间 label · 参会通知 (回执 deadline) to one invitee |

Label conventions are family D's: ISO dates, `issue_date` is the signature (or labelled
signing/endorsement) date, a qualification's `pass_date` is the date the qualification was
granted (取得资格/批准/考试通过/评审通过), never its 签发/发证 date, which is the
certificate's `issue_date`.
"""

from __future__ import annotations

import datetime as dt
import random

from samplegen.dates import fmt_date, upper_number
from samplegen.fonts import text_width
from samplegen.layout import A4, A4_LANDSCAPE, BLACK, BLUE_INK, RED, Composer
from samplegen.templates.family_d import _others

LEVEL_ZH = {"senior": "高级", "intermediate": "中级", "junior": "初级", "practising": "执业资格"}
NAVY = (30, 60, 120)


# --- helpers --------------------------------------------------------------------------------

def _comp(rng: random.Random, landscape: bool = False, size: float | None = None, role: str | None = None,
          margins=None) -> Composer:
    margins = margins or ((70, 70, 60, 56) if landscape else (78, 72, 72, 64))
    return Composer(size=A4_LANDSCAPE if landscape else A4, margins=margins,
                    role=role or rng.choice(["song", "fang", "song"]), font_size=size or rng.choice([13, 13.5, 14]),
                    rng=rng)


def _fmt(d: dt.date, style: str) -> str:
    """E's date styles: the samplegen ones plus forms filled in with spaces ('2023 年 5 月 8 日')."""
    if style == "cnsp":
        return f"{d.year} 年 {d.month} 月 {d.day} 日"
    if style == "upsp":  # 二〇二三年 五月 八日 as a typist spaces it
        return fmt_date(d, "upper").replace("年", "年 ").replace("月", "月 ")
    return fmt_date(d, style)


def _date(c: Composer, name: str | None, d: dt.date, style: str) -> str:
    s = _fmt(d, style)
    if name:
        c.field(name, d.isoformat(), raw=s)
    return s


def _sig(c: Composer, org: str | None, d: dt.date, style: str, rng: random.Random, *, seal: bool = True,
         align: str = "r", hand: bool = False, seal_text: str | None = None, before: float = 30,
         register: bool = True, lead: str | None = None) -> str:
    """A signature block: (optional lead line, e.g. '（盖章）'), the organisation line, the
    date line, right-aligned (or centred towards the right), a seal over them. Registers
    organization/issue_date with what is printed."""
    s = _fmt(d, style)
    c.space(before)
    c.ensure(c.size * c.leading * 3 + 40)
    size = c.size
    w = max(text_width(org or "", c.role, size), text_width(s, "kai" if hand else c.role, size))
    right = c.width - c.right - (0 if align == "r" else size * 2)
    top = c.y
    if lead:
        c.line_text(lead, align="r", x=right)
    if org:
        c.line_text(org, align="r", x=right)
    if hand:
        c.line_text(s, align="r", x=right + rng.uniform(-10, 6), role="kai", size=size + 2, color=BLUE_INK, hand=True)
    else:
        c.line_text(s, align="r", x=right)
    if seal and (org or seal_text):
        cx = right - w / 2 + rng.uniform(-14, 14)
        c.seal(cx, (top + c.y) / 2 + rng.uniform(-8, 6), seal_text or org)
    if register:
        if org:
            c.field("organization", org)
        c.field("issue_date", d.isoformat(), raw=s)
    return s


def _kvtable(c: Composer, rows, widths=(1.2, 2.4, 1.2, 2.4), size: float = 11, min_h: float = 0) -> None:
    c.table([list(r) + [""] * (len(widths) - len(r)) for r in rows], widths=list(widths), header=False, size=size,
            align=["c", "l"] * (len(widths) // 2), min_h=min_h)


# --- qualification certificate ------------------------------------------------------------

def qualification_certificate(d: dict, fam: str, rng: random.Random):
    q = d["qualification"]
    name, pid, person = d["name"], d["id_number"], d["person"]
    issuer = q["issuer"].split()[-1]
    lvl = LEVEL_ZH[q["level"]]
    pass_d, sign_d = q["pass_date"], q["print_date"]
    v = rng.random()
    if v >= 0.42:  # the layouts written later (bilingual card, column grid, sentence, 职称 form, 技能/执业 card)
        c, issuer = _QUAL_MORE[min(int((v - 0.42) / 0.116), 4)](d, q, rng)
        c.field("organization", issuer)
    elif v < 0.14:  # two-page landscape certificate card
        c = _comp(rng, landscape=True, size=13, margins=(50, 50, 50, 40))
        c.frame((120, 30, 30), inset=18, width=1.6)
        mid = c.width / 2
        c.page.items.append(_vline(mid, 30, c.height - 30))
        lx, rx = 70.0, mid + 40
        c.portrait(lx + 10, 70, 84, 110)
        y = 215
        pstyle = rng.choice(["cn", "cn0", "dot0", "cnsp"])
        plabel = rng.choice(["取得资格时间", "资格取得时间", "批准日期", "取得资格日期"])
        left = [("姓　　名", name), ("性　　别", person.gender), ("出生年月", f"{person.birth.year}年{person.birth.month}月"),
                ("身份证号", pid), ("工作单位", person.unit)]
        for k, val in left:
            c.at(lx, y, f"{k}　{val}", size=12)
            y += 30
        ps = _date(c, "pass_date", pass_d, pstyle)
        c.at(lx, y, f"{plabel}　{ps}", size=12)
        y += 30
        c.at(lx, y, f"管 理 号　{q['cert_no']}", size=12)
        c.at(rx + (c.width - 50 - rx) / 2, 100, q["header"], role="heib", size=22, color=RED, align="c")
        y = 160
        for k, val in [("资格名称", q["title"]), ("级　　别", lvl)]:
            c.at(rx, y, f"{k}　{val}", size=13)
            y += 34
        c.at(rx, y + 6, "经全国统一考试合格，取得相应专业技术资格，特发此证。", size=11.5)
        sstyle = rng.choice(["cn", "upper", "cn0"])
        ss = _date(c, "issue_date", sign_d, sstyle)
        c.at(rx, c.height - 150, f"签发单位　{issuer}", size=12)
        c.at(rx, c.height - 118, f"签发日期　{ss}", size=12)
        c.seal(c.width - 150, c.height - 140, issuer, r=48)
        c.field("organization", issuer)
    elif v < 0.28:  # 职业资格证书 with 证书编号, 考试通过日期 and 发证日期
        c = _comp(rng, size=13, margins=(84, 84, 80, 70))
        c.frame((40, 80, 140), inset=24, width=2.0)
        c.y = 100
        c.line_text("中华人民共和国", align="c", role="heib", size=18, color=NAVY, after=2)
        c.line_text(q["header"], align="c", role="heib", size=24, color=NAVY, after=6)
        c.line_text(f"证书编号：{q['cert_no']}", align="r", size=11, after=14)
        c.portrait(c.width - c.right - 84, c.y, 80, 104)
        pl = rng.choice(["考试通过日期", "考试合格时间", "资格取得日期", "取得资格日期"])
        ps = _date(c, "pass_date", pass_d, rng.choice(["cn", "iso", "dot0"]))
        ss = _date(c, "issue_date", sign_d, rng.choice(["cn", "iso", "dot0"]))
        rows = [("姓名", name), ("性别", person.gender), ("身份证件号码", pid), ("资格名称", q["title"]),
                ("资格级别", lvl), (pl, ps)]
        for k, val in rows:
            c.kv(k, val, size=12.5)
        c.space(12)
        c.para(f"持证人通过{q['exam']}，成绩合格，具备{q['title']}的专业水平和能力，准予登记。", size=12)
        c.space(30)
        c.line_text(f"发证机关：{issuer}", align="r", size=12.5)
        c.line_text(f"发证日期：{ss}", align="r", size=12.5)
        c.seal(c.width - c.right - 80, c.y - 24, issuer, r=46)
        c.field("organization", issuer)
    else:  # 评审/资格确认书 with 批准文号 and 评审通过时间 (a 职称 granted by review)
        c = _comp(rng, size=13)
        org = rng.choice([f"{person.city}市职称改革工作领导小组办公室", f"{person.city}市人力资源和社会保障局",
                          "河南省人力资源和社会保障厅"])
        c.space(20)
        c.line_text("专业技术资格确认书", align="c", role="songb", size=22, after=6)
        docno = f"{'豫' if '河南' in org else person.city[0]}职称〔{q['pass_date'].year}〕{rng.randint(3, 60)}号"
        c.line_text(f"编号：{q['cert_no']}", align="r", size=11, after=10)
        c.para(f"{name}同志（身份证号：{pid}），经{person.city}市专业技术资格评审委员会评审通过，"
               f"{org.replace('办公室', '')}审核批准，具备{q['title']}专业技术资格。", size=13)
        style = rng.choice(["cn", "cn0", "upper"])
        ps = _date(c, "pass_date", pass_d, style)
        _kvtable(c, [("姓名", name, "性别", person.gender), ("工作单位", person.unit, "资格级别", lvl),
                     ("资格名称", q["title"], rng.choice(["评审通过时间", "评审通过日期", "资格取得时间"]), ps),
                     ("批准文号", docno)], widths=(1.1, 2.4, 1.2, 2.0), size=10.5)
        _sig(c, org, sign_d, rng.choice(["cn", "upper"]), rng, lead=None)
    c.field("qualification_name", q["name"], raw=q["title"])
    c.field("qualification_level", q["level"])
    c.field("person_name", name)
    c.field("id_number", pid, raw=pid)
    c.field("certificate_number", q["cert_no"], raw=q["cert_no"])
    return c


def _vline(x: float, y0: float, y1: float):
    from samplegen.layout import LineItem
    return LineItem(x, y0, x, y1, 0.6, (150, 150, 150))


# Later qualification layouts: each returns (composer, issuer) and registers pass_date and
# issue_date itself; the caller registers the name, level, person, id and number.

def _lv_word(q: dict) -> str:
    return {"senior": "高级", "intermediate": "中级", "junior": "初级", "practising": ""}[q["level"]]


def _q_bilingual(d: dict, q: dict, rng: random.Random):
    """人社部-style bilingual card: each label a Chinese line over its English line, the value
    beside the Chinese label or under the pair; 出生日期 a full date too."""
    name, pid, person = d["name"], d["id_number"], d["person"]
    issuer = q["issuer"].split()[-1]
    c = _comp(rng, size=12, margins=(64, 64, 60, 56))
    c.frame(NAVY, inset=20, width=1.6)
    c.y = 78
    c.line_text("中华人民共和国", align="c", role="heib", size=17, color=NAVY, after=0)
    c.line_text(q["header"], align="c", role="heib", size=22, color=NAVY, after=0)
    c.line_text("Qualification Certificate of the People's Republic of China", align="c", size=10, after=10)
    c.para(f"本证书由中华人民共和国{issuer}批准颁发。它表明持证人通过国家统一组织的考试，取得相应的资格。", size=11)
    c.para("This is to certify that the bearer has passed the national examination and obtained the qualification.",
           size=9, indent=0)
    c.portrait(c.width - c.right - 90, c.y + 6, 80, 104)
    st = rng.choice(["cn0", "iso", "slash", "dot0", "cn"])
    ps = _date(c, "pass_date", q["pass_date"], st)
    ss = _date(c, "issue_date", q["print_date"], st)
    appr = rng.choice([("批准日期", "Date of Approval"), ("取得资格日期", "Date of Qualification"),
                       ("资格取得日期", "Date Qualified")])
    rows = [("姓　　名", "Full Name", name), ("性　　别", "Sex", person.gender),
            ("出生日期", "Date of Birth", _fmt(person.birth, st)), ("身份证件号码", "ID No.", pid),
            ("资格名称", "Qualification", q["title"]), ("级　　别", "Level", LEVEL_ZH[q["level"]]),
            (appr[0], appr[1], ps), ("管 理 号", "File No.", q["cert_no"]),
            ("签发单位", "Issued by", issuer), ("签发日期", "Date of Issue", ss)]
    below = rng.random() < 0.45
    y0 = c.y + 34
    step = 47 if below else 40
    for i, (zh, en, val) in enumerate(rows):
        x = c.left + 10
        y = y0 + i * step
        c.at(x, y, zh, role="hei", size=11.5)
        c.at(x, y + 13, en, size=8.5, color=(70, 70, 70))
        if below:
            c.at(x + 8, y + 34, val, size=12)
        else:
            c.at(x + 118, y, val, size=12)
    c.seal(c.left + 150, y0 + 8.5 * step, issuer, r=46)
    c.y = y0 + 10 * step
    return c, issuer


def _q_grid(d: dict, q: dict, rng: random.Random):
    """卫生/专业技术资格证书 with its entries in a ruled grid, each label over its value; a
    year-only 考试年度 cell before the full 取得资格 day."""
    name, person = d["name"], d["person"]
    issuer = q["issuer"].split()[-1]
    c = _comp(rng, size=12.5)
    c.frame((120, 30, 30), inset=22, width=1.8)
    c.y = 96
    c.line_text(q["header"], align="c", role="heib", size=22, color=RED, after=12)
    c.para(f"本证书由{q['issuer'].replace(' ', '、')}批准颁发。它表明持证人通过国家统一组织的考试，"
           f"取得{q['header'].replace('证书', '')}。", size=12)
    c.space(10)
    st = rng.choice(["cn0", "cn", "upper", "dot0"])
    ps = _date(c, "pass_date", q["pass_date"], st)
    ylab = rng.choice(["考试年度", "考试年份", "年　度"])
    plab = rng.choice(["资格取得日期", "取得资格时间", "资格取得时间", "取得时间"])
    rows = [["姓名", "性别", "出生年月", ylab],
            [name, person.gender, f"{person.birth.year}年{person.birth.month}月", f"{q['pass_date'].year}年度"],
            ["身份证号", d["id_number"], "工作单位", person.unit],
            ["专业", "资格名称", "级别", plab], [person.dept, q["title"], LEVEL_ZH[q["level"]], ps]]
    c.table(rows, widths=[1.2, 2.2, 1.1, 1.9], size=10.5, header=False)
    c.space(16)
    c.kv("管理号", q["cert_no"], size=12)
    c.space(26)
    ss = _date(c, "issue_date", q["print_date"], rng.choice(["cn", "upper", "cn0"]))
    c.line_text(f"签发单位：{issuer}", align="r", size=12)
    c.line_text(f"签发日期：{ss}", align="r", size=12)
    c.seal(c.width - c.right - 80, c.y - 26, issuer, r=46)
    return c, issuer


def _q_sentence(d: dict, q: dict, rng: random.Random):
    """A 职称/资格 certificate that states its pass day only in a sentence (经…评审通过，于…取得…),
    signed by the issuer with a later date; a 考试年度 year may stand before the day."""
    name, pid, person = d["name"], d["id_number"], d["person"]
    pd = q["pass_date"]
    c = _comp(rng, size=14, margins=(90, 90, 80, 70))
    c.frame((150, 40, 40), inset=24, width=2.0)
    c.y = 110
    c.line_text(rng.choice(["专业技术资格证书", "职 称 证 书", "资 格 证 书"]), align="c", role="heib", size=26, color=RED,
                after=10)
    c.line_text(f"证书编号：{q['cert_no']}", align="r", size=11, after=16)
    c.line_text(f"{name}同志（身份证号：{pid}）：", after=4)
    ps = _date(c, "pass_date", pd, rng.choice(["cn", "upper", "cn0"]))
    committee = f"{person.city}市{rng.choice(['', '工程系列', '卫生系列', '中小学教师'])}{_lv_word(q)}专业技术资格评审委员会"
    w = rng.randrange(4)
    if w == 0:
        body = f"经{committee}评审通过，于{ps}取得{q['title']}资格。"
    elif w == 1:
        body = f"于{ps}经{committee}评审通过，具备{q['title']}专业技术资格。"
    elif w == 2:
        body = f"参加{pd.year}年度{q['exam']}，成绩合格，经审核，于{ps}取得{q['title']}资格。"
    else:
        body = f"经{committee}评审，主管部门审核确认，自{ps}起具有{q['title']}资格。"
    c.para(body, leading=2.0)
    c.para("特发此证。", leading=2.0)
    c.line_text(f"批准文号：{person.city_abbr}人社职〔{pd.year}〕{rng.randint(8, 90)}号", size=12, after=0)
    org = q["issuer"].split()[-1] if w == 2 else f"{person.city}市人力资源和社会保障局"
    _sig(c, org, q["print_date"], rng.choice(["upper", "cn", "upsp"]), rng, before=30)
    return c, org


def _q_title_form(d: dict, q: dict, rng: random.Random):
    """职称 (专业技术职务任职资格) form: birth and work-start dates, a 评审年度, and the pass day
    under one of the review labels (or only beside the 批准文号), 发证时间 under the seal."""
    name, person = d["name"], d["person"]
    pd = q["pass_date"]
    org = rng.choice([f"{person.city}市职称改革工作领导小组办公室", f"{person.city}市人力资源和社会保障局",
                      f"{person.city}市职称改革工作领导小组"])
    c = _comp(rng, size=13)
    c.space(24)
    c.title(rng.choice(["专业技术职务任职资格证书", "专业技术资格评审结果证书"]), size=20, role="songb", after=6)
    c.line_text(f"证书编号：{q['cert_no']}", align="r", size=11, after=8)
    st = rng.choice(["cn0", "upper", "dot0", "cn"])
    ps = _date(c, "pass_date", pd, st)
    docno = f"{person.city_abbr}职改〔{pd.year}〕{rng.randint(3, 60)}号"
    rows = [("姓名", name, "性别", person.gender), ("出生日期", _fmt(person.birth, st), "参加工作时间", f"{person.birth.year + 23}年7月"),
            ("身份证号", d["id_number"]), ("工作单位", person.unit), ("专业", person.dept, "评审年度", f"{pd.year}年度"),
            ("资格名称", q["title"], "级别", LEVEL_ZH[q["level"]])]
    if rng.random() < 0.25:
        rows.append(("批准文号", f"{docno}（{ps}）"))
    else:
        rows += [(rng.choice(["评审通过时间", "任职资格取得时间", "认定时间", "评审时间", "资格认定日期"]), ps,
                  "批准文号", docno)]
    rows.append(("评审委员会", f"{person.city}市{_lv_word(q)}专业技术资格评审委员会"))
    _kvtable(c, rows, widths=(1.3, 2.3, 1.3, 2.0), size=10.5)
    c.space(10)
    c.para("经评审委员会评审通过，具备上述专业技术资格，特发此证。", size=12.5)
    ss = _date(c, "issue_date", q["print_date"], rng.choice(["cn", "upper"]))
    c.space(30)
    c.line_text(f"{org}（章）", align="r", size=12.5)
    c.line_text(f"发证时间：{ss}", align="r", size=12.5)
    c.seal(c.width - c.right - 90, c.y - 28, org, r=46)
    return c, org


def _q_skill_card(d: dict, q: dict, rng: random.Random):
    """Landscape 职业资格/技能 card: a two-column grid of label | value cells with 考核/鉴定
    日期 (a day written with spaces or in numerals) and 发证日期; the issuer as 评价机构."""
    name, pid = d["name"], d["id_number"]
    issuer = q["issuer"].split()[-1]
    c = _comp(rng, landscape=True, size=13, margins=(70, 70, 60, 50))
    c.frame((20, 100, 90), inset=18, width=1.8)
    c.y = 64
    c.line_text(q["header"], align="c", role="heib", size=24, color=(20, 100, 90), after=14)
    c.portrait(c.left + 6, c.y + 6, 84, 110)
    st = rng.choice(["cnsp", "cn0", "dot0", "iso", "upper"])
    ps = _date(c, "pass_date", q["pass_date"], st)
    ss = _date(c, "issue_date", q["print_date"], st)
    plab = rng.choice(["考核日期", "鉴定日期", "考核合格日期", "认定日期", "考试合格日期"])
    ilab = rng.choice(["发证日期", "颁证日期", "发证时间"])
    rows = [("证书编号", q["cert_no"], "姓　　名", name), ("身份证号", pid, "职业(工种)", q["title"]),
            ("等　　级", LEVEL_ZH[q["level"]], plab, ps), ("评价机构", issuer, ilab, ss)]
    x0 = c.left + 110
    _save = c.left
    c.left = x0
    _kvtable(c, rows, widths=(1.0, 2.0, 1.0, 2.0), size=11, min_h=34)
    c.left = _save
    c.space(14)
    c.para("经考核合格，特发此证。本证书可在全国职业技能等级证书查询系统查询。", size=11, indent=0)
    c.seal(c.width - c.right - 120, c.y - 70, issuer, r=46)
    return c, issuer


_QUAL_MORE = (_q_bilingual, _q_grid, _q_sentence, _q_title_form, _q_skill_card)


# --- presentation proof --------------------------------------------------------------------

def presentation_proof(d: dict, fam: str, rng: random.Random):
    m, pr = d["conference"], d["presentation"]
    name = d["name"]
    wc = pr["word_count"]
    org = m["organizer"]
    v = rng.random()
    style = rng.choice(["upper", "cn", "dot", "upsp"])
    if v >= 0.52:  # later layouts: body dates before the signature's (letter, form with 日期：, dated certificate)
        c = (_p_dated_letter, _p_form_dated, _p_certificate_dateline)[min(int((v - 0.52) / 0.16), 2)](d, rng)
    elif v < 0.18:  # 论文交流证明 letter
        c = _comp(rng)
        c.space(40)
        c.line_text(rng.choice(["证　　明", "论文交流证明", "学术交流证明"]), align="c", role="songb", size=22, after=22)
        wtxt = rng.choice([f"约{wc}字", f"{wc}字", f"全文{wc}字"])
        c.para(f"兹有{d['unit']}{name}同志撰写的论文《{pr['article_title']}》（{wtxt}），经专家组评审，"
               f"入选{m['title']}，并在会上作{pr['form']}。", leading=2.0)
        c.field("word_count", str(wc), raw=wtxt)
        c.para("特此证明。", leading=2.0)
        _sig(c, org, pr["issue_date"], style, rng, before=40)
    elif v < 0.35:  # 大会发言证明 form, signed below the table
        c = _comp(rng, size=12.5)
        c.space(16)
        c.title(f"{m['title']}", size=16, role="heib", after=2)
        c.line_text("大会交流发言证明", align="c", role="heib", size=20, after=12)
        _kvtable(c, [("发言人", name, "工作单位", d["unit"]), ("论文题目", f"《{pr['article_title']}》"),
                     ("交流形式", pr["form"], "论文字数", f"{wc}字")], widths=(1.1, 2.5, 1.1, 2.5), size=11)
        c.field("word_count", str(wc), raw=f"{wc}字")
        c.space(8)
        c.para(f"以上同志的论文经{m['title']}学术委员会审定，在大会安排交流，情况属实。", size=12.5)
        _sig(c, org, pr["issue_date"], style, rng, lead="（盖章）" if rng.random() < 0.5 else None, before=36,
             hand=rng.random() < 0.4)
    else:  # landscape 交流证书 with 编号 and a handwritten date
        c = _comp(rng, landscape=True, size=16, margins=(100, 100, 80, 60))
        c.frame((170, 40, 40), inset=22, width=2.2)
        c.y = 70
        c.line_text(f"编号：{m['start'].year}JL{rng.randint(100, 999)}", align="r", size=10.5, after=6)
        c.line_text(rng.choice(["交 流 证 书", "优秀论文交流证书"]), align="c", role="heib", size=30, color=RED, after=22)
        c.para(f"{name}：", indent=0)
        c.para(f"您的论文《{pr['article_title']}》（{wc}字）在{m['title']}上进行{pr['form'].replace('大会', '')}交流，"
               "特发此证，以资鼓励。", leading=2.0)
        c.field("word_count", str(wc), raw=f"{wc}字")
        _sig(c, org, pr["issue_date"], rng.choice(["cn", "dot", "upper"]), rng, before=24, hand=rng.random() < 0.6)
    c.field("person_name", name)
    c.field("article_title", pr["article_title"], raw=pr["article_title"])
    c.field("title", m["title"])
    return c


def _md(x: dt.date, style: str) -> str:
    """Month and day as the body of a letter writes them (10月14日, 十月十四日)."""
    return f"{upper_number(x.month)}月{upper_number(x.day)}日" if style in ("upper", "upsp") else f"{x.month}月{x.day}日"


def _p_dated_letter(d: dict, rng: random.Random):
    """证明 letter whose body dates the conference (a range) and the talk (a day), signed by the
    organiser with a later date (often in numerals, under the seal); a contact line may follow."""
    m, pr = d["conference"], d["presentation"]
    name, wc = d["name"], pr["word_count"]
    start, end = m["start"], m["end"]
    talk = start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))
    st = rng.choice(["cn", "upper", "cn0"])
    c = _comp(rng)
    c.space(40)
    c.line_text(rng.choice(["证　　明", "参会交流证明", "学术报告证明"]), align="c", role="songb", size=22, after=22)
    rng_txt = f"{_fmt(start, st)}至{_md(end, st) if end.month == start.month or st != 'upper' else _fmt(end, st)}"
    c.para(f"兹证明{d['unit']}{name}同志于{rng_txt}参加了在{m['place']}召开的{m['title']}。"
           f"其撰写的论文《{pr['article_title']}》（{wc}字）经大会学术委员会审定，"
           f"于{_md(talk, st)}在{rng.choice(['第二分会场', '主会场', '青年论坛'])}作{pr['form']}。", leading=2.0)
    c.field("word_count", str(wc), raw=f"{wc}字")
    c.para("特此证明。", leading=2.0)
    _sig(c, m["organizer"], pr["issue_date"], rng.choice(["upper", "cn", "upsp", "cn0"]), rng, before=40,
         lead=f"{m['title']}组委会" if rng.random() < 0.3 else None)
    if rng.random() < 0.5:
        c.space(30)
        c.line_text(f"联系人：{_others(rng, name, 1)[0]}　　联系电话：0371-{rng.randint(60000000, 69999999)}", size=11)
    return c


def _p_form_dated(d: dict, rng: random.Random):
    """学术交流情况证明表: 会议时间 (a range) and 交流时间 (a day) in the form, the organiser's
    stamp line, and the signature day under a bare 日期 label."""
    m, pr = d["conference"], d["presentation"]
    name, wc = d["name"], pr["word_count"]
    start, end = m["start"], m["end"]
    st = rng.choice(["cn", "dot", "cn0"])
    c = _comp(rng, size=12.5)
    c.space(20)
    c.title(rng.choice(["学术交流情况证明表", "论文交流证明单"]), size=19, role="heib", after=12)
    _kvtable(c, [("姓名", name, "工作单位", d["unit"]), ("会议名称", m["title"]),
                 ("会议时间", f"{_fmt(start, st)}—{_fmt(end, st)}", "会议地点", m["place"]),
                 ("交流题目", f"《{pr['article_title']}》"),
                 ("交流形式", pr["form"], "交流时间", _fmt(start + dt.timedelta(days=rng.randint(0, 1)), st)),
                 ("论文字数", f"{wc}字", "主办单位", m["organizer"])], widths=(1.1, 2.5, 1.1, 2.5), size=10.5)
    c.field("word_count", str(wc), raw=f"{wc}字")
    _kvtable(c, [("主办单位意见", "情况属实。")], widths=(1.3, 5.9), size=10.5, min_h=60)
    c.space(26)
    s = _fmt(pr["issue_date"], rng.choice(["cn", "upper", "cnsp", "dot"]))
    x = c.width - c.right - 230
    c.at(x, c.y, rng.choice(["主办单位（盖章）：", "证明单位（盖章）："]), size=12.5)
    c.at(x, c.y + 34, f"日期：{s}", size=12.5)
    c.seal(x + 130, c.y + 10, m["organizer"], r=46)
    c.y += 50
    c.field("issue_date", pr["issue_date"].isoformat(), raw=s)
    c.field("organization", m["organizer"])
    return c


def _p_certificate_dateline(d: dict, rng: random.Random):
    """Certificate headed by the organiser, the conference's dates and place in its text, and
    at the foot only a date on its own right-aligned line under the seal."""
    m, pr = d["conference"], d["presentation"]
    name, wc = d["name"], pr["word_count"]
    c = _comp(rng, size=15, margins=(90, 90, 80, 70))
    c.frame((30, 90, 160), inset=24, width=2)
    c.y = 110
    c.line_text(m["organizer"], align="c", role="hei", size=16, after=4)
    c.line_text(rng.choice(["交流证书", "论文交流证书", "报告证书"]), align="c", role="heib", size=30,
                color=(30, 70, 150), after=26)
    st = rng.choice(["cn", "dot0"])
    c.para(f"{name}：", indent=0)
    c.para(f"您的论文《{pr['article_title']}》（{wc}字）在{_fmt(m['start'], st)}—{_fmt(m['end'], st)}于"
           f"{m['place']}举办的{m['title']}上作{pr['form']}，特发此证。", leading=2.1)
    c.field("word_count", str(wc), raw=f"{wc}字")
    c.space(50)
    s = _fmt(pr["issue_date"], rng.choice(["upper", "cn", "upsp"]))
    c.line_text(s, align="r", size=15)
    c.seal(c.width - c.right - 80, c.y - 20, m["organizer"], r=50)
    c.field("issue_date", pr["issue_date"].isoformat(), raw=s)
    c.field("organization", m["organizer"])
    return c


# --- leader endorsement --------------------------------------------------------------------

def _hand_lines(c: Composer, text: str, x: float, y: float, n: int = 18, step: float = 26) -> float:
    for i in range(0, len(text), n):
        c.at(x, y, text[i:i + n], role="kai", size=17, color=BLUE_INK, hand=True)
        y += step
    return y


def leader_endorsement(d: dict, fam: str, rng: random.Random):
    e = d["endorsement"]
    name = d["name"]
    report = f"关于{e['report']}的调研报告"
    c = _comp(rng, size=13)
    c.field("leader_level", e["level"])
    c.field("title", e["report"], raw=e["report"])
    c.field("person_name", name)
    v = rng.random()
    if v >= 0.52:  # later layouts: 转办通知 with a 版记, 阅批单 with a 日期 label, 简报 dated at its foot
        (_l_forwarding, _l_reading_slip, _l_bulletin)[min(int((v - 0.52) / 0.16), 2)](c, d, e, report, rng)
    elif v < 0.18:  # the 批示件 itself: a copy of the report's cover with the leader's hand
        c.line_text(e["issuer"], align="c", role="songb", size=18, color=RED, after=0)
        c.line_text(rng.choice(["领导批示件", "呈阅件", "送阅件"]), align="c", role="songb", size=26, color=RED, after=4)
        c.rule(RED, 1.4, after=14)
        c.title(report, size=16, role="heib", after=2)
        c.line_text(f"{d['unit']}　{'　'.join(e['authors'])}", align="c", size=12, after=10)
        top = c.y
        c.rect(c.left, top, c.width - c.right, top + 170, color=RED, width=0.6)
        c.at(c.left + 8, top + 20, "批示：", role="hei", size=12, color=RED)
        y = _hand_lines(c, e["comment"], c.left + 60, top + 48)
        c.at(c.width - c.right - 30, max(y, top + 120) + 4, e["leader"], role="kai", size=18, color=BLUE_INK,
             hand=True, align="r")
        hs = _fmt(e["date"], rng.choice(["dot", "cn", "upper"]))
        c.at(c.width - c.right - 20, max(y, top + 120) + 30, hs, role="kai", size=16, color=BLUE_INK, hand=True,
             align="r")
        c.field("issue_date", e["date"].isoformat(), raw=hs)
        c.y = top + 190
        for para in e["summary"][:2]:
            c.para(para, size=12)
        c.field("organization", e["issuer"])
    elif v < 0.35:  # 批示摘报, signed by the office
        lvl_word = {"provincial": "省", "city": "市", "county": "县"}[e["level"]]
        c.space(24)
        c.title(f"{lvl_word}领导批示摘报", size=22, role="songb", color=RED, after=4)
        c.line_text(f"第{e['issue_no']}期", align="c", size=12, after=4)
        c.rule(RED, 1.2, after=14)
        c.para(f"{d['unit']}{'、'.join(e['authors'])}同志撰写的《{report}》报送后，{e['leader_title']}"
               f"{e['leader']}同志作出批示：", size=13)
        c.para(f"“{e['comment']}”", role="kai", size=14)
        c.para("现将批示内容摘报如下，请有关单位认真学习领会，抓好贯彻落实。", size=13)
        _sig(c, e["issuer"], e["date"], rng.choice(["upper", "cn", "upsp"]), rng, before=34)
    else:  # 批示呈阅单 form: 收文日期 and 批示时间/日期 cells
        c.line_text(e["issuer"], align="c", role="songb", size=18, color=RED, after=2)
        c.line_text("领导批示呈阅单", align="c", role="songb", size=22, color=RED, after=10)
        st = rng.choice(["cn", "cn0", "dot"])
        got = _fmt(e["submitted"], st)
        hs = _fmt(e["date"], st)
        c.field("issue_date", e["date"].isoformat(), raw=hs)
        _kvtable(c, [("来文单位", d["unit"], "收文日期", got), ("文件标题", f"《{report}》"),
                     ("撰稿人", "、".join(e["authors"]), "批示领导", f"{e['leader_title']}{e['leader']}"),
                     (rng.choice(["批示时间", "批示日期"]), hs, "办理编号", f"{e['date'].year}-{e['issue_no']:03d}")],
                 widths=(1.1, 2.5, 1.1, 2.2), size=11)
        _kvtable(c, [("批示内容", e["comment"])], widths=(1.1, 5.8), size=11, min_h=90)
        _kvtable(c, [("办理情况", "已转有关单位研究办理。")], widths=(1.1, 5.8), size=11, min_h=40)
        c.seal(c.width - c.right - 100, c.y - 40, e["issuer"], r=44)
        c.field("organization", e["issuer"])
    return c


def _l_forwarding(c: Composer, d: dict, e: dict, report: str, rng: random.Random) -> None:
    """批示转办通知: the report's submission day and a reply deadline in the body, the office's
    signature and date, then a 版记 (抄送 and an 印发 day) under a rule."""
    lvl_word = {"provincial": "省", "city": "市", "county": "县"}[e["level"]]
    c.line_text(e["issuer"], align="c", role="songb", size=min(24, c.content_width / len(e["issuer"])), color=RED, after=2)
    c.line_text(f"{lvl_word}政办督〔{e['date'].year}〕{e['issue_no']}号", align="c", size=12, after=0)
    c.rule(RED, 1.6, after=14)
    c.title(f"关于落实{e['leader_title']}{e['leader']}同志批示精神的通知", size=17, role="songb", after=8)
    c.line_text("各有关单位：", after=2)
    st = rng.choice(["cn", "cn0"])
    c.para(f"{d['unit']}于{_fmt(e['submitted'], st)}报送的《{report}》（{'、'.join(e['authors'])}执笔），"
           f"{e['leader_title']}{e['leader']}同志作出重要批示：“{e['comment']}”")
    deadline = e["date"] + dt.timedelta(days=rng.randint(15, 30))
    c.para(f"请各有关单位认真学习领会，抓好贯彻落实，并于{_fmt(deadline, st)}前将落实情况书面报送{lvl_word}政府督查室。")
    _sig(c, e["issuer"], e["date"], rng.choice(["upper", "cn", "upsp"]), rng, before=36)
    c.space(40)
    c.rule(BLACK, 0.8, after=4)
    c.line_text(f"抄送：{lvl_word}委办公室，{lvl_word}人大常委会办公室。", size=11, after=2)
    c.rule(BLACK, 0.5, after=4)
    c.line_text(f"{e['issuer']}　　　　　{_fmt(e['date'] + dt.timedelta(days=rng.randint(1, 3)), 'cn')}印发", size=11)
    c.rule(BLACK, 0.8, after=2)


def _l_reading_slip(c: Composer, d: dict, e: dict, report: str, rng: random.Random) -> None:
    """领导阅批单: 报送日期 in the header row, the comment in a ruled box, and below it one
    line with the signer and a 日期 label; the office stamps the slip."""
    c.line_text(e["issuer"], align="c", role="songb", size=18, color=RED, after=2)
    c.line_text(rng.choice(["领导阅批单", "文件阅批单"]), align="c", role="songb", size=22, color=RED, after=10)
    st = rng.choice(["cn", "dot", "cn0"])
    _kvtable(c, [("报送单位", d["unit"], "报送日期", _fmt(e["submitted"], st)),
                 ("标　　题", f"《{report}》"), ("执 笔 人", "、".join(e["authors"]), "份　　数", "1份")],
             widths=(1.1, 2.6, 1.1, 2.1), size=11)
    top = c.y
    c.rect(c.left, top, c.width - c.right, top + 160, color=BLACK, width=0.8)
    c.at(c.left + 8, top + 20, "领导批示：", role="hei", size=12)
    _hand_lines(c, e["comment"], c.left + 40, top + 50)
    hs = _fmt(e["date"], rng.choice(["cn", "dot", "upper"]))
    lab = rng.choice(["签批人", "批示人", "阅批人"])
    x = c.width - c.right - 330
    c.at(x, top + 146, f"{lab}：", size=12)
    c.at(x + 52, top + 146, e["leader"], role="kai", size=17, color=BLUE_INK, hand=True)
    c.at(x + 130, top + 146, "日期：", size=12)
    c.at(x + 168, top + 146, hs, role="kai", size=15, color=BLUE_INK, hand=True)
    c.field("issue_date", e["date"].isoformat(), raw=hs)
    c.y = top + 172
    _kvtable(c, [("办理意见", f"请{d['unit']}阅研。")], widths=(1.1, 5.8), size=11, min_h=40)
    c.seal(c.width - c.right - 110, c.y - 30, e["issuer"], r=44)
    c.field("organization", e["issuer"])


def _l_bulletin(c: Composer, d: dict, e: dict, report: str, rng: random.Random) -> None:
    """简报 carrying the endorsed report: 期号 and the report's day in the masthead, the report's
    survey period in the text, and at the foot the office alone and then the date on its own
    right-aligned line (the issue date)."""
    c.line_text(rng.choice(["政务信息", "调研专报", "工作简报"]), align="c", role="songb", size=30, color=RED, after=2)
    c.line_text(f"第{e['issue_no']}期", align="c", size=12, after=2)
    c.line_text(f"{e['issuer']}编　　　　　　{_fmt(e['submitted'], 'cn')}", align="c", size=11, after=0)
    c.rule(RED, 1.6, after=12)
    c.para(f"【按】{e['leader_title']}{e['leader']}同志对本期刊发的调研报告作出批示：“{e['comment']}”现予刊发。",
           role="kai", size=13)
    c.title(report, size=16, role="heib", after=2)
    c.line_text(f"{d['unit']}　{'　'.join(e['authors'])}", align="c", size=12, after=8)
    s0 = e["submitted"] - dt.timedelta(days=rng.randint(40, 70))
    c.para(f"{_fmt(s0, 'cn')}至{_fmt(s0 + dt.timedelta(days=20), 'cn')}，调研组采取座谈交流、实地走访等方式开展专题调研。", size=12)
    for para in e["summary"][1:3]:
        c.para(para, size=12)
    s = _fmt(e["date"], rng.choice(["upper", "cn", "upsp"]))
    c.space(24)
    c.line_text(e["issuer"], align="r", size=13)
    c.line_text(s, align="r", size=13)
    c.seal(c.width - c.right - 70, c.y - 24, e["issuer"], r=44)
    c.field("issue_date", e["date"].isoformat(), raw=s)
    c.field("organization", e["issuer"])


# --- assessment proof ----------------------------------------------------------------------

def assessment_proof(d: dict, fam: str, rng: random.Random):
    a = d["assessment"]
    name, p = d["name"], d["person"]
    c = _comp(rng, size=12.5)
    c.field("person_name", name)
    c.field("year", str(a["year"]))
    c.field("assessment_result", a["result"])
    if a["type"] == "refresher":
        c.title("进修人员鉴定表", size=20, role="heib", after=10)
        st = rng.choice(["cn", "cn0", "dot0"])
        rs = f"{_fmt(a['start'], st)}至{_fmt(a['end'], st)}"
        c.field("start_date", a["start"].isoformat(), raw=rs)
        c.field("end_date", a["end"].isoformat(), raw=rs)
        _kvtable(c, [("姓名", name, "性别", p.gender), ("选送单位", p.unit, "进修科室", a["dept"]),
                     ("进修时间", rs), ("指导老师", a["mentor"], "考核成绩", a["result"])], size=10.5)
        _kvtable(c, [("科室意见", f"该同志进修期间工作认真，虚心好学，基本掌握本专业常见病诊疗技术，考核{a['result']}。")],
                 widths=(1.2, 6.0), size=10.5, min_h=60)
        lab = rng.choice(["鉴定日期", "鉴定时间"])
        ds = _date(c, "issue_date", a["issue_date"], st)
        _kvtable(c, [("鉴定单位", a["issuer"], lab, ds)], widths=(1.2, 3.0, 1.2, 1.8), size=10.5)
        c.field("organization", a["issuer"])
        c.seal(c.width - c.right - 120, c.y - 20, a["issuer"], r=46)
        return c
    if rng.random() < 0.5:  # 年度考核登记表
        c.title(f"{a['year']}年度事业单位工作人员考核登记表", size=17, role="heib", after=10)
        _kvtable(c, [("姓名", name, "性别", p.gender), ("单位", p.unit, "岗位", p.title),
                     ("考核年度", f"{a['year']}年度")], size=10.5)
        _kvtable(c, [("个人总结", f"本年度本人{a.get('context') or ''}认真履行岗位职责，遵守各项规章制度，完成了年度工作任务。")],
                 widths=(1.2, 6.0), size=10.5, min_h=70)
        _kvtable(c, [("考核等次", a["result"])], widths=(1.2, 6.0), size=10.5)
        c.space(6)
        c.para(f"经单位考核委员会审核，确定{name}同志{a['year']}年度考核等次为“{a['result']}”。", size=12.5)
        _sig(c, a["issuer"], a["issue_date"], rng.choice(["cn", "upper", "cnsp"]), rng,
             lead="考核单位（盖章）" if rng.random() < 0.5 else None)
    else:  # 考核结果证明 with 考核时间
        c.space(40)
        c.line_text("年度考核结果证明", align="c", role="songb", size=22, after=22)
        c.para(f"{name}，{p.gender}，身份证号{d['id_number']}，系我单位{p.title}。", leading=2.0)
        c.field("id_number", d["id_number"])
        c.para(f"{a.get('context') or '在岗期间'}，经组织考核，该同志{a['year']}年度考核结果为{a['result']}。"
               f"考核时间：{a['year']}年12月。", leading=2.0)
        c.para("特此证明。", leading=2.0)
        _sig(c, a["issuer"], a["issue_date"], rng.choice(["upper", "upsp", "cn"]), rng, before=40)
    return c


# --- conference notice ---------------------------------------------------------------------

def _cn_md(x: dt.date) -> str:
    return f"{x.month}月{x.day}日"


def conference_notice(d: dict, fam: str, rng: random.Random):
    m = d["conference"]
    p = d["person"]
    c = _comp(rng)
    c.field("title", m["title"])
    c.field("organizer", m["organizer"])
    c.field("level", m["level"])
    start, end = m["start"], m["end"]
    report = start - dt.timedelta(days=1)
    v = rng.random()
    if v < 0.36:  # numbered 会议通知
        c.line_text(m["organizer"], align="c", role="songb", size=min(24, c.content_width / len(m["organizer"])),
                    color=RED, after=4)
        c.line_text(m["docno"], align="c", size=12, after=0)
        c.field("document_number", m["docno"], raw=m["docno"])
        c.rule(RED, 1.8, after=16)
        c.title(f"关于召开{m['title']}的通知", size=18, role="songb", after=8)
        c.line_text("各有关单位、各位会员：", after=2)
        c.para(f"经研究，{m['organizer']}定于近期召开{m['title']}。现将有关事项通知如下：")
        if rng.random() < 0.5:
            rt = f"{fmt_date(start, 'cn')}—{end.day}日" if start.month == end.month else \
                f"{fmt_date(start, 'cn')}—{end.month}月{end.day}日"
        else:
            rt = f"{fmt_date(start, 'cn')}至{fmt_date(end, 'cn')}"
        c.field("start_date", start.isoformat(), raw=rt)
        c.field("end_date", end.isoformat(), raw=rt)
        c.para(f"一、会议时间：{rt}，{_cn_md(report)}报到。")
        c.para(f"二、会议地点：{m['place']}。")
        c.para("三、会议内容：特邀专家作主题报告；分专题开展学术交流；优秀论文表彰。")
        c.para("四、参会人员：各会员单位专业技术人员及论文作者。")
        c.para(f"五、报到时间及地点：{_cn_md(report)}14:00—20:00，在{m['place']}一楼大厅报到。")
        c.para(f"六、请于{_cn_md(m['deadline'])}前将参会回执发送至会务组邮箱。")
        _sig(c, m["organizer"], m["issue_date"], rng.choice(["upper", "cn"]), rng)
    elif v < 0.7:  # 年会 notice with a 日程 table
        c.space(10)
        c.title(f"{m['title']}会议通知", size=19, role="heib", after=10)
        c.line_text("各位代表：", after=2)
        c.para(f"{m['title']}由{m['organizer']}主办，将于{m['place']}召开，会议安排如下。")
        st = rng.choice(["dot", "iso", "cn0"])
        rt = f"{_fmt(start, st)}～{_fmt(end, st)}"
        c.field("start_date", start.isoformat(), raw=rt)
        c.field("end_date", end.isoformat(), raw=rt)
        c.kv("报到时间", f"{_fmt(report, st)}　13:00—21:00")
        c.kv("会议时间", rt)
        c.kv("会议地点", m["place"])
        rows = [["日期", "时间", "内容"]]
        for i in range((end - start).days + 1):
            dd = start + dt.timedelta(days=i)
            rows.append([_cn_md(dd), "08:30—12:00", rng.choice(["开幕式、大会主题报告", "专题报告", "分会场交流"])])
            rows.append([_cn_md(dd), "14:30—17:30", rng.choice(["分会场交流", "壁报交流", "闭幕式、优秀论文颁奖"])])
        c.table(rows, widths=[1.2, 1.4, 3.6], size=10.5, align=["c", "c", "l"])
        c.space(4)
        c.para("参会人员食宿统一安排，费用自理。", size=12)
        _sig(c, m["organizer"], m["issue_date"], rng.choice(["cn", "upper", "cn0"]), rng,
             lead=f"{m['title']}组委会" if rng.random() < 0.3 else None)
    else:  # 参会通知 to one invitee
        c.space(20)
        c.line_text("参 会 通 知", align="c", role="heib", size=24, after=14)
        c.line_text(f"{d['name']}同志：", after=4)
        c.field("person_name", d["name"])
        st = rng.choice(["cn", "cn0"])
        rt = f"{_fmt(start, st)}至{_fmt(end, st)}"
        c.field("start_date", start.isoformat(), raw=rt)
        c.field("end_date", end.isoformat(), raw=rt)
        c.para(f"您好！{m['organizer']}主办的{m['title']}将于{rt}在{m['place']}举行，会期{m['days']}天。"
               f"请您于{_fmt(report, st)}下午到会场报到，并于{_fmt(m['deadline'], st)}前反馈参会回执。")
        c.para("会议不收取会务费，往返交通及住宿费用回原单位报销。")
        _sig(c, m["organizer"], m["issue_date"], rng.choice(["upper", "cn", "upsp"]), rng, before=36)
    return c


BUILDERS = {
    "qualification_certificate": qualification_certificate,
    "presentation_proof": presentation_proof,
    "leader_endorsement": leader_endorsement,
    "assessment_proof": assessment_proof,
    "conference_notice": conference_notice,
}
