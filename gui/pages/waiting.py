"""What waits for a manager (待审批 / 待核销): extension requests to approve or refuse, and
problems reported done to verify; the problem beside, where the decision is taken."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from core import waiting
from core.changes import Changes

from ..i18n import tr
from ..problem_detail.detail import ProblemDetail
from .base import Page

WATCHED = ("problem", "deadline_extension", "problem_log")


class WaitingTable(QTableWidget):
    """One kind of waiting item as rows; `problem_ids` follows the rows."""

    def __init__(self, heads: list[str], parent: QWidget | None = None):
        super().__init__(0, len(heads), parent)
        self.setHorizontalHeaderLabels(heads)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(24)
        self.problem_ids: list[str] = []

    def show_items(self, items: list[waiting.Waiting], cells) -> None:
        self.setRowCount(len(items))
        self.problem_ids = [item.problem_id for item in items]
        for row, item in enumerate(items):
            for column, text in enumerate(cells(item)):
                self.setItem(row, column, QTableWidgetItem(text or ""))
        self.resizeColumnsToContents()
        for column in range(self.columnCount() - 1):
            self.setColumnWidth(column, min(self.columnWidth(column), 260))

    def current_problem(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return self.problem_ids[rows[0].row()] if rows else None


class WaitingPage(Page):
    key = "waiting"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.items: list[waiting.Waiting] = []
        self.extensions = WaitingTable([tr("Number"), tr("Enterprise"), tr("County"),
                                        tr("Requested on"), tr("New deadline"), tr("Reason")])
        self.reported = WaitingTable([tr("Number"), tr("Enterprise"), tr("County"),
                                      tr("Reported done on"), tr("Description")])
        self.extensions_label, self.reported_label = QLabel(), QLabel()
        for label in (self.extensions_label, self.reported_label):
            label.setStyleSheet("font-weight: bold;")
        hint = QLabel(tr("Select a row to decide beside it; double-click opens the problem on "
                         "the Problems page."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        lists = QWidget()
        column = QVBoxLayout(lists)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint)
        for label, table in ((self.extensions_label, self.extensions),
                             (self.reported_label, self.reported)):
            column.addWidget(label)
            column.addWidget(table, 1)
            table.itemSelectionChanged.connect(lambda t=table: self._selected(t))
            table.doubleClicked.connect(lambda _index, t=table: self.open_problem(t))
        self.detail = ProblemDetail(ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(lists)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        ctx.changed.connect(self._on_changes)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.db.read(waiting.queue).success(self._show).run()

    def _show(self, items: list[waiting.Waiting]) -> None:
        self.items = items
        asked = [i for i in items if i.kind == waiting.EXTENSION]
        done = [i for i in items if i.kind == waiting.REPORTED_DONE]
        self.extensions_label.setText(
            tr("Extension requests awaiting approval: {n}").format(n=len(asked)))
        self.reported_label.setText(
            tr("Reported done, awaiting verification: {n}").format(n=len(done)))
        self.extensions.show_items(asked, lambda i: [i.number, i.enterprise, i.region, i.since,
                                                     i.new_deadline, i.reason])
        self.reported.show_items(done, lambda i: [i.number, i.enterprise, i.region, i.since,
                                                  i.description])
        if self.detail.row_id and self.detail.row_id not in {i.problem_id for i in items}:
            self.detail.show_problem(None)  # decided: it waits no more

    def _selected(self, table: WaitingTable) -> None:
        found = table.current_problem()
        if found is None:
            return
        other = self.reported if table is self.extensions else self.extensions
        other.blockSignals(True)
        other.clearSelection()
        other.blockSignals(False)
        self.detail.show_problem(found)

    def open_problem(self, table: WaitingTable) -> None:
        """The problem on the Problems page, alone, selected."""
        found = table.current_problem()
        window = self.window()
        if found is None or not hasattr(window, "page"):
            return
        number = next((i.number for i in self.items if i.problem_id == found), "")
        page = window.page("problems")
        page.filters.set_values()
        page.show_rows([found], tr("Problem {number}, from the queue awaiting decision")
                       .format(number=number))
        page.select_when_loaded(found)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.refresh()
