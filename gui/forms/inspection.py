"""One form for a paper inspection sheet: the inspection, its officers, the problems found."""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPushButton

from core import inspections, permissions, queries
from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger
from core.vocabulary import INSPECTION_KINDS, INSPECTION_RESULTS

from .. import labels
from ..i18n import tr
from .base import FormDialog

OFFICER_FIELDS = ("officer_1", "officer_2", "officer_3")
PROBLEM_FIELDS = ("category", "description", "deadline")
_PROBLEM_KEY = re.compile(r"^problems\[(\d+)\]\.(\w+)$")


def split(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[dict[str, Any]]]:
    """The form's flat values as (inspection, officers, problems found)."""
    inspection = {k: v for k, v in raw.items()
                  if k not in OFFICER_FIELDS and not _PROBLEM_KEY.match(k)}
    officers = [raw[k] for k in OFFICER_FIELDS if raw.get(k)]
    found: dict[int, dict[str, Any]] = {}
    for key, value in raw.items():
        match = _PROBLEM_KEY.match(key)
        if match:
            found.setdefault(int(match[1]), {})[match[2]] = value
    return inspection, officers, [found[i] for i in sorted(found)]


def check_sheet(ledger: Ledger, raw: dict[str, Any], row_id: str | None = None) -> list[Issue]:
    """Every finding `inspections.add` (or `update`) would make, without writing anything."""
    inspection, officers, found = split(raw)
    return inspections.check_sheet(ledger, inspection, officers, found, row_id)[1]


def load_sheet(ledger: Ledger, row_id: str) -> dict[str, Any]:
    """A saved sheet as the form's values, with what it found (shown, not edited here)."""
    stored = inspections.get(ledger, row_id)
    for key, name in zip(OFFICER_FIELDS, stored["officers"]):
        stored[key] = name
    stored["recorded"] = inspections.problems_of(ledger, row_id)
    stored["may_delete"] = permissions.can(ledger, permissions.Action.DELETE_INSPECTION)
    return stored


class InspectionForm(FormDialog):
    """A paper sheet typed in one pass: Enter moves on to the next field, and only Ctrl+S
    or the Save button saves, so that a half-typed sheet is never saved by a stray Enter."""

    form_name = "inspection"
    enter_saves = False

    def title(self) -> str:
        return tr("Inspection sheet") if self.row_id else tr("New inspection")

    def build(self) -> None:
        self.problem_count = 0
        self.add_enterprise("enterprise_id", tr("Enterprise"))
        self.add_date("inspected_on", tr("Inspected on"))
        self.add_choice("kind", tr("Kind"),
                        [(k, labels.choice("inspection_kind", k)) for k in INSPECTION_KINDS])
        self.add_choice("result", tr("Result"),
                        [(r, labels.choice("inspection_result", r)) for r in INSPECTION_RESULTS])
        self.add_choice("campaign_id", tr("Campaign"), self.ctx.bureau.campaigns,
                        blank=tr("(none)"))
        for number, key in enumerate(OFFICER_FIELDS, 1):
            self.add_text(key, tr("Officer {number}").format(number=number))
        self.aliases["officers"] = "officer_1"
        self.add_note("notes", tr("Notes"))
        self.add_button = QPushButton(tr("&Add a problem found (Ctrl+Shift+P)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_problem)
        self.layout().insertWidget(1, self.add_button)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self.add_problem)
        self.recorded = QLabel()
        self.recorded.setWordWrap(True)
        self.recorded.hide()
        self.layout().insertWidget(1, self.recorded)
        self.delete_button = self.buttons.addButton(tr("Delete inspection…"),
                                                    QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.ask_delete)
        self.delete_button.hide()  # until the worker says this operator may

    def add_problem(self) -> None:
        """Append the fields of one more problem found, and put the cursor in them."""
        number = self.problem_count
        self.problem_count += 1
        prefix = f"problems[{number}]."
        title = tr("Problem {number}").format(number=number + 1)
        category = self.add_choice(prefix + "category", title + " · " + tr("Category"),
                                   self.ctx.bureau.choices("category"))
        self.add_note(prefix + "description", title + " · " + tr("Description"))
        self.add_deadline(prefix + "deadline", title + " · " + tr("Deadline"))
        self.fields["result"].write("problems_found")
        self._chain_tab_order()
        category.setFocus()
        self.bring_into_view(category, self.fields[prefix + "deadline"].widget)
        self._changed()

    def prepare(self, ledger: Ledger) -> Any:
        return queries.enterprise_names(ledger, "", limit=50_000)

    def prepared(self, data: Any) -> None:
        self.fields["enterprise_id"].widget.set_enterprises(data)

    def set_values(self, values: dict[str, Any]) -> None:
        wanted = 1 + max((int(m[1]) for m in map(_PROBLEM_KEY.match, values) if m), default=-1)
        while self.problem_count < wanted:
            self.add_problem()
        super().set_values(values)

    def load(self, ledger: Ledger, row_id: str) -> dict[str, Any]:
        return load_sheet(ledger, row_id)

    def _started(self, data: Any, stored: dict | None, version: int | None,
                 values: dict | None) -> None:
        if stored:  # a saved sheet (a drawn task's pre-filled sheet has neither key)
            recorded = stored.pop("recorded", [])
            self.delete_button.setVisible(stored.pop("may_delete", False))
            if recorded:
                self.recorded.setText(tr("Problems found on this sheet: {list}. Correct them "
                                         "on the Problems page; problems added below are "
                                         "added to them.").format(list="；".join(
                                             p["number"] or p["description"][:30]
                                             for p in recorded)))
                self.recorded.show()
        super()._started(data, stored, version, values)

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        return check_sheet(ledger, raw, self.row_id)

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        inspection, officers, found = split(raw)
        if self.row_id:
            return inspections.update(ledger, self.row_id, inspection, officers, found,
                                      self.version)
        return inspections.add(ledger, inspection, officers, found)

    def ask_delete(self) -> None:
        answer = QMessageBox.question(
            self, tr("Delete inspection"),
            tr("Delete this inspection sheet? The change history keeps a record of it."))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete()

    def delete(self) -> None:
        row_id = self.row_id
        self.ctx.db.op(lambda ledger: inspections.delete(ledger, row_id)).success(
            self._deleted).failure(self._refused).run()

    def _deleted(self, changes: Changes) -> None:
        self.ctx.drafts.discard(self.draft_key)
        self.saved.emit(changes)
        self._pristine = self.raw()
        QDialog.accept(self)
