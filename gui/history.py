"""A record's audit history: who changed it, when, which field, from what to what."""
from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView,
                               QVBoxLayout, QWidget)

from core import audit, messages
from core.ledger import Ledger

from .context import AppContext
from .i18n import tr
from .models.rows import RowsModel

# Book-keeping columns every row has: they change with every edit and say nothing new.
HIDDEN_FIELDS = frozenset({"id", "created_at", "updated_at", "operator"})


@dataclass(frozen=True)
class Change:
    """One line of the history: one field of one audited write."""

    at: str
    operator: str
    action: str
    table: str
    field: str
    old: str
    new: str


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _field_label(field: str) -> str:
    code = f"field.{field}"
    text = messages.label(code)
    return field if text == code else text


def changes_of(entries: list[audit.Entry]) -> list[Change]:
    """Audit entries as one line per changed field, oldest first; an event is one line."""
    lines = []
    for entry in entries:
        base = (entry.at.replace("T", " "), entry.operator or "", entry.action, entry.table_name)
        if entry.action not in ("insert", "update", "delete"):
            lines.append(Change(*base, "", _shown(entry.old), _shown(entry.new)))
            continue
        for field, (old, new) in entry.changes().items():
            if field in HIDDEN_FIELDS or (entry.action == "update" and old == new):
                continue
            lines.append(Change(*base, _field_label(field), _shown(old), _shown(new)))
    return lines


def read_history(ledger: Ledger, row_id: str, problem: bool) -> list[Change]:
    """Runs on the worker: a problem's history takes in its log, measures and extensions."""
    entries = audit.problem_history(ledger, row_id) if problem else audit.history(ledger, row_id)
    return changes_of(entries)


class HistoryModel(RowsModel):
    """The history lines, read-only."""

    AT, OPERATOR, ACTION, TABLE, FIELD, OLD, NEW = range(7)

    def headers(self) -> tuple[str, ...]:
        return (tr("When"), tr("Operator"), tr("Change"), tr("Record"), tr("Field"),
                tr("Old value"), tr("New value"))

    def cell(self, line: Change, row: int, column: int, role: int) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.ACTION:
            return _action_label(line.action)
        if column == self.TABLE:
            return _table_label(line.table)
        return (line.at, line.operator, None, None, line.field, line.old, line.new)[column]


def _action_label(action: str) -> str:
    known = {"insert": tr("added"), "update": tr("changed"), "delete": tr("deleted")}
    if action in known:
        return known[action]
    text = messages.label(f"audit.{action}")
    return action if text.startswith("audit.") else text


def _table_label(table: str) -> str:
    return {"problem": tr("Problem"), "problem_log": tr("Progress log"),
            "measure": tr("Measure"), "deadline_extension": tr("Deadline extension"),
            "attachment": tr("Attachment"), "penalty_case": tr("Penalty case"),
            "enterprise": tr("Enterprise"), "inspection": tr("Inspection"),
            "acceptance": tr("Acceptance")}.get(table, table)


class HistoryDialog(QDialog):
    """Opened from a record; reads its history on the worker and lists it."""

    def __init__(self, ctx: AppContext, row_id: str, title: str, problem: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("History — {record}").format(record=title))
        self.resize(900, 480)
        self.model = HistoryModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(tr("Reading the history…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        ctx.db.op(lambda ledger: read_history(ledger, row_id, problem)).success(self._show).run()

    def _show(self, lines: list[Change]) -> None:
        self.model.set_rows(lines)
        self.view.resizeColumnsToContents()
        self.summary.setText(tr("{count} change(s), oldest first").format(count=len(lines)))
