"""The answer to a refused stale save: what someone else saved since the form was opened,
beside what this form holds, and the choice to reload the saved record or apply these
values again on purpose."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core import versions

from ..i18n import tr


def _mine(raw: dict[str, Any], field: str) -> Any:
    """The form's value of a stored field (a fine typed in yuan is stored as fen)."""
    if field in raw:
        return raw[field]
    if field.endswith("_fen"):
        return raw.get(field.removesuffix("_fen"), raw.get(field.replace("_fen", "_amount")))
    return None


class StaleDialog(QDialog):
    """`choice` is "reload", "apply" or "" (back to the form, nothing done)."""

    def __init__(self, error: versions.StaleWrite, raw: dict[str, Any],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(tr("Changed by someone else"))
        last = error.changes[-1]
        intro = QLabel(tr("{who} saved this record at {at}, after you opened it. Nothing of "
                          "yours was saved yet.").format(who=last.operator,
                                                         at=last.at.replace("T", " ")))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(error.changes), 4)
        self.table.setHorizontalHeaderLabels(
            [tr("Field"), tr("When you opened it"), tr("Saved since"), tr("Yours now")])
        for row, change in enumerate(error.changes):
            cells = (versions.field_label(change.field), versions.shown(change.was),
                     versions.shown(change.now), versions.shown(_mine(raw, change.field)))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(560)
        self.table.setMaximumHeight(40 + 34 * min(len(error.changes), 8))
        buttons = QDialogButtonBox()
        self.reload_button = buttons.addButton(tr("Reload the saved record"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button = buttons.addButton(tr("Apply mine again"),
                                              QDialogButtonBox.ButtonRole.DestructiveRole)
        back = buttons.addButton(tr("Back to the form"), QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(lambda: self._choose("reload"))
        self.apply_button.clicked.connect(lambda: self._choose("apply"))
        back.clicked.connect(self.reject)
        self.reload_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        note = QLabel(tr("Reload shows the saved record (what you typed is dropped); Apply "
                         "mine again writes your values over it."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
