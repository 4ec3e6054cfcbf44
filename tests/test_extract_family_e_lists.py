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
    ("award_certificate", "digital_pdf", 3),   # landscape completer table
    ("award_certificate", "digital_pdf", 12),  # completer table: rank column 第一…, birth month, unit
    ("award_certificate", "digital_pdf", 15),  # 成果主持人 + 参加人员 (教育科学/社科 wording)
    ("award_certificate", "digital_pdf", 1),   # per-person certificate, written rank
    ("award_certificate", "photo_jpeg", 1),    # completers one a line, numbered, under a label (skewed)
    ("award_certificate", "photo_jpeg", 9),    # label：value certificate, photographed
    ("project_proof", "digital_pdf", 1),       # members in a sentence ('由X同志主持，…等同志参加了该项研究')
    ("project_proof", "digital_pdf", 4),       # 结题鉴定表: the member cell wrapped around its label
    ("project_proof", "digital_pdf", 14),      # 立项通知书 + 项目组成员 table headed 成员姓名
    ("project_proof", "digital_pdf", 15),      # 结项证书, 主持人 + another member label word
    ("project_proof", "digital_pdf", 2),       # 任务书: leader form + table without the leader
    ("project_proof", "photo_jpeg", 7),        # 验收证书: member grid under the label (skewed photo)
    ("project_proof", "photo_jpeg", 13),       # sentence, the leader's name cut by a line break
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


# ---------------------------------------------------------------- text: members in sentences

@pytest.mark.parametrize("sentence, want", [
    ("该项目由郑州市第七人民医院承担，由王建华同志主持，李 明、赵丽娟、孙强等同志参加了该项研究，现已完成。",
     ["王建华", "李明", "赵丽娟", "孙强"]),
    ("项目负责人为周敏，项目组成员有：吴磊、郑洁，冯涛。已按期完成研究任务。", ["周敏", "吴磊", "郑洁", "冯涛"]),
    ("课题组由钱学军（主持人）及何晓、吕静、施建平等4位成员组成，现准予结项。", ["钱学军", "何晓", "吕静", "施建平"]),
    ("课题负责人：\n黄燕；参加研究的人员有：林旭、武芳、钟宁。", ["黄燕", "林旭", "武芳", "钟宁"]),
])
def test_members_named_in_a_sentence(sentence, want):
    doc = doc_from_text(f"""项目完成证明
“豫东平原地下水超采综合治理模式研究”为河南省科技攻关项目（项目编号：222102310456），
{sentence}
特此证明。
河南省科学技术厅
2023年9月3日""")
    f = fields("project_proof", doc)
    assert json.loads(f["members"]) == want
    assert resolved("project_proof", doc, want[2])["member_rank"] == "3"


def test_sentence_list_wrapped_inside_a_name():
    """A born-digital paragraph wraps where the width ends, here inside 谭春雷."""
    doc = doc_from_text("""结项通知
“县域紧密型医共体药品统一管理研究”由平顶山市第二人民医院承担，由陆建军同志主持，邓秀英，邱萍，张明，谭春
雷，郑琳等同志参加了该项研究。
平顶山市卫生健康委员会
2023年7月19日""")
    assert json.loads(fields("project_proof", doc)["members"]) == ["陆建军", "邓秀英", "邱萍", "张明", "谭春雷", "郑琳"]


def test_title_quoted_before_approval_wording():
    doc = doc_from_text("""项目立项通知书
河南大学：
经专家评审，你单位申报的“黄河中下游湿地鸟类多样性监测与保护
研究”被批准立项。
项目组成员：郝建、马晓丽、钟鸣
河南省林业局
2023年4月2日""")
    f = fields("project_proof", doc)
    assert f["title"] == "黄河中下游湿地鸟类多样性监测与保护研究"
    assert json.loads(f["members"]) == ["郝建", "马晓丽", "钟鸣"]


# ---------------------------------------------------------------- text: member label words

@pytest.mark.parametrize("label", ["协作人员", "项目参加人", "课题参与人", "主要参与人", "课题组主要成员", "参研人员",
                                   "项目主要参加人员", "研究人员"])
def test_member_label_words(label):
    doc = doc_from_text(f"""结题证书
课题名称：新型城镇化背景下农村学校布局调整研究
课题主持人：卢文斌
{label}：潘敏　严冬　莫晓云　贺杰
经审核，准予结题。
南阳市教育科学研究所
2023年12月1日""")
    f = fields("project_proof", doc)
    assert json.loads(f["members"]) == ["卢文斌", "潘敏", "严冬", "莫晓云", "贺杰"]


def test_member_cell_wrapped_around_its_label():
    """A form's 成员 cell over two lines, its label box vertically between them, a name cut
    by the cell's line break (王露 + 露); the leader in a form row above."""
    boxes = [("科研项目结题验收表", 420, 60),
             ("项目负责人", 120, 140), ("武永刚", 300, 140), ("职称", 620, 140), ("二级教师", 760, 140),
             ("所在单位", 120, 190), ("河南大学", 300, 190), ("联系电话", 620, 190), ("13766280087", 760, 190),
             ("万　斌、雷霞、田霞、陆芳、王露", 300, 236), ("主要参加人员", 110, 250), ("露", 300, 264),
             ("专家组意见：同意结题。", 120, 330), ("河南省教育厅", 700, 420), ("2023年10月15日", 700, 460)]
    doc = boxes_doc(boxes, h=22)
    f = fields("project_proof", doc)
    assert json.loads(f["members"]) == ["武永刚", "万斌", "雷霞", "田霞", "陆芳", "王露露"]


def test_title_cell_wrapped_around_its_label():
    boxes = [("课题结题鉴定表", 420, 60),
             ("黄河流域生态保护与高质量发展", 300, 126), ("课题名称", 110, 140), ("协同机制研究", 300, 154),
             ("立项编号", 110, 200), ("2023BJJ017", 300, 200),
             ("课题组成员", 110, 250), ("杜　娟、常志强、温晓明", 300, 250)]
    f = fields("project_proof", boxes_doc(boxes, h=22))
    assert f["title"] == "黄河流域生态保护与高质量发展协同机制研究"
    assert json.loads(f["members"]) == ["杜娟", "常志强", "温晓明"]


def test_member_table_headed_by_role_and_member_name():
    """A 项目组成员 table whose rows are headed by the role (负责人 / 成员), the name column
    headed 成员姓名, the leader in row 1."""
    boxes = [("项目组成员名单", 420, 60),
             ("项目角色", 100, 120), ("成员姓名", 220, 120), ("性别", 340, 120), ("出生年月", 420, 120), ("工作单位", 600, 120),
             ("负责人", 100, 160), ("龚晓峰", 220, 160), ("男", 350, 160), ("1978.03", 420, 160), ("许昌学院", 600, 160),
             ("成员", 100, 200), ("白　雪", 220, 200), ("女", 350, 200), ("1986.11", 420, 200), ("许昌学院", 600, 200),
             ("成员", 100, 240), ("邢立伟", 220, 240), ("男", 350, 240), ("1990.07", 420, 240), ("许昌市中心医院", 600, 240)]
    f = fields("project_proof", boxes_doc(boxes))
    assert json.loads(f["members"]) == ["龚晓峰", "白雪", "邢立伟"]


# ---------------------------------------------------------------- text: award lists

def test_award_leader_and_participants():
    """教育科学研究 / 社科成果 certificates: 主持人 named apart from the 参与人."""
    doc = doc_from_text("""河南省教育科学研究优秀成果奖
证　书
成果名称：农村小规模学校复式教学实践研究
获奖等级：二等奖
成果主持人：胡丽君
参与人：薛　峰，宋佳音，戴明
河南省教育厅
2023年6月8日""")
    f = fields("award_certificate", doc)
    assert json.loads(f["awardees"]) == ["胡丽君", "薛峰", "宋佳音", "戴明"]
    assert resolved("award_certificate", doc, "宋佳音")["awardee_rank"] == "3"


@pytest.mark.parametrize("label", ["项目主要完成人", "主要参与人员", "获奖者（按贡献排序）", "完成人（排名）"])
def test_award_list_label_words(label):
    doc = doc_from_text(f"""奖励证书
获奖项目：豫西山区核桃丰产栽培技术推广
奖励等级：三等奖
{label}：常　青、严立新、陶敏
三门峡市人民政府
2023年3月9日""")
    assert json.loads(fields("award_certificate", doc)["awardees"]) == ["常青", "严立新", "陶敏"]


def test_award_table_headed_by_completer_name_and_rank_words():
    boxes = [("完成人名单", 420, 60),
             ("完成人排名", 100, 120), ("获奖人姓名", 240, 120), ("性别", 380, 120), ("工作单位", 520, 120),
             ("第一", 110, 160), ("贺兰山", 240, 160), ("男", 390, 160), ("河南工业大学", 520, 160),
             ("第二", 110, 200), ("鲍　静", 240, 200), ("女", 390, 200), ("河南工业大学", 520, 200),
             ("第三", 110, 240), ("甘小龙", 240, 240), ("男", 390, 240), ("郑州轻工业大学", 520, 240)]
    assert json.loads(fields("award_certificate", boxes_doc(boxes))["awardees"]) == ["贺兰山", "鲍静", "甘小龙"]


def test_award_name_after_issuer_and_certificate_words():
    doc = doc_from_text("""河南省卫生健康委员会
荣誉证书为表彰在河南省医学科学技术进步奖评审工作中获奖的科技工作者，特授予
卢海同志二等奖。
河南省卫生健康委员会
2023年6月25日""")
    assert fields("award_certificate", doc)["award_name"] == "河南省医学科学技术进步奖"
    doc = doc_from_text("河南省人民政府\n河南省社会科学优秀成果奖完成人名单\n项目名称：中原文化数字化传播研究\n河南省人民政府\n2023年1月5日")
    assert fields("award_certificate", doc)["award_name"] == "河南省社会科学优秀成果奖"


def test_award_grant_to_one_person_with_rank():
    doc = doc_from_text("""证　书
授予：闫振宇同志（第三完成人）
获奖项目：智能电网故障快速定位技术
奖励等级：河南省科学技术进步奖二等奖
河南省人民政府
2023年2月1日""")
    f = fields("award_certificate", doc)
    assert f["person_name"] == "闫振宇"
    assert f["awardee_rank"] == "3"


def test_label_alone_list_on_next_lines_of_a_skewed_photo():
    """The list's first line starts above the label box's bottom (a skewed photo's tall
    boxes): it is still the first line of the list, not skipped for the second."""
    lines = [("获奖证书", 395, 265, 594, 345), ("“绿色施工技术集成与示范”项目荣获河南省科学技术进步奖二等奖。", 240, 380, 720, 440),
             ("获奖人员（按贡献大小排序）：", 236, 445, 456, 502), ("1. 马浩", 275, 483, 363, 522),
             ("2. 董俊", 271, 511, 362, 554), ("3.龙明", 268, 542, 361, 585), ("证书编号：2022-J2-043-R01", 223, 577, 407, 628)]
    doc = DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=1000, height=1400, lines=[
        Line(text=t, bbox=BBox(x0=a, y0=b, x1=c, y1=d), confidence=0.9) for t, a, b, c, d in lines])])
    assert json.loads(fields("award_certificate", doc)["awardees"]) == ["马浩", "董俊", "龙明"]
