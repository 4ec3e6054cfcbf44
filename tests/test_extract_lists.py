"""List fields read from tables and lists: a plan filing's `trainings` and a transcript's
`courses`, from clean text and from OCR-like boxes (skewed, wrapped, with a stamp's
sentence under the table). Hand-written wordings, not a sample generator's."""

import json

import pytest

from extractors import extract
from extractors._base import doc_from_text
from extractors._base import DocView
from extractors.plan_filing import column_items, looks_like_training, split_merged
from schemas.document import BBox, DocumentText, Line, Page


def ocr_doc(boxes, slope=0.0, width=1000, height=1400):
    """A photographed page: (text, x0, y0, x1) boxes 26 high, turned by `slope` (dy/dx)."""
    lines = []
    for text, x0, y0, x1 in boxes:
        dy = slope * (x0 + x1) / 2
        lines.append(Line(text=text, bbox=BBox(x0=x0, y0=y0 + dy, x1=x1, y1=y0 + dy + 26), confidence=0.9))
    return DocumentText(source="ocr", engine="synthetic",
                        pages=[Page(number=1, width=width, height=height, lines=lines)])


def fields(kind, doc):
    return {f.name: f.value for f in extract(kind, doc)}


# --- plan filing: trainings ---------------------------------------------------------------

def test_plan_numbered_list_clean_text():
    f = fields("plan_filing", doc_from_text("""关于驻马店市水利局2024年度专业技术人员继续教育培训计划备案的复函
驻马店市水利局：
你局报来的2024年度培训计划收悉。经研究，同意备案。具体项目如下：
一、2024年智慧水务运行维护技术研修班（5月，32学时）
二、2024年河湖长制业务能力提升培训班（8月，24学时）
三、2024年水利工程质量检测实务培训（10月，16学时）
请按计划组织实施，培训结束后及时登记学时。
驻马店市人力资源和社会保障局
2024年3月18日"""))
    assert json.loads(f["trainings"]) == ["2024年智慧水务运行维护技术研修班",
                                          "2024年河湖长制业务能力提升培训班",
                                          "2024年水利工程质量检测实务培训"]
    assert f["year"] == "2024"


def test_plan_skewed_photo_table_with_stamp_sentence():
    boxes = [
        ("卫生系统继续教育培训计划备案表", 300, 100, 700),
        ("计划年度：2024年度", 150, 150, 330),
        ("序号", 150, 220, 190), ("培训项目名称", 330, 220, 440), ("举办时间", 600, 220, 680),
        ("学时", 720, 220, 760),
        ("1", 160, 260, 175), ("2024年院前急救规范化处置专业技术人员培训", 200, 255, 580),
        ("6月", 620, 260, 650), ("16", 730, 260, 750),
        ("班", 200, 285, 215),
        ("2", 160, 330, 175), ("20年感染性疾病诊治进展研修班", 200, 325, 520),
        ("9月", 620, 330, 650), ("24", 730, 330, 750),
        ("3", 160, 380, 175), ("2024年护理文书书写规范院内培训", 200, 375, 500),
        ("11月", 620, 380, 660), ("8", 735, 380, 748),
        ("人社部门意见", 150, 440, 260), ("已备案，请按计划组织实施，结束后登记学时。", 280, 440, 720),
        ("信阳市人力资源和社会保障局", 500, 520, 760), ("2024年3月2日", 560, 560, 700),
    ]
    f = fields("plan_filing", ocr_doc(boxes, slope=0.08))
    assert json.loads(f["trainings"]) == ["2024年院前急救规范化处置专业技术人员培训班",
                                          "2024年感染性疾病诊治进展研修班",
                                          "2024年护理文书书写规范院内培训"]


def test_plan_photo_header_row_not_led_astray_by_a_form_label_or_a_raised_body_cell():
    """A register photographed askew (the rows climb to the right): the header row is followed
    to 培训对象 (not the '本单位专业技术人员' cell the skew raised beside 举办月份) and to 序号
    (not the form's '报备日期' label above it), so the training column is bounded right."""
    def box(text, x0, y0, x1, y1):
        return Line(text=text, bbox=BBox(x0=x0, y0=y0, x1=x1, y1=y1), confidence=0.95)

    lines = [box("继续教育年度培训计划备案登记表", 301, 209, 646, 283), box("计划年度：2025年度", 201, 290, 336, 329),
             box("报备单位", 223, 335, 284, 362), box("焦作市农业农村局", 296, 315, 438, 354),
             box("报备日期", 223, 358, 288, 389), box("2025年03月19日", 296, 343, 408, 382),
             box("序号", 214, 386, 251, 417), box("培训项目名称", 337, 368, 421, 402), box("举办月份", 510, 352, 571, 383),
             box("培训对象", 618, 343, 677, 370), box("学时", 726, 332, 766, 360)]
    rows = [("2025年高标准农田建设管理院内培训", "4月", "本单位专业技术人员", "8"),
            ("2025年农药安全使用技术院内培训", "5月", "本单位全体专业技术人", "6"),
            ("2025年设施农业新技术院内培训", "6月", "本单位专业技术人员", "24")]
    for i, (title, month, who, hours) in enumerate(rows):
        y = 392 + 34 * i
        lines += [box(str(i + 1), 224, y + 25, 245, y + 45), box(title, 257, y, 473, y + 40),
                  box(month, 527, y - 12, 560, y + 15), box(who, 576, y - 28, 702, y + 10), box(hours, 736, y - 32, 759, y - 8)]
    lines += [box("已备案。请按计划组织实施，培训结束后按规定登记学时。", 327, 508, 687, 569),
              box("焦作市人力资源和社会保障局", 553, 584, 776, 634)]
    doc = DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=993, height=1406, lines=lines)])
    assert column_items(DocView(doc)) == [r[0] for r in rows]
    assert json.loads(fields("plan_filing", doc)["trainings"]) == [r[0] for r in rows]


def test_plan_photo_rows_by_their_cells():
    """A photographed plan: the first three rows' names lost while their month and hours cells
    read (one month garbled, '0月'), the last row's hours lost and its name wrapped onto a
    second line: plan_rows has every row with what of it read."""
    boxes = [("专业技术人员继续教育培训计划备案通知书", 255, 317, 695), ("备案号：鹤人社继备〔2025〕14号", 526, 364, 756),
             ("鹤壁市林业局：", 185, 388, 362), ("序号", 197, 504, 235), ("培训项目", 392, 511, 455),
             ("计划时间", 614, 516, 674), ("学时", 701, 520, 736),
             ("4月", 630, 541, 657), ("16", 709, 545, 728), ("5月", 629, 565, 657), ("12", 709, 568, 727),
             ("0月", 629, 589, 657), ("16", 709, 592, 727),
             ("2025年森林防火技术专业技术人员培训", 242, 613, 486), ("7月", 630, 612, 657), ("12", 707, 616, 727),
             ("班", 242, 637, 262),
             ("2025年林木良种繁育专业技术人员培训班", 265, 662, 512), ("9月", 629, 662, 657),
             ("已备案，请按计划组织实施。", 300, 710, 600), ("鹤壁市人力资源和社会保障局", 526, 750, 704)]
    got = json.loads(fields("plan_filing", ocr_doc(boxes))["plan_rows"])
    assert [(r["title"], r["month"], r["hours"]) for r in got] == [
        (None, 4, 16), (None, 5, 12), (None, None, 16), ("2025年森林防火技术专业技术人员培训班", 7, 12),
        ("2025年林木良种繁育专业技术人员培训班", 9, None)]
    assert [r["row"] for r in got] == [1, 2, 3, 4, 5]


def test_plan_receipt_rows_merged_into_one_line():
    # the reader ran two rows' names together; the stamp's sentence follows
    f = fields("plan_filing", doc_from_text("""专业技术人员继续教育培训计划备案回执
许昌市教育局：
你单位于2024年2月20日报送的2024年度继续教育培训计划已收悉，准予备案的培训项目如下。
序号 培训项目 计划时间 学时
1 2024年班主任工作艺术专题研修班2024年课堂观察与评课技术培训班 4月 12
3 2024年校园心理危机干预培训 10月 8
已备案·请按计划组织实施
许昌市人力资源和社会保障局
2024年03月01日"""))
    got = json.loads(f["trainings"])
    assert got == ["2024年班主任工作艺术专题研修班", "2024年课堂观察与评课技术培训班", "2024年校园心理危机干预培训"]


@pytest.mark.parametrize("text", ["已备案·请按计划组织实施", "2024年05月12日", "培训项目名称",
                                  "你单位于2024年3月2日报送的2024年度继续教育培训", "准予备案的培训"])
def test_not_a_training(text):
    assert not looks_like_training(text)


@pytest.mark.parametrize("text", ["2024年基层中医适宜技术推广培训班", "2024年财务人员新会计准则讲座"])
def test_a_training(text):
    assert looks_like_training(text)


def test_split_merged():
    assert split_merged("2024年甲状腺疾病诊疗培训班2024年乙肝防治研修班") == [
        "2024年甲状腺疾病诊疗培训班", "2024年乙肝防治研修班"]
    assert split_merged("2024年近20年气候变化应对培训") == ["2024年近20年气候变化应对培训"]


# --- transcript: courses ------------------------------------------------------------------

def test_transcript_skewed_photo_term_column_left_aligned_names():
    boxes = [
        ("某某大学研究生学业成绩单", 350, 80, 620),
        ("姓名：孙晓燕", 150, 120, 290),
        ("开课学期", 150, 180, 230), ("课程名称", 380, 180, 450), ("学分", 560, 180, 600),
        ("成绩", 640, 180, 680), ("备注", 720, 180, 760),
    ]
    rows = [("2024春", "环境化学", "3", "88", ""), ("2024春", "水污染控制工程", "2", "57", "需重修"),
            ("2024秋", "科技英语写作", "", "良好", ""), ("2024秋", "高等数理统计", "3", "76", "")]
    for i, (term, course, credit, score, note) in enumerate(rows):
        y = 220 + 36 * i
        boxes += [(term, 152, y, 205), (course, 215, y, 215 + 20 * len(course))]
        boxes += [(credit, 572, y, 588)] if credit else []
        boxes += [(score, 648, y, 672)] + ([(note, 715, y, 765)] if note else [])
    boxes.append(("注：百分制60分及以上为合格", 150, 380, 500))
    f = fields("transcript", ocr_doc(boxes, slope=0.05))
    courses = json.loads(f["courses"])
    assert [(c["course"], c["score"], c["passed"], c["year"]) for c in courses] == [
        ("环境化学", "88", True, 2024), ("水污染控制工程", "57", False, 2024),
        ("科技英语写作", "良好", True, 2024), ("高等数理统计", "76", True, 2024)]
    assert f["courses_passed"] == "3"


def test_transcript_exam_register_with_number_and_method_columns():
    f = fields("transcript", doc_from_text("""进修人员课程考试成绩登记表
姓名：钱明  进修科室：神经内科
课程编号 课程名称 学时 考核方式 成绩 考核时间
K0301 脑血管病诊治进展 24 笔试 81 2024.05
K0302 神经系统查体 16 操作 合格 2024.06
K0305 癫痫的规范治疗 16 笔试 55 2024.07
某某医院科教科
2024年8月1日"""))
    courses = json.loads(f["courses"])
    assert [(c["course"], c["score"], c["passed"]) for c in courses] == [
        ("脑血管病诊治进展", "81", True), ("神经系统查体", "合格", True), ("癫痫的规范治疗", "55", False)]
