"""Round 2 of field-extraction generalisation: wordings written here, not taken from any
sample set — certificate-number and pass-date labels of qualification certificates,
signature dates and signing units, completer/member list labels, names OCR joined with '·',
patent numbers as duplicate keys, and the declarant found in a list through a glyph slip."""

from __future__ import annotations

import json

import pytest

from extractors import extract
from extractors._base import doc_from_text
from extractors._text.dates import loose_date
from extractors._text.names import split_names
from pipeline.declarant import find_in_list, match_quality, resolve_document
from pipeline.duplicates import patent_key
from pipeline.glyphs import _font

needs_font = pytest.mark.skipif(_font() is None, reason="no CJK font to compare glyphs with")
from schemas.kinds import DocKind
from schemas.records import ClaimDocument, ExtractedField


def fields(kind: str, text: str, source: str = "pdf_text") -> dict[str, str]:
    out: dict[str, str] = {}
    for f in extract(kind, doc_from_text(text, source=source)):
        out.setdefault(f.name, f.value)
    return out


Q = "qualification_certificate"


@pytest.mark.parametrize("text, number, passed", [
    ("专业技术资格证书\n姓名：韩雪\n资格名称：中级会计师\n档案号：2023410123456\n签发日期：2023年10月20日\n人力资源和社会保障部",
     "2023410123456", "2023-10-20"),
    ("执业药师职业资格证书\n姓名：韩雪\n证号：ZY20234101234\n资格取得时间：2023年10月\n国家药品监督管理局",
     "ZY20234101234", "2023-10"),
    ("合格证明\n姓名：韩雪\n考试年度：2023\n合格时间：2023年9月\n管理号：2023410999", "2023410999", "2023-09"),
    ("资格证书\n持证人：韩雪\n证书编号 No.A2023410999\n批准日期：二〇二三年六月十九日", "A2023410999", "2023-06-19"),
    ("资格证书\n姓名：韩雪\n档案编号：HN-2023-0815\n取得日期：2023.10.20", "HN-2023-0815", "2023-10-20"),
])
def test_qualification_number_and_pass_date_labels(text, number, passed):
    got = fields(Q, text)
    assert got["certificate_number"] == number
    assert got["pass_date"] == passed


def test_pass_date_cell_with_a_space_for_its_separator():
    # a query table read as boxes: the date cell under 批准日期 read '2023-09 09'
    got = fields(Q, "资格证书查询\n姓名\n资格名称\n批准日期\n证书编号\n韩雪\n执业药师\n2023-09 09\n20234101234567")
    assert got.get("pass_date") in ("2023-09-09", None)
    from extractors.qualification_certificate import _CELL_DATE
    assert _CELL_DATE.match("2023-09 09") and not _CELL_DATE.match("2023-09-09 12")


BODY = "证明\n兹证明韩雪同志（身份证号410102198001011234）于2023年3月1日至2023年8月31日休产假。\n特此证明。\n"


@pytest.mark.parametrize("kind", ["maternity_proof", "sick_leave_proof", "employer_proof", "other", "presentation_proof"])
@pytest.mark.parametrize("tail, date", [
    ("开封市中心医院\n二〇二三年六月十九日", "2023-06-19"),
    ("开封市中心医院（盖章）\n2023年6月", "2023-06"),
    ("开封市中心医院 二〇二三年六月十九日", "2023-06-19"),
    ("单位盖章：开封市中心医院\n二〇二三年六月", "2023-06"),
    ("开封市中心医院\n二○二三年六月十九日\n（此证明仅用于继续教育学时申报）", "2023-06-19"),
])
def test_signature_block_date_and_unit(kind, tail, date):
    got = fields(kind, BODY + tail)
    assert got["issue_date"] == date
    assert got["organization"] == "开封市中心医院"


def test_filler_unit_is_not_the_issuer():
    got = fields("plan_filing", "2023年度培训计划备案表\n填报单位（盖章）：开封市教育局 填报日期：2023年2月17日\n"
                                "序号 培训名称 时间\n1 2023年班主任培训 5月\n经审核，同意备案。\n开封市人力资源和社会保障局\n二〇二三年三月四日")
    assert got["organization"] == "开封市人力资源和社会保障局"
    assert got["issue_date"] == "2023-03-04"


def test_plan_filing_labelled_filing_date():
    got = fields("plan_filing", "2023年度继续教育培训计划备案表\n填报单位：开封市卫生健康委员会\n序号 培训名称 时间\n"
                                "1 2023年临床用药培训班 5月\n经审核，准予备案。\n开封市人力资源和社会保障局\n备案日期：2023年4月10日")
    assert got["issue_date"] == "2023-04-10"


def test_endorsement_date_in_chinese_numerals_under_the_signature():
    got = fields("leader_endorsement", "关于县域医共体建设的调研报告\n韩雪 李明\n此报告很好，请卫健委研究落实。\n"
                                       "赵刚 副市长\n二〇二三年六月十九日")
    assert got["issue_date"] == "2023-06-19"


def test_signature_date_with_a_colon_for_a_dot():
    found = loose_date("2023:08.23", [2023])
    assert found and found[0].iso == "2023-08-23"


L3 = ["韩雪", "李明", "赵刚"]


@pytest.mark.parametrize("line", [
    "完成人排序：韩雪、李明、赵刚",
    "主要完成人员名单\n韩雪、李明、赵刚",
    "获奖人员名单：韩雪，李明，赵刚",
])
def test_award_completer_list_labels(line):
    got = fields("award_certificate", f"河南省科学技术进步奖\n证书\n项目名称：盐碱地改良技术\n奖励等级：三等\n{line}\n河南省人民政府")
    assert json.loads(got["awardees"]) == L3


@pytest.mark.parametrize("lines", [
    "主持人：韩雪\n参与人：李明，赵刚",
    "申请人：韩雪\n主要参与者：李明、赵刚",
    "研究团队：韩雪、李明、赵刚",
])
def test_project_member_list_labels(lines):
    got = fields("project_proof", f"项目结项证明\n项目名称：盐碱地改良技术\n{lines}\n河南省科学技术厅")
    assert json.loads(got["members"]) == L3


def test_names_ocr_joined_with_a_dot_among_separated_names():
    assert split_names("乔卫东·常俊杰、谭春梅") == ["乔卫东", "常俊杰", "谭春梅"]
    assert split_names("买买提·艾力、王芳") == ["买买提·艾力", "王芳"]
    assert split_names("买买提·艾力") == ["买买提·艾力"]


@pytest.mark.parametrize("written", [
    "ZL 2023 1 0123456.7", "ZL202310123456.7", "2O231O123456·7", "2023101234567", "Z L2023 1O123456 . 7",
    "CN202310123456.7", "ZL2O2310l23456.7", "ZL 2023 1 0123456,7", "ZL202310123456.1",  # check char misread
])
def test_patent_key_is_one_key_however_written(written):
    assert patent_key(written) == "ZL202310123456"


def test_patent_key_old_numbers_and_other_shapes():
    assert patent_key("ZL98123456.X") == patent_key("98123456X") == "ZL98123456"
    assert patent_key("abc-12") == "ABC12"


@needs_font
def test_declarant_found_through_a_look_alike_glyph():
    assert match_quality("周晶", "周品") == "ocr_variant"
    assert match_quality("余林", "杂林") == "loose"  # a surname slip ranks, but names nobody
    assert match_quality("王伟", "王佳") is None
    m = find_in_list("余林", ["万涛", "杂林", "姚婷"])
    assert m and m.rank == 2 and m.quality == "loose"


def test_loose_match_must_be_the_only_one():
    assert find_in_list("余林", ["杂林", "余材"]) is None or find_in_list("余林", ["杂林", "余材"]).quality != "loose"


@needs_font
def test_declarant_entry_read_with_a_slip_is_named_as_the_declarant():
    inv = ExtractedField(name="inventors", value=json.dumps(["万涛", "周品", "姚婷"], ensure_ascii=False), confidence=0.8)
    doc = ClaimDocument(doc_id="d1", path="p.jpg", doc_kind=DocKind.patent_certificate, doc_kind_confidence=0.9, text="", fields=[inv])
    out = resolve_document(doc, "周晶")
    assert out["inventor_rank"].value == "2"
    assert json.loads(out["inventors"].value) == ["万涛", "周晶", "姚婷"]
    assert out["person_name"].value == "周晶"
