"""Transcript rows from pdfplumber tables and from OCR line boxes."""

import json

import pytest

from extractors import extract
from extractors._base import doc_from_text
from extractors.transcript import courses_from_rows, parse_score
from schemas.document import BBox, DocumentText, Line, Page


def courses_of(doc):
    f = {x.name: x.value for x in extract("transcript", doc)}
    return json.loads(f.get("courses", "[]")), f


@pytest.mark.parametrize("cell, result", [
    ("85", ("85", True)), ("59.5", ("59.5", False)), ("60", ("60", True)), ("优秀", ("优秀", True)),
    ("合格", ("合格", True)), ("通过", ("通过", True)), ("中等", ("中等", True)), ("不及格", ("不及格", False)),
    ("不合格", ("不合格", False)), ("缺考", ("缺考", False)), ("120", None), ("高数", None),
])
def test_parse_score(cell, result):
    assert parse_score(cell) == result


def test_transcript_from_text_rows_with_terms():
    courses, f = courses_of(doc_from_text("""郑州大学研究生课程成绩单
姓名：赵强  学号：202212345
2022-2023学年第二学期
课程名称 学分 成绩
高级临床医学 3 85
医学统计学 2 良好
循证医学 2 58
2023-2024学年第一学期
医学伦理学 1 合格
郑州大学研究生院
2024年1月20日"""))
    assert [(c["course"], c["score"], c["passed"], c["year"]) for c in courses] == [
        ("高级临床医学", "85", True, 2023), ("医学统计学", "良好", True, 2023),
        ("循证医学", "58", False, 2023), ("医学伦理学", "合格", True, 2023)]
    assert f["courses_passed"] == "3" and f["person_name"] == "赵强"


def test_transcript_from_pdfplumber_table_two_column_pairs():
    table = [["课程名称", "成绩", "课程名称", "成绩"],
             ["马克思主义基本原理", "78", "高等数学", "55"],
             ["大学英语", "良好", None, None]]
    page = Page(number=1, width=600, height=800, tables=[table],
                lines=[Line(text="成绩单", bbox=BBox(x0=0, y0=0, x1=100, y1=20))])
    courses, f = courses_of(DocumentText(source="pdf_text", pages=[page]))
    assert [(c["course"], c["passed"]) for c in courses] == [
        ("马克思主义基本原理", True), ("高等数学", False), ("大学英语", True)]
    assert f["courses_passed"] == "2"


def test_transcript_from_ocr_boxes_with_term_column():
    def cell(text, x, y):
        return Line(text=text, bbox=BBox(x0=x, y0=y, x1=x + 20 * len(text), y1=y + 24), confidence=0.9)

    lines = [cell("课程", 60, 100), cell("学期", 300, 102), cell("总评", 480, 98)]
    rows = [("病理生理学", "2023春", "82"), ("药理学", "2023春", "不及格"), ("诊断学", "2023秋", "91")]
    for i, (c, t, s) in enumerate(rows):
        y = 140 + 40 * i
        lines += [cell(c, 62, y + 3), cell(t, 298, y), cell(s, 485, y + 2)]
    courses, f = courses_of(DocumentText(source="ocr", pages=[Page(number=1, width=700, height=600, lines=lines)]))
    assert [(c["course"], c["term"], c["passed"], c["year"]) for c in courses] == [
        ("病理生理学", "2023春", True, 2023), ("药理学", "2023春", False, 2023), ("诊断学", "2023秋", True, 2023)]
    assert f["courses_passed"] == "2"


def test_term_header_and_cells_with_xue_read_as_zi():
    """A photo's OCR reads 学 as 字 ('字期' heading the term column, '第一字期'): the term is read."""
    def cell(text, x, y):
        return Line(text=text, bbox=BBox(x0=x, y0=y, x1=x + 20 * len(text), y1=y + 24), confidence=0.9)

    lines = [cell("学年", 60, 100), cell("字期", 200, 100), cell("课程名称", 300, 100), cell("成绩", 520, 100)]
    rows = [("2022-2023", "第二字期", "临床流行病学", "68"), ("2023-2024", "第一字期", "临床科研设计", "87")]
    for i, (yr, t, c, sc) in enumerate(rows):
        y = 140 + 40 * i
        lines += [cell(yr, 60, y), cell(t, 200, y + 1), cell(c, 300, y + 2), cell(sc, 525, y)]
    courses, _ = courses_of(DocumentText(source="ocr", pages=[Page(number=1, width=700, height=600, lines=lines)]))
    assert [(c["course"], c["year"]) for c in courses] == [("临床流行病学", 2023), ("临床科研设计", 2023)]


def test_transcript_without_header():
    courses = courses_from_rows([["1. 护理学基础 90"], ["2. 健康评估 不合格"], ["说明：本成绩单复印无效"]])
    assert [(c["course"], c["passed"]) for c in courses] == [("护理学基础", True), ("健康评估", False)]


def test_course_nature_column_is_not_a_course_and_exam_date_is_the_term():
    courses, f = courses_of(doc_from_text("""研究生课程成绩单
序号 课程名称 课程性质 学分 成绩 考试日期
1 医学统计学 学位课 3 86 2023.06
2 卫生法学 选修课 1 57 2022.12"""))
    assert [(c["course"], c["term"], c["year"], c["passed"]) for c in courses] == [
        ("医学统计学", "2023.06", 2023, True), ("卫生法学", "2022.12", 2022, False)]


def test_course_named_like_a_header_word_is_kept():
    courses = courses_from_rows([["课程名称", "成绩"], ["学科教学设计", "优秀"], ["课程与教学论", "81"]])
    assert [c["course"] for c in courses] == ["学科教学设计", "课程与教学论"]


def test_evaluation_compares_courses_on_what_a_transcript_shows():
    """pipeline.evaluate compares transcript rows on course, score, passed and the exam's
    calendar year: the label's extra keys (exam_month, in_year) and the way the term is
    written (学期 name or exam date) do not count."""
    from pipeline.evaluate import same_value

    label = json.dumps([{"course": "学术英语", "score": "59", "term": "2023年秋季学期", "exam_month": "2023-12",
                         "passed": False, "in_year": True}], ensure_ascii=False)
    got = json.dumps([{"course": "学术英语", "score": "59", "term": "2023.12", "passed": False, "year": 2023}],
                     ensure_ascii=False)
    assert same_value("courses", label, got)
    wrong_year = got.replace("2023.12", "2022.12").replace("2023}", "2022}")
    assert not same_value("courses", label, wrong_year)
    assert not same_value("courses", label, got.replace('"59"', '"69"'))
    assert not same_value("courses", label, None)


# ---------------------------------------------------------------- photo damage to the table

def _cell(text, x, y):
    return Line(text=text, bbox=BBox(x0=x, y0=y, x1=x + 20 * len(text), y1=y + 24), confidence=0.9)


def _ocr_page(header: list[tuple[str, float]], rows: list[list[tuple[str, float]]], tail=()) -> DocumentText:
    """A photographed table as OCR boxes: the header at y=100, a row every 36 px, lines after it."""
    lines = [_cell(t, x, 100) for t, x in header]
    for i, row in enumerate(rows):
        lines += [_cell(t, x, 140 + 36 * i + (i % 2)) for t, x in row if t]
    lines += [_cell(t, 400, 140 + 36 * len(rows) + 40 * (k + 1)) for k, t in enumerate(tail)]
    return DocumentText(source="ocr", pages=[Page(number=1, width=800, height=900, lines=lines)])


def test_header_words_misread_on_a_photo_still_head_their_columns():
    """'课程名称' read as '谦幢名称' (still … 名称), '成绩' as '规绩': the table is read."""
    doc = _ocr_page([("谦幢名称", 120), ("学分", 330), ("规绩", 420), ("考试日期", 520)],
                    [[("循证医学", 100), ("2", 340), ("67", 425), ("2022.12", 520)],
                     [("医学伦理学", 100), ("2", 340), ("96", 425), ("2023.06", 520)]])
    courses, f = courses_of(doc)
    assert [(c["course"], c["score"], c["year"]) for c in courses] == [("循证医学", "67", 2022), ("医学伦理学", "96", 2023)]


def test_score_column_found_by_content_when_its_header_was_lost():
    """The header's 成绩 cell is lost: the column of numbers above 10 (not the credits 1–3)
    holds the scores."""
    doc = _ocr_page([("请程名称", 120), ("学", 330), ("考试日期", 520)],
                    [[("生物统计与试验设计", 60), ("2", 340), ("65", 420), ("2022.12", 520)],
                     [("植物营养学", 60), ("1", 340), ("64", 420), ("2023.06", 520)],
                     [("学术英语", 60), ("2", 340), ("不合格", 405), ("2023.06", 520)],
                     [("土壤学专论", 60), ("3", 340), ("58", 420), ("2023.06", 520)]])
    courses, f = courses_of(doc)
    assert [(c["course"], c["score"], c["passed"], c["year"]) for c in courses] == [
        ("生物统计与试验设计", "65", True, 2022), ("植物营养学", "64", True, 2023),
        ("学术英语", "不合格", False, 2023), ("土壤学专论", "58", False, 2023)]
    assert f["courses_passed"] == "2"


def test_name_left_aligned_under_a_narrow_serial_column():
    """Rows whose serial number the photo lost: the left-aligned name sits nearer the 序号
    header than the centred 课程名称 header, and is still the course."""
    doc = _ocr_page([("序号", 40), ("课程名称", 160), ("学分", 330), ("成绩", 400), ("学期", 480)],
                    [[("循证医学", 70), ("2", 340), ("96", 405), ("2022年秋季学期", 460)],
                     [("4", 45), ("医学统计学", 70), ("2", 340), ("合格", 400), ("2023年秋季学期", 460)]])
    courses, _ = courses_of(doc)
    assert [(c["course"], c["year"]) for c in courses] == [("循证医学", 2022), ("医学统计学", 2023)]


def test_term_cells_under_a_truncated_header_and_beside_the_academic_year():
    """The 学期 header read as '学': '第二学期' / '第一字期' are terms anyway, and a bare '二'
    right of the academic year is that year's term."""
    doc = _ocr_page([("学年", 80), ("学", 250), ("课程名称", 360), ("学分", 540), ("成绩", 620)],
                    [[("2022-2023", 20), ("二", 250), ("医学伦理学", 340), ("2", 550), ("96", 625)],
                     [("2022-2023", 20), ("第二学期", 215), ("科研论文写作", 340), ("3", 550), ("89", 625)],
                     [("2023-2024", 20), ("第一字期", 215), ("临床科研设计", 340), ("1", 550), ("66", 625)]])
    courses, _ = courses_of(doc)
    assert [(c["course"], c["year"]) for c in courses] == [("医学伦理学", 2023), ("科研论文写作", 2023), ("临床科研设计", 2023)]


def test_term_heading_with_xue_read_as_ji():
    courses, _ = courses_of(doc_from_text("课程名称 学分 成绩\n2022-2023学年第二季期\n医学统计学 2 良好\n河南大学\n2023年12月1日"))
    assert [(c["course"], c["year"]) for c in courses] == [("医学统计学", 2023)]


@pytest.mark.parametrize("cell, score", [("TO", "70"), ("8O", "80"), ("6l", "61"), ("B", "B"), ("良好", "良好"),
                                         ("含格", "合格"), ("合", "合格"), ("不合", "不合格")])  # 格 lost under a seal
def test_score_digits_read_as_letters(cell, score):
    doc = _ocr_page([("课程名称", 100), ("成绩", 400)], [[("高级病理生理学", 60), (cell, 405)]])
    courses, _ = courses_of(doc)
    assert [c["score"] for c in courses] == [score]


def test_course_year_after_the_transcript_date_is_a_misread_digit():
    """'2029.12' among 2022 and 2023 exams on a transcript signed in 2023 is 2023; a year
    that other courses share is left alone (the issue date itself may be the misread one)."""
    rows = [[("循证医学", 60), ("67", 405), ("2022.12", 500)], [("医学伦理学", 60), ("96", 405), ("2023.06", 500)],
            [("高级病理生理学", 60), ("70", 405), ("2029.12", 500)]]
    doc = _ocr_page([("课程名称", 100), ("成绩", 400), ("考试日期", 500)], rows, tail=["河南大学研究生院", "2023年12月26日"])
    courses, _ = courses_of(doc)
    assert [c["year"] for c in courses] == [2022, 2023, 2023]
    doc = _ocr_page([("课程名称", 100), ("成绩", 400), ("考试日期", 500)], rows[:2] + [rows[1]],
                    tail=["河南大学研究生院", "2022年12月26日"])  # the issue year misread: 2023 stays
    assert [c["year"] for c in courses_of(doc)[0]] == [2022, 2023, 2023]


def test_refresher_record_year_and_month_in_the_term_columns():
    """A 进修 record's 学年 | 学期 columns hold '2023' | '5月': the exam's year is 2023."""
    doc = _ocr_page([("学年", 40), ("学期", 130), ("课程名称", 260), ("学分", 430), ("成绩", 500)],
                    [[("2023", 40), ("5月", 135), ("医疗质量与安全", 220), ("2", 440), ("65", 505)],
                     [("2023", 40), ("10月", 130), ("急救技能考核", 220), ("3", 440), ("87", 505)]])
    courses, _ = courses_of(doc)
    assert [(c["course"], c["year"]) for c in courses] == [("医疗质量与安全", 2023), ("急救技能考核", 2023)]


def test_rows_read_by_content_when_the_header_is_lost():
    """A photo that lost the whole header row: three rows or more of name | credit | score |
    date are read as courses, the scores in the column of numbers above 10 and grades."""
    rows = [[("循证医学", 60), ("2", 330), ("67", 420), ("2022.12", 520)],
            [("医学伦理学", 60), ("2", 330), ("96", 420), ("2023.06", 520)],
            [("科研论文写作", 60), ("3", 330), ("合格", 410), ("2023.06", 520)],
            [("临床科研设计", 60), ("1", 330), ("55", 420), ("2023.12", 520)]]
    courses, f = courses_of(_ocr_page([], rows, tail=["注：成绩60分及以上为通过，已获学分合计：8", "2023年12月26日"]))
    assert [(c["course"], c["score"], c["year"], c["passed"]) for c in courses] == [
        ("循证医学", "67", 2022, True), ("医学伦理学", "96", 2023, True), ("科研论文写作", "合格", 2023, True),
        ("临床科研设计", "55", 2023, False)]
    # two such rows are no table: nothing is read
    assert courses_of(_ocr_page([], rows[:2]))[0] == []


def test_course_year_beyond_this_year_is_settled_without_an_issue_date():
    rows = [[("循证医学", 60), ("67", 405), ("2022.12", 500)], [("医学伦理学", 60), ("96", 405), ("2023.06", 500)],
            [("高级病理生理学", 60), ("70", 405), ("2093.12", 500)]]  # a year that cannot be yet
    courses, _ = courses_of(_ocr_page([("课程名称", 100), ("成绩", 400), ("考试日期", 500)], rows))
    assert [c["year"] for c in courses] == [2022, 2023, 2023]


@pytest.mark.parametrize("summary", ["平均成绩", "加权平均分", "已获学分合计", "总学分",
                                     "乎均成绩", "己获学分合汁",  # one glyph misread on a photo
                                     "综合评定", "考核结论："])  # the record's verdict
def test_summary_rows_are_not_courses(summary):
    courses, f = courses_of(doc_from_text(f"课程名称 学分 成绩\n医学统计学 2 86\n卫生法学 1 57\n{summary} 3 82"))
    assert [c["course"] for c in courses] == ["医学统计学", "卫生法学"] and f["courses_passed"] == "1"


def test_rows_built_on_the_flat_sheet_and_fields_boxed_on_the_photo():
    """A photographed sheet read flat: `layout` boxes are straight rows, the photo's boxes
    (`bbox`) climb to the right, the lower rows by more than a row (no one slope fits).
    Rows come from the layout; a field's box is the photo's."""
    def cell(text, x, y):
        flat = BBox(x0=x, y0=y, x1=x + 20 * len(text), y1=y + 24)
        rise = 0.0025 * (y - 100) * x  # keystone: lower rows slant more (55 px at the last)
        shown = BBox(x0=x + 30, y0=y - rise + 50, x1=x + 30 + 20 * len(text), y1=y - rise + 74)
        return Line(text=text, bbox=shown, layout=flat, confidence=0.9)

    lines = [cell("姓名：赵强", 60, 40), cell("课程名称", 60, 100), cell("成绩", 360, 100), cell("考试日期", 480, 100)]
    rows = [("医学统计学", "86", "2023.06"), ("卫生法学", "57", "2022.12"), ("循证医学", "合格", "2023.12")]
    for i, (c, s, t) in enumerate(rows):
        y = 140 + 30 * i
        lines += [cell(c, 60, y), cell(s, 362, y + 1), cell(t, 480, y)]
    page = Page(number=1, width=800, height=600, lines=lines)
    courses, _ = courses_of(DocumentText(source="ocr", pages=[page]))
    assert [(c["course"], c["score"], c["year"]) for c in courses] == [
        ("医学统计学", "86", 2023), ("卫生法学", "57", 2022), ("循证医学", "合格", 2023)]
    name = next(f for f in extract("transcript", DocumentText(source="ocr", pages=[page])) if f.name == "person_name")
    assert name.value == "赵强" and name.bbox == lines[0].bbox
    # the same lines without their flat boxes: the slant mixes the rows up
    flat_less = page.model_copy(update={"lines": [ln.model_copy(update={"layout": None}) for ln in lines]})
    assert courses_of(DocumentText(source="ocr", pages=[flat_less]))[0] != courses


def test_academic_years_misread_in_a_row_are_set_right():
    """OCR slips in the 学年 column: the row's year is the other rows' (two digits at most
    apart), else the half that is a possible year decides."""
    courses, _ = courses_of(doc_from_text("""研究生学习成绩单
学年 学期 课程名称 学分 成绩
2022-2023 1 弹塑性力学 3 88
2002-2029 1 高等结构力学 1 65
3022-2023 第一学期 岩土工程数值分析 1 95
2022-0025 2 自然辩证法概论 3 69
2023-2024 1 建筑结构抗震设计 2 89"""))
    assert [(c["term"], c["year"]) for c in courses] == [
        ("2022-2023第1学期", 2022), ("2022-2023第1学期", 2022), ("2022-2023第一学期", 2022),
        ("2022-2023第2学期", 2023), ("2023-2024第1学期", 2023)]
    alone, _ = courses_of(doc_from_text("学年 学期 课程名称 成绩\n3022-2023 2 弹塑性力学 88"))
    assert (alone[0]["term"], alone[0]["year"]) == ("2022-2023第2学期", 2023)


def test_headerless_photo_rows_keep_their_school_year_and_garbled_terms():
    """A photo whose header row read as noise: a '2022-2023' cell is still the school year,
    '第二字' / '第二学题' still the term (期 lost or misread), '不合费' still 不合格."""
    def cell(text, x, y):
        return Line(text=text, bbox=BBox(x0=x, y0=y, x1=x + 16 * len(text), y1=y + 20), confidence=0.8)

    rows = [("2022-2023", "1", "科研论文写作", "82"), ("2022-2023", "第二字", "工程经济学", "不合费"),
            ("2022-2023", "第二学题", "自然辩证法概论", "92"), ("2023-2024", "1", "弹塑性力学", "52")]
    lines = [cell("掌章", 60, 60), cell("0915", 330, 60), cell("难涤", 470, 60)]
    for i, (yr, t, c, sc) in enumerate(rows):
        y = 100 + 30 * i
        lines += [cell(yr, 40, y), cell(t, 200, y), cell(c, 280, y), cell(sc, 470, y)]
    courses, f = courses_of(DocumentText(source="ocr", pages=[Page(number=1, width=700, height=400, lines=lines)]))
    assert [(c["course"], c["score"], c["passed"], c["year"]) for c in courses] == [
        ("科研论文写作", "82", True, 2022), ("工程经济学", "不合格", False, 2023),
        ("自然辩证法概论", "92", True, 2023), ("弹塑性力学", "52", False, 2023)]
    assert f["courses_passed"] == "2"


@pytest.mark.parametrize("name, score, course", [
    ("注：成绩", "60", False), ("说明：百分制", "60", False), ("成绩", "60", False), ("审核人", "合格", False),
    ("教务处（盖章）", "85", False), ("高等数学", "85", True), ("社会调查与签名分析", "80", True),
])
def test_notes_and_sign_offs_beside_a_number_are_no_course(name, score, course):
    """A note split into boxes ('注：成绩' | '60' | '分及以上为通过'), a column word or a sign-off
    over a seal is not a course row; a course whose name only contains such a word is."""
    from extractors.transcript import _course
    assert (_course(name, score, None) is not None) == course
