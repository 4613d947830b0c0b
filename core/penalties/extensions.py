"""Extensions of the decision period: the head's 30 days, then collective decisions.

行政处罚法 第六十条 gives 90 days from 立案; 生态环境行政处罚办法 (2023) lets the head
approve 30 more, and beyond that only the heads' collective discussion may extend, fixing
the new period itself (see rules.DECISION_DAYS for the article as we recall it).
"""
from __future__ import annotations

from typing import Any, TYPE_CHECKING

from .. import operators, rows
from ..changes import Changes
from ..validation import Form
from . import rules

if TYPE_CHECKING:
    from ..ledger import Ledger

KINDS = ("head", "collective")


def extensions(ledger: Ledger, case_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM penalty_extension WHERE case_id = ? ORDER BY due_on", (case_id,))]


def decision_due(case: dict[str, Any], found: list[dict[str, Any]]) -> str | None:
    """The last day to decide, after the extensions recorded; None without 立案."""
    if not case["opened_on"]:
        return None
    due = rules.decision_due(case["opened_on"])
    for extension in found:
        due = max(due, rules.day(extension["due_on"]))
    return due.isoformat()


def extend(ledger: Ledger, case_id: str, approved_on: object, approved_by: str | None,
           collective: bool = False, due_on: object = None, reason: str | None = None) -> Changes:
    """Record an approved extension of the decision period (a manager's entry)."""
    from .cases import get

    operators.require(ledger, operators.Action.APPROVE_EXTENSION)
    case = get(ledger, case_id)
    found = extensions(ledger, case_id)
    form = Form({"approved_on": approved_on, "approved_by": approved_by or ledger.operator,
                 "due_on": due_on, "reason": reason})
    on = form.date("approved_on", not_future=True)
    form.text("approved_by", required=True, max_length=60)
    form.text("reason")
    kind = "collective" if collective else "head"
    current = decision_due(case, found)
    if current is None:
        form.fail("approved_on", "error.penalty_extension_without_opening")
    elif case["decided_on"]:
        form.fail("approved_on", "error.penalty_extension_after_decision",
                  decided_on=case["decided_on"])
    elif kind == "head":
        _head(form, found, case)
    else:
        _collective(form, found, current)
    if current and on and on > current:
        form.warn("approved_on", "warning.penalty_extended_after_end", end=current)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, "penalty_extension", {
            "case_id": case_id, "kind": kind, **form.values})
    return Changes.of("penalty_extension", "penalty_case", ids=(case_id,), warnings=form.warnings)


def _head(form: Form, found: list[dict[str, Any]], case: dict[str, Any]) -> None:
    if any(e["kind"] == "head" for e in found):
        form.fail("approved_on", "error.penalty_head_extension_once")
        return
    if form.raw.get("due_on") not in (None, ""):
        form.fail("due_on", "error.penalty_head_extension_fixed")
    form.values["due_on"] = rules.decision_due(case["opened_on"], head_extended=True).isoformat()


def _collective(form: Form, found: list[dict[str, Any]], current: str) -> None:
    if not any(e["kind"] == "head" for e in found):
        form.fail("approved_on", "error.penalty_collective_before_head")
    due = form.date("due_on")
    if due and due <= current:
        form.fail("due_on", "error.penalty_extension_not_later", end=current)
