"""The 双随机 page's tables: plans, the tasks of a draw, the two directories, coverage and
what is still to publish. Each holds what the page read on the worker; the page sets the
look-up names (counties, classes, items) before it sets the rows."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from core import messages
from core.random_inspection import directory, notices, officers, tasks

from ..i18n import tr
from .rows import DISPLAY, RowsModel

LATE = QBrush(QColor("#c62828"))
DONE = QBrush(QColor("#2e7d32"))


def share_text(shares: dict[str, dict[str, Any]], names: dict[str, str]) -> str:
    """The shares in the bureau's order of classes (`names` is in that order)."""
    parts = []
    order = list(names)
    for code, share in sorted(shares.items(), key=lambda s: order.index(s[0])
                              if s[0] in order else len(order)):
        amount = f"{share['percent']}%" if "percent" in share else \
            tr("{count} units").format(count=share["count"])
        parts.append(f"{names.get(code, code)} {amount}")
    return "，".join(parts)


class PlansModel(RowsModel):
    names: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (tr("Plan"), tr("Period"), tr("Shares"), tr("Approved"), tr("Tasks done"))

    def cell(self, item, row: int, column: int, role: int) -> Any:
        plan, draw_id, done, total = item
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and draw_id:
            return DONE if done == total else None
        if role != DISPLAY:
            return None
        return (plan.name, f"{plan.starts_on} — {plan.ends_on}", share_text(plan.shares, self.names),
                plan.approved_by or tr("not approved"),
                f"{done} / {total}" if draw_id else tr("not drawn"))[column]


class TasksModel(RowsModel):
    counties: dict[str, str] = {}
    class_names: dict[str, str] = {}
    item_names: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return ("#", tr("Enterprise"), tr("Credit code"), tr("County"), tr("Class"),
                tr("Inspection items"), tr("Officers"), tr("State"))

    def cell(self, task: tasks.Task, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 7:
            return LATE if task.state == tasks.OVERDUE else DONE if task.state == tasks.DONE else None
        if role != DISPLAY:
            return None
        state = messages.label(f"random.state.{task.state}")
        if task.inspected_on:
            state += f" {task.inspected_on}"
        return (task.seq, task.enterprise, task.credit_code or "",
                self.counties.get(task.region_code, task.region_code),
                self.class_names.get(task.supervision_class, task.supervision_class),
                "、".join(self.item_names.get(i, i) for i in task.items),
                "、".join(task.officers), state)[column]


class MembersModel(RowsModel):
    counties: dict[str, str] = {}
    class_names: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (tr("Enterprise"), tr("Credit code"), tr("County"), tr("Class"),
                tr("Items that apply"), tr("In the directory"))

    def cell(self, m: directory.Member, row: int, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        return (m.name, m.credit_code or "", self.counties.get(m.region_code, m.region_code),
                self.class_names.get(m.supervision_class, m.supervision_class),
                "、".join(m.items) or tr("all"), "✓" if m.active else "")[column]


class OfficersModel(RowsModel):
    counties: dict[str, str] = {}
    conflicts: dict[str, int] = {}

    def headers(self) -> tuple[str, ...]:
        return (tr("Name"), tr("Certificate"), tr("Unit"), tr("County"), tr("Active"),
                tr("Declared conflicts"))

    def cell(self, o: officers.Officer, row: int, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        return (o.name, o.certificate, o.unit or "", self.counties.get(o.region_code or "", ""),
                "✓" if o.active else "", self.conflicts.get(o.id, 0) or "")[column]


class CoverageModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (tr("Class"), tr("In the directory"), tr("Drawn this year"), tr("Inspected"),
                tr("Coverage (%)"))

    def cell(self, c: notices.Coverage, row: int, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        return (c.name, c.members, c.drawn, c.inspected, f"{c.percent:g}")[column]


class PublicationsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (tr("Plan"), tr("Notice"), tr("Publish by"), tr("Published"))

    def cell(self, p: notices.Publication, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 3):
            return LATE if p.overdue else DONE if p.published_on else None
        if role != DISPLAY:
            return None
        due = p.due or tr("(calendar not yet published)")
        state = p.published_on or (tr("overdue, not published") if p.overdue else tr("not published"))
        return (p.plan, messages.label(f"random.which.{p.which}"), due, state)[column]
