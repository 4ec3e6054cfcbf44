"""Official document numbers (文号) such as 宛人社〔2018〕114号, 漯人社专技〔2018〕1号,
平人社办〔2023〕130号, and the Henan city an issuer prefix belongs to.

OCR turns 〔〕 into [] 【】 () （）; all are accepted and normalised back to 〔〕.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors._text.normalize import norm

_DOCNUM_RE = re.compile(
    r"([\u4e00-\u9fff]{1,10})\s*[〔\[【(（]\s*((?:19|20)\d{2})\s*[〕\]】)）]\s*[.。,，·、]?\s*(?:第\s*)?(\d{1,4})\s*号")
# ('〔2023〕.144号': a speck of the scan read as punctuation after the bracket is allowed.)
# Words that precede a cited 文号 in running text and are not part of the issuer prefix.
_LEAD_WORDS = ("根据", "按照", "依据", "参照", "见", "及", "和", "与", "文件", "通知", "印发", "转发", "发布")

# 文号 prefix abbreviation → city (河南省 cities; 豫 is the province itself).
CITY_ABBR: dict[str, str] = {
    "豫": "河南省", "郑": "郑州", "汴": "开封", "开": "开封", "洛": "洛阳", "平": "平顶山", "鹰": "平顶山",
    "安": "安阳", "鹤": "鹤壁", "新": "新乡", "焦": "焦作", "濮": "濮阳", "许": "许昌", "漯": "漯河",
    "三": "三门峡", "宛": "南阳", "商": "商丘", "信": "信阳", "周": "周口", "驻": "驻马店", "济": "济源",
}
# County-level cities (县级市) of Henan: '汝州市' is a county-level government, not a city's.
COUNTY_CITIES = ("巩义", "荥阳", "新密", "新郑", "登封", "舞钢", "汝州", "林州", "卫辉", "辉县", "长垣", "沁阳",
                 "孟州", "禹州", "长葛", "义马", "灵宝", "邓州", "永城", "项城", "偃师")
CITY_NAMES = ("郑州", "开封", "洛阳", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河",
              "三门峡", "南阳", "商丘", "信阳", "周口", "驻马店", "济源")


@dataclass(frozen=True)
class DocNumber:
    value: str  # e.g. 宛人社〔2018〕114号
    prefix: str  # issuer abbreviation, e.g. 宛人社
    year: int
    serial: int
    start: int
    end: int
    cited: bool  # inside 《》/（）or after 根据…: a reference to another document


def _trim_prefix(prefix: str) -> str:
    for w in sorted(_LEAD_WORDS, key=len, reverse=True):
        if w in prefix:
            prefix = prefix[prefix.rindex(w) + len(w):]
    return prefix


def find_doc_numbers(text: str, *, normalised: bool = False) -> list[DocNumber]:
    """All 文号 in `text` in order, each marked `cited` when it refers to another document."""
    t = text if normalised else norm(text)
    out = []
    for m in _DOCNUM_RE.finditer(t):
        prefix = _trim_prefix(m.group(1))
        if not prefix:
            continue
        year, serial = int(m.group(2)), int(m.group(3))
        before = t[max(0, m.start() - 40):m.start(1)]
        cited = bool(re.search(r"[(（《][^)）》]*$", before)) or any(before.endswith(w) for w in _LEAD_WORDS)
        start = m.end(1) - len(prefix)
        out.append(DocNumber(f"{prefix}〔{year}〕{serial}号", prefix, year, serial, start, m.end(), cited))
    return out


def own_doc_number(text: str) -> DocNumber | None:
    """The document's own 文号: the first one standing alone on its line, else the first one
    that is not a citation."""
    t = norm(text)
    found = find_doc_numbers(t, normalised=True)
    for d in found:
        line_start = t.rfind("\n", 0, d.start) + 1
        line_end = t.find("\n", d.end)
        line = t[line_start: len(t) if line_end < 0 else line_end]
        if line.strip() == t[d.start:d.end].strip() or len(line.strip()) <= len(d.value) + 2:
            return d
    return next((d for d in found if not d.cited), None)


def city_from_prefix(prefix: str) -> str | None:
    """'宛人社' → '南阳', '豫人社函' → '河南省', '三人社' → '三门峡'."""
    for name in CITY_NAMES:
        if prefix.startswith(name):
            return name
    return CITY_ABBR.get(prefix[:1]) if prefix else None


def city_from_text(text: str) -> str | None:
    """A city named as issuer: 'XX市人力资源和社会保障局' or the first 'XX市' of the header."""
    t = norm(text)
    m = re.search(r"(" + "|".join(CITY_NAMES) + r")市?(?:人力资源|人民政府|卫生|教育|[\u4e00-\u9fff]{0,12}局)", t)
    if m:
        return m.group(1)
    m = re.search(r"(" + "|".join(CITY_NAMES) + r")市", t)
    return m.group(1) if m else None
