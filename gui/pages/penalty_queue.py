"""A manager's queue of penalty clocks: overdue, and due this week, with the case beside."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from core.changes import Changes
from core.ledger import Ledger

from ..i18n import tr
from .base import Page
from .penalty_detail import PENALTY_TABLES, ClocksTable, PenaltyDetail


def read_queue(ledger: Ledger) -> tuple[dict, dict[str, str]]:
    """The queue and each case's enterprise (or county) name, on the worker."""
    from core.penalties import clocks

    found = clocks.queue(ledger)
    return found, clocks.case_names(ledger, {c.case_id for g in found.values() for c in g})


class PenaltyQueuePage(Page):
    key = "penalty_clocks"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.overdue = ClocksTable(with_case=True)
        self.this_week = ClocksTable(with_case=True)
        self.overdue_label, self.week_label = QLabel(), QLabel()
        self.overdue_label.setStyleSheet("font-weight: bold; color: #c62828;")
        self.week_label.setStyleSheet("font-weight: bold; color: #e65100;")
        lists = QWidget()
        column = QVBoxLayout(lists)
        column.setContentsMargins(0, 0, 0, 0)
        for label, table in ((self.overdue_label, self.overdue), (self.week_label, self.this_week)):
            column.addWidget(label)
            column.addWidget(table, 1)
            table.itemSelectionChanged.connect(lambda t=table: self._selected(t))
        self.detail = PenaltyDetail(ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(lists)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.new_button = QPushButton(tr("New penalty case…"))
        self.new_button.clicked.connect(self.new_record)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter)
        ctx.changed.connect(self._on_changes)
        self.refresh()

    def new_record(self) -> None:
        from .. import forms
        forms.PenaltyForm(self.ctx, parent=self).open()

    def refresh(self) -> None:
        self.ctx.db.op(read_queue).success(self._show).run()

    def _show(self, result) -> None:
        found, names = result
        self.overdue_label.setText(tr("Overdue: {n}").format(n=len(found["overdue"])))
        self.week_label.setText(tr("Due this week: {n}").format(n=len(found["this_week"])))
        self.overdue.show_clocks(found["overdue"], names)
        self.this_week.show_clocks(found["this_week"], names)

    def _selected(self, table: ClocksTable) -> None:
        rows = table.selectionModel().selectedRows()
        if rows:
            other = self.this_week if table is self.overdue else self.overdue
            other.blockSignals(True)
            other.clearSelection()
            other.blockSignals(False)
            self.detail.show_case(table.case_ids[rows[0].row()])

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*PENALTY_TABLES):
            self.refresh()
