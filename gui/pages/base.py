"""What the main window needs of a page, and the ledger browser most pages are."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from core import search
from core.queries import Query, View
from core.workflow import Status

from .. import labels
from ..context import AppContext
from ..i18n import tr
from ..models.table import LedgerTableModel
from ..widgets import ChoiceCombo, DateEdit, SearchBox, compact, scrolling


class Page(QWidget):
    """One entry of the navigation bar."""

    key = ""
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx


    def new_record(self) -> None:
        """Ctrl+N: start a new record of this page's kind (if it has one)."""

    def save_state(self, settings: QSettings) -> None:
        """Remember splitter positions and the like."""

    def restore_state(self, settings: QSettings) -> None:
        """Bring back what `save_state` remembered."""


def searchable(view: View) -> bool:
    return view.kind in search.INDEXES or bool(view.search_extra)


class FilterBar(QWidget):
    """The filters a view supports; `changed` fires with the query they describe."""

    changed = Signal(object)

    def __init__(self, ctx: AppContext, view: View, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        active = set(view.filters)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = SearchBox()
        self.search.setMinimumWidth(150)
        self.search.search.connect(lambda _: self._emit())
        layout.addWidget(self.search, 2)
        self.search.setVisible(searchable(view))
        self.region = self._combo(layout, "region_code" in active, tr("All counties"))
        self.status = self._combo(layout, "status" in active, tr("Any status"),
                                  [(s.value, labels.choice("status", s.value)) for s in Status])
        self.category = self._combo(layout, "category" in active, tr("Any category"))
        self.campaign = self._combo(layout, "campaign_id" in active, tr("Any campaign"))
        self.batch = self._combo(layout, "batch_id" in active, tr("Any batch"))
        self.date_from = self.date_to = None
        if "date" in active:
            self.date_from, self.date_to = DateEdit(), DateEdit()
            layout.addWidget(QLabel(tr("From")))
            for edit in (self.date_from, self.date_to):
                edit.setMaximumWidth(110)
                edit.editingFinished.connect(self._emit)
            layout.addWidget(self.date_from)
            layout.addWidget(QLabel(tr("to")))
            layout.addWidget(self.date_to)
        self.overdue = None
        if "overdue" in active:
            self.overdue = QCheckBox(tr("Overdue only"))
            self.overdue.toggled.connect(self._emit)
            layout.addWidget(self.overdue)
        self.fill_lists()
        ctx.bureau_changed.connect(self.fill_lists)

    def _combo(self, layout, wanted: bool, blank: str, items=()) -> ChoiceCombo | None:
        if not wanted:
            return None
        combo = compact(ChoiceCombo(items, blank))
        combo.currentIndexChanged.connect(self._emit)
        layout.addWidget(combo, 1)
        return combo

    def fill_lists(self) -> None:
        bureau = self.ctx.bureau
        if self.region:
            self.region.set_items([(r.code, r.name) for r in bureau.counties], tr("All counties"))
        if self.category:  # every entry, retired ones too: old rows carry them
            self.category.set_items([(c, label) for c, label, _ in bureau.code_lists["category"]],
                                    tr("Any category"))
        if self.campaign:
            self.campaign.set_items(bureau.campaigns, tr("Any campaign"))
        if self.batch:
            self.batch.set_items([(b[0], b[1]) for b in bureau.batches], tr("Any batch"))

    def query(self) -> Query:
        def code(combo):
            return combo.code() if combo else None

        def day(edit):
            return edit.iso() if edit is not None and edit.is_valid() else None
        return Query(text=self.search.text().strip(), region_code=code(self.region),
                     status=code(self.status), category=code(self.category),
                     campaign_id=code(self.campaign), batch_id=code(self.batch),
                     date_from=day(self.date_from), date_to=day(self.date_to),
                     overdue=bool(self.overdue and self.overdue.isChecked()))

    def _emit(self, *_: object) -> None:
        self.changed.emit(self.query())


class BrowserPage(Page):
    """A filter bar over a lazily loaded table; subclasses name the view and the forms."""

    view: View
    columns: tuple[str, ...] = ()
    watched: tuple[str, ...] = ()
    descending = True  # newest first; lists of names read A to Z

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.filters = FilterBar(ctx, self.view)
        self.model = LedgerTableModel(ctx, self.view, self.columns, labels.headers(),
                                      labels.cell, self.watched, self)
        self.model.seen = self.isVisible  # a page behind another reads on being shown
        self.table = self._make_table()
        self.count_label = QLabel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        side = self.side_panel()
        if side is not None:
            # A long detail scrolls inside its pane rather than widening or heightening
            # the window; a wider window widens the table first.
            self.splitter.addWidget(scrolling(side))
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)
        self.filters.changed.connect(self.model.set_query)
        self.model.loaded.connect(self._show_count)
        self.model.set_query(replace(self.filters.query(), sort=self.view.default_sort,
                                     descending=self.descending))

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSortIndicator(self.columns.index(self.view.default_sort),
                                Qt.SortOrder.DescendingOrder if self.descending
                                else Qt.SortOrder.AscendingOrder)
        # Clicking a header sorts; unlike setSortingEnabled, nothing sorts on its own.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(26)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        table.activated.connect(lambda index: self.open_row(index.row()))
        return table

    def side_panel(self) -> QWidget | None:
        return None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.model.shown()

    def _show_count(self) -> None:
        self.count_label.setText(tr("{count} row(s)").format(count=f"{self.model.rowCount():,}"))

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def open_row(self, number: int) -> None:
        """Enter or double-click on a row: edit or show it."""

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"{self.key}/header", self.table.horizontalHeader().saveState())
        settings.setValue(f"{self.key}/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for name, target in (("header", self.table.horizontalHeader()),
                             ("splitter", self.splitter)):
            state = settings.value(f"{self.key}/{name}")
            if isinstance(state, QByteArray):
                target.restoreState(state)

    def resize_columns(self, widths: dict[str, int]) -> None:
        for key, width in widths.items():
            if key in self.columns:
                self.table.setColumnWidth(self.columns.index(key), width)
