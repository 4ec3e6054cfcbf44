"""Study hours (学时) as written on certificates, notices and policy documents.

Forms: 共计40学时, 40课时, 学时：40, 计 40 学时, 四十学时, 40个学时, 40个继续教育学时, 折合学时32, 40小时
(小时 only when the text is about training: pass `training_context=True` or let
`find_hours` decide from the text). Each match says whether it is a total (共计/合计/折合…),
a per-unit rate (每天8学时), or a minimum requirement (不少于90学时).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors._text.normalize import norm
from extractors._text.numbers import NUMERAL_CHARS, parse_number

_NUM = rf"((?<![\d.])\d+(?:\.\d+)?(?![\d.])|[{NUMERAL_CHARS}]+)"
# [ \t] not \s: a number at the end of one line is not the hours of '学时' starting the next.
# ('24个继续教育学时': the kind of hours between the figure and its unit)
_UNIT = r"(?:个)?[ \t]*(?:继续教育|专业科目|公需科目|专业课|公需课)?[ \t]*(学时|课时|小时|学分)"
_AFTER = re.compile(rf"{_NUM}[ \t]*{_UNIT}")
_BEFORE = re.compile(rf"(折合学时|折算学时|认定学时|授予学时|培训学时|学时数|总学时|学时|课时)[ \t]*(?:数)?[ \t]*[:：为是]?[ \t]*(?:共|计|共计)?[ \t]*{_NUM}(?![ \t]*[年月日号%])")
_TOTAL_CUES = ("共计", "合计", "总计", "累计", "共", "计", "折合", "折算", "认定", "授予", "获得", "总")
_PER_CUES = ("每天", "每日", "每周", "每节", "每次", "每门", "每篇", "每项", "每人", "每年", "/天", "每个")
_MIN_CUES = ("不少于", "不低于", "至少", "不得少于", "应达到", "不少於", "以上")
_TRAINING_WORDS = ("培训", "研修", "进修", "学习", "课程", "讲座", "继续教育", "结业", "授课", "学时")


@dataclass(frozen=True)
class HoursMatch:
    value: float
    unit: str  # 学时 | 课时 | 小时
    qualifier: str  # total | per_unit | minimum | plain
    converted: bool  # 折合/折算 (converted hours)
    start: int
    end: int


def is_training_context(text: str) -> bool:
    """True when the text talks about training, so '40小时' can be read as study hours."""
    return any(w in text for w in _TRAINING_WORDS)


# A conversion rate: '1学分折合6学时', '每学分计8学时', '1学分=6学时' (the hours of one credit).
_RATE_BEFORE = re.compile(r"(?:每|1|一)\s*(?:个)?学分\s*(?:折合|折算|换算为?|=|＝|等于|相当于|计|为|对应|按)?\s*$")


def _qualifier(text: str, start: int, end: int) -> str:
    """Classify a figure by the words just before it (within its clause) and after it."""
    before = re.split(r"[，,。;；、:：\n]", text[max(0, start - 10):start])[-1]
    after = text[end:end + 4]
    if _RATE_BEFORE.search(before):
        return "per_unit"
    if any(c in before for c in _MIN_CUES) or after.startswith(("以上", "及以上")):
        return "minimum"
    if any(c in before for c in _PER_CUES) or after.startswith(("/天", "/日", "每")):
        return "per_unit"
    if any(c in before for c in _TOTAL_CUES):
        return "total"
    return "plain"


def find_hours(text: str, training_context: bool | None = None, *, normalised: bool = False) -> list[HoursMatch]:
    """Every hours figure in `text`, in order. 学分 (credits) are not hours and are skipped."""
    t = text if normalised else norm(text)
    ctx = is_training_context(t) if training_context is None else training_context
    out: dict[int, HoursMatch] = {}
    for m in _AFTER.finditer(t):
        unit = m.group(2)
        if unit == "学分" or (unit == "小时" and not ctx):
            continue
        value = parse_number(m.group(1))
        if value is None or not 0 < value <= 2000:
            continue
        converted = "折" in t[max(0, m.start() - 4):m.start()]
        out[m.start()] = HoursMatch(value, unit, _qualifier(t, m.start(), m.end()), converted, m.start(), m.end())
    for m in _BEFORE.finditer(t):
        if any(h.start <= m.start(2) < h.end for h in out.values()):
            continue
        value = parse_number(m.group(2))
        if value is None or not 0 < value <= 2000:
            continue
        label = m.group(1)
        qual = "total" if label not in ("学时", "课时") else _qualifier(t, m.start(), m.end())
        unit = "课时" if "课时" in label else "学时"
        out[m.start()] = HoursMatch(value, unit, qual, label.startswith("折"), m.start(), m.end())
    return [out[k] for k in sorted(out)]


def best_hours(text: str, training_context: bool | None = None) -> HoursMatch | None:
    """The hours a certificate or notice awards: a converted (折合) figure, else a total,
    else the largest plain figure; per-unit rates and minimum requirements are ignored."""
    found = [h for h in find_hours(text, training_context) if h.qualifier in ("total", "plain")]
    if not found:
        return None
    for pick in (lambda h: h.converted, lambda h: h.qualifier == "total"):
        chosen = [h for h in found if pick(h)]
        if chosen:
            return chosen[0]
    return max(found, key=lambda h: h.value)


# Hours stated as credits and a conversion rate: '授予Ⅱ类学分4分' + '注：1学分折合6学时',
# '专业科目5学分' + '学分与学时按1∶6换算'.
_RATE = re.compile(rf"(?:(?:每|1|一)\s*(?:个)?学分\s*(?:折合|折算|换算为?|=|＝|等于|相当于|计|为|对应)?\s*{_NUM}\s*(?:个)?学时"
                   # (its 1 read by OCR as '!' or 'l': '按！：4')
                   rf"|学分(?:与|和|、)学时\s*(?:按|之比为?|比例为?|的比例为?)?\s*[1!|lI]\s*[:：∶比]\s*{_NUM}"
                   # the ratio's colon lost to OCR ('学分与学时按14换算'), kept apart by 按 … 换算
                   rf"|学分(?:与|和|、)学时\s*按\s*1\s*([1-9]|1[0-6])\s*(?:的比例)?\s*(?:换算|折算|折合|计算))")
_CREDITS = re.compile(rf"{_NUM}[ \t]*(?:个)?学分(?!\s*(?:折合|折算|换算|=|＝|等于|相当于|对应))"
                      rf"|学分[ \t]*(?:数)?[ \t]*[:：为]?[ \t]*{_NUM}[ \t]*分|学分[ \t]*{_NUM}(?![\d.])")


def credit_hours(text: str) -> HoursMatch | None:
    """Hours from credits times a stated rate (see _RATE); None unless the document states
    one rate and one credit figure besides it."""
    t = norm(text)
    rates = {parse_number(next(g for g in m.groups() if g)) for m in _RATE.finditer(t)} - {None}
    rate_spans = [m.span() for m in _RATE.finditer(t)]
    if len(rates) != 1:
        return None
    found = []
    for m in _CREDITS.finditer(t):
        if any(a <= m.start() < b for a, b in rate_spans):
            continue
        raw = next(g for g in m.groups() if g)
        if (c := parse_number(raw)) is not None and 0 < c <= 100:
            found.append((c, m))
    if len({c for c, _ in found}) != 1:
        return None
    credits, m = found[0]
    hours = credits * rates.pop()
    return HoursMatch(hours, "学时", "total", True, m.start(), m.end()) if 0 < hours <= 2000 else None
