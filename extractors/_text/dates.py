"""Dates on Chinese documents → ISO.

Accepted forms (after `normalize.norm`): 2023年5月8日, 2023.5.8, 2023-05-08, 2023/5/8,
二〇二三年五月八日 (〇/零/O, 十/十一/二十/三十一), mixed (2023年五月八日, 二〇二三年5月8日), 5月8日 (year from context), 2023年5月 and
2023.03 (month precision), a Chinese date whose year OCR damaged (二二三年四月十九日: read
without its year), and ranges joined by 至/到/—/-/~ (or a '一' OCR read for the dash before a
date): 2023年5月8日至12日, 2023年5月8日-5月12日, 2023.5.8—2023.5.12, 5月8日至6月2日,
2023年3月至9月, 2023.03-2024.12; whole-year periods (2023—2025年) by `find_year_ranges`. English dates of
bilingual certificates: 'September 9, 2023', 'Sept. 9th 2023', '9 September 2023',
'9th of Sep, 2023' (day), 'September 2023' (month).

Month precision: `DateMatch.value` is the first day of the month and `.iso` is 'YYYY-MM'
(ISO 8601 reduced precision); as a range end it stands for the month's last day.
Range days are inclusive (8日至12日 is 5 days).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from extractors._text.normalize import norm
from extractors._text.numbers import cn_to_int, written

_CN = "〇零一二三四五六七八九O"
_CN10 = "一二三四五六七八九十廿卅"
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?")
_EN_DAY = r"(?P<d>[0-2]?\d|3[01])(?:st|nd|rd|th)?(?![\d])"
_EN_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_PATTERNS = [  # (name, regex); earlier wins on overlap
    ("num", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年|[.\-/])\s*(?P<m>\d{1,2})\s*(?:月|[.\-/])"
                       r"\s*(?P<d>\d{1,2})(?!\d)(?:\s*[日号])?")),
    ("cn", re.compile(rf"(?P<y>[{_CN}]{{4}})\s*年\s*(?P<m>[{_CN10}]{{1,2}})\s*月\s*(?P<d>[{_CN10}]{{1,3}})\s*[日号]")),
    # a year in digits with month and day in numerals, or the other way (2023年十二月二十六日,
    # 二〇二三年12月26日)
    ("mixed", re.compile(rf"(?<![\d{_CN}])(?P<y>(?:19|20)\d{{2}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN10}]{{1,2}})\s*月\s*"
                         rf"(?P<d>\d{{1,2}}|[{_CN10}]{{1,3}})\s*[日号]")),
    # OCR drops 〇 from 二〇二三: a two-numeral year with month and day is read as 20YY.
    ("cn2", re.compile(rf"(?<![{_CN}])(?P<y2>[{_CN}]{{2}})\s*年\s*(?P<m>[{_CN10}]{{1,2}})\s*月\s*(?P<d>[{_CN10}]{{1,3}})\s*[日号]")),
    # a year OCR damaged beyond reading (二二三年, 三年: a numeral dropped): the date is
    # read without its year, which the context supplies
    ("cnbad", re.compile(rf"(?<![{_CN}\d])(?:(?P<yb>[{_CN}]{{3}})|[{_CN}])\s*年\s*(?P<m>[{_CN10}]{{1,2}})\s*月\s*"
                         rf"(?P<d>[{_CN10}]{{1,3}})\s*[日号]")),
    ("month", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月份?(?!\s*\d)")),
    ("cnmonth", re.compile(rf"(?P<y>[{_CN}]{{4}})\s*年\s*(?P<m>[{_CN10}]{{1,2}})\s*月份?(?![{_CN10}])")),
    # 2023.03 / 2023-03 / 2023/3 (month precision, as periods are written: 2023.03-2024.12)
    ("monthsep", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[.\-/]\s*(?P<m>0?[1-9]|1[0-2])"
                            r"(?![\d]|\s*[.\-/]\s*\d{1,2}(?!\d)(?!\s*[.\-/]))")),
    ("md", re.compile(r"(?<![\d./])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")),
    ("cnmd", re.compile(rf"(?<![{_CN}年])(?P<m>[{_CN10}]{{1,2}})\s*月\s*(?P<d>[{_CN10}]{{1,3}})\s*[日号]")),
    ("en_mdy", re.compile(rf"(?<![A-Za-z]){_EN_MON}\s*{_EN_DAY}\s*,?\s*{_EN_YEAR}", re.I)),
    ("en_dmy", re.compile(rf"(?<!\d){_EN_DAY}\s*(?:of\s*)?{_EN_MON}\s*,?\s*{_EN_YEAR}", re.I)),
    ("en_my", re.compile(rf"(?<![A-Za-z\d]){_EN_MON}\s*,?\s*{_EN_YEAR}", re.I)),
]
# A table cell wrapped after the month ('…至2023年07月' / '07日' under it), its row's label
# possibly read between the two lines ('进修时间').
_WRAPPED_DAY = re.compile(r"[ \t]*\n(?:[^\n\d]{1,8}\n)?[ \t]*(\d{1,2})[日号](?!\d)")
# what may stand between a range's first day and its connector: the weekday, the time of day
# ('5月8日（周一）至12日', '5月8日上午8:30至5月12日')
_DAY_NOTE = r"(?:\s*(?:[(（](?:周|星期|礼拜)[一二三四五六日天][)）]|(?:上午|下午|早上|晚上|中午)?\s*\d{1,2}\s*[:：]\s*\d{2}|上午|下午|全天))*"
_CONNECT = re.compile(_DAY_NOTE + r"\s*起?\s*(?:至|到|—+|-{1,2}|~)\s*")
# '一' read for the dash of a range, when a date follows it ('3月24日一2023年3月26日').
_CONNECT_MISREAD = re.compile(rf"\s*一\s*(?=(?:19|20)\d{{2}}|[{_CN}]{{4}}\s*年|\d{{1,2}}\s*[月.\-/日号]|[{_CN10}]{{1,3}}\s*[日号])")
_TAIL_DAY = re.compile(r"(?P<d>\d{1,2})\s*[日号]|(?P<cd>[一二三四五六七八九十廿卅]{1,3})\s*[日号]")
_TAIL_MD_SEP = re.compile(r"(?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})(?![\d.\-/])")
_TAIL_BARE_DAY = re.compile(r"(\d{1,2})(?![\d:：.．/\-年月时点])")
_TAIL_MONTH = re.compile(r"(?P<m>\d{1,2})\s*月份?(?!\s*\d)")


@dataclass(frozen=True)
class DateMatch:
    value: date
    precision: str  # "day" | "month"
    start: int  # span in the searched (normalised) text
    end: int
    has_year: bool = True

    @property
    def iso(self) -> str:
        return self.value.isoformat() if self.precision == "day" else self.value.strftime("%Y-%m")

    @property
    def last(self) -> date:
        """Last day the match stands for (the month's end for month precision)."""
        if self.precision == "day":
            return self.value
        return month_end(self.value.year, self.value.month)


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    span: tuple[int, int]
    precision: str = "day"

    @property
    def days(self) -> int:
        """Inclusive day count."""
        return days_inclusive(self.start, self.end)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def days_inclusive(start: date, end: date) -> int:
    return (end - start).days + 1


def _num(s: str | None) -> int | None:
    return None if s is None else cn_to_int(s)


def _make(y: int | None, m: int | None, d: int | None) -> date | None:
    try:
        return date(y, m, 1 if d is None else d) if y and m else None  # day 0 ('2023-04-0') is no date
    except ValueError:
        return None


def _from_match(m: re.Match, ctx_year: int | None) -> DateMatch | None:
    gd = m.groupdict()
    has_year = "y" in gd or "y2" in gd
    y = (_num(gd["y"]) if "y" in gd else 2000 + (_num(gd["y2"]) or 0)) if has_year else ctx_year
    if y is None and gd.get("yb") and (fixed := repair_year(gd["yb"], [])):
        y = fixed[0]  # no year around it: '二二三' can only be 2023 (see repair_year)
    month = _EN_MONTHS.index(gd["mon"][:3].lower()) + 1 if gd.get("mon") else _num(gd["m"])
    value = _make(y, month, _num(gd.get("d")))
    if value is None or not (1900 <= value.year <= 2100):
        return None
    return DateMatch(value, "day" if "d" in gd else "month", m.start(), m.end(), has_year)


def _scan(text: str, default_year: int | None) -> list[DateMatch]:
    found = sorted((m.start(), -m.end(), rank, m)
                   for rank, (_, rx) in enumerate(_PATTERNS) for m in rx.finditer(text))
    out: list[DateMatch] = []
    last_end, ctx_year = -1, default_year
    for start, _, _, m in found:
        if start < last_end:
            continue
        d = _from_match(m, ctx_year)
        if d is None:
            continue
        out.append(d)
        last_end = d.end
        if d.has_year:
            ctx_year = d.value.year
    return out


def find_dates(text: str, default_year: int | None = None, *, normalised: bool = False) -> list[DateMatch]:
    """All dates in reading order. Dates without a year (5月8日) take the year of the
    nearest preceding full date, else `default_year`, else are skipped."""
    return _scan(text if normalised else norm(text), default_year)


def parse_date(text: str, default_year: int | None = None) -> DateMatch | None:
    """The first date in `text`, or None."""
    found = find_dates(text, default_year)
    return found[0] if found else None


def _tail(text: str, pos: int, first: DateMatch) -> DateMatch | None:
    for _, rx in _PATTERNS:  # a full, month or month-day date right after the connector
        m = rx.match(text, pos)
        d = m and _from_match(m, first.value.year)
        if d:
            return d
    y, mo = first.value.year, first.value.month
    if first.precision == "month":
        m = _TAIL_MONTH.match(text, pos)
        v = m and _make(y, int(m.group("m")), 1)
        return DateMatch(v, "month", pos, m.end(), False) if v else None
    for rx in (_TAIL_MD_SEP, _TAIL_DAY):
        m = rx.match(text, pos)
        if not m:
            continue
        gd = m.groupdict()
        day = int(gd["d"]) if gd.get("d") else _num(gd.get("cd"))
        v = _make(y, int(gd["m"]) if gd.get("m") else mo, day)
        if v:
            return DateMatch(v, "day", pos, m.end(), False)
    # a numeric date's last day alone ('2023.5.8-12'): a later day of the same month
    if first.precision == "day" and (m := _TAIL_BARE_DAY.match(text, pos)) and int(m.group(1)) > first.value.day:
        v = _make(y, mo, int(m.group(1)))
        if v:
            return DateMatch(v, "day", pos, m.end(), False)
    return None


def find_ranges(text: str, default_year: int | None = None, *, normalised: bool = False,
                years: list[int] | None = None, max_days: int = 3660) -> list[DateRange]:
    """Date ranges (start, end inclusive). The end inherits missing year/month from the
    start; an end before the start moves to the next year (12月28日至1月3日). A range
    ending before it starts or longer than `max_days` is no range, unless a year of one end
    is a misread (a seal over '2023' read as 2028): with the `years` the document states
    elsewhere, a year one confusable digit from one of them is repaired (repair_year)."""
    t = text if normalised else norm(text)
    dates = _scan(t, default_year)
    out: list[DateRange] = []
    for m in _GLUED_RANGE.finditer(t):  # '2023.6.92023.6.10': the dash between lost to OCR
        a = _make(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        b = _make(int(m.group(5)), int(m.group(6)), int(m.group(7)))
        if a and b and 0 <= (b - a).days < 366:
            out.append(DateRange(a, b, m.span()))
    for i, d in enumerate(dates):
        c = _CONNECT.match(t, d.end) or _CONNECT_MISREAD.match(t, d.end)
        # '2023年6月9日2023年6月10日': two full dates glued, the dash lost to OCR (a range
        # of under a year, then)
        glued = not c and i + 1 < len(dates) and dates[i + 1].start == d.end and d.precision == "day" \
            and dates[i + 1].precision == "day" and dates[i + 1].has_year
        if not c and not glued:
            continue
        e = dates[i + 1] if glued else _tail(t, c.end(), d)
        if e is None:
            continue
        limit = 366 if glued else max_days
        start, end = d.value, e.last
        if e.precision == "month" and d.precision == "day" and (w := _WRAPPED_DAY.match(t, e.end)):
            end = _make(e.value.year, e.value.month, int(w.group(1))) or end  # the cell wrapped
        if end < start and not e.has_year:
            end = _make(end.year + 1, end.month, end.day) or end
        if not (start <= end and (end - start).days < limit) and years and e.has_year:
            start, end = _repaired(start, end, years, limit, d.has_year)
        if glued and not (start <= end and (end - start).days < limit) and \
                sum(a != b for a, b in zip(str(start.year), str(end.year))) == 1 and \
                (same := _with_year(start, end.year)) and same <= end:
            start = same  # '2021年07月12日2023年07月14日': glued, and one end's year misread
        if start <= end and (end - start).days < limit:
            prec = "month" if "month" in (d.precision, e.precision) else "day"
            out.append(DateRange(start, end, (d.start, e.end), prec))
    return sorted(out, key=lambda r: r.span)


def _with_year(d: date, year: int) -> date | None:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February
        return None


def _repaired(start: date, end: date, years: list[int], max_days: int, start_has_year: bool) -> tuple[date, date]:
    """The range with one end's misread year repaired against the document's other years
    (each end's own year discounted once); unchanged when no single repair makes it sane."""
    for which in ("end", "start") if start_has_year else ("end",):
        d = end if which == "end" else start
        ctx = list(years)
        if d.year in ctx:
            ctx.remove(d.year)
        if not ctx or d.year in ctx:
            continue
        fixed = repair_year(str(d.year), ctx)
        if not fixed or fixed[0] == d.year or not (nd := _with_year(d, fixed[0])):
            continue
        s, e = (start, nd) if which == "end" else (nd, end)
        if s <= e and (e - s).days < max_days:
            return s, e
    return start, end


_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年度?)?\s*(?:至|到|—+|-{1,2}|~)\s*((?:19|20)\d{2})\s*年度?(?!\s*\d)(?!学年)")


def find_year_ranges(text: str, *, normalised: bool = False) -> list[DateRange]:
    """Periods written in whole years ('2023—2025年', '2023年至2025年'): from the first
    day of the first year to the last day of the second (precision 'year')."""
    t = text if normalised else norm(text)
    out = []
    for m in _YEAR_RANGE.finditer(t):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 10:
            out.append(DateRange(date(a, 1, 1), date(b, 12, 31), m.span(), "year"))
    return out


def overlap_days(start: date, end: date, year: int) -> int:
    """Days of [start, end] that fall in calendar `year` (0 if none)."""
    a, b = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
    return max(0, days_inclusive(a, b))


def months_in_year(start: date, end: date, year: int) -> float:
    """Months of [start, end] inside `year`, as days/days-in-year × 12 (half a year ≈ 6.0)."""
    days_in_year = 366 if calendar.isleap(year) else 365
    return round(overlap_days(start, end, year) * 12 / days_in_year, 2)


_TERM_RE = re.compile(r"((?:19|20)\d{2})\s*[-—~至/]\s*((?:19|20)\d{2})\s*(?:学年)?\s*(?:第?\s*([一二12上下])\s*(?:学期)?|[-—]\s*([12]))?")
_TERM_SEASON = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:春|秋|夏|冬|上|下|第)?")


def possible_year(year: int) -> bool:
    """A year a document of continuing education can name: 1980 to next year."""
    return 1980 <= year <= date.today().year + 1


def settle_school_year(first: int, second: int) -> tuple[int, int]:
    """A school year 'first-second' spans two consecutive years; when it does not, one half
    was misread: the second decides when only it is a possible year ('2029-2024',
    '3022-2023'), else the first ('2022-2029', '2022-0025')."""
    if second == first + 1:
        return first, second
    if not possible_year(first) and possible_year(second):
        return second - 1, second
    return first, first + 1


def term_year(term: str) -> int | None:
    """Calendar year in which an academic term mostly falls: '2022-2023学年第二学期' → 2023,
    '2023-2024-1' → 2023, '2023年秋季' → 2023; None when no year is written."""
    t = norm(term)
    m = _TERM_RE.search(t)
    if m:
        first, second = settle_school_year(int(m.group(1)), int(m.group(2)))
        which = m.group(3) or m.group(4)
        return second if which in ("二", "2", "下") else first
    m = _TERM_SEASON.search(t)
    return int(m.group(1)) if m else None


_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def find_years(text: str) -> list[int]:
    """Years written as 'YYYY年' (incl. 年度), in order."""
    return [int(y) for y in _YEAR_RE.findall(norm(text))]


# A date on a signature line as OCR damages it under a seal: a year with a dropped or
# misread numeral (二〇二年, 3023, 2028), a doubled zero (2023.007.31), 年 read as a stroke
# sign (2023×12月13日), a dash read as '=' or '·' (2023-08=08), a slash the ring crosses read
# as '≠' or a stroke (2023/2≠5, 2023/12丨25), or as a bracket or a letter between year and
# month (2023(7/20, 2023A10/12), or 年 read as any other sign before a month written with 月
# (2023W10月05日, 二三净三月十日); a letter or a bracket between month and a day ending the line (2023/7d22).
_LOOSE_DATE = re.compile(
    rf"(?P<y>[\d{_CN}]{{1,5}})\s*(?:年|[.\-/:×xX*+=·,，_(（)）A丨|\\]|(?<=[\d{_CN}]{{2}})[^\d\s{_CN}](?=\s*(?:\d{{1,3}}|[{_CN10}]{{1,2}})\s*月))\s*0*(?P<m>\d{{1,3}}|[{_CN10}]{{1,2}})\s*(?:月|[.\-/:=·,，_~～≠≡÷丨]|[A-Za-z(（)）](?=\d{{1,2}}\s*$))\s*"
    rf"0*(?P<d>\d{{1,3}}|[{_CN10}]{{1,3}})(?!\d)\s*[日号]?")
_GLUED_RANGE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([.\-/])(\d{1,2})\2(\d{1,2})((?:19|20)\d{2})\2(\d{1,2})\2(\d{1,2})(?![\d.])")
_COMPACT_DATE = re.compile(r"(?<![\d\-./])((?:19|20)\d{2})([^\d\s年]?)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d\-./])")
_GLUED_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])([.\-/月])(\d{1,2})(?![\d.\-/])")
# Digits OCR confuses in printed years (3↔8↔2, 0↔8↔6, 3↔0 …): a year one such edit from a year
# the document uses elsewhere is that year.
_YEAR_CONFUSION = {"0": "6893", "1": "74", "2": "37", "3": "82950", "4": "19", "5": "63", "6": "5805",
                   "7": "12", "8": "3069", "9": "380"}


def _year_digits(s: str) -> str:
    """'二〇二三' → '2023', '2O23' → '2023' (numeral by numeral)."""
    out = []
    for ch in s:
        n = cn_to_int(ch) if not ch.isdigit() else int(ch)
        out.append(str(n) if n is not None and n < 10 else ch)
    return "".join(out)


def repair_year(raw: str, context: list[int]) -> tuple[int, float] | None:
    """The year a damaged year string stands for, with a confidence factor, given the years
    the document states elsewhere: exact and from two years before them to the year after
    the latest (1.0: a paper about 2023 may be signed in 2024, seldom in 2025); one confusable
    digit from a stated year or the year after the latest (0.7); a numeral dropped from such
    a year (二〇二 for 二〇二三: 0.6); a two-digit rest of it ('23年', '33年': 0.55/0.45); a
    year that cannot be (2083, a year after this one) or lies more than two years before every
    stated year, one digit from such a year (0.5). None when nothing fits."""
    digits = _year_digits(raw)
    if not digits.isdigit():
        return None
    if len(digits) == 4 and (not context or min(context) - 2 <= int(digits) <= max(context) + 1):
        return (int(digits), 1.0) if 1900 <= int(digits) <= 2100 else None
    # the years stated, then the year after the latest (a certificate for a 2022 award is
    # issued in 2023)
    cands = [(y, 1.0) for y in sorted(set(context), reverse=True)] + ([(max(context) + 1, 0.85)] if context else [])
    for y, factor in cands:
        ys = str(y)
        if len(digits) == 4 and sum(a != b for a, b in zip(digits, ys)) == 1:
            a, b = next((a, b) for a, b in zip(digits, ys) if a != b)
            if a in _YEAR_CONFUSION.get(b, ""):
                return y, 0.7 * factor
        if len(digits) == 3 and any(ys[:i] + ys[i + 1:] == digits for i in range(4)):
            return y, 0.6 * factor
        if len(digits) <= 2 and ys.endswith(digits):  # '23年6月25日', '三年五月六日': the rest lost
            return y, 0.55 * factor
        if len(digits) == 2 and digits[0] == ys[2] and digits[1] in _YEAR_CONFUSION.get(ys[3], ""):
            return y, 0.45 * factor  # '33年6月7日': '20' lost and the 2 of 23 misread
        if len(digits) == 2 and digits[1] == ys[3] and digits[0] in _YEAR_CONFUSION.get(ys[2], ""):
            return y, 0.45 * factor
    if len(digits) == 3 and not context:
        # no year stated anywhere: a numeral dropped ('二二三') settles only when a single year
        # from 1990 to next year has it ('二二三' → 2023; '二〇二' could be 2020 … 2027)
        fits = {int(y) for i in range(4) for n in "0123456789" if 1990 <= int(y := digits[:i] + n + digits[i:]) <= date.today().year + 1}
        if len(fits) == 1:
            return fits.pop(), 0.5
    if len(digits) == 4 and (not 1900 <= int(digits) <= date.today().year or context and int(digits) < min(context) - 2):
        # a year one digit (of no known confusion) off a stated one that cannot be — 2083, or
        # 2027 read today on a 2023 proof: the seal's ring across the 3 — or that lies years
        # before everything the document states (2013 on a proof of 2023 training)
        for y, factor in cands:
            if sum(a != b for a, b in zip(digits, str(y))) == 1:
                return y, 0.5 * factor
    return None


def confusable_years(a: int, b: int) -> bool:
    """Do two years differ in one digit OCR confuses (2022 / 2023, 2028 / 2023)?"""
    x, y = str(a), str(b)
    diff = [(p, q) for p, q in zip(x, y) if p != q]
    return len(x) == len(y) and len(diff) == 1 and diff[0][0] in _YEAR_CONFUSION.get(diff[0][1], "")


def loose_date(text: str, context: list[int]) -> tuple[DateMatch, float] | None:
    """A damaged full date (see _LOOSE_DATE) whose year `repair_year` can settle; with the
    confidence factor of that repair."""
    # a separator or 年 lost between year and month ('202308-12', '202310月12日'): put it back (same length
    # before the match, so spans stay within one character)
    t = _GLUED_YEAR_MONTH.sub(r"\1-\2\3\4", norm(text))
    # all separators lost or one misread ('20230321', '2023<0321'), or the second lost ('2023-0606'):
    # year, month and day by their widths
    t = _COMPACT_DATE.sub(r"\1-\3-\4", t)
    for m in _LOOSE_DATE.finditer(t):
        fixed = repair_year(m.group("y"), context)
        mo, dd = cn_to_int(m.group("m")), cn_to_int(m.group("d"))
        if not fixed or mo is None or dd is None:
            continue
        factor = fixed[1]
        if not 1 <= mo <= 12 and (mo := _repair_number(m.group("m"), 12)):  # 2023-13-26: 2 read as 3
            factor *= 0.6
        if mo and not 1 <= dd <= month_end(fixed[0], mo).day and (dd := _repair_number(m.group("d"), 31)):
            factor *= 0.6
        value = _make(fixed[0], mo, dd) if mo and dd else None
        if value:  # (a compact date grew by its separators: the span is kept within the text)
            return DateMatch(value, "day", min(m.start(), len(text)), min(m.end(), len(text)), True), factor
    return None


# A slash read as the digit it looks like or lost, the line's date ending there: the second
# ('2023/6/8' → '2023/678', '2023/92') or the first ('2023/3/28' → '202373/28', '20234/17').
_SECOND_SLASH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*/\s*(\d{2,5})(?![\d./\-])\s*[日号]?\s*$")
_FIRST_SLASH = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{1,3})\s*/\s*(\d{1,2})(?![\d./\-])\s*[日号]?\s*$")
_SLASH_LOOKS = "17"


def _month_day_readings(run: str) -> set[tuple[str, str]]:
    """(month, day) strings a run of digits can be with the slash between them lost or read as
    a 1 or 7."""
    out = {(run[:i], run[i + 1:]) for i in range(1, len(run) - 1) if run[i] in _SLASH_LOOKS}
    return out | {(run[:i], run[i:]) for i in range(1, len(run))}


def slash_read_as_digit(text: str, context: list[int]) -> tuple[DateMatch, float] | None:
    """'2023/678' for 2023/6/8, '2023/92' for 2023/9/2, '202374/17' for 2023/4/17: the date when
    exactly one reading fits, with one slash taken as lost or as the 1 or 7 it was read as; a
    day with a leading zero after a month without one ('7/09') is no reading."""
    t = norm(text)
    if m := _SECOND_SLASH.search(t):
        run = m.group(2)
        if len(run) == 2 and 1 <= int(run) <= 12:
            return None  # '2023/11' is a month
        readings = _month_day_readings(run)
    elif m := _FIRST_SLASH.search(t):
        head, day = m.group(2), m.group(3)
        # the slash lost (month = all of it) or read as its first digit
        readings = {(head, day)} | ({(head[1:], day)} if len(head) > 1 and head[0] in _SLASH_LOOKS else set())
    else:
        return None
    if not (fixed := repair_year(m.group(1), context)):
        return None
    fits = {v for mo, dd in readings
            if 1 <= len(mo) <= 2 and 1 <= len(dd) <= 2 and not (len(mo) == 1 and dd.startswith("0"))
            and (v := _make(fixed[0], int(mo), int(dd)))}
    if len(fits) != 1:
        return None
    return DateMatch(fits.pop(), "day", m.start(), m.end(), True), 0.5 * fixed[1]


_WRITTEN_MONTHS = {written(m): m for m in range(1, 13)}
_WRITTEN_DAYS = {written(d): d for d in range(1, 32)}
# a date in numerals whose 月 OCR lost ('二〇二三年三二十六日'), ending the line
_NO_MONTH_MARK = re.compile(rf"(?P<y>[{_CN}]{{2,4}})\s*年\s*(?P<md>[{_CN10}]{{2,5}})\s*[日号]\s*$")


def month_mark_lost(text: str, context: list[int]) -> tuple[DateMatch, float] | None:
    """'二〇二三年三二十六日' for 三月二十六日: the date when exactly one split of the numerals
    into a month and a day, each as dates write them, exists ('十二十日': 十/二十 or 十二/十, none)."""
    m = _NO_MONTH_MARK.search(norm(text))
    if not m or not (fixed := repair_year(m.group("y"), context)):
        return None
    md = m.group("md")
    fits = {v for i in range(1, len(md)) if md[:i] in _WRITTEN_MONTHS and md[i:] in _WRITTEN_DAYS
            and (v := _make(fixed[0], _WRITTEN_MONTHS[md[:i]], _WRITTEN_DAYS[md[i:]]))}
    if len(fits) != 1:
        return None
    return DateMatch(fits.pop(), "day", m.start(), m.end(), True), 0.6 * fixed[1]


def _repair_number(raw: str, top: int) -> int | None:
    """A month or day OCR misread in one digit, when exactly one confusable digit makes it
    possible (month 13 → 12), or grown by a digit (a seal's stroke read as one: month 123 →
    12), when exactly one digit dropped makes it possible; None when none or several do (day
    73: 13 or 23; day 123: 12, 13 or 23)."""
    if not raw.isdigit():
        return None
    if len(raw) == 3:
        found = {n for i in range(3) if 1 <= (n := int(raw[:i] + raw[i + 1:])) <= top}
        return found.pop() if len(found) == 1 else None
    found = {int(raw[:i] + b + raw[i + 1:]) for i, a in enumerate(raw) for b, reads in _YEAR_CONFUSION.items()
             if a in reads and 1 <= int(raw[:i] + b + raw[i + 1:]) <= top}
    return found.pop() if len(found) == 1 else None
