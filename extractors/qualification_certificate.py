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
from extractors._common import common_fields, split_form_rows
from extractors._text.dates import find_dates
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "certificate_number", "organization", "issue_date", "has_seal")
# Tried in this order; a bare 专业 only as a form label at a line start ('专业技术人员职业资格
# 证书' is a heading).
_NAME_LABELS = (r"职业资格名称|资格名称|证书名称|资格证书名称", r"职称名称|资格类别|评审资格",
                r"报考专业|申报专业|考试专业|报考资格|申报资格|考试名称(?=\s*[:：]\s*[\u4e00-\u9fff]{2,12}(?:师|员|士)$)",
                r"专业名称", r"资格级别|级\s*别", r"(?m:^)专\s*业(?=\s*[:：])")
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


def pass_date(v: DocView) -> ExtractedField | None:
    """The date the qualification was obtained: the first value under a pass label (批准日期,
    取得时间, 合格时间, 考试年度 …; beside it, below it, or in its column of a query table)
    that holds a date — a full date before a month ('考试年度：2023' is passed over when
    '合格时间：2023年9月' follows) — else the certificate's labelled issue date (签发日期), with
    lower confidence. A date cell whose separator OCR read as a space ('2023-09 09') is read
    as the day it is."""
    for label, conf in ((_PASS_LABEL, 0.85), (_ISSUED_LABEL, 0.7)):
        month = None
        for value, s, e in v.labelled_all(label, r"[^\n]{4,24}"):
            if (m := _CELL_DATE.match(value.strip())):
                try:
                    d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    d = None
                if d:
                    return v.make("pass_date", d.isoformat(), conf * 0.9, s, e)
            ds = [d for d in find_dates(value) if d.has_year]
            if ds and ds[0].precision == "day":
                return v.make("pass_date", ds[0].iso, conf, s, e)
            if ds and month is None:
                month = v.make("pass_date", ds[0].iso, conf * 0.9, s, e)
        if month:
            return month
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
    fields = common_fields(v, COMMON)
    hit = next((h for lab in _NAME_LABELS for h in v.labelled_all(lab, r"([\u4e00-\u9fff()（）·]{2,24})")
                if not _BARE_LEVEL.match(h[0])), None)
    m = _NAME_PHRASE.search(v.text)
    name = (hit[0], 0.85, hit[1], hit[2]) if hit else ((m.group(1), 0.7, m.start(1), m.end(1)) if m else None)
    if name and name[0].count("(") + name[0].count("（") > name[0].count(")") + name[0].count("）"):
        name = (_unwrap(v, name[0], name[2]), *name[1:])
    if name:
        fields.append(v.make("qualification_name", *name))
    stated = v.labelled(r"资格级别|资格等级|级\s*别", r"(正高级|副高级|高级|中级|初级|助理级|员级|执业(?:[(（]职业[)）])?资格|"
                                                 r"职业资格|执业)(?![\u4e00-\u9fff]{2})")
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
    elif (y := re.search(r"((?:19|20)\d{2})\s*年度?.{0,12}(?:考试|通过|合格)", v.text)):
        fields.append(v.make("pass_date", y.group(1), 0.5, y.start(), y.end()))
    return fields
