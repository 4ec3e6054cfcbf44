"""Put back a numeral a seal hid from a signature date written in numerals.

Under a seal's ring a recogniser drops the numerals the ring crosses and still reads a valid
date: '三月二日' for 三月二十二日, '二月七日' for 二月十七日. On a grey scan every rendering of
the crop loses them alike, so no vote of readings (pipeline.readers.dateline) brings them
back. The recogniser itself shows where they were: it steps along the line at an even pace,
and in a date written in numerals every character is as wide as the next, so the steps
between two characters it read measure the space between them — a space of two characters
where one was read means one is missing there.

A date line a seal meets, written in numerals, is recognised once more with the time step of
each character (the engine's `recognize_crop_aligned`). Where the space after a character of
its month or day is at least one and a half of the line's usual pitch (and two steps more
than it), round(space / pitch) - 1 numerals are missing there. The month and day that the numerals read, with that many put
in at those places, can be written as (十七, 二十二; months 一 … 十二, days 一 … 三十一) are
the candidates; only when exactly one exists, and it writes the first reading's month and day
with numerals more (a seal hides strokes, it adds none), does it replace them. '七月十日'
with one missing before 十 stays: 二十 and 三十 both fit.
"""

from __future__ import annotations

import re
from statistics import median
from typing import Callable

import numpy as np

from extractors._text.numbers import written
from pipeline.readers.dateline import MAX_LEN, _meets, _subsequence, crop_box
from schemas.document import Line

_DIGITS = "一二三四五六七八九"
_NUMERALS = set("〇零" + _DIGITS + "十")
# a date in numerals: year, month, day; a label before it may stay ('发证日期：')
_CN_DATE = re.compile(r"(?P<y>[〇零○O一二三四五六七八九十]{1,4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月\s*"
                      r"(?P<d>[一二三四五六七八九十]{1,4})\s*(?P<end>[日号])")
MIN_GAP = 1.5  # of the line's pitch: a space where a character is missing


_MONTHS = [written(m) for m in range(1, 13)]
_DAYS = [written(d) for d in range(1, 32)]


def _fits(read: str, holes: dict[int, int], full: str) -> bool:
    """`full` is `read` with holes[i] numerals put in before read[i] (i = len(read): at its end)."""
    slots: list[str | None] = []
    for i, ch in enumerate(read):
        slots += [None] * holes.get(i, 0) + [ch]
    slots += [None] * holes.get(len(read), 0)
    return len(slots) == len(full) and all(s == c if s else c in _NUMERALS for s, c in zip(slots, full))


def hidden_numerals(chars: list[tuple[str, int]]) -> tuple[str, str] | None:
    """The one (month, day) in numerals that a reading with time steps (`chars`: one date
    in numerals, 年 … 月 … 日) can be with the numerals its wide spaces lost put back; None
    when it has no wide space in its month or day, or no single such (month, day)."""
    text = "".join(c for c, _ in chars)
    m = _CN_DATE.search(text)
    if not m or len(chars) < 5:
        return None
    steps = [t for _, t in chars]
    gaps = np.diff(steps)
    pitch = float(median(gaps))
    if pitch <= 0:
        return None
    # numerals missing before character i of the line (the space after character i - 1)
    # (and at least two steps wider than the pitch: a short line has few steps a character,
    # and a space one step wider is the rounding of the pace, not a character)
    missing = {i + 1: int(round(g / pitch)) - 1 for i, g in enumerate(gaps) if g >= max(MIN_GAP * pitch, pitch + 2)}
    lo, hi = m.start("m"), m.end("d")  # from the month's first numeral to 日's place
    holes = {i: n for i, n in missing.items() if lo <= i <= hi and n > 0}
    if not holes:
        return None
    mon, day, month_end = m.group("m"), m.group("d"), m.end("m")
    # a space just before 月 belongs to the month, one just after it to the day
    month_holes = {i - lo: n for i, n in holes.items() if lo <= i <= month_end}
    day_holes = {i - (month_end + 1): n for i, n in holes.items() if month_end + 1 <= i <= hi}
    fits = [(mo, d) for mo in _MONTHS if _fits(mon, month_holes, mo) for d in _DAYS if _fits(day, day_holes, d)]
    return fits[0] if len(fits) == 1 else None


def fill_hidden(lines: list[Line], seals: list, image: np.ndarray,
                align: Callable[[np.ndarray], list[tuple[str, int]]]) -> list[Line]:
    """`lines` with the month and day of each short numeral date line a seal meets completed
    where the recogniser's pace shows numerals hidden (see module docstring). `image` holds
    the lines' boxes in its pixels."""
    out = list(lines)
    for i, line in enumerate(lines):
        t = line.text.replace(" ", "")
        first = _CN_DATE.search(t)
        if not first or len(t) > MAX_LEN or not any(_meets(line.bbox, s) for s in seals):
            continue
        box = crop_box(image, line.bbox)
        if box is None:
            continue
        found = hidden_numerals(align(np.ascontiguousarray(image[box])))
        if not found or found == (first.group("m"), first.group("d")):
            continue
        if not (_subsequence(first.group("m"), found[0]) and _subsequence(first.group("d"), found[1])):
            continue  # it would change a numeral the page reading gave, not only add one
        text = f"{t[:first.start('m')]}{found[0]}月{found[1]}{t[first.start('end'):]}"
        out[i] = line.model_copy(update={"text": text})
    return out
