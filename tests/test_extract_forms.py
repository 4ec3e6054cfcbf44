"""Date / hours / identifier forms not already covered by tests/test_extract_text.py.

test_extract_text.py covers, at the parser level: 2023年5月8日, 2023.5.8, 2023-05-08,
二〇二三年五月八日; 2023年5月8日至12日 and other ranges with their day counts; 共计40学时,
40课时, 学时：40; ISSN, ISBN and resident-ID check digits valid/invalid; CNIPA patent numbers
with valid/invalid check digits and the type from the number. Missing, and added here:

* a range without a year (5月8日至12日) inside a document that states the year elsewhere,
  and the training days an extractor derives from it;
* the patent type from the certificate's wording and from the number's type digit, for all
  three types, each source alone, and the two cross-checked.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors._base import doc_from_text
from extractors._text.dates import find_ranges
from extractors._text.ids import parse_patent_number, patent_check_char


def fields(kind: str, text: str, **kw) -> dict:
    return {f.name: f for f in extract(kind, doc_from_text(text, **kw))}


# ---------------------------------------------------------------- ranges without a year

@pytest.mark.parametrize("text, start, end, days", [
    ("5月8日至12日", date(2023, 5, 8), date(2023, 5, 12), 5),
    ("培训时间：5月8日至12日", date(2023, 5, 8), date(2023, 5, 12), 5),
    ("5月8日—5月12日", date(2023, 5, 8), date(2023, 5, 12), 5),
    ("12月28日至1月3日", date(2023, 12, 28), date(2024, 1, 3), 7),
])
def test_yearless_range_takes_context_year(text, start, end, days):
    r = find_ranges(text, default_year=2023)[0]
    assert (r.start, r.end, r.days) == (start, end, days)


def test_yearless_range_needs_a_year():
    assert find_ranges("5月8日至12日") == []


NOTICE_YEARLESS = """河南省护理学会
豫护学〔2023〕36号
关于举办2023年老年护理专科护士研修班的通知
各会员单位：
经研究，定于5月8日至12日在郑州举办老年护理专科护士研修班。
培训结束经考核合格者授予继续教育学时：40。
河南省护理学会
2023年4月20日"""


CERT_YEARLESS = """结业证书
王小明同志：
你于5月8日至12日参加河南省护理学会举办的老年护理专科护士研修班，共计40学时，准予结业。
河南省护理学会
2023年5月12日"""


@pytest.mark.parametrize("kind, text", [("training_notice", NOTICE_YEARLESS),
                                        ("completion_certificate", CERT_YEARLESS)],
                         ids=["training_notice", "completion_certificate"])
def test_training_days_from_a_yearless_range(kind, text):
    f = fields(kind, text)
    assert f["hours_stated"].value == "40"
    assert (f["start_date"].value, f["end_date"].value, f["days"].value) == ("2023-05-08", "2023-05-12", "5")


# ---------------------------------------------------------------- patent type: text and number

def _number(year: int, type_digit: int, serial: int = 123456, valid: bool = True) -> str:
    digits = f"{year}{type_digit}0{serial:06d}"
    check = patent_check_char(digits)
    if not valid:
        check = "0" if check != "0" else "1"
    return f"ZL {year} {type_digit} 0{serial:06d}.{check}"


TYPES = [("invention", 1, "发明专利证书", "发明名称"), ("utility_model", 2, "实用新型专利证书", "实用新型名称"),
         ("design", 3, "外观设计专利证书", "使用外观设计的产品名称")]


def _certificate(heading: str, title_label: str, number: str) -> str:
    return f"""证书号第6123456号
{heading}
{title_label}：一种便携式输液架
发明人：王芳；李强
专利号：{number}
专利申请日：2022年03月01日
专利权人：漯河市中心医院
授权公告日：2023年01月06日
国家知识产权局"""


@pytest.mark.parametrize("kind, digit, heading, label", TYPES, ids=[t[0] for t in TYPES])
def test_patent_type_text_and_number_agree(kind, digit, heading, label):
    number = _number(2022, digit)
    assert parse_patent_number(number).kind == kind and parse_patent_number(number).valid
    f = fields("patent_certificate", _certificate(heading, label, number))
    assert f["patent_type"].value == kind
    assert f["patent_number"].value == number.replace(" ", "")


@pytest.mark.parametrize("kind, digit", [(k, d) for k, d, _, _ in TYPES], ids=[t[0] for t in TYPES])
def test_patent_type_from_number_alone(kind, digit):
    f = fields("patent_certificate", f"专利号：{_number(2022, digit)}\n专利权人：漯河市中心医院")
    assert f["patent_type"].value == kind


@pytest.mark.parametrize("kind, heading, label", [(k, h, lb) for k, _, h, lb in TYPES], ids=[t[0] for t in TYPES])
def test_patent_type_from_text_alone(kind, heading, label):
    text = _certificate(heading, label, "（专利号被印章遮挡）")
    f = fields("patent_certificate", text)
    assert f["patent_type"].value == kind and "patent_number" not in f


def test_patent_number_with_bad_check_digit_keeps_its_type_and_loses_confidence():
    good = fields("patent_certificate", _certificate("发明专利证书", "发明名称", _number(2021, 1)))
    bad = fields("patent_certificate", _certificate("发明专利证书", "发明名称", _number(2021, 1, valid=False)))
    assert parse_patent_number(bad["patent_number"].value).valid is False
    assert bad["patent_type"].value == "invention"
    assert bad["patent_number"].confidence < good["patent_number"].confidence


@pytest.mark.parametrize("heading, label, digit", [
    ("实用新型专利证书", "实用新型名称", 1),  # wording: utility model; number: invention
    ("发明专利证书", "发明名称", 3),  # wording: invention; number: design
], ids=["utility_model_text-invention_number", "invention_text-design_number"])
def test_patent_type_disagreement_is_not_trusted(heading, label, digit):
    """When the wording and a number with a valid check digit name different types (a
    composited certificate, or a misread), the type must not come out as confident as when
    they agree: the hours differ by type (invention 60/50/40, utility model 40/30/20)."""
    number = _number(2022, digit)
    agree = fields("patent_certificate", _certificate(heading, label, _number(2022, 2 if "实用" in heading else 1)))
    clash = fields("patent_certificate", _certificate(heading, label, number))
    assert clash["patent_type"].confidence < agree["patent_type"].confidence
