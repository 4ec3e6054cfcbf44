"""Fake declarants: name, gender, birth date, resident ID with a valid GB 11643 check digit,
city, employer unit, department, profession and professional title."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict, dataclass

from samplegen import identifiers, vocab


@dataclass
class Person:
    person_id: str
    name: str
    gender: str  # 男 / 女
    birth: dt.date
    id_number: str
    city: str
    unit: str
    unit_abbr: str  # used in the unit's own 文号
    dept: str
    profession: str
    title: str

    @property
    def city_abbr(self) -> str:
        return vocab.CITIES[self.city][0]

    def to_label(self) -> dict:
        """JSON-ready dict for labels.json."""
        d = asdict(self)
        d["birth"] = self.birth.isoformat()
        return d


def make_name(rng: random.Random, gender: str | None = None) -> tuple[str, str]:
    """A Chinese name and its gender."""
    gender = gender or rng.choice("男女")
    surname = rng.choice(vocab.SURNAMES)
    given = rng.choice(vocab.GIVEN_MALE if gender == "男" else vocab.GIVEN_FEMALE)
    return surname + given, gender


def other_name(rng: random.Random, avoid: str) -> str:
    """A name different from `avoid` (for co-authors, co-inventors and mismatches)."""
    while True:
        name, _ = make_name(rng)
        if name != avoid:
            return name


def make_person(rng: random.Random, person_id: str, used_names: set[str],
                profession: str | None = None) -> Person:
    """One realistic declarant; names are unique within `used_names`."""
    while True:
        name, gender = make_name(rng)
        if name not in used_names:
            used_names.add(name)
            break
    city = rng.choice(list(vocab.CITIES))
    birth = dt.date(rng.randint(1966, 1996), rng.randint(1, 12), rng.randint(1, 28))
    area = identifiers.area_code(vocab.CITIES[city][1], birth.year, rng)
    seq = rng.randrange(0, 500) * 2 + (1 if gender == "男" else 0)
    profession = profession or rng.choice(vocab.PROFESSIONS)
    pattern, abbr = rng.choice(vocab.UNITS[profession])
    return Person(
        person_id=person_id, name=name, gender=gender, birth=birth,
        id_number=identifiers.resident_id(area, birth, seq % 1000), city=city,
        unit=pattern.format(c=city), unit_abbr=abbr, dept=rng.choice(vocab.DEPARTMENTS[profession]),
        profession=profession, title=rng.choice(vocab.TITLES[profession]),
    )
