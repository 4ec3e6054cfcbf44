"""A resident ID that fails its check digit is read again from its crop (pipeline.readers.idline)."""

from __future__ import annotations

import numpy as np

from extractors._text.ids import resident_id_valid
from pipeline.readers.idline import reread_ids
from schemas.document import BBox, Line

PAGE = np.full((60, 400, 3), 255, np.uint8)
BOX = BBox(x0=10, y0=10, x1=380, y1=40)
RIGHT = "410120197306216832"  # valid
MISREAD = "410120197806216832"  # 3 read as 8: fails the check


def _reread(text: str, readings: list[str]) -> str:
    reads = iter(readings)
    return reread_ids(PAGE, [Line(text=text, bbox=BOX, confidence=0.9)], lambda crop: (next(reads, ""), 0.9))[0].text


def test_the_ids_are_what_the_tests_say():
    assert resident_id_valid(RIGHT) and not resident_id_valid(MISREAD)


def test_two_readings_agreeing_on_a_valid_id_replace_the_misread_one_keeping_the_label():
    assert _reread(f"身份证号：{MISREAD}", [RIGHT, MISREAD, RIGHT, MISREAD, "41012019730621683"]) == f"身份证号：{RIGHT}"


def test_one_valid_reading_is_not_enough():
    assert _reread(MISREAD, [RIGHT, MISREAD, MISREAD, MISREAD, MISREAD]) == MISREAD


def test_a_valid_reading_far_from_the_first_is_another_number():
    other = "410102198512099616"  # valid, but most digits differ: not this line's ID re-read
    assert resident_id_valid(other)
    assert _reread(MISREAD, [other] * 5) == MISREAD


def test_a_valid_id_is_never_read_again():
    seen = []
    out = reread_ids(PAGE, [Line(text=RIGHT, bbox=BOX, confidence=0.9)], lambda crop: seen.append(1) or ("", 0.0))
    assert out[0].text == RIGHT and not seen


def test_a_patent_number_failing_its_check_is_read_again():
    # ZL202220765612.X is valid; the misread 6 → 8 breaks the check; written with spaces, so
    # the line comes back in normal form (half-width colon)
    assert _reread("专利号：ZL 2022 2 0765812.X", ["专利号：ZL202220765612.X"] * 2 + ["专利号：ZL 2022 2 0765812.X"] * 3) \
        == "专利号:ZL202220765612.X"
