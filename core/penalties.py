"""Penalty cases (行政处罚案件) and their special measures (五类案件)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from . import enterprises, rows
from .changes import Changes
from .ledger import Ledger
from .validation import Form
from .vocabulary import PENALTY_FLAGS


def check(ledger: Ledger, raw: Mapping[str, Any], row_id: str | None = None) -> Form:
    raw = enterprises.with_region(ledger, raw)
    form = Form(raw)
    number = form.text("case_number", required=True, max_length=80)
    form.reference(ledger, "enterprise_id", "enterprise")
    form.region(ledger)
    form.reference(ledger, "campaign_id", "campaign")
    form.reference(ledger, "problem_id", "problem")
    form.text("violation", required=True)
    form.date("decided_on", not_future=True)
    form.money("fine", "fine_fen")
    form.money("daily_fine_amount", "daily_fine_fen")
    for flag in PENALTY_FLAGS:
        form.flag(flag)
    if form.values["daily_fine_fen"] and not form.values["daily_fine"]:
        form.values["daily_fine"] = 1
    if number:
        taken = ledger.conn.execute(
            "SELECT 1 FROM penalty_case WHERE case_number = ? AND id IS NOT ?", (number, row_id)
        ).fetchone()
        if taken:
            form.fail("case_number", "error.case_number_taken", number=number)
    return form


def add(ledger: Ledger, raw: Mapping[str, Any]) -> Changes:
    """Record a penalty case. Fines are given in yuan and stored as fen."""
    form = check(ledger, raw)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, "penalty_case", form.values)
    return Changes.of("penalty_case", ids=(row_id,), warnings=form.warnings)


def update(ledger: Ledger, row_id: str, raw: Mapping[str, Any],
           based_on: int | None = None) -> Changes:
    current = get(ledger, row_id)
    merged = {**current, "fine": Decimal(current["fine_fen"]) / 100,
              "daily_fine_amount": Decimal(current["daily_fine_fen"]) / 100, **raw}
    form = check(ledger, merged, row_id)
    form.raise_if_blocked()
    with ledger.transaction():
        rows.update(ledger, "penalty_case", row_id, form.values, based_on)
    return Changes.of("penalty_case", ids=(row_id,), warnings=form.warnings)


def delete(ledger: Ledger, row_id: str) -> Changes:
    """Delete a case entered twice or by mistake (a manager's action)."""
    rows.delete(ledger, "penalty_case", row_id)
    return Changes.of("penalty_case", ids=(row_id,))


def get(ledger: Ledger, row_id: str) -> dict[str, Any]:
    return rows.get(ledger, "penalty_case", row_id)
