"""Overview: where rectification stands, in key figures and plots a manager reads at a glance.

The page's figures come from one `core.dashboard.load` call on the database worker; the
plots only draw what it returns. Clicking a bar or a point opens the Problems or Penalty
cases page on exactly the rows behind it. pyqtgraph is imported when the page is built.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QScrollArea, QToolButton, QVBoxLayout,
                               QWidget)

from core import dashboard, dates
from core.changes import Changes
from core.money import fen_to_wan
from core.statistics import Filter

from .. import folders
from ..i18n import tr
from ..pages.base import Page
from ..widgets import ChoiceCombo, DateEdit

WATCHED = ("problem", "problem_log", "deadline_extension", "penalty_case", "campaign", "batch",
           "setting")


def file_name(title: str) -> str:
    """A title as a file name: no character Windows refuses, the dots between words as spaces."""
    return "".join(" " if c in '\\/:*?"<>|' else c for c in title.replace(" · ", " ")).strip()


class Tile(QFrame):
    """One key figure: a caption over a big number."""

    def __init__(self, key: str, caption: str, colour: str):
        super().__init__()
        self.setObjectName(f"tile_{key}")
        self.setStyleSheet("QFrame { background: #f5f7fa; border-radius: 6px; }")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555; font-size: 10pt;")
        self.figure = QLabel("…")
        self.figure.setObjectName(f"figure_{key}")
        self.figure.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.figure)


class DashboardPage(Page):
    key = "overview"
    shown = Signal()  # a refreshed board has been drawn

    @staticmethod
    def title() -> str:
        return tr("Overview")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        from . import charts  # pyqtgraph loads here, not at start-up

        self.board: dashboard.Dashboard | None = None
        self.stale = True
        self.drawn = False  # every plot shows the latest figures asked for
        self.timings: dict[str, float] = {}
        self._generation = 0
        self._filling = False
        self._day: str | None = None  # the last valid as-of date typed (None: today)
        self._asked = 0.0
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.charts = [chart_class() for chart_class in charts.CHARTS]
        for chart in self.charts:
            chart.drilled.connect(self.drill)
        for chart in self.charts[1:4]:  # a row per county or category: taller
            chart.setMinimumHeight(430)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sheet = self._sheet()
        scroll.setWidget(self.sheet)
        layout.addWidget(scroll, 1)
        ctx.changed.connect(self._on_changes)
        ctx.bureau_changed.connect(self.fill_lists)
        self.fill_lists()

    # -- layout
    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.campaign = ChoiceCombo([], tr("Any campaign"))
        self.batch = ChoiceCombo([], tr("Any batch"))
        self.region = ChoiceCombo([], tr("All counties"))
        self.as_of = DateEdit()
        self.as_of.setPlaceholderText(tr("Today"))
        self.as_of.setMaximumWidth(120)
        for combo in (self.campaign, self.batch, self.region):
            combo.currentIndexChanged.connect(self._filters_changed)
            row.addWidget(combo, 1)
        self.as_of.editingFinished.connect(self._filters_changed)
        row.addWidget(QLabel(tr("As of")))
        row.addWidget(self.as_of)
        self.queue_button = QPushButton(tr("Awaiting decision…"))
        self.queue_button.setObjectName("queue_button")
        self.queue_button.setToolTip(tr("Extension requests to approve and problems reported "
                                        "done to verify"))
        self.queue_button.clicked.connect(self.open_queue)
        row.addWidget(self.queue_button)
        export = QPushButton(tr("Export dashboard…"))
        export.clicked.connect(self.ask_export_page)
        row.addWidget(export)
        return row

    def _sheet(self) -> QWidget:
        sheet = QWidget()
        sheet.setStyleSheet("background: white;")
        layout = QVBoxLayout(sheet)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(self.heading)
        from ..air.banner import RestrictionBanner  # restrictions of approvals (issue 21)
        layout.addWidget(RestrictionBanner(self.ctx))
        tiles = QHBoxLayout()
        self.tiles: dict[str, Tile] = {}
        for key, caption, colour in (
                ("assigned", tr("Problems assigned"), "#1f4e79"),
                ("closed", tr("Closed"), "#1b5e20"),
                ("reported_done", tr("Awaiting acceptance"), "#33691e"),
                ("rate", tr("Zero-clearance rate"), "#1b5e20"),
                ("overdue", tr("Overdue"), "#b3261e"),
                ("fines", tr("Fines (10,000 yuan)"), "#4a148c")):
            self.tiles[key] = Tile(key, caption, colour)
            tiles.addWidget(self.tiles[key])
        layout.addLayout(tiles)
        self.plots = QWidget()
        grid = QGridLayout(self.plots)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, chart in enumerate(self.charts):
            grid.addWidget(self._framed(chart), number // 2, number % 2)
        layout.addWidget(self.plots, 1)
        from ..first_day import EmptyState
        self.empty = EmptyState(self.ctx, tr(
            "The ledger holds no problem and no penalty case yet, so there is nothing to plot. "
            "Record the first problem, import the ledger your bureau keeps in Excel, or load "
            "demo data to see what this page shows."), self._new_problem, tr("New problem"))
        self.empty.hide()
        layout.addWidget(self.empty, 1)
        return sheet

    def _new_problem(self) -> None:
        window = self.window()
        if hasattr(window, "page"):
            window.page("problems").new_record()

    def _framed(self, chart) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        button = QToolButton()
        button.setText(tr("Export plot…"))
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.ask_export_chart(chart))
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(button)
        layout.addLayout(bar)
        layout.addWidget(chart, 1)
        return box

    def fill_lists(self) -> None:
        """Offer the bureau's campaigns, batches and counties (keeping the choices made)."""
        self._filling = True
        try:
            bureau = self.ctx.bureau
            self.campaign.set_items(bureau.campaigns, tr("Any campaign"))
            self.region.set_items([(r.code, r.name) for r in bureau.counties],
                                  tr("All counties"))
            self._fill_batches()
        finally:
            self._filling = False

    def _fill_batches(self) -> None:
        campaign = self.campaign.code()
        self.batch.set_items([(b[0], b[1]) for b in self.ctx.bureau.batches
                              if campaign is None or b[2] == campaign], tr("Any batch"))

    # -- filters and refreshing
    def selection(self) -> tuple[str | None, Filter]:
        """The as-of date (None: today) and the filter the controls describe."""
        if self.as_of.is_valid():
            self._day = self.as_of.iso()
        return self._day, Filter(campaign_id=self.campaign.code(), batch_id=self.batch.code(),
                           region_code=self.region.code())

    def set_selection(self, as_of: str | None = None, campaign_id: str | None = None,
                      batch_id: str | None = None, region_code: str | None = None) -> None:
        """Choose the filters (as the user would) and refresh once."""
        self._filling = True
        try:
            self.campaign.set_code(campaign_id)
            self._fill_batches()
            self.batch.set_code(batch_id)
            self.region.set_code(region_code)
            self.as_of.setText(as_of or "")
        finally:
            self._filling = False
        self.refresh()

    def _filters_changed(self, *_: object) -> None:
        if self._filling:
            return
        valid = self.as_of.is_valid()
        self.as_of.setStyleSheet("" if valid else "border: 1px solid #b3261e;")
        self.as_of.setToolTip("" if valid else tr("Not a date: the figures stay as they were."))
        if not valid:
            return
        if self.sender() is self.campaign:
            self._filling = True
            try:
                self._fill_batches()
            finally:
                self._filling = False
        self._debounce.start()

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(*WATCHED):
            return
        if self.isVisible():
            self._debounce.start()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the figures on the worker; the newest answer is drawn."""
        self.stale = False
        self.drawn = False
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        day, flt = self.selection()
        if self.board is None:
            self.heading.setText(tr("Reading the figures…"))
        self._asked = time.perf_counter()
        self.ctx.db.read(lambda ledger: dashboard.load(ledger, day, flt)).success(
            lambda board: self._arrived(generation, board)).run()
        from core import waiting
        self.ctx.db.read(waiting.counts).success(self._show_queue).run()

    def _show_queue(self, counts: dict[str, int]) -> None:
        from core import waiting
        self.queue_button.setText(tr("Awaiting decision: {asked} extension(s), {done} to verify")
                                  .format(asked=counts[waiting.EXTENSION],
                                          done=counts[waiting.REPORTED_DONE]))

    def open_queue(self) -> None:
        window = self.window()
        if hasattr(window, "page"):
            window.page("waiting")

    def _arrived(self, generation: int, board: dashboard.Dashboard) -> None:
        if generation != self._generation:
            return
        self.timings = {"slice": 0.0}
        self._draw_step(generation, board, -1)

    def _draw_step(self, generation: int, board: dashboard.Dashboard, index: int) -> None:
        """Draw the key figures (index -1), or the next plot from `index` whose figures
        changed, then yield to the event loop: a refresh holds the GUI thread for one
        plot's drawing at a time."""
        if generation != self._generation:
            return  # a newer refresh has begun drawing
        started = time.perf_counter()
        if index < 0:
            self.show_figures(board)
            index = 0
        else:
            scope = self.scope(board)
            while index < len(self.charts) and not self.charts[index].update_board(board, scope):
                index += 1
            index += 1
        self.timings["slice"] = max(self.timings["slice"], time.perf_counter() - started)
        if index < len(self.charts):
            QTimer.singleShot(0, lambda: self._draw_step(generation, board, index))
            return
        self.timings["total"] = time.perf_counter() - self._asked
        self.drawn = True
        self.shown.emit()

    # -- drawing
    def scope(self, board: dashboard.Dashboard) -> str:
        """How captions name the filter and date, e.g. '截至2024-08-05 百日清零专项行动 '."""
        names = [tr("As of {day}").format(day=board.as_of)]
        for combo in (self.campaign, self.batch):
            if combo.code():
                names.append(combo.currentText())
        return " ".join(names) + " "

    def filter_names(self) -> list[str]:
        """The county, campaign and batch chosen, by name, in the order a title reads them."""
        return [combo.currentText() for combo in (self.region, self.campaign, self.batch)
                if combo.code()]

    def filter_title(self, day: str | None = None) -> str:
        """The unit, the filters chosen and the date: what a title or a file name says."""
        day = day or (self.board.as_of if self.board else dates.today().isoformat())
        return " · ".join([self.ctx.bureau.unit_name, *self.filter_names(),
                           tr("as of {day}").format(day=day)])

    def show_figures(self, board: dashboard.Dashboard) -> None:
        """The heading and the key figures."""
        self.board = board
        total = board.total
        self.heading.setText(" · ".join([
            tr("{unit}: rectification as of {day}").format(unit=self.ctx.bureau.unit_name,
                                                           day=board.as_of),
            *self.filter_names()]))
        nothing = total.assigned == 0 and board.penalties.cases == 0
        blank = not self.filter_names()
        self.empty.setVisible(nothing and blank)
        self.plots.setVisible(not (nothing and blank))
        if nothing and blank:
            self.empty.refresh()
        rate = total.clearance_rate
        values = {"assigned": f"{total.assigned:,}", "closed": f"{total.closed:,}",
                  "rate": "—" if rate is None else f"{rate}%", "overdue": f"{total.overdue:,}",
                  "fines": f"{fen_to_wan(board.penalties.fine_fen):,}"}
        # settled is not closed: reported done and settled in stage have a tile of their own
        values["reported_done"] = f"{total.reported_done:,}"
        for key, text in values.items():
            self.tiles[key].figure.setText(text)
        self.tiles["reported_done"].caption.setText(
            tr("Awaiting acceptance; {n} settled in stage").format(n=f"{total.stage_concluded:,}"))
        self.tiles["fines"].caption.setText(
            tr("Fines (10,000 yuan), {n} case(s)").format(n=f"{board.penalties.cases:,}"))

    # -- drill-down
    def drill(self, drill) -> None:
        """Open the rows behind a bar or point on the Problems or Penalty cases page."""
        if drill.kind == "penalties":
            def read(ledger):
                return dashboard.case_ids(ledger, drill.first, drill.as_of, drill.flt,
                                          drill.figure)
        else:
            def read(ledger):
                return dashboard.problem_ids(ledger, drill.as_of, drill.flt, drill.figure)
        self.ctx.db.read(read).success(lambda ids: self._open_rows(drill, ids)).run()

    def _open_rows(self, drill, ids: list[str]) -> None:
        from .drill import open_rows

        open_rows(self.window(), drill, ids)

    # -- export
    def ask_export_chart(self, chart) -> None:
        heading = f"{chart.title()} · {self.filter_title()}"
        path = folders.save_file(self, self.ctx, tr("Export plot"), file_name(heading) + ".png",
                                 tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            from .export import export_chart
            self._export_checked(path, (".png", ".svg"),
                                 lambda: export_chart(chart, Path(path), heading))

    def ask_export_page(self) -> None:
        name = file_name(tr("Dashboard") + " · " + self.filter_title())
        path = folders.save_file(self, self.ctx, tr("Export dashboard"), name + ".pdf",
                                 tr("PDF document (*.pdf);;PNG image (*.png)"))
        if path:
            from .export import export_page
            self._export_checked(path, (".pdf", ".png"),
                                 lambda: export_page(self.sheet, Path(path), self.filter_title()))

    def _export_checked(self, path: str, suffixes: tuple[str, ...], export) -> None:
        """Export once the chosen file passes core's output rules: never one of the
        ledger's files, its backups or its attachment photos (the dialog has already asked
        about replacing an existing file)."""
        from core import outputs

        self.ctx.db.op(lambda ledger: outputs.target(path, suffixes, ledger, force=True)) \
            .success(lambda _: export()) \
            .failure(lambda error: QMessageBox.warning(self, tr("Export dashboard"), str(error))) \
            .run()
