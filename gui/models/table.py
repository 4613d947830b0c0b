"""A table model over a `core.queries` view: a row count and a lazily filled page cache.

The model never runs SQL itself: it asks the database reader for the count and for
pages, fills them in as they arrive, and keeps at most `MAX_PAGES` pages. A page next to
one it holds is read by key (after that page's last row, or before its first), which
costs the same anywhere in a million rows; only a jump reads by position.
A `Changes` signal touching its table marks the cache stale: rows stay on screen and
are read again as they are shown.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QColor, QStandardItemModel

from core import queries
from core.changes import Changes
from core.queries import Query, View

from ..context import AppContext
from ..enums import ALIGNMENT, DISPLAY, FOREGROUND, RIGHT_MIDDLE, TOOLTIP, USER
from ..i18n import tr

PAGE = 200
MAX_PAGES = 60
Index = QModelIndex | QPersistentModelIndex

NUMERIC = frozenset({"fine_fen", "daily_fine_fen", "problems", "batches", "target_rate"})
# Colours, not brushes: Qt paints a QColor as its brush, and building a QBrush from
# Python makes PySide6 weigh its constructors' overloads, loading QImage and QGradient
# with their enums (180 gradient presets among them) before the first paint.
OVERDUE_COLOUR = QColor("#b3261e")
MUTED_COLOUR = QColor("#8a8a8a")
ROLES = frozenset({DISPLAY, TOOLTIP, ALIGNMENT, FOREGROUND, USER})


class LedgerTableModel(QAbstractTableModel):
    """Rows of one view under one query; `columns` are the keys shown, in order.

    Its column titles live in `titles`, a Qt-made model that a view's header shows
    (`show_in`): a headerData() of our own would have Qt hand Python an orientation for
    every header section painted, and with it build Qt's whole namespace of enums before
    the first paint (gui/enums.py). The row numbers are Qt's own, 1 up."""

    loaded = Signal()  # the count and the first page of a new query arrived

    def __init__(self, ctx: AppContext, view: View, columns: tuple[str, ...],
                 headers: dict[str, str], display: Callable[[str, Any], Any],
                 watched: tuple[str, ...] = (), parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.columns = columns
        self.headers = headers
        self.titles = QStandardItemModel(0, len(columns), self)
        self.titles.setHorizontalHeaderLabels([headers.get(key, key) for key in columns])
        self.display = display
        self.watched = watched or (view.kind,)
        self.query = Query()
        self._positions = {key: 1 + view.keys.index(key) for key in view.keys}
        self._count = 0
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._keys: dict[int, tuple[queries.Key | None, queries.Key | None]] = {}
        self._stale: set[int] = set()
        self._requested: set[int] = set()
        self._generation = 0
        # Whether a view shows the rows now; while not, writes are kept for `shown()`.
        self.seen: Callable[[], bool] = lambda: True
        self._deferred: Changes | None = None
        ctx.changed.connect(self.on_changes)

    # -- Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def show_in(self, table) -> None:
        """Make `table` (a QTableView) show these rows under these column titles."""
        table.setModel(self)
        header = table.horizontalHeader()
        header.setModel(self.titles)
        # as a header on this model would: laid out again with the rows (a stretched
        # last column fills the width again after the columns were fitted to the rows)
        self.modelReset.connect(header.reset)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in ROLES or not index.isValid():
            return None
        number = index.row()
        if number >= self._count:
            return None
        row = self.row(number)
        if row is None:
            return None
        key = self.columns[index.column()]
        if role == DISPLAY:
            return self.display(key, row[self._positions[key]])
        if role == TOOLTIP:
            return self._tooltip(row, self.display(key, row[self._positions[key]]))
        if role == ALIGNMENT:
            return RIGHT_MIDDLE if key in NUMERIC else None
        if role == FOREGROUND:
            return self._foreground(row)
        return row[0]  # USER

    def sort(self, column: int, order=None) -> None:
        """Sort by `column` (a header clicked): `order` is a Qt.SortOrder, ascending if
        not given."""
        if 0 <= column < len(self.columns):
            from PySide6.QtCore import Qt

            descending = order == Qt.SortOrder.DescendingOrder
            if (self.query.sort, self.query.descending) == (self.columns[column], descending):
                return  # a header restored as it was: the rows asked for are the same
            self.set_query(self.query.sorted_by(self.columns[column], descending))

    # -- rows
    def row(self, number: int) -> tuple | None:
        """The cached row at `number`, asking for its page when missing or stale."""
        page_number = number // PAGE
        page = self._pages.get(page_number)
        if page is None or page_number in self._stale:
            self._request(page_number)
        if page is None:
            return None
        self._pages.move_to_end(page_number)
        offset = number - page_number * PAGE
        return page[offset] if offset < len(page) else None

    def row_id(self, number: int) -> str | None:
        row = self.row(number)
        return row[0] if row else None

    def value(self, number: int, key: str) -> Any:
        row = self.row(number)
        return row[self._positions[key]] if row else None

    def _tooltip(self, row: tuple, text: Any) -> str:
        """The cell's text, and why the row is red or grey (the colours say nothing alone)."""
        text = "" if text is None else str(text)
        if "withdrawn" in self._positions and row[self._positions["withdrawn"]]:
            return "\n".join(filter(None, (text, tr("Grey: withdrawn"))))
        if "overdue" in self._positions and row[self._positions["overdue"]]:
            return "\n".join(filter(None, (text, tr(
                "Red: overdue, open and past the deadline in force"))))
        return text

    def _foreground(self, row: tuple) -> QColor | None:
        if "withdrawn" in self._positions and row[self._positions["withdrawn"]]:
            return MUTED_COLOUR
        if "overdue" in self._positions and row[self._positions["overdue"]]:
            return OVERDUE_COLOUR
        return None

    # -- loading
    def set_query(self, query: Query) -> None:
        """Show the rows `query` selects (keeping the current sort unless it names one)."""
        if query.sort is None and self.query.sort is not None:
            query = replace(query, sort=self.query.sort, descending=self.query.descending)
        self.query = query
        self.reload()

    def reload(self, keep: bool = False) -> None:
        """Count again and read the first page; the view resets when they arrive,
        unless `keep` and the count is unchanged (a refresh keeps the scroll position)."""
        self._generation += 1
        generation, view, query = self._generation, self.view, self.query

        def load(ledger):
            total = queries.count(ledger, view, query)
            return total, queries.page_at(ledger, view, query, 0, PAGE, total)
        self.ctx.db.read(load).success(lambda result: self._loaded(generation, keep, *result)).run()

    def _loaded(self, generation: int, keep: bool, total: int, first: queries.Page) -> None:
        if generation != self._generation:
            return
        if keep and total == self._count:
            self._stale = set(self._pages)
            self._store(0, first)
            if total:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(total - 1, len(self.columns) - 1))
            self.loaded.emit()
            return
        self.beginResetModel()
        self._count = total
        self._pages, self._keys = OrderedDict(), {}
        self._store(0, first)
        self._stale.clear()
        self._requested.clear()
        self.endResetModel()
        self.loaded.emit()

    def _request(self, page_number: int) -> None:
        if page_number in self._requested:
            return
        self._requested.add(page_number)
        generation, view, query, total = self._generation, self.view, self.query, self._count
        read = self._reading(page_number)

        def load(ledger):
            return read(ledger, view, query, total)
        self.ctx.db.read(load).success(
            lambda page: self._page_arrived(generation, page_number, page)).run()

    def _reading(self, page_number: int) -> Callable[..., queries.Page]:
        """By key from a fresh neighbour we hold, else (a jump) by position."""
        above, below = page_number - 1, page_number + 1
        if self._fresh(above) and self._keys[above][1] is not None:
            key = self._keys[above][1]
            return lambda ledger, view, query, total: queries.page_after(
                ledger, view, query, key, PAGE, total)
        if self._fresh(below) and self._keys[below][0] is not None:
            key = self._keys[below][0]
            return lambda ledger, view, query, total: queries.page_before(
                ledger, view, query, key, PAGE, total)
        offset = page_number * PAGE
        return lambda ledger, view, query, total: queries.page_at(
            ledger, view, query, offset, PAGE, total)

    def _fresh(self, page_number: int) -> bool:
        return page_number in self._pages and page_number not in self._stale \
            and len(self._pages[page_number]) == PAGE

    def _store(self, page_number: int, page: queries.Page) -> None:
        self._pages[page_number] = page.rows
        self._pages.move_to_end(page_number)
        self._keys[page_number] = (page.first, page.last)
        self._stale.discard(page_number)
        while len(self._pages) > MAX_PAGES:
            dropped, _ = self._pages.popitem(last=False)
            self._keys.pop(dropped, None)

    def _page_arrived(self, generation: int, page_number: int, page: queries.Page) -> None:
        self._requested.discard(page_number)
        if generation != self._generation:
            return
        self._store(page_number, page)
        first = page_number * PAGE
        last = min(first + PAGE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def on_changes(self, changes: Changes) -> None:
        """A write touched our rows: count again if rows may have come or gone, else
        let the cached pages be read again as they are shown."""
        if not changes.touches(*self.watched):
            return
        if not self.seen():
            self._deferred = changes if self._deferred is None else self._deferred | changes
            return
        if changes.touches(self.view.kind):
            self.reload(keep=True)
            return
        self._stale = set(self._pages)
        if self._count:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._count - 1, len(self.columns) - 1))

    def shown(self) -> None:
        """The rows are in view again: catch up, once, with the writes made meanwhile."""
        deferred, self._deferred = self._deferred, None
        if deferred is not None:
            self.on_changes(deferred)
