"""Fields of a training, conference or service activity: title, organizer, start_date,
end_date, days, hours_stated, level. Shared by notices, certificates and proofs.

Birth dates and resident IDs lend no year to an activity's dates (`unborn`); a notice is signed
before its attachments (`main_part`, `signed_before_annex`)."""

from __future__ import annotations

import bisect
import re

from extractors._base import DocView
from extractors._common import ORG_SUFFIX, common_fields, org_name, settle_org
from extractors._text.dates import DateRange, find_dates, find_ranges, find_year_ranges
from extractors._text.docnum import COUNTY_CITIES
from extractors._text.hours import best_hours, credit_hours
from extractors._text.normalize import norm
from extractors._text.numbers import NUM_RE, cn_to_int
from schemas.document import DocumentText
from schemas.records import ExtractedField

EVENT = (r"(?:培训班|研修班|研讨班|培训会|报告会|工作坊|学习班|进修班|高研班|提高班|训练营|培训|研修|进修|学术年会|年会|学术会议|会议|论坛|"
         r"研讨会|交流会|讲座|沙龙|活动|义诊)")
_TITLE_LABEL = (r"(?:培训|研修|进修|学习)?班\s*(?:名称|名)|(?:培训|研修|会议|活动|班次|课程|学习|事项|服务)"
                r"(?:名称|主题|题目)|培训项目|项目名称|参加项目|(?m:^)事\s*由")
_TITLE_LABELS = ("培训项目", "培训名称", "项目名称", "培训班名", "会议名称", "活动名称", "研修项目")
# Not the name of an activity: a reference to one named elsewhere (上述培训), or the kind of
# activity a heading names (参加服务基层活动证明).
_GENERIC_TITLE = re.compile(r"^(?:上述|上连|本次|该|此|以上|相关|有关|各类|各项)|"
                            r"^(?:服务基层|继续教育|专业技术人员|学术|培训|会议)(?:活动|培训|会议)?$|证明$")
_NOTICE_TITLE = re.compile(r"关于(?:举办|召开|开展|开办|组织|参加|印发|做好|举行|启动)*(.{4,60}?)(?:的)?(?:预?通知|函)")
_CERT_TITLE = re.compile(rf"(?:参加|参与|出席)(?:了)?(?:由?[^，。,;；]{{2,40}}?(?:主办|举办|组织开展|组织|承办|召开|开展)的)?"
                         rf"((?:(?!兹证明|证明|同志)[^，。,;；:：]){{2,60}}{EVENT})")
# '随XX组织的“三下乡”科技服务基层活动服务队…': the activity an organisation held, named after 的.
_ORG_HELD = re.compile(rf"(?:组织开展|组织|主办|举办|开展|召开|承办)的\s*((?:(?!的)[^，。,;；:：\n]){{2,40}}?{EVENT}+)")
# A form headed by the activity: '专家服务基层行活动专家下乡服务登记表' → 专家服务基层行活动.
_FORM_HEAD = re.compile(rf"^([\u4e00-\u9fff\d“”\"《》]{{4,40}}?{EVENT}+)[\u4e00-\u9fff]{{0,8}}?(?:登记表|确认单|确认表|情况表|统计表|记录表)$")
_HOLD_TITLE = re.compile(r"(?:举办|召开|举行|开办)(?!时间|地点)((?:(?!举办|召开|举行)[^，。,;；:：\d]){2,40}?(?:\d{4}年)?[^，。,;；:：]{0,30}?"
                         r"(?:学术年会|年会|学术会议|论坛|研讨会|交流会|大会|培训班|研修班|学习班|高研班))")
_ORGANIZER_LABEL = r"主办单位|主办方|主\s*办|承办单位|承\s*办|举办单位|组织单位|培训单位|培训机构|施教机构|举办方|组织方"
_ORGANIZER_PHRASE = re.compile(rf"(?:参加了?\s*由?|由)\s*([\u4e00-\u9fff()（）、]{{3,60}}?{ORG_SUFFIX})\s*(?:主办|举办|组织|承办|牵头)")
_PERIOD_LABEL = (r"(?:培训|会议|活动|学习|研修|进修|服务|举办|参训|参会|考核|实习|学习培训|培训起止|活动起止)?(?:时间|日期|期间)|"
                 r"起止(?:时间|日期|年月)?|起讫(?:时间|日期)?")
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
    # a name quoted after what it is ('…教育项目“心血管疾病新进展研讨班', its closing quote cut
    # off): the quoted name
    if (i := max(t.rfind(c) for c in _OPEN)) > 0 and len(t) - i > 4 and not re.search(f"[{_CLOSE}]", t[i:]):
        t = t[i + 1:]
    return t


# A notice headed by the activity's name and what the notice does, without 关于…的:
# '2023年…培训班开班通知', '…研修班招生简章', '…学术年会第一轮通知'.
_HEAD_NOTICE = re.compile(rf"^([\u4e00-\u9fff\dA-Za-z“”\"《》()（）·\-]{{4,50}}?{EVENT})[的之]?"
                          r"(?:开班|开课|开学|报名|招生|招募|举办|召开|第[一二三四\d]轮|预|正式)?(?:通知|公告|简章|启事)$")


def _heading_notice(v: DocView) -> ExtractedField | None:
    """The activity named by a heading line (or two lines of a wrapped heading) among the
    first lines: '2023年…培训班开班通知' → 2023年…培训班."""
    def joinable(i: int) -> bool:  # a wrapped heading's first part: no organisation, no notice word
        t = v.lines[i].text
        return not re.search(r"(?:通知|公告|简章|启事|[:：])$", t) and org_name(t) != t

    for i in range(min(8, len(v.lines))):
        tries = ([(i - 1, v.lines[i - 1].text + v.lines[i].text)] if i and joinable(i - 1) else []) + [(i, v.lines[i].text)]
        for j, text in tries:
            if (m := _HEAD_NOTICE.match(text)) and not _GENERIC_TITLE.search(m.group(1)):
                return v.make("title", _clean_title(m.group(1)), 0.7, v.starts[j], v.starts[j] + len(m.group(1)))
    return None


def title(v: DocView) -> ExtractedField | None:
    """A labelled name (培训项目：…), else a notice heading (关于举办…的通知), else the phrase
    参加…培训班 (sentences broken over lines are rejoined), else a heading line naming an
    event (河南省医学会2023年学术年会)."""
    hit = v.labelled(_TITLE_LABEL, r"[^\n]{2,80}")
    if hit and re.search(r"[:：]", v.text[max(0, hit[1] - 2):hit[1]]):
        return v.make("title", _clean_title(hit[0]), 0.85, hit[1], hit[2])
    m = _NOTICE_TITLE.search(v.head(8))
    if m:
        name = re.sub(r"^[\u4e00-\u9fff]{1,8}?(?:参加|参与|开展|举办)(?=(?:19|20)\d{2}|[“\"《])", "", m.group(1))  # '专家参加2023年…活动'
        pos = max(v.text.find(name[:6]), 0)
        return v.make("title", _clean_title(name), 0.8, pos, pos + 6)
    if hit:
        return v.make("title", _clean_title(hit[0]), 0.75, hit[1], hit[2])
    if (head := _heading_notice(v)):
        return head
    for m in _CERT_TITLE.finditer(v.flat):
        name = re.sub(r"^[《“\"]([^》”\"]+)[》”\"](?=[\u4e00-\u9fff]{1,4}$)", r"\1", m.group(1))  # 《X》培训班 → X培训班
        if _GENERIC_TITLE.search(name):
            continue  # '参加服务基层活动证明' (a heading), '参加上述培训' (a reference)
        return v.make("title", _clean_title(name), 0.7, *v.from_flat(m.start(1), m.end(1)))
    if (hit := v.fuzzy_labelled(_TITLE_LABELS, r"[^\n]{4,80}")):  # '培测项目：…'
        return v.make("title", _clean_title(hit[0]), 0.55, hit[1], hit[2])
    for m in _ORG_HELD.finditer(v.flat):
        if not _GENERIC_TITLE.search(m.group(1)):
            return v.make("title", _clean_title(m.group(1)), 0.55, *v.from_flat(m.start(1), m.end(1)))
    for m in _HOLD_TITLE.finditer(v.flat):  # '…定于…在郑州举办河南省医学会…2023年学术年会'
        if not _GENERIC_TITLE.search(m.group(1)):
            return v.make("title", _clean_title(m.group(1)), 0.6, *v.from_flat(m.start(1), m.end(1)))
    for ln in v.lines[:4]:
        if (m := _FORM_HEAD.match(ln.text)) and not _GENERIC_TITLE.search(m.group(1)):
            return v.make("title", _clean_title(m.group(1)), 0.55, v.starts[v.lines.index(ln)],
                          v.starts[v.lines.index(ln)] + len(m.group(1)))
    for ln in v.lines[:6]:
        if re.fullmatch(rf"[\u4e00-\u9fff\d“”()（）]{{4,40}}{EVENT}", ln.text):
            return v.make("title", ln.text, 0.6, line=ln)
    return None


def organizer(v: DocView) -> ExtractedField | None:
    """A labelled organiser (主办单位：…), else the phrase 由X主办/参加X举办的; a name OCR
    damaged is settled against the document and the gazetteer (settle_org)."""
    hit = v.labelled(_ORGANIZER_LABEL, r"[^\n]{3,60}")
    if hit and (name := org_name(hit[0])):
        # a table row read as one line under its header ('鲁山县王庄等乡镇 农房…培训 新乡市住建局'):
        # the one cell that is an organisation's name
        cells = [c for c in (norm(t) for t in v.raw_slice(hit[1], hit[2]).split()) if org_name(c) == c]
        if len(v.raw_slice(hit[1], hit[2]).split()) > 1 and len(cells) == 1:
            name = cells[0]
            start = v.text.find(name, hit[1])
            hit = (hit[0], start if start >= 0 else hit[1], hit[2])
        f = v.make("organizer", name, 0.85, hit[1], hit[1] + len(name))
        return settle_org(v, f, v.span_lines(hit[1], hit[2])[0])
    m = _ORGANIZER_PHRASE.search(v.flat)
    if m:
        s, e = v.from_flat(m.start(1), m.end(1))
        return settle_org(v, v.make("organizer", m.group(1), 0.75, s, e), v.span_lines(s, e)[0])
    return None


# A birth date (1970年6月出生, 出生年月：1985.03) or a resident ID holds a year the activity is
# never in: it must not lend its year to dates written without one.
_BIRTH_BEFORE = re.compile(r"(?:出生(?:日期|年月|时间)?|生于|生日)\s*[:：]?\s*$")
_BIRTH_AFTER = re.compile(r"^\s*(?:出生|生人|生)")
_ID_RUN = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


def _births(text: str) -> list[tuple[int, int]]:
    """Spans of the birth dates and resident IDs in `text` (see _BIRTH_BEFORE)."""
    out = [m.span() for m in _ID_RUN.finditer(text)]
    for d in find_dates(text, normalised=True):
        if d.has_year and (_BIRTH_BEFORE.search(text[max(0, d.start - 8):d.start]) or _BIRTH_AFTER.match(text[d.end:d.end + 3])):
            out.append((d.start, d.end))
    return out


def unborn(text: str) -> str:
    """`text` with birth dates and resident IDs blanked (same length): a date without its
    year after '1970年6月出生' is not in 1970."""
    for a, b in _births(text):
        text = text[:a] + "#" * (b - a) + text[b:]
    return text


def doc_years(v: DocView) -> list[int]:
    """Every year the document states: full dates, 'YYYY年' mentions and 文号 (with repeats);
    not birth dates (…出生, 出生年月：…) nor the dates inside a resident ID."""
    text = unborn(v.text)
    years = [d.value.year for d in find_dates(text, normalised=True) if d.has_year]
    # a year alone (2023年度, 〔2023〕), not one starting a full date already counted
    return years + [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})\s*(?:年度?(?!\s*\d)|〕|\])", text)]


def doc_year(v: DocView) -> int | None:
    """The year a document is about, for dates written without one (5月8日至12日): the year
    its full dates, 'YYYY年' mentions and 文号 state most often (the latest on a tie)."""
    years = doc_years(v)
    return max(set(years), key=lambda y: (years.count(y), y)) if years else None


_START_LABEL = r"(?:开始|起始|开展|立项|开工|启动)(?:时间|日期)|起始年月|起\s*日"
_END_LABEL = r"(?:结束|截止|完成|结题|结项|终止|竣工)(?:时间|日期)|截止年月|止\s*日"


def find_period(v: DocView, label: str, max_days: int = 3660, whole_years: bool = False,
                anywhere: bool = True) -> tuple[DateRange, tuple[int, int], float] | None:
    """(range, span in `text`, confidence) of the period a document states: the first
    labelled value holding a range (a label whose value is no range, such as '报到时间：…',
    is passed over), else a start and an end under labels of their own (开始时间 / 结束时间),
    else (`anywhere`) the first range in the text (with dates broken over lines rejoined).
    A range without a year takes the document's year; an end's year OCR misread under a
    seal is repaired against the document's other years when the range is impossible as
    read (see find_ranges). `whole_years` also accepts '2023—2025年'."""
    year, years = doc_year(v), doc_years(v)

    def ranges(text: str, normalised: bool = False) -> list[DateRange]:
        text = unborn(text)
        rs = find_ranges(text, default_year=year, normalised=normalised, years=years, max_days=max_days)
        return rs or (find_year_ranges(text, normalised=normalised) if whole_years else [])

    for hit in v.labelled_all(label, r"[^\n]{4,60}"):
        # the value and what follows it: a date the line breaks ('…至二〇二三年十一月' +
        # '二十四日止') is read whole
        fs = bisect.bisect_left(v.flat_index, hit[1])
        if (rs := [r for r in ranges(v.flat[fs:fs + len(hit[0]) + 24], normalised=True) if r.span[0] < len(hit[0])]):
            return rs[0], (hit[1], hit[2]), 0.85
    a, b = v.labelled(_START_LABEL, r"[^\n]{4,30}"), v.labelled(_END_LABEL, r"[^\n]{4,30}")
    da, db = (find_dates(a[0], default_year=year) if a else []), (find_dates(b[0], default_year=year) if b else [])
    if da and db and da[0].value <= db[0].last:
        r = DateRange(da[0].value, db[0].last, (0, 0), "day" if "month" not in (da[0].precision, db[0].precision) else "month")
        return r, (a[1], b[2]), 0.8
    if not anywhere:
        return None
    in_text, in_flat = ranges(v.text, normalised=True), ranges(v.flat, normalised=True)
    if in_flat and (not in_text or (v.from_flat(*in_flat[0].span)[0] <= in_text[0].span[0]
                                    and in_flat[0].precision == "day" != in_text[0].precision)):
        # a date broken over lines ('…至二〇二三年十一月' + '二十四日止') reads whole only rejoined
        return in_flat[0], v.from_flat(*in_flat[0].span), 0.75
    if in_text:
        return in_text[0], in_text[0].span, 0.8
    return None


# Days listed one by one ('分别于2023年5月20日、6月17日、7月15日'): the first to the last.
_DAY_LIST = re.compile(r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:\s*[、,，和及]\s*(?:(?:19|20)\d{2}\s*年\s*)?"
                       r"(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])+")


# A one-day activity a letter or proof states in a sentence, in any date form: after 于/在/是
# ('于2023年6月9日下午在…开展义诊'), at a sentence's or a subject's head ('2023年6月9日上午，…作报告',
# '张三同志2023年6月9日参加了…') — an activity verb must follow within the clause, and not a
# deadline ('于…前报送') —, or the day an appointment runs from ('聘期自2023年6月9日起').
_DAY_LEAD = re.compile(r"(?:于|在|是|同志|先生|女士|老师)\s*$")
_TIME_OF_DAY = (r"(?:\s*(?:上午|下午|晚上|早上|中午|全天|[(（](?:星期|周)[一二三四五六日天][)）]|"
                r"\d{1,2}\s*[:：]\s*\d{2}(?:\s*[-—~至]\s*\d{1,2}\s*[:：]\s*\d{2})?))*")
_ACT_VERB = (r"应邀|受邀|参加|参与|担任|出席|主讲|讲授|授课|作|做|为|在|赴|到|前往|开展|举办|召开|组织|进行|深入|"
             r"完成|承担|指导|带教|义诊|评审")
_DAY_ACTED = re.compile(rf"{_TIME_OF_DAY}\s*[,，]?(?!\s*(?:前|以前|之前|止|截止|至|到\s*(?:19|20)?\d))"
                        rf"(?=[^。；;!！]{{0,16}}?(?:{_ACT_VERB}))")


def _one_day(v: DocView):
    """(date, span in `text`) of the first one-day activity (or an appointment's first day) a
    sentence states (see _DAY_LEAD, _DAY_ACTED)."""
    for d in find_dates(v.flat, normalised=True):
        if d.precision != "day" or not d.has_year:
            continue
        before, after = v.flat[:d.start], v.flat[d.end:]
        since = before.rstrip().endswith("自") and after.lstrip().startswith("起")
        headed = bool(_DAY_LEAD.search(before)) or not before or before[-1] in "。；;！!" or _line_start(v, d.start)
        if since or (headed and _DAY_ACTED.match(after)):
            return d, v.from_flat(d.start, d.end)
    return None


def one_day(v: DocView) -> ExtractedField | None:
    """start_date of a one-day activity stated in a sentence (_one_day)."""
    return v.make("start_date", hit[0].iso, 0.55, *hit[1]) if (hit := _one_day(v)) else None


def _line_start(v: DocView, i: int) -> bool:
    """flat[i] begins a line of the text."""
    at = v.flat_index[i]
    return at == 0 or v.text[at - 1] == "\n"


def _listed_days(v: DocView) -> tuple[list, tuple[int, int]] | None:
    year = doc_year(v)
    for m in _DAY_LIST.finditer(v.flat):
        ds = find_dates(m.group(0), default_year=year, normalised=True)
        ds = [d for d in ds if d.precision == "day"]
        if len(ds) >= 2:
            return ds, v.from_flat(m.start(), m.end())
    if (hit := _one_day(v)):
        return [hit[0]], hit[1]
    return None


def period(v: DocView, label: str = _PERIOD_LABEL, max_days: int = 3660) -> list[ExtractedField]:
    """start_date, end_date and days: a period (find_period), else a single labelled date
    (a one-day event), else days listed one by one or a one-day activity in a sentence.
    A range of months runs from the first of its first month to the last of its last."""
    found = find_period(v, label, max_days)
    out: list[ExtractedField] = []
    days_m = _DAYS_RE.search(v.text)
    if found:
        r, (s, e), conf = found
        out += [v.make("start_date", r.start.isoformat(), conf, s, e), v.make("end_date", r.end.isoformat(), conf, s, e)]
        if r.precision == "day" and not days_m:
            out.append(v.make("days", r.days, conf - 0.05, s, e))
    elif (hit := v.labelled(label, r"[^\n]{4,40}")) and (ds := find_dates(hit[0])):
        d = ds[0]
        out += [v.make("start_date", d.value.isoformat(), 0.7, hit[1], hit[2]),
                v.make("end_date", d.last.isoformat(), 0.7, hit[1], hit[2])]
        if d.precision == "day" and not days_m:
            out.append(v.make("days", 1, 0.6, hit[1], hit[2]))
    elif (listed := _listed_days(v)):
        ds, (s, e) = listed
        out += [v.make("start_date", min(d.value for d in ds).isoformat(), 0.6, s, e),
                v.make("end_date", max(d.value for d in ds).isoformat(), 0.6, s, e)]
        if not days_m:
            out.append(v.make("days", len(ds), 0.55, s, e))
    if days_m and (n := cn_to_int(days_m.group(1))):
        out.append(v.make("days", n, 0.85, days_m.start(), days_m.end()))
    return out


_HOURS_LABEL = r"(?:认定|获得|授予|折合|折算|培训|总|实修|完成|继续教育|所获)?(?:学时|课时)(?:数)?"


def hours_stated(v: DocView, training: bool = True) -> ExtractedField | None:
    """The hours awarded (hours.best_hours), else credits times a stated rate (hours.credit_hours:
    '5学分' + '1学分折合6学时'), else a number in the cell beside or below a hours label
    (获得学时 | 16)."""
    h = best_hours(v.text, training_context=training or None) or credit_hours(v.text)
    if h:
        return v.make("hours_stated", h.value, 0.9 if h.qualifier == "total" else 0.75, h.start, h.end)
    if (column := _hours_column(v)) is not None:
        return column or None  # a table's 学时 column: its one figure or its total, else none
    hit = v.labelled(_HOURS_LABEL, r"(?:共|计|共计)?\s*(\d{1,3}(?:\.\d)?)\s*(?:个)?\s*(?:学时|课时|小时)?$")
    if hit and 0 < float(hit[0]) <= 500:
        return v.make("hours_stated", float(hit[0]), 0.75, hit[1], hit[2])
    return None


_HOURS_HEADER = re.compile(rf"^{_HOURS_LABEL}(?:[(（](?:学时|课时)[)）])?$")


def _hours_column(v: DocView) -> ExtractedField | bool | None:
    """The hours in a table's 学时 column ('培训项目 | 培训时间 | 学时数' over rows of
    values): the one row's figure, or the 合计 row's when the table lists several; False
    for several rows without a total (no figure is the total); None without such a table."""
    from extractors._table import table_rows  # noqa: PLC0415 - _table imports _base only

    def is_header(cells: list[str]) -> bool:
        return len(cells) >= 2 and any(_HOURS_HEADER.match(re.sub(r"\s", "", c or "")) for c in cells) \
            and not any(re.search(r"\d", c or "") for c in cells)  # '获得学时 | 16' is a form row

    rows = table_rows(v, is_header)
    head = next((i for i, r in enumerate(rows) if is_header(r)), None)
    if head is None:
        return None
    col = next(k for k, c in enumerate(rows[head]) if _HOURS_HEADER.match(re.sub(r"\s", "", c or "")))
    values: list[tuple[float, bool]] = []
    for r in rows[head + 1:]:
        m = re.fullmatch(r"\s*(\d{1,3}(?:\.\d)?)\s*(?:学时|课时)?\s*", r[col] or "") if col < len(r) else None
        if not m or not 0 < float(m.group(1)) <= 500:
            break
        values.append((float(m.group(1)), bool(re.search(r"合\s*计|总\s*计", "".join(c or "" for c in r[:col])))))
    if not values:
        return None
    total = [h for h, is_total in values if is_total]
    value = total[0] if total else values[0][0] if len(values) == 1 else None
    if value is None:
        return False
    pos = max(v.text.find(rows[head][col]), 0)
    return v.make("hours_stated", value, 0.7, pos, pos + len(rows[head][col]))


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


def activity_fields(v: DocView, training: bool = True, issuer: ExtractedField | None = None,
                    max_days: int = 400) -> list[ExtractedField]:
    """title, organizer, start/end dates, days, hours_stated, level (those present). The
    `issuer` (the document's organization) stands in as organizer when none is named. An
    activity lasts at most `max_days` (a longer range is a misread year, see find_period)."""
    t, o = title(v), organizer(v)
    if o is None and issuer is not None:
        o = issuer.model_copy(update={"name": "organizer", "confidence": round(issuer.confidence * 0.8, 3)})
    fields = [f for f in (t, o) if f]
    fields += period(v, max_days=max_days)
    if (h := hours_stated(v, training)):
        fields.append(h)
    if (lv := level(v, o, t)):  # who runs it before the words of its name (县域医共体 is a topic)
        fields.append(lv)
    return fields


# An attachment's own heading, standing alone on its line (附件 / 附件2 / 附件：), after the
# body: a notice is signed and dated before its attachments (schedules, reply slips, service
# timetables), whose dates and units are not the issuer's.
_ANNEX_HEAD = re.compile(r"^附\s*件\s*[\d一二三四五六七八九]{0,2}\s*[:：]?$")


def main_part(doc: DocumentText) -> DocumentText | None:
    """The document up to its first attachment heading in the latter two thirds of its
    lines; None when it has none."""
    flat = [(pi, li, ln) for pi, page in enumerate(doc.pages) for li, ln in enumerate(page.lines)]
    for k, (pi, li, ln) in enumerate(flat):
        if k >= len(flat) / 3 and _ANNEX_HEAD.match(ln.text.strip()):
            pages = [p for p in doc.pages[:pi]] + [doc.pages[pi].model_copy(update={"lines": doc.pages[pi].lines[:li]})]
            return doc.model_copy(update={"pages": [p for p in pages if p.lines]})
    return None


def signed_before_annex(doc: DocumentText, fields: list[ExtractedField], official: bool = False) -> list[ExtractedField]:
    """`fields` with organization and issue_date read from the part before the attachments
    (main_part), when the document has attachments: none when that part shows none (a date
    under the seal lost), rather than one of the attachment's."""
    main = main_part(doc)
    if main is None:
        return fields
    redo = {f.name: f for f in common_fields(DocView(main), ("organization", "issue_date"), official=official)}
    out = [redo.get(f.name, f) for f in fields if f.name not in ("organization", "issue_date") or f.name in redo]
    return out + [f for n, f in redo.items() if not any(g.name == n for g in fields)]
