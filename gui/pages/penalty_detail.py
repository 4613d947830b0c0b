"""The detail of one penalty case: its clocks with the days left, its dated procedure
(stages, orders, rechecks with the daily fine counted, seizures) and the steps to record."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from core.changes import Changes
from core.ledger import Ledger

from .. import labels
from ..context import AppContext
from ..forms.base import ERROR_STYLE
from ..i18n import tr
from ..widgets import ChoiceCombo, DateEdit, FlowLayout

OVERDUE = QColor("#c62828")
SOON = QColor("#e65100")
PENALTY_TABLES = ("penalty_case", "penalty_stage", "penalty_order", "penalty_recheck",
                  "penalty_seizure", "penalty_extension")


@dataclass
class PenaltyDetailData:
    """Everything the panel shows, read in one go on the worker."""

    detail: Any  # core.penalties.detail.CaseDetail
    timeline: list[tuple[str, str]] = field(default_factory=list)
    may_extend: bool = False


def read_detail(ledger: Ledger, row_id: str) -> PenaltyDetailData:
    from core import operators
    from core.penalties import detail

    found = detail.load(ledger, row_id)
    return PenaltyDetailData(found, detail.timeline(found),
                             operators.can(ledger, operators.Action.APPROVE_EXTENSION))


def days_text(days: int) -> str:
    if days < 0:
        return tr("{n} days overdue").format(n=-days)
    if days == 0:
        return tr("due today")
    return tr("{n} days left").format(n=days)


def clock_colour(days: int) -> QColor | None:
    return OVERDUE if days < 0 else SOON if days <= 7 else None


class ClocksTable(QTableWidget):
    """Clocks as rows: what, from, due, days left (red overdue, orange within a week)."""

    def __init__(self, with_case: bool = False, parent: QWidget | None = None):
        self.with_case = with_case
        # In the queue the case and what is due come first; the enterprise last.
        heads = ([tr("Case number"), tr("Clock"), tr("Days left"), tr("Due on"),
                  tr("Enterprise"), tr("Started")] if with_case else
                 [tr("Clock"), tr("Started"), tr("Due on"), tr("Days left")])
        super().__init__(0, len(heads), parent)
        self.setHorizontalHeaderLabels(heads)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultSectionSize(24)
        self.case_ids: list[str] = []

    def show_clocks(self, clocks: list, names: dict[str, str] | None = None) -> None:
        self.setRowCount(len(clocks))
        self.case_ids = [c.case_id for c in clocks]
        for row, clock in enumerate(clocks):
            what = labels.choice("penalty_clock", clock.clock)
            if clock.amount_fen is not None:
                what += tr(" (accrued {amount} yuan)").format(
                    amount=labels.cell("fine_fen", clock.amount_fen))
            left = days_text(clock.days_left)
            cells = ([clock.case_number, what, left, clock.due_on,
                      (names or {}).get(clock.case_id, ""), clock.started_on]
                     if self.with_case else [what, clock.started_on, clock.due_on, left])
            colour = clock_colour(clock.days_left)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if colour is not None and text == left:
                    item.setForeground(colour)
                self.setItem(row, column, item)


class PenaltyDetail(QWidget):
    """Shown beside the penalty cases table (and the clock queue) for the selected case."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row_id: str | None = None
        self.data: PenaltyDetailData | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.clocks = ClocksTable()
        self.clocks.setMaximumHeight(150)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.on_day = DateEdit()
        self.on_day.setPlaceholderText(tr("Date (today when blank)"))
        self.on_day.textChanged.connect(self._entry_changed)
        self.stage = ChoiceCombo([(s, labels.choice("penalty_stage", s))
                                  for s in _stages()])
        self.buttons: dict[str, QPushButton] = {}
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel(tr("Clocks")))
        layout.addWidget(self.clocks)
        layout.addLayout(self._actions())
        layout.addWidget(self.message)
        layout.addWidget(QLabel(tr("Procedure")))
        layout.addWidget(self.timeline, 1)
        ctx.changed.connect(self._on_changes)
        self.show_case(None)

    def _actions(self) -> QVBoxLayout:
        actions = (("stage", tr("Record stage"), self._record_stage),
                   ("order", tr("Order to correct served"), self._order),
                   ("still", tr("Recheck: still discharging"),
                    lambda: self._recheck("still_discharging")),
                   ("corrected", tr("Recheck: corrected"), lambda: self._recheck("corrected")),
                   ("seizure", tr("Seizure from this date"), self._seizure),
                   ("release", tr("Release the seizure"), self._release),
                   ("extend_seizure", tr("Extend the seizure (30 days)"), self._extend_seizure),
                   ("extend", tr("Extend the decision period (30 days)"), self._extend))
        for key, text, slot in actions:
            button = QPushButton(text)
            button.setObjectName(f"penalty_{key}")
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons[key] = button
        first = QHBoxLayout()
        first.addWidget(QLabel(tr("Date")))
        first.addWidget(self.on_day, 1)
        first.addWidget(self.stage)
        first.addWidget(self.buttons["stage"])
        steps = FlowLayout()  # wraps on a narrow pane (English labels are long)
        for key in ("order", "still", "corrected", "seizure", "release", "extend_seizure",
                    "extend"):
            steps.addWidget(self.buttons[key])
        column = QVBoxLayout()
        column.addLayout(first)
        column.addLayout(steps)
        return column

    # -- showing

    def show_case(self, row_id: str | None) -> None:
        self.row_id = row_id
        self.setEnabled(row_id is not None)
        if row_id is None:
            self.heading.setText(tr("Select a penalty case to see its clocks and procedure."))
            self.facts.clear()
            self.timeline.clear()
            self.clocks.show_clocks([])
            return
        self.ctx.db.op(lambda ledger: read_detail(ledger, row_id)).success(self._show).run()

    def _show(self, data: PenaltyDetailData) -> None:
        found = data.detail
        if found.case["id"] != self.row_id:
            return
        self.data = data
        case = found.case
        self.heading.setText(f"{case['case_number']}  {found.enterprise or found.region}")
        facts = tr("{stage} · opened {opened} · decided {decided} · fine {fine} yuan").format(
            stage=labels.choice("penalty_stage", case["stage"]), opened=case["opened_on"] or "—",
            decided=case["decided_on"] or "—", fine=labels.cell("fine_fen", case["fine_fen"]))
        if found.daily.days:
            facts += "\n" + tr("Daily continuous penalty: {days} days, {amount} yuan").format(
                days=found.daily.days, amount=labels.cell("fine_fen", found.daily.total_fen))
        for problem in found.problems:
            facts += "\n" + tr("Punishes problem {number}: {text}").format(
                number=problem["number"] or "—", text=problem["description"][:60])
        if found.inspection:
            facts += "\n" + tr("Found by the inspection of {day}").format(
                day=found.inspection["inspected_on"])
        facts += "\n" + case["violation"]
        self.facts.setText(facts)
        self.clocks.show_clocks(found.clocks)
        self.timeline.clear()
        for day, text in data.timeline:
            QListWidgetItem(f"{day}  {text}", self.timeline)
        running = [s for s in found.seizures if not s["released_on"]]
        self.buttons["release"].setVisible(bool(running))
        self.buttons["extend_seizure"].setVisible(data.may_extend and any(
            not s["extended_to"] for s in running))
        self.buttons["extend"].setVisible(data.may_extend and bool(case["opened_on"])
                                          and not case["decided_on"])
        self.message.clear()
        self._entry_changed()

    def _entry_changed(self, *_: object) -> None:
        valid = self.on_day.is_valid()
        self.on_day.setStyleSheet("" if valid else ERROR_STYLE)
        for button in self.buttons.values():
            button.setEnabled(valid)

    # -- recording

    def _day(self) -> str:
        from core import dates
        return self.on_day.iso() or dates.today().isoformat()

    def _run(self, fn) -> None:
        self.ctx.db.op(fn).success(self._done).failure(self._refused).run()

    def _done(self, changes: Changes) -> None:
        self.message.setText("；".join(str(w) for w in changes.warnings)
                             if changes and changes.warnings else "")

    def _refused(self, error: BaseException) -> None:
        from core.errors import LedgerError
        if not isinstance(error, LedgerError):
            raise error
        self.message.setText(str(error))

    def _record_stage(self) -> None:
        from core.penalties import stages
        row_id, day, stage = self.row_id, self._day(), self.stage.code()
        self._run(lambda ledger: stages.record(ledger, row_id, stage, day))

    def _order(self) -> None:
        from core.penalties import daily_fines
        row_id, day = self.row_id, self._day()
        self._run(lambda ledger: daily_fines.add_order(ledger, row_id, day))

    def _recheck(self, finding: str) -> None:
        from core.penalties import daily_fines
        row_id, day = self.row_id, self._day()
        self._run(lambda ledger: daily_fines.add_recheck(ledger, row_id, day, finding))

    def _seizure(self) -> None:
        from core.penalties import seizures
        row_id, day = self.row_id, self._day()
        self._run(lambda ledger: seizures.record(ledger, row_id, day))

    def _release(self) -> None:
        from core.penalties import seizures
        if not self.data:
            return
        held = [s for s in self.data.detail.seizures if not s["released_on"]]
        row_id, day, start = self.row_id, self._day(), held[-1]["starts_on"]
        self._run(lambda ledger: seizures.record(ledger, row_id, start, released_on=day))

    def _extend_seizure(self) -> None:
        """The head's approval of one extension by the full 30 days, dated by the field."""
        from core.penalties import rules, seizures
        if not self.data:
            return
        held = [s for s in self.data.detail.seizures if not s["released_on"]][-1]
        row_id, day, start = self.row_id, self._day(), held["starts_on"]
        to = rules.after(held["ends_on"], rules.SEIZURE_EXTENSION_DAYS).isoformat()
        self._run(lambda ledger: seizures.record(ledger, row_id, start, extended_to=to,
                                                 approved_on=day))

    def _extend(self) -> None:
        from core.penalties import extensions
        row_id, day = self.row_id, self._day()
        self._run(lambda ledger: extensions.extend(ledger, row_id, day, None))

    def _on_changes(self, changes: Changes) -> None:
        if self.row_id and changes.touches(*PENALTY_TABLES):
            self.show_case(self.row_id)


def _stages() -> tuple[str, ...]:
    from core.penalties.stages import STAGES
    return STAGES
