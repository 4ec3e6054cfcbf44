"""Chinese numerals and ranks: 二十三 → 23, 两 → 2, 二〇二三 → 2023, 第二发明人 → 2."""

from __future__ import annotations

import re

DIGITS = {"〇": 0, "零": 0, "O": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
          "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
          "捌": 8, "九": 9, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(BIG_UNITS)
NUM_RE = rf"(?:\d+|[{NUMERAL_CHARS}]+)"

_RANK_RES = [
    re.compile(rf"第\s*({NUM_RE})\s*(?:发明人|设计人|作者|完成人|完成单位|主编|副主编|参编|获奖人|名|位|署名|起草人|主研人|研究人员|参与人|成员)"),
    re.compile(rf"(?:排名|排序|署名|位次|名次|排位)\s*[:：]?\s*第?\s*({NUM_RE})"),
]


def cn_to_int(text: str) -> int | None:
    """Parse a Chinese or Arabic integer: '二十三' → 23, '一百零五' → 105, '两千' → 2000,
    '十一' → 11, '二〇二三' → 2023 (digit-by-digit when there is no unit), '40' → 40.
    Returns None when the text is not a number."""
    s = text.strip().replace("廿", "二十").replace("卅", "三十")  # 廿四日 = 24th, 卅日 = 30th
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if any(ch not in DIGITS and ch not in UNITS and ch not in BIG_UNITS for ch in s):
        return None
    if not any(ch in UNITS or ch in BIG_UNITS for ch in s):
        return int("".join(str(DIGITS[ch]) for ch in s))
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in UNITS:
            section += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:  # 万 / 亿
            section += digit or 0
            total += (section or 1) * BIG_UNITS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_number(text: str) -> float | None:
    """Arabic (with decimals) or Chinese number → float; None if not a number."""
    s = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    n = cn_to_int(s)
    return float(n) if n is not None else None


def parse_rank(text: str) -> int | None:
    """Find an explicit rank: '第二发明人' → 2, '排名第3' → 3, '（排序：2）' → 2."""
    for rx in _RANK_RES:
        m = rx.search(text)
        if m:
            n = cn_to_int(m.group(1))
            if n is not None and 0 < n < 100:
                return n
    return None


def written(n: int) -> str:
    """A month or day (1 … 39) in numerals as dates write it: 七, 十, 十七, 二十, 二十二."""
    tens, units = divmod(n, 10)
    ones = "一二三四五六七八九"
    return ("" if tens < 2 else ones[tens - 1]) + ("十" if tens else "") + (ones[units - 1] if units else "")
