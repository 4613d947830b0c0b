"""The rectification ledger: every problem, filtered and searched, with its detail beside."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.queries import PROBLEMS

from ..enums import RICH_TEXT
from ..i18n import tr
from .base import BrowserPage

if TYPE_CHECKING:
    from ..problem_detail.detail import ProblemDetail


def _escape(text: str) -> str:
    """`html.escape` for a label's rich text, without importing html (its entity tables
    cost the first page some 20 ms)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
            from ..problem_detail.detail import ProblemDetail

            self._detail = ProblemDetail(self.ctx)
            self._side.layout().addWidget(self._detail)
        return self._detail

    def when_idle(self) -> None:
        super().when_idle()
        self.detail  # noqa: B018 - builds it

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.resize_columns({"number": 120, "region": 80, "enterprise": 200, "category": 90,
                             "description": 280, "assigned_on": 95, "deadline": 95,
                             "status": 95, "source": 90})
        # the words are translated, the colour swatches are markup of their own
        swatch = "<span style='color:{}'>■</span> {}"
        self.legend.setProperty("textFormat", RICH_TEXT)
        self.legend.setText("\u2003".join((
            swatch.format("#b3261e", _escape(tr("red: overdue (open, past the deadline in force)"))),
            swatch.format("#8a8a8a", _escape(tr("grey: withdrawn"))))))
        self.legend.show()

    def empty_text(self) -> str:
        return tr("No problems in this ledger yet. Record the first one with New record, or "
                  "import the rectification ledger your bureau keeps in Excel.")

    def row_chosen(self, row_id: str | None) -> None:
        if row_id is None and self._detail is None:
            return  # nothing to clear: the detail is not built yet (see when_idle)
        self.detail.show_problem(row_id)

    def new_record(self) -> None:
        from ..forms import ProblemForm
        self.open_form(ProblemForm(self.ctx, parent=self))

    def open_row(self, number: int) -> None:
        row_id = self.model.row_id(number)
        if row_id:
            from ..forms import ProblemForm
            self.edit_form(ProblemForm, row_id)
