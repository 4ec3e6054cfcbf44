"""Certificates: completion_certificate, patent_certificate, award_certificate,
qualification_certificate. Mostly fixed layouts (frames, big titles, photo boxes, QR)."""

from __future__ import annotations

import random
import re

from samplegen import identifiers
from samplegen.dates import fmt_date
from samplegen.layout import BLACK, RED
from samplegen.templates.common import (cert_title, composer, date_text, ds, hours_phrase, kv_lines,
                                        names_json, range_text, signoff)

GOLD = (168, 124, 48)
PATENT_KIND_ZH = {"invention": "发明", "utility_model": "实用新型", "design": "外观设计"}


def cert_number(printed: str) -> str:
    """The label value of a certificate number: the number itself, without a printed 'No.'
    ('No.3673G02648' → 3673G02648), as the extractors report it (domain.md is silent)."""
    return re.sub(r"^(?:No|NO|№)\.?\s*", "", printed)


def completion_certificate(d: dict, fam: str, rng: random.Random):
    """结业证书. A: landscape framed 结业证书 with a narrative sentence; B: portrait 培训合格证书
    with photo, label/value lines and QR; C: landscape 继续教育学时证明 “兹证明…”."""
    t = d["training"]
    name = d["name"]
    style = ds(fam, rng)
    if fam == "A":
        c = composer(fam, rng, landscape=True, font_size=17, role="kai" if rng.random() < 0.5 else "song")
        c.frame(GOLD if rng.random() < 0.5 else RED)
        c.at(c.width - c.right, 80, f"证书编号：{t['cert_no']}", size=11, align="r")
        c.field("certificate_number", cert_number(t["cert_no"]), raw=t["cert_no"])
        c.y = 105
        cert_title(c, "结业证书", size=40, color=RED)
        c.space(6)
        rt = range_text(c, t["start"], t["end"], style)
        c.line_text(f"{name}　同志：", x=c.left + 10, after=2)
        c.para(f"你于{rt}参加{t['organizer']}举办的{t['title']}，完成规定课程学习，考核合格，准予结业。", leading=1.9)
        if t.get("hours"):
            hp = hours_phrase(t["hours"], fam, rng)
            c.para(f"本次培训{hp}。", leading=1.9)
            c.field("hours_stated", str(t["hours"]), raw=hp)
        c.field("person_name", name)
        c.field("title", t["title"])
        c.field("organizer", t["organizer"])
        signoff(c, t["organizer"], t["issue_date"], fam, rng, seal=d.get("seal", True))
        return c
    if fam == "B":
        c = composer(fam, rng, font_size=13.5)
        c.frame((30, 90, 160), inset=26)
        c.y = 86
        c.line_text(t["organizer"], align="c", role="hei", size=15, after=6)
        cert_title(c, "培训合格证书", size=32, color=(30, 70, 150), spaced=False, after=26)
        c.portrait(c.width - c.right - 80, c.y, 76, 100)
        rt = range_text(c, t["start"], t["end"], style, compact=False)
        pairs = [("姓名", name), ("性别", d["person"].gender)]
        if d.get("id_number"):
            pairs.append(("身份证号", d["id_number"]))
            c.field("id_number", d["id_number"], raw=d["id_number"])
        pairs += [("工作单位", d["unit"]), ("培训项目", t["title"]), ("培训时间", rt)]
        if t.get("hours"):
            hp = hours_phrase(t["hours"], fam, rng)
            pairs.append(("学时", hp))
            c.field("hours_stated", str(t["hours"]), raw=hp)
        pairs.append(("证书编号", t["cert_no"]))
        c.field("certificate_number", cert_number(t["cert_no"]), raw=t["cert_no"])
        kv_lines(c, pairs, label_w=4)
        c.space(10)
        c.para("该学员参加上述培训，经考核成绩合格，特发此证。", indent=2)
        c.field("person_name", name)
        c.field("title", t["title"])
        c.field("organizer", t["organizer"])
        c.qr(c.left + 4, c.height - 170, 64)
        c.at(c.left + 36, c.height - 96, "扫码验证", size=9, align="c")
        signoff(c, t["organizer"], t["issue_date"], fam, rng, seal=d.get("seal", True))
        return c
    c = composer(fam, rng, landscape=True, font_size=16)
    c.frame((40, 40, 40), inset=30, double=False, width=1.2)
    c.y = 95
    cert_title(c, "继续教育学时证明", size=30, color=BLACK, spaced=False, after=20)
    rt = range_text(c, t["start"], t["end"], "upper" if rng.random() < 0.5 else style)
    idpart = f"（身份证号：{d['id_number']}）" if d.get("id_number") else ""
    if idpart:
        c.field("id_number", d["id_number"], raw=d["id_number"])
    c.para(f"兹证明{name}{idpart}于{rt}参加了{t['organizer']}组织的{t['title']}，经考核成绩合格，特发此证。", leading=2.0)
    if t.get("hours"):
        hp = hours_phrase(t["hours"], fam, rng)
        c.para(f"授予专业科目{hp}。" if not hp.startswith("学时：") else f"专业科目{hp}", leading=2.0)
        c.field("hours_stated", str(t["hours"]), raw=hp)
    c.line_text(f"编号：{t['cert_no']}", x=c.left, size=12)
    c.field("certificate_number", cert_number(t["cert_no"]), raw=t["cert_no"])
    c.field("person_name", name)
    c.field("title", t["title"])
    c.field("organizer", t["organizer"])
    signoff(c, t["organizer"], t["issue_date"], fam, rng, seal=d.get("seal", True), prefix="发证单位：")
    return c


def patent_certificate(d: dict, fam: str, rng: random.Random):
    """专利证书. A: current CNIPA portrait layout (证书号, 名称, 发明人, 专利号 spaced, 申请日,
    专利权人, 授权公告日, boilerplate, 局长 signature); B: landscape older layout, compact
    ZL number; C: electronic certificate as a table with ISO dates."""
    p = d["patent"]
    kind = PATENT_KIND_ZH[p["type"]]
    who = "设计人" if p["type"] == "design" else "发明人"
    c = composer(fam, rng, landscape=(fam == "B"), font_size=13.5 if fam != "C" else 12)
    inventors = "；".join(p["inventors"]) if fam != "B" else "，".join(p["inventors"])
    c.field("patent_type", p["type"], raw=f"{kind}专利证书")
    c.field("patent_title", p["title"], raw=p["title"])
    c.field("inventors", names_json(p["inventors"]), raw=inventors)
    if p.get("rank"):
        c.field("inventor_rank", str(p["rank"]))
    c.field("patentee", p["patentee"], raw=p["patentee"])
    c.field("person_name", d["name"])
    c.field("organization", "国家知识产权局")
    if fam == "A":
        c.frame((120, 100, 60), inset=20, double=True, width=1.5)
        c.at(c.width - c.right, 74, f"证书号第{p['cert_no']}号", size=12, align="r")
        c.field("certificate_number", cert_number(p["cert_no"]), raw=p["cert_no"])
        c.y = 96
        cert_title(c, f"{kind}专利证书", size=30, color=BLACK, spaced=False, after=26)
        num = identifiers.format_patent(p["number"], "spaced")
        c.field("patent_number", p["number"], raw=num)
        pairs = [(f"{kind}名称", p["title"]), (who, inventors), ("专利号", num)]
        fd = date_text(c, "filing_date", p["filing_date"], "cn0")
        gd = date_text(c, "grant_date", p["grant_date"], "cn0")
        c.field("issue_date", p["grant_date"].isoformat(), raw=gd)
        pairs += [("专利申请日", fd), ("专利权人", p["patentee"]), ("地址", p["address"]),
                  ("授权公告日", gd), ("授权公告号", p["pub_no"])]
        kv_lines(c, pairs, size=13)
        c.space(14)
        c.para(f"国家知识产权局依照中华人民共和国专利法进行审查，决定授予专利权，颁发{kind}专利证书并在专利登记簿上予以登记。"
               f"专利权自授权公告之日起生效。专利权期限为{'二十' if p['type'] == 'invention' else '十' if p['type'] == 'utility_model' else '十五'}年，自申请日起算。",
               size=12, leading=1.7)
        c.para("专利证书记载专利权登记时的法律状况。专利权的转移、质押、无效、终止、恢复和专利权人的姓名或名称、国籍、"
               "地址变更等事项记载在专利登记簿上。", size=12, leading=1.7)
        c.space(20)
        c.qr(c.left, c.y, 62)
        c.at(c.width - c.right - 150, c.y + 30, "局长", size=14)
        c.at(c.width - c.right - 70, c.y + 34, p["director"], role="kai", size=20, hand=True)
        c.seal(c.width - c.right - 110, c.y + 24, "国家知识产权局", r=50)
        return c
    if fam == "B":
        c.frame(GOLD, inset=24)
        c.y = 70
        c.line_text("中华人民共和国国家知识产权局", align="c", role="hei", size=16, after=4)
        cert_title(c, f"{kind}专利证书", size=28, color=RED, spaced=False, after=8)
        c.line_text(f"证书号 第{p['cert_no']}号", align="c", size=12, after=10)
        c.field("certificate_number", cert_number(p["cert_no"]), raw=p["cert_no"])
        num = identifiers.format_patent(p["number"], rng.choice(["compact", "half"]))
        c.field("patent_number", p["number"], raw=num)
        fd = date_text(c, "filing_date", p["filing_date"], "cn")
        gd = date_text(c, "grant_date", p["grant_date"], "cn")
        c.field("issue_date", p["grant_date"].isoformat(), raw=gd)
        kv_lines(c, [(f"{kind}名称", p["title"]), (who, inventors), ("专利号", num), ("专利申请日", fd),
                     ("专利权人", p["patentee"]), ("授权公告日", gd)], size=13.5)
        c.space(8)
        c.para(f"本{kind}经过本局依照中华人民共和国专利法进行审查，决定授予专利权，颁发本证书并在专利登记簿上予以登记。"
               "专利权自授权公告之日起生效。", size=12)
        c.at(c.width - c.right - 140, c.height - 80, "局长", size=13)
        c.at(c.width - c.right - 60, c.height - 76, p["director"], role="kai", size=18, hand=True)
        c.seal(c.width - c.right - 100, c.height - 90, "中华人民共和国国家知识产权局", r=50)
        return c
    c.y = 70
    c.line_text("国家知识产权局", align="c", role="heib", size=18, after=2)
    cert_title(c, "电子专利证书", size=24, color=BLACK, spaced=False, after=14)
    num = identifiers.format_patent(p["number"], "half")
    c.field("patent_number", p["number"], raw=num)
    fd = date_text(c, "filing_date", p["filing_date"], "iso")
    gd = date_text(c, "grant_date", p["grant_date"], "iso")
    c.field("issue_date", p["grant_date"].isoformat(), raw=gd)
    c.field("certificate_number", cert_number(p["cert_no"]), raw=p["cert_no"])
    rows = [["证书号", p["cert_no"]], ["专利类型", kind], ["专利号", num], [f"{kind}名称", p["title"]],
            [who, inventors], ["专利权人", p["patentee"]], ["申请日", fd], ["授权公告日", gd],
            ["授权公告号", p["pub_no"]]]
    c.table(rows, widths=[1.3, 4], header=False, size=12, align=["c", "l"], pad=6)
    c.space(12)
    c.para("本电子证书与纸质证书具有同等法律效力。证书信息可通过国家知识产权局政务服务平台查询验证。", size=11)
    c.qr(c.left, c.y + 10, 70)
    c.seal(c.width - c.right - 90, c.y + 50, "国家知识产权局", r=50)
    c.at(c.width - c.right - 90, c.y + 110, f"打印日期：{fmt_date(p['grant_date'], 'iso')}", size=10, align="c")
    return c


def award_certificate(d: dict, fam: str, rng: random.Random):
    """获奖证书. A: landscape 奖 certificate with 项目名称/奖励等级/获奖者 lines and 证书号;
    B: portrait 荣誉证书 with a narrative sentence; C: result table (获奖项目/等级/排序)."""
    a = d["award"]
    name = d["name"]
    c = composer(fam, rng, landscape=(fam == "A"), font_size=16 if fam == "A" else 14)
    c.field("award_name", a["name"], raw=a["name"])
    c.field("award_level", a["level"])
    c.field("award_grade", f"{a['grade']}等", raw=f"{a['grade']}等")  # 一等/二等/三等 (domain.md)
    c.field("awardee_rank", str(a["rank"]))
    c.field("person_name", name)
    c.field("title", a["project"])
    if fam == "A":
        c.frame(RED, inset=22)
        c.y = 80
        c.line_text(a["name"], align="c", role="heib", size=26, color=RED, after=4)
        cert_title(c, "证书", size=36, color=RED, after=10)
        c.para(f"为表彰{a['year']}年度{a['name']}获得者，特颁发此证书。", leading=1.9)
        kv_lines(c, [("项目名称", a["project"]), ("奖励等级", f"{a['grade']}等"),
                     ("获奖者", f"{name}（第{a['rank']}完成人）"), ("证书号", a["cert_no"])], label_w=4)
        c.field("certificate_number", cert_number(a["cert_no"]), raw=a["cert_no"])
        signoff(c, a["issuer"], a["issue_date"], fam, rng)
        return c
    if fam == "B":
        c.frame(GOLD, inset=26)
        c.y = 120
        cert_title(c, "荣誉证书", size=40, color=RED, after=40)
        c.line_text(f"{name}同志：", x=c.left, after=8)
        c.para(f"你参与完成的“{a['project']}”项目，荣获{a['year']}年度{a['name']}{a['grade']}等奖（排名第{a['rank']}）。"
               "特发此证，以资鼓励。", leading=2.0)
        c.space(10)
        c.line_text(f"证书编号：{a['cert_no']}", x=c.left, size=12)
        c.field("certificate_number", cert_number(a["cert_no"]), raw=a["cert_no"])
        signoff(c, a["issuer"], a["issue_date"], fam, rng)
        return c
    c.title(f"{a['year']}年度{a['name']}获奖证书", size=18, role="heib")
    c.space(6)
    members = "、".join(a["members"])
    c.table([["获奖项目", a["project"]], ["奖励类别", a["name"]], ["奖励等级", f"{a['grade']}等奖"],
             ["主要完成人（排序）", members], ["完成单位", a["unit"]], ["证书编号", a["cert_no"]]],
            widths=[1.6, 4], header=False, size=12, align=["c", "l"], pad=6)
    c.field("certificate_number", cert_number(a["cert_no"]), raw=a["cert_no"])
    c.field("authors", names_json(a["members"]), raw=members)
    signoff(c, a["issuer"], a["issue_date"], fam, rng)
    return c


def qualification_certificate(d: dict, fam: str, rng: random.Random):
    """资格证书. A: 中华人民共和国专业技术人员职业资格证书 inner page (photo, kv lines);
    B: landscape 专业技术资格证书 with two columns; C: web-printed 成绩合格证明 table."""
    q = d["qualification"]
    name, pid = d["name"], d["id_number"]
    person = d["person"]
    c = composer(fam, rng, landscape=(fam == "B"), font_size=13)
    c.field("qualification_name", q["name"], raw=q["title"])
    c.field("qualification_level", q["level"])
    c.field("person_name", name)
    c.field("id_number", pid, raw=pid)
    c.field("certificate_number", cert_number(q["cert_no"]), raw=q["cert_no"])
    if fam == "A":
        c.frame((150, 30, 30), inset=24, width=2)
        c.y = 80
        c.line_text("中华人民共和国", align="c", role="heib", size=22, after=2)
        c.line_text("专业技术人员职业资格证书", align="c", role="heib", size=22, after=20)
        c.portrait(c.width - c.right - 86, c.y, 80, 106)
        pd = date_text(c, "pass_date", q["pass_date"], "cn")
        kv_lines(c, [("姓名", name), ("性别", person.gender), ("出生年月", fmt_date(person.birth, "month")),
                     ("身份证件号码", pid), ("资格名称", q["title"]), ("批准日期", pd), ("管理号", q["cert_no"])],
                 label_w=6)
        c.space(10)
        c.para(f"本证书由中华人民共和国人力资源和社会保障部批准颁发。它表明持证人通过国家统一组织的考试，取得{q['title']}的资格。", size=12)
        signoff(c, q["issuer"].split()[-1], q["pass_date"], fam, rng, register=False)
        c.field("organization", q["issuer"].split()[-1])
        return c
    if fam == "B":
        c.frame((20, 90, 60), inset=20)
        mid = c.width / 2
        c.portrait(mid - 240, 110, 90, 120)
        c.at(mid - 195, 270, "持证人签名", size=11, align="c")
        c.at(mid - 195, 300, name, role="kai", size=18, align="c", hand=True)
        c.at(mid - 195, 360, f"管理号：{q['cert_no']}", size=11, align="c")
        c.left = mid + 10
        c.y = 90
        c.line_text(q["header"], align="c", role="heib", size=20, after=16)
        pd = date_text(c, "pass_date", q["pass_date"], "cn")
        kv_lines(c, [("姓名", name), ("证件号码", pid), ("资格名称", q["title"]), ("级别", q["level_zh"]),
                     ("取得时间", pd)], size=13)
        c.para(f"经全国统一考试合格，取得{q['title']}资格。", size=12, indent=0)
        signoff(c, q["issuer"].replace(" ", "　"), q["pass_date"], fam, rng, register=False)
        c.field("organization", q["issuer"])
        return c
    c.title(f"{q['pass_date'].year}年度{q['exam']}成绩合格证明", size=17, role="heib")
    c.table([["姓名", name, "证件号码", pid], ["报考级别", q["level_zh"], "报考专业", q["title"]],
             ["档案号", q["cert_no"], "考试年度", str(q["pass_date"].year)]],
            widths=[1, 2, 1, 2.2], header=False, size=11)
    c.space(6)
    c.table([["科目名称", "成绩", "合格标准"]] + [[s, str(sc), str(line)] for s, sc, line in q["subjects"]],
            widths=[3, 1, 1], size=11)
    c.space(8)
    pd = date_text(c, "pass_date", q["pass_date"], "cn0")
    c.para(f"经审核，该考生已通过{q['exam']}全部科目，成绩合格。合格成绩发布日期：{pd}。", size=12)
    c.qr(c.left, c.y + 10, 60)
    c.para(f"打印日期：{fmt_date(q['print_date'], 'iso')}", size=10, align="r")
    c.field("organization", q["exam_org"])
    c.sign(q["exam_org"], fmt_date(q["print_date"], "cn0"), seal=True, seal_sub="考试合格证明专用章")
    return c
