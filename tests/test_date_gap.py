"""Numerals a seal hid from a signature date in numerals, put back from the recogniser's pace
(pipeline.readers.dategap).

Measured on rendered documents of the tuning families with their signature date forced to
numerals (二〇二三年三月二十二日): 135 scans (nine kinds, families A, B, E) 117 → 119 issue
dates right, 108 JPEG photos 80 → 81, none lost; 30 grey one-page proofs 2 more right, none
lost."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.readers.dategap import fill_hidden, hidden_numerals, written
from schemas.document import BBox, Line


def _steps(text: str, at: list[int]) -> list[tuple[str, int]]:
    assert len(text) == len(at)
    return list(zip(text, at))


@pytest.mark.parametrize("n, form", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (22, "二十二"), (31, "三十一")])
def test_months_and_days_are_written_as_dates_write_them(n, form):
    assert written(n) == form


def test_one_space_of_two_characters_before_the_day_is_a_hidden_ten():
    # '二月七日' read from '二月十七日': the space between 月 and 七 is two characters wide
    assert hidden_numerals(_steps("二〇二三年二月七日", [2, 5, 8, 10, 13, 16, 19, 24, 27])) == ("二", "十七")


def test_a_hidden_numeral_before_ten_and_two_is_two():
    # '三月十二日' with one missing before 十: 二十二 (三十二 is no day, 一十二 not written)
    assert hidden_numerals(_steps("二〇二二年三月十二日", [2, 6, 10, 13, 16, 20, 23, 30, 33, 37])) == ("三", "二十二")


def test_two_numerals_hidden_before_the_day():
    # '三月二日' with two missing before 二: only 二十二 ends in 二 with two numerals before it
    assert hidden_numerals(_steps("二〇二三年三月二日", [2, 6, 10, 14, 18, 22, 26, 38, 42])) == ("三", "二十二")


@pytest.mark.parametrize("text, at", [
    ("二〇二三年七月十日", [2, 6, 10, 14, 18, 21, 24, 31, 35]),  # 二十日 or 三十日
    ("二〇二三年十月十九日", [2, 6, 10, 14, 18, 21, 28, 31, 34, 37]),  # 十一月 or 十二月
])
def test_a_hole_more_than_one_numeral_fits_changes_nothing(text, at):
    assert hidden_numerals(_steps(text, at)) is None


def test_an_even_pace_hides_nothing():
    assert hidden_numerals(_steps("二〇二三年二月七日", [2, 5, 8, 11, 14, 17, 20, 23, 26])) is None


def test_a_space_one_step_wider_on_a_short_line_is_the_pace_rounded():
    # pitch 2 steps: a space of 3 is one and a half pitches, but only one step more
    assert hidden_numerals(_steps("一〇二三年三月六日", [1, 3, 5, 8, 11, 13, 15, 18, 20])) is None


def test_a_space_in_the_year_is_left_to_the_extractors():
    assert hidden_numerals(_steps("二〇二年二月七日", [2, 5, 12, 15, 18, 21, 24, 27])) is None


class _Aligner:
    def __init__(self, text: str, at: list[int]):
        self.reading, self.calls = _steps(text, at), 0

    def __call__(self, crop):
        self.calls += 1
        return self.reading


_SEAL = BBox(x0=400, y0=100, x1=600, y1=300)


def _line(text: str, y: float = 250) -> Line:
    return Line(text=text, bbox=BBox(x0=380, y0=y, x1=620, y1=y + 30), confidence=0.9)


def _fill(text: str, y: float = 250) -> tuple[str, int]:
    """(the line's text after fill_hidden, crop readings asked for): a seal at (400–600,
    100–300), a crop reading '二〇二三年二月七日' with a space of two characters before 七."""
    image = np.full((600, 800, 3), 255, np.uint8)
    align = _Aligner("二〇二三年二月七日", [2, 5, 8, 10, 13, 16, 19, 24, 27])
    return fill_hidden([_line(text, y)], [_SEAL], image, align)[0].text, align.calls


def test_a_date_a_seal_meets_gets_its_hidden_numeral_back_label_kept():
    assert _fill("发证日期：二〇二三年二月七日")[0] == "发证日期：二〇二三年二月十七日"


def test_a_date_no_seal_meets_is_not_read_again():
    assert _fill("二〇二三年二月七日", y=450) == ("二〇二三年二月七日", 0)


def test_a_completion_that_changes_a_numeral_the_page_read_is_refused():
    # the page read 八日; the crop's reading completes its own 七 to 十七: not a hidden numeral of 八日
    assert _fill("二〇二三年二月八日")[0] == "二〇二三年二月八日"


def test_digit_dates_are_left_alone():
    assert _fill("2023年2月7日") == ("2023年2月7日", 0)


@pytest.mark.ocr
@pytest.mark.parametrize("seed", [19, 29])
def test_a_numeral_the_ring_hides_on_a_grey_scan_comes_back(tmp_path, seed):
    """Grey one-page proofs whose date the page read a numeral short ('三月十三日' for
    三月二十三日; '十月十二日' for 十月二十二日) in every reading."""
    pytest.importorskip("reportlab")
    from conftest_helpers_ocr import signed_proof
    from extractors import extract
    from pipeline.text import read_document
    from samplegen import render as R

    c, rng, nprng, want = signed_proof("upper", seed)
    img = R.degrade.scan(R.render_page(c.pages[0], 150, R.pick_fonts(rng), rng, nprng), nprng, gray=True)
    path = tmp_path / f"upper{seed}.pdf"
    path.write_bytes(R.image_pdf([img], [(c.pages[0].width, c.pages[0].height)], quality=rng.randint(46, 62)))
    doc = read_document(path)
    assert {f.name: f.value for f in extract("employer_proof", doc)}.get("issue_date") == want.isoformat()
