"""The inspection sheet of a drawn task, pre-filled: the enterprise, the items, the two officers.

Its `row_id` is the task's id, so a draft left by a crash comes back as this same sheet;
saving records the inspection and counts it for the task in one core call.
"""
from __future__ import annotations

from typing import Any

from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger
from core.random_inspection import tasks

from ..i18n import tr
from .inspection import InspectionForm, check_sheet, split


class TaskInspectionForm(InspectionForm):
    form_name = "random_task"

    def title(self) -> str:
        return tr("Random inspection of a drawn task")

    def load(self, ledger: Ledger, row_id: str) -> dict[str, Any]:
        return tasks.sheet(ledger, row_id)

    def ready(self) -> None:
        self.fields["enterprise_id"].widget.setEnabled(False)  # the drawn one, no other
        self.fields["kind"].widget.setEnabled(False)

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        _, officers, _ = split(raw)
        task = tasks.get(ledger, self.row_id)
        return check_sheet(ledger, raw) + tasks.officer_issues(ledger, task, officers)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        inspection, officers, found = split(raw)
        return tasks.record(ledger, self.row_id, inspection, officers, found)
