"""Working-day deadlines on the official calendar, against dates worked by hand."""
from __future__ import annotations

import datetime as dt

import pytest

from core import working_days
from core.errors import LedgerError


def test_twenty_working_days_over_national_day_2025():
    # 2025: 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 are make-up working days.
    # From Friday 2025-09-26: 09-28, 09-29, 09-30 (3), 10-09, 10-10, 10-11 (6),
    # 10-13..10-17 (11), 10-20..10-24 (16), 10-27..10-30 (20).
    assert working_days.add_working_days(dt.date(2025, 9, 26), 20) == dt.date(2025, 10, 30)


def test_make_up_saturday_counts_and_holiday_weekday_does_not():
    assert working_days.is_working_day(dt.date(2025, 10, 11))  # Saturday, 补班
    assert not working_days.is_working_day(dt.date(2025, 10, 6))  # Monday, 国庆
    assert working_days.add_working_days(dt.date(2025, 10, 10), 1) == dt.date(2025, 10, 11)


def test_start_day_itself_is_not_counted():
    monday = dt.date(2025, 6, 9)
    assert working_days.add_working_days(monday, 1) == dt.date(2025, 6, 10)
    assert working_days.working_days_between(monday, dt.date(2025, 6, 13)) == 4


def test_year_the_calendar_does_not_know_is_refused_in_chinese():
    last = working_days.covered_years().stop - 1
    with pytest.raises(LedgerError) as raised:
        working_days.add_working_days(dt.date(last, 12, 20), 20)
    assert f"{last + 1}年" in str(raised.value)
    assert "尚未收录" in str(raised.value)


def test_count_must_be_positive():
    with pytest.raises(LedgerError):
        working_days.add_working_days(dt.date(2025, 1, 2), 0)
