"""Browser pages refresh from the tables a write touched, and only when they are in view."""
from __future__ import annotations

import pytest

from core import problems, queries
from core.changes import Changes

pytestmark = pytest.mark.gui


def _counting_reads(ctx, monkeypatch):
    reads = []
    real = ctx.db.read
    monkeypatch.setattr(ctx.db, "read", lambda fn: (reads.append(fn), real(fn))[1])
    return reads


def _withdraw_first(ledger):
    row_id = ledger.conn.execute("SELECT id FROM problem WHERE withdrawn_on IS NULL "
                                 "ORDER BY rowid LIMIT 1").fetchone()[0]
    problems.withdraw(ledger, row_id, "重复交办")
    return Changes.of("problem", ids=(row_id,))


def test_a_page_shown_after_a_write_refreshes_and_a_hidden_one_waits(qtbot, ctx, window, idle,
                                                                     monkeypatch):
    page = window.page("problems")
    idle()
    before = page.model.rowCount()
    window.page("enterprises")
    idle()
    assert not page.isVisible()
    reads = _counting_reads(ctx, monkeypatch)
    with qtbot.waitSignal(ctx.changed):
        ctx.db.op(_withdraw_first).run()
    idle()
    assert not any(getattr(fn, "__qualname__", "").startswith("LedgerTableModel")
                   for fn in reads)  # hidden: the problems page read nothing
    window.page("problems")
    idle()
    assert any(fn.__qualname__.startswith("LedgerTableModel") for fn in reads)
    assert page.model.rowCount() == before  # withdrawn rows stay listed, shown muted
    row_id = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id FROM problem WHERE withdrawn_on IS NOT NULL").fetchone()[0])
    order = ctx.db.call(lambda ledger: [r[0] for r in queries.page(
        ledger, queries.PROBLEMS, page.model.query, 0, before)])
    number = order.index(row_id)
    page.model.row(number)
    idle()
    assert page.model.row_id(number) == row_id and page.model.value(number, "withdrawn")


def test_a_write_to_tables_a_page_does_not_show_reads_nothing(qtbot, ctx, window, idle,
                                                              monkeypatch):
    page = window.page("problems")
    idle()
    reads = _counting_reads(ctx, monkeypatch)
    ctx.changed.emit(Changes.of("random_officer"))
    idle()
    assert reads == []
    ctx.changed.emit(Changes.of("problem"))
    idle()
    assert len(reads) == 1 and page.isVisible()
