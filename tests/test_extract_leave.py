"""Absence evidence: sick leave, maternity, overseas work (and employer proofs of them)."""

from extractors import extract
from extractors._base import doc_from_text


def fields(kind, text):
    return {f.name: f.value for f in extract(kind, doc_from_text(text))}


def test_sick_leave_proof():
    f = fields("sick_leave_proof", """郑州大学第一附属医院
诊断证明书
姓名：吕伟 性别：男 年龄：45岁
诊断：腰椎间盘突出症
建议：全休，病假时间：2023年1月5日至2023年8月4日
医师签名：林
2023年1月5日""")
    assert (f["person_name"], f["leave_kind"], f["leave_start"], f["leave_end"]) == (
        "吕伟", "sick", "2023-01-05", "2023-08-04")
    assert float(f["months_absent"]) == 7.0 and f["organization"] == "郑州大学第一附属医院"


def test_sick_leave_months_phrase():
    f = fields("sick_leave_proof", "诊断证明\n患者：何静\n诊断：乳腺癌术后\n建议休息六个月。\n河南省肿瘤医院")
    assert f["months_absent"] == "6" and "leave_start" not in f


def test_maternity_proof():
    f = fields("maternity_proof", """生育证明
兹证明我单位职工朱琳，于2023年4月10日生育一女，产假时间为2023年4月1日至2023年9月6日，共计158天。
特此证明
安阳市第二中学
2023年9月8日""")
    assert (f["person_name"], f["leave_kind"], f["leave_start"], f["leave_end"]) == (
        "朱琳", "maternity", "2023-04-01", "2023-09-06")
    assert f["organization"] == "安阳市第二中学"


def test_overseas_proof():
    f = fields("overseas_proof", """证明
兹证明我单位高级工程师邓超同志经批准，于2022年9月1日至2023年8月31日赴美国斯坦福大学作访问学者。
特此证明。
河南省交通规划设计研究院
2023年9月10日""")
    assert (f["person_name"], f["leave_kind"], f["leave_start"], f["leave_end"]) == (
        "邓超", "overseas", "2022-09-01", "2023-08-31")


def test_employer_proof_of_maternity_leave():
    f = fields("employer_proof", """证 明
兹有我院护理部护士张丽同志，于2023年3月1日至2023年8月31日休产假，共计184天。
特此证明。
漯河市中心医院
2023年9月5日""")
    assert (f["person_name"], f["leave_kind"], f["leave_start"], f["leave_end"]) == (
        "张丽", "maternity", "2023-03-01", "2023-08-31")
    assert float(f["months_absent"]) == 6.0


import pytest  # noqa: E402


@pytest.mark.parametrize("kind, text, start, end", [
    ("sick_leave_proof", "诊断证明书\n姓名：张三\n诊断：腰椎间盘突出症\n建议：自2023年3月1日起休息三个月。\n河南省人民医院\n2023年3月1日",
     "2023-03-01", "2023-05-31"),
    ("maternity_proof", "生育证明\n张三同志于2023年3月1日生育一女，按规定自2023年3月1日起享受产假158天。\n特此证明。\n漯河市中心医院\n2023年8月10日",
     "2023-03-01", "2023-08-05"),
    ("sick_leave_proof", "诊断证明书\n姓名：张三\n诊断：腰椎间盘突出症\n处理意见：建议病休两周。\n就诊日期：2023年3月1日\n开具日期：2023年3月2日",
     "2023-03-01", "2023-03-14"),  # rest from the visit day
    ("sick_leave_proof", "诊断证明\n张三因病于2023年11月15日起病休一年。\n河南省人民医院\n2023年11月15日", "2023-11-15", "2024-11-14"),
])
def test_leave_of_a_stated_length_from_its_start(kind, text, start, end):
    f = fields(kind, text)
    assert (f["leave_start"], f["leave_end"]) == (start, end)


def test_leave_from_a_forms_start_and_end_rows():
    """A leave form states the start and the end on rows of their own."""
    f = fields("maternity_proof", "生育休假证明\n姓名：李娜\n休假类别：产假\n休假起始日期：2023年3月1日\n"
                                  "休假截止日期：2023年7月28日\n郑州市第一人民医院人事科\n2023年8月1日")
    assert (f["leave_start"], f["leave_end"]) == ("2023-03-01", "2023-07-28")
    f = fields("sick_leave_proof", "病假审批表\n姓名 王强\n病假开始时间 2023-03-01\n病假结束时间 2023-05-31\n某某医院\n2023年2月20日")
    assert (f["leave_start"], f["leave_end"], f["months_absent"]) == ("2023-03-01", "2023-05-31", "3")


@pytest.mark.parametrize("kind, text, start, end", [
    ("overseas_proof", "境外工作证明\n兹证明我院医师王强同志经批准，于2022年9月1日赴美国哈佛大学从事访问学者研修，"
     "于2023年8月31日回国。\n特此证明。\n河南省肿瘤医院\n2023年9月5日", "2022-09-01", "2023-08-31"),
    ("overseas_proof", "出国（境）人员情况表\n姓名：王强\n出国时间：2022年9月1日\n回国时间：2023年8月31日\n河南省肿瘤医院\n2023年9月5日",
     "2022-09-01", "2023-08-31"),
    ("overseas_proof", "出国（境）人员情况表\n姓名 王强\n出境日期\n2022-09-01\n入境日期\n2023-08-31\n河南省肿瘤医院\n2023年9月5日",
     "2022-09-01", "2023-08-31"),
    ("sick_leave_proof", "诊断证明书\n姓名：张三\n诊断：腰椎间盘突出\n自2023年3月1日开始休病假，至2023年5月31日结束。\n"
     "河南省人民医院\n2023年3月1日", "2023-03-01", "2023-05-31"),
    ("maternity_proof", "生育证明\n张三同志于2023年3月1日开始休产假，2023年8月5日产假结束返岗上班。\n特此证明。\n漯河市中心医院\n2023年8月10日",
     "2023-03-01", "2023-08-05"),
])
def test_leave_as_a_marked_first_and_last_day(kind, text, start, end):
    """A period written as its first day and its last day, each marked by a word (开始/结束,
    赴…/回国) or a label (出国时间/回国时间), not joined by 至."""
    f = fields(kind, text)
    assert (f["leave_start"], f["leave_end"]) == (start, end)


def test_hospital_stay_is_not_the_leave():
    """Admission and discharge days are no leave's ends: only the rest period stated is."""
    f = fields("sick_leave_proof", "出院证明书\n姓名：许林\n入院日期：2022-12-17\n出院日期：2022-12-30\n"
               "出院医嘱：全休9个月。\n河南中医药大学第一附属医院\n2022年12月30日")
    assert "leave_start" not in f and f["months_absent"] == "9"


@pytest.mark.parametrize("kind, text, start, end", [
    ("overseas_proof", "因公出国（境）人员情况表\n在外时间\n12个月\n起止日期\n2022-08-01至2023-07-80\n河南华晟电力工程有限公司",
     "2022-08-01", "2023-07-31"),  # the end's day misread
    ("overseas_proof", "访问学者派出及回国情况表\n在外期间\n2022/8/1-2023/7/81\n实际在外时长\n十二个月\n安阳市实验小学",
     "2022-08-01", "2023-07-31"),
    ("sick_leave_proof", "疾病证明书\n姓名：许林\n建议休息9个月，休息时间：2023-01-01至3023-09-30，定期门诊复查\n河南中医药大学",
     "2023-01-01", "2023-09-30"),  # the end's year misread
    ("maternity_proof", "产假证明\n姓名：张丽\n休假时间：2023.3.80至2023.8.31，共计6个月\n漯河市中心医院",
     "2023-03-01", "2023-08-31"),  # the start's day misread
])
def test_period_with_one_end_misread_set_by_its_stated_length(kind, text, start, end):
    """One end of the period OCR damaged: the other end moved by the stated length, when that
    agrees with what of the damaged end reads."""
    f = fields(kind, text)
    assert (f["leave_start"], f["leave_end"]) == (start, end)


def test_period_end_that_disagrees_with_its_stated_length_stays_unread():
    f = fields("sick_leave_proof", "疾病证明书\n姓名：许林\n共休6个月，休息时间：2023.1.1至2023.7.80\n河南中医药大学")
    assert "leave_start" not in f and "leave_end" not in f and f["months_absent"] == "6"
