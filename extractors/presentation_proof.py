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
_ARTICLE_RE = re.compile(r"(?:论文|报告|发言|交流|宣读|题目|题为)[^《“\"\n]{0,10}[《“\"]([^》”\"\n]{3,80})[》”\"]")
_ARTICLE_LABEL = r"论文题目|报告题目|论文名称|报告名称|发言题目|题\s*目"
_WORDS_RE = re.compile(rf"(?:字数|全文|共)\s*[:：]?\s*(?:约)?\s*({NUM_RE}(?:\.\d+)?)\s*(千字|万字|字)")


def word_count(v: DocView) -> ExtractedField | None:
    """字数 as a number of characters: '3500字' → 3500, '3.5千字' → 3500, '350千字' → 350000."""
    m = _WORDS_RE.search(v.text)
    if not m:
        return None
    raw = m.group(1)
    n = float(raw) if re.fullmatch(r"\d+(?:\.\d+)?", raw) else cn_to_int(raw)
    if n is None:
        return None
    n *= {"千字": 1000, "万字": 10000, "字": 1}[m.group(2)]
    return v.make("word_count", int(n), 0.8, m.start(), m.end())


def article_title(v: DocView) -> ExtractedField | None:
    hit = v.labelled(_ARTICLE_LABEL, r"[《“\"]?([^》”\"]{3,80})")
    if hit:
        return v.make("article_title", hit[0], 0.85, hit[1], hit[2])
    m = _ARTICLE_RE.search(v.text)
    return v.make("article_title", m.group(1), 0.75, m.start(1), m.end(1)) if m else None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Presentation-proof fields (see module docstring)."""
    v = DocView(doc)
    t = title(v)
    fields = common_fields(v, COMMON) + [f for f in (t, article_title(v), word_count(v)) if f]
    if (lv := level(v, t)):
        fields.append(lv)
    return fields + [f for f in period(v) if f.name == "start_date"]
