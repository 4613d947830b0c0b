"""Calendar dates as clerks write them, stored as ISO text (YYYY-MM-DD)."""
from __future__ import annotations

import datetime as dt
import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９／．－　", "0123456789/.- ")
_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Excel's day 1 is 1900-01-01, but it counts a 1900-02-29 that never was.
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class DateError(ValueError):
    """A text that is not a calendar date; `value` is what was given."""

    def __init__(self, value: object):
        super().__init__(f"not a date: {value!r}")
        self.value = value


def parse_date(value: object) -> dt.date:
    """Read a date typed or pasted in any of the forms bureaus use."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return from_excel_serial(value)
    if not isinstance(value, str):
        raise DateError(value)
    text = value.translate(_FULLWIDTH).strip()
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if not match:
        raise DateError(value)
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise DateError(value) from None


def from_excel_serial(serial: float) -> dt.date:
    """Convert an Excel serial day number (1900 date system) to a date."""
    if not 1 <= serial < 2958466:  # 9999-12-31
        raise DateError(serial)
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def iso(value: object) -> str:
    """The ISO text of a date given in any accepted form."""
    return parse_date(value).isoformat()


def optional_iso(value: object) -> str | None:
    """Like `iso`, but blank (None or whitespace) stays None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return iso(value)


def today() -> dt.date:
    return dt.date.today()


def shift(day: str, days: int) -> str:
    """The ISO date `days` after (or before) the ISO date `day`."""
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
