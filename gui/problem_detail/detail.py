"""The detail of one problem: its timeline, measures, allowed workflow steps, notes, files."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from typing import TYPE_CHECKING

from core.changes import Changes
from core.ledger import Ledger

from .. import folders, labels
from ..context import AppContext
from ..i18n import tr
from ..forms.base import ERROR_STYLE
from ..widgets import ChoiceCombo, DateEdit, FlowLayout
from .photos import PhotoStrip
from .rectification import RectificationPanel

if TYPE_CHECKING:
    from core.attachments import Attachment


@dataclass
class ProblemDetailData:
    """Everything the panel shows, read in one go on the worker."""

    problem: dict[str, Any]
    enterprise: str = ""
    timeline: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    extensions: list[dict[str, Any]] = field(default_factory=list)
    allowed: tuple[str, ...] = ()
    may_approve: bool = False
    may_delete: bool = False
    files: list["Attachment"] = field(default_factory=list)
    penalty_cases: list[dict[str, Any]] = field(default_factory=list)
    acceptances: list[dict[str, Any]] = field(default_factory=list)
    deadline: str = ""  # the deadline as written and resolved (core.deadlines.describe)


def read_detail(ledger: Ledger, row_id: str) -> ProblemDetailData:
    """Runs on the worker (which also pays for importing the domain modules, not the GUI)."""
    from core import attachments, deadlines, permissions, problems, workflow

    problem = problems.get(ledger, row_id)
    may_approve = permissions.can(ledger, permissions.Action.APPROVE_EXTENSION)
    found = ledger.conn.execute("SELECT name FROM enterprise WHERE id = ?",
                                (problem["enterprise_id"],)).fetchone()
    return ProblemDetailData(
        problem=problem, enterprise=found[0] if found else "",
        timeline=problems.timeline(ledger, row_id), measures=problems.measures(ledger, row_id),
        extensions=problems.extensions(ledger, row_id),
        allowed=tuple(s.value for s in problems.allowed_transitions(ledger, row_id)
                      if permissions.may_move_to(ledger, s.value)),
        may_approve=may_approve,
        may_delete=permissions.can(ledger, permissions.Action.DELETE_MEASURE),
        files=attachments.of_problem(ledger, row_id),
        acceptances=problems.acceptances(ledger, row_id),
        deadline=deadlines.describe(problem["deadline_kind"], problem["deadline"],
                                    problem["deadline_text"]),
        penalty_cases=_penalty_cases(ledger, row_id))


def _penalty_cases(ledger: Ledger, row_id: str) -> list[dict[str, Any]]:
    from core import penalties
    return penalties.cases_of_problem(ledger, row_id)


def timeline_lines(data: ProblemDetailData) -> list[tuple[str, str]]:
    """(date, text) of every event, oldest first: status changes, notes, measures, extensions."""
    lines = []
    for entry in data.timeline:
        if entry["status_to"]:
            text = tr("Status: {status}").format(status=labels.choice("status", entry["status_to"]))
            if entry["note"]:
                text += " — " + entry["note"]
        else:
            text = tr("Note: {note}").format(note=entry["note"] or "")
        lines.append((entry["happened_on"], text))
    for ext in data.extensions:
        state = (tr("approved") if ext["approved_on"] else
                 tr("refused") if ext["refused_on"] else tr("requested"))
        lines.append((ext["requested_on"], tr("Extension to {day} ({state}): {reason}").format(
            day=ext["new_deadline"], state=state, reason=ext["reason"])))
    for accepted in data.acceptances:
        lines.append((accepted["accepted_on"], acceptance_text(accepted)))
    for measure in data.measures:
        if measure["done_on"]:
            lines.append((measure["done_on"], tr("Measure {seq} done: {text}").format(
                seq=measure["seq"], text=measure["description"])))
    return sorted(lines, key=lambda line: line[0])


def upcoming_lines(data: ProblemDetailData) -> list[tuple[str, str]]:
    """(due date or "", text) of what is still to be done, the earliest first, the undated
    last: measures not done, and the problem's deadline while it is open. Never events."""
    lines = []
    for measure in data.measures:
        if not measure["done_on"]:
            lines.append((measure["deadline"] or "", tr(
                "Measure {seq}: {text} — {progress}%").format(
                    seq=measure["seq"], text=measure["description"],
                    progress=measure["progress"])))
    p = data.problem
    if p["status"] != "closed" and not p.get("withdrawn_on") and p["deadline_in_force"]:
        lines.append((p["deadline_in_force"], tr("Deadline of the problem")))
    return sorted(lines, key=lambda line: (line[0] == "", line[0]))


def acceptance_text(accepted: dict[str, Any]) -> str:
    """One acceptance (验收) as the detail reads it."""
    who = accepted["accepted_by"] + (f"（{accepted['accepted_unit']}）"
                                     if accepted["accepted_unit"] else "")
    return tr("Accepted by {who}: {opinion}").format(who=who, opinion=accepted["opinion"])


class ProblemDetail(QWidget):
    """Shown beside the problems table for the selected row."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row_id: str | None = None
        self.data: ProblemDetailData | None = None
        self.transition_buttons: dict[str, QPushButton] = {}
        self._date_message = ""
        self._phase_for: str | None = None  # the problem the phase choice was defaulted for
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.transitions = FlowLayout()  # the steps wrap on a narrow pane
        self.on_day = DateEdit()
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Progress note or reason"))
        self.add_note_button = QPushButton(tr("Add note"))
        self.add_note_button.clicked.connect(self._add_note)
        self.note.returnPressed.connect(self._add_note)  # Enter adds the note
        self.on_day.textChanged.connect(self._entry_changed)
        self.note.textChanged.connect(self._entry_changed)
        self.rectification = RectificationPanel(ctx, self._approve_extension,
                                                self._delete_measure, self._refuse_extension)
        self.rectification.add_shortcuts(self)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.photos = PhotoStrip(ctx)
        self.attach_button = QPushButton(tr("Attach photos or files…"))
        self.attach_button.clicked.connect(self._attach)
        self.phase = ChoiceCombo([("before", tr("Before rectification")),
                                  ("after", tr("After rectification"))])
        self.phase.setToolTip(tr("Whether the photos attached next show the site before or "
                                 "after the rectification"))
        self.history_button = QPushButton(tr("History…"))
        self.history_button.clicked.connect(self.open_history)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addLayout(self.transitions)
        entry = QHBoxLayout()
        entry.addWidget(QLabel(tr("Date")))
        entry.addWidget(self.on_day)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.add_note_button)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(self.rectification)
        layout.addWidget(QLabel(tr("Timeline")))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.photos)
        attaching = QHBoxLayout()
        attaching.addWidget(QLabel(tr("Photos taken")))
        attaching.addWidget(self.phase)
        attaching.addWidget(self.attach_button, 1)
        layout.addLayout(attaching)
        layout.addWidget(self.history_button)
        ctx.changed.connect(self._on_changes)
        self.show_problem(None)

    def show_problem(self, row_id: str | None) -> None:
        self.row_id = row_id
        self.setEnabled(row_id is not None)
        if row_id is None:
            self.heading.setText(tr("Select a problem to see its timeline."))
            self.facts.clear()
            self.timeline.clear()
            self._set_transitions(())
            self.rectification.show_rectification(None, [], [], False)
            self.photos.show_files([], False)
            return
        self.ctx.db.op(lambda ledger: read_detail(ledger, row_id)).success(self._show).run()

    def _show(self, data: ProblemDetailData) -> None:
        if data.problem["id"] != self.row_id:
            return
        self.data = data
        p = data.problem
        self.heading.setText(f"{p['number'] or ''}  {data.enterprise}")
        deadline = data.deadline
        if p["deadline_in_force"] != p["deadline"]:  # extended: the original stays in sight
            deadline = tr("{in_force} (extended; originally {original})").format(
                in_force=p["deadline_in_force"], original=data.deadline)
        facts = tr("{status} · assigned {assigned} · deadline {deadline}\n{text}").format(
            status=labels.choice("status", p["status"]), assigned=p["assigned_on"],
            deadline=deadline, text=p["description"])
        if p["complaint_number"]:
            facts = tr("Complaint number {number}").format(number=p["complaint_number"]) + \
                "\n" + facts
        if p["status"] == "closed" and data.acceptances:
            last = data.acceptances[-1]
            facts += "\n" + tr("Closed {day} · {acceptance}").format(
                day=last["accepted_on"], acceptance=acceptance_text(last))
        if data.penalty_cases:
            facts += "\n" + tr("Penalty cases: {cases}").format(
                cases="、".join(f"{c['case_number']}（{labels.choice('penalty_stage', c['stage'])}）"
                               for c in data.penalty_cases))
        self.facts.setText(facts)
        self.show_timeline(data)
        self._set_transitions(data.allowed)
        self.rectification.show_rectification(p["id"], data.measures, data.extensions,
                                               data.may_approve, p["status"] != "closed",
                                               data.may_delete)
        self.photos.show_files(data.files, p["status"] == "closed")
        if self._phase_for != p["id"]:  # a choice made for this problem stays while shown
            self._phase_for = p["id"]
            self.phase.set_code("after" if p["status"] in ("reported_done", "closed")
                                else "before")
        self.message.clear()
        self._entry_changed()

    def show_timeline(self, data: ProblemDetailData) -> None:
        """What happened, oldest first; then, under a heading of its own, what is still to
        be done by when (an overdue date in red)."""
        from core import dates

        self.timeline.clear()
        for day, text in timeline_lines(data):
            QListWidgetItem(f"{day}  {text}", self.timeline)
        upcoming = upcoming_lines(data)
        if not upcoming:
            return
        heading = QListWidgetItem(tr("Still to do (due dates, not events)"), self.timeline)
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setBackground(QColor("#fff3e0"))
        today = dates.today().isoformat()
        for day, text in upcoming:
            late = bool(day) and day < today
            when = tr("overdue since {day}").format(day=day) if late else (
                tr("due {day}").format(day=day) if day else tr("no due date"))
            item = QListWidgetItem(f"{when}  {text}", self.timeline)
            if late:
                item.setForeground(QColor("#b3261e"))

    def _entry_changed(self, *_: object) -> None:
        """Mark a date that is not a date at once; a note needs some text to be added."""
        from core import messages
        valid = self.on_day.is_valid()
        self.on_day.setStyleSheet("" if valid else ERROR_STYLE)
        date_message = "" if valid else messages.text("error.date_invalid",
                                                      value=self.on_day.text())
        if date_message or self.message.text() == self._date_message:
            self.message.setText(date_message)
        self._date_message = date_message
        self.add_note_button.setEnabled(valid and bool(self.note.text().strip()))
        for button in self.transition_buttons.values():
            button.setEnabled(valid)

    def _set_transitions(self, allowed: tuple[str, ...]) -> None:
        while self.transitions.count():
            widget = self.transitions.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.transition_buttons: dict[str, QPushButton] = {}
        for status in allowed:
            button = QPushButton(tr("→ {status}").format(status=labels.choice("status", status)))
            button.setObjectName(f"transition_{status}")
            button.clicked.connect(lambda _=False, s=status: self._transition(s))
            self.transitions.addWidget(button)
            self.transition_buttons[status] = button

    def _run(self, fn) -> None:
        self.ctx.db.op(fn).success(lambda _: self.note.clear()).failure(self._refused).run()

    def _refused(self, error: BaseException) -> None:
        from core.errors import LedgerError
        if not isinstance(error, LedgerError):
            raise error
        self.message.setText(str(error))

    def _transition(self, status: str) -> None:
        from core import problems
        if status == "closed":
            self.open_acceptance()
            return
        row_id, day, note = self.row_id, self.on_day.text(), self.note.text()
        self._run(lambda ledger: problems.transition(ledger, row_id, status, day or None,
                                                     note or None))

    def open_acceptance(self):
        """Closing asks for the acceptance in a small form (dated by the date field)."""
        from ..forms.acceptance import AcceptanceForm
        if self.row_id is None:
            return None
        values = {"accepted_on": self.on_day.text()} if self.on_day.text() else None
        self.dialog = AcceptanceForm(self.ctx, values=values, parent=self, problem_id=self.row_id,
                                     heading=self.heading.text().strip())
        self.dialog.open()
        return self.dialog

    def _add_note(self) -> None:
        from core import problems
        if not self.add_note_button.isEnabled():
            return
        row_id, day, note = self.row_id, self.on_day.text(), self.note.text()
        self._run(lambda ledger: problems.add_note(ledger, row_id, note, day or None))

    def _approve_extension(self, extension_id: str) -> None:
        """A manager's approval, dated by the date field (today when blank)."""
        from core import problems
        day = self.on_day.text()
        self._run(lambda ledger: problems.approve_extension(ledger, extension_id, day or None))

    def _refuse_extension(self, extension_id: str) -> None:
        """A manager's refusal, dated by the date field (today when blank)."""
        from core import problems
        day = self.on_day.text()
        self._run(lambda ledger: problems.refuse_extension(ledger, extension_id, day or None))

    def _delete_measure(self, measure_id: str) -> None:
        from core import problems
        self._run(lambda ledger: problems.delete_measure(ledger, measure_id))

    def _attach(self) -> None:
        paths = folders.open_files(self, self.ctx, tr("Attach photos or files"))
        self.attach(paths)

    def attach(self, paths: list[str]) -> None:
        """Copy files into the data directory and link them to this problem."""
        if not paths or self.row_id is None:
            return
        from core import attachments
        row_id, phase = self.row_id, self.phase.code()
        self._run(lambda ledger: attachments.attach(ledger, row_id, paths, phase))

    def open_history(self):
        """Who changed this problem (and its log, measures, extensions), when, and how."""
        from ..dialogs.history import HistoryDialog
        if self.row_id is None:
            return None
        dialog = HistoryDialog(self.ctx, self.row_id, self.heading.text(), parent=self)
        dialog.open()
        return dialog

    def _on_changes(self, changes: Changes) -> None:
        if self.row_id and changes.touches("problem", "attachment") and (
                not changes.ids or self.row_id in changes.ids):
            self.show_problem(self.row_id)
