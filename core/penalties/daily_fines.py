"""Orders to correct (责令改正违法行为决定书), rechecks (复查) and the daily continuous
penalty (按日连续处罚) counted from them: never typed, always from the dated documents."""
from __future__ import annotations

from typing import Any, TYPE_CHECKING

from .. import rows
from ..changes import Changes
from ..errors import LedgerError
from ..validation import Form
from . import rules
from .cases import get

if TYPE_CHECKING:
    from ..ledger import Ledger


def orders(ledger: Ledger, case_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM penalty_order WHERE case_id = ? ORDER BY served_on, rowid", (case_id,))]


def rechecks(ledger: Ledger, case_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM penalty_recheck WHERE case_id = ? ORDER BY checked_on, rowid",
        (case_id,))]


def count(ledger: Ledger, case_id: str | None, fine_fen: int) -> rules.DailyCount:
    """The days counted and the fine, from the case's orders and rechecks."""
    if case_id is None:
        return rules.DailyCount((), fine_fen)
    return rules.count_days([o["served_on"] for o in orders(ledger, case_id)],
                            [(r["checked_on"], r["finding"]) for r in rechecks(ledger, case_id)],
                            fine_fen)


def add_order(ledger: Ledger, case_id: str, served_on: object,
              document_number: str | None = None, note: str | None = None) -> Changes:
    """An order to correct, by the day it was served on the discharger."""
    get(ledger, case_id)
    form = Form({"served_on": served_on, "document_number": document_number, "note": note})
    on = form.date("served_on", not_future=True)
    form.text("document_number", max_length=80)
    form.text("note")
    if on and ledger.conn.execute("SELECT 1 FROM penalty_order WHERE case_id = ? AND "
                                  "served_on = ?", (case_id, on)).fetchone():
        form.fail("served_on", "error.penalty_order_twice", on=on)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, "penalty_order", {"case_id": case_id, **form.values})
        refresh_daily_fine(ledger, case_id)
    return Changes.of("penalty_order", "penalty_case", ids=(row_id,))


def add_recheck(ledger: Ledger, case_id: str, checked_on: object, finding: str,
                note: str | None = None) -> Changes:
    """A recheck and what it found; the daily fine is counted again at once."""
    get(ledger, case_id)
    form = Form({"checked_on": checked_on, "finding": finding, "note": note})
    on = form.date("checked_on", not_future=True)
    form.choice("finding", rules.RECHECK_RESULTS)
    form.text("note")
    if on:
        _after_an_order(ledger, form, case_id, on)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, "penalty_recheck", {"case_id": case_id, **form.values})
        refresh_daily_fine(ledger, case_id)
    return Changes.of("penalty_recheck", "penalty_case", ids=(row_id,), warnings=form.warnings)


def _after_an_order(ledger: Ledger, form: Form, case_id: str, on: str) -> None:
    served = ledger.conn.execute("SELECT max(served_on) FROM penalty_order WHERE case_id = ? "
                                 "AND served_on <= ?", (case_id, on)).fetchone()[0]
    if served is None:
        form.fail("checked_on", "error.penalty_recheck_without_order", on=on)
        return
    if ledger.conn.execute("SELECT 1 FROM penalty_recheck WHERE case_id = ? AND checked_on = ?",
                           (case_id, on)).fetchone():
        form.fail("checked_on", "error.penalty_recheck_twice", on=on)
    late = (rules.day(on) - rules.after(served, rules.RECHECK_DAYS)).days
    if late > 0:  # recorded as it happened, but the 30 days of 第十条 were missed
        form.warn("checked_on", "warning.penalty_recheck_late", served=served, days=late)
    seized = ledger.conn.execute(
        "SELECT starts_on FROM penalty_seizure WHERE case_id = ? AND starts_on <= ? "
        "AND coalesce(released_on, coalesce(extended_to, ends_on)) >= ?",
        (case_id, on, on)).fetchone()
    if seized and form.values.get("finding") == rules.STILL_DISCHARGING:
        form.warn("finding", "warning.penalty_discharging_under_seizure", since=seized[0])


def remove(ledger: Ledger, case_id: str, table: str, on: object) -> Changes:
    """Take back the order served, or the recheck made, on `on`, entered by mistake (a
    manager's deletion; the audit trail keeps it). The daily fine is counted again."""
    from .. import dates, operators

    operators.require(ledger, operators.Action.DELETE)
    column = {"penalty_order": "served_on", "penalty_recheck": "checked_on"}[table]
    try:
        day = dates.iso(on)
    except dates.DateError:
        raise LedgerError("error.date_invalid", value=on) from None
    row = ledger.conn.execute(f"SELECT id FROM {table} WHERE case_id = ? AND {column} = ?",
                              (case_id, day)).fetchone()
    if row is None:
        raise LedgerError("error.not_found", kind=_kind(table), key=day)
    with ledger.transaction():
        ledger.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row[0],))
        refresh_daily_fine(ledger, case_id, removed=True)
    return Changes.of(table, "penalty_case", ids=(case_id,))


def _kind(table: str) -> str:
    from .. import messages
    return messages.label("kind." + table)


def has_orders_or_rechecks(ledger: Ledger, case_id: str) -> bool:
    """Whether the case's daily fine comes from its orders and rechecks: it has some."""
    return ledger.conn.execute(
        "SELECT 1 FROM penalty_recheck WHERE case_id = ? UNION ALL "
        "SELECT 1 FROM penalty_order WHERE case_id = ?", (case_id, case_id)).fetchone() is not None


def refresh_daily_fine(ledger: Ledger, case_id: str, removed: bool = False) -> None:
    """Keep the case's daily-fine amount (what statistics and returns add up) equal to
    the count from its orders and rechecks, once it has any (or once one of them was
    taken back: the amount was counted, not typed)."""
    case = get(ledger, case_id)
    counted = count(ledger, case_id, case["fine_fen"])
    if counted.periods or removed or has_orders_or_rechecks(ledger, case_id):
        values = {"daily_fine_fen": counted.total_fen,
                  "daily_fine": 1 if counted.periods else 0 if removed else case["daily_fine"]}
        if any(case[k] != v for k, v in values.items()):
            rows.update(ledger, "penalty_case", case_id, values)
