"""Deadlines (整改时限) as bureaus write them, read into one value that figures can use.

A deadline is a calendar date, or one of the texts real ledgers carry: 立行立改 / 即查即改 (at
once: the day it was assigned), a month or year end ("2024年6月底前", "2019年底前",
"2020年6月", resolved to the last day and kept with its wording), 长期坚持 (ongoing: no end,
never overdue, counted on its own), a date followed by ongoing ("2025年底前，并长期坚持":
overdue by the date like any dated deadline, then kept up), a number of working days
("20个工作日内": counted from the day after the start on the official calendar, see
`core.working_days`), and vague texts ("采暖期前") that are kept, with no date, for the clerk
to set one. Every front end and figure reads deadlines through `parse`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from . import dates, messages, working_days


class Kind(str, Enum):
    DATE = "date"
    AT_ONCE = "at_once"                      # 立行立改 / 即查即改
    PERIOD_END = "period_end"                # 2024年6月底前 / 2019年底前 / 2020年6月
    ONGOING = "ongoing"                      # 长期坚持
    DATE_THEN_ONGOING = "date_then_ongoing"  # 2025年底前，并长期坚持
    WORKING_DAYS = "working_days"            # 20个工作日内
    VAGUE = "vague"                          # 采暖期前: the clerk must set a date


# Kinds without an end date; the tallies key an open problem's deadline by these words
# (they sort after every ISO date, so no date comparison ever counts them as due).
UNDATED = (Kind.ONGOING.value, Kind.VAGUE.value)

_AT_ONCE = ("立行立改", "即查即改", "立查立改", "立即整改", "即知即改", "边查边改")
_ONGOING = ("长期坚持", "长期推进", "持续推进", "长期")
_BEFORE = r"(?:前|之前|以前|止)?"
_PERIOD = re.compile(r"^(\d{4})\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:份)?\s*(?:底|末|内)?" + _BEFORE + "$")
_DATE_BEFORE = re.compile(r"^(.+?\d\s*日?)\s*" + _BEFORE + "$")
_WORKING = re.compile(r"^(\d{1,3})\s*个?\s*工作日\s*(?:内|之内|以内)?$")
_DATE_LIKE = re.compile(r"^[\d\s\-/.年月日号]+$")
_JOINERS = "，,;；、。 \u3000并且及和"


@dataclass(frozen=True)
class Deadline:
    """A deadline as read: its kind, its date (None when it has none) and its wording."""

    kind: Kind
    date: str | None = None
    text: str | None = None  # the wording as written; None for a plain date
    working_days: int | None = None

    @property
    def ongoing(self) -> bool:
        return self.kind in (Kind.ONGOING, Kind.DATE_THEN_ONGOING)

    @property
    def needs_date(self) -> bool:
        """A vague text: the clerk should set a date."""
        return self.kind is Kind.VAGUE

    @property
    def marker(self) -> str:
        """How the tallies key an open problem's deadline: its date, or a kind word."""
        return self.date or self.kind.value


def parse(value: object, start: object) -> Deadline:
    """Read a deadline as typed or imported; `start` (the assigned date) anchors 立行立改 and
    working days. Raises LedgerError for a working-day count the calendar cannot cover."""
    if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
        return Deadline(Kind.DATE, dates.iso(value))
    text = " ".join(str(value or "").split())
    plain = _plain_date(text)
    if plain:
        return Deadline(Kind.DATE, plain)
    if _DATE_LIKE.match(text.translate(_DIGITS)) and not _period_end(text):
        raise dates.DateError(value)  # a mistyped date (2024-9-31) is not a vague text
    if text in _AT_ONCE:
        return Deadline(Kind.AT_ONCE, dates.iso(start), text)
    rest = _without_ongoing(text)
    if rest is not None:
        if not rest:
            return Deadline(Kind.ONGOING, None, text)
        first = parse(rest, start)
        if first.date and first.kind is not Kind.VAGUE:
            return Deadline(Kind.DATE_THEN_ONGOING, first.date, text)
        return Deadline(Kind.VAGUE, None, text)
    period = _period_end(text)
    if period:
        return Deadline(Kind.PERIOD_END, period, text)
    before = _DATE_BEFORE.match(text)
    if before and _plain_date(before.group(1)):
        return Deadline(Kind.DATE, _plain_date(before.group(1)), text)
    working = _WORKING.match(text.translate(_DIGITS))
    if working:
        count = int(working.group(1))
        day = working_days.add_working_days(dates.parse_date(start), count)
        return Deadline(Kind.WORKING_DAYS, day.isoformat(), text, count)
    return Deadline(Kind.VAGUE, None, text)


_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _plain_date(text: str) -> str | None:
    try:
        day = dates.parse_date(text)
    except dates.DateError:
        return None
    return day.isoformat()


def _without_ongoing(text: str) -> str | None:
    """The text before "…并长期坚持" (empty for 长期坚持 alone); None if not ongoing."""
    for word in _ONGOING:
        if text.endswith(word):
            return text[: -len(word)].rstrip(_JOINERS).strip()
    return None


def _period_end(text: str) -> str | None:
    match = _PERIOD.match(text.translate(_DIGITS))
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else 12
    if not 1 <= month <= 12 or not 1980 <= year <= 2100:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def stored(kind: str | None, day: str | None, text: str | None) -> Deadline:
    """The deadline a row keeps (kind, date, wording)."""
    return Deadline(Kind(kind or Kind.DATE.value), day, text)


def typed(kind: str | None, day: str | None, text: str | None) -> str:
    """What a form shows for a stored deadline: the wording, or the date."""
    return text or day or ""


def describe(kind: str | None, day: str | None, text: str | None) -> str:
    """A stored deadline for reading: the date with the wording it came from, 长期坚持, or the
    vague wording marked as waiting for a date."""
    deadline = stored(kind, day, text)
    if deadline.kind is Kind.DATE and not text:
        return day or ""
    if deadline.kind is Kind.ONGOING:
        return text or messages.text("deadline.ongoing")
    if deadline.kind is Kind.VAGUE:
        return messages.text("deadline.vague", text=text or "")
    return messages.text("deadline.dated_text", date=day, text=text or "")
