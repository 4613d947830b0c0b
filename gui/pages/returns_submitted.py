"""报送记录: the returns sent upward, which figures changed since, locking their period."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QInputDialog, QLabel, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from core.changes import Changes

from ..context import AppContext
from ..i18n import tr
from ..models.returns import ChangedModel, SubmissionModel


def read_submitted(ledger) -> dict[str, Any]:
    """On the worker: each submission with the cells today's ledger gives differently."""
    from core.returns import forms, submissions
    known = forms.paths(ledger)
    titles = {name: forms.find(ledger, str(path)).description for name, path in known.items()}
    return {"sent": [(s, submissions.changes(ledger, s)) for s in submissions.listed(ledger)],
            "locked": submissions.locked_through(ledger), "titles": titles}


class SubmittedPanel(QWidget):
    """The list of submissions and the changed cells of the selected one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = SubmissionModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.changed_model = ChangedModel()
        self.changed_view = QTableView()
        self.changed_view.setModel(self.changed_model)
        self.changed_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.changed_view.horizontalHeader().setStretchLastSection(True)
        self.lock_button = QPushButton(tr("Lock this period"))
        self.unlock_button = QPushButton(tr("Unlock…"))
        self.lock_button.clicked.connect(self.lock_selected)
        self.unlock_button.clicked.connect(self.ask_unlock)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.lock_button)
        bar.addWidget(self.unlock_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.changed_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.stale = True
        self.locked: str | None = None
        ctx.changed.connect(self._changed)

    def _changed(self, _changes) -> None:
        self.stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        self.ctx.db.op(read_submitted).success(self._set).run()

    def _set(self, found: dict[str, Any]) -> None:
        self.model.titles = found["titles"]
        self.model.set_rows(found["sent"])
        self.locked = found["locked"]
        self.status.setText(tr("Locked through {day}: writes dated on or before it are refused.")
                            .format(day=self.locked) if self.locked else
                            tr("No period is locked."))
        self.unlock_button.setEnabled(bool(self.locked))
        if self.model.rows:
            self.view.selectRow(0)
        self._show_selected()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        item = self.selected()
        self.changed_model.set_rows(item[1] if item else [])
        self.lock_button.setEnabled(item is not None)

    def lock_selected(self) -> None:
        from core.returns import submissions
        item = self.selected()
        if item is None:
            return
        sent_id = item[0].id
        self.ctx.db.op(lambda ledger: submissions.lock(ledger, sent_id)) \
            .failure(lambda error: self.status.setText(str(error))).run()

    def ask_unlock(self) -> None:
        reason, ok = QInputDialog.getText(self, tr("Unlock the period"),
                                          tr("Why is the period unlocked?"))
        if ok:
            self.unlock(reason)

    def unlock(self, reason: str) -> None:
        from core.returns import submissions
        self.ctx.db.op(lambda ledger: submissions.unlock(ledger, reason)) \
            .failure(lambda error: self.status.setText(str(error))).run()


def submit(ledger, name: str, path, as_of: str, campaign_id: str | None, note: str) -> Changes:
    """On the worker: export and record the return; the change announces it to every page.
    The save dialog has asked before replacing a file."""
    from core.returns import submissions
    sent = submissions.submit(ledger, name, path, as_of, campaign_id, correction_note=note,
                              allow_blank=True, force=True)
    return Changes.of("return_submission", ids=(sent.id,))


def before_submit(ledger, name: str, as_of: str, campaign_id: str | None) -> dict[str, Any]:
    """On the worker: what to ask before submitting: blank marks, an earlier submission."""
    from core.returns import forms, marks, submissions
    form = forms.find(ledger, name)
    earlier = submissions.previous(ledger, form.name, as_of, campaign_id)
    return {"blanks": marks.blanks(ledger, form), "earlier": earlier}
