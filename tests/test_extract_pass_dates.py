"""Qualification pass dates and signature-block issue dates, as real certificates, proofs and
endorsements print them (plain text and synthetic photo boxes; no OCR): pass/approval labels
of other issuers (评审通过/任职资格取得/认定/考核/鉴定, 'Date of Approval'), the day beside a
批准文号, a value under its label past the English line, a day in a granting sentence, a
year-only 考试年度 that must not win, a pass date later than the issue date rejected; and
signature dates of presentation proofs and leader endorsements among other dates of the body
(conference dates, talk day, submission day, 版记 印发 day, a 日期 label after the signer)."""

from __future__ import annotations

import pytest

from extractors import extract
from extractors._base import doc_from_text
from schemas.document import BBox, DocumentText, Line, Page


def fields(kind: str, doc) -> dict:
    out: dict = {}
    for f in extract(kind, doc if isinstance(doc, DocumentText) else doc_from_text(doc)):
        out.setdefault(f.name, f.value)
    return out


def photo(boxes, width=1000, height=1400) -> DocumentText:
    """(text, x0, y0, x1) boxes 26 high, as a phone photo reads them."""
    lines = [Line(text=t, bbox=BBox(x0=x0, y0=y0, x1=x1, y1=y0 + 26), confidence=0.9) for t, x0, y0, x1 in boxes]
    return DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=width, height=height, lines=lines)])


def pass_date(text) -> str | None:
    return fields("qualification_certificate", text).get("pass_date")


# --- qualification pass dates: labels ------------------------------------------------------

def test_title_review_label_and_chinese_numerals():
    assert pass_date("""专业技术职务任职资格证书
姓名：祁红梅
资格名称：副主任护师
任职资格取得时间：二〇二三年十二月五日
发证时间：二〇二四年一月八日""") == "2023-12-05"


def test_recognition_and_review_dates():
    assert pass_date("职称证书\n姓名：米晓东\n资格名称：工程师\n认定日期：2023.06.30\n发证日期：2023.07.20") == "2023-06-30"
    assert pass_date("职称证书\n姓名：龙秀英\n资格名称：高级农艺师\n评审时间：2023年11月2日\n签发日期：2023年12月1日") == "2023-11-02"


def test_skill_assessment_date():
    assert pass_date("""职业技能等级证书
姓名：蒋国栋
职业(工种)：电工
等级：三级/高级工
鉴定日期：2023年06月18日
发证日期：2023年07月30日""") == "2023-06-18"


def test_day_beside_the_approval_document_number():
    assert pass_date("""专业技术资格证书
姓名：商丽君
资格名称：中学一级教师
批准文号：洛人社职〔2023〕41号（2023年8月28日）
发证机关：洛阳市人力资源和社会保障局""") == "2023-08-28"


def test_year_only_exam_line_does_not_win_over_a_labelled_day():
    assert pass_date("""卫生专业技术资格证书
考试年度：2023年度
姓名：霍春燕
资格名称：主管药师
资格取得日期：2023年07月11日""") == "2023-07-11"


def test_bilingual_label_on_the_value_line():
    assert pass_date("""Professional Qualification Certificate
姓名 Full Name 柏雪
资格名称 Qualification 一级造价工程师
批准日期 Date of Approval 2023/10/16
签发日期 Date of Issue 2023/11/20""") == "2023-10-16"


def test_bilingual_value_under_the_english_line_on_a_photo():
    doc = photo([("中华人民共和国", 380, 80, 620), ("专业技术人员职业资格证书", 330, 120, 670),
                 ("姓名", 100, 300, 160), ("Full Name", 100, 328, 200), ("甘立新", 110, 362, 200),
                 ("出生日期", 100, 420, 210), ("Date of Birth", 100, 448, 240), ("1986-02-14", 110, 482, 260),
                 ("批准日期", 100, 540, 210), ("Date of Approval", 100, 568, 290), ("2023-09-12", 110, 602, 260),
                 ("签发日期", 100, 660, 210), ("Date of Issue", 100, 688, 250), ("2023-10-09", 110, 722, 260)])
    f = fields("qualification_certificate", doc)
    assert f["pass_date"] == "2023-09-12"
    assert f["person_name"] == "甘立新"


def test_value_cell_under_its_label_in_a_grid_photo():
    doc = photo([("姓名", 100, 300, 160), ("考试年度", 400, 300, 500), ("取得资格时间", 650, 300, 800),
                 ("芦静", 100, 350, 160), ("2023年度", 400, 350, 500), ("2023年7月11日", 650, 350, 820),
                 ("签发日期：2023年8月2日", 560, 700, 900)])
    assert pass_date(doc) == "2023-07-11"


def test_wrapped_cell_around_its_label():
    doc = photo([("姓名", 100, 300, 160), ("涂晓峰", 220, 300, 320),
                 ("豫职改〔2023〕16号（2023年", 220, 380, 520), ("批准文号", 100, 396, 200), ("8月14日）", 220, 412, 330),
                 ("发证时间：二〇二三年九月十六日", 560, 700, 900)])
    assert pass_date(doc) == "2023-08-14"


# --- qualification pass dates: sentences, validation, fall-backs --------------------------------

def test_day_in_a_review_sentence():
    assert pass_date("""职 称 证 书
牛卫华同志：
经鹤壁市中级专业技术资格评审委员会评审通过，于2023年7月11日取得工程师资格。
特发此证。
鹤壁市人力资源和社会保障局
2023年8月1日""") == "2023-07-11"


def test_day_before_the_review_in_a_sentence_with_an_exam_year():
    assert pass_date("""资格证书
卢明同志参加2023年度全国会计专业技术资格考试，成绩合格，于二〇二三年十月二十日取得中级会计师资格。
财政部
二〇二三年十一月六日""") == "2023-10-20"


def test_from_day_onwards_wording():
    assert pass_date("""经评审委员会评审，主管部门审核确认，自2023年9月1日起具有高级讲师资格。
特发此证。
周口市人力资源和社会保障局
2023年9月20日""") == "2023-09-01"


def test_birth_date_in_a_sentence_is_no_pass_date():
    f = fields("qualification_certificate", """资格证书
柴玉洁，女，1988年3月5日出生，经考试合格，取得护士执业资格。
发证日期：2023年6月8日""")
    assert f["pass_date"] == "2023-06-08"  # the certificate's issue day, not the birth day


def test_labelled_day_after_the_issue_day_is_rejected():
    f = fields("qualification_certificate", """资格证书
姓名：田雨
资格名称：执业药师
批准日期：2023年5月9日
取得时间：2024年3月1日
签发日期：2023年6月2日""")
    assert f["pass_date"] == "2023-05-09"


def test_signature_day_beats_a_bare_exam_year():
    f = fields("qualification_certificate", """合格证明
蔡永强参加2023年度全国经济专业技术资格考试，成绩合格。
河南省人事考试中心
2023年12月20日""")
    assert f["pass_date"] == "2023-12-20"


@pytest.mark.parametrize("text, day", [
    # the exam or review day the holder sat, in one sentence with its pass
    ("该同志于2023年5月20日参加全国卫生专业技术资格考试，成绩合格，特发此证。", "2023-05-20"),
    ("张三同志参加2023年5月20日举行的全国会计专业技术中级资格考试，成绩合格。", "2023-05-20"),
    ("持证人张三于2023年9月9日在全国统一考试中成绩合格，准予登记。", "2023-09-09"),
    ("This is to certify that Zhang San passed the examination on 9 September 2023.", "2023-09-09"),
    # labels of other issuers
    ("取证日期：2023年6月12日", "2023-06-12"),
    ("获证日期 2023.06.12", "2023-06-12"),
    ("资格审定时间：2023年6月12日", "2023-06-12"),
    ("资格取得日：2023年9月9日", "2023-09-09"),
    ("取得资格年月：2023年9月", "2023-09"),
    ("获得时间：2023年9月9日", "2023-09-09"),
    ("任职资格时间 二〇二三年九月九日", "2023-09-09"),
])
def test_pass_day_in_other_wordings(text, day):
    assert pass_date("专业技术资格证书\n姓名：张三\n" + text) == day


@pytest.mark.parametrize("text", [
    "该同志于2023年5月20日参加全国卫生专业技术资格考试培训，无考试安排。",  # sat, never passed
    "本证书于2023年12月20日颁发，持证人已通过考试。",  # the issuing day is no exam day
])
def test_sentence_days_that_are_no_pass_day(text):
    assert pass_date("资格证书\n姓名：张三\n" + text) != text[3:13].replace("年", "-")


def test_the_one_day_a_certificate_prints_beats_its_exam_year():
    got = pass_date("""专业技术资格证书
姓名：张三 出生日期：1985年3月2日
通过2023年度全国卫生专业技术资格考试，具备主治医师资格。
张三 2023年6月5日 合格
有效期至2028年6月5日""")
    assert got == "2023-06-05"


def test_two_days_leave_the_exam_year():
    assert pass_date("资格证书\n张三通过2023年度考试，2023年3月1日报名，2023年6月5日公布成绩。\n"
                     "河南省人事考试中心\n2024年1月5日") == "2023"


# --- presentation proofs: the signature, not the body's dates -----------------------------------

def test_presentation_letter_with_conference_and_talk_dates():
    f = fields("presentation_proof", """证　　明
兹证明郑州市第七人民医院汤丽同志于2023年10月13日至15日参加了在郑州国际会展中心召开的河南省医学会2023年学术年会。
其论文《老年慢性心衰患者容量管理的临床研究》（3600字）于10月14日在第二分会场作大会口头报告。
特此证明。
河南省医学会
二〇二三年十月二十日
联系人：范涛　　联系电话：0371-65912345""")
    assert f["issue_date"] == "2023-10-20"


def test_presentation_form_signed_under_a_bare_date_label():
    f = fields("presentation_proof", """论文交流证明单
会议名称：中国土木工程学会2023年学术年会
会议时间：2023年11月8日—2023年11月10日
交流时间：2023年11月9日
主办单位（盖章）：
日期：2023年11月15日""")
    assert f["issue_date"] == "2023-11-15"


def test_presentation_certificate_dated_on_its_own_line_only():
    f = fields("presentation_proof", """中国作物学会
论文交流证书
孙婷：
您的论文《豫中地区花生秸秆还田试验研究》（4309字）在2023年7月20日—2023年7月22日于郑州举办的中国作物学会2023年学术年会上作专题发言，特发此证。
二〇二三年七月二十八日""")
    assert f["issue_date"] == "2023-07-28"


def test_presentation_signature_with_org_and_date_on_one_line():
    f = fields("presentation_proof", """交流证明
张倩同志的论文《小学数学大单元教学实践》于2023年5月20日在河南省教育学会2023年学术年会上交流。
特此证明。
河南省教育学会　2023年5月26日""")
    assert f["issue_date"] == "2023-05-26"


# --- leader endorsements --------------------------------------------------------------------

def test_endorsement_forwarding_notice_with_a_colophon():
    f = fields("leader_endorsement", """安阳市人民政府办公室
市政办督〔2023〕18号
关于落实副市长钟俊杰同志批示精神的通知
各有关单位：
安阳市第一高级中学于2023年2月27日报送的《关于全市中小学“双减”政策落实情况的调研报告》，副市长钟俊杰同志作出重要批示。
请于2023年3月27日前将落实情况书面报送市政府督查室。
安阳市人民政府办公室
2023年3月8日
抄送：市委办公室，市人大常委会办公室。
安阳市人民政府办公室
2023年3月9日印发""")
    assert f["issue_date"] == "2023-03-08"


def test_endorsement_signer_and_date_label_on_one_line():
    f = fields("leader_endorsement", """领导阅批单
报送单位：新乡市实验小学
报送日期：2023年8月11日
标题：《关于全市中小学“双减”政策落实情况的调研报告》
领导批示：此报告调研深入，请市教育局研究。
批示人：侯涛　日期：2023年8月25日""")
    assert f["issue_date"] == "2023-08-25"


def test_endorsement_bulletin_dated_at_its_foot():
    f = fields("leader_endorsement", """调研专报
第9期
南阳市人民政府办公室编　2023年9月14日
【按】市委副书记江洁同志对本期刊发的调研报告作出批示。
关于我市建筑业转型升级情况的调研报告
2023年7月10日至2023年7月30日，调研组采取座谈交流、实地走访等方式开展专题调研。
南阳市人民政府办公室
二〇二三年九月二十六日""")
    assert f["issue_date"] == "2023-09-26"


def test_endorsement_title_cell_wrapped_around_its_label():
    doc = photo([("领导阅批单", 400, 80, 600),
                 ("《关于职业教育产教融合情况的", 220, 380, 560), ("标题", 100, 396, 160), ("调研报告》", 220, 412, 330),
                 ("批示人：易林", 300, 600, 460), ("日期：", 480, 600, 540), ("2023年4月9日", 560, 600, 720)])
    f = fields("leader_endorsement", doc)
    assert f["title"] == "职业教育产教融合情况"
    assert f["issue_date"] == "2023-04-09"


def test_a_labelled_pass_day_ocr_damaged_is_settled_not_cut_to_its_year():
    """'批准日期：2023.05=20' (a dash read as '=') is 20 May 2023, not the year of a 考试 phrase."""
    text = ("专业技术资格证书\n姓名：王强\n资格名称：主治医师\n经2023年度卫生专业技术资格考试合格\n"
            "批准日期：2023.05=20\n河南省人力资源和社会保障厅\n2023年8月1日")
    assert fields("qualification_certificate", text)["pass_date"] == "2023-05-20"


def test_the_day_beside_the_approval_number_wrapped_to_the_next_line_on_a_photo():
    # family E 职称 form photographed (E seed 3): the cell '…30号（2023年09月20日）' wraps after
    # 年, and OCR put a bracket before the wrapped part; the issue date is another day
    doc = photo([("资格名称", 288, 456, 353), ("主治医师", 377, 455, 483),
                 ("批准文号", 283, 494, 353), ("人社职改（2023）30号（2023年", 375, 480, 571), ("(09月20日)", 374, 512, 449),
                 ("评审委员会", 274, 545, 355), ("漯河市专业技术资格评审委员会", 372, 535, 563),
                 ("经评审委员会评审通过，具备上述专业技术资格，特发此证。", 274, 595, 734),
                 ("发证时间：二〇二三年十月五日", 606, 695, 849)])
    assert pass_date(doc) == "2023-09-20"
