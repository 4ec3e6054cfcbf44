"""Notices: training_notice, conference_notice, service_notice (notice and participation
proof), plan_filing. Each takes the claim's data dict `d`, a family and an rng."""

from __future__ import annotations

import random

from samplegen.dates import fmt_date, fmt_range
from samplegen.layout import RED
from samplegen.templates.common import (composer, ds, hours_phrase, kv_lines, letterhead,
                                        names_json, range_text, signoff)


def training_notice(d: dict, fam: str, rng: random.Random):
    """培训通知. A: 红头文件 with numbered sections; B: plain head + arrangement table;
    C: red head with star rule, narrative (一)(二) sections and upper-case dates."""
    t = d["training"]
    c = composer(fam, rng)
    letterhead(c, t["organizer"], t.get("docno"), fam, rng, wenjian=rng.random() < 0.7)
    c.field("organizer", t["organizer"])
    c.field("level", t["level"])
    title = f"关于举办{t['title']}的通知"
    c.field("title", t["title"])
    style = ds(fam, rng)
    if fam == "A":
        c.title(title, size=20)
        c.line_text(t["audience_line"] + "：", after=2)
        c.para(f"为贯彻落实《专业技术人员继续教育规定》，进一步提升{t['audience']}的业务能力和综合素质，"
               f"经研究，决定举办{t['title']}。现将有关事项通知如下：")
        c.line_text("一、培训时间", role="hei")
        rt = range_text(c, t["start"], t["end"], style)
        c.para(f"{rt}（共{t['days']}天），{fmt_date(t['start'], 'cn')}上午8:30前报到。")
        c.field("days", str(t["days"]), raw=f"共{t['days']}天")
        c.line_text("二、培训地点", role="hei")
        c.para(t["place"] + "。")
        c.line_text("三、培训内容", role="hei")
        for i, item in enumerate(t["contents"], 1):
            c.para(f"{i}．{item}；" if i < len(t["contents"]) else f"{i}．{item}。")
        c.line_text("四、参加对象", role="hei")
        c.para(f"{t['audience']}，每单位限报{rng.randint(2, 5)}人。")
        c.line_text("五、学时认定", role="hei")
        if t.get("hours"):
            hp = hours_phrase(t["hours"], fam, rng)
            c.para(f"学员全程参加培训并经考核合格的，由主办单位颁发结业证书，登记专业科目学时{hp}。")
            c.field("hours_stated", str(t["hours"]), raw=hp)
        else:
            c.para("学员全程参加培训并经考核合格的，由主办单位颁发结业证书，学时按有关规定登记。")
        c.line_text("六、其他事项", role="hei")
        c.para(f"培训不收取培训费，食宿统一安排，费用回原单位报销。联系人：{t['contact']}，联系电话：{t['phone']}。")
    elif fam == "B":
        c.title(title, size=18, role="heib")
        c.line_text(t["audience_line"] + "：", after=2)
        c.para(f"根据{t['year']}年度专业技术人员继续教育工作安排，{t['organizer']}定于近期举办{t['title']}，具体安排如下：")
        c.space(4)
        rt = range_text(c, t["start"], t["end"], style)
        rows = [["项目", "内容"], ["培训名称", t["title"]], ["培训时间", f"{rt}（{t['days']}天）"],
                ["培训地点", t["place"]], ["培训对象", t["audience"]], ["主要内容", "；".join(t["contents"])]]
        c.field("days", str(t["days"]), raw=f"{t['days']}天")
        if t.get("hours"):
            hp = hours_phrase(t["hours"], fam, rng)
            rows.append(["学时", hp])
            c.field("hours_stated", str(t["hours"]), raw=hp)
        rows.append(["主办单位", t["organizer"]])
        c.table(rows, widths=[1, 4], size=11, align=["c", "l"])
        c.space(8)
        c.para(f"请各单位于{fmt_date(t['start'], style)}前将参训人员名单报送至{t['organizer']}。"
               f"联系人：{t['contact']}　电话：{t['phone']}")
        c.para("附件：参训人员回执表", indent=2)
    else:
        c.title(f"{t['organizer']}关于举办{t['title']}的通知", size=18)
        c.line_text(t["audience_line"] + "：", after=2)
        rt = range_text(c, t["start"], t["end"], "upper" if rng.random() < 0.6 else style)
        c.para(f"经研究，定于{rt}在{t['place']}举办{t['title']}，培训为期{t['days']}天。现将有关事项通知如下：")
        c.field("days", str(t["days"]), raw=f"{t['days']}天")
        c.para("（一）培训内容。" + "、".join(t["contents"]) + "等。")
        c.para(f"（二）参训对象。{t['audience']}。")
        if t.get("hours"):
            hp = hours_phrase(t["hours"], fam, rng)
            c.para(f"（三）学时登记。培训结束后进行考核，考核合格者颁发培训证书，{hp}，计入专业科目。")
            c.field("hours_stated", str(t["hours"]), raw=hp)
        else:
            c.para("（三）学时登记。培训结束后进行考核，考核合格者颁发培训证书。")
        c.para(f"（四）其他。参训人员请携带本人身份证，按时报到。联系人：{t['contact']}，电话：{t['phone']}。")
    signoff(c, t["organizer"], t["issue_date"], fam, rng, seal=d.get("seal", True))
    return c


def conference_notice(d: dict, fam: str, rng: random.Random):
    """会议通知. A: 红头 notice; B: “第一轮通知” with a kv block; C: 邀请函 addressed to the declarant."""
    m = d["conference"]
    c = composer(fam, rng)
    style = ds(fam, rng)
    c.field("title", m["title"])
    c.field("organizer", m["organizer"])
    c.field("level", m["level"])
    if fam == "A":
        letterhead(c, m["organizer"], m.get("docno"), fam, rng, wenjian=True)
        c.title(f"关于召开{m['title']}的通知", size=20)
        c.line_text("各有关单位、各位会员：", after=2)
        c.para(f"为交流学科领域的新进展、新技术，经研究，定于{fmt_range(m['start'], m['end'], style)}在{m['place']}召开{m['title']}。现将有关事项通知如下：")
        c.line_text("一、会议时间", role="hei")
        rt = range_text(c, m["start"], m["end"], style)
        c.para(f"{rt}，会期{m['days']}天。")
        c.line_text("二、会议地点", role="hei")
        c.para(m["place"] + "。")
        c.line_text("三、会议内容", role="hei")
        c.para("专题报告、专家讲座、论文交流、病例（案例）讨论。")
        c.line_text("四、征文要求", role="hei")
        c.para(f"论文须未在公开刊物上发表，全文不超过5000字，附400字以内摘要，请于{fmt_date(m['deadline'], style)}前提交。")
        c.line_text("五、其他", role="hei")
        c.para("参会代表食宿统一安排，费用回原单位报销。")
    elif fam == "B":
        c.line_text(m["organizer"], align="c", role="hei", size=16, after=4)
        c.title(m["title"], size=20, role="heib", after=2)
        c.line_text("（第一轮通知）", align="c", size=13, after=12)
        c.para(f"{m['title']}将于{fmt_range(m['start'], m['end'], style)}召开，欢迎各位同仁踊跃投稿、参会。")
        rt = range_text(c, m["start"], m["end"], style)
        kv_lines(c, [("会议时间", rt), ("会议地点", m["place"]), ("主办单位", m["organizer"]),
                     ("征文截止", fmt_date(m["deadline"], style)), ("会议注册", "现场注册，注册费统一收取")])
        if m.get("docno"):
            c.field("document_number", m["docno"], raw=m["docno"])
            c.line_text(f"文号：{m['docno']}", align="l", size=11)
    else:
        c.title("邀　请　函", size=26, role="heib", color=RED)
        name = d["name"]
        c.line_text(f"尊敬的{name}{rng.choice(['同志', '老师', '专家'])}：", after=4)
        c.field("person_name", name)
        rt = range_text(c, m["start"], m["end"], "upper" if rng.random() < 0.5 else style)
        c.para(f"{m['organizer']}定于{rt}在{m['place']}召开{m['title']}。鉴于您在相关领域的学术造诣，"
               "诚挚邀请您拨冗出席，并就相关议题进行交流。")
        c.para("会议期间将邀请国内知名专家作专题报告，敬请届时光临。")
        c.para("此致")
        c.line_text("敬礼！", x=c.left)
    signoff(c, m["organizer"], m["issue_date"], fam, rng, seal=d.get("seal", True))
    return c


def service_notice(d: dict, fam: str, rng: random.Random):
    """服务基层活动: `d['sub'] == 'notice'` the activity notice, else the organiser's
    participation proof. Families differ in head, wording and table/narrative form."""
    s = d["service"]
    c = composer(fam, rng)
    style = ds(fam, rng)
    c.field("title", s["activity"])
    if d.get("sub") == "notice":
        letterhead(c, s["organizer"], s.get("docno"), fam, rng, wenjian=fam == "A")
        c.field("organizer", s["organizer"])
        if fam == "A":
            c.title(f"关于开展{s['year']}年{s['activity']}的通知", size=20)
            c.line_text("各县区人社局，市直有关单位：", after=2)
            c.para(f"为引导广大专业技术人才服务基层、服务群众，经研究，决定开展{s['year']}年{s['activity']}。现将有关事项通知如下：")
            c.line_text("一、活动时间", role="hei")
            rt = range_text(c, s["start"], s["end"], style)
            c.para(rt + "。")
            c.line_text("二、服务地点", role="hei")
            c.para(s["place"] + "。")
            c.line_text("三、活动内容", role="hei")
            c.para(s["content"] + "。")
            c.line_text("四、工作要求", role="hei")
            c.para("各单位要高度重视，认真组织专家参加活动。活动结束后，由组织方出具参与证明，作为继续教育学时登记依据。")
        elif fam == "B":
            c.title(f"{s['year']}年{s['activity']}实施方案", size=18, role="heib")
            rt = range_text(c, s["start"], s["end"], style)
            c.table([["项目", "安排"], ["活动名称", s["activity"]], ["活动时间", rt], ["服务地点", s["place"]],
                     ["服务内容", s["content"]], ["组织单位", s["organizer"]]], widths=[1, 4], align=["c", "l"])
            c.space(6)
            c.para("请参加活动的专家按时到达指定地点，活动期间注意安全。")
        else:
            c.title(f"{s['organizer']}关于组织专家参加{s['activity']}的通知", size=17)
            rt = range_text(c, s["start"], s["end"], "upper")
            c.para(f"根据工作安排，定于{rt}组织专家赴{s['place']}开展{s['activity']}，主要内容为{s['content']}。请各单位按要求选派人员参加。")
        signoff(c, s["organizer"], s["issue_date"], fam, rng, seal=d.get("seal", True))
        return c
    # participation proof
    name = d["name"]
    c.field("person_name", name)
    c.field("days", str(s["days"]), raw=f"{s['days']}天")
    if fam == "A":
        c.space(30)
        c.title("参加服务基层活动证明", size=22)
        rt = range_text(c, s["start"], s["end"], style)
        c.para(f"兹证明{d['unit']}{name}同志于{rt}参加由我单位组织的{s['activity']}，深入{s['place']}开展{s['content']}，累计服务{s['days']}天，表现突出。")
        c.para("特此证明。")
    elif fam == "B":
        c.title("服务基层活动参与登记表", size=18, role="heib")
        rt = range_text(c, s["start"], s["end"], style)
        c.table([["姓名", name, "职称", d["person"].title], ["工作单位", d["unit"], "科室", d["person"].dept],
                 ["活动名称", s["activity"], "服务地点", s["place"]], ["服务时间", rt, "服务天数", f"{s['days']}天"]],
                widths=[1.1, 2.2, 1.1, 2.2], size=11, header=False)
        c.table([["组织单位意见", "情况属实。"]], widths=[1.1, 5.5], header=False, size=11, min_h=70)
    else:
        c.title("志愿服务证明", size=24, role="heib", color=RED)
        rt = range_text(c, s["start"], s["end"], "upper")
        c.para(f"{name}同志（{d['unit']}）：")
        c.para(f"您于{rt}积极参加{s['activity']}，服务{s['days']}天，为基层群众提供了优质服务。特发此证，以资感谢。")
    signoff(c, s["organizer"], s["issue_date"], fam, rng, seal=d.get("seal", True))
    return c


def plan_filing(d: dict, fam: str, rng: random.Random):
    """年度培训计划备案. A: 备案表 with the plan table and the HR bureau's filing stamp;
    B: HR bureau's 备案通知 with an attached list; C: compact 备案回执."""
    p = d["plan"]
    c = composer(fam, rng, font_size=12 if fam != "C" else 12.5)
    rows = p["trainings"]
    c.field("year", str(p["year"]))
    c.field("trainings", names_json([r["title"] for r in rows]))
    c.field("filer", p["filer"])
    if fam == "A":
        c.title(f"{p['filer']}{p['year']}年度专业技术人员继续教育培训计划备案表", size=17, role="heib")
        c.line_text(f"填报单位（盖章）：{p['filer']}　　　　填报日期：{fmt_date(p['submit_date'], 'cn')}", size=11, after=4)
        table = [["序号", "培训项目名称", "培训时间", "培训对象", "学时", "组织单位"]]
        for i, r in enumerate(rows, 1):
            table.append([str(i), r["title"], r["month_text"], r["audience"], str(r["hours"]), r["organizer"]])
        c.table(table, widths=[0.6, 3.2, 1.3, 1.8, 0.7, 2.0], size=10, align=["c", "l", "c", "c", "c", "l"])
        c.space(10)
        c.kv("人社部门备案意见", "经审核，同意备案。")
        c.kv("备案编号", p["filing_no"])
        c.field("document_number", p["filing_no"], raw=p["filing_no"])
        signoff(c, p["hr"], p["filing_date"], fam, rng, seal_sub="继续教育备案专用章" if rng.random() < 0.5 else "")
    elif fam == "B":
        letterhead(c, p["hr"], p["filing_no"], fam, rng)
        c.title(f"关于{p['filer']}{p['year']}年度继续教育培训计划备案的复函", size=17)
        c.line_text(f"{p['filer']}：", after=2)
        c.para(f"你单位报送的《{p['year']}年度专业技术人员继续教育培训计划》收悉。经审核，该计划共{len(rows)}项培训项目，"
               "符合《专业技术人员继续教育规定》有关要求，予以备案。请严格按照备案计划组织实施，培训结束后及时做好学时登记工作。")
        c.para("附件：备案培训项目清单")
        table = [["序号", "项目名称", "举办时间", "学时"]]
        for i, r in enumerate(rows, 1):
            table.append([str(i), r["title"], r["month_text"], str(r["hours"])])
        c.table(table, widths=[0.6, 4.2, 1.4, 0.8], size=10.5, align=["c", "l", "c", "c"])
        signoff(c, p["hr"], p["filing_date"], fam, rng)
    else:
        c.title("继续教育培训计划备案回执", size=20, role="heib")
        c.kv("备案单位", p["filer"])
        c.kv("计划年度", f"{p['year']}年度")
        c.kv("备案号", p["filing_no"])
        c.field("document_number", p["filing_no"], raw=p["filing_no"])
        table = [["项目编号", "培训名称", "时间", "学时"]]
        for i, r in enumerate(rows, 1):
            table.append([f"{p['year']}-{i:02d}", r["title"], r["month_text"], str(r["hours"])])
        c.table(table, widths=[1.2, 4.0, 1.3, 0.8], size=10.5, align=["c", "l", "c", "c"])
        c.para("以上培训项目已在人力资源和社会保障部门备案，培训结束后可按规定登记专业科目学时。", size=11)
        signoff(c, p["hr"], p["filing_date"], fam, rng, seal_sub="备案专用章")
    return c
