"""What the main window needs of a page, and the ledger browser most pages are."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSplitter, QStackedWidget, QTableView, QVBoxLayout,
                               QWidget)

from core import queries, search
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
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        layout = QHBoxLayout()
        outer.addLayout(layout)
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
                edit.editingFinished.connect(self._date_typed)
            layout.addWidget(self.date_from)
            layout.addWidget(QLabel(tr("to")))
            layout.addWidget(self.date_to)
        self.date_error = QLabel()
        self.date_error.setObjectName("date_error")
        self.date_error.setStyleSheet("color: #b3261e;")
        self.date_error.setWordWrap(True)
        self.date_error.hide()
        outer.addWidget(self.date_error)  # under the filters: it never widens the window
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

    def _date_typed(self) -> None:
        """A date filter typed: applied when it is a date, else said so (the rows stay)."""
        wrong = [e.text().strip() for e in (self.date_from, self.date_to) if not e.is_valid()]
        for edit in (self.date_from, self.date_to):
            edit.setStyleSheet("" if edit.is_valid() else "border: 1px solid #b3261e;")
        self.date_error.setText(tr("Not a date: “{text}”. Type it as 2024-08-05.")
                                .format(text=wrong[0]) if wrong else "")
        self.date_error.setVisible(bool(wrong))
        if not wrong:
            self._emit()

    def set_values(self, region_code: str | None = None, status: str | None = None,
                   category: str | None = None, campaign_id: str | None = None,
                   batch_id: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, overdue: bool = False, text: str = "") -> None:
        """Show these filters (blank: any) without running a query."""
        for combo, code in ((self.region, region_code), (self.status, status),
                            (self.category, category), (self.campaign, campaign_id),
                            (self.batch, batch_id)):
            if combo is not None:
                combo.blockSignals(True)
                combo.set_code(code)
                combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)
        for edit, day in ((self.date_from, date_from), (self.date_to, date_to)):
            if edit is not None:
                edit.setText(day or "")
                edit.setStyleSheet("")
        self.date_error.hide()
        if self.overdue is not None:
            self.overdue.blockSignals(True)
            self.overdue.setChecked(overdue)
            self.overdue.blockSignals(False)

    def clear(self) -> None:
        """Every filter blank, then the query of them all."""
        self.set_values()
        self._emit()


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
        self.splitter = QSplitter()  # side by side
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
        self._empty = None  # built when the page first has nothing to show (see `empty`)
        self.body = QStackedWidget()
        self.body.addWidget(self.splitter)
        self.selection = self._selection_bar()
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.selection)
        layout.addWidget(self.body, 1)
        layout.addLayout(self._bottom_row())
        self.filters.changed.connect(self._filtered)
        self.model.loaded.connect(self._show_count)
        self.model.modelReset.connect(lambda: self.row_chosen(None))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.row_chosen(self.model.row_id(current.row())
                                               if current.isValid() else None))
        self._select_after: tuple[str, str, str] | None = None  # a row to select once read
        sort, descending = self._saved_sort()
        self.model.set_query(replace(self.filters.query(), sort=sort, descending=descending))

    def _bottom_row(self) -> QHBoxLayout:
        """The count, what the colours mean (if any), and the buttons: under the table,
        so that they widen neither the filter bar nor the window."""
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.hide()
        row.addWidget(self.legend)
        row.addStretch(1)
        self.clear_button = QPushButton(tr("Clear filters"))
        self.clear_button.setToolTip(tr("Show every row again"))
        self.clear_button.clicked.connect(self.clear_filters)
        row.addWidget(self.clear_button)
        self.new_button = QPushButton(tr("New"))
        self.new_button.setToolTip(tr("New record (Ctrl+N)"))
        self.new_button.clicked.connect(self._new)
        self.new_button.setVisible(self.makes_records())
        row.addWidget(self.new_button)
        return row

    def _selection_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("selection_bar")
        bar.setStyleSheet("#selection_bar { background: #e8f0fe; }")
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 2, 4, 2)
        self.selection_text = QLabel()
        self.selection_text.setObjectName("selection")
        self.selection_text.setWordWrap(True)
        row.addWidget(self.selection_text, 1)
        back = QPushButton(tr("Clear filters"))
        back.clicked.connect(self.clear_filters)
        row.addWidget(back)
        bar.hide()
        return bar

    def empty_text(self) -> str:
        """What an empty page says (no row at all, no filter set)."""
        return tr("Nothing has been recorded here yet.")

    def makes_records(self) -> bool:
        """Whether this page has a New button (it overrides `new_record`)."""
        return type(self).new_record is not Page.new_record

    def _new(self) -> None:
        self.new_record()

    def row_chosen(self, row_id: str | None) -> None:
        """The current row changed (None: no row is current): show it beside the table."""

    def show_rows(self, ids: list[str], caption: str) -> None:
        """Show exactly the rows `ids` (a drill-down from a plot), described by `caption`,
        until a filter changes; the filters shown say what they can of it."""
        self.selection_text.setText(caption)
        self.selection.show()
        self.table.setCurrentIndex(QModelIndex())
        self.row_chosen(None)
        self.model.set_query(replace(self.filters.query(), ids=tuple(ids)))

    def clear_filters(self) -> None:
        """Every filter back to its blank entry, and every row shown."""
        self.filters.clear()

    def _filtered(self, query: Query) -> None:
        self.selection.hide()
        self.model.set_query(query)

    # -- forms
    def open_form(self, form) -> None:
        """Open `form`; once saved, say so and (a new record) select its row."""
        new = form.row_id is None
        form.saved.connect(lambda changes: self.saved(changes, new))
        form.open()

    def edit_form(self, form_class, row_id: str) -> None:
        """The editor of `row_id` (the one open, or a new one); a save says so."""
        form = form_class.edit(self.ctx, row_id, parent=self)
        if not getattr(form, "reports_to_page", False):
            form.reports_to_page = True
            form.saved.connect(lambda changes: self.saved(changes, False))

    def saved(self, changes, new: bool) -> None:
        if not new or not changes.ids:
            self.status_message.emit(tr("Saved."))
            return
        self.select_when_loaded(changes.ids[0], tr("Saved {what}; the new row is selected."),
                                tr("Saved {what}. The filters set hide the new row: Clear "
                                   "filters shows it."))

    def select_when_loaded(self, row_id: str, said: str = "", hidden: str = "") -> None:
        """Once the rows asked for have been read, select and show `row_id`, then say
        `said` (or `hidden` when the query does not select it); {what} in them is the
        row's first column (a problem's number, an enterprise's name)."""
        if self._select_after is None:
            self.model.loaded.connect(self._select_saved)
        self._select_after = (row_id, said, hidden)

    def _select_saved(self) -> None:
        self.model.loaded.disconnect(self._select_saved)
        (row_id, said, hidden), self._select_after = self._select_after, None
        view, query, key = self.view, self.model.query, self.columns[0]

        def find(ledger):
            number = queries.position(ledger, view, query, row_id)
            everywhere = queries.Query(ids=(row_id,))
            row = queries.page_at(ledger, view, everywhere, 0, 1).rows
            what = labels.cell(key, row[0][1 + view.keys.index(key)]) if row else ""
            return number, what
        self.ctx.db.read(find).success(lambda found: self._selected(*found, said, hidden)).run()

    def _selected(self, number: int | None, what: str, said: str, hidden: str) -> None:
        if number is None or number >= self.model.rowCount():
            if hidden:
                self.status_message.emit(hidden.format(what=what))
            return
        index = self.model.index(number, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()
        if said:
            self.status_message.emit(said.format(what=what))

    def _make_table(self) -> QTableView:
        table = QTableView()
        self.model.show_in(table)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        # Clicking a header sorts (once `when_idle` has shown the arrow); unlike
        # setSortingEnabled, nothing sorts on its own.
        header.setSectionsClickable(True)
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
        unfiltered = replace(self.model.query, sort=None, descending=False, today=None) == Query()
        empty = unfiltered and self.model.rowCount() == 0
        if self.model.rowCount() == 0 and not unfiltered:
            self.count_label.setText(tr("No row matches the filters set; Clear filters shows "
                                        "every row."))
        self.body.setCurrentWidget(self.empty if empty else self.splitter)
        if empty:
            self.empty.refresh()

    @property
    def empty(self):
        """What the page shows instead of an empty table (first_day.EmptyState): built
        the first time it is wanted, not by every page that has rows to show."""
        if self._empty is None:
            from ..first_day import EmptyState

            self._empty = EmptyState(self.ctx, self.empty_text(), self._new
                                     if self.makes_records() else None, tr("New record"))
            self.body.addWidget(self._empty)
        return self._empty

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def open_row(self, number: int) -> None:
        """Enter or double-click on a row: edit or show it."""

    def when_idle(self) -> None:
        """Once the window's first paint is done (at once for a page opened later): the
        arrow on the column the rows are sorted by, and with it sorting by a click on a
        header. Setting it names a Qt.SortOrder, which the first page must not (see
        gui/enums.py)."""
        from PySide6.QtCore import Qt

        header, query = self.table.horizontalHeader(), self.model.query
        header.setSortIndicatorShown(True)
        if query.sort in self.columns:
            header.setSortIndicator(self.columns.index(query.sort),
                                    Qt.SortOrder.DescendingOrder if query.descending
                                    else Qt.SortOrder.AscendingOrder)

    def _saved_sort(self) -> tuple[str, bool]:
        """The column the rows were last sorted by on this page and whether downwards,
        else the view's own order."""
        column, _, order = str(self.ctx.settings.value(f"{self.key}/sort", "")).partition(" ")
        if column in self.columns:
            return column, order == "descending"
        return self.view.default_sort, self.descending

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"{self.key}/header", self.table.horizontalHeader().saveState())
        settings.setValue(f"{self.key}/splitter", self.splitter.saveState())
        query = self.model.query
        if query.sort in self.columns:
            settings.setValue(f"{self.key}/sort", f"{query.sort} "
                              f"{'descending' if query.descending else 'ascending'}")

    def restore_state(self, settings: QSettings) -> None:
        for name, target in (("header", self.table.horizontalHeader()),
                             ("splitter", self.splitter)):
            state = settings.value(f"{self.key}/{name}")
            if isinstance(state, QByteArray):
                # quietly: the widths; the rows' order is kept apart (`_saved_sort`)
                target.blockSignals(True)
                target.restoreState(state)
                target.blockSignals(False)

    def resize_columns(self, widths: dict[str, int]) -> None:
        for key, width in widths.items():
            if key in self.columns:
                self.table.setColumnWidth(self.columns.index(key), width)
