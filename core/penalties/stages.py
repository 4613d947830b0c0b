"""The stages of a penalty case, each dated and signed; the case's stage follows them.

The order is the procedure of the ministry's administrative penalty measures (生态环境
行政处罚办法): 立案, investigation (调查取证), notice of the intended penalty (告知) and, when
asked for, a hearing (听证), the decision, its service (送达), payment or enforcement
(执行), closure (结案). A clerk may leave a stage out (a case from paper often has only a few
dates) but never date a stage before an earlier one.
"""
from __future__ import annotations

from typing import Any, Mapping, TYPE_CHECKING

from .. import rows
from ..changes import Changes
from ..errors import LedgerError
from ..validation import Form
from .cases import get

if TYPE_CHECKING:
    from ..ledger import Ledger

STAGES = ("opened", "investigated", "notified", "heard", "decided", "served", "paid",
          "enforced", "closed")
# Payment and enforcement are two ends of the same step.
RANK = {stage: index for index, stage in enumerate(STAGES)} | {"enforced": STAGES.index("paid")}
RANK["closed"] = RANK["paid"] + 1
# Stages whose date is also a column of the case (the returns count by both).
CASE_COLUMNS = {"opened": "opened_on", "decided": "decided_on"}


def recorded(ledger: Ledger, case_id: str) -> dict[str, dict[str, Any]]:
    """stage → its row (happened_on, done_by, note), in procedure order."""
    found = {r["stage"]: dict(r) for r in ledger.conn.execute(
        "SELECT * FROM penalty_stage WHERE case_id = ?", (case_id,))}
    return {s: found[s] for s in STAGES if s in found}


def current(found: Mapping[str, Any]) -> str:
    """The stage a case is in: the furthest one recorded."""
    return max(found, key=lambda s: (RANK[s], STAGES.index(s))) if found else "opened"


def check(ledger: Ledger, case_id: str, raw: Mapping[str, Any]) -> Form:
    form = Form(raw)
    stage = form.choice("stage", STAGES)
    on = form.date("happened_on", not_future=True)
    form.text("done_by", max_length=60)
    form.text("note")
    if stage in STAGES and on:
        _fits(form, recorded(ledger, case_id), stage, on, "happened_on")
    return form


def _fits(form: Form, found: Mapping[str, Any], stage: str, on: str, field: str) -> None:
    """A stage's date must not be before an earlier stage's or after a later one's."""
    for other, row in found.items():
        if other == stage or RANK[other] == RANK[stage]:
            continue
        earlier = RANK[other] < RANK[stage]
        if (earlier and row["happened_on"] > on) or (not earlier and row["happened_on"] < on):
            form.fail(field, "error.penalty_stage_order" if earlier else
                      "error.penalty_stage_order_later", stage=_label(stage),
                      other=_label(other), on=on, other_on=row["happened_on"])
            return


def record(ledger: Ledger, case_id: str, stage: str, on: object, done_by: str | None = None,
           note: str | None = None) -> Changes:
    """Record (or correct the date of) one stage of a case."""
    get(ledger, case_id)
    form = check(ledger, case_id, {"stage": stage, "happened_on": on,
                                   "done_by": done_by or ledger.operator, "note": note})
    form.raise_if_blocked()
    values = form.values
    with ledger.transaction():
        _upsert(ledger, case_id, values["stage"], values["happened_on"], values["done_by"],
                values["note"])
        _follow(ledger, case_id)
    return Changes.of("penalty_stage", "penalty_case", ids=(case_id,), warnings=form.warnings)


def remove(ledger: Ledger, case_id: str, stage: str) -> Changes:
    """Take back a stage recorded by mistake (a manager's deletion; the audit trail
    keeps it)."""
    from .. import operators

    operators.require(ledger, operators.Action.DELETE)
    found = recorded(ledger, case_id)
    if stage not in found:
        raise LedgerError("error.penalty_stage_missing", stage=_label(stage))
    if stage == "opened" and "decided" not in found or stage == "decided" and "opened" not in found:
        raise LedgerError("error.penalty_opened_or_decided")
    with ledger.transaction():
        ledger.conn.execute("DELETE FROM penalty_stage WHERE id = ?", (found[stage]["id"],))
        _follow(ledger, case_id)
    return Changes.of("penalty_stage", "penalty_case", ids=(case_id,))


def _upsert(ledger: Ledger, case_id: str, stage: str, on: str, done_by: str | None,
            note: str | None) -> None:
    row_id = f"{case_id}/{stage}"
    values = {"happened_on": on, "done_by": done_by, "note": note}
    if ledger.conn.execute("SELECT 1 FROM penalty_stage WHERE id = ?", (row_id,)).fetchone():
        rows.update(ledger, "penalty_stage", row_id, values)
    else:
        rows.insert(ledger, "penalty_stage", {"id": row_id, "case_id": case_id,
                                              "stage": stage, **values})


def _follow(ledger: Ledger, case_id: str) -> None:
    """The case's stage and its 立案 and decision dates, from its stage rows."""
    found = recorded(ledger, case_id)
    values = {"stage": current(found)} | {
        column: found[stage]["happened_on"] if stage in found else None
        for stage, column in CASE_COLUMNS.items()}
    case = dict(ledger.conn.execute("SELECT * FROM penalty_case WHERE id = ?",
                                    (case_id,)).fetchone())
    if any(case[k] != v for k, v in values.items()):
        rows.update(ledger, "penalty_case", case_id, values)


def follow_case_dates(ledger: Ledger, case_id: str, values: Mapping[str, Any]) -> None:
    """After the case form was saved: its 立案 and decision dates as stage rows."""
    found = recorded(ledger, case_id)
    for stage, column in CASE_COLUMNS.items():
        if column not in values:
            continue
        on = values[column]
        if on and (stage not in found or found[stage]["happened_on"] != on):
            done_by = found[stage]["done_by"] if stage in found else ledger.operator
            _upsert(ledger, case_id, stage, on, done_by, found.get(stage, {}).get("note"))
        elif not on and stage in found:
            ledger.conn.execute("DELETE FROM penalty_stage WHERE id = ?", (found[stage]["id"],))
    _follow(ledger, case_id)


def check_case_dates(ledger: Ledger, form: Form, case_id: str) -> None:
    """The case form's 立案 and decision dates against the other stages recorded."""
    found = recorded(ledger, case_id)
    for stage, column in CASE_COLUMNS.items():
        on = form.values.get(column)
        if on and not form.has_error(column):
            _fits(form, found, stage, on, column)


def _label(stage: str) -> str:
    from .. import messages

    return messages.label("penalty_stage." + stage)
