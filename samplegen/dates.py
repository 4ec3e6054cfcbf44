"""Dates as they are printed on Chinese documents, and their ISO normal form.

Styles: ``cn`` 2023年5月8日 · ``cn0`` 2023年05月08日 · ``dot`` 2023.5.8 · ``dot0`` 2023.05.08 ·
``iso`` 2023-05-08 · ``slash`` 2023/5/8 · ``upper`` 二〇二三年五月八日 · ``month`` 2023年5月.
"""

from __future__ import annotations

import datetime as dt

DIGITS = "〇一二三四五六七八九"
STYLES = ("cn", "cn0", "dot", "dot0", "iso", "slash", "upper")


def upper_year(year: int) -> str:
    """2023 -> 二〇二三."""
    return "".join(DIGITS[int(c)] for c in str(year))


def upper_number(n: int) -> str:
    """1..99 in Chinese numerals: 8 -> 八, 12 -> 十二, 20 -> 二十, 31 -> 三十一."""
    if n < 10:
        return DIGITS[n] if n else "零"
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else DIGITS[tens]
    return head + "十" + (DIGITS[ones] if ones else "")


def fmt_date(d: dt.date, style: str = "cn") -> str:
    """Print one date in `style` (see module docstring)."""
    y, m, day = d.year, d.month, d.day
    if style == "cn":
        return f"{y}年{m}月{day}日"
    if style == "cn0":
        return f"{y}年{m:02d}月{day:02d}日"
    if style == "dot":
        return f"{y}.{m}.{day}"
    if style == "dot0":
        return f"{y}.{m:02d}.{day:02d}"
    if style == "iso":
        return f"{y}-{m:02d}-{day:02d}"
    if style == "slash":
        return f"{y}/{m}/{day}"
    if style == "upper":
        return f"{upper_year(y)}年{upper_number(m)}月{upper_number(day)}日"
    if style == "month":
        return f"{y}年{m}月"
    raise ValueError(style)


def fmt_month(d: dt.date, style: str = "cn") -> str:
    """Year and month only: 2023年5月 / 2023.05 / 二〇二三年五月."""
    if style in ("dot", "dot0", "slash"):
        return f"{d.year}.{d.month:02d}"
    if style == "iso":
        return f"{d.year}-{d.month:02d}"
    if style == "upper":
        return f"{upper_year(d.year)}年{upper_number(d.month)}月"
    return f"{d.year}年{d.month}月"


def fmt_range(a: dt.date, b: dt.date, style: str = "cn", compact: bool = True) -> str:
    """Print a date range: 2023年5月8日至12日, 2023.5.8-5.12, 2023-05-08至2023-05-12 …"""
    if style in ("cn", "cn0", "upper"):
        left = fmt_date(a, style)
        if not compact or a.year != b.year:
            return f"{left}至{fmt_date(b, style)}"
        if style == "upper":
            if a.month == b.month:
                return f"{left}至{upper_number(b.day)}日"
            return f"{left}至{upper_number(b.month)}月{upper_number(b.day)}日"
        if a.month == b.month:
            return f"{left}至{b.day}日" if style == "cn" else f"{left}至{b.day:02d}日"
        return f"{left}至{b.month}月{b.day}日" if style == "cn" else f"{left}至{b.month:02d}月{b.day:02d}日"
    if style in ("dot", "dot0"):
        left = fmt_date(a, style)
        if compact and a.year == b.year:
            right = f"{b.month}.{b.day}" if style == "dot" else f"{b.month:02d}.{b.day:02d}"
            return f"{left}-{right}"
        return f"{left}—{fmt_date(b, style)}"
    if style == "iso":
        return f"{fmt_date(a, 'iso')}至{fmt_date(b, 'iso')}"
    if style == "slash":
        return f"{fmt_date(a, 'slash')}-{fmt_date(b, 'slash')}"
    raise ValueError(style)


def iso(d: dt.date | None) -> str | None:
    """ISO form used in labels."""
    return d.isoformat() if d else None


def days_between(a: dt.date, b: dt.date) -> int:
    """Inclusive day count."""
    return (b - a).days + 1


def month_span(a: dt.date, b: dt.date) -> int:
    """Whole calendar months from the first of a's month to the end of b's month."""
    return (b.year - a.year) * 12 + b.month - a.month + 1


def months_in_year(a: dt.date, b: dt.date, year: int) -> int:
    """Whole calendar months of [a, b] that fall inside `year` (a, b month-aligned)."""
    lo = max(a, dt.date(year, 1, 1))
    hi = min(b, dt.date(year, 12, 31))
    if hi < lo:
        return 0
    return month_span(lo, hi)


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month."""
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)
