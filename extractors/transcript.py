"""成绩单 (transcript): one row per course → `courses` (JSON [{course, score, term, passed,
year}]), `courses_passed`, plus person_name, id_number, organization, issue_date, has_seal.

Rows come from pdfplumber tables, else from OCR line boxes (see _table); a header row
(课程/科目 … 成绩/分数) fixes the columns, and several course/score column pairs side by
side are read pair by pair. Without a header, lines like '内科学 85' are read as rows."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields
from extractors._table import table_rows
from extractors._text.dates import term_year
from schemas.document import DocumentText
from schemas.records import ExtractedField

PASS_GRADES = ("优秀", "良好", "中等", "及格", "合格", "通过", "优", "良", "中", "A", "B", "C", "D")
FAIL_GRADES = ("不及格", "不合格", "未通过", "缺考", "作弊", "缓考", "F", "E")
_GRADE = "|".join(sorted(PASS_GRADES + FAIL_GRADES, key=len, reverse=True))
_SCORE_RE = re.compile(rf"^(?:(\d{{1,3}}(?:\.\d+)?)|({_GRADE}))$")
_COURSE_H = re.compile(r"^(?!.*(?:性质|类别|类型|代码|编号|代号|属性|学分|学时))(?:.*(?:课程|科目|课名|考试项目|学科))")
_HEAD_CELL = re.compile(r"^(?:课程|科目|课程名称|科目名称|课名|课程名|考试项目|考试科目|学科)$")
_SCORE_H = re.compile(r"成绩|分数|得分|考核结果|总评|考试结果")
_TERM_H = re.compile(r"学期|学年|(?:考试|考核|修读|结课|成绩)(?:时间|日期)|日期")
_TERM_LINE = re.compile(r"((?:19|20)\d{2}\s*[-—~至]\s*(?:19|20)\d{2}\s*学年\s*(?:第?[一二12上下]学期)?|(?:19|20)\d{2}年?(?:春|秋)季?学期?)")
_LINE_ROW = re.compile(rf"^(?:\d{{1,3}}[.、\s])?\s*([\u4e00-\u9fffA-Za-z()（）Ⅰ-Ⅻ·\-]{{2,30}}?)\s*(?:\d(?:\.\d)?学分)?\s*(\d{{1,3}}(?:\.\d+)?|{_GRADE})$")


def parse_score(cell: str) -> tuple[str, bool] | None:
    """'85' → ('85', True); '不及格' → ('不及格', False); '58' → ('58', False); else None."""
    m = _SCORE_RE.match(cell.strip().replace(" ", ""))
    if not m:
        return None
    if m.group(1):
        value = float(m.group(1))
        return (m.group(1), value >= 60) if value <= 100 else None
    return m.group(2), m.group(2) in PASS_GRADES


def _is_header(cells: list[str]) -> bool:
    """A header row: short cells, one naming the course and another the score."""
    short = [c for c in cells if 0 < len(c) <= 10]
    course = [i for i, c in enumerate(short) if _COURSE_H.search(c)]
    score = [i for i, c in enumerate(short) if _SCORE_H.search(c)]
    return bool(course and score and set(course) != set(score))


def _columns(header: list[str]) -> tuple[list[tuple[int, int]], int | None]:
    courses = [i for i, c in enumerate(header) if _COURSE_H.search(c)]
    scores = [i for i, c in enumerate(header) if _SCORE_H.search(c)]
    pairs = []
    for ci in courses:
        right = [s for s in scores if s > ci]
        if right:
            pairs.append((ci, right[0]))
    term = next((i for i, c in enumerate(header) if _TERM_H.search(c)), None)
    return pairs, term


def _course(name: str, score: str, term: str | None) -> dict | None:
    parsed = parse_score(score)
    name = name.strip()
    if not parsed or len(name) < 2 or _HEAD_CELL.match(name) or name.isdigit():
        return None
    return {"course": name, "score": parsed[0], "term": term, "passed": parsed[1],
            "year": term_year(term) if term else None}


def courses_from_rows(rows: list[list[str]]) -> list[dict]:
    """Course records from table rows; a row that is only a term heading sets the term
    for the rows below it."""
    out, pairs, term_col, term = [], [], None, None
    for cells in rows:
        filled = [c for c in cells if c]
        if _is_header(cells):
            pairs, term_col = _columns(cells)
            continue
        if len(filled) <= 2 and (tm := _TERM_LINE.search("".join(filled))) and not parse_score(filled[-1]):
            term = tm.group(1)
            continue
        row_term = cells[term_col] if term_col is not None and term_col < len(cells) and cells[term_col] else term
        found = [c for ci, si in pairs if si < len(cells) and (c := _course(cells[ci], cells[si], row_term))]
        if not found and (m := _LINE_ROW.match(" ".join(filled))):
            found = [c for c in [_course(m.group(1), m.group(2), row_term)] if c]
        out.extend(found)
    return out


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Transcript fields; see the module docstring."""
    v = DocView(doc)
    fields = common_fields(v, ("person_name", "id_number", "organization", "issue_date", "has_seal"))
    courses = courses_from_rows(table_rows(v, _is_header))
    if courses:
        first = next((i for i, ln in enumerate(v.lines) if courses[0]["course"] in ln.text), 0)
        anchor = v.lines[first] if v.lines else None
        fields.append(v.make("courses", courses, 0.8, line=anchor))
        fields.append(v.make("courses_passed", sum(c["passed"] for c in courses), 0.8, line=anchor))
    return fields
