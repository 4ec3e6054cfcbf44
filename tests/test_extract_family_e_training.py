"""Training-hours evidence and employer-side papers in other wordings and layouts (template
family E, and hand-written wordings that are not E's).

* Plain-text tests (no OCR): hours given as credits with a conversion rate, a project number
  beside the certificate's own number, a name in '学员X于…', a labelled completion date, a
  notice headed '…培训班报名通知' without 关于, a notice signed before its attachments, birth
  dates that must not lend their year to an activity's dates, term columns side by side
  (学年 | 学期) and month heading rows of a transcript, a posting proof citing its decision's
  文号, and the classification of host / organiser / employer proofs.
* Rendered tests (live OCR, marked ``ocr``): family E documents of the six kinds as clean
  born-digital PDFs, four of them also as phone photos, and three other claims' variants
  (an employer's sick-leave proof, a service participation proof, a 进修 transcript),
  classified and extracted, label fields compared
  as tests/test_extract_rendered.py compares them. Known misses are ``xfail(strict=True)``.
"""

from __future__ import annotations

import json

import pytest

from extractors import extract
from extractors._base import doc_from_text
from extractors._text.hours import best_hours, credit_hours
from pipeline.classify import classify_document
from schemas.document import BBox, DocumentText, Line, Page


def fields(kind: str, doc: DocumentText) -> dict:
    out: dict = {}
    for f in extract(kind, doc):
        out.setdefault(f.name, f.value)
    return out


def ocr_doc(boxes, width=1000, height=1400) -> DocumentText:
    """A photographed page: (text, x0, y0, x1) boxes 24 high."""
    lines = [Line(text=t, bbox=BBox(x0=x0, y0=y0, x1=x1, y1=y0 + 24), confidence=0.9) for t, x0, y0, x1 in boxes]
    return DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=width, height=height, lines=lines)])


# --- hours as credits -------------------------------------------------------------------------

def test_credit_hours_rate_in_a_footnote():
    doc = doc_from_text("""继续医学教育学分证书
兹有开封市中心医院 欧阳明月 参加开封市医学会举办的2024年基层慢病管理规范化培训班，
经考核合格，授予市级继续医学教育Ⅱ类学分3分。
证书号：KF2024-00871
（1学分相当于6学时）
开封市医学会
2024年5月20日""")
    f = fields("completion_certificate", doc)
    assert f["hours_stated"] == "18"
    assert f["certificate_number"] == "KF2024-00871"


@pytest.mark.parametrize("text, hours", [
    ("获专业科目学分4个\n注：学分和学时比例为1:8", 32),
    ("本次培训授予学分2.5分，每学分折算10学时", 25),
    ("授予学分：Ⅱ类学分10分\n说明。学分与学时按14换算", 40),  # the ratio's colon lost to OCR
    ("授予学分：Ⅱ类学分10分\n说明：学分与学时按！：4换算。", 40),  # its 1 read as '！'
])
def test_credit_hours_wordings(text, hours):
    h = credit_hours(text)
    assert h is not None and h.value == hours


def test_a_rate_alone_is_not_the_hours():
    text = "学分与学时换算标准：1学分=8学时。\n本项目学时以平台记录为准。"
    assert best_hours(text) is None
    assert credit_hours(text) is None


def test_stated_total_beats_credits():
    h = best_hours("授予Ⅰ类学分5分（每学分4学时，合计20学时）")
    assert h is not None and h.value == 20


# --- certificate number, name, completion date -------------------------------------------------

def test_project_number_is_not_the_certificate_number():
    doc = doc_from_text("""国家级继续医学教育项目
学分证明
姓名：韩雪梅
单位：鹤壁市人民医院
项目编号：2023-07-02-114（国）
项目名称：2023年重症超声规范化应用培训班
学分：Ⅰ类6分
证明编号：CME23A0556712
中华医学会
2023年9月12日""")
    f = fields("completion_certificate", doc)
    assert f["certificate_number"] == "CME23A0556712"
    assert f["person_name"] == "韩雪梅"


def test_project_number_in_form_boxes():
    doc = ocr_doc([("远程培训学时证明", 380, 60, 620), ("项目编号", 100, 140, 200), ("2024-11-03-021", 260, 140, 440),
                   ("学员", 100, 180, 160), ("蒋丽华", 260, 180, 340), ("证书号", 100, 220, 180),
                   ("ZJ202400913", 260, 220, 420), ("完成时间", 100, 260, 200), ("2024年3月8日", 260, 260, 400)])
    f = fields("completion_certificate", doc)
    assert f["certificate_number"] == "ZJ202400913"
    assert f["issue_date"] == "2024-03-08"


def test_name_after_xueyuan_with_gender():
    doc = doc_from_text("""结 业 证 书
学员唐小军（男）参加2024年乡村医生中医适宜技术推广培训班学习，
修满全部课程，考核合格，准予结业。
周口市中医院
二〇二四年六月十八日""")
    f = fields("completion_certificate", doc)
    assert f["person_name"] == "唐小军"
    assert f["issue_date"] == "2024-06-18"


def test_name_and_gender_opening_the_sentence():
    doc = doc_from_text("""培训合格证明
孙浩然（男）自2024年7月1日至7月5日参加南阳市人力资源和社会保障局举办的
2024年专业技术人员数字技术工程师培训，考核合格。
南阳市人力资源和社会保障局
2024年7月10日""")
    assert fields("completion_certificate", doc)["person_name"] == "孙浩然"


def test_organizer_cell_of_a_table_row():
    doc = doc_from_text("""关于组织专家参加义诊活动的通知
活动安排如下：
服务地点 服务内容 组织单位
唐河县源潭镇 健康咨询和慢病随访 南阳市医学会
南阳市医学会
2024年5月6日""")
    assert fields("service_notice", doc)["organizer"] == "南阳市医学会"


# --- notices ------------------------------------------------------------------------------------

def test_notice_heading_without_guanyu():
    doc = doc_from_text("""濮阳市护理学会
第十二期全省乡村医生中医适宜技术培训班报名通知
各县区卫生健康委：
现将报名事项通知如下：培训时间2024年4月8日至12日，共5天。
濮阳市护理学会
2024年3月1日""")
    f = fields("training_notice", doc)
    assert f["title"] == "第十二期全省乡村医生中医适宜技术培训班"
    assert f["start_date"] == "2024-04-08" and f["end_date"] == "2024-04-12"


def test_notice_signed_before_its_attachment():
    doc = doc_from_text("""信阳市农业农村局
关于举办2024年茶园病虫害绿色防控培训班的通知
各县区农业农村局：
定于2024年5月14日至16日举办培训班，请按附件要求报名。
附件：1.课程安排 2.报名回执
信阳市农业农村局
2024年4月22日
附件1
课程安排
2024年5月14日 开班仪式 茶园病虫害识别
2024年5月15日 绿色防控技术 现场观摩
2024年5月16日
结业考试""")
    f = fields("training_notice", doc)
    assert f["issue_date"] == "2024-04-22"
    assert f["organization"] == "信阳市农业农村局"


def test_service_notice_signed_before_its_timetable():
    doc = doc_from_text("""驻马店市科学技术协会
关于开展2024年科技志愿服务进乡村活动的通知
各有关单位：
活动时间为2024年7月1日至7月5日，服务安排见附件。
驻马店市科学技术协会
2024年6月10日
附件
服务安排表
服务日期 服务乡镇 带队专家
2024年7月5日 正阳县 孙立新""")
    f = fields("service_notice", doc)
    assert f["issue_date"] == "2024-06-10"
    assert f["start_date"] == "2024-07-01" and f["end_date"] == "2024-07-05"


def test_no_issue_date_rather_than_the_attachments():
    doc = doc_from_text("""许昌市卫生健康委员会
关于开展2024年健康义诊下基层活动的通知
各县（市、区）卫生健康委：
活动时间为2024年9月2日至9月6日。
请各单位认真组织，确保专家按时到位。
服务结束后由组织单位出具服务证明。
联系人：王芳，电话：0374-2961234。
许昌市卫生健康委员会
2O2_-O8-
附件
义诊安排
2024年9月6日 禹州市 李红""", source="ocr")
    assert "issue_date" not in fields("service_notice", doc)


def test_service_form_headed_by_its_activity():
    doc = doc_from_text("""2024年卫生健康科技下乡活动专家服务情况表
姓名 许文博 单位 漯河市中心医院
服务地点 舞阳县北舞渡镇
服务时间 2024年8月12日至8月16日
漯河市卫生健康委员会
2024年8月20日""")
    f = fields("service_notice", doc)
    assert f["title"] == "卫生健康科技下乡活动"
    assert f["start_date"] == "2024-08-12" and f["end_date"] == "2024-08-16"


# --- employer proofs -------------------------------------------------------------------------

def test_birth_year_does_not_date_the_activity():
    doc = doc_from_text("""证明
张伟，男，1968年3月生，身份证号410102196803150016，系我院检验科主任技师。
经院务会研究，同意该同志于十月九日至十二日赴武汉参加全国临床检验质量管理研修班。
特此证明。
郑州市第三人民医院
2024年10月20日""")
    f = fields("employer_proof", doc)
    assert f["start_date"] == "2024-10-09" and f["end_date"] == "2024-10-12"


def test_first_person_of_a_several_staff_proof():
    doc = doc_from_text("""关于王磊等同志外出学习的证明
经研究，同意王磊等两名同志于2024年3月4日至8日参加河南省医学会举办的胸痛中心建设培训班。
序号 姓名 科室
1 王磊 急诊科
2 刘畅 心内科
特此证明。
新乡医学院第一附属医院
2024年3月15日""")
    f = fields("employer_proof", doc)
    assert f["person_name"] == "王磊"


def test_activity_named_after_an_organiser():
    doc = doc_from_text("""证明
我单位职工陈静，于2024年9月3日至6日随县科协组织的科普大篷车进乡村活动下乡服务，共4天。
特此证明。
西平县人民医院
2024年9月10日""")
    f = fields("employer_proof", doc)
    assert f["title"] == "科普大篷车进乡村活动"


# --- transcripts -----------------------------------------------------------------------------

def test_year_and_term_columns_side_by_side():
    rows = [("学年", "学期", "课程", "学分", "成绩"),
            ("2021-2022", "第一学期", "高级统计学", "3", "良"),
            ("2021-2022", "2", "卫生法学", "2", "优"),
            ("2022-2023", "下", "循证护理", "2", "不合格")]
    xs = [(80, 180), (220, 300), (360, 520), (600, 640), (700, 760)]
    boxes = [("某某大学研究生课程成绩单", 300, 40, 700)]
    for r, row in enumerate(rows):
        boxes += [(t, x0, 120 + 40 * r, x1) for t, (x0, x1) in zip(row, xs)]
    f = fields("transcript", ocr_doc(boxes))
    got = [(c["course"], c["score"], c["passed"], c["year"]) for c in json.loads(f["courses"])]
    assert got == [("高级统计学", "良", True, 2021), ("卫生法学", "优", True, 2022), ("循证护理", "不合格", False, 2023)]


def test_month_heading_rows():
    doc = doc_from_text("""进修学员出科考核成绩
姓名：田野
考核项目 成绩
2024年3月
心电图判读 88
2024年5月
床旁超声操作 合格
郑州大学第二附属医院
2024年6月2日""")
    f = fields("transcript", doc)
    got = [(c["course"], c["year"]) for c in json.loads(f["courses"])]
    assert got == [("心电图判读", 2024), ("床旁超声操作", 2024)]


# --- assignments ------------------------------------------------------------------------------

def test_posting_proof_takes_the_cited_decision_number():
    doc = doc_from_text("""挂职锻炼证明
兹证明许昌市第二人民医院马超同志，按照《许组通〔2022〕31号》文件要求，
于2022年9月至2023年8月在我县挂职锻炼，任县卫生健康委副主任，期限一年。
特此证明。
中共鄢陵县委组织部
2023年9月5日""")
    assert classify_document(doc).kind.value == "assignment_document"
    f = fields("assignment_document", doc)
    assert f["document_number"] == "许组通〔2022〕31号"
    assert f["start_date"] == "2022-09-01" and f["end_date"] == "2023-08-31"


# --- who writes -------------------------------------------------------------------------------

def test_employer_named_in_full_writes_an_employer_proof():
    doc = doc_from_text("""证明
刘洋，女，身份证号410105198802173327，现为郑州市第七人民医院护理部主管护师。
该同志因腰椎术后需休养，经单位批准于2024年2月1日至2024年4月30日休病假。
特此证明。
郑州市第七人民医院
2024年5月6日""")
    assert classify_document(doc).kind.value == "employer_proof"


def test_organiser_signing_a_participation_proof():
    doc = doc_from_text("""参加活动证明
孟凡（焦作市人民医院主治医师）于2024年6月11日至14日参加了焦作市科学技术协会组织开展的
科技志愿服务进社区活动，累计服务4天。
特此证明。
焦作市科学技术协会
2024年6月20日""")
    assert classify_document(doc).kind.value == "service_notice"


def test_annual_assessment_result_certified_by_the_employer():
    doc = doc_from_text("""证明
周敏，女，系我院妇产科副主任医师，2023年度在对口帮扶期间经考评，年度考评结果评定为优秀。
特此证明。
安阳市第三人民医院
2024年1月8日""")
    assert classify_document(doc).kind.value == "assessment_proof"


def test_host_certifying_a_refresher_stay():
    doc = doc_from_text("""进修鉴定证明
濮阳县人民医院吕晨同志于2023年9月1日至2024年2月29日来我院麻醉科进修学习，
出科考核合格，经科室鉴定，同意结业。
河南省肿瘤医院
2024年3月2日""")
    assert classify_document(doc).kind.value == "assessment_proof"


# --- rendered family E documents (live OCR) -------------------------------------------------------

KINDS = ("completion_certificate", "training_notice", "employer_proof", "transcript", "service_notice",
         "assignment_document")
CASES = [(k, "digital_pdf", 1) for k in KINDS] + [
    ("completion_certificate", "photo_jpeg", 2), ("employer_proof", "photo_jpeg", 2), ("transcript", "photo_jpeg", 1),
    ("training_notice", "photo_jpeg", 2),
    ("employer_proof", "digital_pdf", 2, (("category", 15), ("variant", "sick"))),
    ("service_notice", "digital_pdf", 3, (("sub", "participation"),)),
    ("transcript", "digital_pdf", 1, (("variant", "refresher"),)),
]
CASES = [c if len(c) == 4 else (*c, ()) for c in CASES]  # (kind, render, seed, claim options)
# (kind, render, seed, field) → why it fails today
KNOWN = {
    ("transcript", "photo_jpeg", 1, "issue_date"): "OCR: the date under the seal is read as 202年12月26日",
    # read flat since reader r17 found this photo's sheet by its outline; the family-A case in
    # test_extract_rendered has the same slip (the claim stage sets it right: pipeline.glyphs)
    ("transcript", "photo_jpeg", 1, "person_name"): "OCR: 郑宇 read as 郑字",
}


def _case_id(c) -> str:
    kind, render, seed, kw = c
    return f"{kind}-{render}-s{seed}" + "".join(f"-{v}" for _, v in kw)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from pipeline.text import ocr_pool_map
    from samplegen.single import render_document
    root = tmp_path_factory.mktemp("family_e_training")
    labels = {c: render_document(c[0], "E", c[1], c[2], root / _case_id(c), **dict(c[3])) for c in CASES}
    files = [(c, f["abs_path"]) for c, lab in labels.items() for f in lab.get("files", [lab])]
    results = ocr_pool_map([p for _, p in files], "rapid", workers=2)
    docs: dict = {c: [] for c in CASES}
    for (c, _), res in zip(files, results):
        assert res.ok, res.reason
        docs[c].append(res.document)
    out = {}
    for c, parts in docs.items():
        pages = [pg.model_copy(update={"number": i + 1}) for i, pg in enumerate(p for d in parts for p in d.pages)]
        doc = DocumentText(source=parts[0].source, engine=parts[0].engine, pages=pages)
        out[c] = (labels[c], doc, fields(c[0], doc))
    return out


def _field_params():
    from samplegen.single import expected_label
    from test_extract_rendered import SKIP, _knowable
    params = []
    for c in CASES:
        lab = expected_label(c[0], "E", c[1], c[2], 2023, **dict(c[3]))
        for name in lab["fields"]:
            if (c[0], name) in SKIP or not _knowable(c[0], "E", name, lab.get("fields_raw", {})):
                continue
            reason = KNOWN.get((c[0], c[1], c[2], name))
            marks = [pytest.mark.ocr] + ([pytest.mark.xfail(strict=True, reason=reason)] if reason else [])
            params.append(pytest.param(c, name, id=f"{_case_id(c)}-{name}", marks=marks))
    return params


@pytest.mark.ocr
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rendered_classified(rendered, case):
    _, doc, _ = rendered[case]
    assert classify_document(doc).kind.value == case[0]


@pytest.mark.parametrize("case, name", _field_params())
def test_rendered_field(rendered, case, name):
    from test_extract_rendered import ALIAS, _expected, _same
    lab, _, got = rendered[case]
    exp = _expected(case[0], name, lab)
    value = got.get(ALIAS.get((case[0], name), name))
    assert _same(case[0], name, value, exp), f"got {value!r}, expected {exp!r}"


def test_hours_in_a_corner_box_under_its_label():
    """'学时' over '32' in a box at the top right, level with the certificate number far to
    the left (a phone photo's boxes): the value is the box right under the label."""
    def ln(t, x0, y0, x1, y1):
        return Line(text=t, bbox=BBox(x0=x0, y0=y0, x1=x1, y1=y1), confidence=0.95)
    lines = [ln("证书编号：J7344-23803", 319, 195, 500, 231), ln("学时", 1196, 169, 1245, 201),
             ln("32", 1198, 211, 1248, 251), ln("结业证书", 647, 279, 911, 363),
             ln("学员魏思雨于2023年11月10日至13日参加北京师范大学继续教育与教师培训学", 367, 408, 1232, 467),
             ln("院举办的2023年中小学班主任专业能力提升专题研修班学习，修完规定课程，成绩合格，准", 320, 457, 1235, 516),
             ln("予结业。", 322, 529, 418, 565), ln("北京师范大学继续教育与教师培训学院", 825, 591, 1232, 641),
             ln("二〇二三年十一月十三日", 899, 637, 1161, 681)]
    doc = DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=1400, height=1000, lines=lines)])
    f = {x.name: x.value for x in extract("completion_certificate", doc)}
    assert f["hours_stated"] == "32"
