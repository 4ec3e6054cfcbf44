"""Absence evidence: sick_leave_proof (hospital), maternity_proof and overseas_proof
(employer). Fields: person_name, leave_kind, leave_start, leave_end, months_absent,
organization, issue_date, has_seal."""

from __future__ import annotations

import random

from samplegen.dates import fmt_date
from samplegen.templates.common import cert_title, composer, ds, range_text, signoff


def _leave_fields(c, lv: dict, rt: str) -> None:
    c.field("leave_kind", lv["kind"])
    c.field("leave_start", lv["start"].isoformat(), raw=rt)
    c.field("leave_end", lv["end"].isoformat(), raw=rt)
    c.field("months_absent", str(lv["months"]), raw=f"{lv['months']}个月")


def sick_leave_proof(d: dict, fam: str, rng: random.Random):
    """病假/诊断证明. A: 诊断证明书 with 诊断/处理意见 and a doctor's handwritten name;
    B: 疾病证明书 table; C: 病休建议 narrative."""
    lv = d["leave"]
    name, p = d["name"], d["person"]
    c = composer(fam, rng, font_size=13)
    c.field("person_name", name)
    style = ds(fam, rng)
    age = lv["issue_date"].year - p.birth.year
    if fam == "A":
        c.line_text(lv["hospital"], align="c", role="heib", size=20, after=2)
        c.line_text("诊 断 证 明 书", align="c", role="heib", size=22, after=12)
        c.line_text(f"姓名：{name}　　性别：{p.gender}　　年龄：{age}岁　　科别：{lv['dept']}　　住院号：{lv['case_no']}", size=11.5, after=8)
        c.rule(after=10)
        c.kv("诊断", lv["diagnosis"])
        rt = range_text(c, lv["start"], lv["end"], style, "leave_start", "leave_end", compact=False)
        c.kv("处理意见", f"患者经住院手术治疗，现病情稳定，建议全休{lv['months']}个月（自{rt}）。")
        _leave_fields(c, lv, rt)
        c.space(20)
        c.line_text("医师签名：", x=c.left + 220, after=0)
        c.at(c.left + 300, c.y - 8, lv["doctor"], role="kai", size=20, hand=True)
        c.space(6)
    elif fam == "B":
        c.title(f"{lv['hospital']}疾病证明书", size=18, role="heib")
        rt = range_text(c, lv["start"], lv["end"], style, "leave_start", "leave_end", compact=False)
        c.table([["姓名", name, "性别", p.gender, "年龄", f"{age}"], ["科室", lv["dept"], "病案号", lv["case_no"], "床号", lv["bed"]]],
                widths=[0.8, 1.6, 0.8, 1.4, 0.8, 1.0], header=False, size=11)
        c.table([["临床诊断", lv["diagnosis"]], ["医嘱", f"建议休息{lv['months']}个月，休息时间：{rt}。定期门诊复查。"],
                 ["医师", lv["doctor"]]], widths=[1.2, 5.2], header=False, size=11.5, align=["c", "l"], min_h=40)
        _leave_fields(c, lv, rt)
    else:
        c.space(20)
        c.title("病休建议书", size=22)
        rt = range_text(c, lv["start"], lv["end"], "upper" if rng.random() < 0.5 else style, "leave_start", "leave_end",
                        compact=False)
        c.para(f"患者{name}，{p.gender}，{age}岁，因{lv['diagnosis']}在我院{lv['dept']}治疗。根据病情，建议病休{lv['months']}个月（{rt}）。")
        _leave_fields(c, lv, rt)
        c.line_text(f"经治医师：{lv['doctor']}", x=c.left + 200)
    signoff(c, lv["hospital"], lv["issue_date"], fam, rng, seal_sub="医疗诊断证明专用章" if rng.random() < 0.6 else "")
    return c


def maternity_proof(d: dict, fam: str, rng: random.Random):
    """生育证明 (employer). A: narrative 生育证明; B: 职工产假审批表; C: 情况说明 to HR."""
    lv = d["leave"]
    name, p = d["name"], d["person"]
    c = composer(fam, rng)
    c.field("person_name", name)
    style = ds(fam, rng)
    if fam == "A":
        c.space(40)
        cert_title(c, "生育证明", size=24, color=(25, 25, 25), spaced=False, after=20)
        bd = fmt_date(lv["birth_date"], style)
        rt = range_text(c, lv["start"], lv["end"], style, "leave_start", "leave_end", compact=False)
        c.para(f"兹证明{name}同志（身份证号：{d['id_number']}）系我单位{p.dept}{p.title}，于{bd}生育，"
               f"按照《河南省人口与计划生育条例》等规定享受产假及延长生育假，休假时间为{rt}，共计{lv['months']}个月。")
        c.field("id_number", d["id_number"], raw=d["id_number"])
        c.para("特此证明。")
    elif fam == "B":
        c.title("职工产假审批表", size=20, role="heib")
        rt = range_text(c, lv["start"], lv["end"], style, "leave_start", "leave_end", compact=False)
        c.table([["姓名", name, "科室", p.dept], ["职称", p.title, "生育日期", fmt_date(lv["birth_date"], style)],
                 ["休假起止时间", rt, "休假月数", f"{lv['months']}个月"]], widths=[1.1, 2.2, 1.1, 2.2], header=False, size=11)
        c.table([["科室意见", "同意。"], ["单位审批意见", "同意休产假，假期届满按时返岗。"]], widths=[1.2, 5.4], header=False, min_h=40, size=11)
    else:
        c.space(30)
        c.title("情况说明", size=22)
        c.line_text(f"{p.city}市人力资源和社会保障局：", after=4)
        rt = range_text(c, lv["start"], lv["end"], "upper", "leave_start", "leave_end", compact=False)
        c.para(f"我单位职工{name}同志因生育于{rt}休产假（含延长生育假），共计{lv['months']}个月，期间未能正常参加专业科目学习。现予说明。")
    c.field("leave_kind", "maternity")
    c.field("leave_start", lv["start"].isoformat())
    c.field("leave_end", lv["end"].isoformat())
    c.field("months_absent", str(lv["months"]), raw=f"{lv['months']}个月")
    signoff(c, d["unit"], lv["issue_date"], fam, rng, seal=d.get("seal", True))
    return c


def overseas_proof(d: dict, fam: str, rng: random.Random):
    """境外工作证明 (employer). A: 出国（境）工作证明 narrative; B: 因公出国（境）人员
    情况表; C: 说明 letter with upper-case dates."""
    lv = d["leave"]
    name, p = d["name"], d["person"]
    c = composer(fam, rng)
    c.field("person_name", name)
    style = ds(fam, rng)
    dest = f"{lv['country']}{lv['institution']}"
    if fam == "A":
        c.space(40)
        c.title("出国（境）工作证明", size=22, after=18)
        rt = range_text(c, lv["start"], lv["end"], style, "leave_start", "leave_end", compact=False)
        c.para(f"兹证明{name}同志系我单位{p.dept}{p.title}，经批准，于{rt}赴{dest}{lv['purpose']}，在境外工作学习时间共计{lv['months']}个月。")
        c.para("特此证明。")
    elif fam == "B":
        c.title("因公出国（境）人员情况表", size=18, role="heib")
        rt = range_text(c, lv["start"], lv["end"], style, "leave_start", "leave_end", compact=False)
        c.table([["姓名", name, "性别", p.gender], ["工作单位", d["unit"], "职称", p.title], ["前往国家（地区）", lv["country"], "接收机构", lv["institution"]],
                 ["出访任务", lv["purpose"], "在外时间", f"{lv['months']}个月"], ["起止日期", rt, "批件号", lv["approval"]]],
                widths=[1.3, 2.3, 1.1, 2.1], header=False, size=11)
    else:
        c.space(30)
        c.title(f"关于{name}同志境外工作情况的说明", size=18)
        c.line_text(f"{p.city}市人力资源和社会保障局：", after=4)
        rt = range_text(c, lv["start"], lv["end"], "upper", "leave_start", "leave_end", compact=False)
        c.para(f"我单位{name}同志经上级主管部门批准（批件号：{lv['approval']}），于{rt}在{dest}{lv['purpose']}，共计{lv['months']}个月。特此说明。")
    c.field("leave_kind", "overseas")
    c.field("months_absent", str(lv["months"]), raw=f"{lv['months']}个月")
    signoff(c, d["unit"], lv["issue_date"], fam, rng, seal=d.get("seal", True))
    return c
