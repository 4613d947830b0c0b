"""The rectification ledger: every problem, filtered and searched, with its detail beside."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.queries import PROBLEMS

from ..i18n import tr
from .base import BrowserPage

if TYPE_CHECKING:
    from .problem_detail import ProblemDetail


class ProblemsPage(BrowserPage):
    key = "problems"
    view = PROBLEMS
    columns = ("number", "region", "enterprise", "category", "description", "assigned_on",
               "deadline", "status", "source", "responsible_unit")
    watched = ("problem", "enterprise", "attachment")

    def side_panel(self) -> QWidget:
        """A place for the detail: the panel itself (its modules and some hundred widgets)
        is built once the window has painted its first rows, or when a row is chosen."""
        self._side = QWidget()
        QVBoxLayout(self._side).setContentsMargins(0, 0, 0, 0)
        self._detail: "ProblemDetail | None" = None
        return self._side

    @property
    def detail(self) -> "ProblemDetail":
        if self._detail is None:
            from .problem_detail import ProblemDetail

            self._detail = ProblemDetail(self.ctx)
            self._side.layout().addWidget(self._detail)
        return self._detail

    def when_idle(self) -> None:
        """Called by the main window once its first paint is done (at once for a page
        opened later)."""
        self.detail  # noqa: B018 - builds it

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.detail.show_problem(self.model.row_id(current.row())
                                                        if current.isValid() else None))
        self.resize_columns({"number": 120, "region": 80, "enterprise": 200, "category": 90,
                             "description": 280, "assigned_on": 95, "deadline": 95,
                             "status": 95, "source": 90})
        self.selection = QLabel()
        self.selection.setObjectName("selection")
        self.selection.setStyleSheet("background: #e8f0fe; padding: 4px;")
        self.selection.hide()
        self.layout().insertWidget(1, self.selection)
        self.filters.changed.connect(lambda _: self.selection.hide())

    def show_rows(self, ids: list[str], caption: str) -> None:
        """Show exactly the problems `ids` (a drill-down from a plot), described by
        `caption`, until a filter changes."""
        self.selection.setText(caption)
        self.selection.show()
        self.model.set_query(replace(self.filters.query(), ids=tuple(ids)))

    def new_record(self) -> None:
        from ..forms import ProblemForm
        ProblemForm(self.ctx, parent=self).open()

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            from ..forms import ProblemForm
            ProblemForm.edit(self.ctx, row_id, parent=self)
