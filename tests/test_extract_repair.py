"""OCR-damage repair and layout rules in the extractors: organisation names (document
cross-reference and the Henan gazetteer), signature dates under a seal, names run together,
certificate numbers, titles and levels, and that every kind reports has_seal."""

from __future__ import annotations

import json
from datetime import date

import pytest

from extractors import EXTRACTORS, extract
from extractors._base import doc_from_text
from extractors._text.dates import (find_dates, find_ranges, loose_date, month_mark_lost, repair_year,
                                    slash_read_as_digit)
from extractors._text.fuzzy import edit_distance, find_approx
from extractors._text.gazetteer import repair_org
from extractors._text.ids import find_resident_ids
from extractors._text.names import split_names, split_run
from schemas.document import BBox, DocumentText, Line, Page
from schemas.kinds import DocKind


def fields(kind: str, text: str, **kw) -> dict:
    return {f.name: f for f in extract(kind, doc_from_text(text, **kw))}


# ---------------------------------------------------------------- fuzzy matching

def test_edit_distance():
    assert edit_distance("平硕山市", "平顶山市") == 1
    assert edit_distance("河省", "河南省") == 1
    assert edit_distance("abc", "xyz", bound=1) == 2  # above the bound: bound + 1


@pytest.mark.parametrize("pattern, text, found", [
    ("河省护理学会", "该学员参加河南省护理学会举办的培训", (1, "河南省护理学会")),
    ("人力资源和社会保障部", "本证书由中华人民共和国人力资源和社会保障部批准颁发", (0, "人力资源和社会保障部")),
])
def test_find_approx(pattern, text, found):
    d, s, e = find_approx(pattern, text)
    assert (d, text[s:e]) == found


# ---------------------------------------------------------------- organisation names

@pytest.mark.parametrize("damaged, fixed", [
    ("平硕山市教育局", "平顶山市教育局"),
    ("河省护理学会", "河南省护理学会"),
    ("河海省胸科医院", "河南省胸科医院"),
    ("许职业技术学院", "许昌职业技术学院"),
    ("南阳市大力资源和社会保障局", "南阳市人力资源和社会保障局"),
    ("郑州市人力资源租社会保障局", "郑州市人力资源和社会保障局"),
    ("河南省科学技本厅", "河南省科学技术厅"),
    ("国家卫生健康委能力建设和维续教育中心", "国家卫生健康委能力建设和继续教育中心"),
    ("安阳市住房和城建设局", "安阳市住房和城乡建设局"),
    ("河南省豫通路桥主程有限公司", "河南省豫通路桥工程有限公司"),
    ("许国市农业技术推中心", "许昌市农业技术推广中心"),
])
def test_repair_org_fixes_ocr_damage(damaged, fixed):
    assert repair_org(damaged) == (fixed, True)


@pytest.mark.parametrize("name", [
    "海南省人民医院", "河南省人民法院", "长沙市教育局", "郑州大学第一附属医院", "平顶山市第二中学",
    "中国施工企业管理协会", "河南省专业技术人员继续教育基地(河南工业大学)", "许昌市技师学院", "河南工商大学",
    "南阳理工学院", "黄河科技学院", "河南省农业技术推广总站", "焦作市中站区教育局", "平顶山学院",
    "耶州市教育局",  # one edit from 郑州市, 邓州市 and 汝州市: not guessed
])
def test_repair_org_leaves_sound_or_ambiguous_names(name):
    assert repair_org(name) == (name, False)


def test_signature_org_settled_against_the_body():
    f = fields("training_notice", """平顶山市教育局文件
平教〔2023〕12号
关于举办2023年班主任能力提升培训班的通知
各县区教育局：
请各单位于2023年10月9日前将参训人员名单报送至平顶山市教育局。
平硕山市教育局
2023年9月10日""")
    assert f["organization"].value == "平顶山市教育局"


def test_damaged_signature_repaired_from_the_gazetteer_loses_confidence():
    good = fields("employer_proof", "证明\n兹证明王芳同志系我单位职工。\n特此证明。\n河南省胸科医院\n2023年5月6日")
    bad = fields("employer_proof", "证明\n兹证明王芳同志系我单位职工。\n特此证明。\n河海省胸科医院\n2023年5月6日")
    assert bad["organization"].value == "河南省胸科医院"
    assert bad["organization"].confidence < good["organization"].confidence


def test_signature_fragment_completed_from_the_heading():
    f = fields("project_proof", """国家自然科学基金委员会
结项证书
项目编号：82379020
项目名称：黄淮海冬小麦耐逆新品种选育与应用
主要完成人员：陈红、任晓燕
委员会
2023年6月11日""")
    assert f["organization"].value == "国家自然科学基金委员会"


def test_issuer_phrase_names_the_ministry_without_the_country():
    f = fields("qualification_certificate", """中华人民共和国
专业技术人员职业资格证书
姓名：许国庆
资格名称：主治医师
管理号：20234136878086
本证书由中华人民共和国人力资源和社会保障部批准颁发。
保障部
二〇二三年十月二十五日""")
    assert f["organization"].value == "人力资源和社会保障部"
    assert f["qualification_name"].value == "主治医师" and f["qualification_level"].value == "intermediate"


def _form(rows: list[list[tuple[str, int]]], tail: list[tuple[str, int]], source: str = "ocr") -> DocumentText:
    """Form rows of (text, x) boxes, 40 units apart, then lines at (text, x) below."""
    lines = []
    for i, row in enumerate(rows + [[t] for t in tail]):
        for text, x in row:
            lines.append(Line(text=text, bbox=BBox(x0=x, y0=40 + 40 * i, x1=x + 20 * len(text), y1=64 + 40 * i)))
    return DocumentText(source=source, pages=[Page(number=1, width=1000, height=1400, lines=lines)])


def test_form_cells_are_not_the_signature():
    doc = _form([[("专业技术人员参加学术会议单位证明", 200)], [("姓名", 100), ("姜一鸣", 300)],
                 [("工作单位", 100), ("平顶山市第二中学", 300)], [("主办单位", 100), ("中国教育学会", 300)],
                 [("起止时间", 100), ("2023.5.15-5.17", 300)], [("单位意见", 100), ("同意申报继续教育学时。", 300)]],
                [("盖章", 700), ("3023年05月26日", 650)])
    f = {x.name: x for x in extract("employer_proof", doc)}
    # no legible signature: the person's unit, not the organiser in the form
    assert f["organization"].value == "平顶山市第二中学"
    # the signature date with a misread year, not the start of the period
    assert f["issue_date"].value == "2023-05-26" and f["issue_date"].confidence < 0.7


# ---------------------------------------------------------------- signature dates

@pytest.mark.parametrize("raw, context, year, factor", [
    ("2023", [2023], 2023, 1.0),
    ("3023", [2023], 2023, 0.7),  # 2 read as 3
    ("2028", [2023], 2023, 0.7),  # 3 read as 8
    ("2028", [2022], 2023, 0.7 * 0.85),  # the year after the latest stated (a 2022 award)
    ("二〇二", [2023], 2023, 0.6),  # a numeral dropped
    ("33", [2023], 2023, 0.45),  # '33年6月7日': 20 lost, the 2 of 23 read as 3
    ("2083", [2023, 1966], 2023, 0.5),  # a year that cannot be, one digit off the stated one
    ("2028", [2022], 2023, 0.7 * 0.85),  # a known confusion (3→8) beats the one-digit fallback to 2022
])
def test_repair_year(raw, context, year, factor):
    assert repair_year(raw, context) == pytest.approx((year, factor))


def test_a_year_long_before_every_stated_year_one_digit_off_is_the_stated_year():
    # '2013年7月7日' signing a proof of 2023 training: the ring across the 2 of 23
    assert repair_year("2013", [2023, 2023]) == pytest.approx((2023, 0.5))
    assert repair_year("2019", [2023]) is None  # two digits off: no one year


def test_a_year_after_this_one_one_digit_off_is_the_stated_year(monkeypatch):
    import extractors._text.dates as dates

    class Today(date):
        @classmethod
        def today(cls):
            return date(2026, 12, 3)

    monkeypatch.setattr(dates, "date", Today)
    assert dates.repair_year("2027", [2023]) == pytest.approx((2023, 0.5))  # 3 read as 7 under the ring
    assert dates.repair_year("2026", [2023]) is None  # this year: it may be right


def test_a_signature_later_than_the_years_it_mentions_stays():
    assert repair_year("2023", [2013]) is None  # a 2023 proof citing a 2013 rule


def test_repair_year_refuses_a_guess():
    assert repair_year("1998", [2023]) is None
    assert repair_year("二三三", [2023]) is None
    assert repair_year("二〇二", []) is None  # 2020 … next year: no one year


def test_a_dropped_numeral_with_one_possible_year_needs_no_context():
    assert repair_year("二二三", []) == (2023, 0.5)
    doc = doc_from_text("验收合格证书\n课题名称：初中物理数字化教学资源建设与应用研究\n经专家组鉴定，该课题已完成预期研究任务，"
                        "准予结题。\n中华人民共和国科学技术部\n二二三年十一月十日")
    assert {x.name: x.value for x in extract("project_proof", doc)}["issue_date"] == "2023-11-10"


@pytest.mark.parametrize("text, iso", [
    ("3023年05月26日", "2023-05-26"), ("二〇二年九月五日", "2023-09-05"), ("2023.007.31", "2023-07-31"),
    ("2023-08=08", "2023-08-08"), ("2023·8·8", "2023-08-08"), ("33年6月7日", "2023-06-07"),
    ("2023-08~80", "2023-08-30"),  # the dash before the day read as '~', the 3 as 8
    ("2023/2≠5", "2023-02-05"), ("2023/12丨25", "2023-12-25"),  # a slash crossed by the ring
    ("2023年123月26日", "2023-12-26"), ("2023年7月391日", "2023-07-31"),  # a seal's stroke read as a digit
    ("2023(7/20", "2023-07-20"), ("2023（7/20", "2023-07-20"), ("2023A10/12", "2023-10-12"),  # the first slash
    ("2023/7d22", "2023-07-22"),  # the second slash read as a letter
    ("2023W40月05日", "2023-10-05"),  # 年 read as a letter, the 1 of 10 as 4
    ("二三净三月十日", "2023-03-10"),  # 年 read as another character, 〇 and 二 lost
])
def test_loose_date(text, iso):
    d, _ = loose_date(text, [2023])
    assert d.iso == iso


def test_a_grown_number_is_repaired_only_when_one_reading_fits():
    assert loose_date("2023年12月123日", [2023]) is None  # 12, 13 or 23


@pytest.mark.parametrize("text, iso", [
    ("2023/678", "2023-06-08"), ("2023/12725", "2023-12-25"),  # the second slash read as a 7
    ("2023/1225", "2023-12-25"),  # lost: only 12/25 fits
    ("2023/117", None),  # 1/7 (the slash read as 1), 1/17 or 11/7 (the slash lost)
    ("2023/709", None),  # 7/09 is no way to write 7/9 (7/19 with the slash and the 1 lost)
    ("2023/6/8", None), ("2023/678号文", None),  # a whole date; not the line's end
    ("202873/28", "2023-03-28"), ("202374/17", "2023-04-17"),  # the first slash read as a 7
    ("20234/17", "2023-04-17"), ("2023110/15", "2023-10-15"),  # lost; read as a 1
    ("202311/5", None),  # 2023/11/5 or 2023/1/5
])
def test_slash_read_as_digit(text, iso):
    found = slash_read_as_digit(text, [2023])
    assert (found[0].iso if found else None) == iso


@pytest.mark.parametrize("text, iso", [
    ("二〇二三年三二十六日", "2023-03-26"), ("二〇二三年五八日", "2023-05-08"),
    ("二〇二三年十一十日", "2023-11-10"),  # 一十 is no way to write ten
    ("二〇二三年十二十日", None),  # 十/二十 or 十二/十
    ("二〇二三年三月二十六日", None),  # nothing lost
])
def test_month_mark_lost(text, iso):
    found = month_mark_lost(text, [2023])
    assert (found[0].iso if found else None) == iso


def test_signature_with_its_second_slash_read_as_a_digit():
    doc = doc_from_text("2022年度河南省科学技术进步奖获奖证书\n获奖项目\n急性心肌梗死规范化诊疗关键技术研究\n"
                        "主要完成人(排序)\n龚健、龚旭、汤颖\n证书编号\n2022-J1-289-R01\n河南省人民政府\n2023/678")
    f = {x.name: x for x in extract("award_certificate", doc)}
    assert f["issue_date"].value == "2023-06-08" and f["issue_date"].confidence <= 0.5


def test_labelled_issue_date_read_through_ocr_damage():
    doc = doc_from_text("资格证书\n资格名称：执业药师\n考试合格时间：2023-05-24\n发证机关：人力资源和社会保障部\n"
                        "发证日期：202306.27")
    f = {x.name: x for x in extract("qualification_certificate", doc)}
    assert f["issue_date"].value == "2023-06-27" and f["issue_date"].confidence < 0.85
    doc = doc_from_text("证明\n张三同志于2023年7月24日—27日参加培训，按时完成学习任务。\n特此证明。\n"
                        "河南省豫通路桥工程有限公司\n2023-08=08")
    assert {x.name: x.value for x in extract("employer_proof", doc)}["issue_date"] == "2023-08-08"
    # a slash the seal's ring crosses, read as '≠': a day, not the month alone
    doc = doc_from_text("关于举办2023年培训班的通知\n各有关单位：\n经研究，决定于2023年3月7日至10日举办培训班。\n"
                        "河南省教育科学研究院\n2023/2≠5")
    assert {x.name: x.value for x in extract("training_notice", doc)}["issue_date"] == "2023-02-05"


def test_a_year_after_next_year_is_no_context_for_the_signature():
    # the title's 2023 misread as 2029 must not pull the rightly read signature year to itself
    doc = doc_from_text("继续教育培训合格证\n姓名：卢洁\n培训项目：2029年智慧工地建设与管理专业技术人员培训班\n"
                        "经考核合格，准予结业，特发此证。\n郑州市住房和城乡建设局\n2023年4月24日")
    assert {x.name: x.value for x in extract("completion_certificate", doc)}["issue_date"] == "2023-04-24"


def test_issue_date_is_the_signature_not_a_range_end():
    f = fields("completion_certificate", """结业证书
姓名：王芳
培训项目：2023年护理质量与安全管理培训班
培训时间：2023-04-03至2023-04-05
该学员参加上述培训，经考核成绩合格，特发此证。
河南省护理学会
2023年4月7日""")
    assert f["issue_date"].value == "2023-04-07"


def test_issue_date_not_taken_from_a_form_line():
    f = fields("completion_certificate", """结业证书
姓名：王芳
培训时间：2023-04-03至2023-04-05
该学员参加上述培训，经考核成绩合格，特发此证。
河南省护理学会
203304-0""")
    assert "issue_date" not in f


def test_future_year_on_the_signature_is_repaired():
    f = fields("award_certificate", """荣誉证书
黄振华同志：
你参与完成的“小学数学数字化教学资源建设与应用研究”项目，荣获2022年度南阳市科学技术进步奖一等奖。
证书编号：2022-KJ1-016-R01
南阳市人民政府
2028.04.08""")
    assert f["issue_date"].value == "2023-04-08" and f["issue_date"].confidence < 0.6


def test_endorsement_date_without_any_year():
    f = fields("leader_endorsement", """河南省人民政府研究室
呈阅件
领导批示：
调研扎实，建议可行。
蔡婷3.19
关于县域医共体建设运行情况的调研报告
郑州市实验中学毛佳怡叶帆邹子豪""")
    assert "issue_date" not in f and f["issue_month_day"].value == "--03-19"
    assert f["title"].value == "县域医共体建设运行情况"
    assert json.loads(f["authors"].value) == ["毛佳怡", "叶帆", "邹子豪"] and f["person_name"].value == "毛佳怡"


# ---------------------------------------------------------------- names

@pytest.mark.parametrize("run, names", [
    ("林军梁凯", ["林军", "梁凯"]),
    ("夏华夏林", ["夏华", "夏林"]),
    ("丁丽傅春雷史欣怡", ["丁丽", "傅春雷", "史欣怡"]),
    ("姜海燕何华", ["姜海燕", "何华"]),
])
def test_split_run(run, names):
    assert split_run(run) == names


@pytest.mark.parametrize("run", ["王小明", "欧阳明月", "范徐丽泰", "郑州市实验中学"])
def test_split_run_keeps_single_names(run):
    assert split_run(run) is None


def test_split_names_on_misread_dots():
    assert split_names("卢燕·曾林·武磊，赖婷") == ["卢燕", "曾林", "武磊", "赖婷"]
    assert split_names("买买提·艾力、张三") == ["买买提·艾力", "张三"]


def test_book_editors_run_together():
    f = fields("book_pages", """急危重症护理学
主编郑玉兰张佳
副主编易婷韩刚王慧
参编丁丽傅春雷史欣怡 余磊
河南大学出版社
ISBN 978-7~5649~9785-8""")
    assert json.loads(f["authors"].value) == ["郑玉兰", "张佳", "易婷", "韩刚", "王慧", "丁丽", "傅春雷", "史欣怡", "余磊"]
    assert "isbn" in f


# ---------------------------------------------------------------- certificate numbers

def test_certificate_number_is_the_number_itself():
    f = fields("completion_certificate", "结业证书\n证书编号：No.3673G02648\n姓名：王芳")
    assert f["certificate_number"].value == "3673G02648"


def test_a_dot_a_photo_put_inside_a_certificate_number_is_dropped():
    assert fields("completion_certificate", "证明编号\nNo.6514L.38303\n兹证明上述学员已完成学习")["certificate_number"].value == "6514L38303"
    assert fields("completion_certificate", "证书编号：ABC123.pdf")["certificate_number"].value == "ABC123"  # no digit: not the number's


def test_certificate_number_is_never_a_resident_id():
    f = fields("completion_certificate", "结业证书\n9证号：4L3029198205045623\n证书输号：4456Z19113")
    assert f["certificate_number"].value == "4456Z19113"  # after a misread label, at lower confidence
    assert f["certificate_number"].confidence < 0.7


# ---------------------------------------------------------------- titles and levels

def test_service_title_without_year_and_not_the_heading():
    f = fields("service_notice", """参加服务基层活动证明
兹证明平顶山职业技术学院邵俊同志于2023年5月2日至7日参加由我单位组织的送医下乡义诊活动。
特此证明。
平顶山市科学技术协会
二〇二三年五月十三日""")
    assert f["title"].value == "送医下乡义诊活动"
    notice = fields("service_notice", "关于开展2023年送教下乡活动的通知\n定于2023年6月3日至7日开展送教下乡活动。")
    assert notice["title"].value == "送教下乡活动"


def test_training_level_from_its_audience():
    f = fields("training_notice", """郑州大学第一附属医院文件
郑大一附院〔2023〕81号
关于举办2023年临床合理用药高级研修班的通知
四、参加对象
全省相关专业技术人员，每单位限报2人。""")
    assert f["level"].value == "provincial"


@pytest.mark.parametrize("cover, level", [
    ("中原医刊\n2023年9月第45卷第9期\nISSN 1004-3225\n河南省医学会 主办\nCN 41-1918/R", "provincial"),
    ("中国农学通报\n2023年12月第32卷第12期\nISSN 2095-9249\n中国农学会 主办 CN 11-1022/S", "national"),
    ("建筑技术\n2023年3月第38卷第3期\nISSN 1001-8603\n北京市建筑工程研究院 主办\nCN 11-1776/TU", "national"),
    # no sponsor read: the CN series of central bodies (10-) is national, another region's provincial
    ("施工技术（中英文）\n2023年第52卷第6期\nISSN 2097-0897\nCN 10-1768/TU", "national"),
    ("河南建材\n2023年第4期\nISSN 1008-8806\nCN 41-1160/TU", "provincial"),
])
def test_journal_level(cover, level):
    assert fields("journal_pages", cover)["level"].value == level


def test_journal_issn_with_misread_label_and_pages_from_contents():
    f = fields("journal_pages", """河南教育
1SSN 1000-7199 CN 41-1684/G4
\f目 次
问题链驱动视域下初中数学教学改革研究
……………………龙玲，龚秀英 104
信息技术融合视域下高中英语教学改革研究
……………………熊婉清，戴华 108
\f问题链驱动视域下初中数学教学改革研究
龙玲 龚秀英
（洛阳市第一高级中学，河南 洛阳 471000）""")
    assert f["issn"].value == "1000-7199"
    assert f["article_title"].value == "问题链驱动视域下初中数学教学改革研究"
    assert f["pages"].value == "104-107"


# ---------------------------------------------------------------- every kind

@pytest.mark.parametrize("kind", list(DocKind))
def test_every_kind_reports_has_seal(kind):
    assert kind in EXTRACTORS
    got = [f for f in extract(kind, doc_from_text("材料\n2023年5月6日")) if f.name == "has_seal"]
    assert [f.value for f in got] == ["false"]
    sealed = doc_from_text("材料\n2023年5月6日", seals={1: [BBox(x0=50, y0=40, x1=150, y1=140)]})
    assert [f.value for f in extract(kind, sealed) if f.name == "has_seal"] == ["true"]


def test_text_under_a_seal_is_less_certain():
    seal = BBox(x0=40, y0=120, x1=200, y1=200)  # over the date line
    clear = fields("employer_proof", "证明\n兹证明王芳同志系我单位职工。\n河南省胸科医院\n2023年5月6日", source="ocr")
    under = {f.name: f for f in extract("employer_proof", doc_from_text(
        "证明\n兹证明王芳同志系我单位职工。\n河南省胸科医院\n2023年5月6日", source="ocr", seals={1: [seal]}))}
    assert under["issue_date"].value == clear["issue_date"].value
    assert under["issue_date"].confidence < clear["issue_date"].confidence


def test_repair_keeps_known_school_words_and_partner_places():
    """初级中学 is an institution word and 哈密市/日喀则市 (援疆/援藏 hosts) are places: neither is
    'corrected' one edit towards 高级中学 / 新密市."""
    from extractors._text.gazetteer import repair_org

    assert repair_org("新密市第一初级中学") == ("新密市第一初级中学", False)
    assert repair_org("哈密市第二中学") == ("哈密市第二中学", False)
    assert repair_org("日喀则市人民医院") == ("日喀则市人民医院", False)
    assert repair_org("平硕山市教育局") == ("平顶山市教育局", True)


def test_spaced_name_label_with_a_box_read_in_the_gap():
    from extractors._base import DocView, doc_from_text
    from extractors._common import person_name

    assert person_name(DocView(doc_from_text("培训合格证书\n姓☑名：王小明\n性☑别：男"))).value == "王小明"
    assert person_name(DocView(doc_from_text("结业证书\n姓 口 名：李华\n单位：某县医院"))).value == "李华"


def test_signature_date_with_the_year_month_separator_lost():
    """OCR under a seal drops a separator: '202308-12' is 2023-08-12."""
    found = loose_date("202308-12", [2023])
    assert found is not None and found[0].value.isoformat() == "2023-08-12"
    assert loose_date("20231108.12", [2023]) is None
    found = loose_date("202310月12日", [2023])  # 年 lost
    assert found is not None and found[0].value.isoformat() == "2023-10-12"


def test_issuer_labels_and_suffixes_of_title_and_skill_certificates():
    doc = doc_from_text("职业技能等级证书\n姓名：李红\n职业（工种）：保育师\n等级：四级\n评价机构：河南省职业技能鉴定中心\n"
                        "发证日期：2023年06月12日")
    assert {x.name: x.value for x in extract("qualification_certificate", doc)}["organization"] == "河南省职业技能鉴定中心"
    doc = doc_from_text("专业技术职务任职资格证书\n姓名：王明\n资格名称：农艺师\n评审通过时间：2023年11月19日\n"
                        "南阳市职称改革工作领导小组\n2023年12月15日")
    assert {x.name: x.value for x in extract("qualification_certificate", doc)}["organization"] == "南阳市职称改革工作领导小组"


def test_plan_training_years_tie_is_settled_the_same_way_every_run():
    # two names read 2021, two 2023, one clipped to 203: the later year wins the tie whatever
    # the string hash seed (a set's order decided it before), and the clipped name takes it
    import os
    import subprocess
    import sys
    code = ("from extractors.plan_filing import _repair_years;"
            "print(_repair_years(['2021年甲培训', '2023年乙培训', '2021年丙培训', '203年丁培训', '2023年戊培训'])[3])")
    got = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(1, 7)}
    assert got == {"2023年丁培训"}


@pytest.mark.parametrize("text, iso", [("2023<0321", "2023-03-21"), ("20230321", "2023-03-21"), ("2023-0606", "2023-06-06")])
def test_signature_date_with_every_separator_lost_or_one_misread(text, iso):
    found = loose_date(text, [2023])
    assert found is not None and found[0].value.isoformat() == iso
    assert found[0].end <= len(text)


def test_resident_id_birth_date_is_no_compact_date():
    assert loose_date("412324197104284747", [2023]) is None


def test_two_numeral_year_the_year_after_the_award_year_stays():
    """'二三年' (二〇 lost) on a certificate for a 2022 award: issued in 2023, the year after the
    latest year stated, not the commonest year (2022)."""
    doc = doc_from_text("荣誉证书\n张三同志：\n你参与完成的项目获2022年度河南省科学技术进步奖二等奖。\n"
                        "特发此证，以资鼓励。\n2022年度评审\n河南省教育厅\n二三年七月二十四日")
    got = {f.name: f.value for f in extract("award_certificate", doc)}
    assert got["issue_date"] == "2023-07-24"


@pytest.mark.parametrize("text, iso", [
    ("二〇二三年千一月十日", "2023-11-10"), ("二〇二三年十一月干八日", "2023-11-18"), ("二〇二三年五月+日", "2023-05-10"),
])
def test_ten_read_as_a_look_alike_in_a_numeral_date(text, iso):
    from extractors._text.dates import find_dates
    assert [d.iso for d in find_dates(text)] == [iso]


def test_a_thousand_outside_a_date_is_left_alone():
    from extractors._text.normalize import norm
    assert norm("共计一千元，2023年+1月") == "共计一千元,2023年+1月"


def test_signature_date_with_ten_read_as_thousand():
    doc = doc_from_text("继续教育学分证书\n姓名：段一鸣\n项目名称：2023年小麦栽培技术专题研修班\n"
                        "举办日期：2023年11月06日一10日\n河南农业大学\n二〇二三年千一月十日")
    assert {x.name: x.value for x in extract("completion_certificate", doc)}["issue_date"] == "2023-11-10"


def test_a_letter_between_month_and_day_is_a_separator_only_at_the_line_end():
    assert loose_date("2023/7d22号文", [2023]) is None


def test_any_sign_for_the_year_mark_needs_two_numerals_of_the_year_before_it():
    assert loose_date("第三届三月十日", [2023]) is None


def test_a_damaged_three_numeral_year_with_no_other_year_is_2023():
    # '二二三年': only 2023 from 1990 to next year; the range's end takes the year of its start
    (r,) = find_ranges("于二二三年五月一日至十一月三十日休病假，共计7个月。")
    assert (r.start.isoformat(), r.end.isoformat()) == ("2023-05-01", "2023-11-30")
    assert find_dates("二〇二年五月一日") == []  # 2020 … 2027: no year


def test_a_leave_broken_over_lines_with_a_speck_opening_the_next():
    doc = doc_from_text("情况说明\n许昌市人力资源和社会保障局:\n我单位职工熊露露同志因生育于二○二三年三月一日至二二三年八\n"
                        ".月三十一日休产假（含延长生育假），共计6个月，期间未能正常参加专业\n科目学习。现予说明。\n"
                        "许昌市建筑设计研究院有限公司\n2023年09月09日")
    f = {x.name: x.value for x in extract("maternity_proof", doc)}
    assert (f["leave_start"], f["leave_end"]) == ("2023-03-01", "2023-08-31")


def test_a_resident_id_with_a_speck_inside_counts_only_when_its_check_digit_holds():
    (found,) = find_resident_ids("身份证号码412233198011.162674），")
    assert found.value == "412233198011162674" and found.valid
    assert find_resident_ids("身份证号码412233198011.162675）") == []  # a bad check digit: no number
