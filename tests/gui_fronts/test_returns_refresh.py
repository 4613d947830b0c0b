"""The Returns page follows the ledger: a write that changes its figures shows at once when
the page is in view, and when it is next shown if it was hidden; other writes leave it."""
from __future__ import annotations

import pytest

from core import problems, statistics
from core.changes import Changes
from gui.pages.returns import ReturnsPage

pytestmark = pytest.mark.gui

AS_OF = "2026-11-20"
HEADER = "交办问题数（个）"


@pytest.fixture
def page(ctx, qtbot):
    returns_page = ReturnsPage(ctx)
    qtbot.addWidget(returns_page)
    returns_page.show()
    qtbot.waitUntil(lambda: returns_page.template.count() > 0)
    returns_page.template.setCurrentIndex(returns_page.template.findData("campaign_progress"))
    returns_page.as_of.setText(AS_OF)
    returns_page.refresh()
    qtbot.waitUntil(lambda: ctx.db.pending == 0)
    return returns_page


def assigned_total(page) -> int:
    model = page.model
    first = model.first_data_row
    column = next(c for r in range(first) for c in range(model.columnCount())
                  if model.texts[r][c].replace("\n", "") == HEADER)
    row = next(r for r in range(first, model.rowCount()) if model.texts[r][0] == "合计")
    return int(model.texts[row][column])


def withdraw_one(ledger):
    row_id = ledger.conn.execute(
        "SELECT id FROM problem WHERE withdrawn_on IS NULL AND assigned_on < '2026-11-01' "
        "ORDER BY assigned_on LIMIT 1").fetchone()[0]
    return problems.withdraw(ledger, row_id, "重复交办", on="2026-11-10")


def figures(ctx) -> int:
    return ctx.db.call(lambda ledger: statistics.breakdown(
        ledger, AS_OF, statistics.Filter())).total.assigned


def test_a_write_that_changes_the_figures_refreshes_the_page_in_view(page, ctx, qtbot):
    before = assigned_total(page)
    assert before == figures(ctx) > 0
    ctx.db.op(withdraw_one).run()
    qtbot.waitUntil(lambda: assigned_total(page) == before - 1, timeout=20_000)
    assert assigned_total(page) == figures(ctx)


def test_a_hidden_page_reads_once_when_shown_again(page, ctx, qtbot, monkeypatch):
    before = assigned_total(page)
    page.hide()
    builds = []
    real = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (builds.append(1), real())[1])
    ctx.db.op(withdraw_one).run()
    ctx.db.op(withdraw_one).run()
    qtbot.waitUntil(lambda: ctx.db.pending == 0)
    qtbot.wait(50)
    assert assigned_total(page) == before  # hidden: not rebuilt after each write
    page.show()
    qtbot.waitUntil(lambda: assigned_total(page) == before - 2, timeout=20_000)


def test_a_write_to_other_tables_does_not_rebuild_the_return(page, ctx, qtbot):
    built = []
    ctx.db.op = (lambda real: lambda fn: (built.append(fn), real(fn))[1])(ctx.db.op)
    with qtbot.waitSignal(ctx.changed, timeout=5000):
        ctx.changed.emit(Changes.of("attachment"))  # a photo added: no figure moves
    qtbot.waitUntil(lambda: ctx.db.pending == 0)
    assert built == []
    with qtbot.waitSignal(ctx.changed, timeout=5000):
        ctx.changed.emit(Changes.of("problem_log"))
    assert len(built) == 1  # the control: a write to a table it shows does rebuild it
