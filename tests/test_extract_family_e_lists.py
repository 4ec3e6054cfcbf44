"""Ordered name lists on award certificates and project proofs (template family E and
hand-written wordings).

Rendered part (marked ``ocr``): family-E documents of both kinds, born-digital and
photographed, read as the pipeline reads them; the completer / member list must come out in
printed order, and the claim stage (`pipeline.declarant`) must rank the declarant from it
as the label does. The photographs are read with live OCR (two workers), so names OCR
misreads are not compared character by character: the list's length and the declarant's
resolved rank are.

Text part (no OCR): wordings and layouts written by hand, not copied from the E templates:
grids of names (boxes read one by one, the last row short), lists one name a line (numbered,
or with the unit after the name), a leader in a form row of their own above a member table
without them, table rows whose boxes slipped a column, written ranks (排序/位次/序号 after a
person word) and the column headers that are no rank, a grade broken over two lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import extract
from extractors._base import doc_from_text
from pipeline.declarant import merge_fields, resolve_document
from schemas.document import BBox, DocumentText, Line, Page
from schemas.records import ClaimDocument

LIST_OF = {"award_certificate": "awardees", "project_proof": "members"}
RANK_OF = {"award_certificate": "awardee_rank", "project_proof": "member_rank"}


def fields(kind: str, doc: DocumentText) -> dict:
    """The surest value of each field."""
    return {f.name: f.value for f in sorted(extract(kind, doc), key=lambda f: f.confidence)}


def resolved(kind: str, doc: DocumentText, declarant: str) -> dict:
    """The fields as the claim stage leaves them for `declarant` (rank from the list)."""
    fs = extract(kind, doc)
    cd = ClaimDocument(doc_id="d", path="x", doc_kind=kind, doc_kind_confidence=1.0, text=doc.text, fields=fs)
    return {f.name: f.value for f in sorted(merge_fields(fs, resolve_document(cd, declarant)), key=lambda f: f.confidence)}


def boxes_doc(boxes: list[tuple[str, float, float]], h: float = 24.0) -> DocumentText:
    """An OCR page of (text, x0, y0) boxes, 22 units a character."""
    lines = [Line(text=t, bbox=BBox(x0=x, y0=y, x1=x + 22 * len(t.replace(" ", "")), y1=y + h), confidence=0.95)
             for t, x, y in boxes]
    return DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=1240, height=1754, lines=lines)])


# ---------------------------------------------------------------- rendered family E

# (kind, render, seed): seeds chosen so each E layout is read at least once
RENDERED = [
    ("award_certificate", "digital_pdf", 1),   # landscape completer table
    ("award_certificate", "digital_pdf", 5),   # per-person certificate, written rank
    ("award_certificate", "digital_pdf", 8),   # completers one a line
    ("award_certificate", "photo_jpeg", 1),    # completers one a line, numbered, photographed
    ("project_proof", "digital_pdf", 1),       # 结项证书, 负责人 + member grid
    ("project_proof", "digital_pdf", 2),       # 鉴定证书, 研制人员 table
    ("project_proof", "digital_pdf", 12),      # 任务书: leader form + table without the leader
    ("project_proof", "photo_jpeg", 3),        # 任务书 photographed
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    from pipeline.text import ocr_pool_map  # noqa: PLC0415
    from samplegen.single import render_document  # noqa: PLC0415

    root = tmp_path_factory.mktemp("family_e_lists")
    labels = {case: render_document(case[0], "E", case[1], seed=case[2], out_dir=root / f"{case[0]}_{case[1]}_{case[2]}")
              for case in RENDERED}
    paths = [labels[c]["abs_path"] for c in RENDERED]
    results = ocr_pool_map(paths, "rapid", workers=2)
    return {c: (labels[c], r.document if r.ok else None) for c, r in zip(RENDERED, results)}


@pytest.mark.ocr
@pytest.mark.parametrize("case", RENDERED, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_rendered_list_and_rank(rendered, case):
    kind, render, _ = case
    label, doc = rendered[case]
    assert doc is not None, "unreadable"
    got = fields(kind, doc)
    list_field, rank_field = LIST_OF[kind], RANK_OF[kind]
    want = label["fields"].get(list_field)
    if want is not None:
        names = json.loads(got.get(list_field) or "[]")
        if render == "digital_pdf":
            assert names == json.loads(want)
        else:  # OCR may misread a name's character; the count and order still hold
            assert len(names) == len(json.loads(want))
    res = resolved(kind, doc, label["fields"]["person_name"])
    assert res.get(rank_field) == label["fields"][rank_field]


# ---------------------------------------------------------------- text: lists

def test_numbered_one_per_line_award_list():
    doc = doc_from_text("""荣誉证书
经评审，你单位申报的“农村饮水安全工程水质保障技术”获2022年度周口市科学技术进步奖三等奖。
主要完成者名单：
1、李卫国
2、王 静
3、钱晓东
4、欧阳丽
周口市人民政府
2023年2月15日""")
    f = fields("award_certificate", doc)
    assert json.loads(f["awardees"]) == ["李卫国", "王静", "钱晓东", "欧阳丽"]
    assert f["award_grade"] == "三等"
    assert resolved("award_certificate", doc, "钱晓东")["awardee_rank"] == "3"


def test_one_per_line_with_units():
    doc = doc_from_text("""结题证书
课题“黄河滩区盐碱地改良技术研究”已完成研究任务，准予结题。
课题主持人：刘建国
课题组成员：
孙 丽　　周口市农业科学院
高文博　　河南农业大学
林 涛　　商丘市农林科学院
河南省科学技术厅
2023年6月2日""")
    f = fields("project_proof", doc)
    assert json.loads(f["members"]) == ["刘建国", "孙丽", "高文博", "林涛"]
    assert resolved("project_proof", doc, "高文博")["member_rank"] == "3"


def test_grid_of_boxes_last_row_short():
    """Names printed 3 a row, read box by box; two-character names spaced (郭 琳)."""
    boxes = [("项目验收证书", 420, 60), ("项目名称：县域医共体慢病管理模式研究", 120, 120),
             ("项目参加人员：", 120, 170),
             ("郭 琳", 160, 210), ("宋志刚", 420, 210), ("蔡 敏", 680, 210),
             ("冯晓燕", 160, 250), ("程 伟", 420, 250), ("许家豪", 680, 250),
             ("韩 冰", 160, 290),
             ("河南省卫生健康委员会", 700, 400), ("2023年10月8日", 720, 440)]
    doc = boxes_doc(boxes)
    f = fields("project_proof", doc)
    assert json.loads(f["members"]) == ["郭琳", "宋志刚", "蔡敏", "冯晓燕", "程伟", "许家豪", "韩冰"]
    assert resolved("project_proof", doc, "韩冰")["member_rank"] == "7"


def test_grid_row_after_label_line():
    """The first names on the label's line, the rest lined up under them."""
    doc = boxes_doc([("获奖证书", 480, 60), ("成果名称：豫北地区小麦赤霉病绿色防控技术", 120, 120),
                     ("荣获二〇二二年度新乡市科学技术进步奖二等奖", 120, 160),
                     ("获奖人员：邹 平　曹丽娟　尹 杰", 120, 200), ("段晓明", 252, 240)])
    f = fields("award_certificate", doc)
    assert json.loads(f["awardees"]) == ["邹平", "曹丽娟", "尹杰", "段晓明"]


def test_leader_form_row_above_member_table():
    """负责人 in a form row of their own; the member table lists the others."""
    boxes = [("课题申报书（成员页）", 400, 60), ("课题名称：基层卫生院合理用药监测研究", 120, 110),
             ("课题负责人", 120, 170), ("姓名", 260, 170), ("欧阳明", 340, 170), ("性别", 480, 170), ("男", 560, 170),
             ("职务", 620, 170), ("科长", 700, 170),
             ("序号", 120, 240), ("姓名", 200, 240), ("性别", 320, 240), ("单位", 420, 240), ("分工", 700, 240),
             ("1", 130, 280), ("谢 芳", 200, 280), ("女", 330, 280), ("驻马店市中心医院", 420, 280), ("数据收集", 700, 280),
             ("2", 130, 320), ("邵宏伟", 200, 320), ("男", 330, 320), ("驻马店市疾控中心", 420, 320), ("统计分析", 700, 320),
             ("驻马店市卫生健康委员会", 640, 420), ("2023年4月20日", 680, 460)]
    doc = boxes_doc(boxes)
    f = fields("project_proof", doc)
    assert json.loads(f["members"]) == ["欧阳明", "谢芳", "邵宏伟"]
    assert resolved("project_proof", doc, "邵宏伟")["member_rank"] == "3"


def test_table_row_slipped_a_column():
    """A row whose number OCR lost: its boxes fill the columns from the left."""
    boxes = [("科技成果登记表", 420, 60),
             ("排名", 120, 200), ("姓名", 220, 200), ("职称", 360, 200), ("工作单位", 520, 200),
             ("1", 130, 240), ("潘 虹", 220, 240), ("教授", 360, 240), ("河南科技学院", 520, 240),
             ("贾振华", 200, 280), ("讲师", 340, 280), ("河南科技学院", 520, 280),
             ("3", 130, 320), ("钟 磊", 220, 320), ("副教授", 360, 320), ("新乡学院", 520, 320)]
    f = fields("project_proof", boxes_doc(boxes))
    assert json.loads(f["members"]) == ["潘虹", "贾振华", "钟磊"]


def test_signature_label_is_no_leader():
    doc = doc_from_text("""立项通知
项目名称：智慧课堂环境下初中英语分层作业设计研究
项目组成员：彭晓丽、金 鑫、曾 琪
项目负责人（签字）：
许昌市教育局
2023年5月6日""")
    f = fields("project_proof", doc)
    assert json.loads(f["members"]) == ["彭晓丽", "金鑫", "曾琪"]


# ---------------------------------------------------------------- text: ranks and grades

@pytest.mark.parametrize("wording, rank", [
    ("获奖者：马丽萍　　获奖者排序：第4位", "4"),
    ("获奖人：马丽萍（本人序号：2）", "2"),
    ("马丽萍同志在该成果中位列第五完成人。", "5"),
    ("完成人：马丽萍　　署名顺序：3", "3"),
])
def test_written_rank_wordings(wording, rank):
    doc = doc_from_text(f"""证　书
项目“城市供水管网漏损智能监测系统”荣获2022年度洛阳市科学技术进步奖一等奖。
{wording}
洛阳市人民政府
2023年3月1日""")
    assert fields("award_certificate", doc)["awardee_rank"] == rank
    assert resolved("award_certificate", doc, "马丽萍")["awardee_rank"] == rank


def test_rank_column_header_is_no_rank():
    """'排名' heading a column over '1' (each cell its own OCR line) is no written rank."""
    doc = doc_from_text("获奖证书\n荣获2022年度河南省科学技术进步奖二等奖\n排名\n姓名\n1\n柳青\n2\n向东\n河南省人民政府\n2023年1月9日")
    assert "awardee_rank" not in fields("award_certificate", doc)


def test_grade_broken_over_lines():
    doc = doc_from_text("""奖励证书
“电网设备状态检修决策支持系统”荣获2022年度平顶山市科学技术进步奖二
等奖。
完成人：沈建国、钟 华
平顶山市人民政府
2023年4月2日""")
    f = fields("award_certificate", doc)
    assert f["award_grade"] == "二等"
    assert json.loads(f["awardees"]) == ["沈建国", "钟华"]


def test_given_names_with_month_and_and_characters():
    """月 and 和 are heading words only as a token's start or a month ('3月', '十二月');
    in a given name (梁秋月, 王和平) or with the surname 章 they are names."""
    doc = doc_from_text("""项目结题证书
项目名称：城乡供水一体化水质监测体系研究
项目组成员：梁秋月、王和平、章明远、刘 洋
新乡市科学技术局
二〇二三年十二月八日""")
    f = fields("project_proof", doc)
    assert json.loads(f["members"]) == ["梁秋月", "王和平", "章明远", "刘洋"]
