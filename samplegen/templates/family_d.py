"""Template family "D": a second tuning family written from real Chinese documents of each
kind (not from the held-out family C). One builder per DocKind, same signature as the other
template modules (`data`, `fam`, `rng` → `Composer`), registering at least the fields family
A registers for the kind. Each builder picks one of two or three layouts:

| kind | D layouts |
|---|---|
| training_notice | association notice with 报名/学时 sections · notice + 课程安排表 (schedule) |
| completion_certificate | portrait 培训证书 narrative + kv · 继续教育培训合格证 form table · 电子培训证明 web print |
| employer_proof | 证明信 with ID · 情况说明 (service/training wording) · 外出学习/活动审批表 |
| transcript | 课程考试成绩登记表 (编号/学时/考核方式/考核时间) · 学业成绩单 (开课学期 2023春) |
| assessment_proof | 考核结果公布通知 + 名单 · 考核情况证明 · 进修证明书 / 进修结业鉴定表 |
| conference_notice | 邀请函 addressed to the declarant · 第二轮通知 with kv table |
| presentation_proof | 论文录用及交流通知 · portrait 学术交流证书 |
| project_proof | 课题组成员情况表 with 研究期限 · 结题证书 with 完成人 list and month range |
| book_pages | cover / 编写人员 page / 版权页 “字数 350 千字” / 目录 |
| journal_pages | cover with corner 刊号, 目次, article with 页眉 running head and 引用格式 line |
| patent_certificate | portrait certificate, 专利号 first · 专利登记簿副本 |
| award_certificate | portrait 获奖证书 with ordered 主要完成人 · landscape 奖励证书 with 完成人 + 完成单位 |
| qualification_certificate | 资格证书查询结果 (web print) · 电子证书 (证照) · 考试合格证明 with subject scores |
| leader_endorsement | 领导批示办理单 (form) · 信息专报 with 批示栏 |
| assignment_document | 选派/援派人员审批表 (派出单位/接收单位/期限) · narrative 派遣函 |
| service_notice | notice with 服务点安排表 / 服务工作量确认单 or 参加活动证明信 |
| plan_filing | 备案通知书 with list · 备案登记表 with 计划年度 and 备案意见 |
| sick_leave_proof | 病假证明单 · 出院证明书 with 出院医嘱 |
| maternity_proof | 产假证明 letter with ID · 生育假登记表 |
| overseas_proof | 出国（境）研修证明 letter · 访问学者派出及回国情况表 |
| other | 授课（工作量）证明 · 聘请函 |
"""

from __future__ import annotations

import datetime as dt
import json
import random

from samplegen import identifiers
from samplegen.dates import fmt_date, fmt_range, upper_number
from samplegen.layout import A4, A4_LANDSCAPE, BLACK, BLUE_INK, RED, Composer
from samplegen.templates.common import names_json, project_fields, sick_leave_fields

BODY = ["cn0", "iso", "dot0", "cn", "upper", "slash"]
SIGN = ["cn", "upper", "cn0", "cn"]
GOLD = (176, 132, 52)
NAVY = (25, 60, 120)
PATENT_ZH = {"invention": "发明", "utility_model": "实用新型", "design": "外观设计"}
LEVEL_ZH = {"senior": "高级", "intermediate": "中级", "junior": "初级", "practising": "执业资格"}


# --- helpers --------------------------------------------------------------------------------

def _comp(rng: random.Random, landscape: bool = False, size: float | None = None, role: str | None = None,
          margins=None) -> Composer:
    """A composer with D defaults (仿宋/宋 body, 13–14 pt, narrower margins than A)."""
    margins = margins or ((80, 80, 64, 60) if landscape else (74, 70, 70, 66))
    return Composer(size=A4_LANDSCAPE if landscape else A4, margins=margins,
                    role=role or rng.choice(["fang", "song", "fang"]), font_size=size or rng.choice([13, 13.5, 14]),
                    rng=rng)


def _ds(rng: random.Random, which: str = "body") -> str:
    return rng.choice(BODY if which == "body" else SIGN)


def _date(c, name: str | None, d: dt.date, style: str) -> str:
    s = fmt_date(d, style)
    if name:
        c.field(name, d.isoformat(), raw=s)
    return s


def _range(c, a: dt.date, b: dt.date, rng: random.Random, style: str | None = None, start: str = "start_date",
           end: str = "end_date", form: str | None = None) -> str:
    """A printed date range in one of D's forms; registers both ends with the printed text."""
    style = style or _ds(rng)
    form = form or rng.choice(["std", "zi", "dash"])
    if form == "zi":
        s = f"自{fmt_date(a, style)}起至{fmt_date(b, style)}止"
    elif form == "dash":
        s = f"{fmt_date(a, style)}{'～' if style in ('iso', 'dot0', 'slash') else '—'}{fmt_date(b, style)}"
    else:
        s = fmt_range(a, b, style, compact=rng.random() < 0.5)
    c.field(start, a.isoformat(), raw=s)
    c.field(end, b.isoformat(), raw=s)
    return s


def _month_range(c, a: dt.date, b: dt.date, rng: random.Random) -> str:
    """Month-only range (研究期限 2022年01月—2024年12月); a is a 1st, b a month end."""
    s = rng.choice([f"{a.year}年{a.month:02d}月—{b.year}年{b.month:02d}月", f"{a.year}.{a.month:02d}-{b.year}.{b.month:02d}",
                    f"{a.year}年{a.month}月至{b.year}年{b.month}月"])
    c.field("start_date", a.isoformat(), raw=s)
    c.field("end_date", b.isoformat(), raw=s)
    return s


def _head(c, issuer: str, docno: str | None, rng: random.Random) -> None:
    """D letterhead: red issuer name (no 文件) with 文号 right-aligned over a double rule, or a
    black bold issuer over a thin rule with the 文号 on the left."""
    fit = min(26, c.content_width / max(len(issuer), 1) * 0.96)
    if rng.random() < 0.55:
        c.line_text(issuer, align="c", role="songb", size=fit, color=RED, after=10)
        if docno:
            c.line_text(docno, align="r", size=13, after=0)
        c.rule(RED, 1.8, double=True, after=20)
    else:
        c.line_text(issuer, align="c", role="heib", size=min(fit, 21), after=2)
        c.rule(BLACK, 0.8, after=6)
        if docno:
            c.line_text(docno, align="l", size=12.5, after=12)
    if docno:
        c.field("document_number", docno.replace(" ", ""), raw=docno)


def _sign(c, org: str, d: dt.date, rng: random.Random, seal: bool = True, prefix: str | None = None,
          register: bool = True, style: str | None = None, seal_sub: str = "", before: float = 28) -> str:
    s = fmt_date(d, style or _ds(rng, "sign"))
    c.sign(org, s, seal=seal, seal_sub=seal_sub, prefix=prefix, before=before)
    if register:
        c.field("organization", org)
        c.field("issue_date", d.isoformat(), raw=s)
    return s


def _hours(h: int, rng: random.Random) -> str:
    return rng.choice([f"{h}学时", f"{h}个学时", f"专业科目{h}学时", f"学时{h}"])


def _grid(c, cells: list[tuple[str, str]], size: float = 11, widths=(1.1, 2.2, 1.1, 2.2)) -> None:
    """Label/value pairs two per row (a form's upper block)."""
    rows = []
    for i in range(0, len(cells), 2):
        pair = cells[i:i + 2]
        row = [x for lv in pair for x in lv]
        rows.append(row + [""] * (4 - len(row)))
    c.table(rows, widths=list(widths), header=False, size=size, align=["c", "l", "c", "l"])


def _wide(c, rows: list[tuple[str, str]], size: float = 11, min_h: float = 0, lw: float = 1.1, vw: float = 5.5) -> None:
    c.table([list(r) for r in rows], widths=[lw, vw], header=False, size=size, align=["c", "l"], min_h=min_h)


def _sir(p) -> str:
    return "先生" if p.gender == "男" else "女士"


# --- notices --------------------------------------------------------------------------------

def training_notice(d: dict, fam: str, rng: random.Random):
    t = d["training"]
    c = _comp(rng)
    _head(c, t["organizer"], t.get("docno"), rng)
    c.field("organizer", t["organizer"])
    c.field("level", t["level"])
    c.field("title", t["title"])
    verb = rng.choice(["举办", "组织开展", "开办"])
    c.title(f"关于{verb}{t['title']}的通知", size=19, role="songb")
    c.line_text(t["audience_line"] + "：", after=2)
    if rng.random() < 0.5:
        c.para(f"为进一步加强专业技术人才队伍建设，帮助{t['audience']}更新知识、提高能力，{t['organizer']}决定{verb}"
               f"{t['title']}。有关事项通知如下。")
        rt = _range(c, t["start"], t["end"], rng)
        c.para(f"一、时间和地点。{rt}，为期{t['days']}天，地点设在{t['place']}。报到时间为开班当日8:00—8:30。")
        c.field("days", str(t["days"]), raw=f"为期{t['days']}天")
        c.para(f"二、学习内容。{'；'.join(t['contents'])}。")
        c.para(f"三、培训对象。{t['audience']}。请各单位按分配名额择优选派，于开班前5个工作日报送报名回执。")
        if t.get("hours"):
            hp = _hours(t["hours"], rng)
            c.para(f"四、学时认定。学员按要求完成全部课程并通过结业考核的，颁发培训证书，认定继续教育{hp}。")
            c.field("hours_stated", str(t["hours"]), raw=hp)
        else:
            c.para("四、学时认定。学员按要求完成全部课程并通过结业考核的，颁发培训证书，学时按规定认定。")
        c.para(f"五、联系方式。{t['contact']}，{t['phone']}。")
    else:
        c.para(f"根据年度继续教育工作计划，定于近期{verb}{t['title']}，现将培训安排通知如下：")
        rt = _range(c, t["start"], t["end"], rng, form=rng.choice(["std", "dash"]))
        c.kv("培训时间", f"{rt}（共{t['days']}天）", label_chars=0)
        c.field("days", str(t["days"]), raw=f"共{t['days']}天")
        c.kv("培训地点", t["place"])
        c.kv("参训对象", t["audience"])
        if t.get("hours"):
            hp = _hours(t["hours"], rng)
            c.kv("学时登记", f"考核合格者登记{hp}")
            c.field("hours_stated", str(t["hours"]), raw=hp)
        c.line_text("课程安排表", align="c", role="hei", size=12, after=2)
        rows = [["日期", "时段", "课程内容", "授课方式"]]
        for i, item in enumerate(t["contents"]):
            day = t["start"] + dt.timedelta(days=min(i // 2, t["days"] - 1))
            rows.append([f"{day.month}月{day.day}日", "上午" if i % 2 == 0 else "下午", item,
                         rng.choice(["专家授课", "讲座", "案例研讨", "实操"])])
        c.table(rows, widths=[1.1, 0.8, 3.6, 1.2], size=10.5, align=["c", "c", "l", "c"])
        c.space(6)
        c.para(f"请参训人员携带身份证按时报到。联系人：{t['contact']}；电话：{t['phone']}。")
    _sign(c, t["organizer"], t["issue_date"], rng)
    return c


def conference_notice(d: dict, fam: str, rng: random.Random):
    m = d["conference"]
    p = d["person"]
    c = _comp(rng)
    c.field("title", m["title"])
    c.field("organizer", m["organizer"])
    c.field("level", m["level"])
    style = _ds(rng)
    if rng.random() < 0.5:  # 邀请函 to the declarant
        c.space(16)
        c.line_text("邀　请　函", align="c", role="heib", size=28, color=RED if rng.random() < 0.5 else BLACK, after=4)
        if m.get("docno"):
            c.line_text(m["docno"], align="c", size=12, after=10)
            c.field("document_number", m["docno"], raw=m["docno"])
        c.space(10)
        salute = rng.choice([_sir(p), "老师", "同志", "专家"])
        c.line_text(f"尊敬的{d['name']}{salute}：", after=4)
        c.field("person_name", d["name"])
        c.para("您好！")
        rt = _range(c, m["start"], m["end"], rng, style=style)
        c.para(f"{m['organizer']}定于{rt}在{m['place']}举办{m['title']}。会议将围绕学科前沿进展、新技术推广应用及"
               "典型案例开展学术交流。鉴于您在该领域的学术造诣和工作业绩，诚挚邀请您拨冗出席。")
        c.para(f"会议报到时间：{fmt_date(m['start'], style)}全天。请于{fmt_date(m['deadline'], style)}前通过会务系统完成注册。")
        c.para("期待您的光临！")
    else:
        c.line_text(m["organizer"], align="c", role="songb", size=18, color=RED, after=2)
        if m.get("docno"):
            c.line_text(m["docno"], align="c", size=12, after=0)
            c.field("document_number", m["docno"], raw=m["docno"])
        c.rule(RED, 1.2, after=12)
        c.title(f"{m['title']}第二轮通知", size=18, role="heib")
        c.line_text("各有关单位及专家：", after=2)
        c.para(f"{m['title']}筹备工作已基本就绪，现将会议具体安排通知如下：")
        rt = _range(c, m["start"], m["end"], rng, style=style, form="std")
        _wide(c, [("会议名称", m["title"]), ("会议时间", f"{rt}（会期{m['days']}天）"), ("会议地点", m["place"]),
                  ("主办单位", m["organizer"]), ("会议形式", "大会主题报告、分会场专题交流、壁报展示"),
                  ("参会人员", "各级医疗、教育、科研及相关单位专业技术人员")], size=11)
        c.space(6)
        c.para("参会代表交通、食宿费用回所在单位报销。会议结束后颁发参会证明。")
    _sign(c, m["organizer"], m["issue_date"], rng)
    return c


def service_notice(d: dict, fam: str, rng: random.Random):
    s = d["service"]
    c = _comp(rng)
    c.field("title", s["activity"])
    if d.get("sub") == "notice":
        _head(c, s["organizer"], s.get("docno"), rng)
        c.field("organizer", s["organizer"])
        c.title(f"关于组织专家参加{s['year']}年{s['activity']}的通知", size=18, role="songb")
        c.line_text("各有关单位：", after=2)
        c.para(f"按照年度人才工作安排，定于近期组织各领域专家深入基层开展{s['activity']}，为基层群众和一线技术人员提供"
               f"{s['content']}等服务。现将有关事项通知如下：")
        rt = _range(c, s["start"], s["end"], rng)
        c.para(f"活动时间为{rt}，服务地点为{s['place']}。具体安排见下表：")
        rows = [["服务点", "服务内容", "组织单位"], [s["place"], s["content"], s["organizer"]]]
        c.table(rows, widths=[2, 3, 2.4], size=10.5, align=["l", "l", "l"])
        c.space(4)
        c.para("参加活动的专家由组织单位统一登记服务时长，活动结束后出具服务证明，作为继续教育学时认定依据。")
        _sign(c, s["organizer"], s["issue_date"], rng)
        return c
    name, p = d["name"], d["person"]
    c.field("person_name", name)
    if rng.random() < 0.5:
        c.title(f"{s['activity']}专家服务工作量确认单", size=17, role="heib", after=12)
        _grid(c, [("姓名", name), ("性别", p.gender), ("工作单位", d["unit"]), ("职称", p.title)])
        rt = _range(c, s["start"], s["end"], rng, form="std")
        _wide(c, [("服务时间", rt), ("服务地点", s["place"]), ("服务内容", s["content"]),
                  ("服务天数", f"累计{s['days']}天")])
        c.field("days", str(s["days"]), raw=f"累计{s['days']}天")
        _wide(c, [("组织单位确认", "经核实，该同志按要求完成服务任务，情况属实。")], min_h=60)
        _sign(c, s["organizer"], s["issue_date"], rng, prefix="组织单位（盖章）")
    else:
        c.space(30)
        c.title("参加活动证明", size=22, role="songb", after=18)
        rt = _range(c, s["start"], s["end"], rng)
        c.para(f"{name}同志（{d['unit']}{p.title}）于{rt}参加了由我单位组织的{s['activity']}，在{s['place']}开展"
               f"{s['content']}，共服务{s['days']}天。")
        c.field("days", str(s["days"]), raw=f"共服务{s['days']}天")
        c.para("特此证明。")
        _sign(c, s["organizer"], s["issue_date"], rng)
    return c


def plan_filing(d: dict, fam: str, rng: random.Random):
    pl = d["plan"]
    rows = pl["trainings"]
    c = _comp(rng, size=12.5)
    c.field("year", str(pl["year"]))
    c.field("trainings", names_json([r["title"] for r in rows]))
    c.field("filer", pl["filer"])
    if rng.random() < 0.5:
        c.space(10)
        c.title("专业技术人员继续教育培训计划备案通知书", size=18, role="heib", after=4)
        c.line_text(f"备案号：{pl['filing_no']}", align="r", size=12, after=8)
        c.field("document_number", pl["filing_no"], raw=pl["filing_no"])
        c.line_text(f"{pl['filer']}：", after=2)
        c.para(f"你单位于{fmt_date(pl['submit_date'], 'cn')}报送的{pl['year']}年度继续教育培训计划已收悉。经审核，"
               f"准予备案的培训项目共{len(rows)}项（见下表）。未列入备案计划的培训项目，不予登记继续教育学时。")
        table = [["序号", "培训项目", "计划时间", "学时"]]
        for i, r in enumerate(rows, 1):
            table.append([str(i), r["title"], f"{r['month']}月", str(r["hours"])])
        c.table(table, widths=[0.6, 4.4, 1.1, 0.8], size=10.5, align=["c", "l", "c", "c"])
        _sign(c, pl["hr"], pl["filing_date"], rng)
    else:
        c.title("继续教育年度培训计划备案登记表", size=18, role="heib", after=8)
        c.line_text(f"计划年度：{pl['year']}年度　　　　备案编号：{pl['filing_no']}", size=11.5, after=6)
        c.field("document_number", pl["filing_no"], raw=pl["filing_no"])
        _wide(c, [("报备单位", pl["filer"]), ("报备日期", fmt_date(pl["submit_date"], "cn0"))], size=11)
        table = [["序号", "培训项目名称", "举办月份", "培训对象", "学时"]]
        for i, r in enumerate(rows, 1):
            table.append([str(i), r["title"], f"{r['month']}月", r["audience"], str(r["hours"])])
        c.table(table, widths=[0.6, 3.6, 0.9, 2.0, 0.6], size=10, align=["c", "l", "c", "l", "c"])
        c.table([["人社部门备案意见", "已备案。请按计划组织实施，培训结束后按规定登记学时。"]], widths=[1.3, 5.4],
                header=False, size=11, align=["c", "l"], min_h=60)
        _sign(c, pl["hr"], pl["filing_date"], rng, prefix="（备案专用章）" if rng.random() < 0.4 else None)
    return c


# --- certificates ---------------------------------------------------------------------------

def completion_certificate(d: dict, fam: str, rng: random.Random):
    t = d["training"]
    name = d["name"]
    seal = d.get("seal", True)
    c = None
    v = rng.random()
    if v < 0.4:  # portrait 培训证书, narrative
        c = _comp(rng, size=15, role="kai" if rng.random() < 0.4 else "song", margins=(80, 80, 70, 70))
        c.frame(GOLD, inset=24, width=3)
        c.at(c.width - c.right, 86, f"编号：{t['cert_no']}", size=11, align="r")
        c.field("certificate_number", t["cert_no"].replace("No.", ""), raw=t["cert_no"])
        c.y = 130
        c.line_text("培 训 证 书", align="c", role="heib", size=36, color=RED, after=34)
        rt = _range(c, t["start"], t["end"], rng)
        c.para(f"{name}同志于{rt}参加{t['title']}，完成全部培训课程，经考核成绩合格。", leading=2.1)
        if t.get("hours"):
            hp = _hours(t["hours"], rng)
            c.para(f"认定继续教育{hp}。", leading=2.1)
            c.field("hours_stated", str(t["hours"]), raw=hp)
        c.para("特发此证。", leading=2.1)
        c.space(30)
        _sign(c, t["organizer"], t["issue_date"], rng, seal=seal)
    elif v < 0.75:  # 合格证 form table with photo
        c = _comp(rng, size=12)
        c.frame(NAVY, inset=26, double=False, width=1.5)
        c.y = 90
        c.line_text(t["organizer"], align="c", role="hei", size=14, after=6)
        c.line_text("继续教育培训合格证", align="c", role="heib", size=26, color=NAVY, after=18)
        rt = _range(c, t["start"], t["end"], rng, form="std")
        rows = [["姓　　名", name, "性　　别", d["person"].gender]]
        if d.get("id_number"):
            rows.append(["身份证号", d["id_number"], "工作单位", d["unit"]])
            c.field("id_number", d["id_number"], raw=d["id_number"])
        c.table(rows, widths=[1.1, 2.4, 1.1, 2.4], header=False, size=11, align=["c", "l", "c", "l"])
        wide = [("培训项目", t["title"]), ("培训时间", rt)]
        if t.get("hours"):
            hp = _hours(t["hours"], rng)
            wide.append(("认定学时", hp))
            c.field("hours_stated", str(t["hours"]), raw=hp)
        wide += [("考核结果", "合格"), ("证书编号", t["cert_no"])]
        c.field("certificate_number", t["cert_no"].replace("No.", ""), raw=t["cert_no"])
        _wide(c, wide, size=11, lw=1.1, vw=5.9)
        c.space(10)
        c.para("经考核合格，准予结业，特发此证。", indent=2)
        _sign(c, t["organizer"], t["issue_date"], rng, seal=seal, prefix="发证单位：")
    else:  # 电子培训证明 web print
        c = _comp(rng, size=12, role="hei", margins=(60, 60, 50, 50))
        c.rect(0, 0, c.width, 44, color=None, fill=(28, 92, 168))
        c.at(c.left, 29, "继续教育网络管理平台", role="heib", size=13, color=(255, 255, 255))
        c.at(c.width - c.right, 29, "打印", size=10, color=(255, 255, 255), align="r")
        c.y = 80
        c.line_text("电子培训证明", align="c", role="heib", size=22, after=12)
        rt = _range(c, t["start"], t["end"], rng, style=rng.choice(["iso", "dot0"]), form="dash")
        rows = [["学员姓名", name], ["培训班名称", t["title"]], ["举办单位", t["organizer"]], ["培训时间", rt]]
        if t.get("hours"):
            rows.append(["获得学时", str(t["hours"])])
            c.field("hours_stated", str(t["hours"]))
        rows += [["考核状态", "已合格"], ["证明编号", t["cert_no"]]]
        c.field("certificate_number", t["cert_no"].replace("No.", ""), raw=t["cert_no"])
        _wide(c, rows, size=11.5, lw=1.4, vw=5.2)
        c.qr(c.left, c.y + 20, 70)
        c.at(c.left + 84, c.y + 50, "扫描二维码可查验本证明真伪", size=10)
        c.space(90)
        _sign(c, t["organizer"], t["issue_date"], rng, seal=seal, style="iso", before=0)
    c.field("person_name", name)
    c.field("title", t["title"])
    c.field("organizer", t["organizer"])
    return c


def patent_certificate(d: dict, fam: str, rng: random.Random):
    p = d["patent"]
    kind = PATENT_ZH[p["type"]]
    who = "设计人" if p["type"] == "design" else "发明人"
    sep = rng.choice(["、", "；", "，"])
    inventors = sep.join(p["inventors"])
    c = _comp(rng, size=13, role="song")
    c.field("patent_type", p["type"], raw=kind)
    c.field("patent_title", p["title"], raw=p["title"])
    c.field("inventors", names_json(p["inventors"]), raw=inventors)
    c.field("inventor_rank", str(p["rank"]))
    c.field("patentee", p["patentee"], raw=p["patentee"])
    c.field("person_name", d["name"])
    c.field("organization", "国家知识产权局")
    num = identifiers.format_patent(p["number"], rng.choice(["spaced", "half", "compact"]))
    c.field("patent_number", p["number"], raw=num)
    c.field("certificate_number", p["cert_no"], raw=p["cert_no"])
    c.field("issue_date", p["grant_date"].isoformat())
    if rng.random() < 0.55:  # certificate, 专利号 first
        c.frame((110, 90, 50), inset=18, width=1.2)
        c.y = 70
        c.line_text(f"{kind}专利证书", align="c", role="songb", size=30, after=6)
        c.line_text(f"证书号 第{p['cert_no']}号", align="c", size=12, after=22)
        style = rng.choice(["cn", "cn0", "dot0"])
        fd = _date(c, "filing_date", p["filing_date"], style)
        gd = _date(c, "grant_date", p["grant_date"], style)
        pairs = [("专利号", num), (f"{kind}名称", p["title"]), (who, inventors), ("申请日", fd),
                 ("专利权人", p["patentee"]), ("授权公告号", p["pub_no"]), ("授权公告日", gd)]
        for k, val in pairs:
            c.kv(k, val, size=13)
        c.space(12)
        c.para(f"本{kind}专利已由国家知识产权局依照《中华人民共和国专利法》审查，决定授予专利权，颁发本证书，"
               "并在专利登记簿上予以登记。专利权自授权公告之日起生效。", size=11.5, leading=1.7)
        c.para("本证书记载专利权登记时的法律状况，专利权的后续变化以专利登记簿记载为准。", size=11.5, leading=1.7)
        c.space(16)
        c.at(c.width - c.right - 170, c.y + 30, "国家知识产权局局长", size=12)
        c.at(c.width - c.right - 50, c.y + 32, p["director"], role="kai", size=19, hand=True)
        c.seal(c.width - c.right - 100, c.y + 20, "国家知识产权局", r=48)
        c.qr(c.left + 6, c.y, 58)
    else:  # 专利登记簿副本
        c.y = 70
        c.line_text("专利登记簿副本", align="c", role="heib", size=24, after=4)
        c.line_text("（根据专利法实施细则第一百一十九条出具）", align="c", size=10.5, after=14)
        style = rng.choice(["cn0", "iso"])
        fd = _date(c, "filing_date", p["filing_date"], style)
        gd = _date(c, "grant_date", p["grant_date"], style)
        _wide(c, [("专利类型", kind), ("专利号", num), ("证书号", p["cert_no"]), ("申请日", fd),
                  ("授权公告日", gd), ("授权公告号", p["pub_no"]), (f"{kind}名称", p["title"]), (who, inventors),
                  ("专利权人", p["patentee"]), ("地址", p["address"]), ("法律状态", "专利权维持")], size=11, lw=1.3)
        c.space(8)
        c.para("上述内容与专利登记簿记载一致。", size=11)
        out = p["grant_date"] + dt.timedelta(days=rng.randint(20, 120))
        s = _sign(c, "国家知识产权局", out, rng, register=False, seal_sub="专利登记簿专用章")
        c.field("issue_date", out.isoformat(), raw=s)
    return c


def award_certificate(d: dict, fam: str, rng: random.Random):
    a = d["award"]
    name = d["name"]
    grade = a["grade"]
    c = None
    gprint = rng.choice([f"{grade}等奖", f"{grade}等", {"一": "壹", "二": "贰", "三": "叁"}[grade] + "等奖"])
    members = rng.choice(["、", "　", "，"]).join(a["members"])
    if rng.random() < 0.55:  # portrait 获奖证书 with ordered completers
        c = _comp(rng, size=15, margins=(86, 86, 80, 70))
        c.frame(RED, inset=24, width=2.5)
        c.y = 120
        c.line_text("获 奖 证 书", align="c", role="heib", size=38, color=RED, after=30)
        c.para(f"“{a['project']}”荣获{a['year']}年度{a['name']}{gprint}。", leading=2.0)
        c.para(f"主要完成人：{members}", leading=2.0, indent=0)
        c.para("特发此证，以资鼓励。", leading=2.0)
        c.space(20)
        c.line_text(f"证书编号：{a['cert_no']}", x=c.left, size=12)
    else:  # landscape 奖励证书, completer list + 完成单位
        c = _comp(rng, landscape=True, size=15)
        c.frame(GOLD, inset=20, width=3)
        c.y = 66
        c.line_text(f"{a['name']}", align="c", role="heib", size=24, color=RED, after=2)
        c.line_text("奖 励 证 书", align="c", role="heib", size=32, color=RED, after=14)
        c.line_text(f"证书号：{a['cert_no']}", align="r", size=11.5, after=6)
        for k, v in [("项目名称", a["project"]), ("奖励等级", gprint), ("完成人", members), ("完成单位", a["unit"])]:
            c.kv(k, v, size=14)
        c.para(f"为表彰在{a['year']}年度科技创新与成果转化工作中作出突出贡献者，特颁发此证书。", size=13)
    c.field("certificate_number", a["cert_no"], raw=a["cert_no"])
    c.field("award_name", a["name"], raw=a["name"])
    c.field("award_level", a["level"])
    c.field("award_grade", f"{grade}等")
    c.field("awardee_rank", str(a["rank"]))
    c.field("person_name", name)
    c.field("title", a["project"])
    _sign(c, a["issuer"], a["issue_date"], rng, before=14)
    return c


def qualification_certificate(d: dict, fam: str, rng: random.Random):
    q = d["qualification"]
    name, pid, person = d["name"], d["id_number"], d["person"]
    issuer = q["issuer"].split()[-1]
    lvl = LEVEL_ZH[q["level"]]
    c = None
    v = rng.random()
    if v < 0.35:  # web-printed 资格证书查询结果
        c = _comp(rng, size=11.5, role="hei", margins=(50, 50, 46, 46))
        c.rect(0, 0, c.width, 40, color=None, fill=(196, 30, 36))
        c.at(c.left, 26, "中国人事考试网", role="heib", size=14, color=(255, 255, 255))
        c.at(c.width - c.right, 26, "证书查询", size=11, color=(255, 255, 255), align="r")
        c.y = 70
        c.line_text("专业技术人员资格证书查询结果", align="c", role="heib", size=18, after=10)
        pd = _date(c, "pass_date", q["pass_date"], rng.choice(["iso", "cn0", "slash"]))
        c.table([["姓名", "证件号码", "资格名称", "级别", "批准日期", "管理号"],
                 [name, pid, q["title"], lvl, pd, q["cert_no"]]], widths=[0.8, 2.0, 1.9, 0.9, 1.2, 1.7], size=9.5)
        c.space(8)
        c.para(f"发证机关：{issuer}", size=11, indent=0)
        c.para("说明：查询结果仅供参考，证书信息以发证机关记载为准。", size=10, indent=0)
        c.at(c.left, c.height - 40, f"http://zg.cpta.com.cn/examfront/cert/search　打印时间：{q['print_date'].isoformat()} "
             f"{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}", size=8.5, color=(90, 90, 90))
    elif v < 0.7:  # 电子证书 (证照)
        c = _comp(rng, size=13, role="song")
        c.frame((150, 30, 30), inset=22, width=1.8)
        c.y = 74
        c.line_text(q["header"], align="c", role="heib", size=22, after=4)
        c.line_text("（电子证书）", align="c", size=12, after=18)
        c.portrait(c.width - c.right - 84, c.y, 80, 104)
        pd = _date(c, "pass_date", q["pass_date"], "cn0")
        for k, val in [("持证人姓名", name), ("证件号码", pid), ("资格名称", q["title"]), ("资格级别", lvl),
                       ("批准日期", pd), ("证书管理号", q["cert_no"]), ("签发单位", issuer)]:
            c.kv(k, val, size=12.5)
        c.space(10)
        c.para("本电子证书与纸质证书具有同等效力，可通过扫描二维码或登录人事考试网查验。", size=11)
        c.qr(c.left, c.y + 10, 70)
        c.seal(c.width - c.right - 90, c.y + 50, issuer, r=48, sub="电子印章")
        c.y += 100
    else:  # 考试合格证明 with subject scores
        c = _comp(rng, size=12.5)
        c.y = 80
        c.line_text(f"{q['exam']}合格证明", align="c", role="heib", size=18, after=14)
        pd = _date(c, "pass_date", q["pass_date"], rng.choice(["cn", "cn0"]))
        _grid(c, [("姓名", name), ("性别", person.gender), ("证件号码", pid), ("报考级别", lvl)], size=10.5,
              widths=(1.0, 2.6, 1.0, 2.0))
        rows = [["科目名称", "成绩", "合格标准"]] + [[s, str(sc), str(pl)] for s, sc, pl in q["subjects"]]
        c.table(rows, widths=[3, 1.5, 1.5], size=10.5)
        _wide(c, [("资格名称", q["title"]), ("管理号", q["cert_no"]), ("批准日期", pd)], size=10.5)
        c.para(f"该考生参加{q['pass_date'].year}年度{q['exam']}，各科成绩均达到合格标准，特此证明。", size=12)
        c.para(f"证书由{issuer}统一印制，领取后以证书为准。", size=11)
        _sign(c, q["exam_org"], q["print_date"], rng, register=False)
        issuer = q["exam_org"]
    c.field("qualification_name", q["name"], raw=q["title"])
    c.field("qualification_level", q["level"])
    c.field("person_name", name)
    c.field("id_number", pid, raw=pid)
    c.field("certificate_number", q["cert_no"], raw=q["cert_no"])
    c.field("organization", issuer)
    return c


# --- proofs ---------------------------------------------------------------------------------

EVENT_KIND = {"training": "参加培训", "conference": "参加学术会议", "service": "参加服务基层活动", "sick": "病休",
              "dispatch": "外出进修", "study": "在职学习"}


def _event_d(c, ev: dict, rng: random.Random) -> str:
    """D's wording of what the employer certifies; registers dates and title."""
    typ = ev["type"]
    rt = _range(c, ev["start"], ev["end"], rng) if ev.get("start") else ""
    if ev.get("title"):
        c.field("title", ev["title"])
    if typ == "training":
        return f"{rt}，经本单位同意，该同志参加了由{ev['organizer']}举办的“{ev['title']}”，培训期间无缺勤"
    if typ == "conference":
        extra = "，并在会上作学术交流" if ev.get("presented") else ""
        return f"{rt}，该同志受单位委派参加{ev['organizer']}主办的{ev['title']}{extra}"
    if typ == "service":
        return (f"{rt}，该同志按照{ev['organizer']}统一安排参加{ev['title']}，深入基层开展服务，"
                f"实际服务{ev['days']}天")
    if typ == "sick":
        sick_leave_fields(c, ev, rt)
        return f"该同志因{ev['diagnosis']}，经医疗机构诊断并报单位批准，{rt}休病假，病休时间{ev['months']}个月"
    if typ == "dispatch":
        return f"经单位研究同意，该同志于{rt}到{ev['host']}进修"
    return f"该同志自{fmt_date(ev['start'], 'month')}起在{ev['host']}在职学习"


def employer_proof(d: dict, fam: str, rng: random.Random):
    p = d["person"]
    name, pid, unit, ev = d["name"], d["id_number"], d["unit"], d["event"]
    seal = d.get("seal", True)
    c = _comp(rng)
    c.field("person_name", name)
    if pid:
        c.field("id_number", pid, raw=pid)
    v = rng.random()
    if v < 0.4:  # 证明信
        c.space(36)
        c.line_text("证　明", align="c", role="songb", size=24, after=22)
        if rng.random() < 0.5:
            c.line_text("致继续教育学时审核部门：", after=4)
        sent = _event_d(c, ev, rng)
        c.para(f"{name}，{p.gender}，身份证号码{pid}，{unit}{p.dept}在职专业技术人员，现任{p.title}。"
               f"{sent}。", leading=2.0)
        c.para("以上情况属实，特此证明。", leading=2.0)
    elif v < 0.75:  # 情况说明
        c.space(30)
        c.title(f"关于{name}同志{EVENT_KIND[ev['type']]}的情况说明", size=19, role="songb", after=16)
        sent = _event_d(c, ev, rng)
        c.para(f"我单位{p.dept}{name}同志（身份证号：{pid}）{sent}。", leading=2.0)
        c.para("本单位对上述情况的真实性负责。", leading=2.0)
        c.para(f"单位联系人：{d['contact']}　　联系电话：{d['phone']}", leading=2.0)
    else:  # 审批表
        c.title(f"专业技术人员{EVENT_KIND[ev['type']]}审批表", size=18, role="heib", after=12)
        _grid(c, [("姓名", name), ("性别", p.gender), ("身份证号", pid or ""), ("职称", p.title),
                  ("所在科室", p.dept), ("联系电话", d["phone"])], size=10.5, widths=(1.0, 2.6, 1.0, 2.0))
        rt = _range(c, ev["start"], ev["end"], rng, form="std") if ev.get("start") else ""
        rows = []
        if ev.get("title"):
            rows.append(("事由", ev["title"]))
            c.field("title", ev["title"])
        if ev.get("organizer"):
            rows.append(("组织单位", ev["organizer"]))
        if ev.get("host"):
            rows.append(("前往单位", ev["host"]))
        if rt:
            rows.append(("起止日期", rt))
        if ev["type"] == "sick":
            rows.append(("病休情况", f"{ev['diagnosis']}，病休{ev['months']}个月"))
            c.field("leave_kind", "sick")
            c.field("leave_start", ev["start"].isoformat(), raw=rt)
            c.field("leave_end", ev["end"].isoformat(), raw=rt)
            c.field("months_absent", str(ev["months"]), raw=f"{ev['months']}个月")
        if ev["type"] == "service":
            rows.append(("服务天数", f"{ev['days']}天"))
        rows += [("科室意见", "同意。"), ("单位审批意见", "情况属实，同意。")]
        _wide(c, rows, size=11, min_h=34)
    _sign(c, unit, d["issue_date"], rng, seal=seal, prefix="（单位公章）" if not seal else None)
    return c


def assessment_proof(d: dict, fam: str, rng: random.Random):
    a = d["assessment"]
    name, p = d["name"], d["person"]
    c = _comp(rng)
    c.field("person_name", name)
    c.field("year", str(a["year"]))
    c.field("assessment_result", a["result"])
    if a["type"] == "refresher":
        if rng.random() < 0.5:
            c.space(24)
            c.line_text("进 修 证 明 书", align="c", role="songb", size=24, after=20)
            rt = _range(c, a["start"], a["end"], rng)
            c.para(f"{p.unit}{name}同志，于{rt}在我院{a['dept']}进修。进修期间严格遵守院规院纪，"
                   f"在带教老师{a['mentor']}指导下参与临床工作，结业考核成绩{a['result']}。")
            c.para("准予结业。")
        else:
            c.title("进修人员结业鉴定表", size=18, role="heib", after=10)
            rt = _range(c, a["start"], a["end"], rng, form="std")
            _grid(c, [("姓名", name), ("选送单位", p.unit), ("进修专业", a["dept"]), ("带教老师", a["mentor"])],
                  size=10.5)
            _wide(c, [("进修期限", rt), ("结业考核", a["result"]),
                      ("科室鉴定", "该同志学习态度端正，理论基础扎实，动手能力较强，圆满完成进修计划。")], size=10.5, min_h=34)
        _sign(c, a["issuer"], a["issue_date"], rng, prefix="（医务部/教育处）" if rng.random() < 0.3 else None)
        return c
    if rng.random() < 0.5:  # 考核结果公布 excerpt with a list
        c.title(f"关于{a['year']}年度考核结果的通报", size=18, role="songb", after=8)
        c.line_text("各科室（部门）：", after=2)
        c.para(f"根据年度考核工作安排，经个人述职、民主测评和考核委员会审定，{a['year']}年度考核工作已经结束。"
               "现将部分专业技术人员考核结果通报如下：")
        rows = [["序号", "姓名", "科室（岗位）", "考核等次"]]
        people = [(name, p.dept, a["result"])] + [(n, rng.choice([p.dept, "综合办公室", "业务科"]), rng.choice(["优秀", "合格", "合格"]))
                                                  for n in _others(rng, name, rng.randint(2, 4))]
        rng.shuffle(people)
        for i, (n, dept, r) in enumerate(people, 1):
            rows.append([str(i), n, dept, r])
        c.table(rows, widths=[0.7, 1.4, 2.4, 1.4], size=11)
    else:
        c.space(36)
        c.line_text("考核情况证明", align="c", role="songb", size=22, after=20)
        ctx = a.get("context") or ""
        c.para(f"{name}，{p.gender}，{p.title}，{a['year']}年{ctx}年度考核被评定为{a['result']}等次。", leading=2.0)
        c.para("特此证明。", leading=2.0)
    _sign(c, a["issuer"], a["issue_date"], rng)
    return c


def _others(rng: random.Random, avoid: str, n: int) -> list[str]:
    from samplegen.people import other_name
    out: list[str] = []
    while len(out) < n:
        x = other_name(rng, avoid)
        if x not in out:
            out.append(x)
    return out


def presentation_proof(d: dict, fam: str, rng: random.Random):
    m, pr = d["conference"], d["presentation"]
    name = d["name"]
    c = None
    wc = pr["word_count"]
    if rng.random() < 0.5:  # 论文录用及交流通知
        c = _comp(rng)
        c.space(20)
        c.title("论文录用及大会交流通知", size=20, role="songb", after=14)
        c.line_text(f"{name}（{d['unit']}）：", after=4)
        wtxt = rng.choice([f"{wc}字", f"约{wc}字"])
        c.para(f"您提交的论文《{pr['article_title']}》（{wtxt}）经{m['title']}学术委员会专家评审，已被录用为大会交流论文，"
               f"安排在会议期间以“{pr['form']}”形式进行交流。请按会议要求准备汇报材料，汇报时间不超过15分钟。")
        c.field("word_count", str(wc), raw=f"{wc}字")
        c.para("特此通知。")
        _sign(c, m["organizer"], pr["issue_date"], rng, prefix=f"{m['title']}组委会" if rng.random() < 0.4 else None)
    else:  # portrait 学术交流证书
        c = _comp(rng, size=15, margins=(84, 84, 80, 70))
        c.frame((30, 90, 160), inset=24, width=2)
        c.y = 120
        c.line_text("学术交流证书", align="c", role="heib", size=34, color=(30, 70, 150), after=30)
        c.para(f"{name}同志撰写的论文《{pr['article_title']}》（全文{wc}字）在{m['title']}上作{pr['form']}，特发此证。",
               leading=2.1)
        c.field("word_count", str(wc), raw=f"{wc}字")
        c.space(30)
        _sign(c, m["organizer"], pr["issue_date"], rng)
    c.field("person_name", name)
    c.field("article_title", pr["article_title"], raw=pr["article_title"])
    c.field("title", m["title"])
    return c


def project_proof(d: dict, fam: str, rng: random.Random):
    pj = d["project"]
    name = d["name"]
    c = _comp(rng, size=12.5)
    project_fields(c, pj, name)
    if rng.random() < 0.55:  # 课题组成员情况表
        c.title(f"{pj['source']}课题组成员情况表", size=17, role="heib", after=10)
        period = _range(c, pj["start"], pj["end"], rng, style=rng.choice(["cn0", "dot0", "cn"]), form=rng.choice(["std", "dash"])) \
            if rng.random() < 0.5 else _month_range(c, pj["start"], pj["end"], rng)
        _wide(c, [("项目编号", pj["number"]), ("项目名称", pj["title"]), ("项目类别", pj["source"]),
                  ("承担单位", pj["owner"]), ("研究期限", period)], size=11)
        rows = [["序号", "姓名", "单位", "职称", "承担任务", "签名"]]
        for i, (mn, mu, mt, mr) in enumerate(pj["member_rows"], 1):
            rows.append([str(i), mn, mu, mt, mr, ""])
        c.table(rows, widths=[0.6, 1.1, 2.8, 1.2, 1.6, 0.9], size=10)
        c.space(4)
        c.para("以上成员排序与项目任务书一致。", size=11.5)
        _sign(c, pj["owner"] if pj["owner"] != pj["issuer"] and rng.random() < 0.5 else pj["issuer"], pj["issue_date"], rng,
              prefix="（科研管理部门盖章）" if rng.random() < 0.4 else None)
    else:  # 立项证书
        c.frame((150, 30, 30), inset=22, width=2)
        c.y = 92
        c.line_text(pj["issuer"], align="c", role="hei", size=16, after=4)
        c.line_text("立 项 证 书", align="c", role="heib", size=32, color=RED, after=16)
        c.line_text(f"编号：{pj['number']}", align="r", size=11.5, after=8)
        period = _month_range(c, pj["start"], pj["end"], rng)
        for k, v in [("课题名称", pj["title"]), ("课题类别", pj["source"]), ("承担单位", pj["owner"]),
                     ("起止时间", period), ("课题负责人", pj["members"][0])]:
            c.kv(k, v, size=13)
        c.kv("课题组成员", "、".join(pj["members"][1:]), size=13)
        c.space(6)
        c.para("经专家评审，该课题批准立项。请按照任务书要求开展研究，按期完成研究任务。", size=13)
        _sign(c, pj["issuer"], pj["issue_date"], rng)
    return c


def assignment_document(d: dict, fam: str, rng: random.Random):
    s = d["assignment"]
    name, p = d["name"], d["person"]
    c = _comp(rng, size=12.5)
    c.field("person_name", name)
    c.field("title", s["kind"])
    mtxt = _months_txt(s["months"], rng)
    c.field("months", str(s["months"]), raw=mtxt)
    if rng.random() < 0.55:  # approval / registration form
        title = rng.choice([f"{s['kind']}专业技术人员选派审批表", f"对口支援（{s['kind']}）人员登记表",
                            f"选派{s['kind']}人员审批表"])
        c.title(title, size=18, role="heib", after=4)
        c.line_text(f"填表日期：{fmt_date(s['issue_date'] - dt.timedelta(days=rng.randint(3, 10)), 'cn0')}", align="r",
                    size=10.5, after=4)
        _grid(c, [("姓名", name), ("性别", p.gender), ("出生年月", fmt_date(p.birth, "month")), ("职称", p.title),
                  ("身份证号", d["id_number"]), ("所在科室", p.dept)], size=10.5, widths=(1.0, 2.6, 1.0, 2.0))
        rt = _range(c, s["start"], s["end"], rng, form=rng.choice(["std", "zi", "dash"]))
        _wide(c, [("派出单位", d["unit"]), ("接收单位", s["host"]), ("选派类别", s["kind"]), ("派出时间", rt),
                  ("派出期限", mtxt), ("依据文件", s["docno"])], size=10.5)
        c.field("document_number", s["docno"], raw=s["docno"])
        _wide(c, [("派出单位意见", "同意选派。"), ("主管部门意见", "经研究，同意。")], size=10.5, min_h=52)
        _sign(c, s["issuer"], s["issue_date"], rng, prefix="主管部门（盖章）", before=12)
    else:  # 派遣函
        _head(c, s["issuer"], s["docno"], rng)
        c.title(f"关于派遣{name}同志赴{s['dest']}开展{s['kind']}工作的函", size=18, role="songb")
        c.line_text(f"{s['host']}：", after=2)
        rt = _range(c, s["start"], s["end"], rng)
        c.para(f"根据{s['kind']}工作安排，经研究，决定派遣{d['unit']}{p.title}{name}同志到你单位开展{s['kind']}工作，"
               f"派驻时间{rt}，期限{mtxt}。派驻期间，该同志接受你单位日常管理，期满由你单位出具考核鉴定意见。")
        c.para("请予接洽为盼。")
        _sign(c, s["issuer"], s["issue_date"], rng)
    return c


# --- publications ---------------------------------------------------------------------------

def journal_pages(d: dict, fam: str, rng: random.Random):
    j = d["journal"]
    name, authors = d["name"], j["authors"]
    c = _comp(rng, size=11, role="song", margins=(60, 60, 56, 56))
    end_page = j["page_start"] + j["page_count"] - 1
    pages = f"{j['page_start']}-{end_page}"
    color = rng.choice([(130, 24, 30), (20, 80, 120), (40, 100, 60)])
    issue_line = rng.choice([f"{j['year']}年{j['issue']}月　第{j['volume']}卷　第{j['issue']}期",
                             f"Vol.{j['volume']}　No.{j['issue']}　{j['year']}", f"{j['year']}　第{j['issue']}期（总第{j['total']}期）"])
    # --- cover: name at the top left, 刊号 block at the bottom right
    c.rect(0, 0, 36, c.height, color=None, fill=color)
    c.at(70, 130, j["name"], role="songb", size=50, color=color)
    c.at(72, 170, j["en"], role="hei", size=12, color=(80, 80, 80))
    c.at(72, 210, issue_line, role="hei", size=14)
    c.rect(70, 260, c.width - 60, 600, color=None, fill=tuple(min(255, x + 185) for x in color))
    c.at(c.width / 2 + 18, 450, rng.choice(["本期导读", "专题研究", "学术探索"]), role="kai", size=30, color=color, align="c")
    c.at(c.width - 60, 730, f"ISSN {j['issn']}", role="hei", size=12, align="r")
    c.at(c.width - 60, 752, j["cn"], role="hei", size=12, align="r")
    c.at(70, 752, f"{j['sponsor']}主办", size=11)
    c.field("journal_name", j["name"], raw=j["name"])
    c.field("issn", j["issn"], raw=f"ISSN {j['issn']}")
    c.field("cn_number", j["cn"], raw=j["cn"])
    c.field("year", str(j["year"]))
    c.field("issue", str(j["issue"]))
    c.field("level", j["level"])
    # --- table of contents
    c.new_page()
    c.y = 60
    c.line_text(f"{j['name']}", align="l", role="heib", size=16, after=0)
    c.line_text(issue_line, align="r", size=10, after=2)
    c.rule(color, 1.6, after=14)
    c.line_text("本 期 目 次", align="c", role="heib", size=17, after=10)
    toc_style = rng.random() < 0.5
    for t, a, pg in j["toc"]:
        if toc_style:
            c.para(f"{t}（{a}）……{pg}", size=11, indent=0, leading=1.5, hanging=1)
        else:
            c.para(f"{pg}　{t}", size=11, indent=0, leading=1.45, hanging=3)
            c.para(a, size=10, indent=3, leading=1.5, role="kai")
    c.field("article_title", j["article_title"], raw=j["article_title"])
    # --- article first page: running head, byline, abstract, citation line
    c.new_page()
    c.y = 44
    head = rng.choice([f"第{j['volume']}卷第{j['issue']}期　　　　　{j['name']}　　　　　Vol.{j['volume']} No.{j['issue']}",
                       f"{j['name']}　{j['year']}年第{j['issue']}期"])
    c.line_text(head, align="c", size=9, after=0)
    c.rule(BLACK, 0.5, after=4)
    c.line_text(str(j["page_start"]), align="l" if j["page_start"] % 2 == 0 else "r", size=9, after=14)
    c.title(j["article_title"], size=17, role="heib", after=6)
    sep = rng.choice(["，", "　", "  "])
    byline = sep.join(authors)
    c.line_text(byline, align="c", role="fang", size=12.5, after=2)
    c.field("authors", names_json(authors), raw=byline)
    c.field("author_rank", str(j["rank"]))
    c.field("person_name", name)
    c.line_text(f"（{j['affiliation']}，{j['city']}　{j['postcode']}）", align="c", size=9.5, after=8)
    c.para(f"摘　要：{j['abstract']}", size=9.5, indent=0, leading=1.55, hanging=0)
    c.para(f"关键词：{'；'.join(j['keywords'])}", size=9.5, indent=0)
    c.para(f"中图分类号：{j['clc']}　　文献标识码：A　　DOI：10.{rng.randint(3969, 16766)}/j.issn.{j['issn']}.{j['year']}.{j['issue']:02d}.0{rng.randint(10, 99)}",
           size=9, indent=0)
    ab = "，".join(authors[:3]) + ("，等" if len(authors) > 3 else "")
    cite = f"{ab}．{j['article_title']}[J]．{j['name']}，{j['year']}，{j['volume']}（{j['issue']}）：{pages}．"
    c.para(f"引用格式：{cite}", size=9, indent=0, role="kai")
    c.field("pages", pages, raw=pages)
    c.rule(BLACK, 0.4, after=8)
    for para in j["body"]:
        head = para[:1].isdigit() or para.startswith(("一、", "二、", "三、"))
        c.para(para, size=10.5, indent=0 if head else 2, leading=1.6, role="hei" if head and len(para) < 14 else None)
    c.y = max(c.y + 10, c.height - 110)
    c.rule(BLACK, 0.4, after=4, x1=c.left + 160)
    c.para(f"收稿日期：{fmt_date(j['received'], 'iso')}", size=8.5, indent=0)
    c.para(f"基金项目：{rng.choice(['河南省科技攻关项目', '河南省医学科技攻关计划项目', '河南省教育科学规划课题', '河南省重点研发与推广专项'])}"
           f"（{rng.randint(212102310000, 232102319999)}）", size=8.5, indent=0)
    return c


def book_pages(d: dict, fam: str, rng: random.Random):
    b = d["book"]
    name = d["name"]
    chief, deputy, contrib = b["chief"], b["deputy"], b["contributors"]
    c = _comp(rng, size=11.5, role="song", margins=(72, 72, 70, 70))
    color = rng.choice([(36, 84, 132), (150, 58, 40), (60, 110, 90)])
    # --- cover
    c.rect(0, 0, c.width, c.height, color=None, fill=(246, 242, 232))
    c.rect(0, 0, c.width, 120, color=None, fill=color)
    c.at(c.width / 2, 240, b["title"], role="heib", size=32 if len(b["title"]) < 12 else 26, color=color, align="c")
    c.at(c.width / 2, 330, f"{'　'.join(chief)}　主编", role="song", size=15, align="c")
    c.at(c.width / 2, 780, b["publisher"], role="songb", size=15, align="c")
    c.field("title", b["title"], raw=b["title"])
    c.field("organization", b["publisher"])
    # --- 编写人员 page
    c.new_page()
    c.y = 140
    c.line_text("本书编写人员", align="c", role="heib", size=18, after=24)
    for label, people in (("主　编", chief), ("副主编", deputy), ("编　者", contrib)):
        if people:
            c.para(f"{label}：{'　'.join(people)}", size=13, indent=4, hanging=8, leading=2.0)
    if contrib:
        c.para("（编者按姓氏笔画排序）" if rng.random() < 0.3 else "", size=10.5, indent=4)
    c.field("authors", names_json(chief + deputy + contrib))
    c.field("role", b["role"])
    c.field("person_name", name)
    # --- copyright page
    c.new_page()
    c.y = 300
    isbn_txt = identifiers.format_isbn(b["isbn"])
    wc = b["word_count_k"]
    c.line_text("图书在版编目（CIP）数据", role="heib", size=11.5, after=4)
    c.para(f"{b['title']}／{'，'.join(chief)}主编．—{b['city']}：{b['publisher']}，{b['date'].year}．{b['date'].month}", size=10.5, indent=2)
    c.line_text(f"　　ISBN {isbn_txt}", size=10.5)
    c.line_text(f"中国版本图书馆CIP数据核字（{b['date'].year}）第{b['cip']}号", size=10.5, after=14)
    c.rule(BLACK, 0.5, after=10)
    wc_raw = rng.choice([f"{wc} 千字", f"{wc}千字", f"{wc}千"])
    rows = [("书　　名", b["title"]), ("主　　编", "　".join(chief)), ("责任编辑", b["editor"]),
            ("出版发行", f"{b['publisher']}（{b['address']}）"), ("印　　刷", b["printer"]),
            ("开　　本", "787 mm×1 092 mm　1/16"), ("印　　张", str(b["sheets"])), ("字　　数", wc_raw),
            ("版　　次", f"{b['date'].year}年{b['date'].month}月第1版　{b['date'].year}年{b['date'].month}月第1次印刷"),
            ("书　　号", f"ISBN {isbn_txt}"), ("定　　价", f"{b['price']:.2f}元")]
    for k, v in rows:
        c.line_text(f"{k}　{v}", size=10.5)
    c.field("isbn", b["isbn"], raw=isbn_txt)
    c.field("word_count", str(wc * 1000), raw=wc_raw)
    c.field("year", str(b["date"].year))
    c.line_text("如有印装质量问题，请与本社联系调换", size=9.5, after=0)
    # --- contents
    c.new_page()
    c.y = 80
    c.line_text("目　　录", align="c", role="heib", size=18, after=14)
    for ch_title, pg, subs in b["contents"]:
        c.para(f"{ch_title}（{pg}）", size=12, role="hei", indent=0, leading=1.6)
        for s_title, s_pg in subs:
            c.para(f"{s_title}（{s_pg}）", size=11, indent=2, leading=1.5)
    return c


def transcript(d: dict, fam: str, rng: random.Random):
    t = d["transcript"]
    name = d["name"]
    p = d["person"]
    c = _comp(rng, size=12, margins=(60, 60, 58, 58))
    refresher = t["program"] == "进修学员"
    issuer = t["issuer"]
    variant = rng.random() < 0.5
    if refresher:
        c.title(f"{t['university']}进修人员考核成绩表", size=18, role="heib", after=8)
        _grid(c, [("姓名", name), ("选送单位", p.unit), ("进修科室", t["school"]), ("进修编号", t["student_no"])],
              size=10.5)
    else:
        c.title(f"{t['university']}{'课程考试成绩登记表' if variant else '学业成绩单'}", size=18, role="heib", after=8)
        c.line_text(f"姓名：{name}　　学号：{t['student_no']}　　学院：{t['school']}", size=11, after=0)
        c.line_text(f"专业：{t['major']}　　类别：{t['program']}　　入学时间：{fmt_date(t['enrolled'], 'month')}",
                    size=11, after=6)
    rows_json = []
    if variant or refresher:
        rows = [["课程编号", "课程名称", "学时", "考核方式", "成绩", "考核时间"]]
        for i, r in enumerate(t["courses"], 1):
            term = r["exam_month"]
            rows.append([f"{rng.choice(['S', 'M', 'K'])}{rng.randint(10000, 99999)}", r["course"],
                         str(r["credit"] * 16), rng.choice(["考试", "考查"]), r["score"], term])
            rows_json.append((r, term))
        widths, align = [1.2, 3.2, 0.7, 1.0, 0.8, 1.1], ["c", "l", "c", "c", "c", "c"]
    else:
        rows = [["开课学期", "课程名称", "学分", "成绩", "备注"]]
        for r in t["courses"]:
            y, m = int(r["exam_month"][:4]), int(r["exam_month"][5:7])
            term = f"{y}春" if m <= 7 else f"{y}秋"
            rows.append([term, r["course"], str(r["credit"]), r["score"], "" if r["passed"] else "需重修"])
            rows_json.append((r, term))
        widths, align = [1.1, 3.8, 0.7, 0.9, 1.0], ["c", "l", "c", "c", "c"]
    c.table(rows, widths=widths, size=10.5, align=align)
    c.space(6)
    c.para("注：百分制成绩60分及以上为合格；等级制成绩“合格”及以上为通过。", size=10, indent=0)
    courses = [{"course": r["course"], "score": r["score"], "term": term, "passed": r["passed"],
                "year": int(r["exam_month"][:4])} for r, term in rows_json]
    c.field("courses", json.dumps(courses, ensure_ascii=False))
    c.field("courses_passed", str(sum(1 for r in t["courses"] if r["passed"])))
    c.field("person_name", name)
    _sign(c, issuer, t["issue_date"], rng, prefix="（成绩专用章）" if rng.random() < 0.3 else None)
    return c


# --- leave ----------------------------------------------------------------------------------

def _leave_fields(c, lv: dict, rt: str, mtxt: str) -> None:
    c.field("leave_kind", lv["kind"])
    c.field("leave_start", lv["start"].isoformat(), raw=rt)
    c.field("leave_end", lv["end"].isoformat(), raw=rt)
    c.field("months_absent", str(lv["months"]), raw=mtxt)


def _months_txt(n: int, rng: random.Random) -> str:
    return rng.choice([f"{n}个月", f"{n}个月", f"{upper_number(n)}个月"])


def sick_leave_proof(d: dict, fam: str, rng: random.Random):
    lv = d["leave"]
    name, p = d["name"], d["person"]
    age = lv["issue_date"].year - p.birth.year
    c = _comp(rng, size=12.5, role="song")
    c.field("person_name", name)
    mtxt = _months_txt(lv["months"], rng)
    if rng.random() < 0.5:  # 病假证明单
        c.line_text(lv["hospital"], align="c", role="heib", size=18, after=2)
        c.line_text("病 假 证 明 单", align="c", role="heib", size=20, after=4)
        c.line_text(f"No.{lv['case_no']}", align="r", size=10.5, after=6)
        c.line_text(f"姓名 {name}　 性别 {p.gender}　 年龄 {age}　 科别 {lv['dept']}", size=12, after=4)
        c.rule(after=10)
        c.kv("临床诊断", lv["diagnosis"])
        rt = _range(c, lv["start"], lv["end"], rng, start="leave_start", end="leave_end",
                    form=rng.choice(["zi", "dash"]))
        c.kv("建议", f"病休{mtxt}（{rt}），门诊随访。")
        _leave_fields(c, lv, rt, mtxt)
        c.space(18)
        c.line_text("经治医师：", x=c.left + 230, after=0)
        c.at(c.left + 310, c.y - 6, lv["doctor"], role="kai", size=19, hand=True)
        _sign(c, lv["hospital"], lv["issue_date"], rng, seal_sub="诊断证明专用章", before=16)
    else:  # 出院证明书
        c.line_text(lv["hospital"], align="c", role="heib", size=18, after=2)
        c.line_text("出 院 证 明 书", align="c", role="heib", size=20, after=10)
        adm = lv["issue_date"] - dt.timedelta(days=rng.randint(8, 20))
        _grid(c, [("姓名", name), ("性别", p.gender), ("年龄", f"{age}岁"), ("住院号", lv["case_no"]),
                  ("入院日期", fmt_date(adm, "iso")), ("出院日期", fmt_date(lv["issue_date"], "iso"))], size=10.5)
        rt = _range(c, lv["start"], lv["end"], rng, start="leave_start", end="leave_end", form="std", style="cn")
        _wide(c, [("出院诊断", lv["diagnosis"]), ("出院情况", "病情平稳，切口愈合良好。"),
                  ("出院医嘱", f"全休{mtxt}，休息时间{rt}；按时服药，定期复查。"), ("主治医师", lv["doctor"])], size=10.5, min_h=30)
        _leave_fields(c, lv, rt, mtxt)
        _sign(c, lv["hospital"], lv["issue_date"], rng, seal_sub="医务处")
    return c


def maternity_proof(d: dict, fam: str, rng: random.Random):
    lv = d["leave"]
    name, p = d["name"], d["person"]
    c = _comp(rng)
    c.field("person_name", name)
    c.field("id_number", d["id_number"], raw=d["id_number"])
    mtxt = _months_txt(lv["months"], rng)
    if rng.random() < 0.5:
        c.space(36)
        c.line_text("产假证明", align="c", role="songb", size=24, after=20)
        rt = _range(c, lv["start"], lv["end"], rng, start="leave_start", end="leave_end", form=rng.choice(["zi", "std"]))
        c.para(f"我单位职工{name}，女，公民身份号码{d['id_number']}，{p.dept}{p.title}。该同志于"
               f"{fmt_date(lv['birth_date'], 'cn')}分娩，依据《河南省人口与计划生育条例》享受产假（含生育奖励假），"
               f"休假时间{rt}，共{mtxt}，期间未在岗工作。", leading=2.0)
        c.para("特此证明。", leading=2.0)
    else:
        c.title("女职工生育假登记表", size=19, role="heib", after=12)
        rt = _range(c, lv["start"], lv["end"], rng, start="leave_start", end="leave_end", form="std")
        _grid(c, [("姓名", name), ("所在部门", p.dept), ("身份证号", d["id_number"]), ("职称", p.title)], size=10.5,
              widths=(1.0, 2.6, 1.0, 2.0))
        _wide(c, [("分娩日期", fmt_date(lv["birth_date"], "cn0")), ("假期类别", "产假、生育奖励假"),
                  ("休假时间", rt), ("假期合计", mtxt), ("人事部门意见", "情况属实，已备案。")], size=11, min_h=30)
    _leave_fields(c, lv, rt, mtxt)
    _sign(c, d["unit"], lv["issue_date"], rng)
    return c


def overseas_proof(d: dict, fam: str, rng: random.Random):
    lv = d["leave"]
    name, p = d["name"], d["person"]
    c = _comp(rng)
    c.field("person_name", name)
    mtxt = _months_txt(lv["months"], rng)
    if rng.random() < 0.5:
        c.space(36)
        c.title(f"关于{name}同志出国（境）研修的证明", size=19, role="songb", after=16)
        rt = _range(c, lv["start"], lv["end"], rng, start="leave_start", end="leave_end")
        c.para(f"{name}同志是我单位{p.dept}{p.title}。经上级主管部门批准（批件号：{lv['approval']}），"
               f"该同志以访问学者身份赴{lv['country']}{lv['institution']}{lv['purpose']}，在外时间{rt}，累计{mtxt}。"
               "研修期满已按期回国报到。", leading=2.0)
        c.para("特此证明。", leading=2.0)
    else:
        c.title("访问学者派出及回国情况表", size=18, role="heib", after=12)
        rt = _range(c, lv["start"], lv["end"], rng, start="leave_start", end="leave_end", form="std")
        _grid(c, [("姓名", name), ("性别", p.gender), ("所在部门", p.dept), ("职称", p.title)], size=10.5)
        _wide(c, [("派往国家（地区）", lv["country"]), ("接收单位", lv["institution"]), ("研修任务", lv["purpose"]),
                  ("在外期间", rt), ("实际在外时长", mtxt), ("任务批件", lv["approval"]),
                  ("单位意见", "已按期回国，情况属实。")], size=10.5, lw=1.5)
    _leave_fields(c, lv, rt, mtxt)
    _sign(c, d["unit"], lv["issue_date"], rng)
    return c


# --- misc -----------------------------------------------------------------------------------

def leader_endorsement(d: dict, fam: str, rng: random.Random):
    e = d["endorsement"]
    name = d["name"]
    c = _comp(rng, size=12.5)
    c.field("leader_level", e["level"])
    c.field("title", e["report"], raw=e["report"])
    c.field("person_name", name)
    c.field("organization", e["issuer"])
    if rng.random() < 0.5:  # 批示办理单
        c.line_text(e["issuer"], align="c", role="songb", size=20, color=RED, after=2)
        c.line_text("领导批示办理单", align="c", role="songb", size=24, color=RED, after=4)
        c.line_text(f"批办〔{e['date'].year}〕{e['issue_no']}号", align="r", size=11, after=6)
        style = rng.choice(["cn", "cn0"])
        ds_ = _date(c, "issue_date", e["date"], style)
        _wide(c, [("来文标题", f"关于{e['report']}的调研报告"), ("报送单位", d["unit"]),
                  ("撰稿人", "、".join(e["authors"])), ("批示领导", f"{e['leader']}（{e['leader_title']}）"),
                  ("批示时间", ds_)], size=11)
        _wide(c, [("批示内容", e["comment"])], size=11, min_h=90)
        _wide(c, [("办理要求", "请按领导批示精神认真研究办理，并于十个工作日内反馈办理情况。")], size=11)
        c.seal(c.width - c.right - 110, c.y - 30, e["issuer"], r=46)
    else:  # 信息专报 with 批示栏
        bx = c.width - c.right - 170
        c.rect(bx, 12, bx + 170, 54, color=RED, width=1.0)
        c.at(bx + 85, 28, e["issuer"], size=9.5 if len(e["issuer"]) < 14 else 8, color=RED, align="c")
        c.at(bx + 85, 46, f"收文　{e['date'].year}年第{e['issue_no'] * 7 + 3}号", size=9.5, color=RED, align="c")
        c.line_text(rng.choice(["信息专报", "决策参考", "调研与建议"]), align="c", role="songb", size=30, color=RED, after=2)
        c.line_text(f"（第{e['issue_no']}期）", align="c", size=12, after=0)
        c.line_text(f"{d['unit']}　　　　　　{fmt_date(e['submitted'], 'cn')}", align="c", size=11, after=0)
        c.rule(RED, 1.6, after=10)
        top = c.y
        c.rect(c.left, top, c.width - c.right, top + 120, color=RED, width=0.6)
        c.at(c.left + 6, top + 18, "领导批示", role="hei", size=11, color=RED)
        chunks = [e["comment"][i:i + 20] for i in range(0, len(e["comment"]), 20)][:3]
        for i, ch in enumerate(chunks):
            c.at(c.left + 60, top + 44 + 26 * i, ch, role="kai", size=17, color=BLUE_INK, hand=True)
        stamp = f"{e['leader']} {e['date'].year}.{e['date'].month}.{e['date'].day}"
        c.at(c.width - c.right - 10, top + 110, stamp, role="kai", size=15, color=BLUE_INK, hand=True, align="r")
        c.field("issue_date", e["date"].isoformat(), raw=f"{e['date'].year}.{e['date'].month}.{e['date'].day}")
        c.y = top + 138
        c.title(f"关于{e['report']}的调研报告", size=17, role="heib", after=2)
        c.line_text(f"{d['unit']}　{'　'.join(e['authors'])}", align="c", role="kai", size=12, after=8)
        for para in e["summary"][:3]:
            c.para(para, size=12)
    return c


def other(d: dict, fam: str, rng: random.Random):
    o = d["other"]
    name = d["name"]
    c = _comp(rng)
    c.field("person_name", name)
    c.field("title", o["activity"])
    if rng.random() < 0.5:
        c.space(40)
        c.line_text("工作量证明", align="c", role="songb", size=24, after=20)
        dtx = _date(c, "start_date", o["date"], _ds(rng))
        c.para(f"{d['unit']}{name}同志于{dtx}应邀参加{o['event']}，担任{o['activity']}，{o['detail']}。", leading=2.0)
        c.para("特此证明。", leading=2.0)
    else:
        c.space(40)
        c.line_text("聘　请　函", align="c", role="songb", size=26, color=RED, after=20)
        c.line_text(f"{name}同志：", after=4)
        dtx = _date(c, "start_date", o["date"], _ds(rng))
        c.para(f"因工作需要，经研究，特聘请您担任{o['event']}{o['activity']}，工作时间{dtx}。感谢您的支持！", leading=2.0)
    _sign(c, o["issuer"], o["issue_date"], rng)
    return c


BUILDERS = {
    "training_notice": training_notice, "conference_notice": conference_notice, "service_notice": service_notice,
    "plan_filing": plan_filing, "completion_certificate": completion_certificate,
    "patent_certificate": patent_certificate, "award_certificate": award_certificate,
    "qualification_certificate": qualification_certificate, "employer_proof": employer_proof,
    "assessment_proof": assessment_proof, "presentation_proof": presentation_proof, "project_proof": project_proof,
    "assignment_document": assignment_document, "journal_pages": journal_pages, "book_pages": book_pages,
    "transcript": transcript, "sick_leave_proof": sick_leave_proof, "maternity_proof": maternity_proof,
    "overseas_proof": overseas_proof, "leader_endorsement": leader_endorsement, "other": other,
}
