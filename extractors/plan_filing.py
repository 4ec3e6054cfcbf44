"""年度培训计划备案 (annual training-plan filing): organization, year, title,
document_number, issue_date, has_seal, filed ('true' when a filing mark such as 已备案/
同意备案/备案号 is present), filing_number, plan_items (JSON [{title, hours}] from the
plan table or from lines naming a 培训班/研修班)."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields
from extractors._table import table_rows
from extractors._text.hours import find_hours
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("organization", "document_number", "issue_date", "has_seal")
_ITEM_H = re.compile(r"培训(?:项目|名称|内容|班次|主题)|项目名称|班次名称|课程名称")
_FILED_RE = re.compile(r"已备案|同意备案|予以备案|备案号|备案编号|准予备案")
_ITEM_LINE = re.compile(r"([\u4e00-\u9fff\d()（）“”\"]{4,40}?(?:培训班|研修班|培训|学习班|讲座|研讨班))")


def _is_header(cells: list[str]) -> bool:
    return any(_ITEM_H.search(c) for c in cells)


def _row_hours(cells: list[str], hcol: int | None) -> float | None:
    if hcol is not None and hcol < len(cells) and re.fullmatch(r"\d+(?:\.\d+)?", cells[hcol].strip()):
        return float(cells[hcol])
    found = find_hours(" ".join(cells), True)
    return found[0].value if found else None


def plan_items(v: DocView) -> list[dict]:
    """Planned trainings: rows under a header naming the training column, else lines that
    name a 培训班/研修班."""
    out, col, hcol = [], None, None
    for cells in table_rows(v, _is_header):
        if _is_header(cells):
            col = next(i for i, c in enumerate(cells) if _ITEM_H.search(c))
            hcol = next((i for i, c in enumerate(cells) if re.search(r"学时|课时", c)), None)
        elif col is not None and col < len(cells) and len(cells[col]) >= 4:
            out.append({"title": cells[col], "hours": _row_hours(cells, hcol)})
    if out:
        return out
    for ln in v.lines:
        if (m := _ITEM_LINE.search(ln.text)) and "计划" not in m.group(1):
            out.append({"title": m.group(1), "hours": _row_hours([ln.text], None)})
    return out


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Plan-filing fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    if (m := re.search(r"((?:19|20)\d{2})\s*年度?.{0,20}?(?:培训)?计划", v.text)):
        fields.append(v.make("year", m.group(1), 0.85, m.start(1), m.end(1)))
    if (t := next((ln for ln in v.lines[:6] if "计划" in ln.text), None)):
        fields.append(v.make("title", t.text, 0.7, line=t))
    filed = _FILED_RE.search(v.text)
    fields.append(v.make("filed", "true" if filed else "false", 0.8 if filed else 0.5,
                         filed.start() if filed else 0, filed.end() if filed else 1))
    if (hit := v.labelled(r"备案号|备案编号", r"([A-Za-z0-9\-〔〕\[\]()\u4e00-\u9fff]{3,30}?号?)(?:\s|$)")):
        fields.append(v.make("filing_number", hit[0], 0.8, hit[1], hit[2]))
    if (items := plan_items(v)):
        fields.append(v.make("plan_items", items, 0.6, line=v.lines[0]))
    return fields
