"""Multi-page publications: journal_pages (cover, table of contents, article first page) and
book_pages (cover, title page, copyright page with CIP data, contents)."""

from __future__ import annotations

import random

from samplegen import identifiers
from samplegen.dates import fmt_date
from samplegen.layout import BLACK, RED
from samplegen.templates.common import composer, names_json

BAND = [(22, 70, 140), (150, 30, 40), (30, 110, 80), (110, 60, 140)]


def journal_pages(d: dict, fam: str, rng: random.Random):
    """期刊封面 / 目次 / 论文首页. A: colour band cover with ISSN+CN line, dotted TOC,
    【摘要】 article; B: plain cover with 刊号 box, two-field TOC, “摘要：” article with
    文章编号; C: cover with 核心期刊 badges, TOC as a table, bilingual article header."""
    j = d["journal"]
    name = d["name"]
    authors = j["authors"]
    c = composer(fam, rng, font_size=11, role="song", margins=(64, 64, 60, 60))
    issn_txt = f"ISSN {j['issn']}"
    issue_txt = {"A": f"{j['year']}年第{j['issue']}期", "B": f"{j['year']}年{j['issue']}月 第{j['volume']}卷第{j['issue']}期",
                 "C": f"{j['year']}年 第{j['volume']}卷 第{j['issue']}期（总第{j['total']}期）"}[fam]
    # --- cover ---------------------------------------------------------------------------
    color = BAND[rng.randrange(len(BAND))]
    if fam == "A":
        c.rect(0, 0, c.width, 170, color=None, fill=color)
        c.at(c.width / 2, 110, j["name"], role="heib", size=46, color=(255, 255, 255), align="c")
        c.at(c.width / 2, 150, j["en"].upper(), role="hei", size=13, color=(255, 255, 255), align="c")
        c.at(c.width / 2, 220, issue_txt, role="heib", size=20, align="c")
        c.rect(90, 260, c.width - 90, 560, color=None, fill=(230, 236, 242))
        c.at(c.width / 2, 420, rng.choice(["学术前沿", "科技创新", "理论与实践"]), role="kai", size=36, color=(120, 130, 150), align="c")
        c.at(c.width / 2, 700, f"{issn_txt}　　{j['cn']}", role="hei", size=14, align="c")
        c.at(c.width / 2, 730, f"主管：{j['supervisor']}　　主办：{j['sponsor']}", size=11, align="c")
    elif fam == "B":
        c.y = 120
        c.line_text(j["name"], align="c", role="songb", size=44, after=10)
        c.line_text(j["en"], align="c", role="song", size=13, after=30)
        c.line_text(issue_txt, align="c", size=15, after=20)
        c.rect(c.width - 200, 640, c.width - 70, 720, color=BLACK, width=1)
        c.at(c.width - 135, 668, issn_txt, size=12, align="c")
        c.at(c.width - 135, 698, j["cn"], size=12, align="c")
        c.at(80, 700, f"{j['sponsor']}　主办", size=12)
    else:
        c.rect(0, 0, c.width, c.height, color=None, fill=(245, 242, 232))
        c.rect(60, 60, 250, 90, color=RED, width=1)
        c.at(155, 81, "中国科技核心期刊", role="hei", size=12, color=RED, align="c")
        c.rect(c.width - 250, 60, c.width - 60, 90, color=RED, width=1)
        c.at(c.width - 155, 81, "中国学术期刊综合评价数据库", role="hei", size=10, color=RED, align="c")
        c.at(c.width / 2, 200, j["name"], role="heib", size=48, color=color, align="c")
        c.at(c.width / 2, 240, j["en"], role="song", size=14, align="c")
        c.at(c.width / 2, 300, issue_txt, size=15, align="c")
        c.at(c.width / 2, 760, f"{j['cn']}　{issn_txt}", role="hei", size=13, align="c")
    c.field("journal_name", j["name"], raw=j["name"])
    c.field("issn", j["issn"], raw=issn_txt)
    c.field("cn_number", j["cn"], raw=j["cn"])
    c.field("year", str(j["year"]))
    c.field("issue", str(j["issue"]))
    c.field("level", j["level"])
    # --- table of contents --------------------------------------------------------------
    c.new_page()
    c.y = 70
    c.line_text({"A": "目　　次", "B": "目　录", "C": "CONTENTS 目次"}[fam], align="c", role="heib", size=20, after=6)
    c.line_text(f"{j['name']}　{issue_txt}", align="c", size=11, after=12)
    toc = j["toc"]
    if fam == "C":
        rows = [["题名", "作者", "页码"]] + [[t, a, str(p)] for t, a, p in toc]
        c.table(rows, widths=[4.6, 1.6, 0.7], size=10.5, align=["l", "c", "c"])
    else:
        for t, a, pg in toc:
            c.para(f"{t}", size=11.5, indent=0, leading=1.5)
            c.para(f"{a}（{pg}）" if fam == "B" else f"……………………{a}　{pg}", size=10.5, indent=2, leading=1.6,
                   align="l" if fam == "B" else "r")
    c.field("article_title", j["article_title"], raw=j["article_title"])
    # --- article first page ---------------------------------------------------------------
    c.new_page()
    c.y = 50
    c.line_text(f"{j['name']}　{issue_txt}", size=9.5, after=0)
    c.rule(BLACK, 0.6, after=20)
    c.title(j["article_title"], size=17, role="heib", after=6)
    if fam == "B":
        byline = "，".join(authors)
    else:
        byline = "　".join(authors) if fam == "A" else "，".join(authors)
    c.line_text(byline, align="c", role="kai", size=13, after=2)
    c.field("authors", names_json(authors), raw=byline)
    c.field("author_rank", str(j["rank"]))
    c.field("person_name", name)
    c.line_text(f"（{j['affiliation']}，河南　{j['city']}　{j['postcode']}）", align="c", size=10, after=8)
    ab = j["abstract"]
    if fam == "A":
        c.para(f"【摘要】{ab}", size=10, indent=0, role="kai", leading=1.6)
        c.para(f"【关键词】{'；'.join(j['keywords'])}", size=10, indent=0, role="kai")
    elif fam == "B":
        c.para(f"摘要：{ab}", size=10, indent=2, leading=1.6)
        c.para(f"关键词：{'；'.join(j['keywords'])}", size=10, indent=2)
        c.para(f"中图分类号：{j['clc']}　文献标志码：A　文章编号：{j['issn']}（{j['year']}）{j['issue']:02d}-{j['page_start']:04d}-0{j['page_count']}",
               size=9.5, indent=2)
    else:
        c.para(f"［摘　要］{ab}", size=10, indent=0, leading=1.6)
        c.para(f"［关键词］{'；'.join(j['keywords'])}", size=10, indent=0)
        c.para(f"[Abstract] {j['en_abstract']}", size=9.5, indent=0, role="song")
    c.space(6)
    for para in j["body"]:
        c.para(para, size=10.5, leading=1.65)
    c.space(6)
    c.rule(BLACK, 0.4, after=4, x1=c.left + 160)
    c.para(f"收稿日期：{fmt_date(j['received'], 'iso')}", size=9, indent=0, leading=1.4)
    p0 = authors[0]
    c.para(f"作者简介：{p0}（{j['first_birth']}—），{j['first_gender']}，河南{j['city']}人，{j['first_title']}，主要从事{j['field']}研究。",
           size=9, indent=0, leading=1.4)
    pages = f"{j['page_start']}-{j['page_start'] + j['page_count'] - 1}"
    c.at(c.width / 2, c.height - 36, str(j["page_start"]), size=10, align="c")
    c.field("pages", pages, raw=str(j["page_start"]))
    return c


def book_pages(d: dict, fam: str, rng: random.Random):
    """图书 封面 / 扉页 / 版权页 / 目录. A: CIP block with “字数：350千字”; B: copyright page
    as label rows with “字　　数　350 000”; C: 编委会 page, “书号”, compact copyright table."""
    b = d["book"]
    name = d["name"]
    c = composer(fam, rng, font_size=11.5, margins=(72, 72, 70, 70))
    color = BAND[rng.randrange(len(BAND))]
    chief, deputy, contrib = b["chief"], b["deputy"], b["contributors"]
    # --- cover -----------------------------------------------------------------------
    c.rect(0, 0, c.width, c.height, color=None, fill=tuple(min(255, v + 150) for v in color))
    c.rect(0, 250, c.width, 420, color=None, fill=color)
    c.at(c.width / 2, 330, b["title"], role="heib", size=34 if len(b["title"]) < 12 else 28, color=(255, 255, 255), align="c")
    if b.get("series"):
        c.at(c.width / 2, 380, b["series"], role="hei", size=14, color=(255, 255, 255), align="c")
    c.at(c.width / 2, 520, f"主编　{'　'.join(chief)}", role="song", size=16, align="c")
    if fam != "C" and deputy:
        c.at(c.width / 2, 550, f"副主编　{'　'.join(deputy)}", role="song", size=13, align="c")
    c.at(c.width / 2, 760, b["publisher"], role="hei", size=16, align="c")
    c.field("title", b["title"], raw=b["title"])
    c.field("organization", b["publisher"])
    # --- title page / editorial board --------------------------------------------------
    c.new_page()
    c.y = 150
    c.title(b["title"], size=26, role="heib", after=40)
    if fam == "C":
        c.line_text("编　委　会", align="c", role="heib", size=16, after=12)
    for label, people in (("主　编", chief), ("副主编", deputy), ("编　委" if fam == "C" else "参　编", contrib)):
        if people:
            c.para(f"{label}　{'　'.join(people)}", size=13, indent=0, align="c" if fam != "C" else "l", leading=2.0)
    c.y = c.height - 140
    c.line_text(b["publisher"], align="c", role="hei", size=15)
    ordered = chief + deputy + contrib
    c.field("authors", names_json(ordered))
    c.field("role", b["role"])
    c.field("person_name", name)
    # --- copyright page --------------------------------------------------------------------
    c.new_page()
    c.y = 330
    isbn_txt = identifiers.format_isbn(b["isbn"])
    wc = b["word_count_k"]
    if fam in ("A", "C"):
        c.line_text("图书在版编目（CIP）数据", role="heib", size=12, after=4)
        c.para(f"{b['title']}／{'，'.join(chief)}主编．—{b['city']}：{b['publisher']}，{b['date'].year}.{b['date'].month}", size=11, indent=2)
        c.line_text(f"　　ISBN {isbn_txt}" if fam == "A" else f"　　书号 ISBN {isbn_txt}", size=11)
        c.para(f"Ⅰ．①{b['title'][:4]}…　Ⅱ．①{chief[0]}…　Ⅲ．①{b['clc_word']}　Ⅳ．①{b['clc']}", size=11, indent=2)
        c.line_text(f"中国版本图书馆CIP数据核字（{b['date'].year}）第{b['cip']}号", size=11, after=16)
        c.rule(BLACK, 0.6, after=10)
        rows = [("出版发行", b["publisher"]), ("地址", b["address"]), ("责任编辑", b["editor"]),
                ("印刷", b["printer"]), ("开本", "787 mm×1092 mm　1/16"), ("印张", str(b["sheets"])),
                ("字数", f"{wc}千字"), ("版次", f"{b['date'].year}年{b['date'].month}月第1版"),
                ("印次", f"{b['date'].year}年{b['date'].month}月第1次印刷"), ("定价", f"{b['price']:.2f}元")]
        for k, v in rows:
            c.line_text(f"{k}：{v}" if fam == "A" else f"{k}　{v}", size=10.5)
        wc_raw = f"{wc}千字"
    else:
        c.line_text("版权所有　侵权必究", align="c", role="heib", size=12, after=20)
        rows = [("书　　名", b["title"]), ("主　　编", "　".join(chief)), ("出版发行", b["publisher"]),
                ("印　　刷", b["printer"]), ("开　　本", "710 mm×1000 mm　1/16"), ("印　　张", str(b["sheets"])),
                ("字　　数", f"{wc} 000"), ("版　　次", f"{b['date'].year}年{b['date'].month}月第1版"),
                ("书　　号", f"ISBN {isbn_txt}"), ("定　　价", f"{b['price']:.2f}元")]
        for k, v in rows:
            c.line_text(f"{k}　{v}", size=11)
        wc_raw = f"{wc} 000"
    c.field("isbn", b["isbn"], raw=isbn_txt)
    c.field("word_count", str(wc * 1000), raw=wc_raw)
    c.field("year", str(b["date"].year))
    # --- contents ---------------------------------------------------------------------------
    c.new_page()
    c.y = 80
    c.line_text("目　录" if fam != "B" else "目　次", align="c", role="heib", size=18, after=14)
    for ch_title, pg, subs in b["contents"]:
        c.para(f"{ch_title}", size=12, role="hei", indent=0, leading=1.6)
        for s_title, s_pg in subs:
            c.para(f"{s_title}　……　{s_pg}", size=11, indent=2, leading=1.5)
    return c
