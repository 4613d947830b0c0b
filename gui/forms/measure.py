"""A rectification measure (整改措施) of one problem: what, who, by when, how far along."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from core import deadlines, problems, rows
from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger

from ..context import AppContext
from ..i18n import tr
from .base import FormDialog

FIELDS = ("description", "responsible", "deadline", "progress", "done_on")


class MeasureForm(FormDialog):
    """New measure of `problem_id`, or the measure `row_id` to update."""

    form_name = "measure"

    def __init__(self, ctx: AppContext, row_id: str | None = None,
                 values: dict[str, Any] | None = None, parent: QWidget | None = None,
                 problem_id: str | None = None):
        # a restored draft carries the problem it belongs to among its values
        self.problem_id = problem_id or (values or {}).get("problem_id")
        super().__init__(ctx, row_id, values, parent)

    def title(self) -> str:
        return tr("Rectification measure") if self.row_id else tr("New rectification measure")

    def build(self) -> None:
        self.add_note("description", tr("Measure"))
        self.add_text("responsible", tr("Responsible"))
        self.add_deadline("deadline", tr("Deadline"))
        self.add_text("progress", tr("Progress (%)"))
        self.add_date("done_on", tr("Done on"))

    def raw(self) -> dict[str, Any]:
        return {**super().raw(), "problem_id": self.problem_id}

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        start = problems.get(ledger, raw["problem_id"])["assigned_on"] if raw.get("problem_id") \
            else None
        return list(problems.check_measure(_measure(raw), start).issues)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        if self.row_id:
            return problems.update_measure(ledger, self.row_id, _measure(raw), self.version)
        return problems.add_measure(ledger, raw["problem_id"], _measure(raw))

    def load(self, ledger: Ledger, row_id: str) -> dict[str, Any]:
        measure = rows.get(ledger, "measure", row_id)
        measure["deadline"] = deadlines.typed(measure["deadline_kind"], measure["deadline"],
                                              measure["deadline_text"])
        measure["progress"] = str(measure["progress"] if measure["progress"] is not None else "")
        return measure


def _measure(raw: dict[str, Any]) -> dict[str, Any]:
    return {key: raw.get(key) for key in FIELDS}
