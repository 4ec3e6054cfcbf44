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
together. An issuer OCR misread under the seal is set right by the school the heading names.

Photo damage the typed reading tolerates: header words one or two glyphs off ('谋程名称',
'规绩'), a lost score header (the score column is then the x cluster of grades and numbers
above 10: _score_column), a course name left-aligned under a narrow 序号 column, a term
cell under a truncated header or a bare term number beside the academic year, score digits
read as letters ('TO'), 合格 read as 含格, and an exam year after the transcript's date that
one digit sets right (_settle_years). A page whose header row was lost entirely is read by
content alone when three rows or more read as courses. Summary rows (平均成绩, 已获学分合计)
are no courses."""

from __future__ import annotations

import re
import statistics
from datetime import date

from extractors._base import DocView
from extractors._common import common_fields
from extractors._table import page_slope, rows_from_lines, split_cells, table_rows
from extractors._text.dates import possible_year, settle_school_year, term_year
from schemas.document import DocumentText
from schemas.records import ExtractedField

PASS_GRADES = ("优秀", "良好", "中等", "及格", "合格", "通过", "优", "良", "中", "A", "B", "C", "D")
FAIL_GRADES = ("不及格", "不合格", "未通过", "缺考", "作弊", "缓考", "F", "E")
_GRADE = "|".join(sorted(PASS_GRADES + FAIL_GRADES, key=len, reverse=True))
_SCORE_RE = re.compile(rf"^(?:(\d{{1,3}}(?:\.\d+)?)|({_GRADE}))$")
# '课程名称' with its first characters misread on a photo ('谋程名称', '谦幢名称') still ends in 名称.
_COURSE_H = re.compile(r"^(?!.*(?:性质|类别|类型|代码|编号|代号|属性|学分|学时))(?:.*(?:课程|科目|课名|考试项目|学科)|[\u4e00-\u9fff]{0,2}名称$)")
_HEAD_CELL = re.compile(r"^(?:课程|科目|课程名称|科目名称|课名|课程名|考试项目|考试科目|学科)$")
_SCORE_H = re.compile(r"成绩|分数|得分|考核结果|总评|考试结果|^(?:考试|考核|课程)?(?:成[\u4e00-\u9fff]|[\u4e00-\u9fff]绩)$")  # 成绩 one glyph misread
_TERM_H = re.compile(r"学期|学年|^字期$|(?:考试|考核|修读|结课|成绩)(?:时间|日期)|日期")  # 学 OCR reads as 字
_TERM_LINE = re.compile(r"((?:19|20)\d{2}\s*[-—~至]\s*(?:19|20)\d{2}\s*学年\s*(?:第?[一二12上下]学期)?|(?:19|20)\d{2}年?(?:春|秋)季?学期?)")
# A heading row of the month the courses below it were assessed in (进修: '2023年3月').
_MONTH_HEAD = re.compile(r"^((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月份?)$")


def _term_heading(text: str) -> str | None:
    """The term a heading row names ('2022-2023学年第一学期', '2023年春季学期', '2023年3月')."""
    text = _term_text(text)
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


_SCORE_GLYPHS = str.maketrans("OoDQIl|TZzSsBGg", "000011172255869")


def _score_glyphs(cell: str) -> str:
    """A score cell whose digits a photo's OCR read as letters ('TO' → '70', '8O' → '80'),
    or 合格's 合 read as 含/台/会, or its 格 lost under a seal ('合'); a lone letter stays, as
    it may be a grade (A/B/C/D)."""
    t = cell.strip()
    if re.fullmatch(r"(不)?(?:[含台会]格|合)", t):  # 合 of 合格 / 不合格 misread, or 格 lost
        return f"{'不' if t[0] == '不' else ''}合格"
    if m := re.fullmatch(r"不([合及])[\u4e00-\u9fff]", t):  # 格 misread ('不合费', '不及恪')
        return f"不{m.group(1)}格"
    if 2 <= len(t) <= 3 and re.fullmatch(r"[0-9OoDQIl|TZzSsBGg]+", t) and not t.isdigit():
        return t.translate(_SCORE_GLYPHS)
    return cell


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
    """A term cell with 学 that OCR read as 字 set right ('第一字期' → '第一学期'), and a whole
    cell '第二字' / '第二学题' (期 lost or misread) read as the term it is."""
    if m := re.fullmatch(r"\s*第([一二12上下])\s*[学字]\s*[\u4e00-\u9fff]?\s*", text):
        return f"第{m.group(1)}学期"
    return re.sub(r"(?<=第[一二12上下])\s*[字季]期|(?<=[一二12上下])\s*字期|(?<=学年)字期", "学期", text)


def _term_of(cells: list[str], cols: list[int]) -> str | None:
    """The row's term from its term columns ('2022-2023' + '第二学期' → '2022-2023第二学期')."""
    parts = [_term_text(cells[i]) for i in cols if i < len(cells) and cells[i]]
    if len(parts) == 2 and re.fullmatch(r"[一二12上下]", parts[1]):
        parts[1] = f"第{parts[1]}学期"  # a bare term number under 学期
    return "".join(parts) or None


# A table's summary row, not a course ('平均成绩 85', '已获学分合计 14', '加权平均分 82.5').
# (a photo misreads one glyph of it: '乎均成绩', '已获学分合汁', '己获')
_SUMMARY_ROW = re.compile(r"合计|总计|小计|平均|均分|绩点|GPA|总学分|已获|应修|实修|总分|加权|"
                          r"均成绩|均绩|学分合|[合台]\s*[汁讦]|[已己巳]\s*获|[总息]\s*学分")


# The record's overall verdict under the courses ('综合评定 优秀', '考核结论：合格'): no course.
_VERDICT_ROW = re.compile(r"(?:综合|总体|最终|考核|鉴定|进修|出科|结业|学习)?(?:评定|评价|结论|意见|鉴定|总评|等级|等次)")


# A note, a column word or a sign-off beside a number is no course ('注：成绩' | '60' |
# '分及以上为通过' read as three boxes; '审核人' over a seal's '合格').
_NOTE_CELL = re.compile(r"^(?:注|说明|备注|附注|注意)\s*[:：]|^(?:成绩|分数|得分|学分|学时|考核结果)$"
                        r"|(?:审核|制表|经办|负责)人[:：]?$|^(?:签字|签名|签章|盖章)|(?:签字|签名|签章|盖章)[)）]?[:：]?$")


def _course(name: str, score: str, term: str | None) -> dict | None:
    score = _score_glyphs(score)
    parsed = parse_score(score)
    name = name.strip()
    if not parsed or len(name) < 2 or _HEAD_CELL.match(name) or name.isdigit() or _SUMMARY_ROW.search(name) \
            or _VERDICT_ROW.fullmatch(name.replace(" ", "").rstrip(":：")) or _NOTE_CELL.search(name.replace(" ", "")):
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
_ACADEMIC_YEAR = r"(?:19|20)\d{2}\s*[-—~～至/]\s*(?:19|20)\d{2}(?:学年)?"  # a cell '2022-2023'
# the same with its digits misread ('3022-2023', '2022-0025'): set right by _settle_academic_years
_AY = re.compile(r"(\d{4})\s*[-—~～至/]\s*(\d{4})")
_ANY_ACADEMIC_YEAR = rf"{_AY.pattern}(?:学年)?"
# A cell under a 学年/学期 header: '2022-2023', '2022～2023', '第一学期', '一', '2', '秋季', and
# a 进修 record's year and month ('2023' | '5月').
_TERM_CELL = re.compile(rf"^(?:{_ACADEMIC_YEAR}|第?[一二12上下](?:学期)?|[春秋夏冬]季?(?:学期)?|"
                        r"(?:19|20)\d{2}年?|\d{1,2}月份?)$")
_REMARK = re.compile(r"重修|补考|缓考|免修|缺考|旷考|备注")


def _xc(ln) -> float:
    return (ln.bbox.x0 + ln.bbox.x1) / 2


def _score_column(rows, h: float) -> float | None:
    """Where the scores stand when the header's score cell was lost on a photo: of the
    columns (x clusters) of score-like cells below the header, the one holding the most
    cells that only a score can be (above 10, or a grade; credits are small numbers)."""
    def weight(text: str) -> int:  # a grade is only ever a score; a number above 10 may be 学时
        return 1 if re.fullmatch(r"\d+(?:\.\d+)?", text) and float(text) > 10 else 2 if not text[0].isdigit() else 0

    cells = sorted((_xc(ln), weight(t), t) for row in rows for ln in row if parse_score(t := _score_glyphs(ln.text)))
    clusters: list[list[tuple[float, int, str]]] = []
    for c in cells:
        if clusters and c[0] - clusters[-1][-1][0] <= 1.5 * h:
            clusters[-1].append(c)
        else:
            clusters.append([c])
    # ties (a 学时 column of 32s beside the scores): the column of more different values
    best = max(clusters, key=lambda cl: (sum(w for _, w, _ in cl), len({t for _, _, t in cl})), default=None)
    if best is None or sum(w > 0 for _, w, _ in best) < max(2, len(best) / 2):
        return None
    return statistics.median(x for x, _, _ in best)


def _typed_row(row, header, term: str | None, score_x: float | None = None, h: float = 20.0) -> dict | None:
    """One course from a row of boxes read by their content (see the module docstring);
    `score_x` is where the scores stand when the header names no score column."""
    centres = [(_xc(h), h.text) for h in header]

    def column(ln) -> str:
        return min(centres, key=lambda c: abs(c[0] - _xc(ln)))[1] if centres else ""

    if score_x is None:
        scores = [ln for ln in row if parse_score(_score_glyphs(ln.text)) and _SCORE_H.search(column(ln))]
    else:
        scores = sorted((ln for ln in row if parse_score(_score_glyphs(ln.text)) and abs(_xc(ln) - score_x) <= 1.5 * h),
                        key=lambda ln: -abs(_xc(ln) - score_x))
    if not scores:
        return None
    score = scores[-1]
    years = [ln for ln in row if re.fullmatch(_ANY_ACADEMIC_YEAR, ln.text)]

    def is_term(ln) -> bool:
        t = _term_text(ln.text)
        if _DATE_CELL.match(t.replace(" ", "")) or re.fullmatch(r"第[一二12上下]学期", t):
            return True
        if re.fullmatch(_ANY_ACADEMIC_YEAR, t.strip()):
            return True  # '2022-2023' (or misread '2022-2823'): a school year, header or not
        # a bare term number: under a term header, or just right of the academic year's cell
        beside_year = any(0 <= ln.bbox.x0 - y.bbox.x1 <= 4 * h for y in years)
        return bool((_TERM_H.search(column(ln)) or beside_year) and _TERM_CELL.match(t))

    terms = [ln for ln in row if ln is not score and is_term(ln)]
    # a course name left-aligned under a narrow 序号 column is still the name (serials are digits)
    names = [ln for ln in row if ln is not score and ln not in terms and ln.bbox.x1 <= score.bbox.x0 + 2
             and len(re.findall(r"[\u4e00-\u9fffA-Za-z]", ln.text)) >= 2 and not _REMARK.search(ln.text)
             and not _OTHER_H.search(column(ln).replace("序号", "")) and not parse_score(ln.text)]
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


def _typed_header(texts: list[str]) -> bool:
    """The header of a table read by content: one course column, and a score column or at least
    one other short column word (the score's cell may be lost on a photo)."""
    if sum(bool(_COURSE_H.search(t)) for t in texts) != 1:
        return False
    return _is_header(texts) or sum(1 for t in texts if 0 < len(t) <= 6 and re.search(
        r"学分|学时|学期|学年|日期|时间|性质|类别|序号|代码|编号|备注", t)) >= 1


def typed_courses(v: DocView) -> list[dict]:
    """Courses of OCR'd table pages read row by row by what their cells hold, under a
    header naming one course column and its score column (side-by-side pairs are left to
    courses_from_rows)."""
    out: list[dict] = []
    for page in v.doc.pages:
        if page.tables:
            continue
        cells = [c for ln in v.lines if ln.page == page.number for c in split_cells(ln)]
        rows = rows_from_lines(cells, page_slope(cells) if v.doc.source == "ocr" else 0.0)
        start = next((i for i, row in enumerate(rows) if _typed_header([ln.text for ln in row])), None)
        h = statistics.median(max(ln.bbox.y1 - ln.bbox.y0, 1.0) for ln in cells) if cells else 20.0
        # no header read (a photo garbled it): the rows are read by content alone, the scores
        # in the column _score_column finds, and taken when three rows or more read as courses
        header = rows[start] if start is not None else []
        body = rows[start + 1:] if start is not None else rows
        score_x = None if any(_SCORE_H.search(ln.text) for ln in header) else _score_column(body, h)
        if not header and score_x is None:
            continue
        found, term = [], None
        for row in body:
            texts = [ln.text for ln in row]
            if len(row) <= 2 and (tm := _term_heading("".join(texts))) and not parse_score(texts[-1]):
                term = tm
                continue
            if (c := _typed_row(row, header, term, score_x, h)):
                found.append(c)
        out += found if header or len(found) >= 3 else []
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


def _settle_academic_years(courses: list[dict]) -> None:
    """An academic year misread in one row ('2002-2029', '3022-2023', '2022-0025' among rows
    of '2022-2023') is set right: to the valid year of the other rows it is nearest (at most
    two digits apart, and one such), else by its own halves (settle_school_year) when one of
    them is a possible year."""
    def valid(m: re.Match) -> bool:
        return possible_year(int(m.group(1))) and int(m.group(2)) == int(m.group(1)) + 1

    seen = [m.group(1) + m.group(2) for c in courses if c["term"] and (m := _AY.search(c["term"])) and valid(m)]
    for c in courses:
        if not c["term"] or not (m := _AY.search(c["term"])) or valid(m):
            continue
        digits, fixed = m.group(1) + m.group(2), None
        dist = {v: sum(a != b for a, b in zip(v, digits)) for v in set(seen)}
        if dist and (best := min(dist.values())) <= 2 and sum(d == best for d in dist.values()) == 1:
            fixed = next(v for v, d in dist.items() if d == best)
        elif possible_year(int(m.group(1))) or possible_year(int(m.group(2))):
            fixed = "".join(map(str, settle_school_year(int(m.group(1)), int(m.group(2)))))
        if fixed:
            c["term"] = f"{c['term'][:m.start()]}{fixed[:4]}-{fixed[4:]}{c['term'][m.end():]}"
            c["year"] = term_year(c["term"])


def _settle_years(courses: list[dict], issue_year: int | None) -> None:
    """A course year after the transcript's own date and more than a year after every other
    course's ('2029.12' among 2022 and 2023 courses on a transcript signed in 2023) is a
    misread digit: the other courses' year one digit off (the commonest, the later on a tie).
    Without a legible issue date, this year bounds it."""
    if issue_year is None:
        issue_year = date.today().year
    for c in courses:
        y = c["year"]
        others = [o["year"] for o in courses if o["year"] and o["year"] != y]
        if y and others and y > issue_year and y > max(others) + 1:
            near = [o for o in others if sum(a != b for a, b in zip(str(o), str(y))) == 1]
            if near:
                c["year"] = max(set(near), key=lambda o: (near.count(o), o))


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Transcript fields; see the module docstring."""
    v = DocView(doc)
    fields = common_fields(v, ("person_name", "id_number", "organization", "issue_date", "has_seal"))
    fields = [(_head_school(v, f) if f.name == "organization" else f) for f in fields]
    courses = courses_from_rows(table_rows(v, _is_header))
    if doc.source == "ocr" and len(typed := typed_courses(v)) >= len(courses):
        courses = typed
    if courses:
        issued = next((f.value for f in fields if f.name == "issue_date" and f.value), None)
        _settle_academic_years(courses)
        _settle_years(courses, int(issued[:4]) if issued else None)
        first = next((i for i, ln in enumerate(v.lines) if courses[0]["course"] in ln.text), 0)
        anchor = v.lines[first] if v.lines else None
        fields.append(v.make("courses", courses, 0.8, line=anchor))
        fields.append(v.make("courses_passed", sum(c["passed"] for c in courses), 0.8, line=anchor))
    return fields
