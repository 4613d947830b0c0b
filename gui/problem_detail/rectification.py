"""The rectification part of a problem's detail: its measures, and its deadline extensions."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from ..context import AppContext
from ..i18n import tr
from ..widgets import FlowLayout


def measure_text(measure: dict[str, Any]) -> str:
    """One line of the measures list: number, what, who, by when, how far, done."""
    parts = [f"{measure['seq']}. {measure['description']}"]
    if measure["responsible"]:
        parts.append(measure["responsible"])
    if measure["deadline"] or measure.get("deadline_text"):
        from core import deadlines
        parts.append(tr("by {day}").format(day=deadlines.describe(
            measure.get("deadline_kind"), measure["deadline"], measure.get("deadline_text"))))
    parts.append(f"{measure['progress'] or 0}%")
    if measure["done_on"]:
        parts.append(tr("done {day}").format(day=measure["done_on"]))
    return " · ".join(parts)


class RectificationPanel(QWidget):
    """Measures (Ctrl+M adds one, Enter on one edits it, a manager may delete one entered by
    mistake) and extensions (Ctrl+E requests one; a manager approves or refuses the latest
    undecided request, then the one before it)."""

    def __init__(self, ctx: AppContext, approve: Callable[[str], None],
                 delete_measure: Callable[[str], None], refuse: Callable[[str], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.problem_id: str | None = None
        self.pending: dict[str, Any] | None = None
        self.dialog = None  # the form last opened, so that a test or caller can reach it
        self._approve = approve
        self._delete_measure = delete_measure
        self._refuse = refuse
        self.measures = QListWidget()
        self.measures.setObjectName("measures")
        self.measures.setWordWrap(True)
        self.measures.setMaximumHeight(96)
        self.measures.itemActivated.connect(
            lambda item: self.open_measure(item.data(Qt.ItemDataRole.UserRole)))
        self.add_measure_button = QPushButton(tr("Add measure… (Ctrl+M)"))
        self.add_measure_button.clicked.connect(lambda: self.open_measure(None))
        self.delete_measure_button = QPushButton(tr("Delete measure…"))
        self.delete_measure_button.setObjectName("delete_measure")
        self.delete_measure_button.clicked.connect(self.delete_selected_measure)
        self.delete_measure_button.hide()
        self.measures.currentItemChanged.connect(
            lambda item, _: self.delete_measure_button.setEnabled(item is not None))
        self.request_button = QPushButton(tr("Request extension… (Ctrl+E)"))
        self.request_button.clicked.connect(self.open_extension)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approve_extension")
        self.approve_button.clicked.connect(self._approve_pending)
        self.approve_button.hide()
        self.refuse_button = QPushButton(tr("Refuse…"))
        self.refuse_button.setObjectName("refuse_extension")
        self.refuse_button.clicked.connect(self._refuse_pending)
        self.refuse_button.hide()
        buttons = FlowLayout()  # wraps on a narrow detail pane
        for button in (self.add_measure_button, self.delete_measure_button, self.request_button,
                       self.approve_button, self.refuse_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Rectification measures")))
        layout.addWidget(self.measures)
        layout.addLayout(buttons)

    def add_shortcuts(self, owner: QWidget) -> None:
        """Ctrl+M and Ctrl+E wherever the focus is within `owner` (the whole detail)."""
        for keys, slot in (("Ctrl+M", lambda: self.open_measure(None)),
                           ("Ctrl+E", self.open_extension)):
            QShortcut(QKeySequence(keys), owner, activated=slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def show_rectification(self, problem_id: str | None, measures: list[dict[str, Any]],
                           extensions: list[dict[str, Any]], may_approve: bool,
                           problem_open: bool = True, may_delete: bool = False) -> None:
        self.problem_id = problem_id
        self.measures.clear()
        self.delete_measure_button.setVisible(may_delete and bool(measures))
        self.delete_measure_button.setEnabled(False)
        for measure in measures:
            item = QListWidgetItem(measure_text(measure), self.measures)
            item.setData(Qt.ItemDataRole.UserRole, measure["id"])
        self.request_button.setEnabled(problem_open)  # a closed problem has no deadline left
        pending = [e for e in extensions if not e["approved_on"] and not e["refused_on"]]
        self.pending = pending[-1] if pending else None
        # a clerk is not offered the decision at all (core refuses it too)
        deciding = may_approve and problem_open and self.pending is not None
        self.approve_button.setVisible(deciding)
        self.refuse_button.setVisible(deciding)
        if self.pending:
            self.approve_button.setText(tr("Approve extension to {day}").format(
                day=self.pending["new_deadline"]))

    def open_measure(self, measure_id: str | None):
        """The measure form: a new measure of this problem, or `measure_id` to update."""
        from ..forms.measure import MeasureForm
        if self.problem_id is None:
            return None
        if measure_id:
            self.dialog = MeasureForm.edit(self.ctx, measure_id, parent=self,
                                           problem_id=self.problem_id)
            return self.dialog
        return self._open(MeasureForm(self.ctx, parent=self, problem_id=self.problem_id))

    def delete_selected_measure(self) -> None:
        """Delete the selected measure once the user confirms (a manager's action)."""
        item = self.measures.currentItem()
        if item is None or not self.delete_measure_button.isVisible():
            return
        if self.confirm_delete(item.text()):
            self._delete_measure(item.data(Qt.ItemDataRole.UserRole))

    def confirm_delete(self, text: str) -> bool:
        answer = QMessageBox.question(
            self, tr("Delete measure"),
            tr("Delete the measure “{measure}”? The change history keeps a record of it.")
            .format(measure=text))
        return answer == QMessageBox.StandardButton.Yes

    def open_extension(self):
        from ..forms.extension import ExtensionForm
        if self.problem_id is None or not self.request_button.isEnabled():
            return None
        return self._open(ExtensionForm(self.ctx, parent=self, problem_id=self.problem_id))

    def _open(self, dialog):
        self.dialog = dialog
        dialog.open()
        return dialog

    def _approve_pending(self) -> None:
        if self.pending is not None:
            self._approve(self.pending["id"])

    def _refuse_pending(self) -> None:
        if self.pending is not None and self.confirm_refusal(self.pending):
            self._refuse(self.pending["id"])

    def confirm_refusal(self, extension: dict[str, Any]) -> bool:
        answer = QMessageBox.question(
            self, tr("Refuse extension"),
            tr("Refuse the request to extend the deadline to {day}? The deadline in force "
               "stays.").format(day=extension["new_deadline"]))
        return answer == QMessageBox.StandardButton.Yes
