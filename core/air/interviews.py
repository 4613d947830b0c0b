"""Interviews (约谈) of a unit over its air quality, and restrictions of approvals (限批).

An interviewed unit hands in a rectification plan within N working days on the official
calendar (the ministry's usual term is 20); its measures are tracked like a problem's (each
with a deadline, a person and progress); new air-polluting projects' environmental approvals
may be suspended from a date until lifted.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt
from dataclasses import dataclass

from .. import dates
from ..changes import Changes
from ..db import now
from ..errors import LedgerError
from ..ids import new_id
from ..validation import Form
from ..working_days import add_working_days

if TYPE_CHECKING:
    from ..ledger import Ledger

DEFAULT_PLAN_DAYS = 20


@dataclass(frozen=True)
class Measure:
    id: str
    seq: int
    description: str
    deadline: str | None
    responsible: str | None
    progress: int
    done_on: str | None


@dataclass(frozen=True)
class Interview:
    id: str
    region_code: str
    held_on: str
    held_by: str
    reasons: str
    requirements: str | None
    plan_days: int | None
    plan_due: str | None
    plan_submitted_on: str | None
    restriction_from: str | None
    restriction_until: str | None
    restriction_scope: str | None
    measures: tuple[Measure, ...] = ()

    def restricted_on(self, day: str) -> bool:
        """Whether approvals stand suspended on `day`."""
        return bool(self.restriction_from) and self.restriction_from <= day and (
            not self.restriction_until or day < self.restriction_until)

    def plan_overdue_on(self, day: str) -> bool:
        return bool(self.plan_due) and not self.plan_submitted_on and day > self.plan_due


def _day(value: object, field: str) -> str:
    try:
        return dates.parse_date(value).isoformat()
    except dates.DateError:
        raise LedgerError("error.air_interview_date", field=messages_field(field),
                          value=value) from None


def _optional_day(value: object, field: str) -> str | None:
    return None if value in (None, "") else _day(value, field)


def plan_due(held_on: str, working_days: int) -> str:
    """The day a plan due within `working_days` working days of the interview falls due."""
    return add_working_days(dt.date.fromisoformat(held_on), working_days).isoformat()


FIELDS = ("region_code", "held_on", "held_by", "reasons", "requirements", "plan_days",
          "restriction_from", "restriction_until", "restriction_scope")
MAX_PLAN_DAYS = 120


def check(ledger: Ledger, raw: dict) -> Form:
    """Every finding about an interview as typed (the CLI, the form and `add` use this)."""
    form = Form(raw)
    form.region(ledger)
    form.date("held_on", required=True, not_future=True)
    form.text("held_by", required=True, max_length=100)
    form.text("reasons", required=True)
    form.text("requirements")
    if raw.get("plan_days") in (None, ""):
        form.values["plan_days"] = None
    else:
        form.integer("plan_days", 1, MAX_PLAN_DAYS)
    form.date("restriction_from", required=False)
    form.date("restriction_until", required=False)
    form.text("restriction_scope", max_length=200)
    if form.values.get("restriction_until") and not form.values.get("restriction_from"):
        form.fail("restriction_from", "error.air_restriction_no_start")
    form.ordered("restriction_from", "restriction_until", "error.air_restriction_order")
    return form


def add(ledger: Ledger, region_code: str, held_on: object, held_by: str, reasons: str,
        requirements: str | None = None, plan_days: int | None = DEFAULT_PLAN_DAYS,
        restriction_from: object = None, restriction_until: object = None,
        restriction_scope: str | None = None) -> Changes:
    """Record an interview; the plan's due day follows from the official calendar."""
    raw = dict(zip(FIELDS, (region_code, held_on, held_by, reasons, requirements, plan_days,
                            restriction_from, restriction_until, restriction_scope)))
    form = check(ledger, raw)
    form.raise_if_blocked()
    v = form.values
    due = plan_due(v["held_on"], v["plan_days"]) if v["plan_days"] else None
    row_id = new_id()
    stamp = now()
    with ledger.transaction():
        ledger.conn.execute(
            "INSERT INTO air_interview (id, created_at, updated_at, operator, region_code, "
            "held_on, held_by, reasons, requirements, plan_days, plan_due, restriction_from, "
            "restriction_until, restriction_scope) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row_id, stamp, stamp, ledger.operator, v["region_code"], v["held_on"],
             v["held_by"], v["reasons"], v["requirements"], v["plan_days"], due,
             v["restriction_from"], v["restriction_until"], v["restriction_scope"]))
    return Changes.of("air_interview", ids=(row_id,))


def messages_field(name: str) -> str:
    from .. import messages
    return messages.label("air.field." + name)


def _check_restriction(start: str | None, until: str | None) -> None:
    if until and not start:
        raise LedgerError("error.air_restriction_no_start")
    if start and until and until < start:
        raise LedgerError("error.air_restriction_reversed", start=start, until=until)


def plan_submitted(ledger: Ledger, interview_id: str, on: object) -> Changes:
    day = _day(on, "plan_submitted_on")
    interview = get(ledger, interview_id)
    if day < interview.held_on:
        raise LedgerError("error.air_plan_before_interview", day=day, held=interview.held_on)
    return _update(ledger, interview_id, plan_submitted_on=day)


def restrict(ledger: Ledger, interview_id: str, start: object, scope: str | None = None
             ) -> Changes:
    """Suspend approvals from `start` (限批)."""
    day = _day(start, "restriction_from")
    interview = get(ledger, interview_id)
    _check_restriction(day, interview.restriction_until)
    return _update(ledger, interview_id, restriction_from=day,
                   restriction_scope=scope or interview.restriction_scope)


def lift(ledger: Ledger, interview_id: str, on: object) -> Changes:
    """Lift the restriction of approvals on `on` (解除限批)."""
    day = _day(on, "restriction_until")
    interview = get(ledger, interview_id)
    _check_restriction(interview.restriction_from, day)
    return _update(ledger, interview_id, restriction_until=day)


def _update(ledger: Ledger, interview_id: str, **fields) -> Changes:
    sets = ", ".join(f"{name} = ?" for name in fields)
    with ledger.transaction():
        ledger.conn.execute(
            f"UPDATE air_interview SET {sets}, updated_at = ?, operator = ? WHERE id = ?",
            (*fields.values(), now(), ledger.operator, interview_id))
    return Changes.of("air_interview", ids=(interview_id,))


def add_measure(ledger: Ledger, interview_id: str, description: str,
                deadline: object = None, responsible: str | None = None) -> Changes:
    get(ledger, interview_id)
    if not str(description or "").strip():
        raise LedgerError("error.air_interview_blank", field=messages_field("measure"))
    due = _optional_day(deadline, "deadline")
    row_id = new_id()
    stamp = now()
    with ledger.transaction():
        seq = ledger.conn.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM air_interview_measure WHERE interview_id = ?",
            (interview_id,)).fetchone()[0]
        ledger.conn.execute(
            "INSERT INTO air_interview_measure (id, created_at, updated_at, operator, "
            "interview_id, seq, description, deadline, responsible) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row_id, stamp, stamp, ledger.operator, interview_id, seq, description.strip(),
             due, responsible))
    return Changes.of("air_interview_measure", ids=(row_id,))


def measure_progress(ledger: Ledger, measure_id: str, progress: int,
                     on: object = None) -> Changes:
    """Set a measure's progress (0–100); 100 marks it done on `on` (default today)."""
    if not 0 <= int(progress) <= 100:
        raise LedgerError("error.air_progress", value=progress)
    done = (_day(on, "done_on") if on else dates.today().isoformat()) if progress == 100 else None
    with ledger.transaction():
        changed = ledger.conn.execute(
            "UPDATE air_interview_measure SET progress = ?, done_on = ?, updated_at = ?, "
            "operator = ? WHERE id = ?", (int(progress), done, now(), ledger.operator,
                                          measure_id)).rowcount
    if not changed:
        raise LedgerError("error.air_interview_unknown", id=measure_id)
    return Changes.of("air_interview_measure", ids=(measure_id,))


_COLUMNS = ("id, region_code, held_on, held_by, reasons, requirements, plan_days, plan_due, "
            "plan_submitted_on, restriction_from, restriction_until, restriction_scope")


def get(ledger: Ledger, interview_id: str) -> Interview:
    row = ledger.conn.execute(f"SELECT {_COLUMNS} FROM air_interview WHERE id = ?",
                              (interview_id,)).fetchone()
    if row is None:
        raise LedgerError("error.air_interview_unknown", id=interview_id)
    return Interview(*row, measures=_measures(ledger, interview_id))


def _measures(ledger: Ledger, interview_id: str) -> tuple[Measure, ...]:
    return tuple(Measure(*r) for r in ledger.conn.execute(
        "SELECT id, seq, description, deadline, responsible, progress, done_on "
        "FROM air_interview_measure WHERE interview_id = ? ORDER BY seq", (interview_id,)))


def of_units(ledger: Ledger, first: str | None = None, last: str | None = None
             ) -> dict[str, list[Interview]]:
    """Interviews by unit: all, or those held in the range or with a restriction in force
    during it."""
    sql = f"SELECT {_COLUMNS} FROM air_interview"
    params: tuple = ()
    if first and last:
        sql += (" WHERE held_on BETWEEN ? AND ? OR (restriction_from <= ? AND "
                "(restriction_until IS NULL OR restriction_until > ?))")
        params = (first, last, last, first)
    found: dict[str, list[Interview]] = {}
    for row in ledger.conn.execute(sql + " ORDER BY held_on", params):
        found.setdefault(row[1], []).append(Interview(*row, measures=_measures(ledger, row[0])))
    return found


def restricted_units(ledger: Ledger, day: str) -> list[str]:
    """The units whose approvals stand suspended on `day`."""
    return [r[0] for r in ledger.conn.execute(
        "SELECT DISTINCT region_code FROM air_interview WHERE restriction_from <= ? AND "
        "(restriction_until IS NULL OR restriction_until > ?) ORDER BY region_code",
        (day, day))]
