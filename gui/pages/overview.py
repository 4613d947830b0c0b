"""Overview: the counts a manager asks for first, by county, as of today.

A stand-in until the dashboard: `gui.pages.PAGES` maps the key "overview" to this class,
and a dashboard page replaces the entry without touching the main window.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core import statistics
from core.changes import Changes
from core.ledger import Ledger

from ..i18n import tr
from .base import Page


def read_summary(ledger: Ledger) -> statistics.Report:
    return statistics.progress(ledger, groups=("region",))


def rate_text(progress: statistics.Progress) -> str:
    rate = progress.clearance_rate
    return "—" if rate is None else f"{rate}%"


class OverviewPage(Page):
    key = "overview"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.figures: dict[str, QLabel] = {}
        tiles = QGridLayout()
        names = (("assigned", tr("Assigned")), ("closed", tr("Closed")),
                 ("rate", tr("Zero-clearance rate")), ("reported_done", tr("Awaiting check")),
                 ("overdue", tr("Overdue")), ("due_10", tr("Due within 10 days")))
        for column, (key, caption) in enumerate(names):
            label = QLabel(caption)
            figure = QLabel("…")
            figure.setObjectName(f"figure_{key}")
            figure.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1b5e20;"
                                 if key != "overdue" else
                                 "font-size: 20pt; font-weight: bold; color: #b3261e;")
            tiles.addWidget(label, 0, column)
            tiles.addWidget(figure, 1, column)
            self.figures[key] = figure
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([tr("County"), tr("Assigned"), tr("Closed"),
                                              tr("Zero-clearance rate"), tr("Overdue"),
                                              tr("Due within 10 days")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(tiles)
        layout.addWidget(QLabel(tr("By county")))
        layout.addWidget(self.table, 1)
        ctx.changed.connect(self._on_changes)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.db.op(read_summary).success(self._show).run()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("problem", "deadline_extension", "setting"):
            self.refresh()

    def _show(self, report: statistics.Report) -> None:
        total = report.total
        self.heading.setText(tr("{unit}: rectification as of {day}").format(
            unit=self.ctx.bureau.unit_name, day=report.as_of))
        values = {"assigned": f"{total.assigned:,}", "closed": f"{total.closed:,}",
                  "rate": rate_text(total), "reported_done": f"{total.reported_done:,}",
                  "overdue": f"{total.overdue:,}", "due_10": f"{total.due_10:,}"}
        for key, text in values.items():
            self.figures[key].setText(text)
        rows = report.by.get("region", [])
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = (row.name, f"{row.assigned:,}", f"{row.closed:,}", rate_text(row),
                     f"{row.overdue:,}", f"{row.due_10:,}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(number, column, item)
