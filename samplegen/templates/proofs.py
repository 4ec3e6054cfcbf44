"""Proofs issued by employers, hosts and project owners: employer_proof, assessment_proof,
presentation_proof, project_proof, assignment_document."""

from __future__ import annotations

import random

from samplegen.dates import fmt_date
from samplegen.layout import BLACK, RED
from samplegen.templates.common import (cert_title, composer, ds, kv_lines, letterhead,
                                        project_fields, range_text, sick_leave_fields,
                                        signoff)


def _event(c, ev: dict, style: str) -> str:
    """The sentence describing what the employer certifies; registers its dates/fields."""
    rt = range_text(c, ev["start"], ev["end"], style) if ev.get("start") else ""
    typ = ev["type"]
    if ev.get("title"):
        c.field("title", ev["title"])
    if typ == "training":
        return f"经单位批准，于{rt}参加了{ev['organizer']}举办的{ev['title']}"
    if typ == "conference":
        s = f"经单位同意，于{rt}参加了{ev['organizer']}主办的{ev['title']}"
        return s + ("，并在会上进行论文交流" if ev.get("presented") else "")
    if typ == "service":
        return f"于{rt}参加了{ev['organizer']}组织的{ev['title']}，累计服务{ev['days']}天"
    if typ == "sick":
        sick_leave_fields(c, ev, rt)
        return f"因患{ev['diagnosis']}，经医院诊断并经单位批准，于{rt}休病假，共计{ev['months']}个月"
    if typ == "dispatch":
        return f"经单位批准，于{rt}被选派至{ev['host']}进修学习"
    if typ == "study":
        return f"经单位同意，自{fmt_date(ev['start'], 'month')}起在{ev['host']}参加在职研究生课程学习"
    raise ValueError(typ)


def employer_proof(d: dict, fam: str, rng: random.Random):
    """单位证明. A: “证　明 / 兹证明…同志…特此证明。”; B: 单位证明 table with 单位意见;
    C: 情况说明 addressed to the city HR bureau, with contact line."""
    p = d["person"]
    name, pid, unit = d["name"], d["id_number"], d["unit"]
    ev = d["event"]
    c = composer(fam, rng)
    style = ds(fam, rng)
    c.field("person_name", name)
    if pid:
        c.field("id_number", pid, raw=pid)
    seal = d.get("seal", True)
    if fam == "A":
        c.space(40)
        cert_title(c, "证明", size=26, color=BLACK, after=20)
        sent = _event(c, ev, style)
        idp = f"（身份证号：{pid}）" if pid else ""
        c.para(f"兹证明{name}同志{idp}，系我单位{p.dept}{p.title}，{sent}。", leading=2.0)
        c.para("特此证明。", leading=2.0)
        signoff(c, unit, d["issue_date"], fam, rng, seal=seal)
        if not seal:
            c.para("（单位盖章）", align="r", size=11)
        return c
    if fam == "B":
        kind = {"training": "参加培训", "conference": "参加学术会议", "service": "参加服务基层活动", "sick": "病假",
                "dispatch": "外出进修", "study": "在职学习"}[ev["type"]]
        c.title(f"专业技术人员{kind}单位证明", size=18, role="heib", after=14)
        rt = range_text(c, ev["start"], ev["end"], style) if ev.get("start") else ""
        c.table([["姓名", name, "性别", p.gender], ["身份证号", pid or "", "职称", p.title],
                 ["工作单位", unit, "科室", p.dept]], widths=[1.1, 2.6, 0.9, 1.6], header=False, size=11.5)
        rows = []
        if ev.get("title"):
            rows.append(["事项名称", ev["title"]])
            c.field("title", ev["title"])
        if ev.get("organizer"):
            rows.append(["主办单位", ev["organizer"]])
        if ev.get("host"):
            rows.append(["进修/学习单位", ev["host"]])
        if rt:
            rows.append(["起止时间", rt])
        if ev["type"] == "sick":
            rows.append(["病假情况", f"因患{ev['diagnosis']}休病假，共计{ev['months']}个月"])
            c.field("leave_kind", "sick")
            c.field("leave_start", ev["start"].isoformat(), raw=rt)
            c.field("leave_end", ev["end"].isoformat(), raw=rt)
            c.field("months_absent", str(ev["months"]), raw=f"{ev['months']}个月")
        rows.append(["单位意见", "经核实，以上情况属实，同意申报继续教育学时。"])
        c.table(rows, widths=[1.1, 5.1], header=False, size=11.5, align=["c", "l"], min_h=30)
        signoff(c, unit, d["issue_date"], fam, rng, seal=seal, prefix="单位（盖章）")
        return c
    c.space(30)
    c.title("情况说明", size=22, after=16)
    c.line_text(f"{p.city}市人力资源和社会保障局：", after=4)
    sent = _event(c, ev, "upper" if rng.random() < 0.4 else style)
    idp = f"（{p.gender}，身份证号码{pid}）" if pid else f"（{p.gender}）"
    c.para(f"我单位{p.title}{name}同志{idp}，{sent}。现予说明，情况属实。")
    c.para(f"联系人：{d.get('contact', '王老师')}　　联系电话：{d.get('phone', '0395-3123456')}")
    signoff(c, unit, d["issue_date"], fam, rng, seal=seal)
    return c


def assessment_proof(d: dict, fam: str, rng: random.Random):
    """考核证明. `d['assessment']['type']`: ``annual`` (年度考核, A narrative / B table /
    C 登记表摘录) or ``refresher`` (进修鉴定 by the host institution)."""
    a = d["assessment"]
    name, p = d["name"], d["person"]
    c = composer(fam, rng)
    c.field("person_name", name)
    c.field("year", str(a["year"]))
    c.field("assessment_result", a["result"])
    style = ds(fam, rng)
    if a["type"] == "refresher":
        title = {"A": "进修鉴定", "B": "进修人员考核鉴定表", "C": "进修结业考核证明"}[fam]
        c.space(20)
        c.title(title, size=22)
        rt = range_text(c, a["start"], a["end"], style)
        if fam == "B":
            c.table([["姓名", name, "原单位", p.unit], ["进修科室", a["dept"], "进修时间", rt],
                     ["考核成绩", a["result"], "带教老师", a["mentor"]]], widths=[1, 2, 1, 2.4], header=False, size=11)
            c.table([["科室鉴定意见", "该同志进修期间遵守各项规章制度，刻苦钻研业务，较好地掌握了本专业常见病、多发病的诊疗技术，考核" + a["result"] + "。"]],
                    widths=[1, 5.4], header=False, size=11, align=["c", "l"], min_h=80)
        else:
            c.para(f"{p.unit}{name}同志于{rt}在我院{a['dept']}进修学习。进修期间，该同志遵守医院各项规章制度，"
                   f"工作认真负责，虚心好学，较好地完成了进修计划。经科室考核，成绩{a['result']}。")
            c.para("特此证明。")
        signoff(c, a["issuer"], a["issue_date"], fam, rng)
        return c
    if fam == "A":
        c.space(40)
        cert_title(c, "证明", size=26, color=BLACK, after=20)
        c.para(f"兹证明{name}同志系我单位{p.dept}{p.title}，{a['year']}年度{a.get('context', '')}考核结果为“{a['result']}”等次。")
        c.para("特此证明。")
    elif fam == "B":
        c.title(f"{a['year']}年度考核结果证明", size=18, role="heib")
        c.table([["姓名", name, "性别", p.gender], ["单位", d["unit"], "职称", p.title],
                 ["考核年度", f"{a['year']}年度", "考核等次", a["result"]]], widths=[1, 2.6, 1, 1.6], header=False, size=11.5)
        c.table([["单位意见", "情况属实。"]], widths=[1, 5.2], header=False, size=11.5, min_h=60)
    else:
        c.title("事业单位工作人员年度考核登记表（摘录）", size=16, role="heib")
        kv_lines(c, [("姓名", name), ("工作单位", d["unit"]), ("考核年度", f"{a['year']}年"),
                     ("个人总结", a.get("context", "") + "圆满完成年度工作任务"), ("考核等次", a["result"])])
    signoff(c, a["issuer"], a["issue_date"], fam, rng)
    return c


def presentation_proof(d: dict, fam: str, rng: random.Random):
    """宣读论文/报告证明. A: 论文交流证明 narrative; B: landscape 论文交流证书; C: 大会发言登记表."""
    m, pr = d["conference"], d["presentation"]
    name = d["name"]
    c = composer(fam, rng, landscape=(fam == "B"))
    c.field("person_name", name)
    c.field("article_title", pr["article_title"], raw=pr["article_title"])
    c.field("word_count", str(pr["word_count"]))
    c.field("title", m["title"])
    form = pr["form"]
    if fam == "A":
        c.space(40)
        c.title("论文交流证明", size=22, after=16)
        c.para(f"兹证明{d['unit']}{name}同志撰写的论文《{pr['article_title']}》（全文约{pr['word_count']}字）经专家评审，"
               f"入选{m['title']}，并在大会上作{form}。")
        c.field("word_count", str(pr["word_count"]), raw=f"{pr['word_count']}字")
        c.para("特此证明。")
    elif fam == "B":
        c.frame((30, 90, 160), inset=24)
        c.y = 90
        cert_title(c, "论文交流证书", size=32, color=(30, 70, 150), spaced=False, after=24)
        c.line_text(f"{name}：", x=c.left, after=6)
        c.para(f"您的论文《{pr['article_title']}》（{pr['word_count']}字）在{m['title']}上进行{form}，特发此证。", leading=2.0)
        c.field("word_count", str(pr["word_count"]), raw=f"{pr['word_count']}字")
    else:
        c.title(f"{m['title']}大会发言登记表", size=16, role="heib")
        c.table([["姓名", name], ["工作单位", d["unit"]], ["论文题目", pr["article_title"]], ["论文字数", f"{pr['word_count']}字"],
                 ["交流形式", form], ["会议名称", m["title"]]], widths=[1.2, 4.6], header=False, size=12, align=["c", "l"])
        c.field("word_count", str(pr["word_count"]), raw=f"{pr['word_count']}字")
    signoff(c, m["organizer"], pr["issue_date"], fam, rng)
    return c


def project_proof(d: dict, fam: str, rng: random.Random):
    """立项/结项/课题证明. A: 立项通知书 kv block + member table; B: landscape 结项证书 with
    ordered completers; C: 课题参与证明 letter stating the member's rank."""
    pj = d["project"]
    name = d["name"]
    c = composer(fam, rng, landscape=(fam == "B"), font_size=13 if fam != "B" else 15)
    project_fields(c, pj, name, listed=fam != "C")  # C's letter names only the declarant
    style = ds(fam, rng)
    if fam == "A":
        c.title(f"{pj['source']}立项通知书", size=18, role="heib")
        c.line_text(f"项目编号：{pj['number']}", align="r", size=11, after=6)
        rt = range_text(c, pj["start"], pj["end"], style)
        kv_lines(c, [("项目名称", pj["title"]), ("项目类别", pj["source"]), ("承担单位", pj["owner"]),
                     ("项目负责人", pj["members"][0]), ("执行期限", rt)], size=12)
        c.space(4)
        c.line_text("项目组主要成员：", role="hei", size=12)
        rows = [["排序", "姓名", "工作单位", "职称", "任务分工"]]
        for i, (mn, mu, mt, mr) in enumerate(pj["member_rows"], 1):
            rows.append([str(i), mn, mu, mt, mr])
        c.table(rows, widths=[0.6, 1.1, 3.0, 1.2, 1.6], size=10.5)
        c.para("请按照任务书要求组织实施，确保按期完成研究任务。", size=12)
        signoff(c, pj["issuer"], pj["issue_date"], fam, rng)
        return c
    if fam == "B":
        c.frame((150, 30, 30), inset=22)
        c.y = 76
        c.line_text(pj["issuer"], align="c", role="hei", size=18, after=2)
        cert_title(c, "结项证书", size=34, color=RED, after=12)
        c.line_text(f"项目编号：{pj['number']}", align="c", size=12, after=8)
        members = "、".join(pj["members"])
        c.para(f"经专家验收，由{pj['owner']}承担的{pj['source']}“{pj['title']}”已完成任务书规定的研究内容，准予结项。", leading=1.9)
        c.para(f"主要完成人员：{members}", leading=1.9)
        signoff(c, pj["issuer"], pj["issue_date"], fam, rng)
        return c
    c.space(30)
    c.title("课题参与证明", size=22, after=16)
    role_zh = "主课题" if pj["role"] == "main" else "子课题"
    c.para(f"兹证明{pj['member_units'][pj['rank'] - 1]}{name}同志作为主要研究人员参与了{pj['source']}{role_zh}"
           f"“{pj['title']}”（项目编号：{pj['number']}）的研究工作，在项目组中排名第{pj['rank']}位。")
    rt = range_text(c, pj["start"], pj["end"], style)
    c.para(f"项目执行期为{rt}。")
    c.para("特此证明。")
    signoff(c, pj["owner"], pj["issue_date"], fam, rng)
    return c


def assignment_document(d: dict, fam: str, rng: random.Random):
    """援派/挂职文件. A: 红头 选派通知 with the dispatched-person table; B: host unit's
    工作证明 with months; C: 援派人员备案表 (table)."""
    s = d["assignment"]
    name = d["name"]
    c = composer(fam, rng)
    style = ds(fam, rng)
    c.field("person_name", name)
    c.field("title", s["kind"])
    c.field("months", str(s["months"]), raw=f"{s['months']}个月")
    if fam == "A":
        letterhead(c, s["issuer"], s["docno"], fam, rng)
        c.title(f"关于选派{name}等同志赴{s['dest']}开展{s['kind']}工作的通知", size=18)
        c.line_text("各有关单位：", after=2)
        rt = range_text(c, s["start"], s["end"], style)
        c.para(f"根据工作安排，经研究，决定选派{name}等{len(s['names'])}名同志赴{s['dest']}开展{s['kind']}工作，"
               f"时间为{rt}，为期{s['months']}个月。请相关单位做好工作交接，保障派出人员按时到岗。")
        c.line_text("附：选派人员名单", role="hei", size=12)
        rows = [["序号", "姓名", "工作单位", "职称", "派驻单位"]]
        for i, (n, u, t) in enumerate(s["names"], 1):
            rows.append([str(i), n, u, t, s["dest"]])
        c.table(rows, widths=[0.6, 1.0, 2.8, 1.2, 2.6], size=10.5)
        signoff(c, s["issuer"], s["issue_date"], fam, rng)
        return c
    if fam == "B":
        c.space(30)
        c.title(f"{s['kind']}工作证明", size=22, after=16)
        rt = range_text(c, s["start"], s["end"], style)
        c.para(f"兹证明{d['unit']}{name}同志于{rt}在我单位开展{s['kind']}工作，共计{s['months']}个月。"
               "工作期间，该同志认真履职，业务能力突出，圆满完成各项工作任务。")
        c.para("特此证明。")
        signoff(c, s["host"], s["issue_date"], fam, rng)
        return c
    c.title(f"{s['year']}年度{s['kind']}人员备案表", size=17, role="heib")
    rt = range_text(c, s["start"], s["end"], "iso")
    c.table([["姓名", name, "性别", d["person"].gender], ["派出单位", d["unit"], "职称", d["person"].title],
             ["派驻地", s["dest"], "派驻时间", rt], ["派驻月数", f"{s['months']}个月", "文件依据", s["docno"]]],
            widths=[1, 2.6, 1, 2.4], header=False, size=11)
    c.field("document_number", s["docno"], raw=s["docno"])
    c.table([["主管部门意见", "同意备案。"]], widths=[1.2, 5.8], header=False, min_h=60, size=11)
    signoff(c, s["issuer"], s["issue_date"], fam, rng)
    return c
