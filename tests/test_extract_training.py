"""Extractors for training-like evidence, each on realistic texts in different wordings."""

import json

from extractors import extract
from extractors._base import doc_from_text
from schemas.document import BBox, DocumentText, Line, Page


def fields(kind, text, **kw):
    return {f.name: f.value for f in extract(kind, doc_from_text(text, **kw))}


CERT_BASE = """结 业 证 书
证书编号：HNJX2023-05812
学员姓名：王小明
身份证号：410102198506123018
兹证明王小明同志于2023年5月8日至12日参加由河南省专业技术人员继续教育基地举办的
“2023年全省基层医疗卫生人员能力提升培训班”学习，经考核合格，准予结业。
共计40学时。
河南省专业技术人员继续教育基地
二〇二三年五月十二日"""

CERT_OCR = """培 训 证 书
No. 2O23O1588
张 伟 同 志：
你 于 2023.6.5—2023.6.7 参 加 了 河 南 省 医 学 会 举 办 的
《 急 诊 急 救 技 能 提 升 》 培 训 班 ，
经 考 核 合 格 ， 授 予 继 续 教 育 学 时 二 十 四 学 时 。
河 南 省 医 学 会
2023 年 6 月 7 日"""


def test_completion_certificate_printed():
    f = fields("completion_certificate", CERT_BASE)
    assert f["person_name"] == "王小明" and f["id_number"] == "410102198506123018"
    assert f["certificate_number"] == "HNJX2023-05812"
    assert f["title"] == "2023年全省基层医疗卫生人员能力提升培训班"
    assert f["organizer"] == "河南省专业技术人员继续教育基地"
    assert (f["start_date"], f["end_date"], f["days"]) == ("2023-05-08", "2023-05-12", "5")
    assert f["hours_stated"] == "40" and f["issue_date"] == "2023-05-12" and f["level"] == "provincial"
    assert f["has_seal"] == "false"


def test_completion_certificate_ocr_noise():
    f = fields("completion_certificate", CERT_OCR, source="ocr", confidence=0.8)
    assert f["person_name"] == "张伟" and f["certificate_number"] == "202301588"
    assert f["title"] == "急诊急救技能提升培训班" and f["organizer"] == "河南省医学会"
    assert (f["start_date"], f["end_date"], f["days"]) == ("2023-06-05", "2023-06-07", "3")
    assert f["hours_stated"] == "24" and f["issue_date"] == "2023-06-07"


def test_fields_carry_page_box_and_reader_confidence():
    doc = doc_from_text(CERT_BASE, seals={1: [BBox(x0=500, y0=200, x1=700, y1=400)]}, confidence=0.5)
    by_name = {f.name: f for f in extract("completion_certificate", doc)}
    hours = by_name["hours_stated"]
    assert hours.page == 1 and hours.bbox.y0 == 40 + 30 * 6  # the 7th line: 共计40学时
    assert hours.confidence < 0.9  # scaled down by the reader's 0.5
    assert by_name["has_seal"].value == "true" and by_name["has_seal"].bbox.x0 == 500


NOTICE = """郑州市卫生健康委员会文件
郑卫科教〔2023〕15号
关于举办2023年全市医疗质量管理培训班的通知
各县（市、区）卫生健康委，委直各单位：
为提升我市医疗质量管理水平，经研究，决定举办2023年全市医疗质量管理培训班。现将有关事项通知如下：
一、培训时间：2023年6月12日—6月16日，共5天
二、培训地点：郑州市卫生健康委员会培训中心
三、参训人员：各医疗机构质控科负责人
四、培训学时：培训结束经考核合格者授予继续教育专业科目40学时。
郑州市卫生健康委员会
2023年6月1日"""

NOTICE_2 = """河南省护理学会
豫护学【2023】36号
关于举办“老年护理专科护士”研修班的预通知
各会员单位：
我会定于2023年10月16日-10月20日在郑州举办老年护理专科护士研修班。
主办单位：河南省护理学会
报到时间：10月15日全天
学员完成全部课程并考核合格后，颁发结业证书，计30学时。
二〇二三年九月一日"""


def test_training_notice():
    f = fields("training_notice", NOTICE)
    assert f["document_number"] == "郑卫科教〔2023〕15号"
    assert f["organization"] == "郑州市卫生健康委员会" == f["organizer"]
    assert f["title"] == "2023年全市医疗质量管理培训班" and f["level"] == "city"
    assert (f["start_date"], f["end_date"], f["days"]) == ("2023-06-12", "2023-06-16", "5")
    assert f["hours_stated"] == "40" and f["issue_date"] == "2023-06-01"


def test_training_notice_other_wording():
    f = fields("training_notice", NOTICE_2)
    assert f["document_number"] == "豫护学〔2023〕36号" and f["organizer"] == "河南省护理学会"
    assert f["title"] == "“老年护理专科护士”研修班"
    assert (f["start_date"], f["end_date"]) == ("2023-10-16", "2023-10-20")
    assert f["hours_stated"] == "30" and f["issue_date"] == "2023-09-01" and f["level"] == "provincial"


def test_conference_notice():
    f = fields("conference_notice", """中华医学会
关于召开中华医学会第二十次全国心血管病学术会议的通知
各有关单位：
会议时间：2023年9月14日-17日
会议地点：郑州国际会展中心
主办单位：中华医学会
承办单位：河南省医学会
参会代表可获国家级I类继续医学教育学分6分。
中华医学会
2023年7月1日""")
    assert f["title"] == "中华医学会第二十次全国心血管病学术会议" and f["level"] == "national"
    assert f["organizer"] == "中华医学会" and (f["start_date"], f["end_date"]) == ("2023-09-14", "2023-09-17")
    assert "hours_stated" not in f  # 学分 are credits, not hours


def test_employer_proof_for_training():
    f = fields("employer_proof", """单位证明
兹证明我单位职工李 娜（身份证号：410102198506123018）同志，于2023年6月12日至16日
参加郑州市卫生健康委员会举办的“2023年全市医疗质量管理培训班”，情况属实。
特此证明。
郑州市第一人民医院（盖章）
2023年6月20日""")
    assert f["person_name"] == "李娜" and f["organization"] == "郑州市第一人民医院"
    assert f["title"] == "2023年全市医疗质量管理培训班"
    assert (f["start_date"], f["end_date"], f["issue_date"]) == ("2023-06-12", "2023-06-16", "2023-06-20")
    assert "leave_kind" not in f


def test_employer_proof_dispatch_wording():
    f = fields("employer_proof", """派出证明
刘强，男，身份证号41110219880808123X，系我院骨科主治医师。
经研究，同意其于2023年3月至2023年8月到北京积水潭医院进修学习。
漯河市中心医院
2023年2月20日""")
    assert f["person_name"] == "刘强" and f["id_number"] == "41110219880808123X"
    assert (f["start_date"], f["end_date"]) == ("2023-03-01", "2023-08-31")
    assert f["organization"] == "漯河市中心医院" and f["issue_date"] == "2023-02-20"


def test_presentation_proof():
    f = fields("presentation_proof", """证明
兹证明刘洋同志在2023年河南省护理学会学术年会上宣读论文《早期康复护理对脑卒中患者预后的影响》，全文约3500字。
特此证明。
河南省护理学会
2023年10月20日""")
    assert f["person_name"] == "刘洋" and f["article_title"] == "早期康复护理对脑卒中患者预后的影响"
    assert f["word_count"] == "3500" and f["organization"] == "河南省护理学会"


def test_service_notice():
    f = fields("service_notice", """关于开展2023年“三下乡”义诊服务基层活动的通知
漯卫医〔2023〕21号
各医疗机构：
定于2023年7月10日至7月14日在舞阳县开展义诊服务基层活动，共5天。
漯河市卫生健康委员会
2023年7月1日""")
    assert f["document_number"] == "漯卫医〔2023〕21号" and f["title"] == "“三下乡”义诊服务基层活动"  # named without its year
    assert (f["start_date"], f["end_date"], f["days"]) == ("2023-07-10", "2023-07-14", "5")


def test_plan_filing_from_ocr_rows():
    f = fields("plan_filing", """郑州市第一人民医院2023年度专业技术人员继续教育培训计划备案表
序号 培训项目名称 培训时间 学时
1 心血管急危重症救治培训班 2023年5月 24
2 医院感染防控专题培训 2023年9月 16
已备案
郑州市人力资源和社会保障局
2023年3月15日""")
    assert f["year"] == "2023" and f["filed"] == "true" and f["issue_date"] == "2023-03-15"
    assert json.loads(f["trainings"]) == ["心血管急危重症救治培训班", "医院感染防控专题培训"]


def test_assessment_proof():
    f = fields("assessment_proof", """年度考核证明
兹证明徐明同志在我单位2023年度考核中被评为“优秀”等次。
特此证明。
南阳市中心医院
2024年1月15日""")
    assert (f["person_name"], f["year"], f["assessment_result"]) == ("徐明", "2023", "优秀")


def test_assignment_document():
    f = fields("assignment_document", """中共漯河市委组织部文件
漯组通〔2022〕8号
关于选派第十批援疆干部人才的通知
经研究，决定选派马力同志赴新疆哈密市开展援疆工作，援派时间：2022年8月至2024年8月。
中共漯河市委组织部
2022年7月20日""")
    assert (f["person_name"], f["assignment_kind"], f["document_number"]) == ("马力", "援疆", "漯组通〔2022〕8号")
    assert (f["start_date"], f["end_date"]) == ("2022-08-01", "2024-08-31") and float(f["months"]) > 24


def test_label_and_value_in_separate_boxes():
    lines = [Line(text="结业证书", bbox=BBox(x0=500, y0=50, x1=700, y1=90)),
             Line(text="姓名", bbox=BBox(x0=100, y0=200, x1=160, y1=230)),
             Line(text="周 涛", bbox=BBox(x0=300, y0=202, x1=380, y1=232)),
             Line(text="培训项目", bbox=BBox(x0=100, y0=260, x1=220, y1=290)),
             Line(text="基层全科医生转岗培训", bbox=BBox(x0=300, y0=262, x1=600, y1=292)),
             Line(text="培训学时：", bbox=BBox(x0=100, y0=320, x1=220, y1=350)),
             Line(text="32学时", bbox=BBox(x0=100, y0=360, x1=200, y1=390))]
    doc = DocumentText(source="ocr", pages=[Page(number=1, width=1000, height=800, lines=lines)])
    f = {x.name: x for x in extract("completion_certificate", doc)}
    assert f["person_name"].value == "周涛" and f["person_name"].bbox.x0 == 300
    assert f["title"].value == "基层全科医生转岗培训" and f["title"].bbox.y0 == 262
    assert f["hours_stated"].value == "32"


def test_form_lines_stop_values_at_the_next_label():
    f = fields("service_notice", """服务基层活动参与登记表
姓名 宋佳 职称 主治医师
工作单位 南阳市第二人民医院 科室 儿科
活动名称 巡回义诊活动 服务地点 淅川县荆紫关镇
服务时间 2023年08月07日至11日 服务天数 5天
南阳市卫生健康委员会
2023年08月20日""")
    assert (f["person_name"], f["title"]) == ("宋佳", "巡回义诊活动")
    assert (f["start_date"], f["end_date"], f["days"]) == ("2023-08-07", "2023-08-11", "5")
    assert f["organization"] == "南阳市卫生健康委员会"


def test_notice_with_table_and_parenthesised_issuer():
    f = fields("training_notice", """河南省专业技术人员继续教育基地（郑州大学）
郑大继教〔2023〕12号
关于举办2023年基层护理骨干能
力提升培训班的通知
各有关单位：
项目 内容
培训名称 2023年基层护理骨干能力提升培训班
培训时间 2023年9月4日至8日（5天）
学时 共30课时
河南省专业技术人员继续教育基地（郑州大学）
2023年8月20日""")
    assert f["organization"] == "河南省专业技术人员继续教育基地（郑州大学）" == f["organizer"]
    assert f["title"] == "2023年基层护理骨干能力提升培训班" and f["hours_stated"] == "30"
    assert (f["start_date"], f["end_date"]) == ("2023-09-04", "2023-09-08")


def test_org_name_takes_the_longest_organisation():
    from extractors._common import org_name
    assert org_name("中国建筑科学研究院有限公司 电话：123") == "中国建筑科学研究院有限公司"
    assert org_name("河南省专业技术人员继续教育基地（郑州大学）") == "河南省专业技术人员继续教育基地（郑州大学）"
    assert org_name("各有关单位") is None or org_name("各有关单位") == "各有关单位"


def test_plan_filing_reply_letter():
    f = fields("plan_filing", """南阳市人力资源和社会保障局
宛人社继备〔2023〕7号
关于南阳市教育局2023
年度继续教育培训计划备案的复函
南阳市教育局：
你单位报送的培训计划收悉，经审核，予以备案。
附件：备案培训项目清单
序号 项目名称 举办时间 学时
1 2023年中小学班主任能力提升培训班 2023年7月 16
2 2023年信息技术应用能力培训班 2023年10月 8
南阳市人力资源和社会保障局
2023年3月2日""")
    assert (f["filer"], f["organization"], f["year"], f["filed"]) == ("南阳市教育局", "南阳市人力资源和社会保障局", "2023", "true")
    assert json.loads(f["trainings"]) == ["2023年中小学班主任能力提升培训班", "2023年信息技术应用能力培训班"]
    assert f["document_number"] == "宛人社继备〔2023〕7号" and f["title"].endswith("备案的复函")


def test_plan_table_with_wrapped_cells_from_ocr_boxes():
    def box(text, x, y):
        return Line(text=text, bbox=BBox(x0=x, y0=y, x1=x + 18 * len(text), y1=y + 22), confidence=0.9)

    xs = [40, 120, 420, 560, 760, 840]
    head = ["序号", "培训项目名称", "培训时间", "培训对象", "学时", "组织单位"]
    lines = [box("2023年度培训计划备案表", 300, 20)] + [box(t, x, 100) for t, x in zip(head, xs)]
    lines += [box("2023年小麦绿色高质高效栽培", 120, 140), box("2023年5月", 420, 140), box("全市相关专业技", 560, 140),
              box("8", 760, 140), box("南阳市农业农村局", 840, 140),
              box("1", 40, 156), box("技术专业技术人员培训班", 120, 168), box("术人员", 560, 168),
              box("2023年设施蔬菜栽培新技术专", 120, 210), box("2023年8月", 420, 210), box("12", 760, 210),
              box("2", 40, 226), box("业技术人员培训班", 120, 238),
              box("同意备案。", 40, 300)]
    doc = DocumentText(source="ocr", pages=[Page(number=1, width=1100, height=500, lines=lines)])
    f = {x.name: x.value for x in extract("plan_filing", doc)}
    assert json.loads(f["trainings"]) == ["2023年小麦绿色高质高效栽培技术专业技术人员培训班", "2023年设施蔬菜栽培新技术专业技术人员培训班"]
    # the 组织单位 column: read for the first row, empty for the second
    assert json.loads(f["training_organizers"]) == ["南阳市农业农村局", None]


def test_plan_rows_name_their_organisers():
    f = fields("plan_filing", """南阳市卫生健康委员会2023年度专业技术人员继续教育培训计划备案表
填报单位（盖章）：南阳市卫生健康委员会
序号 培训项目名称 培训时间 培训对象 学时 组织单位
1 2023年急危重症救治技术院内培训 2023年3月 本单位专业技术人员 16 南阳市第一人民医院
2 2023年县域医共体建设与管理院内培训 2023年9月 本单位专业技术人员 24 南阳市妇幼保健院
人社部门备案意见：经审核，同意备案。
南阳市人力资源和社会保障局
2023年3月9日""")
    assert json.loads(f["trainings"]) == ["2023年急危重症救治技术院内培训", "2023年县域医共体建设与管理院内培训"]
    assert json.loads(f["training_organizers"]) == ["南阳市第一人民医院", "南阳市妇幼保健院"]
