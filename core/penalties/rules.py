"""The legal periods of a penalty case, as date arithmetic on plain values (no database).

Every period here is in calendar days: the measures say 日, and only the Administrative
Penalty Law's 二日、三日、五日、七日 are working days (行政处罚法 第八十五条), none of which
is a clock of this ledger. A period "within N days of" an event starts the day after it
(the start day is not counted: 民法典 第二百零一条), so it ends on the event's date + N.

Sources, cited at each rule below:
- 行政处罚法 (2021 revision), for the decision period, payment and the late-payment surcharge;
- 生态环境行政处罚办法 (生态环境部令第30号, 2023), which repeats the decision period for
  the bureaus with its extensions — the article number is cited as we recall it;
- 环境保护主管部门实施按日连续处罚办法 (环境保护部令第28号, 2014), articles 10, 17–20;
- 环境保护主管部门实施查封、扣押办法 (环境保护部令第29号, 2014) and 行政强制法 第二十五条
  for the seizure period.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

# 行政处罚法 第六十条: a decision within 90 days of 立案. 生态环境行政处罚办法 (2023) sets
# the same 90 days with one extension of 30 days approved by the bureau's head, and further
# extensions only by the heads' collective discussion, which fixes the new period (we
# recall this as its 第五十七条; check the number against the text before quoting it).
DECISION_DAYS = 90
DECISION_EXTENSION_DAYS = 30

# 按日连续处罚办法 第十条 (as we recall the number): the recheck (复查) within 30 days of
# serving the order to correct (责令改正违法行为决定书).
RECHECK_DAYS = 30

# 行政强制法 第二十五条, repeated by the ministry's 查封、扣押办法 (its article on the period;
# we do not recall its number with certainty): a seizure lasts at most 30 days; where the
# case is complex, the head may approve one extension of at most 30 days.
SEIZURE_DAYS = 30
SEIZURE_EXTENSION_DAYS = 30

# 行政处罚法 第六十七条 第三款: the fine is paid within 15 days of receiving the decision.
PAYMENT_DAYS = 15
# 行政处罚法 第七十二条 第一款 第（一）项: unpaid when due, 3% of the fine is added each day,
# never more than the fine itself (also 行政强制法 第四十五条).
SURCHARGE_PERCENT_PER_DAY = 3
# The days after the payment deadline until the surcharge reaches the fine: 33 days make
# 99%, the 34th reaches 100% (ceil(100 / 3)).
SURCHARGE_CAP_DAYS = -(-100 // SURCHARGE_PERCENT_PER_DAY)

# The results of a recheck (stored in the column `finding`). 按日连续处罚办法 第十三条 and 第十七条: still discharging is refusing
# to correct; 第二十条: once restriction, stop or seizure has ended the discharge, no daily
# continuous penalty (the "stopped" result).
STILL_DISCHARGING = "still_discharging"
CORRECTED = "corrected"
STOPPED = "stopped"
RECHECK_RESULTS = (STILL_DISCHARGING, CORRECTED, STOPPED)


def day(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def after(start: str | dt.date, days: int) -> dt.date:
    """The last day of a period of `days` days from `start` (start not counted)."""
    return day(start) + dt.timedelta(days=days)


# -- the decision period

def decision_due(opened_on: str | dt.date, head_extended: bool = False,
                 collective_due: str | dt.date | None = None) -> dt.date:
    """The last day to decide: 90 days after 立案, 120 with the head's extension, or the
    date a collective decision set."""
    if collective_due is not None:
        return day(collective_due)
    return after(opened_on, DECISION_DAYS + (DECISION_EXTENSION_DAYS if head_extended else 0))


# -- payment and the late-payment surcharge (加处罚款)

def payment_due(served_on: str | dt.date) -> dt.date:
    return after(served_on, PAYMENT_DAYS)


def surcharge_days(served_on: str | dt.date, on: str | dt.date,
                   paid_on: str | dt.date | None = None) -> int:
    """Days of surcharge by `on` (or up to the day paid, if paid before `on`)."""
    end = day(on) if paid_on is None else min(day(on), day(paid_on))
    return max(0, (end - payment_due(served_on)).days)


def surcharge_fen(fine_fen: int, days: int) -> int:
    """3% of the fine per day, rounded half up to the fen, at most the fine."""
    return min(fine_fen, (fine_fen * SURCHARGE_PERCENT_PER_DAY * days + 50) // 100)


def surcharge_capped_on(served_on: str | dt.date, fine_fen: int) -> dt.date:
    """The first day on which the surcharge reaches the fine (34 days after the due date
    at 3%: 33 days make 99%)."""
    return payment_due(served_on) + dt.timedelta(days=SURCHARGE_CAP_DAYS if fine_fen else 0)


# -- daily continuous penalty (按日连续处罚)

@dataclass(frozen=True)
class Event:
    """An order served (result None) or a recheck with its result."""

    on: dt.date
    result: str | None = None


@dataclass(frozen=True)
class CountedPeriod:
    """Days counted for one recheck that found the discharge still going."""

    first: dt.date       # the day after the order was served, or after the last count
    last: dt.date        # the recheck's day
    order_served_on: dt.date
    days: int
    episode: int         # 1, 2 …: a correction ends one, a new order starts the next


@dataclass(frozen=True)
class DailyCount:
    periods: tuple[CountedPeriod, ...]
    fine_fen: int  # the original decision's fine: the fine of each day counted

    @property
    def days(self) -> int:
        return sum(p.days for p in self.periods)

    @property
    def total_fen(self) -> int:
        """按日连续处罚办法 第十九条: the original fine times the days counted."""
        return self.fine_fen * self.days


def count_days(orders: Iterable[str | dt.date], rechecks: Iterable[tuple[str | dt.date, str]],
               fine_fen: int) -> DailyCount:
    """The days counted under 按日连续处罚办法 第十七条 and 第十八条.

    From the day after the order was served to the day the recheck found the discharge
    still going; a further recheck that still finds it adds its days since the last one
    counted (累计执行), whether or not a new order was served between; a recheck finding it
    corrected, or ended by restriction, stop or seizure (第二十条), closes the count, and
    only a new order after it (a new violation, 第十八条) starts a new one."""
    events = sorted([Event(day(o)) for o in orders]
                    + [Event(day(on), result) for on, result in rechecks],
                    key=lambda e: (e.on, e.result is not None))
    periods: list[CountedPeriod] = []
    counted_to: dt.date | None = None  # the last day counted (or the order's service day)
    served: dt.date | None = None
    episode = 0
    for event in events:
        if event.result is None:
            if counted_to is None:
                counted_to, served, episode = event.on, event.on, episode + 1
            continue
        if counted_to is None:
            continue  # a recheck with no order running counts nothing
        if event.result == STILL_DISCHARGING:
            days = (event.on - counted_to).days
            periods.append(CountedPeriod(counted_to + dt.timedelta(days=1), event.on,
                                         served, days, episode))
            counted_to = event.on
        else:
            counted_to = served = None
    return DailyCount(tuple(periods), fine_fen)


# -- seizure (查封、扣押)

@dataclass(frozen=True)
class SeizurePeriod:
    starts_on: dt.date
    ends_on: dt.date
    extended_to: dt.date | None = None
    released_on: dt.date | None = None

    @property
    def due(self) -> dt.date:
        """The last day the seizure may last: its end, or its extension's."""
        return self.extended_to or self.ends_on

    def days_left(self, on: dt.date) -> int | None:
        """Days until the seizure must end; None once released."""
        return None if self.released_on else (self.due - on).days

    def overrun_days(self, on: dt.date) -> int:
        """Days held past its end without release or extension (or released late)."""
        end = self.released_on or on
        return max(0, (end - self.due).days)


def seizure_limits(starts_on: str | dt.date) -> tuple[dt.date, dt.date]:
    """The latest end of a seizure from `starts_on`, and of its one extension."""
    end = after(starts_on, SEIZURE_DAYS)
    return end, end + dt.timedelta(days=SEIZURE_EXTENSION_DAYS)
