"""Fields of a training, conference or service activity: title, organizer, start_date,
end_date, days, hours_stated, level. Shared by notices, certificates and proofs."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import ORG_SUFFIX, org_name, settle_org
from extractors._text.dates import DateRange, find_dates, find_ranges
from extractors._text.docnum import COUNTY_CITIES
from extractors._text.hours import best_hours
from extractors._text.numbers import NUM_RE, cn_to_int
from schemas.records import ExtractedField

EVENT = (r"(?:培训班|研修班|学习班|进修班|高研班|提高班|训练营|培训|研修|进修|学术年会|年会|学术会议|会议|论坛|"
         r"研讨会|交流会|讲座|沙龙|活动|义诊)")
_TITLE_LABEL = r"(?:培训|研修|会议|活动|班次|课程|学习|事项)(?:名称|主题|题目)|班\s*名|培训项目|项目名称"
_TITLE_LABELS = ("培训项目", "培训名称", "项目名称", "培训班名", "会议名称", "活动名称", "研修项目")
# Not the name of an activity: a reference to one named elsewhere (上述培训), or the kind of
# activity a heading names (参加服务基层活动证明).
_GENERIC_TITLE = re.compile(r"^(?:上述|上连|本次|该|此|以上|相关|有关|各类|各项)|"
                            r"^(?:服务基层|继续教育|专业技术人员|学术|培训|会议)(?:活动|培训|会议)?$|证明$")
_NOTICE_TITLE = re.compile(r"关于(?:举办|召开|开展|组织|参加|印发|做好)?(.{4,60}?)(?:的)?(?:预?通知|函)")
_CERT_TITLE = re.compile(rf"(?:参加|参与|出席)(?:了)?(?:由?[^，。,;；]{{2,40}}?(?:主办|举办|组织|承办)的)?"
                         rf"((?:(?!兹证明|证明|同志)[^，。,;；:：]){{2,60}}{EVENT})")
_ORGANIZER_LABEL = r"主办单位|主办方|主\s*办|承办单位|承\s*办|举办单位|组织单位|培训单位|培训机构|施教机构|举办方|组织方"
_ORGANIZER_PHRASE = re.compile(rf"(?:参加了?\s*由?|由)\s*([\u4e00-\u9fff()（）、]{{3,60}}?{ORG_SUFFIX})\s*(?:主办|举办|组织|承办|牵头)")
_PERIOD_LABEL = r"(?:培训|会议|活动|学习|研修|进修|服务|举办|起止|报到)?(?:时间|日期)"
_DAYS_RE = re.compile(rf"(?:共|为期|计|历时|合计|会期)\s*({NUM_RE})\s*(?:个)?(?:天|日)")
_OPEN, _CLOSE = "“\"《「", "”\"》」"
LEVEL_CUES = [
    ("national", re.compile(r"国家级|全国|中华|中国|国家|国际|部级|国务院")),
    ("provincial", re.compile(r"省级|全省|河南省|省[\u4e00-\u9fff]{0,8}(?:厅|委|学会|协会)|豫")),
    ("city", re.compile(r"市级|全市|[\u4e00-\u9fff]{2,3}市")),
    ("county", re.compile(r"县级|全县|[\u4e00-\u9fff]{1,3}(?<!社)(?<!园)(?<!城)(?<!小)(?<!景)(?<!山)[县区](?!域|级医院)")),
]


_AUDIENCE = re.compile(r"(全国|全省|全市|全县|全区)(?:范围内)?(?:各级|各地|相关|有关|广大)?[\u4e00-\u9fff]{0,8}?(?:专业技术人员|技术人员|医务人员|教师|会员|人员|从业人员)")
_AUDIENCE_LEVEL = {"全国": "national", "全省": "provincial", "全市": "city", "全县": "county", "全区": "county"}
COUNTY_CITY_RE = re.compile("(?:" + "|".join(COUNTY_CITIES) + ")市")


def level_of(text: str) -> str | None:
    """national / provincial / city / county from the words of a title or organiser
    (a county-level city such as 汝州市 is county level)."""
    text = COUNTY_CITY_RE.sub(lambda m: m.group(0)[:-1] + "县", text)  # 汝州市 → 汝州县
    for level, rx in LEVEL_CUES:
        if rx.search(text):
            return level
    return None


def _clean_title(text: str) -> str:
    """Trailing punctuation off; enclosing or unpaired outer quotes off (inner ones stay:
    '2023年职业院校“双师型”教师培训班')."""
    t = text.strip().rstrip("。，,；;")
    if len(t) > 2 and t[0] in _OPEN and t[-1] in _CLOSE and not re.search(f"[{_CLOSE}]", t[1:-1]):
        t = t[1:-1]
    if t and t[0] in _OPEN and not re.search(f"[{_CLOSE}]", t):
        t = t[1:]
    if t and t[-1] in _CLOSE and not re.search(f"[{_OPEN}]", t):
        t = t[:-1]
    return t


def title(v: DocView) -> ExtractedField | None:
    """A labelled name (培训项目：…), else a notice heading (关于举办…的通知), else the phrase
    参加…培训班 (sentences broken over lines are rejoined), else a heading line naming an
    event (河南省医学会2023年学术年会)."""
    hit = v.labelled(_TITLE_LABEL, r"[^\n]{2,80}")
    if hit and re.search(r"[:：]", v.text[max(0, hit[1] - 2):hit[1]]):
        return v.make("title", _clean_title(hit[0]), 0.85, hit[1], hit[2])
    m = _NOTICE_TITLE.search(v.head(8))
    if m:
        pos = max(v.text.find(m.group(1)[:6]), 0)
        return v.make("title", _clean_title(m.group(1)), 0.8, pos, pos + 6)
    if hit:
        return v.make("title", _clean_title(hit[0]), 0.75, hit[1], hit[2])
    for m in _CERT_TITLE.finditer(v.flat):
        name = re.sub(r"^[《“\"]([^》”\"]+)[》”\"](?=[\u4e00-\u9fff]{1,4}$)", r"\1", m.group(1))  # 《X》培训班 → X培训班
        if _GENERIC_TITLE.search(name):
            continue  # '参加服务基层活动证明' (a heading), '参加上述培训' (a reference)
        return v.make("title", _clean_title(name), 0.7, *v.from_flat(m.start(1), m.end(1)))
    if (hit := v.fuzzy_labelled(_TITLE_LABELS, r"[^\n]{4,80}")):  # '培测项目：…'
        return v.make("title", _clean_title(hit[0]), 0.55, hit[1], hit[2])
    for ln in v.lines[:6]:
        if re.fullmatch(rf"[\u4e00-\u9fff\d“”()（）]{{4,40}}{EVENT}", ln.text):
            return v.make("title", ln.text, 0.6, line=ln)
    return None


def organizer(v: DocView) -> ExtractedField | None:
    """A labelled organiser (主办单位：…), else the phrase 由X主办/参加X举办的; a name OCR
    damaged is settled against the document and the gazetteer (settle_org)."""
    hit = v.labelled(_ORGANIZER_LABEL, r"[^\n]{3,60}")
    if hit and (name := org_name(hit[0])):
        f = v.make("organizer", name, 0.85, hit[1], hit[1] + len(name))
        return settle_org(v, f, v.span_lines(hit[1], hit[2])[0])
    m = _ORGANIZER_PHRASE.search(v.flat)
    if m:
        s, e = v.from_flat(m.start(1), m.end(1))
        return settle_org(v, v.make("organizer", m.group(1), 0.75, s, e), v.span_lines(s, e)[0])
    return None


def doc_year(v: DocView) -> int | None:
    """The year a document is about, for dates written without one (5月8日至12日): the year
    its full dates, 'YYYY年' mentions and 文号 state most often (the latest on a tie)."""
    years = [d.value.year for d in find_dates(v.text, normalised=True) if d.has_year]
    years += [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|〕|\])", v.text)]
    return max(set(years), key=lambda y: (years.count(y), y)) if years else None


def _ranges(v: DocView, label: str) -> tuple[DateRange, tuple[int, int]] | None:
    """The first date range after `label`, else anywhere (with dates broken over lines
    rejoined); with its span in `text`. A range without a year takes the document's year."""
    year = doc_year(v)
    hit = v.labelled(label, r"[^\n]{4,60}")
    if hit and (rs := find_ranges(hit[0], default_year=year)):
        return rs[0], (hit[1], hit[2])
    if (rs := find_ranges(v.text, default_year=year, normalised=True)):
        return rs[0], rs[0].span
    if (rs := find_ranges(v.flat, default_year=year, normalised=True)):
        return rs[0], v.from_flat(*rs[0].span)
    return None


def period(v: DocView, label: str = _PERIOD_LABEL) -> list[ExtractedField]:
    """start_date, end_date and days: a labelled period first, else the first range, else a
    single labelled date (a one-day event). Month-precision ranges give 'YYYY-MM'."""
    found = _ranges(v, label)
    out: list[ExtractedField] = []
    days_m = _DAYS_RE.search(v.text)
    if found:
        r, (s, e) = found
        fmt = (lambda d: d.isoformat()) if r.precision == "day" else (lambda d: d.strftime("%Y-%m"))
        out += [v.make("start_date", fmt(r.start), 0.85, s, e), v.make("end_date", fmt(r.end), 0.85, s, e)]
        if r.precision == "day" and not days_m:
            out.append(v.make("days", r.days, 0.8, s, e))
    elif (hit := v.labelled(label, r"[^\n]{4,40}")) and (ds := find_dates(hit[0])):
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
    return v.make("hours_stated", h.value, 0.9 if h.qualifier == "total" else 0.75, h.start, h.end)


def level(v: DocView, *context: ExtractedField | None) -> ExtractedField | None:
    """Level from the title/organizer fields given, else from whom the activity is for
    (参加对象：全省相关专业技术人员 → provincial), else from the first lines."""
    for f in context:
        if f and (lv := level_of(f.value)):
            return ExtractedField(name="level", value=lv, confidence=0.7, page=f.page, bbox=f.bbox)
    hit = v.labelled(r"(?:参加|参训|培训|参会)对象|招生对象", r"[^\n]{2,40}")
    for text, start, conf in ([(hit[0], hit[1], 0.65)] if hit else []) + [(v.flat, None, 0.55)]:
        if (m := _AUDIENCE.search(text)):  # whom it is for: 全省相关专业技术人员 → provincial
            s = start if start is not None else v.from_flat(m.start(), m.end())[0]
            return v.make("level", _AUDIENCE_LEVEL[m.group(1)], conf, s, s + len(m.group(0)))
    lv = level_of(v.head(4))
    return v.make("level", lv, 0.5, line=v.lines[0]) if lv else None


def activity_fields(v: DocView, training: bool = True, issuer: ExtractedField | None = None) -> list[ExtractedField]:
    """title, organizer, start/end dates, days, hours_stated, level (those present). The
    `issuer` (the document's organization) stands in as organizer when none is named."""
    t, o = title(v), organizer(v)
    if o is None and issuer is not None:
        o = issuer.model_copy(update={"name": "organizer", "confidence": round(issuer.confidence * 0.8, 3)})
    fields = [f for f in (t, o) if f]
    fields += period(v)
    if (h := hours_stated(v, training)):
        fields.append(h)
    if (lv := level(v, o, t)):  # who runs it before the words of its name (县域医共体 is a topic)
        fields.append(lv)
    return fields
