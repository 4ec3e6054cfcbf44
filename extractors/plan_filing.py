"""年度培训计划备案 (annual training-plan filing): organization (who stamped it, usually the
HR bureau), filer (whose plan it is), year, title, document_number, issue_date, has_seal,
filed ('true' when a filing mark such as 已备案/同意备案/备案号 is present), filing_number,
trainings (JSON array of the planned trainings' names, from the plan table or from lines
naming a 培训班/研修班)."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields, org_name
from extractors._table import merge_wrapped, table_rows
from extractors._text.dates import find_dates
from extractors._text.numbers import cn_to_int
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("organization", "document_number", "issue_date", "has_seal")
_ITEM_H = re.compile(r"培训(?:项目|名称|内容|班次|主题)|项目名称|班次名称|课程名称")
_FILED_RE = re.compile(r"已备案|同意备案|予以备案|备案号|备案编号|准予备案")
_ITEM_LINE = re.compile(r"([\u4e00-\u9fff\d()（）“”\"]{4,40}?(?:培训班|研修班|培训|学习班|讲座|研讨班))")


def _is_header(cells: list[str]) -> bool:
    """A table header: three or more short cells, one naming the training."""
    short = [c for c in cells if 0 < len(c) <= 10]
    return len(short) >= 3 and any(_ITEM_H.search(c) for c in short)


_ITEM_END = re.compile(r"(?:培训班|研修班|进修班|学习班|培训|研修|讲座|论坛|会议|研讨会|活动)$")


def column_items(v: DocView) -> list[str]:
    """The training column of an OCR'd plan table read as a column: the boxes under the
    header naming it ('培训项目名称'), between its neighbours' edges, top to bottom, joined
    until a name is complete (…培训班): cells wrapped over two lines come out whole even
    when the row's other cells sit between their lines, and a skewed photo keeps its
    columns where its rows drift."""
    out: list[str] = []
    for page in v.doc.pages:
        lines = [ln for ln in v.lines if ln.page == page.number]
        head = next((ln for ln in lines if len(ln.text) <= 10 and _ITEM_H.search(ln.text)), None)
        if head is None:
            continue
        h = max(head.bbox.y1 - head.bbox.y0, 1.0)
        yc = (head.bbox.y0 + head.bbox.y1) / 2
        row = [ln for ln in lines if ln is not head and abs((ln.bbox.y0 + ln.bbox.y1) / 2 - yc) <= 0.8 * h
               and len(ln.text) <= 10]
        left = max((ln.bbox.x1 for ln in row if ln.bbox.x1 <= head.bbox.x0), default=head.bbox.x0 - 3 * h)
        right = min((ln.bbox.x0 for ln in row if ln.bbox.x0 >= head.bbox.x1), default=page.width)
        frags = []
        for ln in sorted((ln for ln in lines if (ln.bbox.y0 + ln.bbox.y1) / 2 > yc + 0.5 * h), key=lambda ln: ln.bbox.y0):
            if ln.bbox.x0 < left and ln.bbox.x1 > right:
                break  # a line across the table: the table has ended
            inside = min(ln.bbox.x1, right) - max(ln.bbox.x0, left)
            if ln.bbox.x0 >= left - 0.5 * h and inside >= 0.5 * (ln.bbox.x1 - ln.bbox.x0) \
                    and not re.fullmatch(r"[\d.、]+", ln.text):
                frags.append(ln.text)
        cur = ""
        for k, frag in enumerate(frags):
            cur += frag
            nxt = frags[k + 1] if k + 1 < len(frags) else None
            # a name ends before a fragment starting a new one ('2023年…'), or at an event
            # word unless a short continuation follows ('…培训' + '班')
            if nxt is None or re.match(r"(?:19|20)\d{2}年", nxt) or (_ITEM_END.search(cur) and len(nxt) > 2):
                if len(cur) >= 6:
                    out.append(cur)
                cur = ""
    return out


def trainings(v: DocView) -> list[str]:
    """Planned trainings: the rows of a table pdfplumber found; on OCR'd pages the training
    column (column_items); else rows under a header naming the training column, else lines
    that name a 培训班/研修班."""
    if not any(p.tables for p in v.doc.pages) and (items := column_items(v)):
        return items
    rows = table_rows(v, _is_header)
    head = next((i for i, cells in enumerate(rows) if _is_header(cells)), None)
    out = []
    if head is not None:
        col = next(i for i, c in enumerate(rows[head]) if _ITEM_H.search(c))
        for cells in merge_wrapped(rows[head + 1:], len(rows[head])):
            if col < len(cells) and len(cells[col]) >= 4:
                out.append(cells[col])
    if out:
        return out
    return [m.group(1) for ln in v.lines if (m := _ITEM_LINE.search(ln.text)) and "计划" not in m.group(1)]


def filer(v: DocView) -> ExtractedField | None:
    """The unit whose plan it is: labelled (填报单位), else the addressee of a reply
    ('XX局：'), else named in the heading ('XX局2023年度…计划备案表', '关于XX局2023年度…备案的复函')."""
    hit = v.labelled(r"填报单位|申报单位|报送单位|报备单位|备案单位|计划单位|制定单位|编制单位", r"[^\n]{3,60}")
    if hit and (name := org_name(re.sub(r"^[(（]?盖章[)）]?[:：]?", "", hit[0]))):
        return v.make("filer", name, 0.85, hit[1], hit[2])
    for ln in v.lines[:6]:  # a reply addressed to the filer: '许昌市住房和城乡建设局：'
        if (m := re.fullmatch(r"([\u4e00-\u9fff（）()]{4,40})\s*[:：]", ln.text)) and org_name(m.group(1)) == m.group(1):
            return v.make("filer", m.group(1), 0.75, line=ln)
    head = re.sub(r"^.*?关于", "", v.head(4))
    head = re.sub(r"^.*?(?:〔\d{4}〕\d+号|文件)", "", head)
    if (m := re.match(r"([\u4e00-\u9fff]{3,40}?)(?:关于)?(?:19|20)\d{2}", head)) and (name := org_name(m.group(1))):
        pos = max(v.text.find(name), 0)
        return v.make("filer", name, 0.7, pos, pos + len(name))
    return None


_YEAR_LABEL = r"计划年度|培训年度|备案年度|实施年度|年\s*度|年\s*份"
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九O]{4})\s*年度?")
# '2023年度…计划', '关于2023年度全市…项目安排的备案函': a year before the plan's name.
_PLAN_PHRASE = re.compile(r"((?:19|20)\d{2})\s*年度?[^。；;，,\n]{0,30}?(?:计划|项目|安排|备案)")


def plan_year(v: DocView) -> ExtractedField | None:
    """The year the plan is for: labelled (计划年度：2024), else named before the plan in the
    heading (2023年度…培训计划, 二〇二三年度…), else in the text, else the year the planned
    trainings' dates fall in."""
    hit = v.labelled(_YEAR_LABEL, r"((?:19|20)\d{2})\s*年?度?")
    if hit:
        return v.make("year", hit[0], 0.85, hit[1], hit[2])
    head = v.head(4)
    for text, conf in ((head, 0.85), (v.flat, 0.75)):
        if (m := _PLAN_PHRASE.search(text)) and not re.search(r"[《“\"]$", text[max(0, m.start() - 1):m.start()]):
            pos = max(v.text.find(m.group(1)), 0)
            return v.make("year", m.group(1), conf, pos, pos + 4)
        if (m := _CN_YEAR.search(text)) and (y := cn_to_int(m.group(1).replace("O", "〇"))) and 1990 <= y <= 2100:
            pos = max(v.text.find(m.group(1)), 0)
            return v.make("year", str(y), conf - 0.05, pos, pos + 4)
    dated = [d.value.year for d in find_dates(v.text, normalised=True) if d.has_year]
    if dated:  # the trainings planned (and the filing) are dated in the plan's year
        year = max(set(dated), key=lambda y: (dated.count(y), -y))
        return v.make("year", str(year), 0.55, line=v.lines[0])
    return None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Plan-filing fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    if (y := plan_year(v)):
        fields.append(y)
    head = v.head(6)
    t = re.search(r"关于[^。:：]{4,60}?(?:复函|批复|通知|函)", head) or \
        re.search(r"[\u4e00-\u9fff\d（）()]{0,40}计划(?:备案表|表|备案)?", head)
    if t:
        pos = max(v.text.find(t.group(0)[:6]), 0)
        fields.append(v.make("title", t.group(0), 0.7, pos, pos + 6))
    if (f := filer(v)):
        fields.append(f)
    filed = _FILED_RE.search(v.text)
    fields.append(v.make("filed", "true" if filed else "false", 0.8 if filed else 0.5,
                         filed.start() if filed else 0, filed.end() if filed else 1))
    if (hit := v.labelled(r"备案号|备案编号", r"([A-Za-z0-9\-〔〕\[\]()\u4e00-\u9fff]{3,30}?号?)(?:\s|$)")):
        fields.append(v.make("filing_number", hit[0], 0.8, hit[1], hit[2]))
    if (items := trainings(v)):
        pos = max(v.text.find(items[0]), 0)
        fields.append(v.make("trainings", items, 0.7, pos, pos + len(items[0])))
    return fields
