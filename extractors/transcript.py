"""成绩单 (transcript): one row per course → `courses` (JSON [{course, score, term, passed,
year}]), `courses_passed`, plus person_name, id_number, organization, issue_date, has_seal.

Rows come from pdfplumber tables, else from OCR line boxes (see _table); a header row
(课程/科目 … 成绩/分数) fixes the columns, and several course/score column pairs side by
side are read pair by pair. Without a header, lines like '内科学 85' are read as rows.

On OCR'd pages (a photo's columns drift, a left-aligned course name sits nearer the term
column's centre than its own) the rows are also read by what their cells hold
(typed_courses): the score is the score-like cell under the score header, the term the cell
that reads as a term or date, the course the name nearest its header; the reading with more
courses wins. Term columns side by side (学年 | 学期: '2022-2023' | '第二学期' or '2') are read
together. An issuer OCR misread under the seal is set right by the school the heading names."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields
from extractors._table import page_slope, rows_from_lines, split_cells, table_rows
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
_TERM_H = re.compile(r"学期|学年|^字期$|(?:考试|考核|修读|结课|成绩)(?:时间|日期)|日期")  # 学 OCR reads as 字
_TERM_LINE = re.compile(r"((?:19|20)\d{2}\s*[-—~至]\s*(?:19|20)\d{2}\s*学年\s*(?:第?[一二12上下]学期)?|(?:19|20)\d{2}年?(?:春|秋)季?学期?)")
# A heading row of the month the courses below it were assessed in (进修: '2023年3月').
_MONTH_HEAD = re.compile(r"^((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月份?)$")


def _term_heading(text: str) -> str | None:
    """The term a heading row names ('2022-2023学年第一学期', '2023年春季学期', '2023年3月')."""
    if (m := _TERM_LINE.search(text)) or (m := _MONTH_HEAD.match(text.replace(" ", ""))):
        return m.group(1)
    return None


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


def _columns(header: list[str]) -> tuple[list[tuple[int, int]], list[int]]:
    """(course, score) column pairs and the term columns: one (学期 / 考试时间), or the academic
    year and the term side by side (学年 | 学期), read together."""
    courses = [i for i, c in enumerate(header) if _COURSE_H.search(c)]
    scores = [i for i, c in enumerate(header) if _SCORE_H.search(c)]
    pairs = []
    for ci in courses:
        right = [s for s in scores if s > ci]
        if right:
            pairs.append((ci, right[0]))
    terms = [i for i, c in enumerate(header) if _TERM_H.search(c) and not _COURSE_H.search(c)]
    return pairs, terms[:2]


def _term_text(text: str) -> str:
    """A term cell with 学 that OCR read as 字 set right ('第一字期' → '第一学期')."""
    return re.sub(r"(?<=[第一二12上下])\s*字期|(?<=学年)字期", "学期", text)


def _term_of(cells: list[str], cols: list[int]) -> str | None:
    """The row's term from its term columns ('2022-2023' + '第二学期' → '2022-2023第二学期')."""
    parts = [_term_text(cells[i]) for i in cols if i < len(cells) and cells[i]]
    if len(parts) == 2 and re.fullmatch(r"[一二12上下]", parts[1]):
        parts[1] = f"第{parts[1]}学期"  # a bare term number under 学期
    return "".join(parts) or None


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
    out, pairs, term_cols, term = [], [], [], None
    for cells in rows:
        filled = [c for c in cells if c]
        if _is_header(cells):
            pairs, term_cols = _columns(cells)
            continue
        if len(filled) <= 2 and (tm := _term_heading("".join(filled))) and not parse_score(filled[-1]):
            term = tm
            continue
        row_term = _term_of(cells, term_cols) or term
        found = [c for ci, si in pairs if si < len(cells) and (c := _course(cells[ci], cells[si], row_term))]
        if not found and (m := _LINE_ROW.match(" ".join(filled))):
            found = [c for c in [_course(m.group(1), m.group(2), row_term)] if c]
        out.extend(found)
    return out


# Columns whose text is never the course's name (course number, kind, exam form, remarks).
_OTHER_H = re.compile(r"编号|代码|代号|性质|类别|类型|属性|方式|形式|备注|说明|学分|学时|教师|专业|序号")
_DATE_CELL = re.compile(r"^(?:(?:19|20)\d{2}\s*(?:[-—~至]\s*(?:19|20)\d{2}\s*学年\s*(?:第?[一二12上下]学期)?|"
                        r"年?(?:春|秋|夏|冬)季?(?:学期)?|[.\-/年]\s*\d{1,2}(?:[.\-/月]\s*\d{1,2}日?)?月?|年?第?[一二12上下]学期))$")
# A cell under a 学年/学期 header: '2022-2023', '2022～2023', '第一学期', '一', '2', '秋季'.
_TERM_CELL = re.compile(r"^(?:(?:19|20)\d{2}\s*[-—~～至/]\s*(?:19|20)\d{2}(?:学年)?|第?[一二12上下](?:学期)?|[春秋夏冬]季?(?:学期)?)$")
_REMARK = re.compile(r"重修|补考|缓考|免修|缺考|旷考|备注")


def _xc(ln) -> float:
    return (ln.bbox.x0 + ln.bbox.x1) / 2


def _typed_row(row, header, term: str | None) -> dict | None:
    """One course from a row of boxes read by their content (see the module docstring)."""
    centres = [(_xc(h), h.text) for h in header]

    def column(ln) -> str:
        return min(centres, key=lambda c: abs(c[0] - _xc(ln)))[1]

    scores = [ln for ln in row if parse_score(ln.text) and _SCORE_H.search(column(ln))]
    if not scores:
        return None
    score = scores[-1]
    def is_term(ln) -> bool:
        t = _term_text(ln.text)
        return bool(_DATE_CELL.match(t.replace(" ", "")) or (_TERM_H.search(column(ln)) and _TERM_CELL.match(t)))

    terms = [ln for ln in row if ln is not score and is_term(ln)]
    names = [ln for ln in row if ln is not score and ln not in terms and ln.bbox.x1 <= score.bbox.x0 + 2
             and len(re.findall(r"[\u4e00-\u9fffA-Za-z]", ln.text)) >= 2 and not _REMARK.search(ln.text)
             and not _OTHER_H.search(column(ln)) and not parse_score(ln.text)]
    if not names:
        return None
    course_x = next((x for x, t in centres if _COURSE_H.search(t)), _xc(names[0]))
    name = min(names, key=lambda ln: abs(_xc(ln) - course_x))
    row_term = term
    if terms:  # the academic year and the term in columns of their own are read together
        parts = [_term_text(ln.text) for ln in sorted(terms, key=lambda ln: ln.bbox.x0)[:2]]
        if len(parts) == 2 and re.fullmatch(r"[一二12上下]", parts[1]):
            parts[1] = f"第{parts[1]}学期"
        row_term = "".join(parts)
    return _course(re.sub(r"^\d{1,3}[.、]?\s*", "", name.text) if not name.text.isdigit() else name.text,
                   score.text, row_term)


def typed_courses(v: DocView) -> list[dict]:
    """Courses of OCR'd table pages read row by row by what their cells hold, under a
    header naming one course column and its score column (side-by-side pairs are left to
    courses_from_rows)."""
    out: list[dict] = []
    for page in v.doc.pages:
        if page.tables:
            continue
        cells = [c for ln in v.lines if ln.page == page.number for c in split_cells(ln)]
        header, term = None, None
        for row in rows_from_lines(cells, page_slope(cells) if v.doc.source == "ocr" else 0.0):
            texts = [ln.text for ln in row]
            if header is None:
                if _is_header(texts) and sum(bool(_COURSE_H.search(t)) for t in texts) == 1:
                    header = row
                continue
            if len(row) <= 2 and (tm := _term_heading("".join(texts))) and not parse_score(texts[-1]):
                term = tm
                continue
            if (c := _typed_row(row, header, term)):
                out.append(c)
    return out


_SCHOOL = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:大学|学院|医院|党校|学校)")


def _head_school(v: DocView, f: ExtractedField) -> ExtractedField:
    """The issuer as signed under a seal ('郑乐大学研究生院') set right by the school the
    heading names ('郑州大学研究生学习成绩单'): the same length, one character apart."""
    heads = [m.group(0) for ln in v.lines[:3] if (m := _SCHOOL.match(ln.text))]
    for school in heads:
        got = f.value[:len(school)]
        if got != school and len(f.value) >= len(school) and sum(a != b for a, b in zip(got, school)) == 1 \
                and (f.value[len(school):] == "" or re.match(r"[\u4e00-\u9fff]{0,8}(?:院|处|部|办公室|中心)$", f.value[len(school):])):
            return f.model_copy(update={"value": school + f.value[len(school):], "confidence": round(f.confidence * 0.85, 3)})
    return f


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Transcript fields; see the module docstring."""
    v = DocView(doc)
    fields = common_fields(v, ("person_name", "id_number", "organization", "issue_date", "has_seal"))
    fields = [(_head_school(v, f) if f.name == "organization" else f) for f in fields]
    courses = courses_from_rows(table_rows(v, _is_header))
    if doc.source == "ocr" and len(typed := typed_courses(v)) > len(courses):
        courses = typed
    if courses:
        first = next((i for i, ln in enumerate(v.lines) if courses[0]["course"] in ln.text), 0)
        anchor = v.lines[first] if v.lines else None
        fields.append(v.make("courses", courses, 0.8, line=anchor))
        fields.append(v.make("courses_passed", sum(c["passed"] for c in courses), 0.8, line=anchor))
    return fields
