"""leader_endorsement (批示件) and other (其他 evidence for category 16)."""

from __future__ import annotations

import random

from samplegen.dates import fmt_date
from samplegen.layout import BLUE_INK, BLACK, RED
from samplegen.templates.common import cert_title, composer, date_text, ds, letterhead, signoff


def leader_endorsement(d: dict, fam: str, rng: random.Random):
    """批示件. A: 呈阅件 with a 领导批示 box holding a handwritten comment; B: 政务信息专报
    with a handwritten note in the margin; C: typed 批示件 transcription sealed by the office."""
    e = d["endorsement"]
    name = d["name"]
    c = composer(fam, rng, font_size=13)
    c.field("leader_level", e["level"])
    c.field("title", e["report"], raw=e["report"])
    c.field("person_name", name)
    short = f"{e['date'].month}.{e['date'].day}"
    if fam == "A":
        c.line_text(e["issuer"], align="c", role="songb", size=24, color=RED, after=0)
        c.line_text("呈　阅　件", align="c", role="songb", size=26, color=RED, after=2)
        c.line_text(f"第{e['issue_no']}期", align="c", size=13, after=2)
        c.rule(RED, 1.8, after=8)
        top = c.y
        chunks = [e["comment"][i:i + 18] for i in range(0, len(e["comment"]), 18)]
        box_h = 56 + 30 * len(chunks)
        c.rect(c.left, top, c.width - c.right, top + box_h, color=RED, width=0.8)
        c.at(c.left + 8, top + 20, "领导批示：", role="hei", size=12, color=RED)
        for i, chunk in enumerate(chunks):
            c.at(c.left + (70 if i == 0 else 40), top + 48 + 30 * i, chunk, role="kai", size=19, color=BLUE_INK, hand=True)
        c.at(c.width - c.right - 90, top + box_h - 10, f"{e['leader']}　{short}", role="kai", size=18, color=BLUE_INK, hand=True)
        c.field("issue_date", e["date"].isoformat(), raw=short)
        c.y = top + box_h + 20
        c.title(f"关于{e['report']}的调研报告", size=18, role="heib", after=4)
        c.line_text(f"{d['unit']}　{'　'.join(e['authors'])}", align="c", role="kai", size=13, after=8)
    elif fam == "B":
        c.line_text("政务信息专报", align="c", role="songb", size=28, color=RED, after=4)
        c.line_text(f"第{e['issue_no']}期", align="c", size=13, after=2)
        c.line_text(f"{e['issuer']}编　　　　{fmt_date(e['submitted'], 'cn')}", align="c", size=12, after=0)
        c.rule(RED, 1.5, after=14)
        c.title(f"{e['report']}调研报告", size=18, role="heib", after=4)
        c.line_text(f"（{'、'.join(e['authors'])}）", align="c", role="kai", size=12, after=8)
        x = c.width - c.right - 20
        c.at(x, 150, e["comment"][:10], role="kai", size=17, color=BLUE_INK, hand=True, align="r")
        c.at(x, 178, e["comment"][10:20], role="kai", size=17, color=BLUE_INK, hand=True, align="r")
        if len(e["comment"]) > 20:
            c.at(x, 206, e["comment"][20:], role="kai", size=17, color=BLUE_INK, hand=True, align="r")
        c.at(x, 236, f"{e['leader']} {e['date'].year}.{short}", role="kai", size=16, color=BLUE_INK, hand=True, align="r")
        c.field("issue_date", e["date"].isoformat(), raw=f"{e['date'].year}.{short}")
    else:
        letterhead(c, e["issuer"], None, "C", rng)
        cert_title(c, "批示件", size=28, color=RED, after=14)
        ds_text = date_text(c, "issue_date", e["date"], "upper")
        c.para(f"{e['leader_title']}{e['leader']}同志{ds_text}在{e['issuer']}报送的《关于{e['report']}的调研报告》"
               f"（作者：{'、'.join(e['authors'])}）上批示：")
        c.para(f"“{e['comment']}”", role="kai", size=15)
        c.space(6)
        c.para("请按照领导批示精神抓好落实。", indent=2)
        signoff(c, e["issuer"], e["date"], fam, rng, register=False)
        c.field("organization", e["issuer"])
        return c
    c.field("organization", e["issuer"])
    for para in e["summary"]:
        c.para(para)
    return c


def other(d: dict, fam: str, rng: random.Random):
    """其他 (category 16): A: 证明 of a lecture/activity; B: 聘书 certificate; C: 感谢信."""
    o = d["other"]
    name = d["name"]
    c = composer(fam, rng, landscape=(fam == "B"), font_size=14 if fam != "B" else 17)
    c.field("person_name", name)
    c.field("title", o["activity"])
    style = ds(fam, rng)
    if fam == "A":
        c.space(40)
        cert_title(c, "证明", size=26, color=BLACK, after=20)
        dt_ = date_text(c, "start_date", o["date"], style)
        c.para(f"兹证明{d['unit']}{name}同志于{dt_}受邀担任{o['event']}{o['activity']}，{o['detail']}。")
        c.para("特此证明。")
    elif fam == "B":
        c.frame(RED, inset=24)
        c.y = 110
        cert_title(c, "聘书", size=42, color=RED, after=30)
        c.para(f"兹聘请{name}同志为{o['event']}{o['activity']}。", leading=2.2)
        c.para(f"聘期：{o['date'].year}年度。", leading=2.2)  # the year only: no start_date label
    else:
        c.space(30)
        c.title("感谢信", size=24, after=14)
        c.line_text(f"{d['unit']}：", after=4)
        dt_ = date_text(c, "start_date", o["date"], "upper")
        c.para(f"贵单位{name}同志于{dt_}担任{o['event']}{o['activity']}，{o['detail']}，得到了广泛好评。"
               "在此，谨向贵单位和该同志表示衷心感谢！")
    signoff(c, o["issuer"], o["issue_date"], fam, rng)
    return c
