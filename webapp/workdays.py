"""Age of a waiting claim in Chinese working days (chinese-calendar: public holidays and the
make-up working days on weekends). Years the calendar does not cover count Monday–Friday."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache


@lru_cache(maxsize=8192)
def is_workday(day: date) -> bool:
    import chinese_calendar

    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:  # outside the years the package knows
        return day.weekday() < 5


def working_days_between(start: date | datetime, end: date | datetime) -> int:
    """Working days after `start` up to and including `end` (0 on the same day)."""
    start = start.date() if isinstance(start, datetime) else start
    end = end.date() if isinstance(end, datetime) else end
    days, day = 0, start + timedelta(days=1)
    while day <= end:
        days += is_workday(day)
        day += timedelta(days=1)
    return days


def age(since: date | datetime | None, today: date | None = None) -> int | None:
    if since is None:
        return None
    return working_days_between(since, today or date.today())
