"""Read a garbled date line again.

The date of a proof or certificate sits in its signature block, often under the red seal and
often in Chinese numerals (二〇二三年八月十七日), whose thin strokes (〇, 一, 十) a recogniser
drops or doubles on photos and scans: '二〇二年月十日', '二〇三三年十十月十三日',
'2023年123月26日'. Such a line is no date at all, or an impossible one. A line whose year is
not written in full ('二三年三月七日', '上二六年八月二日': a numeral lost, a seal stroke read as
one) is garbled too: it may parse, but its year is a guess. The line's crop is then
recognised again in a few other renderings (the red channel alone, which lifts a seal's ink
off black text; smoothed; enlarged) and a rendering that reads as a valid full date with a
four-character year replaces the text — the date most renderings agree on, then the surest.
When the line already read as a full date and only its year was short, a re-read must keep
its month and day (it is trusted for the year only). A line whose date reads as valid with a
full year is never touched (a re-read cannot tell a right date from a wrong one: on photos
where the seal's ring crossed a digit, '2023年9月3日' for 23日, the renderings disagreed among
themselves rather than outvoted the first reading).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import numpy as np

from extractors._text.dates import find_dates
from schemas.document import Line

_CN = "〇零一二三四五六七八九O○"
# a line that means to be a date: year … month … day, in digits or numerals, little else
_DATE_LIKE = re.compile(rf"[\d{_CN}十]{{1,5}}\s*年.{{0,6}}月.{{0,6}}[日号]|[\d{_CN}]{{2,5}}\s*年\s*[\d{_CN}十]{{1,4}}\s*月")
_YEAR_RUN = re.compile(rf"[\d{_CN}十]*$")
# a line that is a numeric date and little else ('2023/4/9', '日期：2023.02.15') but read
# wrong: a separator read as a digit or lost ('2023/479', '2023/511') or a digit added
# ('2023.02.200'); not a month ('2023.06', a transcript's exam month) nor an academic year
_NUMERIC_DATE_LIKE = re.compile(r"^[\u4e00-\u9fff：:\s]{0,6}(?:19|20)\d{2}\s*[/.．\-]\s*"
                                r"(?:(?!(?:19|20)\d{2}\b)\d{3,4}|\d{1,4}\s*[/.．\-]\s*\d{1,4})\s*[.。]?$")
_MAX_LEN = 24  # longer lines are sentences: their dates are body text, not the signature date
PAD = 4  # px around the line's box


def full_dates(text: str) -> list[date]:
    """Full dates (day precision, year printed) in `text`, years 1990 … next year."""
    top = date.today().year + 1
    return [d.value for d in find_dates(text) if d.precision == "day" and d.has_year and 1990 <= d.value.year <= top]


def _short_year(t: str, m: re.Match) -> bool:
    """The year of the date-shaped match `m` in `t` is not four digits or four numerals (one
    was lost or added: '二三年', '上二六年', '3年', '〇二三年')."""
    run = _YEAR_RUN.search(t[: t.index("年", m.start())]).group()
    return len(run) != 4 or "十" in run


def garbled(text: str) -> bool:
    """A short line shaped like a date that does not read as a valid full date, or whose year
    is not written in full."""
    t = text.replace(" ", "")
    if len(t) > _MAX_LEN:
        return False
    if not (m := _DATE_LIKE.search(t)):
        # a month and day that read, whatever the year ('2028-10-28'), is left to the
        # extractors, which set a year against the document's other years
        return bool(_NUMERIC_DATE_LIKE.match(t)) and _month_day(t) is None
    return not full_dates(t) or _short_year(t, m)


def clean_date(text: str) -> date | None:
    """The date a re-read gives: a valid full date whose year is written in full."""
    t = text.replace(" ", "")
    ds = full_dates(t)
    if not ds:
        return None
    m = _DATE_LIKE.search(t)
    return None if m and _short_year(t, m) else ds[0]


def _month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of the first day-precision date in `text`, its year whatever it is."""
    ds = [d for d in find_dates(text.replace(" ", ""), 2000) if d.precision == "day"]
    return (ds[0].value.month, ds[0].value.day) if ds else None


def _renderings(crop: np.ndarray) -> list[np.ndarray]:
    import cv2

    red = np.ascontiguousarray(np.repeat(crop[:, :, :1], 3, axis=2))
    big = cv2.resize(crop, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return [red, cv2.GaussianBlur(crop, (0, 0), 0.9), big, cv2.GaussianBlur(red, (0, 0), 0.9), crop]


def reread_dates(image: np.ndarray, lines: list[Line], recognize_crop) -> list[Line]:
    """`lines` (read from `image`, boxes in its pixels) with each garbled date line read again
    (see module docstring). `recognize_crop(crop) -> (text, score)` recognises one line crop."""
    h, w = image.shape[:2]
    out = []
    for line in lines:
        if not garbled(line.text):
            out.append(line)
            continue
        b = line.bbox
        y0, y1 = max(0, int(b.y0) - PAD), min(h, int(np.ceil(b.y1)) + PAD)
        x0, x1 = max(0, int(b.x0) - PAD), min(w, int(np.ceil(b.x1)) + PAD)
        if y1 - y0 < 8 or x1 - x0 < 8:
            out.append(line)
            continue
        crop = np.ascontiguousarray(image[y0:y1, x0:x1])
        reads = [recognize_crop(r) for r in _renderings(crop)]
        valid = [(text, score, d) for text, score in reads if text and (d := clean_date(text))]
        if full_dates(line.text) and (md := _month_day(line.text)):  # only the year was short
            valid = [v for v in valid if (v[2].month, v[2].day) == md]
        if not valid:
            out.append(line)
            continue
        votes = Counter(d for _, _, d in valid)
        text, score, _ = max(valid, key=lambda v: (votes[v[2]], v[1]))
        out.append(line.model_copy(update={"text": text, "confidence": round(float(score), 4)}))
    return out


def dates_doubtful(lines: list[Line]) -> bool:
    """A page whose date may lie under a seal: a line of it is a garbled date. (A page without
    any clean date is not reason enough: on the date-line bench, read again it gave no date
    the first reading missed, at the cost of reading a third of the sealed pages twice.)"""
    return any(garbled(ln.text) for ln in lines)


def _overlap(a, b) -> bool:
    """Boxes on one row (half the lower box's height shared) that meet across."""
    h = min(a.y1 - a.y0, b.y1 - b.y0)
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * h and min(a.x1, b.x1) > max(a.x0, b.x0)


def merge_dates(first: list[Line], second: list[Line]) -> list[Line]:
    """`first` with the clean date lines of a second reading of the page (its seals lifted off
    another way) put in where the first had none: a date line of the second replaces the short
    lines of the first it overlaps ('定日期' + '月24日' → '2023年9月24日'), or is added where
    the first read nothing, unless the first already read a clean date there or a longer line
    (body text) meets it. A first line that read as a full date with only its year short keeps
    its month and day: the second must agree with them (as a re-read must)."""
    out = list(first)
    for s in second:
        if len(s.text.replace(" ", "")) > _MAX_LEN or not (d := clean_date(s.text)):
            continue
        over = [i for i, ln in enumerate(out) if _overlap(ln.bbox, s.bbox)]
        texts = [out[i].text for i in over]
        if any(clean_date(t) or len(t.replace(" ", "")) > _MAX_LEN for t in texts):
            continue
        days = [md for t in texts if full_dates(t) and (md := _month_day(t))]
        if days and (d.month, d.day) not in days:
            continue
        at = min(over) if over else next((i for i, ln in enumerate(out) if ln.bbox.y0 > s.bbox.y0), len(out))
        out = [ln for i, ln in enumerate(out) if i not in over]
        out.insert(at, s)
    return out
