"""期刊封面/目录/文章 (journal pages): journal_name, issn (with check), cn_number, year, issue,
pages, article_title, authors (JSON, in order), author_rank (only when written explicitly;
otherwise the claim stage ranks the declarant in `authors`), level (national/provincial,
from the sponsor or stated level)."""

from __future__ import annotations

import re

from extractors._activity import level_of
from extractors._base import DocView
from extractors._people import explicit_rank, name_list
from extractors._text.ids import find_cn_numbers, find_issns
from extractors._text.names import SURNAMES, split_names
from schemas.document import DocumentText
from schemas.records import ExtractedField

_JOURNAL_RE = re.compile(r"《([^》]{2,30})》|([\u4e00-\u9fff]{2,20}(?:杂志|学报|期刊|月刊|半月刊|旬刊|周刊))")
_ISSUE_RES = [
    re.compile(r"((?:19|20)\d{2})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:第\s*\d+\s*卷\s*)?第\s*(\d{1,3})\s*期"),
    re.compile(r"((?:19|20)\d{2})\s*[,，]\s*(?:\d+\s*)?\(\s*(\d{1,3})\s*\)"),
    re.compile(r"((?:19|20)\d{2})\s*[,，]?\s*(?:Vol\.?\s*\d+\s*[,，]?\s*)?No\.?\s*(\d{1,3})", re.I),
]
_PAGES_RE = re.compile(r"(?:第\s*|页码\s*[:：]?\s*|P\.?\s*|\)\s*[:：]\s*)(\d{1,4})\s*[-—~]\s*(\d{1,4})\s*页?")
_LEVEL_WORDS = [("national", re.compile(r"国家级|核心期刊|中文核心|北大核心|CSCD|CSSCI|科技核心|统计源")),
                ("provincial", re.compile(r"省级期刊|省级刊物"))]
_NOISE = re.compile(r"[\d*＊†#△,，;；、\[\]()（）]+")


def _author_line(v: DocView) -> tuple[int, list[str]] | None:
    """A line that is only names (superscript digits/asterisks allowed) under a title."""
    for i, ln in enumerate(v.lines[:60]):
        if i == 0 or re.search(r"摘要|关键词|作者简介|单位|大学|医院|学院|杂志|期刊|学报|:|：", ln.text):
            continue
        names = [n for n in split_names(_NOISE.sub(" ", ln.raw)) if 2 <= len(n) <= 4]
        toks = _NOISE.sub(" ", ln.raw).split()
        if names and len(names) <= 10 and sum(n[0] in SURNAMES for n in names) == len(names) \
                and (len(names) >= 2 or len(toks) == 1) and len(v.lines[i - 1].text) >= 6:
            return i, names
    return None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Journal-page fields (see module docstring)."""
    v = DocView(doc)
    fields: list[ExtractedField] = []
    if (issns := find_issns(v.text)):
        best = next((i for i in issns if i.valid), issns[0])
        fields.append(v.make("issn", best.value, 0.95 if best.valid else 0.5, best.start, best.end))
    if (cns := find_cn_numbers(v.text)):
        fields.append(v.make("cn_number", cns[0].value, 0.9, cns[0].start, cns[0].end))
    hit = v.labelled(r"刊\s*名|期刊名称|杂志名称|刊物名称", r"[《]?([^》\s]{2,30})")
    m = _JOURNAL_RE.search(v.text)
    if hit:
        fields.append(v.make("journal_name", hit[0], 0.85, hit[1], hit[2]))
    elif m:
        fields.append(v.make("journal_name", m.group(1) or m.group(2), 0.7, m.start(), m.end()))
    for rx in _ISSUE_RES:
        if (m := rx.search(v.text)):
            fields += [v.make("year", m.group(1), 0.85, m.start(), m.end()),
                       v.make("issue", str(int(m.group(2))), 0.85, m.start(), m.end())]
            break
    if (m := _PAGES_RE.search(v.text)) and int(m.group(1)) <= int(m.group(2)):
        fields.append(v.make("pages", f"{int(m.group(1))}-{int(m.group(2))}", 0.7, m.start(), m.end()))
    fields += _article(v)
    if (r := explicit_rank(v, "author_rank")):
        fields.append(r)
    sponsor = v.labelled(r"主\s*办|主办单位|主\s*管", r".{3,40}")
    lv = next((lv for lv, rx in _LEVEL_WORDS if rx.search(v.text)), None) or (sponsor and level_of(sponsor[0]))
    if lv in ("national", "provincial"):
        fields.append(v.make("level", lv, 0.6, *(sponsor[1:] if sponsor else (0, 1))))
    return fields


def _article(v: DocView) -> list[ExtractedField]:
    out = []
    title_hit = v.labelled(r"文章题目|论文题目|题\s*目|篇\s*名|文\s*题", r"[《“\"]?([^》”\"]{4,80})")
    authors = name_list(v, "authors", r"作\s*者|作者姓名|署\s*名")
    line = _author_line(v)
    if title_hit:
        out.append(v.make("article_title", title_hit[0], 0.85, title_hit[1], title_hit[2]))
    elif line:
        t = v.lines[line[0] - 1]
        out.append(v.make("article_title", t.text, 0.6, line=t))
    if authors:
        out.append(authors)
    elif line:
        out.append(v.make("authors", line[1], 0.65, line=v.lines[line[0]]))
    elif (m := re.search(r"作者简介\s*[:：]?\s*([\u4e00-\u9fff]{2,4})\s*[(（,，]", v.text)):
        out.append(v.make("authors", [m.group(1)], 0.5, m.start(1), m.end(1)))
    return out
