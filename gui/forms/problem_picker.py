"""Picking the problems a penalty case punishes from a list, not by typing their numbers."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from core import messages

from ..i18n import tr


def problem_key(problem: dict[str, Any]) -> str:
    """How the form names a problem: its number, or its id when it has none yet."""
    return problem["number"] or problem["id"]


class ProblemPicker(QDialog):
    """The enterprise's problems, newest first, with those already named ticked."""

    def __init__(self, problems: list[dict[str, Any]], chosen: list[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Problems this case punishes"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter by number or description"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("problem_list")
        for problem in problems:
            item = QListWidgetItem(self._text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem_key(problem))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if problem_key(problem) in chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._extra = [key for key in chosen if key not in {problem_key(p) for p in problems}]
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Link"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        if not problems:
            layout.addWidget(QLabel(tr("No problem recorded for this enterprise yet.")))
        layout.addWidget(buttons)
        self.resize(620, 420)

    @staticmethod
    def _text(problem: dict[str, Any]) -> str:
        status = messages.label("status." + problem["status"]) if problem["status"] else ""
        parts = [problem_key(problem), problem["assigned_on"] or "", status,
                 (problem["description"] or "")[:60]]
        return "  ".join(part for part in parts if part)

    def _filter(self, text: str) -> None:
        text = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(text) and text not in item.text().casefold())

    def chosen(self) -> list[str]:
        """The ticked problems' numbers, in list order, after any typed that the list lacks."""
        ticked = [self.list.item(row).data(Qt.ItemDataRole.UserRole)
                  for row in range(self.list.count())
                  if self.list.item(row).checkState() == Qt.CheckState.Checked]
        return self._extra + ticked
