"""A request for a later deadline (延期申请): it counts once a manager approves it."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from core import dates, problems
from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger

from ..context import AppContext
from ..i18n import tr
from .base import FormDialog


class ExtensionForm(FormDialog):
    """Ask for a later deadline of problem `problem_id`, with a reason."""

    form_name = "extension"

    def __init__(self, ctx: AppContext, row_id: str | None = None,
                 values: dict[str, Any] | None = None, parent: QWidget | None = None,
                 problem_id: str | None = None):
        self.problem_id = problem_id or (values or {}).get("problem_id")
        super().__init__(ctx, None, values, parent)  # a request is never edited, only made

    def title(self) -> str:
        return tr("Request a deadline extension")

    def build(self) -> None:
        self.add_date("new_deadline", tr("New deadline"))
        self.add_note("reason", tr("Reason"))
        self.add_date("requested_on", tr("Requested on"))

    def ready(self) -> None:
        if not self.fields["requested_on"].read():
            self.set_values({"requested_on": dates.today().isoformat()})

    def raw(self) -> dict[str, Any]:
        return {**super().raw(), "problem_id": self.problem_id}

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return list(problems.check_extension(ledger, raw["problem_id"], _request(raw)).issues)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        request = _request(raw)
        return problems.request_extension(ledger, raw["problem_id"], request["new_deadline"],
                                          request["reason"], request["requested_on"])


def _request(raw: dict[str, Any]) -> dict[str, Any]:
    return {"new_deadline": raw.get("new_deadline"), "reason": raw.get("reason") or "",
            "requested_on": raw.get("requested_on") or dates.today().isoformat()}
