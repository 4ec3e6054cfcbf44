"""Identifiers with check digits: resident ID (GB 11643), CNIPA patent number, ISSN, ISBN-13,
CN serial numbers, 文号 and certificate numbers. Every maker can also produce a deliberately
wrong check character (``bad=True``) for the `invalid_checksum` flag."""

from __future__ import annotations

import datetime as dt
import functools
import random
import re

from stdnum import ean, issn as _issn
from stdnum import isbn as _isbn
from stdnum.cn import ric

PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
PATENT_TYPE_DIGIT = {"invention": "1", "utility_model": "2", "design": "3"}


def _wrong(correct: str, alphabet: str, rng: random.Random) -> str:
    return rng.choice([c for c in alphabet if c != correct])


# --- resident identity number -------------------------------------------------------------

@functools.cache
def henan_area_codes() -> tuple[tuple[str, int, int], ...]:
    """Henan (41xxxx) county codes known to stdnum with their validity years (start, end)."""
    from stdnum import numdb

    db = numdb.get("cn/loc")
    out = []
    for a in range(410100, 419999):
        info = {k: v for _, props in db.info(str(a)) for k, v in props.items()}
        for part in info.get("county", "").split(","):
            m = re.match(r"\[(\d*)-(\d*)\]", part)
            if m:
                out.append((str(a), int(m.group(1) or 1900), int(m.group(2) or 2100)))
    return tuple(out)


def area_code(preferred: list[str], year: int, rng: random.Random) -> str:
    """An area code valid for someone born in `year`: one of `preferred` (the person's
    city) if valid then, else one of the same prefecture, else any valid Henan code."""
    codes = henan_area_codes()
    valid = {c for c, a, b in codes if a <= year <= b}
    for pool in ([c for c in preferred if c in valid], sorted(c for c in valid if c[:4] in {p[:4] for p in preferred}),
                 sorted(valid)):
        if pool:
            return rng.choice(pool)
    return preferred[0]


def resident_id(area: str, birth: dt.date, seq: int, bad: bool = False, rng: random.Random | None = None) -> str:
    """18-digit resident ID: area(6) + birth(8) + sequence(3, odd=male) + check (0-9/X)."""
    body = f"{area}{birth:%Y%m%d}{seq:03d}"
    check = ric.calc_check_digit(body + "0")  # stdnum expects the check position present
    if bad:
        check = _wrong(check, "0123456789X", rng or random.Random(body))
    return body + check


def resident_id_valid(number: str) -> bool:
    """True when the ID passes GB 11643 validation (stdnum.cn.ric)."""
    return ric.is_valid(number)


# --- patent number ------------------------------------------------------------------------

def patent_check(app12: str) -> str:
    """CNIPA check character of a 12-digit application number (weights 2..9,2..5, mod 11, 10->X)."""
    s = sum(int(c) * w for c, w in zip(app12, PATENT_WEIGHTS)) % 11
    return "X" if s == 10 else str(s)


def patent_number(year: int, ptype: str, serial: int, bad: bool = False, rng: random.Random | None = None) -> str:
    """Normalised patent number ``ZL202310123456.7`` (year of filing, type digit, 7-digit serial)."""
    app = f"{year}{PATENT_TYPE_DIGIT[ptype]}{serial:07d}"
    check = patent_check(app)
    if bad:
        check = _wrong(check, "0123456789X", rng or random.Random(app))
    return f"ZL{app}.{check}"


def patent_valid(number: str) -> bool:
    """True for a normalised ZL number whose check character is right."""
    n = number.replace(" ", "")
    if not (n.startswith("ZL") and len(n) == 16 and n[14] == "."):
        return False
    app, check = n[2:14], n[15]
    return app.isdigit() and patent_check(app) == check


def format_patent(number: str, style: str) -> str:
    """Printed forms: ``spaced`` ZL 2023 1 0123456.7 · ``compact`` ZL202310123456.7 ·
    ``half`` ZL 202310123456.7 · ``plain`` 202310123456.7 (no prefix)."""
    app, check = number[2:14], number[15]
    if style == "spaced":
        return f"ZL {app[:4]} {app[4]} {app[5:]}.{check}"
    if style == "half":
        return f"ZL {app}.{check}"
    if style == "plain":
        return f"{app}.{check}"
    return number


# --- ISSN / ISBN / CN ---------------------------------------------------------------------

def make_issn(rng: random.Random, bad: bool = False) -> str:
    """ISSN ``1234-5679`` with a valid (or, if `bad`, wrong) check digit."""
    body = f"{rng.choice([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1671, 1672, 1673, 1674, 2095, 2096]):04d}{rng.randrange(0, 1000):03d}"
    check = _issn.calc_check_digit(body)
    if bad:
        check = _wrong(check, "0123456789X", rng)
    return f"{body[:4]}-{body[4:]}{check}"


def issn_valid(value: str) -> bool:
    """True when the ISSN validates."""
    return _issn.is_valid(value)


def make_isbn(rng: random.Random, publisher: str, bad: bool = False) -> str:
    """13-digit ISBN (no hyphens) under group 978-7 and a publisher prefix."""
    body = "9787" + publisher
    body += "".join(str(rng.randrange(10)) for _ in range(12 - len(body)))
    check = ean.calc_check_digit(body)
    if bad:
        check = _wrong(check, "0123456789", rng)
    return body + check


def format_isbn(isbn13: str) -> str:
    """Hyphenated ISBN-13 (978-7-5349-8765-2); falls back to plain digits."""
    try:
        return _isbn.format(isbn13)
    except Exception:  # wrong check digit: stdnum refuses; hyphenate by hand
        return f"{isbn13[:3]}-{isbn13[3]}-{isbn13[4:8]}-{isbn13[8:12]}-{isbn13[12]}"


def isbn_valid(value: str) -> bool:
    """True when the ISBN validates."""
    return _isbn.is_valid(value)


def make_cn(rng: random.Random, province: str, cls: str) -> str:
    """Domestic serial number ``CN 41-1234/R``."""
    return f"CN {province}-{rng.randrange(1000, 1999):04d}/{cls}"


# --- document / certificate numbers -------------------------------------------------------

def doc_number(prefix: str, year: int, n: int) -> str:
    """文号 such as 漯人社专技〔2023〕12号."""
    return f"{prefix}〔{year}〕{n}号"


def cert_number(rng: random.Random, pattern: str) -> str:
    """Fill a pattern: ``#`` a digit, ``A`` an upper-case letter, anything else kept."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "A":
            out.append(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ"))
        else:
            out.append(ch)
    return "".join(out)
