"""Air: is each unit on course for its target, where does it rank, and which enforcement
work stands behind a bad month.

The figures come from one `core.air.board.load` call on the database worker; clicking a
month or a day shows its daily values in the table below, a unit's bar chooses the unit, and
a bar of problems or cases opens the Problems or Penalty cases page on exactly those rows
(the dashboard's drill-down).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QScrollArea, QTableView,
                               QVBoxLayout, QWidget)

from core import dates
from core.air import board as air_board, enforcement, measurements, periods, return_form
from core.changes import Changes

from .. import folders
from ..dashboard.page import Tile
from ..i18n import tr
from ..models.air_days import DaysModel
from ..pages.base import Page
from ..widgets import ChoiceCombo, DateEdit

WATCHED = ("air_unit_day", "air_target", "air_interview", "air_interview_measure", "problem",
           "penalty_case", "setting")


def presets(today: dt.date) -> list[tuple[str, periods.Period]]:
    """The periods offered: the season running, the one before, this year, last year and
    this month."""
    season = periods.season_of(today)
    year = today.year
    return [("season", season), ("last_season", periods.of("season", season.first.year - 1)),
            ("year", periods.of("year", year)), ("last_year", periods.of("year", year - 1)),
            ("month", periods.of("month", today.year, today.month))]


def preset_label(key: str) -> str:
    return {"season": tr("This autumn-winter season"),
            "last_season": tr("Last autumn-winter season"), "year": tr("This year"),
            "last_year": tr("Last year"), "month": tr("This month")}[key]


class AirPage(Page):
    key = "air"
    shown = Signal()  # a board has been drawn

    @staticmethod
    def title() -> str:
        return tr("Air quality")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        from . import charts  # pyqtgraph loads here

        self.board: air_board.Board | None = None
        self.stale = True
        self._generation = 0
        self._filling = False
        self.cumulative = charts.CumulativeChart()
        self.calendar = charts.CalendarChart()
        self.ranking = charts.RankingChart()
        self.charts = [self.cumulative, self.calendar, self.ranking]
        for chart in self.charts:
            chart.drilled.connect(self.drill)
        self.ranking.setMinimumHeight(480)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._sheet())
        layout.addWidget(scroll, 1)
        ctx.changed.connect(self._on_changes)
        ctx.bureau_changed.connect(self.fill_units)
        self.fill_units()

    # -- layout
    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preset = ChoiceCombo([(key, preset_label(key)) for key, _ in presets(dates.today())]
                                  + [("custom", tr("Custom range"))])
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.date_from, self.date_to = DateEdit(), DateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(110)
            edit.editingFinished.connect(self._dates_typed)
        self.unit = ChoiceCombo([])
        self.unit.currentIndexChanged.connect(self._unit_changed)
        row.addWidget(self.preset)
        row.addWidget(self.date_from)
        row.addWidget(QLabel(tr("to")))
        row.addWidget(self.date_to)
        row.addWidget(self.unit, 1)
        importing = QPushButton(tr("Import monitoring data…"))
        importing.clicked.connect(self.ask_import)
        interview = QPushButton(tr("Record an interview…"))
        interview.clicked.connect(self.new_record)
        row.addWidget(interview)
        exporting = QPushButton(tr("Export return…"))
        exporting.clicked.connect(self.ask_return)
        row.addWidget(importing)
        row.addWidget(exporting)
        self._set_dates(presets(dates.today())[0][1])
        return row

    def _sheet(self) -> QWidget:
        sheet = QWidget()
        sheet.setStyleSheet("background: white;")
        layout = QVBoxLayout(sheet)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.heading)
        tiles = QHBoxLayout()
        self.tiles: dict[str, Tile] = {}
        for key, caption, colour in (
                ("pm25", tr("PM2.5 (µg/m³)"), "#1f4e79"),
                ("change", tr("Against a year before"), "#1b5e20"),
                ("completion", tr("Target completion"), "#1b5e20"),
                ("index", tr("Composite index (rank)"), "#4a148c"),
                ("good", tr("Good-day ratio"), "#1b5e20"),
                ("heavy", tr("Heavy-pollution days"), "#b3261e")):
            self.tiles[key] = Tile(key, caption, colour)
            tiles.addWidget(self.tiles[key])
        layout.addLayout(tiles)
        grid = QGridLayout()
        grid.addWidget(self.cumulative, 0, 0)
        grid.addWidget(self.calendar, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addWidget(self.ranking)
        self.interviews = QLabel()
        self.interviews.setWordWrap(True)
        self.interviews.setTextFormat(Qt.TextFormat.RichText)
        self.interviews.setObjectName("interviews")
        layout.addWidget(self.interviews)
        self.rows_caption = QLabel()
        self.rows_caption.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.rows_caption)
        self.rows = DaysModel(self)
        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setMinimumHeight(260)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        return sheet

    def fill_units(self) -> None:
        bureau = self.ctx.bureau
        self._filling = True
        try:
            items = [(bureau.jurisdiction, tr("Whole jurisdiction"))]
            items += [(r.code, r.name) for r in bureau.counties if r.code != bureau.jurisdiction]
            self.unit.set_items(items)
        finally:
            self._filling = False

    def new_record(self) -> None:
        """Ctrl+N: record an interview (约谈)."""
        from .interview_form import InterviewForm
        form = InterviewForm(self.ctx, parent=self)
        unit = self.unit.code()
        if unit:
            form.set_values({"region_code": unit})
        form.open()

    # -- choosing
    def _set_dates(self, period: periods.Period) -> None:
        self.date_from.setText(period.first.isoformat())
        self.date_to.setText(period.last.isoformat())

    def _preset_changed(self, *_: object) -> None:
        key = self.preset.code()
        found = dict(presets(dates.today())).get(key)
        if found is not None:
            self._set_dates(found)
            self.refresh()

    def _dates_typed(self) -> None:
        if self._valid_dates():
            self.preset.blockSignals(True)
            self.preset.set_code("custom")
            self.preset.blockSignals(False)
            self.refresh()

    def _valid_dates(self) -> bool:
        ok = self.date_from.is_valid() and self.date_to.is_valid() and bool(
            self.date_from.iso()) and bool(self.date_to.iso())
        for edit in (self.date_from, self.date_to):
            edit.setStyleSheet("" if ok else "border: 1px solid #b3261e;")
        return ok and self.date_from.iso() <= self.date_to.iso()

    def _unit_changed(self, *_: object) -> None:
        if not self._filling:
            self.refresh()

    def set_selection(self, first: str, last: str, unit: str | None = None) -> None:
        """Choose a range and a unit (as the user would) and refresh once."""
        self._filling = True
        try:
            self.preset.set_code("custom")
            self.date_from.setText(first)
            self.date_to.setText(last)
            if unit:
                self.unit.set_code(unit)
        finally:
            self._filling = False
        self.refresh()

    # -- refreshing
    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(*WATCHED):
            return
        if self.isVisible():
            QTimer.singleShot(150, self.refresh)
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        if not self._valid_dates():
            return
        self.stale = False
        self._generation += 1
        generation = self._generation
        first, last, unit = self.date_from.iso(), self.date_to.iso(), self.unit.code()
        if self.board is None:
            self.heading.setText(tr("Reading the figures…"))
        self.ctx.db.op(lambda ledger: air_board.load(ledger, first, last, unit)).success(
            lambda board: self._arrived(generation, board)).run()

    def _arrived(self, generation: int, board: air_board.Board) -> None:
        if generation != self._generation:
            return
        self.board = board
        self._figures(board)
        for chart in self.charts:
            chart.update_board(board, "")
        self._interviews(board)
        self.shown.emit()

    def _figures(self, board: air_board.Board) -> None:
        chosen = board.result(board.unit)
        self.heading.setText(tr("{unit}: air quality {first} to {last}").format(
            unit=board.unit_name, first=board.first, last=board.last))
        values = dict.fromkeys(self.tiles, "—")
        if chosen is not None:
            now = chosen.now
            values["pm25"] = _shown(now.pm25)
            change = chosen.changes.get("pm25")
            values["change"] = "—" if change is None else f"{change:+g}%"
            main = chosen.main_target
            caption = tr("Target completion")
            if main is not None and main.target_pct is not None:
                values["completion"] = tr("{done}% of {target}%").format(
                    done=_shown(main.completion_pct), target=f"{main.target_pct:g}")
                if main.on_course is not None:
                    caption = (tr("On course") if main.on_course else tr("Not on course"))
                    if main.required_mean is not None:
                        caption += tr("; the rest must average ≤ {mean} µg/m³").format(
                            mean=f"{main.required_mean:g}")
            self.tiles["completion"].caption.setText(caption)
            rank = f" ({chosen.rank})" if chosen.rank else ""
            values["index"] = ("—" if now.composite_index is None
                               else f"{now.composite_index:.2f}{rank}")
            values["good"] = "—" if now.good_ratio is None else f"{now.good_ratio:g}%"
            values["heavy"] = str(now.heavy_days)
        for key, text in values.items():
            self.tiles[key].figure.setText(text)

    def _interviews(self, board: air_board.Board) -> None:
        lines = []
        for code, found in sorted(board.interviews.items()):
            name = next((r.name for r in board.results if r.region_code == code), code)
            for i in found:
                done = sum(1 for m in i.measures if m.progress == 100)
                text = tr("{unit}: interviewed on {day} by {by}; plan due {due}{submitted}; "
                          "measures {done} of {total} done").format(
                    unit=name, day=i.held_on, by=i.held_by, due=i.plan_due or "—",
                    submitted=tr(" (handed in)") if i.plan_submitted_on else "",
                    done=done, total=len(i.measures))
                if i.restricted_on(board.last):
                    text += " · <span style='color:#c62828'>" + tr(
                        "approvals suspended since {day}").format(day=i.restriction_from) + \
                        "</span>"
                lines.append(text)
        standing = "<br>".join(s.text() for s in board.standings) or tr(
            "No published ranking imported (ecoledger-cli air rankings import).")
        self.interviews.setText(
            "<b>" + tr("Interviews and restrictions") + "</b><br>" + (
                "<br>".join(lines) if lines else tr("None in this period.")) + "<br><b>"
            + tr("Published city rankings") + "</b><br>" + standing)

    # -- drill-down
    def drill(self, target) -> None:
        from .charts import Rows, UnitPick
        if isinstance(target, UnitPick):
            self.unit.set_code(target.unit)
            return
        if isinstance(target, Rows):
            self._show_rows(target)
            return
        board = self.board
        unit = target.flt.region_code
        if target.kind == "penalties":
            def read(ledger):
                return enforcement.case_ids(ledger, unit, board.first, board.last)
        else:
            categories = tuple(target.figure.split(":", 1)[1].split(","))

            def read(ledger):
                return enforcement.problem_ids(ledger, unit, board.first, board.last,
                                               categories)
        self.ctx.db.op(read).success(lambda ids: self._open(target, ids)).run()

    def _open(self, drill, ids: list[str]) -> None:
        from ..dashboard.drill import open_rows
        open_rows(self.window(), drill, ids)

    def _show_rows(self, rows) -> None:
        if rows.stations:
            def read(ledger):
                return air_board.station_days(ledger, rows.unit, rows.first)
        else:
            def read(ledger):
                return air_board.unit_days(ledger, rows.unit, rows.first, rows.last)

        def shown(found: list[dict]) -> None:
            self.rows_caption.setText(rows.caption + " · " + tr("{n} row(s)").format(
                n=len(found)))
            self.rows.set_rows(found)
        self.ctx.db.op(read).success(shown).run()

    # -- import and export
    def ask_import(self) -> None:
        path = folders.open_file(
            self, self.ctx, tr("Import monitoring data"),
            tr("Monitoring data (*.csv *.xlsx *.xls *.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path):
        """Import on the worker; the outcome or the bad cells are shown."""
        return self.ctx.db.op(lambda ledger: measurements.import_file(ledger, path)).success(
            self._imported).failure(self._import_failed).run()

    def _imported(self, outcome) -> None:
        self.ctx.changed.emit(outcome.changes)
        text = outcome.summary()
        if outcome.corrections:
            text += "\n\n" + "\n".join(str(c) for c in outcome.corrections[:15])
        QMessageBox.information(self, tr("Import monitoring data"), text)

    def _import_failed(self, error: BaseException) -> None:
        text = str(error)
        if isinstance(error, measurements.AirImportRejected):
            text += "\n\n" + "\n".join(issue.message for issue in error.issues[:20])
        QMessageBox.warning(self, tr("Import monitoring data"), text)

    def ask_return(self) -> None:
        if not self._valid_dates():
            return
        first, last = self.date_from.iso(), self.date_to.iso()
        name = tr("Air-quality targets {first} to {last}").format(first=first, last=last)
        path = folders.save_file(self, self.ctx, tr("Export return"), name + ".xlsx",
                                 tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_return(Path(path))

    def export_return(self, path: Path):
        first, last = self.date_from.iso(), self.date_to.iso()
        return self.ctx.db.op(lambda ledger: return_form.write(ledger, first, last, path)
                              ).success(lambda written: self.status_message.emit(
                                  tr("Written: {path}").format(path=written))).run()


def _shown(value) -> str:
    return "—" if value is None else f"{value:g}"


__all__ = ["AirPage"]
