"""Fields of a training, conference or service activity: title, organizer, start_date,
end_date, days, hours_stated, level. Shared by notices, certificates and proofs."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import ORG_SUFFIX
from extractors._text.dates import find_ranges, find_dates
from extractors._text.hours import best_hours
from extractors._text.numbers import NUM_RE, cn_to_int
from schemas.records import ExtractedField

_EVENT = r"(?:培训班|研修班|学习班|进修班|高研班|提高班|训练营|培训|研修|进修|学术年会|年会|学术会议|会议|论坛|研讨会|交流会|讲座|沙龙|活动|义诊|项目)"
_TITLE_LABEL = r"(?:培训|研修|会议|活动|项目|班次|课程|学习)(?:名称|主题|题目|内容)|班\s*名|培训项目"
_NOTICE_TITLE = re.compile(r"关于(?:举办|召开|开展|组织|参加|印发|做好)?(.{4,60}?)(?:的)?(?:通知|函|预通知)")
_CERT_TITLE = re.compile(rf"参加(?:了)?(?:由?.{{2,40}}?(?:主办|举办|组织|承办)的)?[“\"《]?(.{{2,50}}?{_EVENT})[”\"》]?")
_ORGANIZER_LABEL = r"主办单位|主办方|主\s*办|承办单位|承\s*办|举办单位|组织单位|培训单位|培训机构|施教机构|举办方"
_ORGANIZER_PHRASE = re.compile(rf"(?:参加了?\s*由?|由)\s*([\u4e00-\u9fff()（）、]{{3,60}}?{ORG_SUFFIX})\s*(?:主办|举办|组织|承办|牵头)")
_PERIOD_LABEL = r"(?:培训|会议|活动|学习|研修|进修|服务|举办|报到)?(?:时间|日期)"
_DAYS_RE = re.compile(rf"(?:共|为期|计|历时|合计)\s*({NUM_RE})\s*(?:个)?(?:天|日)")
LEVEL_CUES = [
    ("national", re.compile(r"国家级|全国|中华|中国|国家|国际|部级")),
    ("provincial", re.compile(r"省级|全省|河南省|省[\u4e00-\u9fff]{0,8}(?:厅|委|学会|协会)|豫")),
    ("city", re.compile(r"市级|全市|[\u4e00-\u9fff]{2,3}市")),
    ("county", re.compile(r"县级|全县|[\u4e00-\u9fff]{1,3}[县区]")),
]


def level_of(text: str) -> str | None:
    """national / provincial / city / county from the words of a title or organiser."""
    for level, rx in LEVEL_CUES:
        if rx.search(text):
            return level
    return None


def title(v: DocView) -> ExtractedField | None:
    hit = v.labelled(_TITLE_LABEL, r"[“\"《]?([^”\"》]{2,60})")
    if hit:
        return v.make("title", hit[0], 0.85, hit[1], hit[2])
    head = v.head(8)
    m = _NOTICE_TITLE.search(head)
    if m:
        pos = v.text.find(m.group(1)[:6])
        return v.make("title", m.group(1), 0.8, pos if pos >= 0 else 0, (pos if pos >= 0 else 0) + 6)
    m = _CERT_TITLE.search(v.flat)  # 参加…培训班 is often broken over lines
    if m:
        name = re.sub(r"[《》“”\"]", "", m.group(1)).lstrip("了")
        return v.make("title", name, 0.7, *v.from_flat(m.start(1), m.end(1)))
    return None


def organizer(v: DocView) -> ExtractedField | None:
    hit = v.labelled(_ORGANIZER_LABEL, rf"([\u4e00-\u9fff()（）、]{{3,60}}?{ORG_SUFFIX})")
    if hit:
        return v.make("organizer", hit[0], 0.85, hit[1], hit[2])
    m = _ORGANIZER_PHRASE.search(v.flat)
    if m:
        return v.make("organizer", m.group(1), 0.75, *v.from_flat(m.start(1), m.end(1)))
    return None


def period(v: DocView) -> list[ExtractedField]:
    """start_date, end_date and days: a labelled period first, else the first range, else a
    single labelled date (a one-day event)."""
    hit = v.labelled(_PERIOD_LABEL, r".{4,40}")
    cands = []
    if hit:
        cands = [(r, hit[1]) for r in find_ranges(hit[0])]
    if not cands:
        cands = [(r, 0) for r in find_ranges(v.text, normalised=True)]
    out: list[ExtractedField] = []
    days_m = _DAYS_RE.search(v.text)
    if cands:
        r, base = cands[0]
        s, e = (hit[1], hit[2]) if hit and base else r.span
        fmt = (lambda d: d.isoformat()) if r.precision == "day" else (lambda d: d.strftime("%Y-%m"))
        out += [v.make("start_date", fmt(r.start), 0.85, s, e), v.make("end_date", fmt(r.end), 0.85, s, e)]
        if r.precision == "day" and not days_m:
            out.append(v.make("days", r.days, 0.8, s, e))
    elif hit and (ds := find_dates(hit[0])):
        d = ds[0]
        out += [v.make("start_date", d.iso, 0.7, hit[1], hit[2]), v.make("end_date", d.iso, 0.7, hit[1], hit[2])]
        if d.precision == "day" and not days_m:
            out.append(v.make("days", 1, 0.6, hit[1], hit[2]))
    if days_m and (n := cn_to_int(days_m.group(1))):
        out.append(v.make("days", n, 0.85, days_m.start(), days_m.end()))
    return out


def hours_stated(v: DocView, training: bool = True) -> ExtractedField | None:
    h = best_hours(v.text, training_context=training or None)
    if not h:
        return None
    value = int(h.value) if h.value.is_integer() else h.value
    return v.make("hours_stated", value, 0.9 if h.qualifier == "total" else 0.75, h.start, h.end)


def level(v: DocView, *context: ExtractedField | None) -> ExtractedField | None:
    """Level from the title/organizer fields given, else from the first lines."""
    for f in context:
        if f and (lv := level_of(f.value)):
            return ExtractedField(name="level", value=lv, confidence=0.7, page=f.page, bbox=f.bbox)
    lv = level_of(v.head(4))
    return v.make("level", lv, 0.5, line=v.lines[0]) if lv else None


def activity_fields(v: DocView, training: bool = True) -> list[ExtractedField]:
    """title, organizer, start/end dates, days, hours_stated, level (those present)."""
    t, o = title(v), organizer(v)
    fields = [f for f in (t, o) if f]
    fields += period(v)
    if (h := hours_stated(v, training)):
        fields.append(h)
    if (lv := level(v, t, o)):
        fields.append(lv)
    return fields
