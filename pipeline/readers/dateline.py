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

from extractors._text.dates import find_dates, find_ranges
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
MAX_LEN = 24  # longer lines are sentences: their dates are body text, not the signature date
PAD = 4  # px around the line's box


# a 年-form date cut off after its day's first numeral(s): its 日 lost, perhaps a numeral with it
# ('2023年3月2' for 2023年3月22日: the ring over the last two characters). No day is written so.
_CUT_DAY = re.compile(rf"月\s*[\d{_CN}十廿]{{1,3}}\s*$")


def full_dates(text: str) -> list[date]:
    """Full dates (day precision, year printed) in `text`, years 1990 … next year; none in a
    line whose day is cut off (_CUT_DAY)."""
    if _CUT_DAY.search(text):
        return []
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
    if len(t) > MAX_LEN:
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


# a numeric date with one separator read as a space ('2023 07-07', '2023-07 07'): the seal's
# ink taken out of a crop takes a thin hyphen with it
_SPACED_SEP = (re.compile(r"(?<!\d)((?:19|20)\d{2})\s+(\d{1,2})\s*([-/.．])\s*(\d{1,2})(?![\d年月])"),
               re.compile(r"(?<!\d)((?:19|20)\d{2})\s*([-/.．])\s*(\d{1,2})\s+(\d{1,2})(?![\d年月])"))


# a year run into its month, 年 lost ('202212月27日')
_GLUED_YEAR = re.compile(r"(?<![\d年])((?:19|20)\d{2})(1[0-2]|0?[1-9])(?=\s*月)")
OUTVOTE = 5  # of the six crop readings (see vote_seal_dates)


def mended(text: str, score: float) -> tuple[str, float]:
    """A reading with a numeric date's lost separator put back (see _SPACED_SEP), or the 年
    between a year and its month ('202212月27日')."""
    text = _SPACED_SEP[0].sub(r"\1\3\2\3\4", text)
    text = _SPACED_SEP[1].sub(r"\1\2\3\2\4", text)
    return (text if "年" in text else _GLUED_YEAR.sub(r"\1年\2", text)), score


def spans_days(text: str) -> bool:
    """`text` holds a range or more than one date: no signature date ('2023.6.26-6.30', a
    form's period beside the seal)."""
    return bool(find_ranges(text)) or len(find_dates(text)) > 1


def _month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of the first day-precision date in `text`, its year whatever it is (none
    when the day is cut off)."""
    return None if _CUT_DAY.search(text) else _any_month_day(text)


def _any_month_day(text: str) -> tuple[int, int] | None:
    """_month_day, a day cut off or not."""
    ds = [d for d in find_dates(text.replace(" ", ""), 2000) if d.precision == "day"]
    return (ds[0].value.month, ds[0].value.day) if ds else None


def renderings(crop: np.ndarray) -> list[np.ndarray]:
    """A line crop in five renderings for a second reading: its red channel alone (lifts a
    seal's ink off black text), smoothed, enlarged twice, the red channel smoothed, as is."""
    import cv2

    red = np.ascontiguousarray(np.repeat(crop[:, :, :1], 3, axis=2))
    big = cv2.resize(crop, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return [red, cv2.GaussianBlur(crop, (0, 0), 0.9), big, cv2.GaussianBlur(red, (0, 0), 0.9), crop]


def crop_box(image: np.ndarray, box) -> tuple[slice, slice] | None:
    """The pixel rows and columns of a line's box with PAD around it, within the image; None
    when that is under 8 px either way."""
    h, w = image.shape[:2]
    y0, y1 = max(0, int(box.y0) - PAD), min(h, int(np.ceil(box.y1)) + PAD)
    x0, x1 = max(0, int(box.x0) - PAD), min(w, int(np.ceil(box.x1)) + PAD)
    return None if y1 - y0 < 8 or x1 - x0 < 8 else (slice(y0, y1), slice(x0, x1))


def reread_dates(image: np.ndarray, lines: list[Line], recognize_crop) -> list[Line]:
    """`lines` (read from `image`, boxes in its pixels) with each garbled date line read again
    (see module docstring). `recognize_crop(crop) -> (text, score)` recognises one line crop."""
    out = []
    for line in lines:
        if not garbled(line.text):
            out.append(line)
            continue
        box = crop_box(image, line.bbox)
        if box is None:
            out.append(line)
            continue
        crop = np.ascontiguousarray(image[box])
        reads = [mended(*recognize_crop(r)) for r in renderings(crop)]
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


# a line that may hold a date: a date word, a year's digits or a digit separator
_DATE_HINT = re.compile(r"[年月日号]|\d{4}|\d\s*[/.．\-~]\s*\d")
VOTE_BLUR = 0.9  # px: the σ of the photo mode's crop smoothing (pipeline.ocr.rapid)


def _meets(a, b) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)


def _seal_crops(views: tuple[np.ndarray, np.ndarray, np.ndarray], box) -> list[np.ndarray]:
    """The line's crop in the renderings the vote reads: the page as read (seal boxes in the
    red channel) as is and smoothed; with the seals' ink taken out as is, smoothed and its
    red channel alone; the untouched page smoothed."""
    import cv2

    cut = crop_box(views[0], box)
    if cut is None:
        return []
    a, u, o = (np.ascontiguousarray(v[cut]) for v in views)
    blur = lambda c: cv2.GaussianBlur(c, (0, 0), VOTE_BLUR)  # noqa: E731
    return [a, blur(a), u, blur(u), np.ascontiguousarray(np.repeat(u[:, :, :1], 3, axis=2)), blur(o)]


# a date's month and day as written: '十一月二十三日', '11月3日', '.11.3', '-11-03'
_MD_TEXT = re.compile(r"([^年\d]{0,3}|\d{1,2})\s*月\s*([^月\d]{0,4}?|\d{1,2})\s*[日号]|[./．\-](\d{1,2})\s*[./．\-]\s*(\d{1,2})")


def _md_text(text: str) -> tuple[str, str] | None:
    m = _MD_TEXT.search(text)
    if not m:
        return None
    return (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4))


def _subsequence(a: str, b: str) -> bool:
    it = iter(b)
    return all(c in it for c in a)


def _shows_hidden(first: str, other: str) -> bool:
    """`other` writes the month and day of `first` with something more: a numeral the seal hid
    from the first reading ('十三日' → '二十三日', '9月1日' → '9月11日' is the other way)."""
    a, b = _md_text(first), _md_text(other)
    return bool(a and b) and a != b and _subsequence(a[0], b[0]) and _subsequence(a[1], b[1])


_CN_YEAR = re.compile(r"([〇零一二三四五六七八九O○]{4})\s*年")
_MORE_STROKES = {("一", "二"), ("二", "三"), ("一", "三")}


def _shows_hidden_stroke(first: str, other: str) -> bool:
    """`other` writes the numeral year of `first` with a stroke more in one numeral (二〇二二 →
    二〇二三): what a seal's ring over a stroke does. A digit year read otherwise is not."""
    a, b = _CN_YEAR.search(first), _CN_YEAR.search(other)
    if not a or not b:
        return False
    diff = [(x, y) for x, y in zip(a.group(1), b.group(1)) if x != y]
    return len(diff) == 1 and diff[0] in _MORE_STROKES


def vote_seal_dates(lines: list[Line], seals: list, views, recognize_crop) -> list[Line]:
    """`lines` with each short date line that a seal's box meets read again from several
    renderings of its crop (see _seal_crops; `views()` gives them, in the pixels of the lines'
    boxes, and is called only when some line needs them).

    Under a seal a recogniser drops the numerals the ring crosses ('十三日' for 二十三日, '十月'
    for 十一月, '9月1日' for 9月18日) and reads the line as a valid date, so a re-read of garbled
    lines never sees it. A seal hides strokes, it does not add numerals: the month and day
    change only to one at least two readings give that writes the first's with a numeral more
    (the most given such); a first reading with no month and day takes the one at least two
    readings give (the most given; on a tie the one written with more numerals). A full year
    the first reading gives stays, unless at least two readings with that month and day write
    its numerals with a stroke more (二〇二二 → 二〇二三); else the year most of them give in
    full, or one a reading writes with a stroke more than that. A reading giving the settled date replaces the line's
    date (a label before it, '发证日期：', is kept); none is composed from pieces; when no
    reading gives a full date, one with the settled month and day does, and its year is left
    to the re-read of garbled lines. On 156 photographed signature dates of the tuning sets the
    month and day were right for 131 first readings and 149 settled ones."""
    out = list(lines)
    got = None
    for i, line in enumerate(lines):
        t = line.text.replace(" ", "")
        if len(t) > MAX_LEN or not _DATE_HINT.search(t) or not any(_meets(line.bbox, s) for s in seals) \
                or spans_days(t):
            continue
        got = got or views()
        reads = [(line.text, line.confidence)] + [mended(*recognize_crop(c)) for c in _seal_crops(got, line.bbox)]
        # (the crop readings are mended already; the first reading is mended for its day only)
        days = [_month_day(text) if text else None for text, _ in [mended(*reads[0]), *reads[1:]]]
        counted = Counter(md for md in days if md)
        crops = Counter(md for md in days[1:] if md)
        md = days[0]
        if md:
            more = [m for m in counted if counted[m] >= 2 and m != md and
                    any(d == m and _shows_hidden(line.text, text) for (text, _), d in zip(reads, days))]
            # ... or nearly every crop reads another day the first has at most once
            # ('6月23日' against five '6月25日': the ring across the 5), unless it lacks a
            # numeral the first reading has (the seal hid it from them)
            more = more or [m for m in crops if crops[m] >= OUTVOTE and m != md and crops[md] <= 1 and not any(
                d == m and _shows_hidden(text, line.text) for (text, _), d in zip(reads, days))]
            md = max(more, key=lambda m: counted[m]) if more else md
        elif counted and max(counted.values()) >= 2:
            # the most given; of two given as often, the one written with more numerals (the
            # seal hid one from the others: '三月十三日' over '三月三日'); one given twice that
            # writes a more given one with a numeral more wins too (十八日 over 十日)
            md = max(counted, key=lambda m: (counted[m], max((len("".join(w)) for (text, _), d in zip(reads, days)
                                                              if d == m and (w := _md_text(text))), default=0)))
            shown = {m for (text, _), m in zip(reads, days) if m and m != md and counted[m] >= 2 and
                     any(d == md and _shows_hidden(t, text) for (t, _), d in zip(reads, days))}
            md = max(shown, key=lambda m: counted[m]) if shown else md
        if md is None:
            continue
        first = clean_date(line.text)
        full = [(text, score, d) for (text, score), m in zip(reads, days) if m == md and (d := clean_date(text))]
        if full:
            years = Counter(d.year for *_, d in full)
            if first:  # a full year read stays, unless two readings show a stroke the seal hid (二 → 三)
                more = [d.year for text, _, d in full if years[d.year] >= 2 and _shows_hidden_stroke(line.text, text)]
                year = max(more, key=lambda y: years[y]) if more else first.year
            else:  # the year most give; one a reading writes with a stroke more (二〇二二 → 二〇二三) wins
                year = max(years, key=lambda y: years[y])
                more = [d.year for text, _, d in full if any(
                    _shows_hidden_stroke(t2, text) for t2, _, d2 in full if d2.year == year)]
                year = max(more, key=lambda y: years[y]) if more else year
            if first and (first.year, first.month, first.day) == (year, *md):
                continue
            pick = [(text, score) for text, score, d in full if d.year == year]
        elif days[0] != md:
            pick = [r for r, m in zip(reads, days) if m == md]
        else:
            continue
        text, score = max(pick, key=lambda r: r[1])
        out[i] = line.model_copy(update={"text": _keep_label(line.text, text), "confidence": round(float(score), 4)})
    return out


def _keep_label(first: str, text: str) -> str:
    """`text`'s date after the label the first reading has before it ('发证日期：' + '2023-10-22'
    where a crop read '元日期：2023-10-22')."""
    a = _LABEL.match(first)
    if not a:
        return text
    b = _LABEL.match(text)
    return a.group() + (text[b.end():] if b else text)


_LABEL = re.compile(rf"^[^\d{_CN}:：]*[:：]\s*")


def dates_doubtful(lines: list[Line]) -> bool:
    """A page whose date may lie under a seal: a line of it is a garbled date. (A page without
    any clean date is not reason enough: on the date-line bench, read again it gave no date
    the first reading missed, at the cost of reading a third of the sealed pages twice.)"""
    return any(garbled(ln.text) for ln in lines)


def _overlap(a, b) -> bool:
    """Boxes on one row (half the lower box's height shared) that meet across."""
    h = min(a.y1 - a.y0, b.y1 - b.y0)
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * h and min(a.x1, b.x1) > max(a.x0, b.x0)


def partial_date(lines: list[Line]) -> list[Line]:
    """The one line of `lines` (readings of a seal's neighbourhood) to stand for a signature
    date none of them read in full: a short line giving a month and day whose year is short
    or lost ('二三年七月七日', '二〇三年十月十二日': the ring and the seal's own text over the
    first numerals), of the month and day most of them give, the surest; one whose day is cut
    off ('2023年7月16', its 日 lost) only when no other reads. None from a range. The
    extractors set its year against the document's."""
    days = [(ln, md, not _CUT_DAY.search(t)) for ln in lines
            if len(t := ln.text.replace(" ", "")) <= MAX_LEN and not find_ranges(t) and (md := _any_month_day(t))]
    if not days:
        return []
    votes = Counter(md for _, md, _ in days)
    return [max(days, key=lambda x: (x[2], votes[x[1]], x[0].confidence))[0]]


def merge_dates(first: list[Line], second: list[Line], partial: bool = False) -> list[Line]:
    """`first` with the clean date lines of a second reading of the page (its seals lifted off
    another way) put in where the first had none: a date line of the second replaces the short
    lines of the first it overlaps ('定日期' + '月24日' → '2023年9月24日'), or is added where
    the first read nothing, unless the first already read a clean date there or a longer line
    (body text) meets it. A first line that read as a full date with only its year short keeps
    its month and day: the second must agree with them (as a re-read must). `partial`:
    `second` holds lines giving a month and day only (partial_date), put in the same way."""
    out = list(first)
    for s in second:
        d = _any_month_day(s.text) if partial else (c := clean_date(s.text)) and (c.month, c.day)
        if len(s.text.replace(" ", "")) > MAX_LEN or not d:
            continue
        over = [i for i, ln in enumerate(out) if _overlap(ln.bbox, s.bbox)]
        texts = [out[i].text for i in over]
        if any(clean_date(t) or len(t.replace(" ", "")) > MAX_LEN for t in texts):
            continue
        days = [md for t in texts if full_dates(t) and (md := _month_day(t))]
        if days and d not in days:
            continue
        at = min(over) if over else next((i for i, ln in enumerate(out) if ln.bbox.y0 > s.bbox.y0), len(out))
        out = [ln for i, ln in enumerate(out) if i not in over]
        out.insert(at, s)
    return out
