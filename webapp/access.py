"""Who may see and decide what: every role and unit check of the app, in one place.

- employer reviewer: the claims of the units assigned to them; decides at the employer level.
- department reviewer: every unit (or only its assigned units, if any); decides at the department level.
- hr reviewer: every unit; decides at the hr level; the only role that sees full resident ID numbers.
- analyst: every unit, read-only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ROLES = ("employer", "department", "hr", "analyst")
DECIDING = {"employer": "employer", "department": "department", "hr": "hr"}

# 18-digit resident ID (GB 11643): 6-digit region, 8-digit birth date, 3-digit sequence, check digit.
_ID = re.compile(r"(?<!\d)(\d{4})\d{10}(\d{3}[\dXx])(?!\d)")


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
    """4101**********1234 for every resident ID number in text, unless the role needs them."""
    if user.sees_ids or not isinstance(text, str):
        return text
    return _ID.sub(lambda m: m.group(1) + "*" * 10 + m.group(2), text)


def has_id(text: str | None) -> bool:
    return bool(text) and bool(_ID.search(text))
