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
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .. import dates
from ..ledger import Ledger
from . import extensions, rules

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


@dataclass
class CaseFacts:
    """What the clocks of one case are computed from."""

    case: dict[str, Any]
    stages: dict[str, str]            # stage → date
    orders: list[str]                 # the latest order's service date (or none)
    rechecks: list[str]               # the latest recheck's date (or none)
    seizures: list[dict[str, Any]]    # those not released
    extensions: list[dict[str, Any]]  # the latest due date extended to (or none)


def case_clocks(facts: CaseFacts, on: dt.date) -> list[Clock]:
    case = facts.case
    if case["stage"] == "closed":
        return []
    found: list[Clock] = []

    def add(clock: str, started: str, due: dt.date, amount: int | None = None) -> None:
        found.append(Clock(case["id"], case["case_number"], clock, started, due.isoformat(),
                           (due - on).days, amount))

    due = extensions.decision_due(case, facts.extensions)
    if due and not case["decided_on"]:
        add("decision", case["opened_on"], rules.day(due))
    if facts.orders:
        served = facts.orders[-1]
        if not any(r >= served for r in facts.rechecks):
            add("recheck", served, rules.after(served, rules.RECHECK_DAYS))
    for row in facts.seizures:
        if not row["released_on"]:
            add("seizure", row["starts_on"], rules.day(row["extended_to"] or row["ends_on"]))
    served = facts.stages.get("served")
    if served and not ({"paid", "enforced"} & facts.stages.keys()):
        add("payment", served, rules.payment_due(served))
        if on > rules.payment_due(served) and case["fine_fen"]:
            days = rules.surcharge_days(served, on)
            add("surcharge", rules.payment_due(served).isoformat(),
                rules.surcharge_capped_on(served, case["fine_fen"]),
                rules.surcharge_fen(case["fine_fen"], days))
    return found


def facts(ledger: Ledger, case_id: str) -> CaseFacts:
    return _facts(ledger, "WHERE c.id = ?", (case_id,))[0]


def running(ledger: Ledger, on: dt.date | None = None, due_within: int | None = None,
            where: str = "", params: tuple = ()) -> list[Clock]:
    """Every clock running on `on` (today), soonest due first; with `due_within`, only
    those due within that many days (overdue ones included)."""
    on = on or dates.today()
    found = [clock for f in _facts(ledger, f"WHERE {MAY_RUN} {where}", params)
             for clock in case_clocks(f, on)]
    if due_within is not None:
        found = [c for c in found if c.days_left <= due_within]
    return sorted(found, key=lambda c: (c.days_left, c.case_number, CLOCKS.index(c.clock)))


# The cases that can have a clock running: most cases are paid, closed or decided and
# unserved with nothing pending, and are left out here without reading their stages.
MAY_RUN = """c.stage <> 'closed' AND (
    c.stage IN ('opened', 'investigated', 'notified', 'heard', 'served')
    OR EXISTS (SELECT 1 FROM penalty_seizure s WHERE s.case_id = c.id AND s.released_on IS NULL)
    OR EXISTS (SELECT 1 FROM penalty_order o WHERE o.case_id = c.id))"""


def queue(ledger: Ledger, on: dt.date | None = None) -> dict[str, list[Clock]]:
    """A manager's queue: clocks overdue, and clocks due this week (within 7 days)."""
    found = running(ledger, on, due_within=WEEK)
    return {"overdue": [c for c in found if c.overdue],
            "this_week": [c for c in found if not c.overdue]}


def _facts(ledger: Ledger, where: str, params: tuple) -> list[CaseFacts]:
    """The facts of the cases `where` selects, read with one grouped query per table:
    what a clock needs is each case's latest order, recheck and extension, its seizures
    not released, and whether it was served or paid."""
    cases = [dict(r) for r in ledger.conn.execute(
        f"SELECT c.id, c.case_number, c.stage, c.opened_on, c.decided_on, c.fine_fen "
        f"FROM penalty_case c {where}", params)]
    if not cases:
        return []
    ids = json.dumps([c["id"] for c in cases])
    picked = "case_id IN (SELECT value FROM json_each(?))"

    def by_case(sql: str) -> dict[str, list[dict[str, Any]]]:
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in ledger.conn.execute(sql.format(picked=picked), (ids,)):
            grouped[row["case_id"]].append(dict(row))
        return grouped

    stages = by_case("SELECT case_id, stage, happened_on FROM penalty_stage WHERE {picked} "
                     "AND stage IN ('served', 'paid', 'enforced')")
    orders = by_case("SELECT case_id, max(served_on) AS served_on FROM penalty_order "
                     "WHERE {picked} GROUP BY case_id")
    rechecks = by_case("SELECT case_id, max(checked_on) AS checked_on FROM penalty_recheck "
                       "WHERE {picked} GROUP BY case_id")
    seizures = by_case("SELECT * FROM penalty_seizure WHERE {picked} AND released_on IS NULL "
                       "ORDER BY starts_on")
    extended = by_case("SELECT case_id, max(due_on) AS due_on FROM penalty_extension "
                       "WHERE {picked} GROUP BY case_id")
    return [CaseFacts(c, {s["stage"]: s["happened_on"] for s in stages[c["id"]]},
                      [o["served_on"] for o in orders[c["id"]]],
                      [r["checked_on"] for r in rechecks[c["id"]]],
                      seizures[c["id"]], extended[c["id"]]) for c in cases]
