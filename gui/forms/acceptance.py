"""Closing a problem (销号) with its acceptance (验收): the day, who verified it and for which
unit, the opinion, and the after-photos. A small form rather than a one-click button, so
that no problem is closed without the record of its verification."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from core import dates, problems
from core.changes import Changes
from core.errors import Issue
from core.ledger import Ledger

from .. import folders
from ..context import AppContext
from ..i18n import tr
from .base import FormDialog

FIELDS = ("accepted_on", "accepted_by", "accepted_unit", "opinion")


class PhotoList(QWidget):
    """The files chosen to attach, with buttons to add and remove them."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.list = QListWidget()
        self.list.setFixedHeight(64)
        self.add_button = QPushButton(tr("Add after-photos…"))
        self.add_button.clicked.connect(self._choose)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def paths(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_paths(self, paths: list[str] | None) -> None:
        self.list.clear()
        for path in paths or []:
            item = QListWidgetItem(Path(path).name, self.list)  # the name; the path on hover
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
        self.changed.emit()

    def _choose(self) -> None:
        chosen = folders.open_files(
            self, self.ctx, tr("After-photos"),
            tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;All files (*)"))
        if chosen:
            self.set_paths(self.paths() + [p for p in chosen if p not in self.paths()])

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()


class AcceptanceForm(FormDialog):
    """Close problem `problem_id` (a manager's step) with its acceptance."""

    form_name = "acceptance"

    def __init__(self, ctx: AppContext, row_id: str | None = None,
                 values: dict[str, Any] | None = None, parent: QWidget | None = None,
                 problem_id: str | None = None, heading: str = ""):
        self.problem_id = problem_id or (values or {}).get("problem_id")
        self.heading = heading
        super().__init__(ctx, None, values, parent)  # an acceptance is made, not edited
        if heading:  # which problem is being closed, above the fields
            label = QLabel(tr("Closing {problem}").format(problem=heading))
            label.setWordWrap(True)
            label.setStyleSheet("font-weight: bold;")
            self.layout().insertWidget(0, label)

    def title(self) -> str:
        return tr("Close after acceptance") + (f" — {self.heading}" if self.heading else "")

    def build(self) -> None:
        self.add_date("accepted_on", tr("Accepted on"))
        self.add_text("accepted_by", tr("Verified by"))
        self.add_text("accepted_unit", tr("Verifying unit"))
        self.add_note("opinion", tr("Acceptance opinion"))
        photos = PhotoList(self.ctx)
        self.photo_list = self._add("photos", tr("After-photos"), photos, photos.paths,
                                    photos.set_paths, photos.changed)
        self.save_button.setText(tr("Close the problem"))

    def ready(self) -> None:
        if not self.fields["accepted_on"].read():
            self.set_values({"accepted_on": dates.today().isoformat()})
        if not self.fields["accepted_unit"].read() and self.ctx.bureau.unit_name:
            self.set_values({"accepted_unit": self.ctx.bureau.unit_name})
        self.validate()  # what is still missing shows at once, and Save waits for it

    def raw(self) -> dict[str, Any]:
        return {**super().raw(), "problem_id": self.problem_id}

    def check(self, ledger: Ledger, raw: dict[str, Any]) -> list[Issue]:
        issues = list(problems.check_close(ledger, raw["problem_id"], _acceptance(raw)).issues)
        missing = [p for p in raw.get("photos") or [] if not Path(p).is_file()]
        if missing:
            issues.append(Issue("photos", "error.attachment_missing", {"path": missing[0]}))
        return issues

    def write(self, ledger: Ledger, raw: dict[str, Any]) -> Changes:
        acceptance = _acceptance(raw)
        return problems.transition(ledger, raw["problem_id"], "closed", acceptance["accepted_on"],
                                   acceptance=acceptance, photos=raw.get("photos") or ())


def _acceptance(raw: dict[str, Any]) -> dict[str, Any]:
    return {key: raw.get(key) for key in FIELDS}
