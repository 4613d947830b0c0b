"""Seizure and detention (查封、扣押) of the facilities that discharge: the decision's period,
its one extension with the head's approval, and the release (解除), each a dated document.

A seizure is named by its case and its first day: recording the same start again adds
the extension or the release to it.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, TYPE_CHECKING

from .. import operators, rows
from ..changes import Changes
from ..validation import Form
from . import rules

if TYPE_CHECKING:
    from ..ledger import Ledger


def seizures(ledger: Ledger, case_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM penalty_seizure WHERE case_id = ? ORDER BY starts_on", (case_id,))]


def period(row: dict[str, Any]) -> rules.SeizurePeriod:
    def day(key: str) -> dt.date | None:
        return rules.day(row[key]) if row.get(key) else None
    return rules.SeizurePeriod(day("starts_on"), day("ends_on"), day("extended_to"),
                               day("released_on"))


def record(ledger: Ledger, case_id: str, starts_on: object, ends_on: object = None,
           extended_to: object = None, released_on: object = None,
           approved_by: str | None = None, approved_on: object = None,
           note: str | None = None) -> Changes:
    """Record a seizure, or add its extension or release (None keeps what is recorded)."""
    from .cases import get

    get(ledger, case_id)
    start = Form({"starts_on": starts_on}).date("starts_on")
    existing = _existing(ledger, case_id, start) if start else None
    raw = {**(existing or {}), "starts_on": starts_on}
    given = {"ends_on": ends_on, "extended_to": extended_to, "released_on": released_on,
             "extension_approved_by": approved_by, "extension_approved_on": approved_on,
             "note": note}
    raw.update({k: v for k, v in given.items() if v is not None})
    if extended_to and not approved_by:  # the operator, a manager, records the head's approval
        raw["extension_approved_by"] = raw.get("extension_approved_by") or ledger.operator
    form = check(raw)
    if form.values.get("extended_to") and form.values["extended_to"] != (existing or {}).get(
            "extended_to"):
        operators.require(ledger, operators.Action.APPROVE_EXTENSION)
    form.raise_if_blocked()
    with ledger.transaction():
        if existing:
            row_id = existing["id"]
            rows.update(ledger, "penalty_seizure", row_id, form.values)
        else:
            row_id = rows.insert(ledger, "penalty_seizure", {"case_id": case_id, **form.values})
        if not get(ledger, case_id)["seizure"]:
            rows.update(ledger, "penalty_case", case_id, {"seizure": 1})
    return Changes.of("penalty_seizure", "penalty_case", ids=(row_id,), warnings=form.warnings)


def _existing(ledger: Ledger, case_id: str, starts_on: str) -> dict[str, Any] | None:
    row = ledger.conn.execute("SELECT * FROM penalty_seizure WHERE case_id = ? AND starts_on = ?",
                              (case_id, starts_on)).fetchone()
    return dict(row) if row else None


def check(raw: dict[str, Any]) -> Form:
    """The seizure's dates against 行政强制法 第二十五条 (30 days, one extension of 30)."""
    form = Form(raw)
    start = form.date("starts_on", not_future=True)
    if form.raw.get("ends_on") in (None, "") and start:
        form.raw = {**form.raw, "ends_on": rules.after(start, rules.SEIZURE_DAYS).isoformat()}
    end = form.date("ends_on")
    extended = form.date("extended_to", required=False)
    released = form.date("released_on", required=False, not_future=True)
    form.text("extension_approved_by", max_length=60)
    approved = form.date("extension_approved_on", required=False, not_future=True)
    form.text("note")
    form.ordered("starts_on", "ends_on", "error.penalty_seizure_ends_before")
    form.ordered("starts_on", "released_on", "error.penalty_released_before")
    if start and end and end > rules.after(start, rules.SEIZURE_DAYS).isoformat():
        form.fail("ends_on", "error.penalty_seizure_too_long", days=rules.SEIZURE_DAYS,
                  limit=rules.after(start, rules.SEIZURE_DAYS).isoformat())
    if extended and end and not form.has_error("ends_on"):
        _extension(form, end, extended, approved)
    if released and end and not form.has_error("released_on"):
        due = extended or end
        if released > due:
            form.warn("released_on", "warning.penalty_released_late", due=due,
                      days=(rules.day(released) - rules.day(due)).days)
    return form


def _extension(form: Form, end: str, extended: str, approved: str | None) -> None:
    limit = rules.after(end, rules.SEIZURE_EXTENSION_DAYS).isoformat()
    if extended <= end:
        form.fail("extended_to", "error.penalty_extension_not_later", end=end)
    elif extended > limit:
        form.fail("extended_to", "error.penalty_seizure_extension_too_long",
                  days=rules.SEIZURE_EXTENSION_DAYS, limit=limit)
    if not form.values.get("extension_approved_by"):
        form.fail("extension_approved_by", "error.penalty_extension_approver")
    if not approved:
        form.values["extension_approved_on"] = min(end, form.today.isoformat())
    elif approved > end:  # the period had already run out when it was extended
        form.warn("extension_approved_on", "warning.penalty_extended_after_end", end=end)
