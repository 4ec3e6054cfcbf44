"""Absence evidence (sick leave, maternity, overseas work): leave_kind, leave_start,
leave_end, months_absent. Months are the whole span (days / 30.44), not clipped to the
declaration year; the policy engine clips."""

from __future__ import annotations

import re
from datetime import date, timedelta

from extractors._base import DocView
from extractors._text.dates import DateRange, find_dates, find_ranges, month_end
from extractors._text.numbers import NUM_RE, cn_to_int
from schemas.records import ExtractedField

LEAVE_CUES = {
    "maternity": re.compile(r"产假|生育|分娩|哺乳|孕|剖宫产|顺产"),
    "sick": re.compile(r"病假|病休|休养|诊断|住院|疾病|患有|术后|治疗|全休"),
    "overseas": re.compile(r"境外|国外|海外|出国|出境|访问学者|留学|援外|赴(?:美|英|德|法|日|澳|加|俄|新|韩)"),
}
# Cues that name an absence outright (an employer proof about training may say 疾病 or 国外).
STRICT_CUES = {
    "maternity": re.compile(r"产假|生育假|生育|分娩"),
    "sick": re.compile(r"病假|病休|全休"),
    "overseas": re.compile(r"境外工作|国外工作|出国|出境|访问学者|赴.{1,8}(?:工作|访学|留学)"),
}
_PERIOD_LABEL = r"(?:休假|病假|产假|请假|病休|出国|境外工作|工作|访学|全休)?(?:时间|期间|期限|日期)|自"
_MONTHS_RE = re.compile(rf"((?<![\d.])\d+(?:\.\d+)?|{NUM_RE}|半)\s*(?:个)?\s*(月|年|天|日|周)(半)?")
_DAYS_PER_MONTH = 30.44


def add_months(start: date, n: int) -> date:
    """The day `n` calendar months after `start` (clipped to the month's end)."""
    y, m = divmod(start.month - 1 + n, 12)
    y, m = start.year + y, m + 1
    return date(y, m, min(start.day, month_end(y, m).day))


def span_months(start: date, end: date) -> float:
    """Months covered by [start, end]: whole calendar months count as one each
    (2022.9.1—2023.2.28 → 6), and so do months from one day to the day before it
    (2023.2.15—2023.8.14 → 6); other spans are days / 30.44, to one decimal."""
    if start.day == 1 and end == month_end(end.year, end.month):
        return float((end.year - start.year) * 12 + end.month - start.month + 1)
    n = (end.year - start.year) * 12 + end.month - start.month
    for k in (n, n + 1):
        if k > 0 and (add_months(start, k) - end).days == 1:
            return float(k)
    return round(((end - start).days + 1) / _DAYS_PER_MONTH, 1)


def leave_kind(text: str, strict: bool = False) -> str | None:
    """The kind of absence the text is about (most cue hits), or None. `strict` counts only
    words that name an absence outright."""
    cues = STRICT_CUES if strict else LEAVE_CUES
    counts = {k: len(rx.findall(text)) for k, rx in cues.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _duration(text: str) -> tuple[float, str, int, int] | None:
    """The first duration of a leave or stay in `text` ('休息六个月', '为期一年半', '共158天'):
    (count, unit 月/年/天/日/周, span), its length at most ten years."""
    dated = [(d.start, d.end) for d in find_dates(text)]
    for m in _MONTHS_RE.finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        if not re.search(r"休|假|期|共|计|连续|累计|为期|工作|访问|学习|时长|时间|在外", before):
            continue
        if any(a < m.end() and m.start() < b for a, b in dated) or re.match(r"\s*\d{1,2}\s*[月日]", text[m.end():]):
            continue  # part of a date (2023年7月1日), not a duration
        raw = m.group(1)
        n = 0.5 if raw == "半" else float(raw) if re.fullmatch(r"\d+\.\d+", raw) else cn_to_int(raw)
        if not n:
            continue
        n += 0.5 if m.group(3) else 0  # 一年半
        if 0 < _in_months(n, m.group(2)) <= 120:
            return float(n), m.group(2), m.start(), m.end()
    return None


def _in_months(n: float, unit: str) -> float:
    return {"月": n, "年": n * 12, "天": n / _DAYS_PER_MONTH, "日": n / _DAYS_PER_MONTH, "周": n * 7 / _DAYS_PER_MONTH}[unit]


def months_phrase(text: str) -> tuple[float, int, int] | None:
    """Months written as a duration ('休息六个月', '为期一年', '共158天') with its span."""
    if (found := _duration(text)) is None:
        return None
    n, unit, start, end = found
    return float(_in_months(n, unit)), start, end


def leave_fields(v: DocView, kind: str | None = None) -> list[ExtractedField]:
    """leave_kind (given, else guessed), leave_start, leave_end, months_absent."""
    kind = kind or leave_kind(v.text)
    out: list[ExtractedField] = []
    if kind:
        out.append(v.make("leave_kind", kind, 0.9 if kind == leave_kind(v.text) else 0.7, line=v.lines[0] if v.lines else None))
    hit = v.labelled(_PERIOD_LABEL, r".{6,50}")
    ranges = find_ranges(hit[0]) if hit else []
    span = (hit[1], hit[2]) if ranges else None
    if not ranges and (found := _labelled_ends(v)):
        ranges, span = [found], found.span
    if not ranges:
        ranges = find_ranges(v.text, normalised=True)
        span = ranges[0].span if ranges else None
    if not ranges and (ranges := find_ranges(v.flat, normalised=True)):  # a date broken over lines
        span = v.from_flat(*ranges[0].span)
    conf = None
    stated = None if ranges else _duration(v.text)
    if not ranges and (found := _marked_period(v.text)):
        ranges, span, conf = [found], found.span, 0.75
    if not ranges and stated and (found := _damaged_range(v.text, stated)):
        ranges, span, conf = [found], found.span, 0.6
    if ranges:
        r = ranges[0]
        conf = conf or (0.85 if r.precision == "day" else 0.7)
        out += [v.make("leave_start", r.start.isoformat(), conf, *span),
                v.make("leave_end", r.end.isoformat(), conf, *span),
                v.make("months_absent", span_months(r.start, r.end), conf, *span)]
    elif stated is not None:
        n, unit, s, e = stated
        out.append(v.make("months_absent", round(_in_months(n, unit), 1), 0.6, s, e))
        if (start := _leave_start(v, s)) and (end := _duration_end(start[0], n, unit)):
            out += [v.make("leave_start", start[0].isoformat(), 0.65, start[1], start[2]),
                    v.make("leave_end", end.isoformat(), 0.6, s, e)]
    return out


# A form's start and end rows ('休假起始日期：…' / '休假截止日期：…', '产假开始时间 …' / '产假结束时间 …').
_START_LABEL = r"(?:休假|病假|产假|请假|假期|病休|出国|境外工作)?(?:起始|开始|起)(?:日期|时间)"
_END_LABEL = r"(?:休假|病假|产假|请假|假期|病休|出国|境外工作)?(?:截止|结束|终止|截至)(?:日期|时间)"


def _labelled_ends(v: DocView) -> DateRange | None:
    """The leave as a start row and an end row of a form, each one full date (end not
    before start), spanning the text from the first to the second."""
    a, b = v.labelled(_START_LABEL, r".{6,20}"), v.labelled(_END_LABEL, r".{6,20}")
    if not (a and b):
        return None
    da = [d for d in find_dates(a[0]) if d.precision == "day" and d.has_year]
    db = [d for d in find_dates(b[0]) if d.precision == "day" and d.has_year]
    if not (da and db) or db[0].value < da[0].value:
        return None
    return DateRange(da[0].value, db[0].value, (min(a[1], b[1]), max(a[2], b[2])))


# The day a leave of a stated length starts: '自2023年3月1日起休息三个月', '于…起享受产假158天'.
_FROM_DAY = re.compile(r"(?:自|从|于)\s*$")
_FROM_AFTER = re.compile(r"^\s*(?:起|开始)")
_VISIT_LABEL = r"就诊日期|诊断日期|门诊日期|就诊时间|接诊日期|初诊日期"


def _leave_start(v: DocView, at: int) -> tuple[date, int, int] | None:
    """The start of a leave whose length is written at `at`: a day marked 自…起 in the text,
    else the last full day before the length in its sentence, else the day of the visit
    (就诊日期: a sick note's rest starts the day it is written)."""
    days = [d for d in find_dates(v.text, normalised=True) if d.has_year and d.precision == "day"]
    marked = [d for d in days if _FROM_AFTER.match(v.text[d.end:]) and d.start < at + 40]
    if marked:
        return marked[-1].value, marked[-1].start, marked[-1].end
    sentence_start = max(v.text.rfind(c, 0, at) for c in "。；;\n") + 1
    before = [d for d in days if sentence_start <= d.start < at and _FROM_DAY.search(v.text[max(0, d.start - 2):d.start])]
    if before:
        return before[-1].value, before[-1].start, before[-1].end
    if (hit := v.labelled(_VISIT_LABEL, r".{6,20}")) and (ds := [d for d in find_dates(hit[0]) if d.precision == "day" and d.has_year]):
        return ds[0].value, hit[1], hit[2]
    return None


def _duration_end(start: date, n: float, unit: str) -> date | None:
    """The last day of a leave of `n` `unit`s (whole ones only) from `start`."""
    if n != int(n):
        return None  # 半年, 一年半: no day the document would agree on
    n = int(n)
    if unit in "天日":
        return start + timedelta(days=n - 1)
    if unit == "周":
        return start + timedelta(days=7 * n - 1)
    return add_months(start, n * (12 if unit == "年" else 1)) - timedelta(days=1)


# A period with one end OCR damaged: a date shape whose year, month or day is out of range
# ('2022-08-01至2023-07-80', '2023-01-01至3023-09-30', '2022/8/1-2023/7/81').
_ROUGH_RANGE = re.compile(r"(?<!\d)(\d{1,5})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,3})\s*日?\s*(?:起\s*)?"
                          r"(?:至|到|—+|-{1,2}|~)\s*(?:(\d{1,5})\s*[年./\-]\s*)?(\d{1,2})\s*[月./\-]\s*(\d{1,3})(?!\d)")
_PART_RANGE = ((1990, 2100), (1, 12), (1, 31))  # a year, month, day that could be printed


def _agrees(parts: tuple[str | None, str, str], d: date) -> bool:
    """The damaged end's parts that could be printed (a year 1990–2100, a month, a day) are
    `d`'s, and at least two of them are."""
    same = 0
    for raw, (lo, hi), want in zip(parts, _PART_RANGE, (d.year, d.month, d.day)):
        if raw is None or not lo <= int(raw) <= hi:
            continue
        if int(raw) != want:
            return False
        same += 1
    return same >= 2


def _damaged_range(text: str, stated: tuple[float, str, int, int]) -> DateRange | None:
    """A period with one end damaged, its other end a valid date and its length `stated`
    (_duration: '…至2023-07-80 … 在外时间 12个月'): the damaged end is the valid end moved by the
    stated length when that agrees with what of it reads (its year and month, or month and day)."""
    if stated[0] != int(stated[0]):
        return None
    n, unit = int(stated[0]), stated[1]
    for m in _ROUGH_RANGE.finditer(text):
        ya, ma, da, yb, mb, db = m.groups()
        a = _valid(int(ya), int(ma), int(da))
        b = _valid(int(yb) if yb else int(ya), int(mb), int(db))
        if a and not b and (end := _duration_end(a, n, unit)) and _agrees((yb, mb, db), end):
            return DateRange(a, end, m.span())
        if b and not a and (start := _duration_start(b, n, unit)) and _agrees((ya, ma, da), start):
            return DateRange(start, b, m.span())
    return None


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d) if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def _duration_start(end: date, n: int, unit: str) -> date:
    """The first day of a leave of `n` `unit`s ending on `end` (the inverse of _duration_end)."""
    if unit in "天日":
        return end - timedelta(days=n - 1)
    if unit == "周":
        return end - timedelta(days=7 * n - 1)
    return add_months(end + timedelta(days=1), -n * (12 if unit == "年" else 1))


# A period written as a marked first day and a marked last day rather than as a range: '自2023年
# 3月1日开始休病假，至2023年5月31日结束', '2023年8月5日产假结束', a stay abroad as its departure and
# return ('于2022年9月1日赴美国…，于2023年8月31日回国', '出国时间：…' / '回国时间：…').
_FIRST = re.compile(r"[ \t]*(?:起|开始|出国|出境|离境|赴|前往|派往|出访|启程)")
_LAST = re.compile(r"[ \t]*(?:(?:产假|病假|休假|假期|病休)?(?:结束|为止|止)|回国|归国|入境|返回|返抵|回到)")
_FIRST_LABEL = re.compile(r"(?:出国|出境|离境|出访|派出|出发|启程)(?:日期|时间)\s*(?:[:：]|为|是)?\s*$")
_LAST_LABEL = re.compile(r"(?:回国|归国|入境|返回|返抵)(?:日期|时间)\s*(?:[:：]|为|是)?\s*$")


def _marked_period(text: str) -> DateRange | None:
    """The period from the first day marked as its start to a later day marked as its end
    (the word right after the date, on its line, or the label right before), under ten
    years."""
    days = [d for d in find_dates(text, normalised=True) if d.has_year and d.precision == "day"]

    def marked(word: re.Pattern, label: re.Pattern, after=None):
        return next((d for d in days if (after is None or d.start > after.start) and
                     (word.match(text, d.end) or label.search(text[max(0, d.start - 12):d.start]))), None)

    start = marked(_FIRST, _FIRST_LABEL)
    end = start and marked(_LAST, _LAST_LABEL, after=start)
    if end and 0 < (end.value - start.value).days < 3660:
        return DateRange(start.value, end.value, (start.start, end.end))
    return None
