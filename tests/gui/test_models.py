"""The table models: lazy pages, sort, filters, staleness; each checked by Qt's model tester."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import problems, queries
from core.queries import Query
from gui import labels
from gui.models.table import PAGE, LedgerTableModel
from acceptance_data import ACCEPTED

pytestmark = pytest.mark.gui

COLUMNS = {
    "problem": ("number", "region", "enterprise", "category", "status", "deadline"),
    "enterprise": ("name", "credit_code", "region", "key_monitored"),
    "inspection": ("inspected_on", "enterprise", "kind", "result", "officers", "problems"),
    "penalty_case": ("case_number", "enterprise", "fine_fen", "measures"),
    "campaign": ("name", "starts_on", "batches", "problems"),
    "batch": ("number", "name", "campaign", "problems"),
}


def _model(ctx, kind):
    view = queries.VIEWS[kind]
    return LedgerTableModel(ctx, view, COLUMNS[kind], labels.headers(), labels.cell)


@pytest.mark.parametrize("kind", sorted(COLUMNS))
def test_every_model_passes_the_model_tester(ctx, idle, qtmodeltester, kind):
    model = _model(ctx, kind)
    model.set_query(Query())
    idle()
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=False)
    model.sort(len(COLUMNS[kind]) - 1, Qt.SortOrder.DescendingOrder)
    idle()
    model.data(model.index(model.rowCount() - 1, 0))  # fetch the last page too
    idle()
    assert model.data(model.index(model.rowCount() - 1, 0)) is not None


def test_pages_fill_as_rows_are_shown(ctx, idle):
    model = _model(ctx, "problem")
    model.set_query(Query(sort="number"))
    idle()
    assert model.rowCount() == 2507
    last = model.index(2506, 0)
    assert model.data(last) is None  # not read yet: asked for, not waited for
    assert model.data(model.index(PAGE, 0)) is None
    idle()
    numbers = [model.value(n, "number") for n in (0, PAGE, 2506)]
    assert numbers == sorted(numbers)
    assert model.data(last) == numbers[-1]


def test_filter_and_search_change_the_rows(ctx, idle):
    model = _model(ctx, "problem")
    model.set_query(Query(status="closed"))
    idle()
    closed = model.rowCount()
    assert 0 < closed < 2507
    assert {model.data(model.index(n, 4)) for n in range(min(closed, PAGE))} == {"已销号"}
    model.set_query(Query(text="脱硫脱硝", overdue=True))
    idle()
    assert 0 < model.rowCount() < closed
    assert all("脱硫脱硝" in ctx.db.call(lambda l, i=model.row_id(n): problems.get(l, i))
               ["description"] for n in range(model.rowCount()))


def test_a_write_marks_the_rows_stale_and_they_are_read_again(ctx, idle):
    model = _model(ctx, "problem")
    model.set_query(Query(status="assigned", sort="number"))
    idle()
    before = model.rowCount()
    row_id = model.row_id(0)
    ctx.db.op(lambda ledger: problems.transition(ledger, row_id, "in_progress", acceptance=ACCEPTED)).run()
    idle()
    assert model.rowCount() == before - 1
    assert model.row_id(0) != row_id



def test_a_header_restored_as_it_was_reads_the_rows_once(ctx, idle, qtbot):
    """The window reopens on the sort it closed with: the first rows are asked for once,
    not once for the page and again for its restored header (the second read would keep
    them waiting for another reader's connection at start); a sort changed last time
    reads them again, in its order."""
    from gui.pages.problems import ProblemsPage

    reads = []
    submit = ctx.db.submit
    ctx.db.submit = lambda op: (reads.append(op.lane), submit(op))
    try:
        page = ProblemsPage(ctx)
        qtbot.addWidget(page)
        idle()
        page.save_state(ctx.settings)
        reads.clear()
        reopened = ProblemsPage(ctx)
        qtbot.addWidget(reopened)
        reopened.restore_state(ctx.settings)
        idle()
        assert len(reads) == 1  # the count and first page, asked for as the page was built
        assert reopened.model.query.sort == page.model.query.sort
        page.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        idle()
        page.save_state(ctx.settings)
        third = ProblemsPage(ctx)
        qtbot.addWidget(third)
        third.restore_state(ctx.settings)
        idle()
    finally:
        del ctx.db.submit
    assert (third.model.query.sort, third.model.query.descending) == ("number", False)
    assert third.model.value(0, "number") == page.model.value(0, "number")
