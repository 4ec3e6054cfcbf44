"""Identifiers with check digits: resident ID (GB 11643), ISSN, ISBN, CN serial number,
CNIPA patent numbers. Parsers return the normalised value *and* a separate `valid` flag:
an OCR'd number with a bad check digit is still worth showing to a reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum import isbn as _isbn
from stdnum import issn as _issn
from stdnum.cn import ric as _ric

from extractors._text.normalize import norm


@dataclass(frozen=True)
class Identifier:
    value: str  # normalised
    valid: bool  # check digit (and structure) verified
    start: int = 0
    end: int = 0
    birth_date: date | None = None  # resident ID only
    kind: str | None = None  # patent type: invention | utility_model | design


_D = r"\d\s?"
_RIC_RE = re.compile(r"(?<![\dA-Za-z])([1-9]\s?(?:\d\s?){16}[\dXx])(?![\dA-Za-z])")
# A speck read as a dot or comma inside the number ('412233198011.162674'): taken only when the
# check digit then holds.
_RIC_SPECKED_RE = re.compile(r"(?<![\dA-Za-z.,·])([1-9](?:[\s.,·]?\d){16}[\s.,·]?[\dXx])(?![\dA-Za-z])")
# The label letters as OCR misreads them (1SSN, lSBN); separators as dashes, tildes or spaces.
# Also S read as 5 and N as 8 (IS58), or the Chinese label alone (国际标准连续出版物号 1234-5678).
_ISSN_RE = re.compile(r"(?:[I1l|][S5][S5][N8]|[I1l|]SSN|连续出版物号(?=\s*[:：]?\s*\d{4}\s*-))\s*[:：]?\s*(\d{4})\s*[-—~]?\s*"
                      r"(\d{3}[\dXx])(?![\d])", re.I)
# ISBN as OCR misreads it (ISEN, 158N, 1SBN), or a 书号 label before the bare number.
_ISBN_RE = re.compile(r"(?:[I1l|][S5][B8E]N|书\s*号\s*[:：]?(?=\s*97[89]))\s*[:：]?\s*((?:[\dXxT][\s\-—~]?){9,16}[\dXx])",
                      re.I)
# the dash may be read as a colon or tilde ('CN 11:1022/S')
_CN_RE = re.compile(r"CN\s*[:：]?\s*(\d{2})\s*[-—:：~]\s*(\d{4})\s*/\s*([A-Z]{1,2}\d{0,3}(?:\.\d+)?)", re.I)
# 12 digits (YYYY T NNNNNNN) or the pre-2004 8 digits (YY T NNNNN), '.', check char.
_PATENT_RE = re.compile(
    r"(?:Z\s?L\s*[:：]?\s*)?(?<![\d])((?:\d\s*){12}|(?:\d\s*){8})\s*[.·,，]\s*([\dXx])(?![\d])", re.I)
# 'ZL' read as '21' / '2L' and run into the digits ('21202011185343.1'); kept only when valid
_PATENT_ZL_MISREAD = re.compile(r"(?<![\dA-Za-z])[2Z][1lL]\s*((?:\d\s*){12})\s*[.·,，]\s*([\dXx])(?![\d])", re.I)
_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
PATENT_TYPES = {"1": "invention", "2": "utility_model", "3": "design", "8": "invention", "9": "utility_model"}


def _digits(s: str) -> str:
    return re.sub(r"[^\dXx]", "", s).upper()


def resident_id_valid(value: str) -> bool:
    """GB 11643 check digit and a possible birth date. The region code is not checked:
    stdnum's region table lags behind renamed and new districts."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    try:
        _ric.get_birth_date(value)
    except Exception:  # noqa: BLE001 - stdnum raises several types for bad dates
        return False
    return _ric.calc_check_digit(value) == value[17]


def _known_region(value: str) -> bool:
    try:
        _ric.get_birth_place(value)
    except Exception:  # noqa: BLE001 - stdnum raises InvalidComponent for unknown codes
        return False
    return True


def repair_resident_id(value: str) -> str | None:
    """An OCR misread that the ID itself shows and pins down, else None:
    - a birth year misread into an impossible one (2970 for 1970), when exactly one century
      (19/20) makes the ID valid;
    - one digit of the region code misread into a code that does not exist (400305 for
      410305), when exactly one single-digit change in the region code gives a known region
      and a valid check digit (a change fixes the check sum at most one way per position).
    Nothing else is repaired: an ID with a real region that fails its check digit is reported
    as read (`invalid_checksum`) — that is what a made-up number looks like."""
    if len(value) != 18 or not value[:17].isdigit() or resident_id_valid(value):
        return None
    year = value[6:10]
    if not (1900 <= int(year) <= 2030):
        fixed = {f for c in ("19", "20") if resident_id_valid(f := value[:6] + c + year[2:] + value[10:])}
        return fixed.pop() if len(fixed) == 1 else None
    if _known_region(value):
        return None
    fixed = {f for i in range(6) for d in "0123456789" if d != value[i]
             if resident_id_valid(f := value[:i] + d + value[i + 1:]) and _known_region(f)}
    return fixed.pop() if len(fixed) == 1 else None


def parse_resident_id(text: str) -> Identifier | None:
    """An 18-character resident ID → value, validity (check digit + birth date), birth date
    (None when impossible)."""
    value = _digits(text)
    if len(value) != 18:
        return None
    try:
        birth = _ric.get_birth_date(value)
    except Exception:  # noqa: BLE001
        birth = None
    return Identifier(value, resident_id_valid(value), birth_date=birth)


def find_resident_ids(text: str) -> list[Identifier]:
    t = norm(text)
    out = []
    for m in _RIC_RE.finditer(t):
        ident = parse_resident_id(m.group(1))
        if ident:
            out.append(Identifier(ident.value, ident.valid, m.start(), m.end(), ident.birth_date))
    for m in _RIC_SPECKED_RE.finditer(t):
        if re.search(r"[.,·]", m.group(1)) and (ident := parse_resident_id(m.group(1))) and ident.valid:
            out.append(Identifier(ident.value, True, m.start(), m.end(), ident.birth_date))
    return sorted(out, key=lambda i: i.start)


def find_issns(text: str) -> list[Identifier]:
    """ISSN 1234-5678 (label required) → '1234-5678' with its mod-11 check."""
    t = norm(text)
    out = []
    for m in _ISSN_RE.finditer(t):
        value = f"{m.group(1)}-{m.group(2).upper()}"
        out.append(Identifier(value, _issn.is_valid(value), m.start(), m.end()))
    return out


def parse_isbn(text: str) -> Identifier | None:
    """ISBN-10 or -13 → ISBN-13 digits when valid; the raw digits when not."""
    raw = _digits(text)
    if len(raw) not in (10, 13):
        return None
    if _isbn.is_valid(raw):
        return Identifier(_isbn.compact(_isbn.to_isbn13(raw)), True)
    return Identifier(raw, False)


def find_isbns(text: str) -> list[Identifier]:
    t = norm(text)
    out = []
    for m in _ISBN_RE.finditer(t):
        raw = _digits(m.group(1).replace("T", "7").replace("t", "7"))  # 7 read as T ('978-T-117-…')
        cand = raw[:13] if raw.startswith(("978", "979")) and len(raw) >= 13 else raw[:10]
        ident = parse_isbn(cand)
        if ident and (ident.valid or not re.search("[Tt]", m.group(1))):
            out.append(Identifier(ident.value, ident.valid, m.start(), m.end()))
    return out


def find_cn_numbers(text: str) -> list[Identifier]:
    """China serial numbers: 'CN 41-1234/R' (structure only; there is no check digit)."""
    t = norm(text)
    return [Identifier(f"CN {m.group(1)}-{m.group(2)}/{m.group(3).upper()}", True, m.start(), m.end())
            for m in _CN_RE.finditer(t)]


def patent_check_char(digits: str) -> str:
    """CNIPA check character: Σ digit×weight (2..9,2..5) mod 11; 10 → 'X'."""
    r = sum(int(d) * w for d, w in zip(digits, _PATENT_WEIGHTS)) % 11
    return "X" if r == 10 else str(r)


def parse_patent_number(text: str) -> Identifier | None:
    """'ZL 2023 1 0123456.7', 'ZL202310123456.7', '202310123456.7', '98123456.X' →
    'ZL202310123456.7' with type (invention/utility_model/design) and check-digit validity."""
    found = find_patent_numbers(text)
    return found[0] if found else None


def find_patent_numbers(text: str) -> list[Identifier]:
    t = norm(text)
    out = []
    for m in _PATENT_RE.finditer(t):
        digits = re.sub(r"\s", "", m.group(1))
        check = m.group(2).upper()
        type_digit = digits[4] if len(digits) == 12 else digits[2]
        year_ok = len(digits) == 8 or 1985 <= int(digits[:4]) <= 2100
        valid = year_ok and type_digit in PATENT_TYPES and patent_check_char(digits) == check
        out.append(Identifier(f"ZL{digits}.{check}", valid, m.start(), m.end(),
                              kind=PATENT_TYPES.get(type_digit)))
    if not any(i.valid for i in out):
        for m in _PATENT_ZL_MISREAD.finditer(t):
            digits, check = re.sub(r"\s", "", m.group(1)), m.group(2).upper()
            if 1985 <= int(digits[:4]) <= 2100 and digits[4] in PATENT_TYPES and patent_check_char(digits) == check:
                out.insert(0, Identifier(f"ZL{digits}.{check}", True, m.start(), m.end(),
                                         kind=PATENT_TYPES[digits[4]]))
    return out


def patent_year(value: str) -> int | None:
    """Application year of a normalised patent number ('ZL2023…' → 2023, 'ZL98…' → 1998)."""
    digits = _digits(value.replace("ZL", ""))
    if len(digits) == 13:
        return int(digits[:4])
    if len(digits) == 9:
        yy = int(digits[:2])
        return 1900 + yy if yy >= 85 else 2000 + yy
    return None


def is_valid(kind: str, value: str) -> bool | None:
    """Re-validate a stored normalised value: kind is id_number | issn | isbn | patent_number.
    None for kinds without a checksum."""
    if kind == "id_number":
        return resident_id_valid(value)
    if kind == "issn":
        return _issn.is_valid(value)
    if kind == "isbn":
        return _isbn.is_valid(value)
    if kind == "patent_number":
        p = parse_patent_number(value)
        return bool(p and p.valid)
    return None
