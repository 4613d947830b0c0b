"""The rectification ledger: every problem, filtered and searched, with its detail beside."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from core.queries import PROBLEMS

from ..i18n import tr
from .base import BrowserPage
from .problem_detail import ProblemDetail


class ProblemsPage(BrowserPage):
    key = "problems"
    view = PROBLEMS
    columns = ("number", "region", "enterprise", "category", "description", "assigned_on",
               "deadline", "status", "source", "responsible_unit")
    watched = ("problem", "enterprise", "attachment")

    def side_panel(self) -> QWidget:
        self.detail = ProblemDetail(self.ctx)
        return self.detail

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.resize_columns({"number": 120, "region": 80, "enterprise": 200, "category": 90,
                             "description": 280, "assigned_on": 95, "deadline": 95,
                             "status": 95, "source": 90})
        # the words are translated, the colour swatches are markup of their own
        swatch = "<span style='color:{}'>■</span> {}"
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText("\u2003".join((
            swatch.format("#b3261e", escape(tr("red: overdue (open, past the deadline in force)"))),
            swatch.format("#8a8a8a", escape(tr("grey: withdrawn"))))))
        self.legend.show()

    def empty_text(self) -> str:
        return tr("No problems in this ledger yet. Record the first one with New record, or "
                  "import the rectification ledger your bureau keeps in Excel.")

    def row_chosen(self, row_id: str | None) -> None:
        self.detail.show_problem(row_id)

    def new_record(self) -> None:
        from ..forms import ProblemForm
        self.open_form(ProblemForm(self.ctx, parent=self))

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            from ..forms import ProblemForm
            self.edit_form(ProblemForm, row_id)
