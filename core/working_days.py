"""Working days on the official Chinese calendar (State Council holidays and make-up days).

Deadlines such as "20个工作日内" (the ministry's term for an interviewed city's rectification
plan, or a 双随机 result's publication) count working days from the day after the start: a
weekday that is a public holiday does not count, a weekend day made a working day (调休补班)
does. The calendar comes from the maintained `chinese-calendar` package, which knows each year
only once the State Council has published it; a year it does not cover is refused by name.
"""
from __future__ import annotations

import datetime as dt

import chinese_calendar

from .errors import LedgerError


def covered_years() -> range:
    """The years whose holidays and make-up working days the calendar knows."""
    years = sorted({day.year for day in chinese_calendar.holidays})
    return range(years[0], years[-1] + 1)


def is_working_day(day: dt.date) -> bool:
    """Whether `day` is a working day on the official calendar."""
    years = covered_years()
    if day.year not in years:
        raise LedgerError("error.calendar_year", year=day.year,
                          first=years.start, last=years.stop - 1)
    return chinese_calendar.is_workday(day)


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The day on which the `count`-th working day after `start` falls (start not counted)."""
    if count < 1:
        raise LedgerError("error.working_days_count", count=count)
    day = start
    left = count
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end is not later)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day)
    return count
