"""Drawn tasks as work: each is an inspection to do, pre-filled, overdue after the plan's end."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence, TYPE_CHECKING

from .. import dates, inspections, messages, rows
from ..changes import Changes
from ..errors import Issue, LedgerError, NotFound
from . import directory
from .draw import DRAW, TASK

if TYPE_CHECKING:
    from ..ledger import Ledger

TO_DO, DONE, OVERDUE = "to_do", "done", "overdue"


@dataclass(frozen=True)
class Task:
    id: str
    draw_id: str
    plan_id: str
    plan: str
    seq: int
    enterprise_id: str
    enterprise: str
    credit_code: str | None
    region_code: str
    supervision_class: str
    items: tuple[str, ...]
    officers: tuple[str, str]            # names
    certificates: tuple[str, str]
    ends_on: str
    inspection_id: str | None
    inspected_on: str | None
    result: str | None
    state: str


_SELECT = f"""
SELECT t.id, t.draw_id, p.id, p.name, t.seq, e.id, e.name, e.credit_code, e.region_code,
       t.class, t.items, o1.name, o2.name, o1.certificate, o2.certificate, p.ends_on,
       t.inspection_id, i.inspected_on, i.result
FROM {TASK} t JOIN {DRAW} d ON d.id = t.draw_id JOIN random_plan p ON p.id = d.plan_id
JOIN enterprise e ON e.id = t.enterprise_id
JOIN random_officer o1 ON o1.id = t.officer_1 JOIN random_officer o2 ON o2.id = t.officer_2
LEFT JOIN inspection i ON i.id = t.inspection_id
"""


def _task(row: Sequence, today: str) -> Task:
    done = row[16] is not None
    state = DONE if done else (OVERDUE if today > row[15] else TO_DO)
    return Task(*row[:10], tuple(json.loads(row[10])), (row[11], row[12]), (row[13], row[14]),
                row[15], row[16], row[17], row[18], state)


def of_draw(ledger: Ledger, draw_id: str, today: dt.date | None = None) -> list[Task]:
    day = (today or dates.today()).isoformat()
    return [_task(r, day) for r in ledger.conn.execute(
        _SELECT + " WHERE t.draw_id = ? ORDER BY t.seq", (draw_id,))]


def standing(ledger: Ledger, today: dt.date | None = None) -> list[Task]:
    """Every task of every draw in force, latest plans first."""
    day = (today or dates.today()).isoformat()
    return [_task(r, day) for r in ledger.conn.execute(
        _SELECT + " WHERE d.superseded_by IS NULL ORDER BY p.starts_on DESC, d.id, t.seq")]


def get(ledger: Ledger, task_id: str) -> Task:
    row = ledger.conn.execute(_SELECT + " WHERE t.id = ?", (task_id,)).fetchone()
    if row is None:
        raise NotFound("random_task", task_id)
    return _task(row, dates.today().isoformat())


def sheet(ledger: Ledger, task_id: str) -> dict[str, Any]:
    """The inspection sheet's values for a task: the enterprise, the items, the two officers."""
    task = get(ledger, task_id)
    names = {i.code: i.name for i in directory.items(ledger)}
    listed = "、".join(names.get(code, code) for code in task.items)
    return {"enterprise_id": task.enterprise_id, "kind": "random",
            "officer_1": task.officers[0], "officer_2": task.officers[1],
            "notes": messages.text("random.sheet.notes", plan=task.plan, items=listed or "—")}


def _open(ledger: Ledger, task_id: str) -> Task:
    task = get(ledger, task_id)
    superseded = ledger.conn.execute(f"SELECT superseded_by FROM {DRAW} WHERE id = ?",
                                     (task.draw_id,)).fetchone()[0]
    if superseded:
        raise LedgerError("random.error.task_superseded")
    if task.inspection_id:
        raise LedgerError("random.error.task_done", enterprise=task.enterprise)
    return task


def record(ledger: Ledger, task_id: str, raw: Mapping[str, Any], officers: Sequence[str],
           found: Sequence[Mapping[str, Any]] = ()) -> Changes:
    """The inspection made for a task, with the problems found: one transaction."""
    task = _open(ledger, task_id)
    if raw.get("enterprise_id") not in (None, "", task.enterprise_id):
        raise LedgerError("random.error.task_enterprise", enterprise=task.enterprise)
    found_issues = officer_issues(ledger, task, officers)
    blocking = [i for i in found_issues if not i.warning]
    if blocking:
        raise LedgerError(blocking[0].code, **blocking[0].params)
    warnings = [i for i in found_issues if i.warning]
    with ledger.transaction():
        changes = inspections.add(ledger, {**raw, "enterprise_id": task.enterprise_id,
                                           "kind": raw.get("kind") or "random"}, officers, found)
        rows.update(ledger, TASK, task_id, {"inspection_id": changes.id})
    return changes | Changes.of(TASK, ids=(task_id,), warnings=warnings)


def officer_issues(ledger: Ledger, task: Task, officers: Sequence[str]) -> list[Issue]:
    """A task's sheet as typed: an officer with a declared conflict is refused; officers
    other than those drawn are let through with a warning (a substitute must be explained)."""
    names = [" ".join(str(n).split()) for n in officers if n and str(n).strip()]
    barred = _declared(ledger, task.enterprise_id, names)
    if barred:
        return [Issue("officers", "random.error.officer_conflict",
                      {"officer": barred[0], "enterprise": task.enterprise})]
    if set(names) != set(task.officers):
        return [Issue("officers", "random.warning.officers_changed",
                      {"drawn": "、".join(task.officers)}, warning=True)]
    return []


def _declared(ledger: Ledger, enterprise_id: str, names: Sequence[str]) -> list[str]:
    """Those of `names` who declared a conflict with the enterprise: never on its sheet."""
    marks = ", ".join("?" for _ in names) or "NULL"
    return [r[0] for r in ledger.conn.execute(
        f"SELECT o.name FROM random_conflict c JOIN random_officer o ON o.id = c.officer_id "
        f"WHERE c.enterprise_id = ? AND o.name IN ({marks}) ORDER BY o.name",
        (enterprise_id, *names))]


def link(ledger: Ledger, task_id: str, inspection_id: str) -> Changes:
    """An inspection typed on its own sheet counts for the task of its enterprise."""
    task = _open(ledger, task_id)
    inspection = inspections.get(ledger, inspection_id)
    if inspection["enterprise_id"] != task.enterprise_id:
        raise LedgerError("random.error.task_enterprise", enterprise=task.enterprise)
    taken = ledger.conn.execute(f"SELECT 1 FROM {TASK} WHERE inspection_id = ?",
                                (inspection_id,)).fetchone()
    if taken:
        raise LedgerError("random.error.inspection_taken")
    with ledger.transaction():
        rows.update(ledger, TASK, task_id, {"inspection_id": inspection_id})
    return Changes.of(TASK, ids=(task_id,))


def find(ledger: Ledger, key: str) -> str:
    key = key.strip()
    if ledger.conn.execute(f"SELECT 1 FROM {TASK} WHERE id = ?", (key,)).fetchone():
        return key
    raise NotFound("random_task", key)
