"""Who may see and decide what: every role and unit check of the app, in one place.

- employer reviewer: the claims of the units assigned to them; decides at the employer level.
- department reviewer: every unit (or only its assigned units, if any); decides at the department level.
- hr reviewer: every unit; decides at the hr level; the only role that sees full resident ID numbers.
- analyst: every unit, read-only.
"""

from __future__ import annotations

import re
from datetime import datetime
from dataclasses import dataclass, field

ROLES = ("employer", "department", "hr", "analyst")
DECIDING = {"employer": "employer", "department": "department", "hr": "hr"}

# Resident ID numbers: 18 digits (GB 11643: region, YYYYMMDD birth date, sequence, check digit)
# or the old 15 (region, YYMMDD, sequence), written straight or in groups split by a space or
# hyphen ("410102 19900307 1234"). A run of 18 digits is masked whatever it is (an ID with a
# wrong check digit is still someone's ID); a 15-digit or grouped run only when its birth date
# is a real date, so certificate and patent numbers stay readable.
_ID_RUN = re.compile(r"(?<![\dA-Za-z])\d(?:[ \-\u3000]?\d){13,16}(?:[ \-\u3000]?[\dXx])(?![\dA-Za-z])")
_BIRTH = {18: (6, "%Y%m%d"), 15: (6, "%y%m%d")}


def _is_id(run: str) -> bool:
    digits = re.sub(r"[ \-\u3000]", "", run)
    if len(digits) not in _BIRTH or (len(digits) == 15 and not digits.isdigit()):
        return False
    if len(digits) == 18 and digits == run:
        return True
    start, fmt = _BIRTH[len(digits)]
    birth = digits[start:start + (8 if len(digits) == 18 else 6)]
    try:
        datetime.strptime(birth, fmt)
    except ValueError:
        return False
    return digits[0] in "123456789" and (len(digits) == 15 or birth[:2] in ("19", "20"))


def _mask(run: str) -> str:
    """Keep the first 4 and last 4 characters (digits and separators as written), star the rest."""
    digits = [i for i, ch in enumerate(run) if ch.isalnum()]
    hidden = set(digits[4:-4])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(run))

@dataclass(frozen=True)
class User:
    username: str
    role: str
    units: tuple[str, ...] = field(default_factory=tuple)

    @property
    def level(self) -> str | None:
        """The review level this user decides at (None: read-only)."""
        return DECIDING.get(self.role)

    @property
    def sees_ids(self) -> bool:
        return self.role == "hr"


def can_see_unit(user: User, unit: str | None) -> bool:
    if user.role == "employer" or (user.role == "department" and user.units):
        return unit is not None and unit in user.units
    return user.role in ROLES


def can_decide(user: User, unit: str | None) -> bool:
    return user.level is not None and can_see_unit(user, unit)


def queue_for(user: User, pending: list[dict]) -> list[dict]:
    """The pending claims this user works on: their level's turn, in their units (analysts: all)."""
    return [c for c in pending if can_see_unit(user, c.get("unit"))
            and (user.level is None or c.get("next_level") == user.level)]


def mask_ids(user: User, text):
    """4101**********1234 (4101*******1234 for an old 15-digit one) for every resident ID number in text, unless the role needs them."""
    if user.sees_ids or not isinstance(text, str):
        return text
    return _ID_RUN.sub(lambda m: _mask(m.group(0)) if _is_id(m.group(0)) else m.group(0), text)


def has_id(text: str | None) -> bool:
    return bool(text) and any(_is_id(m.group(0)) for m in _ID_RUN.finditer(text))
