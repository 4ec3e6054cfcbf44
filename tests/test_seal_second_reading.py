"""A page whose date line read garbled under a seal is read a second time with the seal's
ink taken out (pipeline.readers.ocrpage.unmix_seals), and the clean date lines of that
reading go where the first reading had none (pipeline.readers.dateline.merge_dates).
Measured on the date-line bench (165 labelled photos and scans of sets A/B, D, E):
issue_date 102 → 109 right, no other date changed, no line that read right touched."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFont

from pipeline.readers.dateline import dates_doubtful, merge_dates, partial_date
from pipeline.readers.ocrpage import soften_seals, unmix_seals
from schemas.document import BBox, Line

NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"


def _line(text: str, x0: float, y0: float, x1: float, y1: float) -> Line:
    return Line(text=text, bbox=BBox(x0=x0, y0=y0, x1=x1, y1=y1), confidence=0.9)


ISSUER = _line("河南省人民医院", 500, 300, 700, 330)
BODY = _line("该同志进修期间工作认真，虚心好学，基本掌握本专业常见病诊疗技术，考核优秀", 100, 200, 900, 230)


def test_the_date_of_the_second_reading_replaces_the_fragments_it_covers():
    first = [BODY, ISSUER, _line("定日期", 500, 360, 570, 390), _line("月24日", 640, 362, 720, 392)]
    second = [BODY, ISSUER, _line("2023年9月24日", 590, 360, 722, 391)]
    out = merge_dates(first, second)
    assert [ln.text for ln in out] == [BODY.text, ISSUER.text, "定日期", "2023年9月24日"]


def test_a_garbled_date_is_replaced_in_its_place():
    first = [ISSUER, _line("二〇三年月七日", 520, 360, 700, 390), _line("附件：回执", 100, 500, 260, 530)]
    second = [ISSUER, _line("二〇二三年四月七日", 520, 360, 702, 391), _line("附件：回执", 100, 500, 260, 530)]
    assert [ln.text for ln in merge_dates(first, second)] == [ISSUER.text, "二〇二三年四月七日", "附件：回执"]


def test_a_date_the_first_reading_lost_is_added_in_reading_order():
    first = [ISSUER, _line("附件：回执", 100, 500, 260, 530)]
    second = [ISSUER, _line("二〇二三年六月一日", 520, 360, 700, 390)]
    assert [ln.text for ln in merge_dates(first, second)] == [ISSUER.text, "二〇二三年六月一日", "附件：回执"]


def test_a_clean_date_of_the_first_reading_is_kept():
    first = [ISSUER, _line("2023年3月27日", 520, 360, 700, 390)]
    second = [ISSUER, _line("2023年3月7日", 520, 360, 700, 390)]
    assert merge_dates(first, second) == first


def test_a_short_year_keeps_its_month_and_day():
    """'0二三年八月十二日' read again as '二〇二三年八月二日': the day differs, the first stays."""
    first = [_line("0二三年八月十二日", 520, 360, 700, 390)]
    assert merge_dates(first, [_line("二〇二三年八月二日", 520, 360, 700, 390)]) == first
    fixed = merge_dates(first, [_line("二〇二三年八月十二日", 520, 360, 700, 390)])
    assert [ln.text for ln in fixed] == ["二〇二三年八月十二日"]


def test_body_text_is_never_replaced_nor_a_date_inside_it_taken():
    first = [BODY]
    second = [_line("2023年5月8日", 300, 200, 420, 230)]  # a date the second reading cut out of the body
    assert merge_dates(first, second) == first
    assert merge_dates([ISSUER], [BODY]) == [ISSUER]  # a long line is no date line


def test_a_date_cut_off_after_its_day_gives_way_to_the_full_one():
    """'2023年3月2': the ring over '2日' took the 日 and a numeral; it is no clean date, and
    its day does not hold back a second reading that writes the day in full."""
    first = [ISSUER, _line("2023年3月2", 520, 360, 640, 390)]
    fixed = merge_dates(first, [_line("2023年3月22日", 520, 360, 700, 390)])
    assert [ln.text for ln in fixed] == [ISSUER.text, "2023年3月22日"]


def test_a_month_and_day_stands_in_where_no_full_date_was_read():
    """On a grey scan the seal's ring and text can cover a numeral year's first numerals in
    every reading: the month and day most readings give goes in, its year left to the
    extractors; never a range, nor over a clean date."""
    around = [_line("安阳市农业技术推广中心", 480, 300, 720, 330), _line("二三年七月七日", 520, 360, 700, 390),
              _line("二三年十月十日", 522, 361, 700, 391), _line("二三年七月七日", 515, 358, 690, 392),
              _line("2023.6.26-6.30", 100, 100, 300, 130)]
    assert [ln.text for ln in partial_date(around)] == ["二三年七月七日"]
    assert partial_date([_line("2023.6.26-6.30", 100, 100, 300, 130), ISSUER]) == []
    assert merge_dates([ISSUER], partial_date(around)) == [ISSUER]  # not a clean date: not without `partial`
    assert [ln.text for ln in merge_dates([ISSUER], partial_date(around), partial=True)] == [ISSUER.text, "二三年七月七日"]
    clean = [ISSUER, _line("2023年7月8日", 520, 360, 700, 390)]
    assert merge_dates(clean, partial_date(around), partial=True) == clean
    # a day cut off ('2023年7月16', its 日 lost) only when nothing else reads a month and day
    cut = _line("2023年7月16", 520, 360, 640, 390)
    assert partial_date([cut, cut, around[1]]) == [around[1]]
    assert [ln.text for ln in merge_dates([ISSUER], partial_date([ISSUER, cut]), partial=True)] == [ISSUER.text, "2023年7月16"]


def test_only_a_page_with_a_garbled_date_is_read_again():
    assert dates_doubtful([ISSUER, _line("二〇三三年十月十三日", 520, 360, 700, 390)])  # ten years ahead
    assert dates_doubtful([ISSUER, _line("2023年07月日日", 520, 360, 700, 390)])
    assert not dates_doubtful([ISSUER, _line("二〇二三年十月十三日", 520, 360, 700, 390)])
    assert not dates_doubtful([ISSUER, BODY])


def _stamped() -> tuple[np.ndarray, BBox]:
    """Black date text with a red seal ring and star stamped over it (ink multiplies: black
    text stays black under red ink)."""
    img = Image.new("RGB", (520, 220), (236, 233, 226))
    d = ImageDraw.Draw(img)
    d.text((60, 92), "二〇二三年九月二十四日", font=ImageFont.truetype(NOTO_SERIF, 30, index=2), fill=(25, 25, 25))
    seal = Image.new("RGB", img.size, (255, 255, 255))
    s = ImageDraw.Draw(seal)
    s.ellipse((150, 15, 340, 205), outline=(215, 40, 50), width=9)
    s.regular_polygon((245, 110, 30), 5, fill=(215, 40, 50))
    return np.asarray(ImageChops.multiply(img, seal)), BBox(x0=140, y0=5, x1=350, y1=215)


def test_unmixing_takes_the_ring_out_and_keeps_the_text():
    image, box = _stamped()
    out, soft = unmix_seals(image, [box]), soften_seals(image, [box])
    paper = float(image[200, 20, 0])  # outside the seal, the red channel of the paper
    y, x = 19, 245  # the middle of the ring's top, no text near it
    assert abs(float(out[y, x, 0]) - paper) < 12       # the ring is paper now
    assert paper - float(soft[y, x, 0]) > 20            # soften_seals left it a grey band
    text = image[92:132, 60:500].max(axis=2) < 90       # the date's strokes (dark in every channel)
    inside = np.zeros_like(text)
    inside[:, 150 - 60:340 - 60] = True
    strokes = text & inside
    assert strokes.sum() > 50 and float(out[92:132, 60:500, 0][strokes].mean()) < 90  # still dark under the seal
    assert (out[int(box.y0):int(box.y1), int(box.x0):int(box.x1)].std(axis=2) == 0).all()  # grey in the box
    assert (out[:, :130] == image[:, :130]).all()  # nothing outside the seal box changes
