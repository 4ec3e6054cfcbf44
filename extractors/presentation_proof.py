"""宣读论文/报告证明 (presentation proof): person_name, organization, issue_date, has_seal,
title (the conference), article_title (the paper or report presented), word_count (字数,
characters, when stated), level, start_date."""

from __future__ import annotations

import re

from extractors._activity import level, period, title
from extractors._base import DocView
from extractors._common import common_fields
from extractors._text.numbers import NUM_RE, cn_to_int
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "organization", "issue_date", "has_seal")
_ARTICLE_RE = re.compile(r"(?:论文|报告|发言|交流|宣读|题目|题为)[^《“\"]{0,10}[《“\"]([^》”\"]{3,80})[》”\"]")
_CONFERENCE_RE = re.compile(r"(?:在|入选|参加|出席|于)\s*([\u4e00-\u9fff\d“”]{4,40}?(?:学术年会|年会|学术会议|会议|论坛|研讨会|大会|交流会))")
_ARTICLE_LABEL = r"论文题目|报告题目|论文名称|报告名称|发言题目|题\s*目"
_WORDS_RE = re.compile(rf"(?:(?:字数|全文|共)\s*[:：]?\s*(?:约)?|[(（]\s*(?:约|共|全文)?)\s*"
                       rf"(\d{{1,3}}(?:[ ,]\d{{3}})+|{NUM_RE}(?:\.\d+)?)\s*(千字|万字|字)")
_WORDS_UNIT = re.compile(r"字\s*数\s*[:：]?\s*(\d{2,4}(?:\.\d+)?)\s*(千|万)(?!字)")  # '字数 380千'
_WORDS_BARE = re.compile(r"字\s*数\s*[:：]?\s*(\d{1,3}(?:[ ,]\d{3})+|\d{3,7})(?![\d.千万字])")


def word_count(v: DocView) -> ExtractedField | None:
    """字数 as a number of characters: '3500字' → 3500, '3.5千字' → 3500, '350千字' → 350000."""
    # '字数 420 000'; on a copyright page the spaced label breaks over boxes ('字' | '数530千字')
    for text, flat in ((v.text, False), (v.flat, True)):
        m = _WORDS_RE.search(text) or _WORDS_BARE.search(text) or _WORDS_UNIT.search(text)
        if m:
            break
    else:
        return None
    raw = re.sub(r"[ ,]", "", m.group(1))
    n = float(raw) if re.fullmatch(r"\d+(?:\.\d+)?", raw) else cn_to_int(raw)
    if n is None:
        return None
    unit = m.group(2) if m.re is not _WORDS_BARE else "字"
    n *= {"千字": 1000, "万字": 10000, "字": 1, "千": 1000, "万": 10000}[unit]
    span = v.from_flat(m.start(), m.end()) if flat else (m.start(), m.end())
    return v.make("word_count", int(n), 0.8 if not flat else 0.7, *span)


def article_title(v: DocView) -> ExtractedField | None:
    hit = v.labelled(_ARTICLE_LABEL, r"[《“\"]?([^》”\"]{3,80})")
    if hit:
        return v.make("article_title", hit[0], 0.85, hit[1], hit[2])
    m = _ARTICLE_RE.search(v.flat)  # titles are often broken over lines
    return v.make("article_title", m.group(1), 0.75, *v.from_flat(m.start(1), m.end(1))) if m else None


def conference(v: DocView) -> ExtractedField | None:
    """The conference named in the proof (…在河南省医学会2023年学术年会上…)."""
    t = title(v)
    if t and re.search(r"会|论坛", t.value):
        return t
    m = _CONFERENCE_RE.search(v.flat)
    return v.make("title", m.group(1), 0.7, *v.from_flat(m.start(1), m.end(1))) if m else t


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Presentation-proof fields (see module docstring)."""
    v = DocView(doc)
    t = conference(v)
    fields = common_fields(v, COMMON) + [f for f in (t, article_title(v), word_count(v)) if f]
    if (lv := level(v, t)):
        fields.append(lv)
    return fields + [f for f in period(v) if f.name == "start_date"]
