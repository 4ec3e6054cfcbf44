"""资格证书 (qualification certificate): qualification_name, qualification_level
(senior/intermediate/junior/practising), pass_date, person_name, id_number,
certificate_number (证书编号/管理号), organization, issue_date, has_seal.

Certificates, electronic certificates, score/pass proofs and web query printouts: values
follow their labels on a line ('资格名称：…'), in the box beside them, or, in a query
result's column table (姓名 | 证件号码 | 资格名称 | 级别 | 批准日期 | 管理号), in the row
under the header (DocView.neighbour). A bare level under 级别 ('中级') is the level, never
the name; a name a cell wrapped inside its brackets is rejoined."""

from __future__ import annotations

import re
from datetime import date

from extractors._base import DocView
from extractors._common import common_fields, issue_date, split_form_rows
from extractors._text.dates import find_dates, loose_date
from extractors._text.names import trim_name
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "certificate_number", "organization", "issue_date", "has_seal")
# Tried in this order; a bare 专业 only as a form label at a line start ('专业技术人员职业资格
# 证书' is a heading).
_NAME_LABELS = (r"职业资格名称|资格名称|证书名称|资格证书名称", r"职称名称|资格类别|评审资格",
                r"报考专业|申报专业|考试专业|报考资格|申报资格|考试名称(?=\s*[:：]\s*[\u4e00-\u9fff]{2,12}(?:师|员|士)$)",
                r"专业名称", r"职业\s*[(（]\s*工种\s*[)）]", r"资格级别|级\s*别", r"(?m:^)专\s*业(?=\s*[:：])")
# Labels of the subject a qualification is in, its name only when no sentence names it.
_SUBJECT_LABELS = (_NAME_LABELS[3], _NAME_LABELS[6])
# A bare level ('中级') is the level, not the qualification's name.
_BARE_LEVEL = re.compile(r"^(?:正高级|副高级|高级|中级|初级|助理级|员级|士级|执业|一级|二级|三级|[一二三四五]级)$")
_NAME_PHRASE = re.compile(r"(?:取得|具备|具有|获得|授予)\s*(?:了)?\s*([\u4e00-\u9fff()（）]{2,20}?)\s*(?:专业技术)?(?:职业)?(?:资格|职称|执业证书)")
QUAL_LEVELS = [
    ("practising", re.compile(r"执业|职业资格|注册|从业资格|职业水平|职业技能")),
    ("senior", re.compile(r"高级|正高|副高|主任(?:医|药|护|技)师|教授|研究员")),
    ("intermediate", re.compile(r"中级|主治|主管|工程师|讲师|会计师|经济师|统计师|审计师|一级教师")),
    ("junior", re.compile(r"初级|助理|技术员|医士|护士|药士|技士|会计员|二级教师|三级教师")),
]
_PASS_LABEL = (r"考试时间|考试日期|考试年度|考试年份|合格日期|通过年度|资格取得日期|通过时间|通过日期|取得时间|取得日期|取得资格时间|取得资格日期|批准日期|批准时间|"
               r"资格取得时间|评审通过时间|合格时间|认定时间|认定日期|授予时间|审批日期|审批时间|生效日期|"
               r"获得资格(?:时间|日期)|资格获得(?:时间|日期)|核准(?:日期|时间)|授予日期|审定通过(?:时间|日期)|"
               r"通过评审(?:时间|日期)|取得年月|资格取得年月")


# The issue date of a certificate that states no pass date: the day the qualification was granted.
_ISSUED_LABEL = r"签发日期|签发时间|发证日期|发证时间|颁发日期|颁证日期|制证日期"
# A date cell whose last separator OCR read as a space ('2023-09 09'): a whole value only.
_CELL_DATE = re.compile(r"^((?:19|20)\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]?\s+(\d{1,2})\s*日?$")
# Labels of the day a qualification was obtained that _PASS_LABEL does not list: 职称 review and
# recognition (任职资格取得时间, 评审时间, 认定日期), skill assessment (考核/鉴定日期), the day
# beside a 批准文号, bilingual cards ('Date of Approval'); 'yyyy年度' alone under one is a year.
_MORE_PASS_LABEL = (r"任职资格取得(?:时间|日期)|评审(?:时间|日期)|认定日期|资格认定(?:时间|日期)|(?:考核|鉴定|考评)(?:合格)?(?:日期|时间)|"
                    r"考试合格日期|考试通过(?:时间|日期)|评定(?:时间|日期)|审批通过(?:时间|日期)|批准文号|批准文件|"
                    r"(?:取|获)证(?:日期|时间|年月)|(?:资格)?审定(?:日期|时间)|资格取得日(?!期)|取得资格年月|"
                    r"获(?:取|得)(?:日期|时间)|(?:任职|具备)?资格(?:日期|时间)|生效时间|"
                    r"(?i:date\s*of\s*approval|approval\s*date|date\s*qualified|date\s*of\s*qualification)")
_ALL_PASS = f"{_PASS_LABEL}|{_MORE_PASS_LABEL}"
# A day in a sentence that grants the qualification: '于2023年7月11日取得…资格', '于…经…评审通过',
# '自…起具有…资格', '…评审通过，于…'.
_PASS_VERB_AFTER = re.compile(r"^\s*(?:起|经|通过|取得|获得|具备|具有|被|由|评审|审定|认定|批准|考试|考核|成绩)")
_PASS_VERB_BEFORE = re.compile(r"(?:评审通过|审核通过|审定通过|考试合格|考核合格|成绩合格|批准|认定|审核)[^。；;]{0,12}(?:于|自|在)\s*$")
_NOT_PASS_BEFORE = re.compile(r"(?:出生|生于|签发|发证|印发|打印|查询|有效期|截止|至)[^。，,；]{0,6}$")
# The day of the exam or review the holder passed, in one sentence with it: '于2023年5月20日参加
# 全国…资格考试，成绩合格', '参加2023年5月20日举行的…考试，成绩合格', '于…在…考试中成绩合格';
# English cards: 'passed the examination on 9 September 2023'.
_SAT_AFTER = re.compile(r"^\s*(?:参加|在|举行|举办|组织|进行|的)")
_SAT_SENTENCE = re.compile(r"(?:考试|评审|考核|鉴定|测试|答辩)[^。；;]{0,30}(?:合格|通过|及格)")
_SAT_BEFORE = re.compile(r"参加\s*$")
_EN_PASS_BEFORE = re.compile(r"(?i:passed|qualified|approved|certified)[^.;]{0,60}?\bon\s*(?:the\s*)?$")
_NOT_SAT_AFTER = re.compile(r"^\s*(?:颁发|签发|发放|印发|发证|制证|打印|前)")


def _row_boxes(v: DocView, idx: int) -> list[int]:
    """Boxes to the right of line `idx` on its row, nearest first."""
    lab = v.lines[idx]
    h = max(lab.bbox.y1 - lab.bbox.y0, 1.0)
    yc = (lab.bbox.y0 + lab.bbox.y1) / 2
    return sorted((j for j, ln in enumerate(v.lines) if j != idx and ln.page == lab.page
                   and ln.bbox.x0 >= lab.bbox.x1 - 0.5 * h and abs((ln.bbox.y0 + ln.bbox.y1) / 2 - yc) < 0.6 * h),
                  key=lambda j: v.lines[j].bbox.x0)


def _wrapped_cell(v: DocView, idx: int) -> list[int]:
    """The lines of a value cell that wrapped around its label's row (the text layer reads
    '许职改〔2023〕16号（2023年' above the label and '8月14日）' below it): boxes right of the
    label within a line height above and below it, in one column, top to bottom; only when
    one of them starts above the label and one ends below it."""
    lab = v.lines[idx]
    h = max(lab.bbox.y1 - lab.bbox.y0, 1.0)
    near = [j for j, ln in enumerate(v.lines) if j != idx and ln.page == lab.page
            and lab.bbox.x1 - 0.5 * h <= ln.bbox.x0 <= lab.bbox.x1 + 6 * h
            and lab.bbox.y0 - 1.2 * h <= ln.bbox.y0 and ln.bbox.y1 <= lab.bbox.y1 + 1.2 * h]
    if not near:
        return []
    x0 = min(v.lines[j].bbox.x0 for j in near)
    col = sorted((j for j in near if v.lines[j].bbox.x0 <= x0 + 2 * h), key=lambda j: v.lines[j].bbox.y0)
    above = v.lines[col[0]].bbox.y0 < lab.bbox.y0 - 0.3 * h
    below = v.lines[col[-1]].bbox.y1 > lab.bbox.y1 + 0.3 * h
    return col if len(col) >= 2 and above and below else []


def _below_boxes(v: DocView, idx: int) -> list[int]:
    """Boxes under line `idx` within four line heights, starting under it (a value under its
    label, or under the label's English line), nearest first."""
    lab = v.lines[idx]
    h = max(lab.bbox.y1 - lab.bbox.y0, 1.0)
    out = [j for j, ln in enumerate(v.lines) if j != idx and ln.page == lab.page
           and lab.bbox.y1 - 0.3 * h <= ln.bbox.y0 <= lab.bbox.y1 + 4 * h
           and min(ln.bbox.x1, lab.bbox.x1 + 2 * h) - max(ln.bbox.x0, lab.bbox.x0 - h) > 0]
    return sorted(out, key=lambda j: (v.lines[j].bbox.y0, abs(v.lines[j].bbox.x0 - lab.bbox.x0)))


def _label_values(v: DocView, label: str):
    """(text, start, end) of the value of every occurrence of `label`, in document order: the
    rest of the label's line, else the first box beside it on its row, else the first box
    under it (an English line of a bilingual label skipped)."""
    for m in re.finditer(rf"(?:{label})\s*[:：.]?\s*", v.text):
        i = v.line_index(m.start())
        line_end = v.starts[i] + len(v.lines[i].text)
        rest = v.text[m.end():line_end]
        # an English rendering of the label between label and value ('批准日期 Date of Approval 2023/12/21')
        rest_eng = re.match(r"\s*[A-Za-z][A-Za-z .,'/()]*?(?=\s*[\d〇零一二三四五六七八九O]|$)", rest)
        skip = rest_eng.end() if rest_eng and re.search(r"[a-z]{3}", rest_eng.group(0), re.I) else 0
        if rest[skip:].strip(" :："):
            yield rest[skip:], m.end() + skip, line_end
            continue
        row = _row_boxes(v, i)
        if row and _DATEISH.search(v.lines[row[0]].text):
            j = row[0]
            if _OPEN_DATE.search(v.lines[j].text) and (k := _under(v, j)) is not None:
                # the cell's date wrapped to the next line ('…30号（2023年' over '(09月20日)'):
                # joined, a bracket OCR put before the wrapped part dropped
                yield v.lines[j].text + re.sub(r"^[(（]\s*(?=\d)", "", v.lines[k].text), v.starts[j], \
                    v.starts[k] + len(v.lines[k].text)
                continue
            yield v.lines[j].text, v.starts[j], v.starts[j] + len(v.lines[j].text)
            continue
        if not row and (cell := _wrapped_cell(v, i)):
            a, b = cell[0], cell[-1]
            yield "".join(v.lines[j].text for j in cell), v.starts[a], v.starts[b] + len(v.lines[b].text)
            continue
        nb = v.neighbour(i)  # a header row's cell below, followed along a skewed photo's rows
        for j in ([nb] if nb is not None and nb not in row else []) + _below_boxes(v, i):
            t = v.lines[j].text
            if not re.search(r"[\u4e00-\u9fff]|\d{2}", t):
                continue  # the label's English line
            if _DATEISH.search(t):
                yield t, v.starts[j], v.starts[j] + len(t)
            break


# a line ending in a date's year, its month and day to come on the next line
_OPEN_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*$")


def _under(v: DocView, j: int) -> int | None:
    """The box right under line `j` (the nearest of _below_boxes) when it starts in its column
    on the next line: a wrapped cell's next line."""
    ln = v.lines[j]
    h = max(ln.bbox.y1 - ln.bbox.y0, 1.0)
    k = next(iter(_below_boxes(v, j)), None)
    if k is None or v.lines[k].bbox.y0 > ln.bbox.y1 + 0.8 * h or abs(v.lines[k].bbox.x0 - ln.bbox.x0) > 1.5 * h:
        return None
    return k


_DATEISH = re.compile(r"\d|[〇零○O一二三四五六七八九]{2,4}\s*年")


def _cell_text(v: DocView, label: str, value: str) -> tuple[str, int, int] | None:
    """A value matching `value` beside or under a label on a bilingual card or a grid (the
    label's English line skipped): the rest of its line, the box to its right, else the
    first box under it with Chinese or digits."""
    rx = re.compile(value)
    for m in re.finditer(rf"(?:{label})\s*[:：]?\s*", v.text):
        i = v.line_index(m.start())
        rest = v.text[m.end():v.starts[i] + len(v.lines[i].text)]
        cands = [rest] if rest.strip() else []
        if not cands:
            row = _row_boxes(v, i)
            cands = [v.lines[row[0]].text] if row else []
            cands += [v.lines[j].text for j in _below_boxes(v, i)
                      if re.search(r"[\u4e00-\u9fff]|\d{2}", v.lines[j].text)][:1]
        for t in cands:
            if (hit := rx.fullmatch(t.strip())):
                j = v.text.find(t, m.start())
                g = 1 if rx.groups else 0
                return hit.group(g), j + hit.start(g), j + hit.end(g)
    return None


def _repair_common(v: DocView, fields: list[ExtractedField]) -> list[ExtractedField]:
    """Person, number and level a bilingual card or a label-over-value grid hides from the
    common readers: taken from the box under the label when missing or read as English."""
    got = {f.name: f for f in fields}
    specs = (("person_name", r"姓\s*名", r"([\u4e00-\u9fff·]{2,5})"),
             ("certificate_number", r"管\s*理\s*号|证书编号|证书号码", r"(?:No\.?\s*)?([A-Za-z0-9][A-Za-z0-9\-]{5,29})"))
    for name, label, value in specs:
        f = got.get(name)
        if f is not None and re.search(r"[\u4e00-\u9fff\d]", f.value):
            continue
        if (hit := _cell_text(v, label, value)) and not (name == "person_name" and (
                _BARE_LEVEL.match(hit[0]) or not trim_name(hit[0]))):  # the next label ('证件号码') is no name
            fields = [x for x in fields if x.name != name] + [v.make(name, hit[0], 0.7, hit[1], hit[2])]
    return fields


def _day(value: str, year_ctx: int | None = None):
    """The first full day in a value (a cell whose separator OCR read as a space included)."""
    if (m := _CELL_DATE.match(value.strip())):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat(), 0.9
        except ValueError:
            pass
    ds = [d for d in find_dates(value[:40]) if d.has_year]
    if ds and ds[0].precision == "day":
        return ds[0].iso, 1.0
    return (ds[0].iso, 0.0) if ds else None


def _sentence_day(v: DocView) -> tuple[str, int, int] | None:
    """A full day in a sentence granting the qualification (see _PASS_VERB_AFTER/_BEFORE)."""
    for d in find_dates(v.flat, normalised=True):
        if not (d.has_year and d.precision == "day"):
            continue
        before, after = v.flat[max(0, d.start - 24):d.start], v.flat[d.end:d.end + 30]
        before = re.split(r"[。；;]", before)[-1]
        if _NOT_PASS_BEFORE.search(before):
            continue
        ok_after = _PASS_VERB_AFTER.match(after) and re.search(r"取得|获得|具备|具有|通过|合格|认定|批准|资格", after)
        if ok_after or _PASS_VERB_BEFORE.search(before) or _EN_PASS_BEFORE.search(v.flat[max(0, d.start - 90):d.start]):
            return (d.iso, *v.from_flat(d.start, d.end))
        sat = (_SAT_AFTER.match(after) or _SAT_BEFORE.search(before)) and not _NOT_SAT_AFTER.match(after)
        if sat and _SAT_SENTENCE.search(re.split(r"[。；;]", v.flat[d.end:d.end + 60])[0]):
            return (d.iso, *v.from_flat(d.start, d.end))
    return None


def _lone_day(v: DocView, year: str | None) -> tuple[str, int, int] | None:
    """The one full day a certificate prints besides birth, validity and print dates (in the
    year its text names, when it names one): the day it was granted, nearer the truth than a
    year alone."""
    days = []
    for d in find_dates(v.flat, normalised=True):
        before = re.split(r"[。；;\n]", v.flat[max(0, d.start - 16):d.start])[-1]
        if d.has_year and d.precision == "day" and not _NOT_PASS_BEFORE.search(before) \
                and (year is None or d.iso.startswith(year)):
            days.append(d)
    if len({d.iso for d in days}) != 1:
        return None
    return (days[0].iso, *v.from_flat(days[0].start, days[0].end))


def _issued(v: DocView) -> str | None:
    """The certificate's issue day (labelled, else the signature's): no pass date is later."""
    for value, _, _ in _label_values(v, _ISSUED_LABEL):
        if (got := _day(value)) and got[1]:
            return got[0]
    f = issue_date(v)
    return f.value if f and len(f.value) == 10 else None


def pass_date(v: DocView) -> ExtractedField | None:
    """The date the qualification was obtained, by preference:
    1. a full day under a pass label (批准日期, 取得资格时间, 评审通过时间, 任职资格取得时间,
       考核/鉴定日期, 'Date of Approval' …; on its line, in the box beside it, or under it past
       an English line; a 'yyyy年度' under 考试年度 is passed over), the first in reading order;
    2. a full day in a sentence granting the qualification ('…评审通过，于二〇二三年七月十一日
       取得…资格', '自…起具有…');
    3. a month under a pass label ('合格时间：2023年9月');
    4. the certificate's labelled issue date (签发日期/发证日期: the day it was granted), lower;
    5. the signature's day when it is in the year the text names, lower still;
    else the year of a '2023年度…考试' phrase (pass_date_year in extract).
    A candidate later than the certificate's issue day is no pass date (a print or validity date)."""
    issued = _issued(v)
    month = None
    years = None
    for value, s, e in _label_values(v, _ALL_PASS):
        got = _day(value)
        if not got or not got[1]:
            # a labelled day OCR damaged ('2023年O5月2O日', '2023.05=20'): settled against the
            # years the certificate states elsewhere, as a signature date is
            years = [d.value.year for d in find_dates(v.text, normalised=True) if d.has_year] if years is None else years
            if (loose := loose_date(value[:24], years)) and loose[0].start <= 2:
                got = (loose[0].iso, 0.7 * loose[1])
        if not got:
            continue
        iso, q = got
        if issued and iso > issued[:len(iso)]:
            continue
        if q:
            return v.make("pass_date", iso, 0.85 * q, s, e)
        if month is None:
            month = v.make("pass_date", iso, 0.75, s, e)
    if (sent := _sentence_day(v)) and not (issued and sent[0] > issued):
        return v.make("pass_date", sent[0], 0.75, sent[1], sent[2])
    if month:
        return month
    for value, s, e in _label_values(v, _ISSUED_LABEL):
        if (got := _day(value)) and got[1]:
            return v.make("pass_date", got[0], 0.6, s, e)
    return None


def _unwrap(v: DocView, value: str, start: int) -> str:
    """A name a table cell wrapped inside its brackets ('中级经济师（人力资源' over '管理'):
    the box right under it completes it, and the bracket is closed."""
    ln = v.lines[v.line_index(start)]
    h = max(ln.bbox.y1 - ln.bbox.y0, 1.0)
    under = [x for x in v.lines if x.page == ln.page and 0 <= x.bbox.y0 - ln.bbox.y0 <= 1.6 * h and x is not ln
             and min(x.bbox.x1, ln.bbox.x1) - max(x.bbox.x0, ln.bbox.x0) > 0.5 * (x.bbox.x1 - x.bbox.x0)
             and re.fullmatch(r"[\u4e00-\u9fff]{1,8}[)）]?", x.text)]
    if under:
        value += min(under, key=lambda x: x.bbox.y0).text
    return value if value.endswith((")", "）")) else value + "）"


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Qualification-certificate fields (see module docstring)."""
    v = DocView(split_form_rows(doc))
    fields = _repair_common(v, common_fields(v, COMMON))
    hit, by = next(((h, lab) for lab in _NAME_LABELS for h in v.labelled_all(lab, r"([\u4e00-\u9fff()（）·]{2,24})")
                    if not _BARE_LEVEL.match(h[0])), (None, None))
    if hit is None:  # a bilingual card: the name under its label's English line
        hit = _cell_text(v, "|".join(_NAME_LABELS[:2]), r"([\u4e00-\u9fff()（）·]{2,24})")
        hit = hit if hit and not _BARE_LEVEL.match(hit[0]) else None
    m = _NAME_PHRASE.search(v.text)
    m = m if m and not m.group(1).startswith(("相应", "相关", "上述", "该", "本")) else None
    if m and by in _SUBJECT_LABELS:
        hit = None  # '取得中级经济师资格' names it; '专业：人力资源管理' is its subject
    name = (hit[0], 0.85, hit[1], hit[2]) if hit else ((m.group(1), 0.7, m.start(1), m.end(1)) if m else None)
    if name and name[0].count("(") + name[0].count("（") > name[0].count(")") + name[0].count("）"):
        name = (_unwrap(v, name[0], name[2]), *name[1:])
    if name:
        fields.append(v.make("qualification_name", *name))
    stated = v.labelled(r"资格级别|资格等级|级\s*别|(?<!技能)(?<!职业)等\s*级", r"(正高级|副高级|高级|中级|初级|助理级|员级|执业(?:[(（]职业[)）])?资格|"
                                                 r"职业资格|执业)(?![\u4e00-\u9fff]{2})")
    stated = stated or _cell_text(v, r"资格级别|级\s*别|等\s*级", r"(正高级|副高级|高级|中级|初级|执业资格|职业资格)")
    if stated:  # a level written out decides
        lv = "senior" if "高" in stated[0] else "intermediate" if stated[0] == "中级" else \
            "practising" if "业" in stated[0] else "junior"
        fields.append(v.make("qualification_level", lv, 0.85, stated[1], stated[2]))
    for text, conf in (() if stated else ((name[0] if name else "", 0.75), (v.head(8), 0.55))):
        # the name decides (主治医师, 执业药师); else the heading: a 职业资格/执业资格 certificate
        # without a stated level is a practising qualification (domain.md)
        lv = next((lv for lv, rx in QUAL_LEVELS if rx.search(text)), None)
        if lv:
            fields.append(v.make("qualification_level", lv, conf, *(name[2:] if name else (0, 1))))
            break
    if (passed := pass_date(v)):
        fields.append(passed)
    else:
        y = re.search(r"((?:19|20)\d{2})\s*年度?.{0,12}(?:考试|通过|合格)", v.text)
        sig = next((f for f in fields if f.name == "issue_date"), None)
        if sig and len(sig.value) == 10 and (y is None or sig.value.startswith(y.group(1))):
            # a full day the certificate was signed on, in the year it names: nearer the truth
            # than the year alone
            fields.append(sig.model_copy(update={"name": "pass_date", "confidence": round(sig.confidence * 0.55, 3)}))
        elif (day := _lone_day(v, y.group(1) if y else None)):
            fields.append(v.make("pass_date", day[0], 0.45, day[1], day[2]))
        elif y:
            fields.append(v.make("pass_date", y.group(1), 0.5, y.start(), y.end()))
    return fields
