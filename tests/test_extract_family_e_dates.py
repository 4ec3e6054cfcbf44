"""Dates under other labels and in signature blocks (template family E, samplegen/templates/
family_e/dates.py): qualification pass dates (取得资格/考试通过/评审通过 vs 签发/发证),
signature-block dates of presentation proofs and leader endorsements, 鉴定日期 on assessment
forms, conference notices with 报到 days, and form rows a born-digital text layer reads as one
line.

Two parts: rendered family-E documents (one born-digital PDF and one phone photo per kind,
live OCR, marked ``ocr``), and plain-text unit tests of hand-written wordings that are not
the E templates' own (other labels, other issuers, other layouts)."""

from __future__ import annotations

import json

import pytest

from extractors import extract
from extractors._base import DocView, doc_from_text
from extractors._common import split_form_rows
from extractors._text.dates import loose_date
from schemas.document import BBox, DocumentText, Line, Page


def fields(kind: str, doc: DocumentText) -> dict:
    out: dict = {}
    for f in extract(kind, doc):
        out.setdefault(f.name, f.value)
    return out


def ocr_doc(boxes, width=1000, height=1400):
    """A photographed page: (text, x0, y0, x1) boxes 26 high."""
    lines = [Line(text=t, bbox=BBox(x0=x0, y0=y0, x1=x1, y1=y0 + 26), confidence=0.9) for t, x0, y0, x1 in boxes]
    return DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=width, height=height, lines=lines)])


def pdf_rows(rows, x0=60, x1=530):
    """A born-digital page whose form rows the text layer joined into one line each; a row
    given as (text, x0, x1) is a cell's line of its own (a wrapped value, a label)."""
    lines = []
    for i, row in enumerate(rows):
        text, a, b = (row, x0, x1) if isinstance(row, str) else row
        lines.append(Line(text=text, bbox=BBox(x0=a, y0=100 + 22 * i, x1=b, y1=111 + 22 * i), confidence=1.0))
    return DocumentText(source="pdf_text", pages=[Page(number=1, width=595, height=842, lines=lines)])


# --- qualification certificates --------------------------------------------------------------

def test_qualification_pass_date_not_the_issue_date():
    f = fields("qualification_certificate", doc_from_text("""中华人民共和国
社会工作者职业资格证书
证书编号：2022410300198
姓名：常玉兰
资格名称：助理社会工作师
获得资格日期：2022年7月20日
发证日期：2022年11月3日
发证机关：民政部 人力资源和社会保障部"""))
    assert f["pass_date"] == "2022-07-20"
    assert f["issue_date"] == "2022-11-03"
    assert f["certificate_number"] == "2022410300198"


def test_qualification_core_date_label():
    f = fields("qualification_certificate", doc_from_text("""专业技术资格证书
姓名 冯志伟
资格名称 高级工程师
核准日期 2023.06.28
签发日期 2023.07.15
管理号 BG2023410277"""))
    assert f["pass_date"] == "2023-06-28"
    assert f["issue_date"] == "2023-07-15"


def test_qualification_issue_label_lost_a_character_under_the_seal():
    f = fields("qualification_certificate", doc_from_text("""护士执业资格证书
姓名：党文静
资格取得时间：2023年5月
证日期：2023-06-19"""))
    assert f["issue_date"] == "2023-06-19"
    assert f["pass_date"] == "2023-05"


def test_qualification_query_table_read_as_joined_rows():
    # a web print whose table the text layer reads one row per line
    doc = pdf_rows(["资格证书信息核验", "姓名 身份证号 资格名称 资格级别 取得时间 证书编号",
                    "宋佳怡 410105199003124528 主管护师 中级 2022-09-09 2022410000881",
                    "核验单位：河南省人事考试中心"])
    f = fields("qualification_certificate", doc)
    assert f["person_name"] == "宋佳怡"
    assert f["pass_date"] == "2022-09-09"
    assert f["qualification_level"] == "intermediate"
    assert f["certificate_number"] == "2022410000881"


def test_qualification_stated_practising_level():
    f = fields("qualification_certificate", doc_from_text("""资格证书
姓名：焦红梅
资格名称：执业中药师
资格级别：执业资格
批准时间：2023年10月18日"""))
    assert f["qualification_level"] == "practising"


# --- presentation proofs ---------------------------------------------------------------------

def test_presentation_form_row_and_wrapped_title():
    doc = pdf_rows(["河南省护理学会2023年学术年会", "论文交流证明",
                    "报告人 侯晓燕 所在单位 驻马店市中心医院",
                    ("《基于快速康复理念的围术期护", 150, 420),
                    ("报告题目", 70, 140),
                    ("理实践》", 150, 420),
                    "交流方式 分会场发言 全文字数 3200字",
                    "河南省护理学会", "二〇二三年十月九日"])
    f = fields("presentation_proof", doc)
    assert f["person_name"] == "侯晓燕"
    assert f["article_title"] == "基于快速康复理念的围术期护理实践"
    assert f["word_count"] == "3200"
    assert f["issue_date"] == "2023-10-09"


def test_presentation_letter_to_the_author_signed_at_the_foot():
    f = fields("presentation_proof", doc_from_text("""录用通知
孟庆华（漯河市第三人民医院）：
您的论文《老年髋部骨折术后谵妄的预防策略》经中原骨科论坛（2023）学术委员会审核，
录用为大会发言论文，会上宣读时间为10分钟。
中原骨科论坛组委会
2023.9.16"""))
    assert f["person_name"] == "孟庆华"
    assert f["title"].startswith("中原骨科论坛")
    assert f["issue_date"] == "2023-09-16"


def test_presentation_conference_named_in_a_sentence():
    f = fields("presentation_proof", doc_from_text("""证 明
牛建华同志提交的论文《小麦赤霉病绿色防控技术集成》，经河南省植物保护学会2023年学术年会专家组遴选，安排在“青年论坛”分会场作交流发言。
特此证明。
河南省植物保护学会
2023年11月2日"""))
    assert f["title"] == "河南省植物保护学会2023年学术年会"


# --- leader endorsements ---------------------------------------------------------------------

def test_endorsement_signature_date_above_the_report_text():
    f = fields("leader_endorsement", doc_from_text("""濮阳市人民政府办公室
送阅件
关于我市农村供水保障情况的调研报告
濮阳市水利局　吕振东　柴晓敏
请市水利局抓好落实，及时报告进展。
杜国强
二〇二三年六月十九日
今年以来，我局组织力量对全市农村供水工程进行了全面调研。
一、基本情况。全市共有农村供水工程412处。
二、存在问题。部分工程老化，管护经费不足。
三、下一步打算。加快规模化供水工程建设。"""))
    assert f["issue_date"] == "2023-06-19"
    assert json.loads(f["authors"]) == ["吕振东", "柴晓敏"]
    assert f["leader_level"] == "city"


def test_endorsement_form_with_drafter_and_wrapped_title():
    doc = pdf_rows(["周口市人民政府办公室", "领导批示登记单",
                    "报送单位 周口市教育局 登记日期 2023年4月2日",
                    ("《关于全市乡村学校“特岗教师”留", 150, 420),
                    ("来文标题", 70, 140),
                    ("任情况的调研报告》", 150, 420),
                    "起草人 郝文娟、程立新 批示领导 副市长",
                    "批示日期 2023年4月11日"])
    f = fields("leader_endorsement", doc)
    assert f["issue_date"] == "2023-04-11"
    assert f["title"] == "全市乡村学校“特岗教师”留任情况"
    assert json.loads(f["authors"]) == ["郝文娟", "程立新"]


def test_endorsement_byline_with_one_misread_surname():
    f = fields("leader_endorsement", doc_from_text("""信息专报
关于县域养老服务体系建设情况的调研报告
西平县民政局　韩晓东　影丽娜　钱立群
省政府研究室
2023年8月7日"""))
    assert json.loads(f["authors"]) == ["韩晓东", "影丽娜", "钱立群"]


def test_endorsement_authors_named_in_the_circular():
    f = fields("leader_endorsement", doc_from_text("""省领导批示情况通报
第7期
鹤壁市畜牧局兽医站石红霞、靳宏伟等同志起草的《生猪产业稳产保供情况的报告》报送后，副省长作出肯定性批示。
河南省人民政府研究室
2023年7月3日"""))
    assert json.loads(f["authors"]) == ["石红霞", "靳宏伟"]
    assert f["leader_level"] == "provincial"


# --- assessment proofs -----------------------------------------------------------------------

def test_assessment_appraisal_date_label_wins_over_other_dates():
    f = fields("assessment_proof", doc_from_text("""规范化培训结业鉴定
姓名：邵明辉
培训时间：2023年3月1日至2023年8月31日
结业考核：优秀
评定日期：2023年9月6日
审核人：田主任
打印日期：2023年9月20日"""))
    assert f["issue_date"] == "2023-09-06"
    assert f["assessment_result"] == "优秀"


def test_assessment_year_from_form_label_and_context_words():
    f = fields("assessment_proof", doc_from_text("""考核登记表
姓名：桑红霞
考核年度：2022
等次：称职"""))
    assert f["year"] == "2022"
    g = fields("assessment_proof", doc_from_text("""证明
柴永刚，男，2023年驻村帮扶期间年度考核确定为优秀等次。
特此证明。
商水县农业农村局
2023年12月29日"""))
    assert g["year"] == "2023"


def test_assessment_signature_year_misread_before_the_year_assessed():
    f = fields("assessment_proof", doc_from_text("""考核结果告知书
喻晓峰：
你2023年度考核结果为称职。
淇县人民医院
二〇二二年十二月三十日"""))
    assert f["issue_date"] == "2023-12-30"


# --- conference notices ----------------------------------------------------------------------

def test_conference_registration_day_is_not_the_start():
    f = fields("conference_notice", doc_from_text("""河南省中医药学会
豫中医学会〔2023〕21号
关于召开河南省中医药学会脾胃病分会2023年学术年会的通知
各会员单位：
一、报到时间：2023年7月13日下午
二、会议时间：2023年7月14日—15日
三、会议地点：郑州市嵩山饭店
河南省中医药学会
二〇二三年六月五日"""))
    assert (f["start_date"], f["end_date"]) == ("2023-07-14", "2023-07-15")
    assert f["issue_date"] == "2023-06-05"
    assert f["document_number"] == "豫中医学会〔2023〕21号"


def test_conference_title_from_a_round_notice_heading():
    f = fields("conference_notice", doc_from_text("""第十届中原心血管论坛第二轮通知
各位同道：
会议定于2023年9月22日至24日在郑州召开，现将有关事项通知如下。
会议时间：2023年9月22日至24日
中原心血管论坛组委会
2023年8月1日"""))
    assert f["title"] == "第十届中原心血管论坛"


def test_conference_title_of_a_meeting_someone_runs():
    f = fields("conference_notice", doc_from_text("""参会确认函
李秀兰老师：
由河南省教育学会承办的2023年中原基础教育高峰论坛拟于2023年11月18日至19日在开封举行，请您准时参加。
河南省教育学会
2023年10月8日"""))
    assert f["title"].endswith("中原基础教育高峰论坛")
    assert f["person_name"] == "李秀兰"


def test_conference_heading_doubled_meeting_word():
    f = fields("conference_notice", doc_from_text("""河南省医学会2023年肾脏病学术年会会议通知
各有关单位：
会议时间：2023年10月20日至22日
河南省医学会
2023年9月1日"""))
    assert f["title"] == "河南省医学会2023年肾脏病学术年会"


# --- shared helpers --------------------------------------------------------------------------

def test_loose_date_with_year_character_misread_as_a_cross():
    d, factor = loose_date("2023×12月13日", [2023])
    assert d.iso == "2023-12-13" and factor == 1.0


def test_split_rows_only_touches_text_layer_forms():
    doc = pdf_rows(["姓名 邓国庆 性别 男", "出生日期 1985 年 3 月 9 日", "郑州市第七人民医院　邓国庆　王磊"])
    v = DocView(split_form_rows(doc))
    assert [ln.text for ln in v.lines] == ["姓名", "邓国庆", "性别", "男", "出生日期", "1985年3月9日",
                                          "郑州市第七人民医院邓国庆王磊"]
    photo = ocr_doc([("姓名 邓国庆 性别 男", 60, 100, 400)])
    assert split_form_rows(photo) is photo


# --- rendered family-E documents (live OCR) ----------------------------------------------------

KINDS = ("qualification_certificate", "presentation_proof", "leader_endorsement", "assessment_proof",
         "conference_notice")
CLEAN, PHOTO = "digital_pdf", "photo_jpeg"
# (kind, render) → (seed, extra render_document arguments): each kind read once clean and once
# photographed, on layouts the check shows read right
RENDERED = {
    ("qualification_certificate", CLEAN): (3, {}), ("qualification_certificate", PHOTO): (4, {}),
    ("presentation_proof", CLEAN): (1, {}), ("presentation_proof", PHOTO): (2, {}),
    ("leader_endorsement", CLEAN): (3, {}), ("leader_endorsement", PHOTO): (1, {}),
    ("assessment_proof", CLEAN): (2, {"variant": "refresher"}), ("assessment_proof", PHOTO): (2, {}),
    ("conference_notice", CLEAN): (2, {}), ("conference_notice", PHOTO): (2, {}),
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from pipeline.text import ocr_pool_map
    from samplegen.single import render_document

    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from test_extract_rendered import _join  # noqa: PLC0415

    root = tmp_path_factory.mktemp("family_e_dates")
    labels = {case: render_document(case[0], "E", case[1], seed, root / f"{case[0]}-{case[1]}", **kw)
              for case, (seed, kw) in RENDERED.items()}
    files = [(case, f["abs_path"]) for case, lab in labels.items() for f in lab.get("files", [lab])]
    results = ocr_pool_map([p for _, p in files], "rapid", workers=2)
    docs: dict = {case: [] for case in RENDERED}
    for (case, _), res in zip(files, results):
        assert res.ok, res.reason
        docs[case].append(res.document)
    return {case: (labels[case], _join(docs[case])) for case in RENDERED}


def _checked(kind: str, label: dict, got: dict):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from test_extract_rendered import SKIP, _knowable, _same  # noqa: PLC0415

    listed = any(k in label["fields"] or k in got for k in ("authors", "members", "awardees", "inventors"))
    for name in label["fields"]:
        if listed and (name == "person_name" or name.endswith("_rank")):
            continue
        if (kind, name) in SKIP or not _knowable(kind, "E", name, label["fields_raw"]):
            continue
        yield name, _same(kind, name, got.get(name), label["fields"][name]), got.get(name), label["fields"][name]


@pytest.mark.ocr
@pytest.mark.parametrize("case", list(RENDERED), ids=[f"{k}-{r}" for k, r in RENDERED])
def test_rendered_family_e(rendered, case):
    label, doc = rendered[case]
    got = fields(case[0], doc)
    bad = [f"{n}: got {g!r} expected {e!r}" for n, ok, g, e in _checked(case[0], label, got) if not ok]
    assert not bad, "; ".join(bad)


def test_a_seals_words_across_a_signature_date_make_it_no_table_cell():
    # a plan's schedule above; the HR seal's '安' and '备案专用章' read on the date's row, lying
    # across it (not beside it as cells would)
    doc = ocr_doc([("继续教育培训计划备案回执", 300, 80, 700), ("备案单位:安阳市教育局", 60, 140, 400),
                   ("2023年心理健康教育实务专业技术人员培训班", 60, 220, 600), ("2023年4月", 640, 220, 760), ("8", 820, 220, 840),
                   ("2023年作业设计与评价改革专业技术人员培训班", 60, 260, 600), ("2023年10月", 640, 260, 770), ("24", 820, 260, 850),
                   ("以上培训项目已在人力资源和社会保障部门备案。", 60, 340, 700),
                   ("安阳市人力资源和社会保障局", 600, 900, 940), ("安", 680, 944, 706),
                   ("2023/4/5", 700, 940, 840), ("备案专用章", 690, 950, 790)])
    assert fields("plan_filing", doc)["issue_date"] == "2023-04-05"
