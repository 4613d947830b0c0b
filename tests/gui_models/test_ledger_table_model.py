"""The paged problems table under Qt's model checks, on the demo ledger and the real worker."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from core import queries
from core.queries import PROBLEMS, Query
from gui import labels
from gui.models.table import PAGE, LedgerTableModel
from gui.pages.problems import ProblemsPage

DISPLAY, FOREGROUND = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole
COLUMNS = ProblemsPage.columns


def _model(ctx, checked):
    return checked(LedgerTableModel(ctx, PROBLEMS, COLUMNS, labels.headers(), labels.cell,
                                    ProblemsPage.watched))


def _show(model, qtbot, query: Query) -> None:
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(query)


def _core_rows(ctx, query: Query, offset: int, limit: int) -> list[tuple]:
    def read(ledger):
        total = queries.count(ledger, PROBLEMS, query)
        return queries.page_at(ledger, PROBLEMS, query, offset, limit, total).rows
    return ctx.db.call(read)


def _position(key: str) -> int:
    return 1 + PROBLEMS.keys.index(key)


def _cell(model, row: int, key: str):
    return model.index(row, COLUMNS.index(key)).data(DISPLAY)


def test_the_problems_table_shows_chinese_headers_and_the_ledgers_rows(ctx, checked, qtbot):
    model = _model(ctx, checked)
    query = Query(sort="assigned_on", descending=True)
    _show(model, qtbot, query)
    table = QTableView()
    qtbot.addWidget(table)
    model.show_in(table)  # the titles a page's table shows over its columns
    titles = table.horizontalHeader().model()
    heads = [titles.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert heads[:5] == ["编号", "县（市、区）", "企业", "问题类别", "问题描述"]
    assert heads[6:] == ["整改时限", "整改状态", "问题来源", "责任单位"]
    assert table.horizontalHeader().count() == len(COLUMNS) == model.columnCount()
    assert table.verticalHeader().model() is model
    assert model.headerData(0, Qt.Orientation.Vertical) == 1  # rows numbered from 1
    total = ctx.db.call(lambda ledger: queries.count(ledger, PROBLEMS, query))
    assert model.rowCount() == total == 2507
    first = _core_rows(ctx, query, 0, 1)[0]
    assert _cell(model, 0, "number") == first[_position("number")]
    assert _cell(model, 0, "assigned_on") == first[_position("assigned_on")]
    assert len(_cell(model, 0, "assigned_on")) == 10  # a date, 2026-..-..
    status = _cell(model, 0, "status")
    assert status and status.isascii() is False  # 整改中 / 已销号, never the code
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == first[0]  # the row's id


def test_the_assigned_column_is_headed_as_a_date(ctx, checked, qtbot):
    model = _model(ctx, checked)
    _show(model, qtbot, Query(sort="assigned_on", descending=True))
    header = model.titles.headerData(COLUMNS.index("assigned_on"), Qt.Orientation.Horizontal)
    assert "日期" in header or header == "交办时间"


def test_overdue_rows_are_red_and_the_count_follows_a_filter(ctx, checked, qtbot):
    model = _model(ctx, checked)
    _show(model, qtbot, Query(sort="assigned_on", descending=True))
    everything = model.rowCount()
    _show(model, qtbot, Query(overdue=True))  # a second reset under the tester
    overdue = ctx.db.call(lambda ledger: queries.count(ledger, PROBLEMS, Query(overdue=True)))
    assert 0 < model.rowCount() == overdue < everything
    colour = model.index(0, 0).data(FOREGROUND)  # Qt paints a colour as its brush
    assert colour is not None and colour.name() == "#b3261e"
    _show(model, qtbot, Query(status="closed"))
    assert model.rowCount() > 0
    assert {_cell(model, r, "status") for r in range(min(20, model.rowCount()))} == {"已销号"}
    assert model.index(0, 0).data(FOREGROUND) is None  # a closed problem is not overdue


def test_scrolling_reads_further_pages_by_key(ctx, checked, qtbot, monkeypatch):
    reads = []
    for name in ("page_at", "page_after", "page_before"):
        monkeypatch.setattr(queries, name, lambda *a, _fn=getattr(queries, name), _name=name,
                            **k: reads.append(_name) or _fn(*a, **k))
    model = _model(ctx, checked)
    query = Query(sort="number", descending=False)
    _show(model, qtbot, query)
    assert not model.canFetchMore(model.index(-1, -1))  # the count is known: no fetchMore
    far = 5 * PAGE + 7
    assert model.row(far) is None  # not read yet: asked for now
    qtbot.waitUntil(lambda: model.row(far) is not None, timeout=20_000)
    assert reads == ["page_at", "page_at"]  # the first page, then a jump: by position
    expected = _core_rows(ctx, query, 5 * PAGE, 2 * PAGE)
    del reads[:]
    assert model.row_id(far) == expected[7][0]
    assert _cell(model, far, "number") == expected[7][_position("number")]
    # the next page down is read after the key of the last row held (key-set paging)
    with qtbot.waitSignal(model.dataChanged, timeout=20_000):
        model.row(6 * PAGE)
    assert reads == ["page_after"]
    assert model.row_id(6 * PAGE + 3) == expected[PAGE + 3][0]
    assert model.rowCount() == 2507  # scrolling reads rows, it never changes the count


def test_sorting_by_a_column_changes_the_first_row(ctx, checked, qtbot):
    model = _model(ctx, checked)
    _show(model, qtbot, Query(sort="assigned_on", descending=True))
    newest = _cell(model, 0, "number")
    column = COLUMNS.index("number")
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.sort(column, Qt.SortOrder.AscendingOrder)
    numbers = ctx.db.call(lambda ledger: [r[0] for r in ledger.conn.execute(
        "SELECT number FROM problem ORDER BY number")])
    assert _cell(model, 0, "number") == numbers[0] != newest
    assert _cell(model, 1, "number") == numbers[1]
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.sort(column, Qt.SortOrder.DescendingOrder)
    assert _cell(model, 0, "number") == numbers[-1]
    assert model.query.sort == "number" and model.query.descending


def _page_models():
    from gui.pages.campaigns import CampaignsPage
    from gui.pages.records import EnterprisesPage, InspectionsPage, PenaltiesPage

    return [(page.view, page.columns, page.watched) for page in
            (EnterprisesPage, InspectionsPage, PenaltiesPage, CampaignsPage)] + [
        (queries.BATCHES, ("number", "name", "issued_on", "letter_number", "problems"),
         ("batch", "problem"))]


@pytest.mark.parametrize("view, columns, watched", _page_models(),
                         ids=["enterprises", "inspections", "penalties", "campaigns", "batches"])
def test_every_browser_pages_table_passes_and_shows_the_ledgers_first_row(
        ctx, checked, qtbot, view, columns, watched):
    model = checked(LedgerTableModel(ctx, view, columns, labels.headers(), labels.cell,
                                     watched))
    query = Query(sort=view.default_sort, descending=True)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(query)

    def read(ledger):
        total = queries.count(ledger, view, query)
        return total, queries.page_at(ledger, view, query, 0, 1, total).rows[0]
    total, first = ctx.db.call(read)
    assert model.rowCount() == total > 0
    heads = [model.titles.headerData(c, Qt.Orientation.Horizontal) for c in range(len(columns))]
    assert all(h and not h.isascii() for h in heads), heads  # every header in Chinese
    for column, key in enumerate(columns):
        value = first[1 + view.keys.index(key)]
        index = model.index(0, column)
        assert index.data(DISPLAY) == labels.cell(key, value)
        aligned = index.data(Qt.ItemDataRole.TextAlignmentRole)
        assert (aligned is not None) == (key in ("fine_fen", "daily_fine_fen", "problems",
                                                 "batches", "target_rate"))


def test_a_penalty_shows_its_fine_in_yuan_right_aligned(ctx, checked, qtbot):
    from gui.pages.records import PenaltiesPage

    columns = PenaltiesPage.columns
    model = checked(LedgerTableModel(ctx, queries.PENALTIES, columns, labels.headers(),
                                     labels.cell, PenaltiesPage.watched))
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(Query(sort="fine_fen", descending=True))
    fen = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT max(fine_fen) FROM penalty_case").fetchone()[0])
    fine = model.index(0, columns.index("fine_fen"))
    assert fine.data() == f"{fen / 100:,.2f}" and "," in fine.data()  # 1,000,000.00
    assert model.titles.headerData(columns.index("fine_fen"), Qt.Orientation.Horizontal) == "罚款金额（元）"
    assert fine.data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def test_overdue_rows_are_painted_red(ctx, checked, qtbot):
    """The overdue colour reaches the screen: the table's pixels include its red."""
    from PySide6.QtWidgets import QTableView

    model = _model(ctx, checked)
    _show(model, qtbot, Query(overdue=True))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(900, 300)
    image = table.viewport().grab().toImage()
    reds = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if (lambda c: c.red() > 150 and c.green() < 80 and c.blue() < 80)(
                   image.pixelColor(x, y)))
    assert reds > 20  # the text of the visible rows, in #b3261e
