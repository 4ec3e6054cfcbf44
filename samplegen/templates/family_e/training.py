"""Family E builders of the training-hours evidence and the employer-side papers
(see the package docstring). Each builder picks one of two or three layouts:

| kind | E layouts |
|---|---|
| completion_certificate | 学习证明/学时证明 printed from an online CME platform (项目编号, 学分/学时, 完成日期) · landscape 结业证书 with 培训时间 range and 学时 in a corner box · 学分证书 with hours given as credits and a conversion note |
| training_notice | 文件 notice with numbered sections and an 附件 日程安排 table · web-published 通知公告 (发布时间/来源 line) with a 培训安排 kv table and a reply slip |
| employer_proof | 介绍信 (兹介绍…前往…请予接洽) · 证明 with 经研究同意…特此证明 · 参训人员情况 table with several staff |
| transcript | 成绩单 with separate 学年 / 学期 columns and 优/良/合格 grades · 成绩证明 with term heading rows and 课程代码/学分/总评 columns |
| service_notice | notice with an 附件 服务安排表 (下乡/帮扶/志愿服务) · participation: 志愿服务证明 with hours and ID · 下乡服务登记表 |
| assignment_document | 选派…的通知 with a 选派人员名单 table and month-range 期限 · 挂职/援派 商调函 with 期限 in words and months · host's 援派工作证明 |
"""

from __future__ import annotations

import datetime as dt
import json
import random

from samplegen.dates import fmt_date, upper_number
from samplegen.layout import A4, A4_LANDSCAPE, BLACK, RED, Composer
from samplegen.templates.common import sick_leave_fields

BODY = ["cn", "cn0", "dot", "iso", "upper", "slash"]
SIGN = ["cn", "upper", "cn0", "iso"]
TEAL = (20, 110, 120)
BROWN = (140, 70, 30)
GREEN = (30, 120, 60)


# --- helpers --------------------------------------------------------------------------------

def _comp(rng: random.Random, landscape: bool = False, size: float | None = None, role: str | None = None,
          margins=None) -> Composer:
    margins = margins or ((76, 76, 60, 60) if landscape else (72, 72, 68, 64))
    return Composer(size=A4_LANDSCAPE if landscape else A4, margins=margins,
                    role=role or rng.choice(["fang", "song", "kai"]), font_size=size or rng.choice([12.5, 13, 14]),
                    rng=rng)


def _ds(rng: random.Random, which: str = "body") -> str:
    return rng.choice(BODY if which == "body" else SIGN)


def _range(c, a: dt.date, b: dt.date, rng: random.Random, style: str | None = None, start: str = "start_date",
           end: str = "end_date", form: str | None = None) -> str:
    """E's printed ranges: 2023年5月8日—5月10日, 2023年5月8日至10日, 5月8日-10日 after a year stated
    elsewhere is not used (every range carries its year), 2023.05.08~2023.05.10, 从…到…."""
    style = style or _ds(rng)
    form = form or rng.choice(["short", "dash", "cong", "full"])
    if style in ("iso", "slash", "dot") and form == "short":
        form = "dash"
    if form == "short":  # the end without its year (and month when the same)
        if style == "upper":
            tail = (f"{upper_number(b.month)}月" if b.month != a.month else "") + f"{upper_number(b.day)}日"
        elif style == "cn0":
            tail = (f"{b.month:02d}月" if b.month != a.month else "") + f"{b.day:02d}日"
        else:
            tail = (f"{b.month}月" if b.month != a.month else "") + f"{b.day}日"
        s = f"{fmt_date(a, style)}—{tail}" if a.year == b.year else f"{fmt_date(a, style)}至{fmt_date(b, style)}"
    elif form == "cong":
        s = f"从{fmt_date(a, style)}到{fmt_date(b, style)}"
    elif form == "dash":
        s = f"{fmt_date(a, style)}{rng.choice(['~', '～', ' - ', '—'])}{fmt_date(b, style)}"
    else:
        s = f"{fmt_date(a, style)}至{fmt_date(b, style)}"
    c.field(start, a.isoformat(), raw=s)
    c.field(end, b.isoformat(), raw=s)
    return s


def _yu(rt: str) -> str:
    """'于' before a range, unless it reads 从…到… already."""
    return rt if rt.startswith("从") else "于" + rt


def _month_range(c, a: dt.date, b: dt.date, rng: random.Random) -> str:
    """A posting's period by months (a is a 1st, b a month end)."""
    s = rng.choice([f"{a.year}年{a.month}月—{b.year}年{b.month}月", f"{a.year}.{a.month}—{b.year}.{b.month}",
                    f"{a.year}年{a.month:02d}月至{b.year}年{b.month:02d}月", f"{a.year}/{a.month:02d}-{b.year}/{b.month:02d}"])
    c.field("start_date", a.isoformat(), raw=s)
    c.field("end_date", b.isoformat(), raw=s)
    return s


def _sign(c, org: str, d: dt.date, rng: random.Random, seal: bool = True, prefix: str | None = None,
          register: bool = True, style: str | None = None, before: float = 26, seal_sub: str = "") -> str:
    s = fmt_date(d, style or _ds(rng, "sign"))
    c.sign(org, s, seal=seal, prefix=prefix, before=before, seal_sub=seal_sub)
    if register:
        c.field("organization", org)
        c.field("issue_date", d.isoformat(), raw=s)
    return s


def _head(c, issuer: str, docno: str | None, rng: random.Random) -> None:
    """E letterhead: red issuer (with or without 文件) over one thick red rule, the 文号
    centred above it; or a plain black issuer and the 文号 at the left under a thin rule."""
    fit = min(28, c.content_width / max(len(issuer) + 2, 1) * 0.98)
    if rng.random() < 0.6:
        c.line_text(issuer + ("文件" if rng.random() < 0.5 else ""), align="c", role="songb", size=fit, color=RED, after=10)
        if docno:
            c.line_text(docno, align="c", size=13)
        c.rule(RED, 2.4, after=20)
    else:
        c.line_text(issuer, align="l", role="heib", size=min(fit, 18), after=2)
        c.rule(BLACK, 0.6, after=4)
        if docno:
            c.line_text(docno, align="r", size=12, after=12)
    if docno:
        c.field("document_number", docno.replace(" ", ""), raw=docno)


def _wide(c, rows, size: float = 11, lw: float = 1.3, vw: float = 5.4, min_h: float = 0) -> None:
    c.table([list(r) for r in rows], widths=[lw, vw], header=False, size=size, align=["c", "l"], min_h=min_h)


def _others(rng: random.Random, name: str, n: int) -> list[str]:
    from samplegen.facts import other_name
    out: list[str] = []
    while len(out) < n:
        o = other_name(rng, name)
        if o not in out and o != name:
            out.append(o)
    return out


# --- training notice ------------------------------------------------------------------------

def training_notice(d: dict, fam: str, rng: random.Random):
    t = d["training"]
    c = _comp(rng)
    c.field("organizer", t["organizer"])
    c.field("level", t["level"])
    c.field("title", t["title"])
    h = t.get("hours")
    if rng.random() < 0.5:  # 文件 notice, numbered sections, 附件 schedule
        _head(c, t["organizer"], t.get("docno"), rng)
        c.title(f"关于举办{t['title']}的通知", size=18, role="songb", after=8)
        c.line_text(t["audience_line"] + "：", after=2)
        c.para(f"为贯彻落实专业技术人员继续教育有关规定，提升{t['audience']}业务水平，经研究，决定举办{t['title']}。"
               "现将有关事宜通知如下：")
        c.para("一、培训时间", role="hei", indent=2)
        rt = _range(c, t["start"], t["end"], rng)
        c.para(f"{rt}，共{t['days']}天（报到当天上午8:00前完成签到）。")
        c.field("days", str(t["days"]), raw=f"共{t['days']}天")
        c.para("二、培训地点", role="hei", indent=2)
        c.para(f"{t['place']}。")
        c.para("三、培训对象及名额", role="hei", indent=2)
        c.para(f"{t['audience']}，每单位限报{rng.randint(2, 5)}人。")
        c.para("四、学时登记", role="hei", indent=2)
        if h:
            hp = rng.choice([f"{h}学时", f"继续教育专业科目学时{h}学时", f"{h}个学时"])
            c.para(f"培训结束经考核合格的，由主办单位出具结业证书，登记{hp}，纳入年度继续教育学时管理。")
            c.field("hours_stated", str(h), raw=hp)
        else:
            c.para("培训结束经考核合格的，由主办单位出具结业证书，按有关规定登记学时。")
        c.para(f"五、其他事项。培训不收取费用，食宿统一安排，费用回原单位报销。联系人：{t['contact']}，电话：{t['phone']}。")
        c.para("附件：培训日程安排", indent=2)
        _sign(c, t["organizer"], t["issue_date"], rng)
        c.new_page()
        c.line_text("附件", role="hei", size=14, after=6)
        c.line_text("培训日程安排", align="c", role="songb", size=17, after=10)
        rows = [["日期", "时间", "内容", "主讲人"]]
        for i, item in enumerate(t["contents"]):
            day = t["start"] + dt.timedelta(days=min(i // 2, t["days"] - 1))
            rows.append([f"{day.month}月{day.day}日", "8:30-11:30" if i % 2 == 0 else "14:30-17:30", item,
                         f"{_others(rng, t['contact'], 1)[0]}{rng.choice(['教授', '主任', '研究员', '高级讲师'])}"])
        c.table(rows, widths=[1.1, 1.3, 3.4, 1.4], size=10.5, align=["c", "c", "l", "c"])
    else:  # web-published 通知公告
        c.rect(0, 0, c.width, 40, color=None, fill=TEAL)
        c.at(c.left, 26, f"{t['organizer']}", role="heib", size=13, color=(255, 255, 255))
        c.at(c.width - c.right, 26, "通知公告", size=11, color=(255, 255, 255), align="r")
        c.y = 72
        c.title(f"{t['title']}开班通知", size=17, role="heib", after=2)
        pub = fmt_date(t["issue_date"], "iso")
        c.line_text(f"发布时间：{pub}　　来源：{rng.choice(['培训部', '继续教育处', '办公室'])}　　浏览次数：{rng.randint(120, 3800)}",
                    align="c", size=9.5, after=6)
        c.rule(BLACK, 0.4, after=10)
        c.line_text(t["audience_line"] + "：", after=2)
        c.para(f"按照年度继续教育工作安排，我单位定于近期开办{t['title']}，现就有关安排通知如下。")
        rt = _range(c, t["start"], t["end"], rng, form=rng.choice(["dash", "full", "short"]))
        rows = [("举办时间", f"{rt}（为期{t['days']}天）"), ("举办地点", t["place"]), ("招收对象", t["audience"]),
                ("课程设置", "；".join(t["contents"]))]
        c.field("days", str(t["days"]), raw=f"为期{t['days']}天")
        if h:
            hp = rng.choice([f"{h}学时", f"共计{h}学时"])
            rows.append(("学时认定", f"全勤并考核合格者认定{hp}"))
            c.field("hours_stated", str(h), raw=hp)
        rows.append(("联系方式", f"{t['contact']}　{t['phone']}"))
        _wide(c, rows, size=11, lw=1.2, vw=5.6)
        c.space(6)
        c.para("请各单位于开班前一周将报名回执发送至指定邮箱。", size=12)
        c.line_text("报名回执", align="c", role="hei", size=12, after=2)
        c.table([["单位", "姓名", "性别", "职称", "手机号码"], ["", "", "", "", ""], ["", "", "", "", ""]],
                widths=[2.2, 1, 0.7, 1.2, 1.6], size=10.5)
        _sign(c, t["organizer"], t["issue_date"], rng, style="cn", before=18)
    return c


# --- completion certificate -----------------------------------------------------------------

def _credit(h: int, rng: random.Random) -> tuple[int, int] | None:
    """(credits, hours per credit) printing `h` hours as credits, when a usual rate divides it."""
    rates = [r for r in (8, 6, 4, 3) if h % r == 0 and 1 <= h // r <= 12]
    if not rates:
        return None
    r = rng.choice(rates)
    return h // r, r


def completion_certificate(d: dict, fam: str, rng: random.Random):
    t = d["training"]
    name, p = d["name"], d["person"]
    seal = d.get("seal", True)
    h = t.get("hours")
    v = rng.random()
    proj_no = f"{t['start'].year}-{rng.randint(1, 14):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 300):03d}" + \
              rng.choice(["(国)", "(省)", ""])
    if v < 0.36:  # online platform 学习证明 print
        c = _comp(rng, size=11.5, role="hei", margins=(56, 56, 48, 48))
        c.rect(0, 0, c.width, 50, color=None, fill=(0, 96, 160))
        site = rng.choice(["继续医学教育学习平台", "专业技术人员继续教育公共服务平台", "远程继续教育学习网"])
        c.at(c.left, 32, site, role="heib", size=15, color=(255, 255, 255))
        c.at(c.width - c.right, 32, "个人中心 > 学习档案 > 打印证明", size=9, color=(230, 230, 230), align="r")
        c.y = 86
        c.line_text(rng.choice(["学习证明", "学时证明", "继续教育学习证明"]), align="c", role="heib", size=22, after=12)
        ds_ = rng.choice(["iso", "slash", "cn0"])
        rt = _range(c, t["start"], t["end"], rng, style=ds_, form=rng.choice(["dash", "full"]))
        c.field("certificate_number", t["cert_no"].replace("No.", ""), raw=t["cert_no"])
        rows = [["学员姓名", name, "所在单位", d["unit"]]]
        c.table(rows, widths=[1.1, 1.8, 1.1, 3.0], header=False, size=10.5, align=["c", "l", "c", "l"])
        wide = [("项目编号", proj_no), ("项目名称", t["title"]), ("项目负责单位", t["organizer"]), ("学习时间", rt)]
        if h:
            cr = _credit(h, rng)
            if cr and rng.random() < 0.6:
                hp = f"{cr[0]}分（折合{h}学时）" if rng.random() < 0.5 else f"{cr[0]}学分/{h}学时"
                wide.append(("学分/学时", hp))
            else:
                hp = f"{h}"
                wide.append(("获得学时", hp))
            c.field("hours_stated", str(h), raw=hp)
        cd = fmt_date(t["issue_date"], ds_)
        wide += [("完成状态", "已完成（考核通过）"), ("证明编号", t["cert_no"])]
        _wide(c, wide, size=10.5, lw=1.3, vw=5.7)
        c.space(8)
        c.para(f"兹证明上述学员已完成该项目全部课程学习并通过在线考核，完成日期{cd}。", size=11, indent=2)
        c.field("issue_date", t["issue_date"].isoformat(), raw=cd)
        c.para("本证明可登录平台“证书查验”栏目输入证明编号查验真伪。", size=10, indent=2)
        c.qr(c.left, c.y + 10, 72)
        c.space(16)
        c.sign(t["organizer"], cd, seal=seal, before=0, seal_sub="继续教育专用章")
        c.field("organization", t["organizer"])
    elif v < 0.7:  # landscape 结业证书 with the hours in a corner box
        c = _comp(rng, landscape=True, size=16, role=rng.choice(["kai", "song"]), margins=(96, 96, 70, 60))
        c.frame(BROWN, inset=20, width=2.5)
        bx, by = c.width - 150, 46
        if h:
            c.rect(bx, by, bx + 84, by + 62, color=RED, width=1.2)
            c.rect(bx, by, bx + 84, by + 24, color=RED, width=1.2)
            c.at(bx + 42, by + 18, rng.choice(["学时", "学 时", "授予学时"]), role="hei", size=12, color=RED, align="c")
            c.at(bx + 42, by + 52, str(h), role="heib", size=20, color=RED, align="c")
            c.field("hours_stated", str(h), raw=str(h))
        c.at(c.left, 64, f"证书编号：{t['cert_no']}", size=11)
        c.field("certificate_number", t["cert_no"].replace("No.", ""), raw=t["cert_no"])
        c.y = 120
        c.line_text("结 业 证 书", align="c", role="heib", size=36, color=RED, after=26)
        rt = _range(c, t["start"], t["end"], rng)
        who = rng.choice([f"学员{name}", f"{name}同志", f"{name}（{p.gender}）"])
        c.para(f"{who}{_yu(rt)}参加{t['organizer']}举办的{t['title']}学习，修完规定课程，成绩合格，准予结业。",
               leading=2.0, size=16)
        c.space(10)
        _sign(c, t["organizer"], t["issue_date"], rng, seal=seal, before=16)
    else:  # 学分证书: hours printed as credits with a conversion
        c = _comp(rng, size=13.5, role="song", margins=(84, 84, 72, 70))
        c.frame(GREEN, inset=26, width=1.8, double=False)
        c.y = 104
        c.line_text(rng.choice(["继续教育学分证书", "继续教育学分登记证", "学分证书"]), align="c", role="heib", size=28,
                    color=GREEN, after=22)
        ds_ = _ds(rng)
        rt = _range(c, t["start"], t["end"], rng, style=ds_, form=rng.choice(["full", "dash", "short"]))
        cr = _credit(h, rng) if h else None
        pairs = [("姓　　名", name), ("工作单位", d["unit"]), ("项目名称", t["title"]), ("项目编号", proj_no),
                 ("举办单位", t["organizer"]), ("举办日期", rt)]
        if cr:
            kind = rng.choice(["Ⅰ类", "Ⅱ类", "专业科目"])
            cp = f"{kind}学分{cr[0]}分" if kind != "专业科目" else f"专业科目{cr[0]}学分"
            pairs.append(("授予学分", cp))
        elif h:
            cp = f"{h}学时"
            pairs.append(("授予学时", cp))
        pairs.append(("证书编号", t["cert_no"]))
        for k, val in pairs:
            c.kv(k, val, size=13, label_chars=5)
        c.field("certificate_number", t["cert_no"].replace("No.", ""), raw=t["cert_no"])
        if cr:
            note = rng.choice([f"注：1学分折合{cr[1]}学时。", f"（按每学分{cr[1]}学时折算，计{h}学时）",
                               f"说明：学分与学时按1∶{cr[1]}换算。"])
            c.space(6)
            c.para(note, size=11, indent=0)
            c.field("hours_stated", str(h), raw=f"{cp}|{note}")
        elif h:
            c.field("hours_stated", str(h), raw=cp)
        c.space(8)
        _sign(c, t["organizer"], t["issue_date"], rng, seal=seal, prefix=rng.choice([None, "发证机构："]))
    c.field("person_name", name)
    c.field("title", t["title"])
    c.field("organizer", t["organizer"])
    return c


# --- employer proof -------------------------------------------------------------------------

EVENT_WORD = {"training": "参加培训", "conference": "参加学术会议", "service": "参加服务基层活动", "sick": "病休",
              "dispatch": "外出进修", "study": "在职学习"}


def _event_e(c, ev: dict, rng: random.Random, name: str) -> tuple[str, str]:
    """(what the employer certifies, a short 事由) in E's words; registers dates and title."""
    typ = ev["type"]
    rt = _range(c, ev["start"], ev["end"], rng) if ev.get("start") else ""
    if ev.get("title"):
        c.field("title", ev["title"])
    if typ == "training":
        return (f"经研究同意，{name}同志{_yu(rt)}赴{ev['organizer']}参加{ev['title']}，按时完成学习任务，期间工资福利照发",
                ev["title"])
    if typ == "conference":
        return f"经研究同意，{name}同志{_yu(rt)}出席{ev['organizer']}召开的{ev['title']}", ev["title"]
    if typ == "service":
        return (f"经研究同意，{name}同志{_yu(rt)}随{ev['organizer']}组织的{ev['title']}服务队下基层服务，"
                f"累计在岗服务{ev['days']}天", ev["title"])
    if typ == "sick":
        sick_leave_fields(c, ev, rt)
        return (f"{name}同志因患{ev['diagnosis']}，经医院诊断需休养治疗，单位批准其{rt}休病假，共{ev['months']}个月",
                "病休")
    if typ == "dispatch":
        return f"经研究同意，选派{name}同志{_yu(rt)}到{ev['host']}进修学习", f"赴{ev['host']}进修"
    return f"{name}同志自{fmt_date(ev['start'], 'month')}起经单位批准在{ev['host']}在职学习", "在职学习"


def employer_proof(d: dict, fam: str, rng: random.Random):
    p = d["person"]
    name, pid, unit, ev = d["name"], d["id_number"], d["unit"], d["event"]
    seal = d.get("seal", True)
    c = _comp(rng)
    c.field("person_name", name)
    if pid:
        c.field("id_number", pid, raw=pid)
    v = rng.random()
    if v < 0.34 and ev["type"] in ("training", "conference", "dispatch", "service"):  # 介绍信
        c.space(30)
        c.line_text("介　绍　信", align="c", role="songb", size=26, after=6)
        c.line_text(f"{unit[:2]}介字〔{d['issue_date'].year}〕第{rng.randint(3, 96)}号", align="r", size=11, after=14)
        dest = ev.get("organizer") or ev.get("host") or "有关单位"
        c.line_text(f"{dest}：", after=4)
        rt = _range(c, ev["start"], ev["end"], rng)
        if ev.get("title"):
            c.field("title", ev["title"])
        what = {"training": f"参加{ev.get('title', '')}", "conference": f"参加{ev.get('title', '')}",
                "service": f"参加{ev.get('title', '')}", "dispatch": "进修学习"}[ev["type"]]
        c.para(f"兹介绍我单位{p.dept}{p.title}{name}同志（身份证号：{pid}）前往贵单位{what}，时间为{rt}。"
               "该同志系我单位在职在编专业技术人员，请予接洽为荷。", leading=2.0)
        c.para("（有效期十五天）", leading=2.0, indent=2)
        _sign(c, unit, d["issue_date"], rng, seal=seal)
    elif v < 0.67:  # 证明 with 经研究同意 … 特此证明
        c.space(36)
        c.line_text(rng.choice(["证明", "证 明", "工作证明"]), align="c", role="heib", size=24, after=22)
        sent, _ = _event_e(c, ev, rng, name)
        born = f"{p.birth.year}年{p.birth.month}月出生"
        c.para(f"{name}，{p.gender}，{born}，身份证号{pid}，现为{unit}{p.dept}{p.title}。{sent}。", leading=2.0)
        c.para("特此证明。", leading=2.0)
        _sign(c, unit, d["issue_date"], rng, seal=seal, prefix="（盖章）" if not seal else None)
    elif ev["type"] not in ("sick", "study"):  # 参训人员情况 table with several staff
        c.space(14)
        c.title(f"关于{name}等同志{EVENT_WORD[ev['type']]}的证明", size=18, role="songb", after=12)
        sent, what = _event_e(c, ev, rng, f"{name}等{rng.randint(2, 3)}名")
        c.para(f"{sent}。人员情况如下：", leading=1.9)
        rows = [["序号", "姓名", "性别", "身份证号码", "科室", "职称"]]
        people = [(name, p.gender, pid or "", p.dept, p.title)]
        for o in _others(rng, name, rng.randint(1, 2)):
            people.append((o, rng.choice("男女"), "", p.dept, rng.choice(["主治医师", "中级", "助理", "工程师", "一级教师"])))
        for i, row in enumerate(people, 1):
            rows.append([str(i), *row])
        c.table(rows, widths=[0.6, 1.0, 0.6, 2.6, 1.2, 1.2], size=10.5)
        c.space(6)
        c.para("上述人员均为我单位在职在岗人员，情况属实，特此证明。", leading=1.9)
        _sign(c, unit, d["issue_date"], rng, seal=seal)
    else:
        c.space(36)
        c.line_text("情况证明", align="c", role="heib", size=24, after=22)
        sent, _ = _event_e(c, ev, rng, name)
        c.para(f"我单位职工{name}（身份证号：{pid}），{p.gender}，{p.dept}{p.title}。{sent}。", leading=2.0)
        c.para("以上情况经核实无误，特此证明。", leading=2.0)
        _sign(c, unit, d["issue_date"], rng, seal=seal)
    return c


# --- transcript -----------------------------------------------------------------------------

def _grade(score: str, rng: random.Random) -> str:
    """Grades as E prints them: 优秀 → 优, 良好 → 良 (some transcripts), numbers as they are."""
    short = {"优秀": "优", "良好": "良"}
    return short.get(score, score) if rng.random() < 0.6 else score


def transcript(d: dict, fam: str, rng: random.Random):
    t = d["transcript"]
    name, p = d["name"], d["person"]
    c = _comp(rng, size=12, role="song", margins=(56, 56, 56, 56))
    issuer = t["issuer"]
    refresher = t["program"] == "进修学员"
    courses = []
    grades = {r["course"]: _grade(r["score"], rng) for r in t["courses"]}
    if rng.random() < 0.5:  # separate 学年 / 学期 columns
        c.title(f"{t['university']}{'进修人员' if refresher else '研究生'}学习成绩单", size=18, role="heib", after=6)
        c.line_text(f"学号：{t['student_no']}　　姓名：{name}　　性别：{p.gender}", size=11)
        c.line_text(f"{'科室' if refresher else '院系'}：{t['school']}　　专业：{t['major']}　　学习形式：{t['mode']}", size=11,
                    after=6)
        rows = [["学年", "学期", "课程名称", "课程性质", "学分", "成绩"]]
        for r in t["courses"]:
            y, m = int(r["exam_month"][:4]), int(r["exam_month"][5:7])
            if refresher:
                yr, term = f"{y}", f"{m}月"
            elif m >= 9:
                yr, term = f"{y}-{y + 1}", rng.choice(["第一学期", "一", "1"])
            else:
                yr, term = f"{y - 1}-{y}", rng.choice(["第二学期", "二", "2"])
            rows.append([yr, term, r["course"], r["type"], str(r["credit"]), grades[r["course"]]])
            courses.append({"course": r["course"], "score": grades[r["course"]], "term": f"{yr}学年{term}",
                            "passed": r["passed"], "year": y})
        c.table(rows, widths=[1.3, 0.9, 3.2, 1.1, 0.6, 0.8], size=10.5, align=["c", "c", "l", "c", "c", "c"])
        c.space(6)
        total = sum(r["credit"] for r in t["courses"] if r["passed"])
        c.para(f"已获学分合计：{total}　　　　成绩评定：百分制60分以上或“合格”以上为通过。", size=10.5, indent=0)
    else:  # term heading rows
        c.title(f"{t['university']}课程学习成绩证明", size=18, role="heib", after=8)
        c.para(f"{name}，{p.gender}，学号{t['student_no']}，{fmt_date(t['enrolled'], 'month')}入学，"
               f"{'进修科室' if refresher else '就读专业'}：{t['major'] if not refresher else t['school']}。"
               "其课程学习成绩如下：", size=12, indent=2)
        rows = [["课程代码", "课程名称", "学分", "总评成绩"]]
        last = None
        for r in t["courses"]:
            y, m = int(r["exam_month"][:4]), int(r["exam_month"][5:7])
            if refresher:
                head = f"{y}年{m}月"
            else:
                head = f"{y}-{y + 1}学年第一学期" if m >= 9 else f"{y - 1}-{y}学年第二学期"
            if head != last:
                rows.append(["", head, "", ""])
                last = head
            rows.append([f"{rng.choice(['GS', 'ZY', 'JC'])}{rng.randint(1000, 9999)}", r["course"], str(r["credit"]),
                         grades[r["course"]]])
            courses.append({"course": r["course"], "score": grades[r["course"]], "term": head, "passed": r["passed"],
                            "year": y})
        c.table(rows, widths=[1.2, 3.8, 0.8, 1.2], size=10.5, align=["c", "l", "c", "c"])
        c.space(6)
        c.para("特此证明。", size=12)
    c.field("courses", json.dumps(courses, ensure_ascii=False))
    c.field("courses_passed", str(sum(1 for r in t["courses"] if r["passed"])))
    c.field("person_name", name)
    _sign(c, issuer, t["issue_date"], rng, prefix=rng.choice([None, "（教务管理部门盖章）"]), before=20)
    return c


# --- service notice -------------------------------------------------------------------------

def service_notice(d: dict, fam: str, rng: random.Random):
    s = d["service"]
    c = _comp(rng)
    c.field("title", s["activity"])
    if d.get("sub") == "notice":
        _head(c, s["organizer"], s.get("docno"), rng)
        c.field("organizer", s["organizer"])
        c.title(f"关于开展{s['year']}年{s['activity']}的通知", size=18, role="songb")
        c.line_text("各县（市、区）有关部门，各有关单位：", after=2)
        c.para(f"为推动优质资源下沉、助力乡村振兴，经研究，决定组织专家服务团开展{s['activity']}。现将有关事项通知如下：")
        rt = _range(c, s["start"], s["end"], rng)
        c.para(f"一、活动时间：{rt}。")
        c.para(f"二、服务地点：{s['place']}（具体安排见附件）。")
        c.para(f"三、服务内容：{s['content']}。")
        c.para("四、工作要求：各派出单位要保障参加人员的工作时间，活动结束后由组织单位统一出具服务证明，"
               "服务时间作为专业技术人员继续教育学时认定和职称评审的依据。")
        c.para("附件：服务安排表")
        _sign(c, s["organizer"], s["issue_date"], rng)
        c.space(20)
        c.line_text("附件", role="hei", size=13, after=4)
        c.line_text("服务安排表", align="c", role="songb", size=15, after=6)
        rows = [["服务时间", "服务地点", "服务内容", "带队负责人"],
                [rt, s["place"], s["content"], _others(rng, d["name"], 1)[0]]]
        c.table(rows, widths=[2.0, 1.8, 2.6, 1.1], size=10.5, align=["c", "l", "l", "c"])
        return c
    name, p = d["name"], d["person"]
    c.field("person_name", name)
    if rng.random() < 0.5:  # 志愿服务证明 with hours
        c.space(34)
        c.line_text(rng.choice(["志愿服务证明", "服务基层证明", "帮扶工作证明"]), align="c", role="songb", size=23, after=20)
        rt = _range(c, s["start"], s["end"], rng)
        hrs = s["days"] * 8
        c.para(f"{name}同志（身份证号：{d['id_number']}），{d['unit']}{p.title}，{_yu(rt)}参加{s['organizer']}组织开展的"
               f"{s['activity']}，在{s['place']}从事{s['content']}，累计服务{s['days']}天（{hrs}小时），表现突出。",
               leading=2.0)
        c.field("days", str(s["days"]), raw=f"累计服务{s['days']}天")
        c.field("id_number", d["id_number"], raw=d["id_number"])
        c.para("特此证明。", leading=2.0)
        _sign(c, s["organizer"], s["issue_date"], rng)
    else:  # 下乡服务登记表
        c.title(f"{s['activity']}专家下乡服务登记表", size=17, role="heib", after=10)
        rt = _range(c, s["start"], s["end"], rng, form=rng.choice(["full", "dash"]))
        c.table([["姓名", name, "性别", p.gender, "职称", p.title]], widths=[0.8, 1.3, 0.8, 0.7, 0.8, 1.6],
                header=False, size=10.5)
        _wide(c, [("所在单位", d["unit"]), ("服务地点", s["place"]), ("服务起止日期", rt),
                  ("服务天数", f"{s['days']}天"), ("主要服务内容", s["content"])], size=10.5, lw=1.4)
        c.field("days", str(s["days"]), raw=f"{s['days']}天")
        _wide(c, [("服务地乡镇卫生院（学校、站所）意见", "情况属实。"), ("组织单位意见", "经审核，同意认定。")],
              size=10.5, lw=2.2, vw=4.6, min_h=46)
        _sign(c, s["organizer"], s["issue_date"], rng, prefix="组织单位（盖章）", before=14)
    return c


# --- assignment document --------------------------------------------------------------------

def assignment_document(d: dict, fam: str, rng: random.Random):
    s = d["assignment"]
    name, p = d["name"], d["person"]
    c = _comp(rng, size=13)
    c.field("person_name", name)
    c.field("title", s["kind"])
    mt = s["months"]
    # the decision is numbered in the year it is signed (〔2023〕 is not signed in December 2022)
    docno = s["docno"].replace(f"〔{s['start'].year}〕", f"〔{s['issue_date'].year}〕")
    v = rng.random()
    if v < 0.4:  # 选派…的通知 with a name list
        _head(c, s["issuer"], docno, rng)
        c.title(f"关于选派{name}等同志开展{s['kind']}工作的通知", size=18, role="songb")
        c.line_text("各有关单位：", after=2)
        c.para(f"根据对口支援工作部署，经个人申请、单位推荐、组织审核，决定选派{name}等{len(s['names'])}名同志赴"
               f"{s['dest']}开展{s['kind']}工作。现将有关事项通知如下：")
        rt = _month_range(c, s["start"], s["end"], rng)
        mtxt = rng.choice([f"{mt}个月", f"{upper_number(mt)}个月"])
        c.para(f"一、{s['kind']}期限：{rt}，共{mtxt}。")
        c.field("months", str(mt), raw=mtxt)
        c.para("二、选派期间，人事关系、工资待遇保留在原单位，由受援单位负责日常管理和考核。")
        c.para("三、选派人员名单：")
        rows = [["序号", "姓名", "派出单位", "职称", "受援单位"]]
        for i, (n, u, ti) in enumerate(s["names"], 1):
            rows.append([str(i), n, u, ti, s["host"]])
        c.table(rows, widths=[0.6, 1.0, 2.6, 1.2, 2.4], size=10.5, align=["c", "c", "l", "c", "l"])
        _sign(c, s["issuer"], s["issue_date"], rng)
    elif v < 0.75:  # 商调函 / 挂职函, 期限 in words
        c.space(10)
        c.line_text(s["issuer"], align="c", role="songb", size=20, color=RED, after=4)
        c.rule(RED, 1.0, after=12)
        c.line_text(docno, align="r", size=12, after=6)
        c.field("document_number", docno, raw=docno)
        c.title(f"关于商请接收{name}同志{s['kind']}的函", size=17, role="songb")
        c.line_text(f"{s['host']}：", after=2)
        rt = _month_range(c, s["start"], s["end"], rng)
        yrs = {12: "一年", 24: "两年", 6: "半年", 18: "一年半"}
        mtxt = yrs.get(mt) or rng.choice([f"{mt}个月", f"{upper_number(mt)}个月"])
        c.field("months", str(mt), raw=mtxt)
        c.para(f"经研究，拟选派我市{d['unit']}{p.dept}{p.title}{name}同志（身份证号：{d['id_number']}）到你单位"
               f"{s['kind']}，期限{mtxt}（{rt}）。{s['kind']}期间由你单位负责日常管理，期满后出具鉴定意见。")
        c.para("妥否，请函复。")
        _sign(c, s["issuer"], s["issue_date"], rng)
    else:  # the host's 援派工作证明
        c.space(34)
        c.line_text(f"{s['kind']}工作证明", align="c", role="songb", size=22, after=20)
        rt = _month_range(c, s["start"], s["end"], rng)
        mtxt = rng.choice([f"{mt}个月", f"满{mt}个月"])
        c.field("months", str(mt).replace("满", ""), raw=mtxt)
        c.para(f"兹证明{d['unit']}{name}同志，根据{s['issuer']}《{docno}》文件安排，{_yu(rt)}在我单位开展"
               f"{s['kind']}工作，实际工作{mtxt}。期间工作认真负责，圆满完成各项任务。", leading=2.0)
        c.field("document_number", docno, raw=docno)
        c.para("特此证明。", leading=2.0)
        _sign(c, s["host"], s["end"] + dt.timedelta(days=rng.randint(1, 10)), rng)
    return c


BUILDERS = {
    "training_notice": training_notice, "completion_certificate": completion_certificate,
    "employer_proof": employer_proof, "transcript": transcript, "service_notice": service_notice,
    "assignment_document": assignment_document,
}
