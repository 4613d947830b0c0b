"""The legal clocks still running on penalty cases, with the days left on a given day.

decision   90 days from 立案 (120 with the head's extension, or a collective decision's date)
recheck    30 days from serving an order to correct, until a recheck is recorded
seizure    the seizure's end (or its extension's), until released
payment    15 days from serving the decision, until paid or enforced
surcharge  3% of the fine a day once payment is late, until paid; due on the day it
           reaches the fine (the cap)
A closed case (结案) runs no clock. Negative days left are days overdue.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TYPE_CHECKING

from .. import dates
from . import rules

if TYPE_CHECKING:
    from ..ledger import Ledger

CLOCKS = ("decision", "recheck", "seizure", "payment", "surcharge")
WEEK = 7


@dataclass(frozen=True)
class Clock:
    case_id: str
    case_number: str
    clock: str
    started_on: str
    due_on: str
    days_left: int
    amount_fen: int | None = None  # the surcharge accrued so far

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    def as_json(self) -> dict[str, Any]:
        data = {"case_number": self.case_number, "clock": self.clock, "due_on": self.due_on,
                "days_left": self.days_left, "started_on": self.started_on,
                "case_id": self.case_id}
        if self.amount_fen is not None:
            data["amount_fen"] = self.amount_fen
        return data


# Every running clock of the cases picked, one row each: (case id, case number, clock,
# started on, due on, fine). The periods come from rules.py; this is the one place that
# says which clock runs when. ISO dates compare as text.
_CLOCKS_SQL = f"""
WITH picked AS (SELECT c.id, c.case_number, c.stage, c.opened_on, c.decided_on, c.fine_fen
                FROM penalty_case c WHERE {{where}})
SELECT id, case_number, 'decision' AS clock, opened_on AS started_on,
       max(date(opened_on, '+{rules.DECISION_DAYS} days'),
           coalesce((SELECT max(due_on) FROM penalty_extension e WHERE e.case_id = p.id), ''))
       AS due_on, fine_fen
  FROM picked p WHERE opened_on IS NOT NULL AND decided_on IS NULL
UNION ALL
SELECT p.id, case_number, 'recheck', o.served, date(o.served, '+{rules.RECHECK_DAYS} days'),
       fine_fen
  FROM picked p JOIN (SELECT case_id, max(served_on) AS served FROM penalty_order
                      GROUP BY case_id) o ON o.case_id = p.id
 WHERE NOT EXISTS (
       SELECT 1 FROM penalty_recheck r WHERE r.case_id = p.id AND r.checked_on >= o.served)
UNION ALL
SELECT p.id, case_number, 'seizure', s.starts_on, coalesce(s.extended_to, s.ends_on), fine_fen
  FROM picked p JOIN penalty_seizure s ON s.case_id = p.id AND s.released_on IS NULL
UNION ALL
SELECT p.id, case_number, 'payment', st.happened_on,
       date(st.happened_on, '+{rules.PAYMENT_DAYS} days'), fine_fen
  FROM picked p JOIN penalty_stage st ON st.case_id = p.id AND st.stage = 'served'
 WHERE p.stage = 'served'
UNION ALL
SELECT p.id, case_number, 'surcharge', date(st.happened_on, '+{rules.PAYMENT_DAYS} days'),
       date(st.happened_on, '+{rules.PAYMENT_DAYS + rules.SURCHARGE_CAP_DAYS} days'), fine_fen
  FROM picked p JOIN penalty_stage st ON st.case_id = p.id AND st.stage = 'served'
 WHERE p.stage = 'served' AND fine_fen > 0
   AND date(st.happened_on, '+{rules.PAYMENT_DAYS} days') < :on
"""


def _clock(row: Any, on: dt.date) -> Clock:
    case_id, number, kind, started, due, fine = tuple(row)
    amount = None
    if kind == "surcharge":  # started on the payment deadline: each day after it adds 3%
        amount = rules.surcharge_fen(fine, (on - rules.day(started)).days)
    return Clock(case_id, number, kind, started, due, (rules.day(due) - on).days, amount)


def _clocks(ledger: Ledger, where: str, params: dict[str, Any], on: dt.date) -> list[Clock]:
    sql = _CLOCKS_SQL.format(where=where)
    return [_clock(row, on) for row in ledger.conn.execute(sql, {**params, "on": on.isoformat()})]


def counts(ledger: Ledger, on: dt.date, where: str = "", params: tuple = ()) -> dict[str, int]:
    """How many clocks are overdue on `on`, and how many fall due within a week (the
    dashboard's figures), counted by SQLite without making a Clock of each."""
    named, narrowed = _named(where, params)
    sql = (f"SELECT coalesce(sum(due_on < :on), 0), "
           f"coalesce(sum(due_on >= :on AND due_on <= :week), 0) "
           f"FROM ({_CLOCKS_SQL.format(where=f'{MAY_RUN} {narrowed}')})")
    overdue, week = ledger.conn.execute(sql, {**named, "on": on.isoformat(), "week": (
        on + dt.timedelta(days=WEEK)).isoformat()}).fetchone()
    return {"overdue": overdue, "this_week": week}


def _named(where: str, params: tuple) -> tuple[dict[str, Any], str]:
    """A caller's filter with positional marks, as named ones (the statement uses :on)."""
    named = {f"p{i}": value for i, value in enumerate(params)}
    for name in named:
        where = where.replace("?", f":{name}", 1)
    return named, where


def of_case(ledger: Ledger, case_id: str, on: dt.date | None = None) -> list[Clock]:
    """The clocks running on one case on `on` (today), soonest due first."""
    return _sorted(_clocks(ledger, "c.id = :case AND c.stage <> 'closed'", {"case": case_id},
                           on or dates.today()))


def running(ledger: Ledger, on: dt.date | None = None, due_within: int | None = None,
            where: str = "", params: tuple = ()) -> list[Clock]:
    """Every clock running on `on` (today), soonest due first; with `due_within`, only
    those due within that many days (overdue ones included). `where` narrows the cases
    (e.g. " AND region_code BETWEEN ? AND ?" with its `params`)."""
    on = on or dates.today()
    named, narrowed = _named(where, params)
    found = _clocks(ledger, f"{MAY_RUN} {narrowed}", named, on)
    if due_within is not None:
        found = [c for c in found if c.days_left <= due_within]
    return _sorted(found)


def _sorted(found: list[Clock]) -> list[Clock]:
    return sorted(found, key=lambda c: (c.days_left, c.case_number, CLOCKS.index(c.clock)))


# The cases that can have a clock running: most cases are paid, closed or decided and
# unserved with nothing pending; these are found through the stage index and the two
# small tables, without reading every case.
MAY_RUN = """c.id IN (
    SELECT id FROM penalty_case
     WHERE stage IN ('opened', 'investigated', 'notified', 'heard', 'served')
    UNION SELECT case_id FROM penalty_seizure WHERE released_on IS NULL
    UNION SELECT case_id FROM penalty_order) AND c.stage <> 'closed'"""


def queue(ledger: Ledger, on: dt.date | None = None) -> dict[str, list[Clock]]:
    """A manager's queue: clocks overdue, and clocks due this week (within 7 days)."""
    found = running(ledger, on, due_within=WEEK)
    return {"overdue": [c for c in found if c.overdue],
            "this_week": [c for c in found if not c.overdue]}


def case_names(ledger: Ledger, case_ids: set[str]) -> dict[str, str]:
    """case id → the enterprise's name (or the county's, for a case without one)."""
    import json

    return {row[0]: row[1] for row in ledger.conn.execute(
        "SELECT c.id, coalesce(e.name, r.name) FROM penalty_case c "
        "LEFT JOIN enterprise e ON e.id = c.enterprise_id JOIN region r ON r.code = c.region_code "
        "WHERE c.id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(case_ids)),))}
