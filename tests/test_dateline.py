"""A garbled date line is read again from its crop (pipeline.readers.dateline): which lines
count as garbled, that valid dates are never re-read, and that a seal-covered date in
Chinese numerals, first read wrong, comes back right from the real recogniser."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.readers.dateline import full_dates, garbled, reread_dates
from schemas.document import BBox, Line

NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"


@pytest.mark.parametrize("text", [
    "二〇二年月十日",          # a numeral and the month dropped
    "二〇三三年十十月十三日",   # 一 read as 十, and a year ten years ahead
    "2023年123月26日",        # a seal stroke read as a digit
    "二〇三年月七日",
    # a year not written in full parses, but as a guess
    "上二六年八月二日",      # 〇 and 三 lost, a seal stroke read as 上: parses as 2026
    "二三年三月七日",        # two numerals: parses as 2023
    "〇二三年三月十七日",    # the first 二 cut off by the box
    "3年1月1日",
    "二二三年十月二十五日",
    "2023年6月日",           # no day
    "2023年3月2", "二〇二三年三月二", "发证日期：2023年3月2",  # the day cut off with its 日
    # numeric dates: a separator read as a digit or lost, a digit added
    "2023/479", "2023/511", "2023.02.200", "日期：2023/13/45",
])
def test_garbled_date_lines(text):
    assert garbled(text)


@pytest.mark.parametrize("text", [
    "二〇二三年八月十七日",
    "2023年9月3日",
    "日期：2023-08-08",
    "2023年度考核等次为优秀",  # a year, not a date
    "学员魏思雨于2023年11月10日至13日参加北京师范大学继续教育学院举办的研修班学习",  # a sentence
    "二〇二三年十二月十五日",
    "签发日期：2023年9月3日",
    "培训时间：2023年08月07日至2023年08月09日",
    "2023/4/9", "2023.02.15",
    "2023.06", "2023/9",      # a month (a transcript's exam month), not a date read wrong
    "2023-2024", "2023-2024学年", "第2023.1期",
    "2028-10-28",             # month and day read: the year is the extractors' to settle
])
def test_lines_that_are_not_garbled(text):
    assert not garbled(text)


def test_a_valid_date_is_never_read_again():
    def refuse(_crop):
        raise AssertionError("a valid date line was re-read")
    lines = [Line(text="二〇二三年八月十七日", bbox=BBox(x0=10, y0=10, x1=200, y1=40))]
    assert reread_dates(np.full((60, 260, 3), 255, np.uint8), lines, refuse) == lines


def test_the_date_most_renderings_agree_on_wins():
    reads = iter([("二〇二三年八月十七日", 0.80), ("二〇二三年八月十一日", 0.99), ("二〇二年月十日", 0.9),
                  ("二〇二三年八月十七日", 0.70), ("", 0.0)])
    lines = [Line(text="二〇二年月十日", bbox=BBox(x0=10, y0=10, x1=200, y1=40), confidence=0.8)]
    out = reread_dates(np.full((60, 260, 3), 255, np.uint8), lines, lambda _c: next(reads))
    assert out[0].text == "二〇二三年八月十七日" and out[0].confidence == 0.8


def test_nothing_valid_keeps_the_line():
    lines = [Line(text="二〇二年月十日", bbox=BBox(x0=10, y0=10, x1=200, y1=40))]
    out = reread_dates(np.full((60, 260, 3), 255, np.uint8), lines, lambda _c: ("二〇二年月", 0.9))
    assert out == lines


def _stamped_date() -> tuple[np.ndarray, BBox]:
    """A signature-block date in Chinese numerals with a translucent red seal over it."""
    img = Image.new("RGB", (520, 200), (246, 244, 238))
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(NOTO_SERIF, 30, index=2)
    d.text((60, 82), "二〇二三年八月十七日", font=font, fill=(25, 25, 25))
    x0, y0, x1, y1 = d.textbbox((60, 82), "二〇二三年八月十七日", font=font)
    seal = Image.new("RGBA", img.size, (0, 0, 0, 0))
    s = ImageDraw.Draw(seal)
    s.ellipse((150, 20, 330, 190), outline=(215, 30, 35, 200), width=9)
    s.regular_polygon((240, 105, 34), 5, fill=(215, 30, 35, 190))
    s.rectangle((170, 95, 310, 118), fill=(215, 30, 35, 150))
    img = Image.alpha_composite(img.convert("RGBA"), seal).convert("RGB")
    return np.asarray(img), BBox(x0=x0, y0=y0, x1=x1, y1=y1)


@pytest.mark.ocr
def test_a_stamped_date_read_wrong_is_read_again_right():
    from pipeline.ocr import get_engine

    engine = get_engine("rapid")
    image, box = _stamped_date()
    first = Line(text="二〇二年月十日", bbox=box, confidence=0.8)  # as a photo's first reading gave it
    out = reread_dates(image, [first], engine.recognize_crop)
    assert [d.isoformat() for d in full_dates(out[0].text)] == ["2023-08-17"]
    assert out[0].bbox == box
