"""Table-driven tests of the shared parsers in extractors/_text."""

from datetime import date

import pytest

from extractors._text.dates import find_dates, find_ranges, find_years, months_in_year, parse_date, term_year
from extractors._text.docnum import city_from_prefix, find_doc_numbers, own_doc_number
from extractors._text.hours import best_hours, find_hours
from extractors._text.ids import (
    find_cn_numbers, find_isbns, find_issns, find_patent_numbers, find_resident_ids, is_valid,
    parse_patent_number, patent_check_char, patent_year)
from extractors._text.names import find_person_name, rank_of, same_person, split_names, trim_name
from extractors._text.normalize import norm
from extractors._text.numbers import cn_to_int, parse_rank


# ---------------------------------------------------------------- normalize / numbers

@pytest.mark.parametrize("raw, expected", [
    ("2023 年 5 月 8 日", "2023年5月8日"),
    ("学时：４０", "学时:40"),
    ("2O23年l2月", "2023年12月"),
    ("ZL 2023 1 0123456 . 7", "ZL 2023 1 0123456.7"),
    ("授权公告日：2O23 年 l 月 6 日", "授权公告日:2023年1月6日"),
    ("﹝2018﹞", "〔2018〕"),
])
def test_norm(raw, expected):
    assert norm(raw) == expected


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("三十一", 31), ("一百零五", 105), ("两千", 2000),
    ("二〇二三", 2023), ("二零一八", 2018), ("一万二千", 12000), ("40", 40), ("四十", 40), ("两", 2),
    ("廿四", 24), ("廿", 20), ("卅一", 31),
])
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["", "学时", "abc", "十a"])
def test_cn_to_int_rejects(text):
    assert cn_to_int(text) is None


@pytest.mark.parametrize("text, rank", [
    ("第二发明人", 2), ("排名第3", 3), ("（排序：2）", 2), ("第1完成人", 1), ("第十一作者", 11), ("位次：第四", 4),
])
def test_parse_rank(text, rank):
    assert parse_rank(text) == rank


def test_parse_rank_absent():
    assert parse_rank("发明人：张三") is None


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("text, iso", [
    ("2023年5月8日", "2023-05-08"),
    ("2023 年 5 月 8 日", "2023-05-08"),
    ("2023.5.8", "2023-05-08"),
    ("2023-05-08", "2023-05-08"),
    ("2023/5/8", "2023-05-08"),
    ("2023年05月08号", "2023-05-08"),
    ("二〇二三年五月八日", "2023-05-08"),
    ("2023年十二月二十六日", "2023-12-26"),  # digits and numerals mixed
    ("二〇二三年12月26日", "2023-12-26"),
    ("二零二三年十二月三十一日", "2023-12-31"),
    ("二〇一八年十一月二十日", "2018-11-20"),
    ("二O二三年十月十日", "2023-10-10"),
    ("发证日期：2O23年l2月1日", "2023-12-01"),
    ("2023年5月", "2023-05"),  # month precision: ISO 'YYYY-MM'
    ("二〇二三年十二月", "2023-12"),
    # English lines of bilingual certificates
    ("Date of Approval: September 9, 2023", "2023-09-09"),
    ("Sept. 9th 2023", "2023-09-09"),
    ("9 September 2023", "2023-09-09"),
    ("9th of Sep, 2023", "2023-09-09"),
    ("Dec. 31st, 2023", "2023-12-31"),
    ("Issued in May 2023", "2023-05"),
])
def test_parse_date(text, iso):
    assert parse_date(text).iso == iso


def test_month_precision_covers_month():
    d = parse_date("2023年2月")
    assert d.precision == "month" and d.value == date(2023, 2, 1) and d.last == date(2023, 2, 28)


@pytest.mark.parametrize("text", ["2023年13月1日", "2023年2月30日", "电话13812345678", "第5期", "2023-2024学年",
                                  "Mayor 2023", "Sept. 31, 2023", "Dec 2, 23"])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


def test_partial_date_takes_context_year():
    dates = find_dates("2023年5月8日报到，5月9日开班")
    assert [d.iso for d in dates] == ["2023-05-08", "2023-05-09"]
    assert find_dates("5月8日", default_year=2022)[0].iso == "2022-05-08"
    assert find_dates("5月8日") == []


@pytest.mark.parametrize("text, start, end, days", [
    ("2023年5月8日至12日", "2023-05-08", "2023-05-12", 5),
    ("2023年5月8日-5月12日", "2023-05-08", "2023-05-12", 5),
    ("2023.5.8—2023.5.12", "2023-05-08", "2023-05-12", 5),
    ("2023-05-08至2023-05-12", "2023-05-08", "2023-05-12", 5),
    ("2023年5月8日到2023年5月12日", "2023-05-08", "2023-05-12", 5),
    ("2023年5月8日—12日，共5天", "2023-05-08", "2023-05-12", 5),
    ("2023年12月28日至1月3日", "2023-12-28", "2024-01-03", 7),
    ("2023年5月8日~9日", "2023-05-08", "2023-05-09", 2),
    ("二〇二三年五月八日至十二日", "2023-05-08", "2023-05-12", 5),
    ("自2023年3月1日起至2023年8月31日止", "2023-03-01", "2023-08-31", 184),
    ("2023.6.92023.6.10，共2天", "2023-06-09", "2023-06-10", 2),  # the dash lost to OCR
    ("2023年6月9日2023年6月10日", "2023-06-09", "2023-06-10", 2),
    ("二〇二三年八月十四日一十五日（为期2天）", "2023-08-14", "2023-08-15", 2),  # 至 read as 一
    ("2021年07月12日2023年07月14日", "2023-07-12", "2023-07-14", 3),  # glued, and a year misread
    ("2023年02月01日至2023年07月\n进修时间\n07日", "2023-02-01", "2023-07-07", 157),  # a wrapped cell
])
def test_find_ranges(text, start, end, days):
    r = find_ranges(text)[0]
    assert (r.start.isoformat(), r.end.isoformat(), r.days) == (start, end, days)


def test_range_year_from_context():
    r = find_ranges("5月8日至6月2日", default_year=2023)[0]
    assert (r.start, r.end, r.days) == (date(2023, 5, 8), date(2023, 6, 2), 26)


def test_month_range():
    r = find_ranges("2023年3月至9月")[0]
    assert (r.start, r.end, r.precision) == (date(2023, 3, 1), date(2023, 9, 30), "month")
    r = find_ranges("2022年8月-2024年8月")[0]
    assert (r.start, r.end) == (date(2022, 8, 1), date(2024, 8, 31))


def test_no_range_for_unrelated_dates():
    assert find_ranges("2023年5月8日报到，2023年6月1日发证") == []
    assert find_ranges("2023年6月10日2023年6月9日") == []  # glued, but the second is earlier
    assert find_ranges("2022.6.92023.8.10") == []  # glued, but over a year apart


@pytest.mark.parametrize("term, year", [
    ("2022-2023学年第二学期", 2023), ("2022-2023学年第一学期", 2022), ("2023-2024-1", 2023),
    ("2023-2024-2", 2024), ("2023年秋季", 2023), ("第一学期", None),
    # one year of the academic year misread: the other one settles it
    ("2022-2029第2学期", 2023), ("2022-2003学年第二学期", 2023), ("2029-2024第1学期", 2023),
])
def test_term_year(term, year):
    assert term_year(term) == year


def test_months_in_year():
    assert months_in_year(date(2023, 1, 1), date(2023, 6, 30), 2023) == pytest.approx(5.95, abs=0.01)
    assert months_in_year(date(2022, 9, 1), date(2023, 8, 31), 2023) == pytest.approx(7.99, abs=0.01)
    assert months_in_year(date(2021, 1, 1), date(2021, 12, 31), 2023) == 0


def test_find_years():
    assert find_years("关于做好2023年度工作，2024 年起") == [2023, 2024]


# ---------------------------------------------------------------- hours

@pytest.mark.parametrize("text, value", [
    ("共计40学时", 40), ("40课时", 40), ("学时：40", 40), ("学时: 40", 40), ("计 40 学时", 40),
    ("四十学时", 40), ("三十二个学时", 32), ("折合学时32", 32), ("折算学时：16", 16), ("授予学时16", 16),
    ("培训40小时", 40), ("每天8学时，共计40学时", 40), ("学时数：24", 24), ("共 4O 学时", 40), ("12.5学时", 12.5),
])
def test_best_hours(text, value):
    assert best_hours(text).value == value


@pytest.mark.parametrize("text", [
    "开会40小时",  # 小时 outside a training context
    "共3个学分",  # credits are not hours
    "每年累计不少于90学时",  # a requirement, not an award
    "学时：2023年",  # a year, not hours
    "身份证1234040学时",  # digits glued to a longer number
])
def test_best_hours_rejects(text):
    assert best_hours(text) is None


def test_hours_qualifiers():
    found = find_hours("每天8学时，共计40学时；每年累计不少于90学时")
    assert [(h.value, h.qualifier) for h in found] == [(8, "per_unit"), (40, "total"), (90, "minimum")]


def test_converted_hours_preferred():
    assert best_hours("培训时长48学时，折合学时24").value == 24


def test_hours_unit_forced_context():
    assert best_hours("共40小时", training_context=True).value == 40
    assert best_hours("培训共40小时", training_context=False) is None


# ---------------------------------------------------------------- identifiers

@pytest.mark.parametrize("text, value, valid, birth", [
    ("身份证号：11010519491231002X", "11010519491231002X", True, date(1949, 12, 31)),
    ("410102198506123018", "410102198506123018", True, date(1985, 6, 12)),
    ("4101 0219 8506 1230 18", "410102198506123018", True, date(1985, 6, 12)),
    ("41110219880808123Ｘ", "41110219880808123X", True, date(1988, 8, 8)),
    ("11010519491231002x", "11010519491231002X", True, date(1949, 12, 31)),
    ("410102198506123011", "410102198506123011", False, date(1985, 6, 12)),
    ("410102198513123018", "410102198513123018", False, None),  # month 13
])
def test_resident_id(text, value, valid, birth):
    found = find_resident_ids(text)[0]
    assert (found.value, found.valid, found.birth_date) == (value, valid, birth)


def test_resident_id_not_in_longer_number():
    assert find_resident_ids("41010219850612301899") == []


@pytest.mark.parametrize("text, value, valid", [
    ("ISSN 1672-7088", "1672-7088", True),
    ("ISSN：1006-9410", "1006-9410", True),
    ("ISSN 16727088", "1672-7088", True),
    ("ISSN 1672-7089", "1672-7089", False),
    ("issn 1671-1048", "1671-1048", False),
])
def test_issn(text, value, valid):
    found = find_issns(text)[0]
    assert (found.value, found.valid) == (value, valid)


@pytest.mark.parametrize("text, value, valid", [
    ("ISBN 978-7-5645-9876-1", "9787564598761", True),
    ("ISBN 978 7 115 54321 9", "9787115543219", True),
    ("ISBN 7-115-54321-6", "9787115543219", True),  # ISBN-10 → 13
    ("ISBN：978-7-5645-9876-3 定价", "9787564598763", False),
])
def test_isbn(text, value, valid):
    found = find_isbns(text)[0]
    assert (found.value, found.valid) == (value, valid)


@pytest.mark.parametrize("text, value", [
    ("CN 41-1234/R", "CN 41-1234/R"), ("CN41—1234/R", "CN 41-1234/R"), ("CN 11-5234 / R", "CN 11-5234/R"),
    ("国内统一连续出版物号：CN 41-1111/TP", "CN 41-1111/TP"),
])
def test_cn_number(text, value):
    assert find_cn_numbers(text)[0].value == value


@pytest.mark.parametrize("text, value, kind, valid", [
    ("ZL 2021 1 0123456.7", "ZL202110123456.7", "invention", True),
    ("ZL202110123456.7", "ZL202110123456.7", "invention", True),
    ("202110123456.7", "ZL202110123456.7", "invention", True),
    ("ZL 2021 1 0123456 . 7", "ZL202110123456.7", "invention", True),
    ("专利号：ZL 2O22 2 O345678.3", "ZL202220345678.3", "utility_model", True),
    ("ZL 2023 3 0567890.4", "ZL202330567890.4", "design", True),
    ("ZL 2021 8 0012345.7", "ZL202180012345.7", "invention", True),  # PCT → invention
    ("98123456.9", "ZL98123456.9", "invention", True),  # pre-2004: YY T NNNNN
    ("ZL 2023 1 0123456.7", "ZL202310123456.7", "invention", False),  # check digit is 6
    ("ZL 2021 1 0123456.X", "ZL202110123456.X", "invention", False),
    ("ZL 2023 5 0123456.1", "ZL202350123456.1", None, False),  # no such type
])
def test_patent_number(text, value, kind, valid):
    p = parse_patent_number(text)
    assert (p.value, p.kind, p.valid) == (value, kind, valid)


def test_patent_check_char_x():
    digits = next(f"2020100{n:05d}" for n in range(100000) if patent_check_char(f"2020100{n:05d}") == "X")
    assert parse_patent_number(f"ZL{digits}.X").valid
    assert parse_patent_number(f"ZL{digits}.x").value.endswith(".X")


def test_patent_number_not_a_date_or_money():
    assert find_patent_numbers("2023.5.8 定价：68.00元") == []


def test_patent_year():
    assert patent_year("ZL202110123456.7") == 2021 and patent_year("ZL98123456.9") == 1998


@pytest.mark.parametrize("kind, value, ok", [
    ("id_number", "410102198506123018", True), ("id_number", "410102198506123011", False),
    ("issn", "1672-7088", True), ("isbn", "9787564598763", False), ("patent_number", "ZL202110123456.7", True),
    ("patent_number", "ZL202110123456.8", False), ("title", "x", None),
])
def test_is_valid(kind, value, ok):
    assert is_valid(kind, value) is ok


# ---------------------------------------------------------------- document numbers

@pytest.mark.parametrize("text, value, city", [
    ("宛人社〔2018〕114 号", "宛人社〔2018〕114号", "南阳"),
    ("漯人社专技[2018]1号", "漯人社专技〔2018〕1号", "漯河"),
    ("平人社办【2023】130号", "平人社办〔2023〕130号", "平顶山"),
    ("安人社函(2025)44号", "安人社函〔2025〕44号", "安阳"),
    ("郑人社办（2020）106号", "郑人社办〔2020〕106号", "郑州"),
    ("豫人社〔2017〕121号", "豫人社〔2017〕121号", "河南省"),
    ("三人社〔2022〕5号", "三人社〔2022〕5号", "三门峡"),
    ("洛人社〔2021〕第12号", "洛人社〔2021〕12号", "洛阳"),
    ("驻人社〔2019〕3号", "驻人社〔2019〕3号", "驻马店"),
    ("安人社〔2023〕.144号", "安人社〔2023〕144号", "安阳"),  # a scan's speck read as a dot
])
def test_doc_numbers(text, value, city):
    d = find_doc_numbers(text)[0]
    assert d.value == value and city_from_prefix(d.prefix) == city


def test_cited_doc_number_is_not_own():
    text = "根据《通知》（豫人社〔2018〕9 号）精神\n宛人社〔2018〕114号"
    cited, own = find_doc_numbers(text)
    assert cited.cited and not own.cited
    assert own_doc_number(text).value == "宛人社〔2018〕114号"


def test_lead_words_trimmed():
    assert find_doc_numbers("根据豫人社〔2018〕9号文件")[0].prefix == "豫人社"


# ---------------------------------------------------------------- names

@pytest.mark.parametrize("text, name", [
    ("姓名：王小明", "王小明"),
    ("姓 名 张三 性别 男", "张三"),
    ("兹证明我单位王小明同志于2023年参加", "王小明"),
    ("兹证明 李 娜 同志参加", "李娜"),
    ("张伟同志：\n你参加的培训", "张伟"),
    ("兹有郑州市第一人民医院欧阳明明，男，", "欧阳明明"),
    ("学员：赵 四", "赵四"),
    ("刘德华，男，汉族", "刘德华"),
    ("经考核，张三丰同志成绩合格", "张三丰"),
    ("兹证明王芳（身份证号：…）", "王芳"),
    ("兹证明内科医师陈红同志", "陈红"),
    ("获奖者：阿不都·热合曼", "阿不都·热合曼"),
    ("结业证书\n候欢同志：\n你于2023年10月10日", "侯欢"),  # 侯 read as its look-alike 候 (no surname)
])
def test_find_person_name(text, name):
    assert find_person_name(text)[0] == name


def test_find_person_name_absent():
    assert find_person_name("各有关单位：现将有关事项通知如下") is None


def test_trim_name():
    assert trim_name("兹证明我单位王小明") == "王小明" and trim_name("张三性别") == "张三"
    # a name cell that read one character, then the next label: no name (毛磊's 磊 was lost)
    assert trim_name("毛所在单位平顶山市实验小学") is None


@pytest.mark.parametrize("text, names", [
    ("张三、李四，王五", ["张三", "李四", "王五"]),
    ("张三;李四;王五等", ["张三", "李四", "王五"]),
    ("发明人：张三；李四", ["张三", "李四"]),
    ("张三 李四 王五", ["张三", "李四", "王五"]),
    ("张 三 李 四", ["张三", "李四"]),
    ("张 小明、李四", ["张小明", "李四"]),
    ("张 小 明 李 四", ["张小明", "李四"]),
    ("欧阳明明, 王五", ["欧阳明明", "王五"]),
    # titles printed after the names
    ("张三主任医师、李四副教授、王五工程师、赵六", ["张三", "李四", "王五", "赵六"]),
    ("张三 主任医师、李四 副主任医师", ["张三", "李四"]),
    ("师伟、药明、刘博士", ["师伟", "药明", "刘博士"]),  # a name that looks like a title's end stays
])
def test_split_names(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize("a, b, verdict", [
    ("张伟", "张伟", "exact"), ("张 伟", "张伟", "exact"), ("張偉", "张伟", "exact"),
    ("张伟", "张玮", "ocr_variant"), ("李未", "李末", "ocr_variant"),
    ("张伟", "李伟", "different"), ("张伟", "张强", "different"), ("王小明", "王明", "different"), ("", "张伟", "different"),
])
def test_same_person(a, b, verdict):
    assert same_person(a, b) == verdict


@pytest.mark.parametrize("name, names, rank, how", [
    ("王小明", ["李四", "王小明"], 2, "exact"),
    ("王小明", ["王小朋", "李四"], 1, "ocr_variant"),
    ("王小明", ["李四", "王晓明"], 2, "loose"),
    ("王小明", ["李四", "王明"], 2, "loose"),  # OCR dropped a character
    ("王小明", ["李四", "赵六"], None, None),
])
def test_rank_of(name, names, rank, how):
    assert rank_of(name, names) == (rank, how)


def test_hours_do_not_cross_lines():
    assert best_hours("培训时间：2023-07-28至2023-07-28\n学时：7课时").value == 7


def test_resident_id_region_not_checked():
    # 411099 is no district in stdnum's table; the check digit and birth date decide.
    from stdnum.cn import ric
    body = "41109919800101123"
    number = body + ric.calc_check_digit(body + "0")
    assert find_resident_ids(number)[0].valid and is_valid("id_number", number)


def test_year_with_dropped_zero():
    assert parse_date("二三年八月十三日").iso == "2023-08-13"


def test_names_split_on_misread_semicolons():
    assert split_names("吴永刚：毛佳怡：林桂英；魏振华") == ["吴永刚", "毛佳怡", "林桂英", "魏振华"]
